#include "crypto/internal/skipped_keys.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "crypto/internal/big_endian.h"
#include "crypto/limits.h"

namespace parley::crypto::internal {

namespace {

constexpr std::size_t kCapacity = kMaxSkippedKeys;
constexpr std::size_t kNumberOffset = kPublicKeySize;
constexpr std::size_t kMessageKeyOffset = kPublicKeySize + 4;

}  // namespace

std::uint8_t* SkippedKeys::Entry(std::size_t index) {
  return area_.data() + ((oldest_ + index) % kCapacity) * kEntrySize;
}

const std::uint8_t* SkippedKeys::Entry(std::size_t index) const {
  return area_.data() + ((oldest_ + index) % kCapacity) * kEntrySize;
}

std::optional<std::size_t> SkippedKeys::Find(const PublicKey& ratchet_key, std::uint32_t n) const {
  // Ratchet keys and message numbers are public header fields, so a plain
  // comparison leaks nothing; the message keys are never compared.
  std::uint8_t id[kMessageKeyOffset];
  std::memcpy(id, ratchet_key.data(), kPublicKeySize);
  StoreU32(id + kNumberOffset, n);
  for (std::size_t i = 0; i < count_; ++i) {
    if (std::memcmp(Entry(i), id, sizeof id) == 0) return i;
  }
  return std::nullopt;
}

ConstKeySpan SkippedKeys::MessageKey(std::size_t index) const {
  return ConstKeySpan(Entry(index) + kMessageKeyOffset, kMessageKeySize);
}

void SkippedKeys::Erase(std::size_t index) {
  if (index >= count_) std::abort();  // a bug
  // Close the gap: later entries move one place towards the oldest.
  for (std::size_t i = index; i + 1 < count_; ++i) {
    std::memcpy(Entry(i), Entry(i + 1), kEntrySize);
  }
  Wipe(MutableByteView(Entry(count_ - 1), kEntrySize));
  --count_;
}

std::uint8_t* SkippedKeys::NextSlot() {
  if (area_.empty()) area_ = SecureBuffer(kCapacity * kEntrySize);
  if (count_ == kCapacity) {
    // Full: the oldest slot becomes the newest.
    std::uint8_t* slot = Entry(0);
    oldest_ = (oldest_ + 1) % kCapacity;
    return slot;
  }
  ++count_;
  return Entry(count_ - 1);
}

void SkippedKeys::Push(const PublicKey& ratchet_key, std::uint32_t n, ConstKeySpan message_key) {
  std::uint8_t* slot = NextSlot();
  std::memcpy(slot, ratchet_key.data(), kPublicKeySize);
  StoreU32(slot + kNumberOffset, n);
  std::memcpy(slot + kMessageKeyOffset, message_key.data(), kMessageKeySize);
}

void SkippedKeys::PushSerialized(ByteView entry) {
  if (entry.size() != kEntrySize) std::abort();  // a bug
  std::memcpy(NextSlot(), entry.data(), kEntrySize);
}

void SkippedKeys::Serialize(MutableByteView out) const {
  if (out.size() != count_ * kEntrySize) std::abort();  // a bug
  for (std::size_t i = 0; i < count_; ++i) {
    std::memcpy(out.data() + i * kEntrySize, Entry(i), kEntrySize);
  }
}

}  // namespace parley::crypto::internal
