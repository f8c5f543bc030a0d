#include "daemon/identity/node_identity.h"

#include <gtest/gtest.h>

#include "daemon/store/node_table.h"
#include "tests/support/local_node.h"

namespace parley::identity {
namespace {

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

TEST(NodeIdentityTest, TheSignedPrekeyIsRenewedWeeklyAndAReplacedOneKeptForItsGrace) {
  testing::LocalNode node("Node", 1, "tcp://127.0.0.1:7001");
  crypto::DeterministicRandom random(3);
  NodeIdentity& identity = node.identity();
  const std::int64_t start = node.clock().NowUnixMs();
  const std::uint32_t first = identity.current_signed_prekey().id;
  const std::string first_card = identity.Card().Text();

  auto renewed = RenewSignedPrekey(node.store(), identity, start + kDayMs, random);
  ASSERT_TRUE(renewed.ok());
  EXPECT_FALSE(renewed.value());  // not due yet
  EXPECT_EQ(identity.signed_prekeys.size(), 1u);

  const std::int64_t week = start + kSignedPrekeyLifetimeMs;
  renewed = RenewSignedPrekey(node.store(), identity, week, random);
  ASSERT_TRUE(renewed.ok());
  EXPECT_TRUE(renewed.value());
  ASSERT_EQ(identity.signed_prekeys.size(), 2u);
  EXPECT_GT(identity.current_signed_prekey().id, first);
  EXPECT_EQ(identity.signed_prekeys[1].id, first);  // still there for late first messages
  EXPECT_NE(identity.Card().Text(), first_card);
  // The new one verifies under the identity, as any initiator checks it.
  auto card = ParseCardText(identity.Card().Text());
  ASSERT_TRUE(card.ok());
  EXPECT_EQ(card->signed_prekey_id, identity.current_signed_prekey().id);

  // Past the grace after its replacement, the first is deleted; the current
  // one is renewed again meanwhile (weekly).
  renewed = RenewSignedPrekey(node.store(), identity, week + kSignedPrekeyGraceMs + 1, random);
  ASSERT_TRUE(renewed.ok());
  EXPECT_TRUE(renewed.value());
  for (const auto& prekey : identity.signed_prekeys) EXPECT_NE(prekey.id, first);
  EXPECT_EQ(identity.signed_prekeys.size(), 2u);

  // And it is what the store holds.
  auto loaded = LoadNodeIdentity(node.store());
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded.value()->signed_prekeys.size(), identity.signed_prekeys.size());
  EXPECT_EQ(loaded.value()->current_signed_prekey().id, identity.current_signed_prekey().id);
}

TEST(NodeIdentityTest, RenewalKeepsTheSignedPrekeyOfARetiredIdentity) {
  testing::LocalNode node("Node", 1, "tcp://127.0.0.1:7001");
  crypto::DeterministicRandom random(4);
  const std::int64_t start = node.clock().NowUnixMs();
  const std::uint32_t before_rotation = node.identity().current_signed_prekey().id;
  std::unique_ptr<NodeIdentity> rotated;
  ASSERT_TRUE(node.store().db().Begin().ok());
  auto made = RotateNodeIdentity(node.store(), node.identity(), start, random);
  ASSERT_TRUE(made.ok());
  ASSERT_TRUE(node.store().db().Commit().ok());
  rotated = std::move(made.value());

  // Long after: renewed, and the current identity's replaced prekey deleted,
  // but a card from before the rotation still names a prekey that is held.
  const std::int64_t later = start + kSignedPrekeyLifetimeMs + kSignedPrekeyGraceMs + 1;
  auto renewed = RenewSignedPrekey(node.store(), *rotated, later, random);
  ASSERT_TRUE(renewed.ok());
  EXPECT_TRUE(renewed.value());
  renewed = RenewSignedPrekey(node.store(), *rotated, later + kSignedPrekeyGraceMs + 1, random);
  ASSERT_TRUE(renewed.ok());
  bool kept = false;
  for (const auto& prekey : rotated->signed_prekeys) kept = kept || prekey.id == before_rotation;
  EXPECT_TRUE(kept);
  EXPECT_EQ(rotated->signed_prekeys.size(), 3u);  // the retired one, the current, its predecessor
}

}  // namespace
}  // namespace parley::identity
