// Moving fixed-size values in and out of protobuf `bytes` fields.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

namespace parley {

// Copies `from` into `to` when it has exactly N bytes; false otherwise.
template <std::size_t N>
[[nodiscard]] bool CopyExact(const std::string& from, std::array<std::uint8_t, N>& to) {
  if (from.size() != N) return false;
  std::copy(from.begin(), from.end(), to.begin());
  return true;
}

template <std::size_t N>
std::string AsString(const std::array<std::uint8_t, N>& bytes) {
  return std::string(bytes.begin(), bytes.end());
}

}  // namespace parley
