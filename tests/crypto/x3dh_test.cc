#include "crypto/x3dh.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace parley::crypto {
namespace {

using testing::Party;

struct X3dhTest : ::testing::Test {
  DeterministicRandom random{11};
  Party alice{random};
  Party bob{random};

  std::optional<SecureBuffer> Respond(const X3dhInitiation& x3dh, std::uint32_t opk_id) {
    return X3dhRespond(bob.identity(), bob.signed_prekey(), bob.FindOneTimePrekey(opk_id),
                       alice.identity().public_identity(), x3dh.ephemeral.public_key());
  }
};

TEST_F(X3dhTest, BothSidesAgreeWithOneTimePrekey) {
  const std::uint32_t opk = bob.AddOneTimePrekey(random);
  std::optional<X3dhInitiation> x3dh = X3dhInitiate(alice.identity(), bob.Bundle(opk), random);
  ASSERT_TRUE(x3dh);
  std::optional<SecureBuffer> bob_sk = Respond(*x3dh, opk);
  ASSERT_TRUE(bob_sk);
  EXPECT_TRUE(EqualConstantTime(x3dh->shared_secret.view(), bob_sk->view()));
  // Without DH4 Bob would derive another key.
  std::optional<SecureBuffer> without_opk = Respond(*x3dh, 0);
  ASSERT_TRUE(without_opk);
  EXPECT_FALSE(EqualConstantTime(x3dh->shared_secret.view(), without_opk->view()));
}

TEST_F(X3dhTest, BothSidesAgreeWithoutOneTimePrekey) {
  std::optional<X3dhInitiation> x3dh = X3dhInitiate(alice.identity(), bob.Bundle(), random);
  ASSERT_TRUE(x3dh);
  std::optional<SecureBuffer> bob_sk = Respond(*x3dh, 0);
  ASSERT_TRUE(bob_sk);
  EXPECT_EQ(x3dh->shared_secret.size(), 32u);
  EXPECT_TRUE(EqualConstantTime(x3dh->shared_secret.view(), bob_sk->view()));
}

TEST_F(X3dhTest, AssociatedDataIsInitiatorFirst) {
  std::optional<X3dhInitiation> x3dh = X3dhInitiate(alice.identity(), bob.Bundle(), random);
  ASSERT_TRUE(x3dh);
  const PublicIdentity& a = alice.identity().public_identity();
  const PublicIdentity& b = bob.identity().public_identity();
  EXPECT_EQ(x3dh->associated_data, MakeAssociatedData(a, b));
  EXPECT_TRUE(
      std::equal(a.identity_key.begin(), a.identity_key.end(), x3dh->associated_data.begin()));
  EXPECT_TRUE(std::equal(b.agreement_key.begin(), b.agreement_key.end(),
                         x3dh->associated_data.begin() + 96));
}

TEST_F(X3dhTest, ForgedSignedPrekeyRejected) {
  PrekeyBundle bundle = bob.Bundle();
  DhKeyPair mallory = DhKeyPair::Generate(random);
  bundle.signed_prekey = mallory.public_key();
  EXPECT_FALSE(X3dhInitiate(alice.identity(), bundle, random));
  bundle = bob.Bundle();
  bundle.signed_prekey_id += 1;  // the id is signed too
  EXPECT_FALSE(X3dhInitiate(alice.identity(), bundle, random));
}

TEST_F(X3dhTest, ForgedAgreementCertificateRejected) {
  Party mallory(random);
  PrekeyBundle bundle = bob.Bundle();
  bundle.identity.agreement_key = mallory.identity().agreement().public_key();
  EXPECT_FALSE(X3dhInitiate(alice.identity(), bundle, random));
  // A transport certificate does not pass as an agreement certificate.
  bundle = bob.Bundle();
  bundle.identity.agreement_key = bundle.identity.transport_key;
  bundle.identity.agreement_certificate = bundle.identity.transport_certificate;
  EXPECT_FALSE(X3dhInitiate(alice.identity(), bundle, random));

  // Bob's side checks Alice's certificate.
  std::optional<X3dhInitiation> x3dh = X3dhInitiate(alice.identity(), bob.Bundle(), random);
  ASSERT_TRUE(x3dh);
  PublicIdentity forged = alice.identity().public_identity();
  forged.agreement_key = mallory.identity().agreement().public_key();
  EXPECT_FALSE(X3dhRespond(bob.identity(), bob.signed_prekey(), nullptr, forged,
                           x3dh->ephemeral.public_key()));
}

TEST_F(X3dhTest, LowOrderKeysAbort) {
  PrekeyBundle bundle = bob.Bundle();
  bundle.one_time_prekey_id = 5;
  bundle.one_time_prekey = PublicKey{};  // all zeros: low order
  EXPECT_FALSE(X3dhInitiate(alice.identity(), bundle, random));
  EXPECT_FALSE(X3dhRespond(bob.identity(), bob.signed_prekey(), nullptr,
                           alice.identity().public_identity(), PublicKey{}));
}

TEST_F(X3dhTest, DifferentEphemeralsGiveDifferentSecrets) {
  std::optional<X3dhInitiation> first = X3dhInitiate(alice.identity(), bob.Bundle(), random);
  std::optional<X3dhInitiation> second = X3dhInitiate(alice.identity(), bob.Bundle(), random);
  ASSERT_TRUE(first && second);
  EXPECT_NE(first->ephemeral.public_key(), second->ephemeral.public_key());
  EXPECT_FALSE(EqualConstantTime(first->shared_secret.view(), second->shared_secret.view()));
}

}  // namespace
}  // namespace parley::crypto
