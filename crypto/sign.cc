#include "crypto/sign.h"

#include <sodium.h>

#include <cstdlib>
#include <utility>

#include "crypto/internal/stack_secret.h"
#include "crypto/sodium.h"

namespace parley::crypto {

namespace {

static_assert(kSigningSecretSize == crypto_sign_ed25519_SECRETKEYBYTES);
static_assert(kSignatureSize == crypto_sign_ed25519_BYTES);
static_assert(kPublicKeySize == crypto_sign_ed25519_PUBLICKEYBYTES);
constexpr std::size_t kSeedSize = crypto_sign_ed25519_SEEDBYTES;

// u8(len(label)) || label || message: what is actually signed (§3.2). The
// length prefix keeps one label from being a prefix trick on another.
Bytes DomainSeparated(SignContext context, ByteView message) {
  const std::string_view label = SignContextLabel(context);
  Bytes out;
  out.reserve(1 + label.size() + message.size());
  out.push_back(static_cast<std::uint8_t>(label.size()));
  out.insert(out.end(), label.begin(), label.end());
  out.insert(out.end(), message.begin(), message.end());
  return out;
}

}  // namespace

std::string_view SignContextLabel(SignContext context) {
  switch (context) {
    case SignContext::kCard:
      return "parley/card/v1";
    case SignContext::kTransportKey:
      return "parley/transport-key/v1";
    case SignContext::kAgreementKey:
      return "parley/agreement-key/v1";
    case SignContext::kSignedPrekey:
      return "parley/signed-prekey/v1";
    case SignContext::kCharter:
      return "parley/charter/v1";
    case SignContext::kProfile:
      return "parley/profile/v1";
    case SignContext::kStatement:
      return "parley/statement/v1";
    case SignContext::kIntroduction:
      return "parley/introduction/v1";
    case SignContext::kKeyRotation:
      return "parley/key-rotation/v1";
  }
  std::abort();  // not a SignContext value: a bug
}

SigningKeyPair::SigningKeyPair(SecureBuffer secret, const PublicKey& public_key)
    : secret_(std::move(secret)), public_key_(public_key) {}

SigningKeyPair SigningKeyPair::Generate(Random& random) {
  internal::StackSecret<kSeedSize> seed;
  random.Fill(seed.span());
  SecureBuffer secret(kSigningSecretSize);
  PublicKey public_key{};
  EnsureSodium();
  crypto_sign_ed25519_seed_keypair(public_key.data(), secret.data(), seed.data());
  return SigningKeyPair(std::move(secret), public_key);
}

std::optional<SigningKeyPair> SigningKeyPair::FromSecret(ByteView secret) {
  if (secret.size() != kSigningSecretSize) return std::nullopt;
  EnsureSodium();
  // Rebuild the key pair from the seed half and require the stored public
  // half to match: a corrupted blob must not yield a key that signs for
  // another public key.
  SecureBuffer rebuilt(kSigningSecretSize);
  PublicKey public_key{};
  crypto_sign_ed25519_seed_keypair(public_key.data(), rebuilt.data(), secret.data());
  if (!EqualConstantTime(rebuilt.view(), secret)) return std::nullopt;
  return SigningKeyPair(std::move(rebuilt), public_key);
}

Signature SigningKeyPair::Sign(SignContext context, ByteView message) const {
  EnsureSodium();
  const Bytes signed_bytes = DomainSeparated(context, message);
  Signature signature{};
  crypto_sign_ed25519_detached(signature.data(), nullptr, signed_bytes.data(), signed_bytes.size(),
                               secret_.data());
  return signature;
}

bool VerifySignature(SignContext context, const PublicKey& signer, ByteView message,
                     const Signature& signature) {
  EnsureSodium();
  const Bytes signed_bytes = DomainSeparated(context, message);
  // libsodium rejects small-order public keys and non-canonical signatures.
  return crypto_sign_ed25519_verify_detached(signature.data(), signed_bytes.data(),
                                             signed_bytes.size(), signer.data()) == 0;
}

}  // namespace parley::crypto
