// How an api.proto ErrorCode reads to the user: the catalogue sentence, and
// which of its placeholders receives Error.detail.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "client/failure.h"
#include "proto/api.pb.h"

namespace parley::client::i18n {

struct ErrorSentence {
  std::string_view key;                 // sentence when detail is set
  std::string_view placeholder;         // which placeholder gets detail ("" = none)
  std::string_view key_without_detail;  // sentence when detail is empty
};

// Defined for every ErrorCode value (unknown values → "error.unknown_code").
ErrorSentence SentenceFor(api::ErrorCode code);

// The profile fields INVALID_PROFILE may name in its detail ("name": neither
// name is given). Each has its own sentence, "error.invalid_profile.<field>",
// saying what is expected; another detail gets the general one.
inline constexpr std::array<std::string_view, 9> kProfileFields = {
    "name", "name_latin", "name_cyrillic", "state",    "organisation",
    "role", "bio",        "areas",         "languages"};

// The detail of STORAGE_FAILED when the daemon's disk is full; it has its
// own sentence, "error.storage_failed.disk_full".
inline constexpr std::string_view kDiskFullDetail = "disk full";

// "UNKNOWN_CONTACT" → "unknown_contact"; unknown values → "error_<n>".
std::string ErrorCodeName(int code);

// The Failure for an error the daemon reported.
Failure DaemonFailure(const api::Error& error);

}  // namespace parley::client::i18n
