#include "crypto/dh.h"

#include <sodium.h>

#include <utility>

#include "crypto/sodium.h"

namespace parley::crypto {

static_assert(kDhSecretSize == crypto_scalarmult_curve25519_SCALARBYTES);
static_assert(kPublicKeySize == crypto_scalarmult_curve25519_BYTES);

DhKeyPair::DhKeyPair(SecureBuffer secret, const PublicKey& public_key)
    : secret_(std::move(secret)), public_key_(public_key) {}

DhKeyPair DhKeyPair::Generate(Random& random) {
  SecureBuffer secret(kDhSecretSize);
  random.Fill(secret.mutable_view());
  PublicKey public_key{};
  EnsureSodium();
  crypto_scalarmult_curve25519_base(public_key.data(), secret.data());
  return DhKeyPair(std::move(secret), public_key);
}

std::optional<DhKeyPair> DhKeyPair::FromSecret(ByteView secret) {
  if (secret.size() != kDhSecretSize) return std::nullopt;
  EnsureSodium();
  SecureBuffer copy = SecureBuffer::CopyOf(secret);
  PublicKey public_key{};
  crypto_scalarmult_curve25519_base(public_key.data(), copy.data());
  return DhKeyPair(std::move(copy), public_key);
}

bool Dh(ByteView secret, const PublicKey& peer, std::span<std::uint8_t, kSymmetricKeySize> out) {
  if (secret.size() != kDhSecretSize) {
    Wipe(out);
    return false;
  }
  EnsureSodium();
  // libsodium returns -1 when the result is all zeros (a low-order peer key).
  if (crypto_scalarmult_curve25519(out.data(), secret.data(), peer.data()) != 0) {
    Wipe(out);
    return false;
  }
  return true;
}

}  // namespace parley::crypto
