// ENCRYPT(mk, pt, AD || header) of docs/protocol.md §3.4: bucket padding,
// then XChaCha20-Poly1305 under the key and nonce derived from mk.
//
// Works in place in the caller's buffers: nothing is allocated per message
// beyond growing `out` / `plaintext`.
#pragma once

#include <cstddef>

#include "crypto/bytes.h"
#include "crypto/internal/ratchet_kdf.h"

namespace parley::crypto::internal {

constexpr std::size_t kSmallestPaddingBucket = 64;
constexpr std::size_t kLargestPaddingBucket = 16384;

// Length of pad(plaintext): the smallest of 64, 128, …, 16384 strictly larger
// than plaintext_size, or the next multiple of 16384 strictly larger.
constexpr std::size_t PaddedSize(std::size_t plaintext_size) {
  for (std::size_t bucket = kSmallestPaddingBucket; bucket <= kLargestPaddingBucket; bucket *= 2) {
    if (bucket > plaintext_size) return bucket;
  }
  return (plaintext_size / kLargestPaddingBucket + 1) * kLargestPaddingBucket;
}

// Whether `size` is a length pad() can produce.
bool IsPaddedSize(std::size_t size);

// Appends ciphertext || tag of pad(plaintext).
void SealMessage(ConstKeySpan message_key, ByteView associated_data, ByteView header,
                 ByteView plaintext, Bytes& out);

// Verifies and decrypts ciphertext || tag into plaintext (resized) and
// removes the padding. False (plaintext empty) on any failure.
[[nodiscard]] bool OpenMessage(ConstKeySpan message_key, ByteView associated_data, ByteView header,
                               ByteView ciphertext, Bytes& plaintext);

}  // namespace parley::crypto::internal
