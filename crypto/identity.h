// Identity: a node's long-term keys.
//
//   identity key  (Ed25519)  signs everything; what a contact *is*
//   transport key (X25519)   CurveZMQ only, certified by the identity key
//   agreement key (X25519)   X3DH identity DH only, certified by the identity key
//
// PublicIdentity is the part other nodes learn (from a card); Verify() checks
// that both certificates were made by the identity key.
#pragma once

#include <optional>

#include "crypto/bytes.h"
#include "crypto/dh.h"
#include "crypto/random.h"
#include "crypto/secure_buffer.h"
#include "crypto/sign.h"

namespace parley::crypto {

struct PublicIdentity {
  PublicKey identity_key{};
  PublicKey transport_key{};
  Signature transport_certificate{};
  PublicKey agreement_key{};
  Signature agreement_certificate{};

  [[nodiscard]] bool Verify() const;
};

class Identity {
 public:
  static Identity Generate(Random& random);

  // Secret serialisation for the store: version byte 0x01 || Ed25519 secret [64]
  // || transport secret [32] || agreement secret [32]. Certificates are
  // recomputed on load (Ed25519 is deterministic).
  SecureBuffer Serialize() const;
  static std::optional<Identity> Deserialize(ByteView serialized);

  const SigningKeyPair& signing() const { return signing_; }
  const DhKeyPair& transport() const { return transport_; }
  const DhKeyPair& agreement() const { return agreement_; }
  const PublicIdentity& public_identity() const { return public_; }

 private:
  Identity(SigningKeyPair signing, DhKeyPair transport, DhKeyPair agreement);
  SigningKeyPair signing_;
  DhKeyPair transport_;
  DhKeyPair agreement_;
  PublicIdentity public_;
};

}  // namespace parley::crypto
