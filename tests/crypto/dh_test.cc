#include "crypto/dh.h"

#include <gtest/gtest.h>

#include <array>

namespace parley::crypto {
namespace {

TEST(DhTest, BothSidesAgree) {
  DeterministicRandom random(1);
  DhKeyPair a = DhKeyPair::Generate(random);
  DhKeyPair b = DhKeyPair::Generate(random);
  std::array<std::uint8_t, 32> ab{}, ba{};
  ASSERT_TRUE(Dh(a.secret(), b.public_key(), ab));
  ASSERT_TRUE(Dh(b.secret(), a.public_key(), ba));
  EXPECT_EQ(ab, ba);
  EXPECT_NE(ab, (std::array<std::uint8_t, 32>{}));
}

TEST(DhTest, LowOrderPointsAreRejected) {
  DeterministicRandom random(2);
  DhKeyPair a = DhKeyPair::Generate(random);
  // Points of order 1, 2 and 8 on Curve25519 (and 0, p, p+1 encodings).
  const std::array<std::string_view, 5> low_order = {
      "0000000000000000000000000000000000000000000000000000000000000000",
      "0100000000000000000000000000000000000000000000000000000000000000",
      "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
      "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
      "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
  };
  for (std::string_view hex : low_order) {
    PublicKey peer{};
    ASSERT_TRUE(FromHex(hex, peer));
    std::array<std::uint8_t, 32> out{};
    out.fill(0xAA);
    EXPECT_FALSE(Dh(a.secret(), peer, out)) << hex;
    EXPECT_EQ(out, (std::array<std::uint8_t, 32>{})) << "output must be wiped";
  }
}

TEST(DhTest, FromSecretRecomputesPublicKey) {
  DeterministicRandom random(3);
  DhKeyPair a = DhKeyPair::Generate(random);
  std::optional<DhKeyPair> b = DhKeyPair::FromSecret(a.secret());
  ASSERT_TRUE(b);
  EXPECT_EQ(a.public_key(), b->public_key());
  EXPECT_FALSE(DhKeyPair::FromSecret(a.secret().first(31)));
}

TEST(DhTest, Rfc7748Vector) {
  // RFC 7748 §6.1: Alice's and Bob's keys and their shared secret.
  Bytes alice_secret(32), bob_public_bytes(32), expected(32);
  ASSERT_TRUE(
      FromHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a", alice_secret));
  ASSERT_TRUE(FromHex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f",
                      bob_public_bytes));
  ASSERT_TRUE(
      FromHex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742", expected));
  std::optional<DhKeyPair> alice = DhKeyPair::FromSecret(alice_secret);
  ASSERT_TRUE(alice);
  EXPECT_EQ(ToHex(alice->public_key()),
            "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
  PublicKey bob_public{};
  std::copy(bob_public_bytes.begin(), bob_public_bytes.end(), bob_public.begin());
  std::array<std::uint8_t, 32> shared{};
  ASSERT_TRUE(Dh(alice->secret(), bob_public, shared));
  EXPECT_EQ(ToHex(shared), ToHex(expected));
}

}  // namespace
}  // namespace parley::crypto
