#include "daemon/directory/profile.h"

#include <algorithm>
#include <cctype>

#include "daemon/directory/iso_codes.h"
#include "daemon/directory/signed_object.h"
#include "daemon/identity/card.h"
#include "daemon/util/proto_bytes.h"
#include "proto/directory.pb.h"

namespace parley::directory {

std::string Trimmed(const std::string& text) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

bool IsValidText(const std::string& text, std::size_t max, bool allow_newlines) {
  if (text.size() > max || !identity::IsValidUtf8(text)) return false;
  return std::none_of(text.begin(), text.end(), [&](char c) {
    auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && !(allow_newlines && c == '\n')) || u == 0x7f;
  });
}

namespace {

template <typename Transform>
void NormaliseList(std::vector<std::string>& list, Transform transform) {
  std::vector<std::string> seen;
  for (auto& item : list) {
    std::string value = Trimmed(item);
    std::transform(value.begin(), value.end(), value.begin(), transform);
    if (!value.empty() && std::find(seen.begin(), seen.end(), value) == seen.end()) {
      seen.push_back(std::move(value));
    }
  }
  list = std::move(seen);
}

ProfileFields FieldsFrom(const wire::ProfileBody& body) {
  ProfileFields fields;
  fields.name_latin = body.name_latin();
  fields.name_cyrillic = body.name_cyrillic();
  fields.state = body.state();
  fields.organisation = body.organisation();
  fields.role = body.role();
  fields.bio = body.bio();
  fields.areas.assign(body.areas().begin(), body.areas().end());
  fields.languages.assign(body.languages().begin(), body.languages().end());
  return fields;
}

// The checks after normalisation; the same for one's own and received profiles.
Status CheckFields(const ProfileFields& fields, const Charter& charter) {
  if (fields.name_latin.empty() && fields.name_cyrillic.empty())
    return Status::InvalidArgument("name");
  if (!IsValidText(fields.name_latin, kMaxPersonNameBytes, false))
    return Status::InvalidArgument("name_latin");
  if (!IsValidText(fields.name_cyrillic, kMaxPersonNameBytes, false))
    return Status::InvalidArgument("name_cyrillic");
  if (!fields.state.empty() && !IsStateCode(fields.state)) return Status::InvalidArgument("state");
  if (!IsValidText(fields.organisation, kMaxOrganisationBytes, false))
    return Status::InvalidArgument("organisation");
  if (!IsValidText(fields.role, kMaxRoleBytes, false)) return Status::InvalidArgument("role");
  if (!IsValidText(fields.bio, kMaxBioBytes, true)) return Status::InvalidArgument("bio");
  if (fields.areas.size() > kMaxProfileAreas ||
      !std::all_of(fields.areas.begin(), fields.areas.end(),
                   [&](const std::string& a) { return charter.HasArea(a); })) {
    return Status::InvalidArgument("areas");
  }
  if (fields.languages.size() > kMaxProfileLanguages ||
      !std::all_of(fields.languages.begin(), fields.languages.end(), IsLanguageCode)) {
    return Status::InvalidArgument("languages");
  }
  return Status::Ok();
}

}  // namespace

Status NormaliseProfileFields(ProfileFields& fields, const Charter& charter) {
  fields.name_latin = Trimmed(fields.name_latin);
  fields.name_cyrillic = Trimmed(fields.name_cyrillic);
  fields.state = Trimmed(fields.state);
  std::transform(fields.state.begin(), fields.state.end(), fields.state.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  fields.organisation = Trimmed(fields.organisation);
  fields.role = Trimmed(fields.role);
  fields.bio = Trimmed(fields.bio);
  NormaliseList(fields.areas, [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  NormaliseList(fields.languages,
                [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return CheckFields(fields, charter);
}

Result<Profile> SignProfile(const crypto::SigningKeyPair& owner, const ProfileFields& fields,
                            const Charter& charter, std::uint64_t version, std::uint64_t now_ms,
                            crypto::ByteView card) {
  wire::ProfileBody body;
  body.set_format(1);
  body.set_network_id(AsString(charter.network_id));
  body.set_identity_key(AsString(owner.public_key()));
  body.set_version(version);
  body.set_created_at_ms(now_ms);
  body.set_expires_at_ms(now_ms + kProfileLifetimeMs);
  body.set_name_latin(fields.name_latin);
  body.set_name_cyrillic(fields.name_cyrillic);
  body.set_state(fields.state);
  body.set_organisation(fields.organisation);
  body.set_role(fields.role);
  body.set_bio(fields.bio);
  for (const auto& area : fields.areas) body.add_areas(area);
  for (const auto& language : fields.languages) body.add_languages(language);
  body.set_card(card.data(), card.size());

  const std::string encoded = EncodeSigned(owner, crypto::SignContext::kProfile, body);
  return ParseProfile(crypto::AsBytes(encoded), charter, now_ms);
}

Result<Profile> ParseProfile(crypto::ByteView encoded, const Charter& charter, std::uint64_t now_ms,
                             Verification verification) {
  if (encoded.size() > kMaxProfileBytes) return Status::InvalidArgument("profile too long");
  wire::Signed signed_profile;
  if (!signed_profile.ParseFromArray(encoded.data(), static_cast<int>(encoded.size()))) {
    return Status::InvalidArgument("profile is not readable");
  }
  wire::ProfileBody body;
  if (!body.ParseFromString(signed_profile.body()))
    return Status::InvalidArgument("profile body is not readable");
  // One object, one encoding: digests of what a node holds (sync) must not
  // differ because someone re-encoded the same signature.
  if (!IsCanonicalEncoding(signed_profile, encoded))
    return Status::InvalidArgument("profile is not canonical");
  if (body.format() != 1) return Status::InvalidArgument("unsupported profile format");

  Profile profile;
  crypto::PublicKey signer{};
  crypto::Signature signature{};
  if (!CopyExact(body.network_id(), profile.network_id) ||
      !CopyExact(body.identity_key(), profile.identity_key) ||
      !CopyExact(signed_profile.signer(), signer) ||
      !CopyExact(signed_profile.signature(), signature)) {
    return Status::InvalidArgument("profile field has the wrong size");
  }
  if (profile.network_id != charter.network_id)
    return Status::InvalidArgument("profile belongs to another network");
  if (signer != profile.identity_key) return Status::InvalidArgument("profile not signed by owner");
  const bool verify = verification == Verification::kFull;
  if (verify && !crypto::VerifySignature(crypto::SignContext::kProfile, signer,
                                         crypto::AsBytes(signed_profile.body()), signature)) {
    return Status::InvalidArgument("profile signature does not verify");
  }
  if (body.version() == 0) return Status::InvalidArgument("profile version must be at least 1");
  if (body.expires_at_ms() <= now_ms) return Status::InvalidArgument("profile has expired");
  if (body.created_at_ms() > now_ms + kMaxClockSkewMs)
    return Status::InvalidArgument("profile is dated in the future");
  if (body.expires_at_ms() > body.created_at_ms() + kProfileLifetimeMs)
    return Status::InvalidArgument("profile lives longer than allowed");

  ProfileFields fields = FieldsFrom(body);
  ProfileFields normalised = fields;
  Status checked = NormaliseProfileFields(normalised, charter);
  if (!checked.ok())
    return Status::InvalidArgument("profile field is invalid: " + checked.message());
  if (!(normalised == fields)) return Status::InvalidArgument("profile is not in normal form");

  if (verify) {
    auto card = identity::ParseCardBytes(crypto::AsBytes(body.card()));
    if (!card.ok()) return Status::InvalidArgument("profile card: " + card.status().message());
    if (card->identity.identity_key != profile.identity_key)
      return Status::InvalidArgument("profile card belongs to another identity");
  }

  profile.version = body.version();
  profile.created_at_ms = body.created_at_ms();
  profile.expires_at_ms = body.expires_at_ms();
  profile.fields = std::move(fields);
  profile.card.assign(body.card().begin(), body.card().end());
  profile.encoded.assign(encoded.begin(), encoded.end());
  return profile;
}

}  // namespace parley::directory
