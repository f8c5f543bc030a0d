#include "crypto/aead.h"

#include <sodium.h>

#include <cstdlib>

#include "crypto/sodium.h"

namespace parley::crypto {

namespace {

static_assert(kAeadKeySize == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
static_assert(kAeadNonceSize == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(kAeadTagSize == crypto_aead_xchacha20poly1305_ietf_ABYTES);

// Key and nonce sizes are fixed by the caller's code, never by a peer.
void CheckKeyAndNonce(ByteView key, ByteView nonce) {
  if (key.size() != kAeadKeySize || nonce.size() != kAeadNonceSize) std::abort();
}

}  // namespace

void AeadSeal(ByteView key, ByteView nonce, ByteView plaintext, ByteView associated_data,
              Bytes& out) {
  CheckKeyAndNonce(key, nonce);
  EnsureSodium();
  const std::size_t start = out.size();
  out.resize(start + plaintext.size() + kAeadTagSize);
  std::uint8_t* ciphertext = out.data() + start;
  crypto_aead_xchacha20poly1305_ietf_encrypt_detached(
      ciphertext, ciphertext + plaintext.size(), nullptr, plaintext.data(), plaintext.size(),
      associated_data.data(), associated_data.size(), nullptr, nonce.data(), key.data());
}

bool AeadOpen(ByteView key, ByteView nonce, ByteView ciphertext, ByteView associated_data,
              Bytes& out) {
  CheckKeyAndNonce(key, nonce);
  EnsureSodium();
  out.clear();
  if (ciphertext.size() < kAeadTagSize) return false;
  const std::size_t length = ciphertext.size() - kAeadTagSize;
  out.resize(length);
  // The detached open verifies the tag before it writes any plaintext.
  if (crypto_aead_xchacha20poly1305_ietf_decrypt_detached(
          out.data(), nullptr, ciphertext.data(), length, ciphertext.data() + length,
          associated_data.data(), associated_data.size(), nonce.data(), key.data()) != 0) {
    out.clear();
    return false;
  }
  return true;
}

}  // namespace parley::crypto
