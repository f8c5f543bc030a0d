#include "crypto/sign.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include "crypto/random.h"

namespace parley::crypto {
namespace {

TEST(SignTest, SignsAndVerifies) {
  DeterministicRandom random(1);
  SigningKeyPair key = SigningKeyPair::Generate(random);
  const Signature sig = key.Sign(SignContext::kCard, AsBytes("card body"));
  EXPECT_TRUE(VerifySignature(SignContext::kCard, key.public_key(), AsBytes("card body"), sig));
  EXPECT_FALSE(VerifySignature(SignContext::kCard, key.public_key(), AsBytes("card bodY"), sig));
}

TEST(SignTest, ContextsAreSeparated) {
  DeterministicRandom random(2);
  SigningKeyPair key = SigningKeyPair::Generate(random);
  const Bytes message(36, 0x42);
  const SignContext contexts[] = {
      SignContext::kCard,         SignContext::kTransportKey, SignContext::kAgreementKey,
      SignContext::kSignedPrekey, SignContext::kCharter,      SignContext::kProfile,
      SignContext::kStatement,    SignContext::kIntroduction, SignContext::kKeyRotation};
  for (SignContext signed_as : contexts) {
    const Signature sig = key.Sign(signed_as, message);
    for (SignContext checked_as : contexts) {
      EXPECT_EQ(VerifySignature(checked_as, key.public_key(), message, sig),
                signed_as == checked_as);
    }
  }
}

TEST(SignTest, CardSignatureIsNotAPrekeySignature) {
  DeterministicRandom random(3);
  SigningKeyPair key = SigningKeyPair::Generate(random);
  const Bytes message(36, 7);
  const Signature card_sig = key.Sign(SignContext::kCard, message);
  EXPECT_FALSE(VerifySignature(SignContext::kSignedPrekey, key.public_key(), message, card_sig));
}

TEST(SignTest, SignatureIsOverLengthPrefixedLabel) {
  // Checks the exact signed bytes of §3.2 with libsodium's plain Ed25519.
  DeterministicRandom random(4);
  SigningKeyPair key = SigningKeyPair::Generate(random);
  const Signature sig = key.Sign(SignContext::kTransportKey, AsBytes("M"));
  const std::string label = "parley/transport-key/v1";
  Bytes signed_bytes = {static_cast<std::uint8_t>(label.size())};
  signed_bytes.insert(signed_bytes.end(), label.begin(), label.end());
  signed_bytes.push_back('M');
  EXPECT_EQ(crypto_sign_ed25519_verify_detached(sig.data(), signed_bytes.data(),
                                                signed_bytes.size(), key.public_key().data()),
            0);
  EXPECT_EQ(SignContextLabel(SignContext::kTransportKey), label);
}

TEST(SignTest, WrongKeyFails) {
  DeterministicRandom random(5);
  SigningKeyPair a = SigningKeyPair::Generate(random);
  SigningKeyPair b = SigningKeyPair::Generate(random);
  const Signature sig = a.Sign(SignContext::kCard, AsBytes("x"));
  EXPECT_FALSE(VerifySignature(SignContext::kCard, b.public_key(), AsBytes("x"), sig));
}

TEST(SignTest, FromSecretRoundTripAndMismatch) {
  DeterministicRandom random(6);
  SigningKeyPair key = SigningKeyPair::Generate(random);
  Bytes secret(key.secret().begin(), key.secret().end());
  std::optional<SigningKeyPair> loaded = SigningKeyPair::FromSecret(secret);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->public_key(), key.public_key());
  secret[40] ^= 1;  // public half no longer matches the seed
  EXPECT_FALSE(SigningKeyPair::FromSecret(secret));
  EXPECT_FALSE(SigningKeyPair::FromSecret(ByteView(secret).first(63)));
}

TEST(SignTest, DeterministicRandomGivesSameKeys) {
  DeterministicRandom r1(77), r2(77), r3(78);
  EXPECT_EQ(SigningKeyPair::Generate(r1).public_key(), SigningKeyPair::Generate(r2).public_key());
  DeterministicRandom r4(77);
  EXPECT_NE(SigningKeyPair::Generate(r3).public_key(), SigningKeyPair::Generate(r4).public_key());
}

}  // namespace
}  // namespace parley::crypto
