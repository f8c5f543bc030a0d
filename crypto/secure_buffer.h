// SecureBuffer: a fixed-size block of secret bytes in locked memory.
//
// Memory comes from sodium_malloc (guard pages, mlock where the system allows)
// and is wiped by sodium_free. The type is move-only, has no operator== (use
// EqualConstantTime) and no stream or format support, so a secret cannot be
// compared in variable time or printed by accident.
#pragma once

#include <cstddef>
#include <cstdint>

#include "crypto/bytes.h"

namespace parley::crypto {

class SecureBuffer {
 public:
  SecureBuffer() = default;  // empty
  // size bytes, zero-filled. Aborts when memory cannot be allocated.
  explicit SecureBuffer(std::size_t size);
  static SecureBuffer CopyOf(ByteView bytes);

  SecureBuffer(SecureBuffer&& other) noexcept;
  SecureBuffer& operator=(SecureBuffer&& other) noexcept;
  SecureBuffer(const SecureBuffer&) = delete;
  SecureBuffer& operator=(const SecureBuffer&) = delete;
  ~SecureBuffer();

  std::uint8_t* data() { return data_; }
  const std::uint8_t* data() const { return data_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  ByteView view() const { return {data_, size_}; }
  MutableByteView mutable_view() { return {data_, size_}; }

 private:
  std::uint8_t* data_ = nullptr;
  std::size_t size_ = 0;
};

// Constant-time equality; false when the sizes differ (sizes are not secret).
[[nodiscard]] bool EqualConstantTime(ByteView a, ByteView b);

// Wipes `bytes` in a way the compiler cannot elide (sodium_memzero).
void Wipe(MutableByteView bytes);

}  // namespace parley::crypto
