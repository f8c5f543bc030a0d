#include "crypto/identity.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace parley::crypto {
namespace {

using testing::Copy;

TEST(IdentityTest, GeneratedIdentityVerifies) {
  DeterministicRandom random(1);
  Identity identity = Identity::Generate(random);
  EXPECT_TRUE(identity.public_identity().Verify());
  EXPECT_EQ(identity.public_identity().identity_key, identity.signing().public_key());
  EXPECT_EQ(identity.public_identity().transport_key, identity.transport().public_key());
  EXPECT_EQ(identity.public_identity().agreement_key, identity.agreement().public_key());
  // One purpose per key: transport and agreement keys differ.
  EXPECT_NE(identity.transport().public_key(), identity.agreement().public_key());
}

TEST(IdentityTest, ForgedCertificatesFail) {
  DeterministicRandom random(2);
  Identity identity = Identity::Generate(random);
  Identity other = Identity::Generate(random);
  PublicIdentity forged = identity.public_identity();
  forged.agreement_key = other.agreement().public_key();
  EXPECT_FALSE(forged.Verify());
  forged = identity.public_identity();
  forged.transport_key = other.transport().public_key();
  EXPECT_FALSE(forged.Verify());
  // Swapping the certificates: each is bound to its context.
  forged = identity.public_identity();
  std::swap(forged.transport_key, forged.agreement_key);
  std::swap(forged.transport_certificate, forged.agreement_certificate);
  EXPECT_FALSE(forged.Verify());
}

TEST(IdentityTest, SerializeRoundTrip) {
  DeterministicRandom random(3);
  Identity identity = Identity::Generate(random);
  const Bytes blob = Copy(identity.Serialize());
  ASSERT_EQ(blob.size(), 1u + 64 + 32 + 32);
  EXPECT_EQ(blob[0], 1);
  std::optional<Identity> loaded = Identity::Deserialize(blob);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->public_identity().identity_key, identity.public_identity().identity_key);
  EXPECT_EQ(loaded->public_identity().agreement_certificate,
            identity.public_identity().agreement_certificate);
  EXPECT_EQ(loaded->transport().public_key(), identity.transport().public_key());
  EXPECT_EQ(Copy(loaded->Serialize()), blob);
}

TEST(IdentityTest, BadBlobsRefused) {
  DeterministicRandom random(4);
  const Bytes blob = Copy(Identity::Generate(random).Serialize());
  EXPECT_FALSE(Identity::Deserialize(ByteView(blob).first(blob.size() - 1)));
  Bytes longer = blob;
  longer.push_back(0);
  EXPECT_FALSE(Identity::Deserialize(longer));
  Bytes wrong_version = blob;
  wrong_version[0] = 2;
  EXPECT_FALSE(Identity::Deserialize(wrong_version));
  Bytes bad_public_half = blob;
  bad_public_half[1 + 40] ^= 1;
  EXPECT_FALSE(Identity::Deserialize(bad_public_half));
  EXPECT_FALSE(Identity::Deserialize({}));
}

}  // namespace
}  // namespace parley::crypto
