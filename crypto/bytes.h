// Byte views and fixed-size public values shared by every crypto header.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace parley::crypto {

using ByteView = std::span<const std::uint8_t>;
using MutableByteView = std::span<std::uint8_t>;
using Bytes = std::vector<std::uint8_t>;

constexpr std::size_t kPublicKeySize = 32;      // Ed25519 and X25519 public keys
constexpr std::size_t kSignatureSize = 64;      // Ed25519 detached signature
constexpr std::size_t kDhSecretSize = 32;       // X25519 secret scalar
constexpr std::size_t kSigningSecretSize = 64;  // Ed25519 secret (seed || public)
constexpr std::size_t kSymmetricKeySize = 32;

using PublicKey = std::array<std::uint8_t, kPublicKeySize>;
using Signature = std::array<std::uint8_t, kSignatureSize>;

inline ByteView AsBytes(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

// Lower-case hex of `bytes` (public values only: never pass a secret).
std::string ToHex(ByteView bytes);
// Parses exactly 2*N hex digits; false on any other input.
[[nodiscard]] bool FromHex(std::string_view hex, MutableByteView out);

}  // namespace parley::crypto
