// Ed25519 identity keys and signatures with domain separation.
//
// Every signature is made over u8(len(label)) || label || message, where the
// label names what is signed (docs/protocol.md §3.2). A signature made for one
// context never verifies in another.
#pragma once

#include <optional>
#include <string_view>

#include "crypto/bytes.h"
#include "crypto/random.h"
#include "crypto/secure_buffer.h"

namespace parley::crypto {

enum class SignContext {
  kCard,          // "parley/card/v1"
  kTransportKey,  // "parley/transport-key/v1"
  kAgreementKey,  // "parley/agreement-key/v1"
  kSignedPrekey,  // "parley/signed-prekey/v1"
  kCharter,       // "parley/charter/v1"
  kProfile,       // "parley/profile/v1"
  kStatement,     // "parley/statement/v1"
  kIntroduction,  // "parley/introduction/v1"
  kKeyRotation,   // "parley/key-rotation/v1"
};

std::string_view SignContextLabel(SignContext context);

class SigningKeyPair {
 public:
  static SigningKeyPair Generate(Random& random);
  // From the 64-byte libsodium secret key; nullopt when its public half does
  // not match the seed.
  static std::optional<SigningKeyPair> FromSecret(ByteView secret);

  const PublicKey& public_key() const { return public_key_; }
  ByteView secret() const { return secret_.view(); }

  Signature Sign(SignContext context, ByteView message) const;

 private:
  SigningKeyPair(SecureBuffer secret, const PublicKey& public_key);
  SecureBuffer secret_;
  PublicKey public_key_{};
};

[[nodiscard]] bool VerifySignature(SignContext context, const PublicKey& signer, ByteView message,
                                   const Signature& signature);

}  // namespace parley::crypto
