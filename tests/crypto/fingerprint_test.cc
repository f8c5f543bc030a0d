#include "crypto/fingerprint.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <set>
#include <vector>

#include "crypto/random.h"
#include "crypto/sign.h"

namespace parley::crypto {
namespace {

// True when `text` is `groups` groups of `width` characters from `alphabet`,
// separated by single spaces.
bool IsGrouped(const std::string& text, std::size_t groups, std::size_t width,
               std::string_view alphabet) {
  if (text.size() != groups * width + groups - 1) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool separator = (i + 1) % (width + 1) == 0;
    if (separator ? text[i] != ' ' : alphabet.find(text[i]) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

PublicKey KeyFilledWith(std::uint8_t value) {
  PublicKey key{};
  key.fill(value);
  return key;
}

TEST(FingerprintTest, Format) {
  const std::string fingerprint = Fingerprint(KeyFilledWith(1));
  EXPECT_TRUE(IsGrouped(fingerprint, 10, 4, "0123456789abcdef")) << fingerprint;
}

TEST(FingerprintTest, DiffersPerKey) {
  EXPECT_NE(Fingerprint(KeyFilledWith(1)), Fingerprint(KeyFilledWith(2)));
  EXPECT_EQ(Fingerprint(KeyFilledWith(1)), Fingerprint(KeyFilledWith(1)));
}

TEST(SafetyNumberTest, FormatAndSymmetry) {
  DeterministicRandom random(9);
  const PublicKey a = SigningKeyPair::Generate(random).public_key();
  const PublicKey b = SigningKeyPair::Generate(random).public_key();
  const std::string ab = SafetyNumber(a, b);
  EXPECT_EQ(ab, SafetyNumber(b, a));
  EXPECT_TRUE(IsGrouped(ab, 12, 5, "0123456789")) << ab;
}

TEST(SafetyNumberTest, ChangesWithEitherKey) {
  const std::string base = SafetyNumber(KeyFilledWith(1), KeyFilledWith(2));
  EXPECT_NE(base, SafetyNumber(KeyFilledWith(1), KeyFilledWith(3)));
  EXPECT_NE(base, SafetyNumber(KeyFilledWith(4), KeyFilledWith(2)));
}

TEST(SafetyNumberTest, HalvesAreThePartiesOwnDigits) {
  // A party's 30 digits are the same whoever the other party is.
  auto halves = [](const std::string& number) {
    return std::set<std::string>{number.substr(0, 35), number.substr(36)};
  };
  const auto ab = halves(SafetyNumber(KeyFilledWith(1), KeyFilledWith(2)));
  const auto ac = halves(SafetyNumber(KeyFilledWith(1), KeyFilledWith(3)));
  std::vector<std::string> shared;
  std::set_intersection(ab.begin(), ab.end(), ac.begin(), ac.end(), std::back_inserter(shared));
  EXPECT_EQ(shared.size(), 1u);
}

}  // namespace
}  // namespace parley::crypto
