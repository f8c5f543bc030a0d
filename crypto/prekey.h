// Prekeys for X3DH: the signed prekey a card carries and one-time prekeys.
#pragma once

#include <cstdint>
#include <optional>

#include "crypto/bytes.h"
#include "crypto/dh.h"
#include "crypto/identity.h"
#include "crypto/random.h"
#include "crypto/sign.h"

namespace parley::crypto {

struct SignedPrekey {
  std::uint32_t id = 0;
  DhKeyPair key;
  Signature signature{};  // context kSignedPrekey over u32(id) || public key

  static SignedPrekey Generate(const SigningKeyPair& identity, std::uint32_t id, Random& random);
};

struct OneTimePrekey {
  std::uint32_t id = 0;  // never 0: 0 on the wire means "none"
  DhKeyPair key;

  static OneTimePrekey Generate(std::uint32_t id, Random& random);
};

// The message a signed prekey signature covers: u32(id) || public key.
std::array<std::uint8_t, 4 + kPublicKeySize> SignedPrekeyMessage(std::uint32_t id,
                                                                 const PublicKey& key);

// What an initiator needs of the responder (from a card, plus an optional OPK).
struct PrekeyBundle {
  PublicIdentity identity;  // transport fields are not used by X3DH
  std::uint32_t signed_prekey_id = 0;
  PublicKey signed_prekey{};
  Signature signed_prekey_signature{};
  std::uint32_t one_time_prekey_id = 0;  // 0: none
  PublicKey one_time_prekey{};
};

}  // namespace parley::crypto
