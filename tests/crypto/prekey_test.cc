#include "crypto/prekey.h"

#include <gtest/gtest.h>

namespace parley::crypto {
namespace {

TEST(PrekeyTest, SignedPrekeyMessageLayout) {
  PublicKey key{};
  key.fill(0xAB);
  const auto message = SignedPrekeyMessage(0x01020304, key);
  EXPECT_EQ(message[0], 1);
  EXPECT_EQ(message[1], 2);
  EXPECT_EQ(message[2], 3);
  EXPECT_EQ(message[3], 4);
  EXPECT_EQ(message[4], 0xAB);
  EXPECT_EQ(message[35], 0xAB);
}

TEST(PrekeyTest, SignedPrekeySignatureBindsIdAndKey) {
  DeterministicRandom random(1);
  SigningKeyPair identity = SigningKeyPair::Generate(random);
  SignedPrekey spk = SignedPrekey::Generate(identity, 42, random);
  EXPECT_EQ(spk.id, 42u);
  EXPECT_TRUE(VerifySignature(SignContext::kSignedPrekey, identity.public_key(),
                              SignedPrekeyMessage(42, spk.key.public_key()), spk.signature));
  EXPECT_FALSE(VerifySignature(SignContext::kSignedPrekey, identity.public_key(),
                               SignedPrekeyMessage(43, spk.key.public_key()), spk.signature));
  // Not valid as an agreement key certificate either.
  EXPECT_FALSE(VerifySignature(SignContext::kAgreementKey, identity.public_key(),
                               SignedPrekeyMessage(42, spk.key.public_key()), spk.signature));
}

TEST(PrekeyTest, OneTimePrekeysAreDistinct) {
  DeterministicRandom random(2);
  OneTimePrekey a = OneTimePrekey::Generate(1, random);
  OneTimePrekey b = OneTimePrekey::Generate(2, random);
  EXPECT_EQ(a.id, 1u);
  EXPECT_NE(a.key.public_key(), b.key.public_key());
}

TEST(PrekeyDeathTest, OneTimePrekeyIdZeroIsABug) {
  DeterministicRandom random(3);
  EXPECT_DEATH(OneTimePrekey::Generate(0, random), "");
}

}  // namespace
}  // namespace parley::crypto
