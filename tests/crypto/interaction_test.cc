// Seeded random conversations: send, deliver, drop, shuffle, duplicate and
// reload in any order; every message decrypts exactly once.
#include <gtest/gtest.h>

#include "interaction_sim.h"

namespace parley::crypto::testing {
namespace {

using Action = Conversation::Action;

// Runs `steps` actions chosen by a generator seeded with `seed`.
void RunSeeded(std::uint64_t seed, int steps) {
  Conversation conversation(seed);
  DeterministicRandom choices(seed ^ 0x5eed);
  for (int i = 0; i < steps; ++i) {
    std::uint8_t pick[2];
    choices.Fill(pick);
    const auto action = static_cast<Action>(pick[0] % Conversation::kActionCount);
    std::optional<std::string> error = conversation.Step(action, pick[1]);
    ASSERT_FALSE(error) << "seed " << seed << " step " << i << ": " << *error;
  }
  std::optional<std::string> error = conversation.DeliverAll();
  ASSERT_FALSE(error) << "seed " << seed << " final delivery: " << *error;
  EXPECT_GT(conversation.delivered(), 0u);
}

TEST(InteractionTest, SeededRandomConversations) {
  for (std::uint64_t seed = 1; seed <= 40; ++seed) RunSeeded(seed, 300);
}

TEST(InteractionTest, LongConversation) { RunSeeded(4242, 3000); }

TEST(InteractionTest, DuplicatesAreRefused) {
  Conversation conversation(7);
  ASSERT_FALSE(conversation.Step(Action::kAliceSends, 0));
  ASSERT_FALSE(conversation.Step(Action::kDuplicate, 1));  // Bob's inbox
  ASSERT_FALSE(conversation.Step(Action::kDuplicate, 1));
  ASSERT_FALSE(conversation.DeliverAll());
  EXPECT_EQ(conversation.delivered(), 1u);
  EXPECT_EQ(conversation.duplicates_refused(), 2u);
}

TEST(InteractionTest, BothStartAtOnce) {
  // Both send before either receives: two X3DH sessions, both readable.
  Conversation conversation(8);
  for (int i = 0; i < 3; ++i) {
    ASSERT_FALSE(conversation.Step(Action::kAliceSends, 0));
    ASSERT_FALSE(conversation.Step(Action::kBobSends, 0));
  }
  ASSERT_FALSE(conversation.Step(Action::kShuffle, 0));
  ASSERT_FALSE(conversation.Step(Action::kShuffle, 1));
  ASSERT_FALSE(conversation.DeliverAll());
  for (int i = 0; i < 5; ++i) {
    ASSERT_FALSE(conversation.Step(Action::kAliceSends, 0));
    ASSERT_FALSE(conversation.Step(Action::kDeliverToBob, 0));
    ASSERT_FALSE(conversation.Step(Action::kBobSends, 0));
    ASSERT_FALSE(conversation.Step(Action::kDeliverToAlice, 0));
  }
  EXPECT_EQ(conversation.delivered(), 16u);
}

}  // namespace
}  // namespace parley::crypto::testing
