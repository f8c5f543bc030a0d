// Moving fixed-size values in and out of protobuf `bytes` fields.
#pragma once

#include <google/protobuf/message.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include "crypto/bytes.h"

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

// Whether `encoded` is exactly how protobuf serialises `message` (parsed
// from it): no unknown fields (protobuf keeps and re-emits those), no
// repeated or reordered fields, no other encoding of the same values.
// Signed objects are accepted in this one form only.
inline bool IsCanonicalEncoding(const google::protobuf::Message& message,
                                crypto::ByteView encoded) {
  if (!message.GetReflection()->GetUnknownFields(message).empty()) return false;
  const std::string again = message.SerializeAsString();
  return again.size() == encoded.size() &&
         std::equal(again.begin(), again.end(), encoded.begin(),
                    [](char a, std::uint8_t b) { return static_cast<std::uint8_t>(a) == b; });
}

}  // namespace parley
