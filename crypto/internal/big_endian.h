// Big-endian integers for the hand-laid formats (docs/protocol.md §0).
#pragma once

#include <cstdint>

namespace parley::crypto::internal {

inline void StoreU32(std::uint8_t* out, std::uint32_t value) {
  out[0] = static_cast<std::uint8_t>(value >> 24);
  out[1] = static_cast<std::uint8_t>(value >> 16);
  out[2] = static_cast<std::uint8_t>(value >> 8);
  out[3] = static_cast<std::uint8_t>(value);
}

inline std::uint32_t LoadU32(const std::uint8_t* in) {
  return (std::uint32_t{in[0]} << 24) | (std::uint32_t{in[1]} << 16) | (std::uint32_t{in[2]} << 8) |
         std::uint32_t{in[3]};
}

inline void StoreU64(std::uint8_t* out, std::uint64_t value) {
  StoreU32(out, static_cast<std::uint32_t>(value >> 32));
  StoreU32(out + 4, static_cast<std::uint32_t>(value));
}

}  // namespace parley::crypto::internal
