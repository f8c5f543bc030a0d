#include "crypto/x3dh.h"

#include <algorithm>
#include <array>
#include <utility>

#include "crypto/internal/stack_secret.h"
#include "crypto/kdf.h"

namespace parley::crypto {

namespace {

// 0xFF*32 || DH1 || DH2 || DH3 [|| DH4] (docs/protocol.md §3.3). The 0xFF
// prefix is X3DH's F: it keeps the KDF input from ever being a valid input
// of another use of the same keys.
constexpr std::size_t kDhSize = kSymmetricKeySize;
constexpr std::size_t kMaxKdfInputSize = kDhSize + 4 * kDhSize;

// Accumulates the DH outputs and derives SK; wipes everything on scope exit.
class SharedSecretInput {
 public:
  SharedSecretInput() { std::fill_n(input_.data(), kDhSize, 0xFF); }

  // Appends X25519(secret, peer); false on a low-order point.
  [[nodiscard]] bool AddDh(ByteView secret, const PublicKey& peer) {
    std::span<std::uint8_t, kDhSize> slot(input_.data() + length_, kDhSize);
    length_ += kDhSize;
    return Dh(secret, peer, slot);
  }

  SecureBuffer DeriveSharedSecret() const {
    SecureBuffer shared_secret(kSymmetricKeySize);
    DeriveKey(kLabelX3dh, {}, ByteView(input_.view()).first(length_), shared_secret.mutable_view());
    return shared_secret;
  }

 private:
  internal::StackSecret<kMaxKdfInputSize> input_;
  std::size_t length_ = kDhSize;
};

}  // namespace

AssociatedData MakeAssociatedData(const PublicIdentity& initiator,
                                  const PublicIdentity& responder) {
  AssociatedData ad{};
  auto out = ad.begin();
  for (const PublicKey* key : {&initiator.identity_key, &initiator.agreement_key,
                               &responder.identity_key, &responder.agreement_key}) {
    out = std::copy(key->begin(), key->end(), out);
  }
  return ad;
}

std::optional<X3dhInitiation> X3dhInitiate(const Identity& me, const PrekeyBundle& them,
                                           Random& random) {
  // Only the agreement certificate matters here; the transport key is not
  // part of X3DH (a bundle may leave it empty).
  const PublicIdentity& bob = them.identity;
  if (!VerifySignature(SignContext::kAgreementKey, bob.identity_key, bob.agreement_key,
                       bob.agreement_certificate) ||
      !VerifySignature(SignContext::kSignedPrekey, bob.identity_key,
                       SignedPrekeyMessage(them.signed_prekey_id, them.signed_prekey),
                       them.signed_prekey_signature)) {
    return std::nullopt;
  }
  DhKeyPair ephemeral = DhKeyPair::Generate(random);
  SharedSecretInput input;
  if (!input.AddDh(me.agreement().secret(), them.signed_prekey) ||  // DH1
      !input.AddDh(ephemeral.secret(), bob.agreement_key) ||        // DH2
      !input.AddDh(ephemeral.secret(), them.signed_prekey)) {       // DH3
    return std::nullopt;
  }
  if (them.one_time_prekey_id != 0 &&
      !input.AddDh(ephemeral.secret(), them.one_time_prekey)) {  // DH4
    return std::nullopt;
  }
  return X3dhInitiation{input.DeriveSharedSecret(), std::move(ephemeral),
                        MakeAssociatedData(me.public_identity(), bob)};
}

std::optional<SecureBuffer> X3dhRespond(const Identity& me, const SignedPrekey& signed_prekey,
                                        const OneTimePrekey* one_time_prekey,
                                        const PublicIdentity& initiator,
                                        const PublicKey& ephemeral_key) {
  if (!VerifySignature(SignContext::kAgreementKey, initiator.identity_key, initiator.agreement_key,
                       initiator.agreement_certificate)) {
    return std::nullopt;
  }
  SharedSecretInput input;
  if (!input.AddDh(signed_prekey.key.secret(), initiator.agreement_key) ||  // DH1
      !input.AddDh(me.agreement().secret(), ephemeral_key) ||               // DH2
      !input.AddDh(signed_prekey.key.secret(), ephemeral_key)) {            // DH3
    return std::nullopt;
  }
  if (one_time_prekey != nullptr &&
      !input.AddDh(one_time_prekey->key.secret(), ephemeral_key)) {  // DH4
    return std::nullopt;
  }
  return input.DeriveSharedSecret();
}

}  // namespace parley::crypto
