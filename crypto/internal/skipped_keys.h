// SkippedKeys: the message keys a session derived for messages that have not
// arrived yet (out of order or lost), at most kMaxSkippedKeys of them.
//
// Each entry is ratchet key [32] || u32 n || mk [32], exactly as in the
// serialised session (docs/protocol.md §7). Entries live in one locked
// allocation of kMaxSkippedKeys entries, made when the first key is stored
// and then reused: a ring whose oldest entry is overwritten when it is full.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "crypto/bytes.h"
#include "crypto/internal/ratchet_kdf.h"
#include "crypto/secure_buffer.h"

namespace parley::crypto::internal {

class SkippedKeys {
 public:
  static constexpr std::size_t kEntrySize = kPublicKeySize + 4 + kMessageKeySize;

  std::size_t size() const { return count_; }

  // Position of the key for (ratchet_key, n), oldest first.
  std::optional<std::size_t> Find(const PublicKey& ratchet_key, std::uint32_t n) const;
  ConstKeySpan MessageKey(std::size_t index) const;
  void Erase(std::size_t index);

  // Stores a key as the newest entry, dropping the oldest when full.
  void Push(const PublicKey& ratchet_key, std::uint32_t n, ConstKeySpan message_key);
  // Stores one entry in its serialised form (kEntrySize bytes).
  void PushSerialized(ByteView entry);
  // Writes every entry, oldest first, into out (size() * kEntrySize bytes).
  void Serialize(MutableByteView out) const;

 private:
  std::uint8_t* Entry(std::size_t index);
  const std::uint8_t* Entry(std::size_t index) const;
  std::uint8_t* NextSlot();

  SecureBuffer area_;  // empty until the first Push
  std::size_t oldest_ = 0;
  std::size_t count_ = 0;
};

}  // namespace parley::crypto::internal
