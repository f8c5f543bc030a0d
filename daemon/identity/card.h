// Contact cards (docs/protocol.md §4): what one expert hands another.
//
// A ContactCard only exists verified: ParseCard* return one only when every
// bound holds and all four signatures verify under its identity key.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/bytes.h"
#include "crypto/identity.h"
#include "crypto/prekey.h"
#include "daemon/util/status.h"

namespace parley::identity {

inline constexpr std::string_view kCardPrefix = "parley:";
constexpr std::size_t kMaxCardTextBytes = 4096;
constexpr std::size_t kMaxNameBytes = 128;
constexpr std::size_t kMaxEndpoints = 4;
constexpr std::size_t kMaxEndpointBytes = 256;

struct ContactCard {
  crypto::PublicIdentity identity;
  std::uint32_t signed_prekey_id = 0;
  crypto::PublicKey signed_prekey{};
  crypto::Signature signed_prekey_signature{};
  std::string name;
  std::vector<std::string> endpoints;
  std::uint64_t created_at_ms = 0;
  crypto::Bytes encoded;  // the Card protobuf exactly as signed and sent

  // What X3DH needs to start a session with this card's owner.
  crypto::PrekeyBundle Bundle() const;
  // "parley:" + base64url(encoded)
  std::string Text() const;
};

// Builds and signs the card of `identity`.
ContactCard MakeCard(const crypto::Identity& identity, const crypto::SignedPrekey& signed_prekey,
                     std::string_view name, const std::vector<std::string>& endpoints,
                     std::uint64_t created_at_ms);

// From the text form a user pastes (surrounding whitespace is ignored).
Result<ContactCard> ParseCardText(std::string_view text);
// From the Card protobuf bytes (as carried in a PREKEY envelope).
Result<ContactCard> ParseCardBytes(crypto::ByteView encoded);

// "tcp://HOST:PORT" with a non-empty host and a port in 1..65535.
bool IsValidEndpoint(std::string_view endpoint);
bool IsValidUtf8(std::string_view text);

}  // namespace parley::identity
