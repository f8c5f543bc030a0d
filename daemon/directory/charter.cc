#include "daemon/directory/charter.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "crypto/base64.h"
#include "daemon/directory/signed_object.h"
#include "daemon/identity/card.h"
#include "daemon/util/proto_bytes.h"
#include "proto/directory.pb.h"

namespace parley::directory {

namespace {

std::string_view TrimSpace(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return text;
}

bool IsValidLabel(const std::string& text, bool required) {
  if (text.empty()) return !required;
  return text.size() <= kMaxLabelBytes && identity::IsValidUtf8(text);
}

void ToProto(const Area& area, wire::Area& out) {
  out.set_slug(area.slug);
  out.set_name_en(area.name_en);
  out.set_name_ru(area.name_ru);
  out.set_priority(area.priority);
  for (const auto& topic : area.topics) {
    auto* t = out.add_topics();
    t->set_slug(topic.slug);
    t->set_name_en(topic.name_en);
    t->set_name_ru(topic.name_ru);
  }
}

Result<std::vector<Area>> AreasFrom(const wire::CharterBody& body) {
  if (body.areas_size() == 0 || static_cast<std::size_t>(body.areas_size()) > kMaxAreas) {
    return Status::InvalidArgument("a charter has 1.." + std::to_string(kMaxAreas) + " areas");
  }
  std::vector<Area> areas;
  std::set<std::string> slugs;
  for (const auto& a : body.areas()) {
    if (!IsValidSlug(a.slug()) || !slugs.insert(a.slug()).second ||
        !IsValidLabel(a.name_en(), true) || !IsValidLabel(a.name_ru(), true) ||
        static_cast<std::size_t>(a.topics_size()) > kMaxTopicsPerArea) {
      return Status::InvalidArgument("charter area is malformed");
    }
    Area area{a.slug(), a.name_en(), a.name_ru(), a.priority(), {}};
    std::set<std::string> topic_slugs;
    for (const auto& t : a.topics()) {
      if (!IsValidSlug(t.slug()) || !topic_slugs.insert(t.slug()).second ||
          !IsValidLabel(t.name_en(), true) || !IsValidLabel(t.name_ru(), true)) {
        return Status::InvalidArgument("charter topic is malformed");
      }
      area.topics.push_back(Topic{t.slug(), t.name_en(), t.name_ru()});
    }
    areas.push_back(std::move(area));
  }
  return areas;
}

}  // namespace

bool Charter::HasArea(std::string_view slug) const {
  return std::any_of(areas.begin(), areas.end(), [&](const Area& a) { return a.slug == slug; });
}

bool Charter::IsAnchor(const crypto::PublicKey& key) const {
  return std::find(anchor_keys.begin(), anchor_keys.end(), key) != anchor_keys.end();
}

std::string Charter::Text() const {
  return std::string(kCharterPrefix) + crypto::ToBase64Url(encoded);
}

std::string AnchorKeyText(const crypto::PublicKey& key) {
  return std::string(kAnchorKeyPrefix) + crypto::ToBase64Url(key);
}

Result<crypto::PublicKey> ParseAnchorKeyText(std::string_view text) {
  text = TrimSpace(text);
  if (text.rfind(kAnchorKeyPrefix, 0) != 0)
    return Status::InvalidArgument("not an anchor key: it must start with parley-anchor:");
  text.remove_prefix(kAnchorKeyPrefix.size());
  if (text.size() > 64) return Status::InvalidArgument("anchor key too long");
  auto bytes = crypto::FromBase64Url(text);
  crypto::PublicKey key{};
  if (!bytes || bytes->size() != key.size())
    return Status::InvalidArgument("anchor key is not 32 bytes of base64url");
  std::copy(bytes->begin(), bytes->end(), key.begin());
  return key;
}

bool IsValidSlug(std::string_view slug) {
  if (slug.empty() || slug.size() > kMaxSlugBytes || slug.front() == '-' || slug.back() == '-') {
    return false;
  }
  return std::all_of(slug.begin(), slug.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

namespace {

Result<Charter> SignCharter(const crypto::SigningKeyPair& anchor, const wire::CharterBody& body) {
  const std::string encoded = EncodeSigned(anchor, crypto::SignContext::kCharter, body);
  // Parsing what was just made checks the name and taxonomy against the
  // same bounds every receiver applies.
  return ParseCharterBytes(crypto::AsBytes(encoded));
}

}  // namespace

Result<Charter> CreateCharter(const crypto::SigningKeyPair& anchor, std::string_view name,
                              std::vector<Area> areas, std::uint64_t now_ms,
                              crypto::Random& random) {
  wire::CharterBody body;
  body.set_format(1);
  NetworkId network_id{};
  random.Fill(network_id);
  body.set_network_id(AsString(network_id));
  body.set_version(1);
  body.set_name(std::string(name));
  body.add_anchor_keys(AsString(anchor.public_key()));
  for (const auto& area : areas) ToProto(area, *body.add_areas());
  body.set_created_at_ms(now_ms);
  return SignCharter(anchor, body);
}

Result<Charter> AmendCharter(const Charter& current, const crypto::SigningKeyPair& anchor,
                             std::string_view name, const std::vector<Area>& areas,
                             const std::vector<crypto::PublicKey>& anchor_keys,
                             std::uint64_t now_ms) {
  if (current.anchor_keys.empty() || current.anchor_keys.front() != anchor.public_key())
    return Status::PermissionDenied("not the first anchor key of the charter");
  if (std::find(anchor_keys.begin(), anchor_keys.end(), anchor.public_key()) == anchor_keys.end())
    return Status::InvalidArgument("the signing anchor cannot remove itself");
  wire::CharterBody body;
  body.set_format(1);
  body.set_network_id(AsString(current.network_id));
  body.set_version(current.version + 1);
  body.set_name(std::string(name));
  for (const auto& key : anchor_keys) body.add_anchor_keys(AsString(key));
  for (const auto& area : areas) ToProto(area, *body.add_areas());
  body.set_created_at_ms(now_ms);
  auto amended = SignCharter(anchor, body);
  if (!amended.ok()) return amended.status();
  PARLEY_RETURN_IF_ERROR(CheckAmendment(current, amended.value()));
  return amended;
}

Status CheckAmendment(const Charter& current, const Charter& next) {
  if (next.network_id != current.network_id)
    return Status::InvalidArgument("the charter of another network");
  if (next.version <= current.version) return Status::InvalidArgument("not a newer version");
  if (current.anchor_keys.empty() || next.signer != current.anchor_keys.front())
    return Status::InvalidArgument("not signed by the first anchor of the current version");
  for (const auto& area : current.areas) {
    if (!next.HasArea(area.slug))
      return Status::InvalidArgument("the area " + area.slug + " is removed");
  }
  return Status::Ok();
}

Result<Charter> ParseCharterText(std::string_view text) {
  text = TrimSpace(text);
  if (text.rfind(kCharterPrefix, 0) != 0)
    return Status::InvalidArgument("not a charter: it must start with parley-charter:");
  text.remove_prefix(kCharterPrefix.size());
  if (text.size() > kMaxCharterBytes * 4 / 3 + 4)
    return Status::InvalidArgument("charter too long");
  auto bytes = crypto::FromBase64Url(text);
  if (!bytes) return Status::InvalidArgument("charter is not valid base64url");
  return ParseCharterBytes(*bytes);
}

Result<Charter> ParseCharterBytes(crypto::ByteView encoded) {
  if (encoded.size() > kMaxCharterBytes) return Status::InvalidArgument("charter too long");
  wire::Signed signed_charter;
  if (!signed_charter.ParseFromArray(encoded.data(), static_cast<int>(encoded.size()))) {
    return Status::InvalidArgument("charter is not readable");
  }
  wire::CharterBody body;
  if (!body.ParseFromString(signed_charter.body()))
    return Status::InvalidArgument("charter body is not readable");
  if (!IsCanonicalEncoding(signed_charter, encoded))
    return Status::InvalidArgument("charter is not canonical");
  if (body.format() != 1) return Status::InvalidArgument("unsupported charter format");

  Charter charter;
  crypto::Signature signature{};
  if (!CopyExact(body.network_id(), charter.network_id) ||
      !CopyExact(signed_charter.signer(), charter.signer) ||
      !CopyExact(signed_charter.signature(), signature)) {
    return Status::InvalidArgument("charter field has the wrong size");
  }
  if (body.version() == 0) return Status::InvalidArgument("charter version must be at least 1");
  if (body.name().empty() || body.name().size() > kMaxNetworkNameBytes ||
      !identity::IsValidUtf8(body.name())) {
    return Status::InvalidArgument("charter name is malformed");
  }
  if (body.anchor_keys_size() == 0 ||
      static_cast<std::size_t>(body.anchor_keys_size()) > kMaxAnchors) {
    return Status::InvalidArgument("a charter has 1.." + std::to_string(kMaxAnchors) + " anchors");
  }
  for (const auto& raw : body.anchor_keys()) {
    crypto::PublicKey key{};
    if (!CopyExact(raw, key)) return Status::InvalidArgument("anchor key has the wrong size");
    if (charter.IsAnchor(key)) return Status::InvalidArgument("an anchor key is listed twice");
    charter.anchor_keys.push_back(key);
  }
  if (!charter.IsAnchor(charter.signer))
    return Status::InvalidArgument("charter is not signed by one of its anchors");
  if (!crypto::VerifySignature(crypto::SignContext::kCharter, charter.signer,
                               crypto::AsBytes(signed_charter.body()), signature)) {
    return Status::InvalidArgument("charter signature does not verify");
  }
  auto areas = AreasFrom(body);
  if (!areas.ok()) return areas.status();
  charter.areas = std::move(areas.value());
  charter.version = body.version();
  charter.name = body.name();
  charter.created_at_ms = body.created_at_ms();
  charter.encoded.assign(encoded.begin(), encoded.end());
  return charter;
}

}  // namespace parley::directory
