#include "crypto/internal/message_cipher.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <optional>

#include "crypto/aead.h"
#include "crypto/internal/stack_secret.h"
#include "crypto/limits.h"
#include "crypto/ratchet_message.h"
#include "crypto/x3dh.h"

namespace parley::crypto::internal {

namespace {

constexpr std::size_t kMaxAssociatedDataSize =
    kAssociatedDataSize + kRatchetHeaderSize + kMaxMessageContextSize;

// AD || header, contiguous as the AEAD wants it.
class AeadAssociatedData {
 public:
  AeadAssociatedData(ByteView associated_data, ByteView header) {
    if (associated_data.size() + header.size() > bytes_.size()) std::abort();  // a bug
    auto end = std::copy(associated_data.begin(), associated_data.end(), bytes_.begin());
    end = std::copy(header.begin(), header.end(), end);
    size_ = static_cast<std::size_t>(end - bytes_.begin());
  }
  const std::uint8_t* data() const { return bytes_.data(); }
  std::size_t size() const { return size_; }

 private:
  std::array<std::uint8_t, kMaxAssociatedDataSize> bytes_{};
  std::size_t size_ = 0;
};

// Removes pad(): within the last min(padded size, 16384) bytes, the last
// non-zero byte must be the 0x80 marker (what sodium_unpad checks with that
// block size). Not constant-time, on purpose: it only ever sees plaintext
// whose tag has verified, so there is no padding oracle, and the receiver
// learns the length anyway; sodium_unpad's byte-wise constant-time loop cost
// as much as the decryption itself.
std::optional<std::size_t> UnpaddedSize(ByteView padded) {
  const std::size_t window = std::min(padded.size(), kLargestPaddingBucket);
  const std::size_t stop = padded.size() - window;
  std::size_t end = padded.size();
  while (end > stop && padded[end - 1] == 0) --end;
  if (end == stop || padded[end - 1] != 0x80) return std::nullopt;
  return end - 1;
}

}  // namespace

bool IsPaddedSize(std::size_t size) {
  if (size > kLargestPaddingBucket) return size % kLargestPaddingBucket == 0;
  return size >= kSmallestPaddingBucket && (size & (size - 1)) == 0;  // a power of two
}

void SealMessage(ConstKeySpan message_key, ByteView associated_data, ByteView header,
                 ByteView plaintext, Bytes& out) {
  StackSecret<kAeadKeySize> key;
  StackSecret<kAeadNonceSize> nonce;
  MessageCipherKeys(message_key, key.span(), nonce.span());

  // pad(): ISO/IEC 7816-4, 0x80 then zeros up to the bucket. Written
  // directly rather than with sodium_pad, whose constant-time loop over the
  // whole bucket protects nothing here: the sender knows its own length.
  const std::size_t padded_size = PaddedSize(plaintext.size());
  const std::size_t start = out.size();
  out.resize(start + padded_size + kAeadTagSize);
  std::uint8_t* body = out.data() + start;
  std::uint8_t* marker = std::copy(plaintext.begin(), plaintext.end(), body);
  *marker = 0x80;
  std::fill(marker + 1, body + padded_size, std::uint8_t{0});
  // Encrypt in place; the tag follows the padded ciphertext.
  const AeadAssociatedData ad(associated_data, header);
  crypto_aead_xchacha20poly1305_ietf_encrypt_detached(body, body + padded_size, nullptr, body,
                                                      padded_size, ad.data(), ad.size(), nullptr,
                                                      nonce.data(), key.data());
}

bool OpenMessage(ConstKeySpan message_key, ByteView associated_data, ByteView header,
                 ByteView ciphertext, Bytes& plaintext) {
  plaintext.clear();
  if (ciphertext.size() < kAeadTagSize) return false;
  const std::size_t padded_size = ciphertext.size() - kAeadTagSize;
  if (!IsPaddedSize(padded_size)) return false;

  StackSecret<kAeadKeySize> key;
  StackSecret<kAeadNonceSize> nonce;
  MessageCipherKeys(message_key, key.span(), nonce.span());
  const AeadAssociatedData ad(associated_data, header);
  plaintext.resize(padded_size);
  // The detached open checks the tag before it writes any plaintext.
  if (crypto_aead_xchacha20poly1305_ietf_decrypt_detached(
          plaintext.data(), nullptr, ciphertext.data(), padded_size,
          ciphertext.data() + padded_size, ad.data(), ad.size(), nonce.data(), key.data()) != 0) {
    plaintext.clear();
    return false;
  }
  const std::optional<std::size_t> unpadded_size = UnpaddedSize(plaintext);
  if (!unpadded_size) {
    Wipe(plaintext);
    plaintext.clear();
    return false;
  }
  plaintext.resize(*unpadded_size);
  return true;
}

}  // namespace parley::crypto::internal
