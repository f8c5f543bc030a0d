// Expert profiles (docs/protocol.md §9.2): what an expert says about
// themselves, signed by their identity key, bound to one network.
//
// A Profile only exists verified: ParseProfile returns one only when every
// bound holds, its fields fit the charter's taxonomy, it has not expired, and
// the signature verifies under the identity key it names (or, read back
// from this node's store, did when it was stored: verification.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "crypto/bytes.h"
#include "crypto/sign.h"
#include "daemon/directory/charter.h"
#include "daemon/directory/verification.h"
#include "daemon/util/status.h"

namespace parley::directory {

constexpr std::size_t kMaxPersonNameBytes = 128;
constexpr std::size_t kMaxOrganisationBytes = 256;
constexpr std::size_t kMaxRoleBytes = 256;
constexpr std::size_t kMaxBioBytes = 2048;
constexpr std::size_t kMaxProfileAreas = 16;
constexpr std::size_t kMaxProfileLanguages = 16;
constexpr std::size_t kMaxProfileBytes = 16 * 1024;
// A profile that is not renewed disappears from every directory after a
// year: people change posts, and a stale entry misleads.
constexpr std::uint64_t kProfileLifetimeMs = 365ULL * 24 * 3600 * 1000;
// How far ahead of our clock a profile may be dated: without a bound, a
// profile dated years ahead would outlive kProfileLifetimeMs.
constexpr std::uint64_t kMaxClockSkewMs = 24ULL * 3600 * 1000;

struct ProfileFields {
  std::string name_latin;
  std::string name_cyrillic;
  std::string state;  // ISO 3166-1 alpha-2, upper case
  std::string organisation;
  std::string role;
  std::string bio;
  std::vector<std::string> areas;      // the charter's area slugs
  std::vector<std::string> languages;  // ISO 639-1, lower case

  bool operator==(const ProfileFields&) const = default;
};

struct Profile {
  crypto::PublicKey identity_key{};
  NetworkId network_id{};
  std::uint64_t version = 0;
  std::uint64_t created_at_ms = 0;
  std::uint64_t expires_at_ms = 0;
  ProfileFields fields;
  crypto::Bytes card;     // the owner's wire.Card when this version was made
  crypto::Bytes encoded;  // the Signed protobuf exactly as signed
};

// Text rules every directory object shares: surrounding whitespace trimmed;
// UTF-8 within `max` bytes and without control characters, since it is shown
// in terminals.
std::string Trimmed(const std::string& text);
bool IsValidText(const std::string& text, std::size_t max, bool allow_newlines);

// Trims the names, upper-cases the state, lower-cases the languages and
// drops repeated areas and languages; then checks every field against its
// bound and the charter. On failure the Status is InvalidArgument and its
// message is the name of the offending field ("state", "areas", ...).
Status NormaliseProfileFields(ProfileFields& fields, const Charter& charter);

// Signs version `version` of the owner's profile. `fields` must have passed
// NormaliseProfileFields.
Result<Profile> SignProfile(const crypto::SigningKeyPair& owner, const ProfileFields& fields,
                            const Charter& charter, std::uint64_t version, std::uint64_t now_ms,
                            crypto::ByteView card);

Result<Profile> ParseProfile(crypto::ByteView encoded, const Charter& charter, std::uint64_t now_ms,
                             Verification verification = Verification::kFull);

}  // namespace parley::directory
