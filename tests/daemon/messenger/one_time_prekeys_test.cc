#include "daemon/messenger/one_time_prekeys.h"

#include <gtest/gtest.h>

#include "tests/support/local_node.h"

namespace parley::messenger {
namespace {

crypto::PublicKey Requester(std::size_t n) {
  crypto::PublicKey key{};
  for (std::size_t i = 0; i < 4; ++i) key[i] = static_cast<std::uint8_t>(n >> (8 * i));
  return key;
}

TEST(OneTimePrekeysTest, MintedKeysAreKeptUntilUsedAndTheOldestGiveWayAtTheBound) {
  testing::LocalNode node("Node", 1, "tcp://127.0.0.1:7001");
  auto& db = node.store().db();
  crypto::DeterministicRandom random(5);
  OneTimePrekeys pool(db);
  ASSERT_TRUE(pool.Load().ok());

  std::vector<std::uint32_t> ids;
  ASSERT_TRUE(db.Begin().ok());
  for (std::size_t i = 0; i < kMaxOneTimePrekeys + 2; ++i) {
    auto minted = pool.Mint(Requester(i), random, static_cast<std::int64_t>(i));
    ASSERT_TRUE(minted.ok());
    EXPECT_NE(minted.value()->id, 0u);
    ids.push_back(minted.value()->id);
  }
  ASSERT_TRUE(db.Commit().ok());
  EXPECT_EQ(pool.size(), kMaxOneTimePrekeys);
  EXPECT_EQ(pool.HandedTo(Requester(5)), pool.Find(ids[5]));  // asked again: the same
  EXPECT_EQ(pool.HandedTo(Requester(0)), nullptr);
  EXPECT_EQ(pool.Find(ids[0]), nullptr);  // the two oldest were evicted
  EXPECT_EQ(pool.Find(ids[1]), nullptr);
  ASSERT_NE(pool.Find(ids[2]), nullptr);
  ASSERT_NE(pool.Find(ids.back()), nullptr);

  ASSERT_TRUE(db.Begin().ok());
  ASSERT_TRUE(pool.Consume(ids[2]).ok());
  ASSERT_TRUE(pool.Consume(ids[0]).ok());  // unknown: nothing to do
  ASSERT_TRUE(db.Commit().ok());

  // What the store holds is what a restart sees, keys included.
  OneTimePrekeys reloaded(db);
  ASSERT_TRUE(reloaded.Load().ok());
  EXPECT_EQ(reloaded.size(), kMaxOneTimePrekeys - 1);
  EXPECT_EQ(reloaded.Find(ids[2]), nullptr);
  EXPECT_EQ(reloaded.HandedTo(Requester(2)), nullptr);  // used: its requester holds none
  EXPECT_EQ(reloaded.HandedTo(Requester(3)), reloaded.Find(ids[3]));
  ASSERT_NE(reloaded.Find(ids[3]), nullptr);
  EXPECT_EQ(reloaded.Find(ids[3])->key.public_key(), pool.Find(ids[3])->key.public_key());

  // The next mint evicts the oldest still there.
  ASSERT_TRUE(db.Begin().ok());
  ASSERT_TRUE(reloaded.Mint(Requester(2), random, 10'000).ok());
  ASSERT_TRUE(reloaded.Mint(Requester(20'000), random, 10'001).ok());
  ASSERT_TRUE(db.Commit().ok());
  EXPECT_EQ(reloaded.size(), kMaxOneTimePrekeys);
  EXPECT_EQ(reloaded.Find(ids[3]), nullptr);
  EXPECT_NE(reloaded.Find(ids[4]), nullptr);
}

}  // namespace
}  // namespace parley::messenger
