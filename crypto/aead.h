// Authenticated encryption: XChaCha20-Poly1305-IETF.
#pragma once

#include <cstddef>

#include "crypto/bytes.h"

namespace parley::crypto {

constexpr std::size_t kAeadKeySize = 32;
constexpr std::size_t kAeadNonceSize = 24;
constexpr std::size_t kAeadTagSize = 16;

// Appends ciphertext || tag (plaintext.size() + kAeadTagSize bytes) to out.
void AeadSeal(ByteView key, ByteView nonce, ByteView plaintext, ByteView associated_data,
              Bytes& out);

// Writes the plaintext of ciphertext || tag to out (resized). The tag is
// checked before any plaintext is written; false leaves out empty.
[[nodiscard]] bool AeadOpen(ByteView key, ByteView nonce, ByteView ciphertext,
                            ByteView associated_data, Bytes& out);

}  // namespace parley::crypto
