#include "daemon/identity/card.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>

#include "crypto/base64.h"
#include "crypto/sign.h"
#include "daemon/util/proto_bytes.h"
#include "proto/wire.pb.h"

namespace parley::identity {

namespace {

bool EightAsciiBytes(const char* bytes) {
  std::uint64_t word = 0;
  std::memcpy(&word, bytes, sizeof word);
  return (word & 0x8080808080808080u) == 0;
}

crypto::ByteView View(const std::string& s) { return crypto::AsBytes(s); }

}  // namespace

crypto::PrekeyBundle ContactCard::Bundle() const {
  crypto::PrekeyBundle bundle;
  bundle.identity = identity;
  bundle.signed_prekey_id = signed_prekey_id;
  bundle.signed_prekey = signed_prekey;
  bundle.signed_prekey_signature = signed_prekey_signature;
  return bundle;
}

std::string ContactCard::Text() const {
  return std::string(kCardPrefix) + crypto::ToBase64Url(encoded);
}

ContactCard MakeCard(const crypto::Identity& identity, const crypto::SignedPrekey& signed_prekey,
                     std::string_view name, const std::vector<std::string>& endpoints,
                     std::uint64_t created_at_ms) {
  const crypto::PublicIdentity& id = identity.public_identity();
  wire::CardBody body;
  body.set_version(1);
  body.set_name(std::string(name));
  body.set_identity_key(AsString(id.identity_key));
  body.set_transport_key(AsString(id.transport_key));
  body.set_transport_certificate(AsString(id.transport_certificate));
  body.set_agreement_key(AsString(id.agreement_key));
  body.set_agreement_certificate(AsString(id.agreement_certificate));
  body.set_signed_prekey_id(signed_prekey.id);
  body.set_signed_prekey(AsString(signed_prekey.key.public_key()));
  body.set_signed_prekey_signature(AsString(signed_prekey.signature));
  for (const auto& endpoint : endpoints) body.add_endpoints(endpoint);
  body.set_created_at_ms(created_at_ms);

  wire::Card card;
  card.set_body(body.SerializeAsString());
  auto signature = identity.signing().Sign(crypto::SignContext::kCard, View(card.body()));
  card.set_signature(AsString(signature));

  ContactCard result;
  result.identity = id;
  result.signed_prekey_id = signed_prekey.id;
  result.signed_prekey = signed_prekey.key.public_key();
  result.signed_prekey_signature = signed_prekey.signature;
  result.name = std::string(name);
  result.endpoints = endpoints;
  result.created_at_ms = created_at_ms;
  std::string encoded = card.SerializeAsString();
  result.encoded.assign(encoded.begin(), encoded.end());
  return result;
}

Result<ContactCard> ParseCardBytes(crypto::ByteView encoded) {
  if (encoded.size() > kMaxCardTextBytes) return Status::InvalidArgument("card too long");
  wire::Card card;
  if (!card.ParseFromArray(encoded.data(), static_cast<int>(encoded.size()))) {
    return Status::InvalidArgument("card is not readable");
  }
  wire::CardBody body;
  if (!body.ParseFromString(card.body()))
    return Status::InvalidArgument("card body is not readable");
  if (body.version() != 1) return Status::InvalidArgument("unsupported card version");

  ContactCard result;
  crypto::Signature card_signature{};
  if (!CopyExact(body.identity_key(), result.identity.identity_key) ||
      !CopyExact(body.transport_key(), result.identity.transport_key) ||
      !CopyExact(body.transport_certificate(), result.identity.transport_certificate) ||
      !CopyExact(body.agreement_key(), result.identity.agreement_key) ||
      !CopyExact(body.agreement_certificate(), result.identity.agreement_certificate) ||
      !CopyExact(body.signed_prekey(), result.signed_prekey) ||
      !CopyExact(body.signed_prekey_signature(), result.signed_prekey_signature) ||
      !CopyExact(card.signature(), card_signature)) {
    return Status::InvalidArgument("card has a malformed key");
  }
  if (body.name().empty() || body.name().size() > kMaxNameBytes || !IsValidUtf8(body.name())) {
    return Status::InvalidArgument("card has an invalid name");
  }
  if (body.endpoints_size() == 0 ||
      static_cast<std::size_t>(body.endpoints_size()) > kMaxEndpoints) {
    return Status::InvalidArgument("card must carry 1 to 4 endpoints");
  }
  for (const auto& endpoint : body.endpoints()) {
    if (!IsValidEndpoint(endpoint)) return Status::InvalidArgument("card has an invalid endpoint");
    result.endpoints.push_back(endpoint);
  }
  if (!crypto::VerifySignature(crypto::SignContext::kCard, result.identity.identity_key,
                               View(card.body()), card_signature)) {
    return Status::InvalidArgument("card signature does not verify");
  }
  if (!result.identity.Verify()) {
    return Status::InvalidArgument("card key certificates do not verify");
  }
  result.signed_prekey_id = body.signed_prekey_id();
  if (!crypto::VerifySignature(
          crypto::SignContext::kSignedPrekey, result.identity.identity_key,
          crypto::SignedPrekeyMessage(result.signed_prekey_id, result.signed_prekey),
          result.signed_prekey_signature)) {
    return Status::InvalidArgument("card prekey signature does not verify");
  }
  result.name = body.name();
  result.created_at_ms = body.created_at_ms();
  result.encoded.assign(encoded.begin(), encoded.end());
  return result;
}

Result<ContactCard> ParseCardText(std::string_view text) {
  auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  if (text.size() > kMaxCardTextBytes) return Status::InvalidArgument("card too long");
  if (text.substr(0, kCardPrefix.size()) != kCardPrefix) {
    return Status::InvalidArgument("a card starts with \"parley:\"");
  }
  auto bytes = crypto::FromBase64Url(text.substr(kCardPrefix.size()));
  if (!bytes) return Status::InvalidArgument("card is not valid base64url");
  return ParseCardBytes(*bytes);
}

bool IsValidEndpoint(std::string_view endpoint) {
  constexpr std::string_view kScheme = "tcp://";
  if (endpoint.size() > kMaxEndpointBytes || endpoint.substr(0, kScheme.size()) != kScheme) {
    return false;
  }
  std::string_view rest = endpoint.substr(kScheme.size());
  auto colon = rest.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  std::string_view host = rest.substr(0, colon);
  std::string_view port = rest.substr(colon + 1);
  for (char c : host) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '-' || c == '[' || c == ']' || c == ':';
    if (!ok) return false;
  }
  unsigned value = 0;
  auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  return ec == std::errc() && end == port.data() + port.size() && value >= 1 && value <= 65535;
}

bool IsValidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    // Runs of ASCII, the common case, eight bytes at a time.
    while (i + 8 <= text.size() && EightAsciiBytes(text.data() + i)) i += 8;
    if (i == text.size()) break;
    auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = c < 0x80           ? 1
                         : (c >> 5) == 0x6  ? 2
                         : (c >> 4) == 0xe  ? 3
                         : (c >> 3) == 0x1e ? 4
                                            : 0;
    if (length == 0 || i + length > text.size()) return false;
    std::uint32_t code = length == 1 ? c : c & (0x7f >> length);
    for (std::size_t k = 1; k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xc0) != 0x80) return false;
      code = (code << 6) | (next & 0x3f);
    }
    const std::uint32_t min_for_length[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < min_for_length[length] || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      return false;
    }
    i += length;
  }
  return true;
}

}  // namespace parley::identity
