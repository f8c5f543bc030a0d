// X25519 key pairs and Diffie-Hellman.
#pragma once

#include <optional>

#include "crypto/bytes.h"
#include "crypto/random.h"
#include "crypto/secure_buffer.h"

namespace parley::crypto {

class DhKeyPair {
 public:
  static DhKeyPair Generate(Random& random);
  // From a 32-byte secret scalar.
  static std::optional<DhKeyPair> FromSecret(ByteView secret);

  const PublicKey& public_key() const { return public_key_; }
  ByteView secret() const { return secret_.view(); }

 private:
  DhKeyPair(SecureBuffer secret, const PublicKey& public_key);
  SecureBuffer secret_;
  PublicKey public_key_{};
};

// out = X25519(secret, peer). False (and out wiped) when the result is all
// zeros, i.e. the peer sent a low-order point.
[[nodiscard]] bool Dh(ByteView secret, const PublicKey& peer,
                      std::span<std::uint8_t, kSymmetricKeySize> out);

}  // namespace parley::crypto
