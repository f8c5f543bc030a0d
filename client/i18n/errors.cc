#include "client/i18n/errors.h"

#include <algorithm>
#include <cctype>

namespace parley::client::i18n {

ErrorSentence SentenceFor(api::ErrorCode code) {
  switch (code) {
    case api::OK:
      return {"error.internal", "", "error.internal"};
    case api::BAD_REQUEST:
      return {"error.bad_request", "detail", "error.bad_request_plain"};
    case api::UNKNOWN_CONTACT:
      return {"error.unknown_contact", "alias", "error.unknown_contact_plain"};
    case api::ALIAS_TAKEN:
      return {"error.alias_taken", "alias", "error.alias_taken_plain"};
    case api::INVALID_CARD:
      return {"error.invalid_card", "detail", "error.invalid_card_plain"};
    case api::CONTACT_EXISTS:
      return {"error.contact_exists", "alias", "error.contact_exists_plain"};
    case api::OWN_CARD:
      return {"error.own_card", "", "error.own_card"};
    case api::UNKNOWN_REQUEST:
      return {"error.unknown_request", "id", "error.unknown_request_plain"};
    case api::MESSAGE_TOO_LONG:
      return {"error.message_too_long", "limit", "error.message_too_long_plain"};
    case api::EMPTY_MESSAGE:
      return {"error.empty_message", "", "error.empty_message"};
    case api::INVALID_ALIAS:
      return {"error.invalid_alias", "alias", "error.invalid_alias_plain"};
    case api::STORAGE_FAILED:
      return {"error.storage_failed", "", "error.storage_failed"};
    case api::INTERNAL:
      return {"error.internal", "", "error.internal"};
    case api::NO_NETWORK:
      return {"error.no_network", "", "error.no_network"};
    case api::INVALID_PROFILE:
      return {"error.invalid_profile", "field", "error.invalid_profile_plain"};
    case api::NO_PROFILE:
      return {"error.no_profile", "alias", "error.no_own_profile"};
    case api::NOT_ANCHOR:
      return {"error.not_anchor", "", "error.not_anchor"};
    case api::NOT_ENDORSER:
      return {"error.not_endorser", "", "error.not_endorser"};
    case api::WRONG_STATE:
      return {"error.wrong_state", "state", "error.wrong_state_plain"};
    case api::NOT_CONTACT_POINT:
      return {"error.not_contact_point", "alias", "error.not_contact_point_plain"};
    case api::INVALID_STATE:
      return {"error.invalid_state", "state", "error.invalid_state_plain"};
    case api::ALREADY_SUSPENDED:
      return {"error.already_suspended", "alias", "error.already_suspended_plain"};
    case api::KEY_REVOKED:
      return {"error.key_revoked", "alias", "error.own_key_revoked"};
    case api::INVALID_REVOCATION:
      return {"error.invalid_revocation", "detail", "error.invalid_revocation_plain"};
    case api::NOT_REVOKER:
      return {"error.not_revoker", "alias", "error.not_revoker_plain"};
    case api::UNKNOWN_INTRODUCTION:
      return {"error.unknown_introduction", "id", "error.unknown_introduction_plain"};
    case api::SAME_CONTACT:
      return {"error.same_contact", "", "error.same_contact"};
    case api::INVALID_TAXONOMY:
      return {"error.invalid_taxonomy", "detail", "error.invalid_taxonomy_plain"};
    case api::INVALID_ANCHOR:
      return {"error.invalid_anchor", "detail", "error.invalid_anchor_plain"};
    case api::NOT_FIRST_ANCHOR:
      return {"error.not_first_anchor", "", "error.not_first_anchor"};
    case api::KEY_CHANGED:
      return {"error.key_changed", "alias", "error.key_changed_plain"};
    case api::NUMBER_NOT_SHOWN:
      return {"error.number_not_shown", "alias", "error.number_not_shown_plain"};
    default:
      break;
  }
  return {"error.unknown_code", "detail", "error.unknown_code"};
}

std::string ErrorCodeName(int code) {
  if (!api::ErrorCode_IsValid(code)) return "error_" + std::to_string(code);
  std::string name = api::ErrorCode_Name(static_cast<api::ErrorCode>(code));
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

Failure DaemonFailure(const api::Error& error) {
  ErrorSentence sentence = SentenceFor(error.code());
  Failure failure;
  failure.kind = FailureKind::kDaemon;
  failure.code = ErrorCodeName(error.code());
  failure.params = {{"code", std::to_string(error.code())}, {"detail", error.detail()}};
  if (error.detail().empty()) {
    failure.key = std::string(sentence.key_without_detail);
  } else if (error.code() == api::INVALID_PROFILE &&
             std::find(kProfileFields.begin(), kProfileFields.end(), error.detail()) !=
                 kProfileFields.end()) {
    failure.key = "error.invalid_profile." + error.detail();
  } else if (error.code() == api::STORAGE_FAILED && error.detail() == kDiskFullDetail) {
    failure.key = "error.storage_failed.disk_full";
  } else {
    failure.key = std::string(sentence.key);
    if (!sentence.placeholder.empty() && sentence.placeholder != "detail") {
      failure.params.emplace_back(sentence.placeholder, error.detail());
    }
  }
  return failure;
}

}  // namespace parley::client::i18n
