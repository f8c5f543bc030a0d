// StackSecret<N>: a fixed-size secret temporary on the stack that is wiped
// (sodium_memzero) when it goes out of scope, on every return path.
//
// For intermediates of the per-message path (chain keys, message keys, DH
// outputs), where a sodium_malloc per message would cost system calls.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "crypto/secure_buffer.h"

namespace parley::crypto::internal {

template <std::size_t N>
class StackSecret {
 public:
  StackSecret() = default;
  StackSecret(const StackSecret&) = delete;
  StackSecret& operator=(const StackSecret&) = delete;
  ~StackSecret() { Wipe(bytes_); }

  std::uint8_t* data() { return bytes_.data(); }
  std::span<std::uint8_t, N> span() { return bytes_; }
  std::span<const std::uint8_t, N> view() const { return bytes_; }

 private:
  std::array<std::uint8_t, N> bytes_{};
};

}  // namespace parley::crypto::internal
