#include "crypto/fingerprint.h"

#include <sodium.h>

#include <array>
#include <cstdio>

#include "crypto/kdf.h"
#include "crypto/sodium.h"

namespace parley::crypto {

namespace {

constexpr std::size_t kFingerprintBytes = 20;
constexpr int kSafetyNumberIterations = 5200;
constexpr std::size_t kGroupsPerParty = 6;
constexpr std::size_t kBytesPerGroup = 5;

// Six 5-digit groups of one party (docs/protocol.md §4), without separators.
std::string SafetyDigits(const PublicKey& identity_key) {
  EnsureSodium();
  std::array<std::uint8_t, crypto_hash_sha512_BYTES + kPublicKeySize> input{};
  std::array<std::uint8_t, crypto_hash_sha512_BYTES> hash{};
  // h = SHA-512(0x00 0x01 || IK)
  input[0] = 0x00;
  input[1] = 0x01;
  std::copy(identity_key.begin(), identity_key.end(), input.begin() + 2);
  crypto_hash_sha512(hash.data(), input.data(), 2 + kPublicKeySize);
  // then h = SHA-512(h || IK), kSafetyNumberIterations times
  std::copy(identity_key.begin(), identity_key.end(), input.begin() + hash.size());
  for (int i = 0; i < kSafetyNumberIterations; ++i) {
    std::copy(hash.begin(), hash.end(), input.begin());
    crypto_hash_sha512(hash.data(), input.data(), input.size());
  }
  std::string digits;
  for (std::size_t group = 0; group < kGroupsPerParty; ++group) {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < kBytesPerGroup; ++i) {
      value = (value << 8) | hash[group * kBytesPerGroup + i];
    }
    char text[6];
    std::snprintf(text, sizeof text, "%05u", static_cast<unsigned>(value % 100000));
    digits += text;
  }
  return digits;
}

// Inserts a space after every `group` characters.
std::string Grouped(const std::string& text, std::size_t group) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && i % group == 0) out += ' ';
    out += text[i];
  }
  return out;
}

}  // namespace

std::string Fingerprint(const PublicKey& identity_key) {
  std::array<std::uint8_t, 32> hash{};
  DeriveKey(kLabelFingerprint, {}, identity_key, hash);
  return Grouped(ToHex(ByteView(hash).first(kFingerprintBytes)), 4);
}

std::string SafetyNumber(const PublicKey& identity_key_a, const PublicKey& identity_key_b) {
  const std::string a = SafetyDigits(identity_key_a);
  const std::string b = SafetyDigits(identity_key_b);
  return Grouped(a < b ? a + b : b + a, kBytesPerGroup);
}

}  // namespace parley::crypto
