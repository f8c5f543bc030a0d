#include "daemon/directory/trust_graph.h"

#include <gtest/gtest.h>

#include "crypto/random.h"

namespace parley::directory {
namespace {

constexpr std::uint64_t kNow = 1'767'225'600'000;

class TrustGraphTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto charter = CreateCharter(anchor_, "Prague Process", DefaultTaxonomy(), kNow, random_);
    ASSERT_TRUE(charter.ok()) << charter.status().message();
    charter_ = std::move(charter.value());
    graph_ = TrustGraph(charter_.anchor_keys);
  }

  Statement Make(const crypto::SigningKeyPair& signer, StatementKind kind,
                 const crypto::SigningKeyPair& subject, std::string state = "",
                 std::string organisation = "", std::uint64_t at = kNow) {
    auto statement = SignStatement(signer, kind, subject.public_key(), std::move(state),
                                   std::move(organisation), charter_, at);
    EXPECT_TRUE(statement.ok()) << statement.status().message();
    return statement.value();
  }

  crypto::DeterministicRandom random_{11};
  crypto::SigningKeyPair anchor_ = crypto::SigningKeyPair::Generate(random_);
  crypto::SigningKeyPair armenia_cp_ = crypto::SigningKeyPair::Generate(random_);
  crypto::SigningKeyPair expert_ = crypto::SigningKeyPair::Generate(random_);
  crypto::SigningKeyPair stranger_ = crypto::SigningKeyPair::Generate(random_);
  Charter charter_;
  TrustGraph graph_;
};

TEST_F(TrustGraphTest, OnlyAnAnchorDelegatesAndSuspends) {
  EXPECT_TRUE(graph_.Holds(Make(anchor_, StatementKind::kContactPoint, armenia_cp_, "AM")));
  EXPECT_FALSE(graph_.Holds(Make(stranger_, StatementKind::kContactPoint, armenia_cp_, "AM")));
  EXPECT_TRUE(graph_.Holds(Make(anchor_, StatementKind::kSuspension, armenia_cp_)));
  EXPECT_FALSE(graph_.Holds(Make(stranger_, StatementKind::kSuspension, armenia_cp_)));
}

TEST_F(TrustGraphTest, AContactPointEndorsesForItsOwnStateOnly) {
  const Statement for_armenia =
      Make(armenia_cp_, StatementKind::kEndorsement, expert_, "AM", "MFA");
  EXPECT_FALSE(graph_.Holds(for_armenia));  // not yet delegated
  ASSERT_TRUE(graph_.Put(Make(anchor_, StatementKind::kContactPoint, armenia_cp_, "AM")));
  ASSERT_NE(graph_.ActiveContactPoint(armenia_cp_.public_key()), nullptr);
  EXPECT_TRUE(graph_.Holds(for_armenia));
  EXPECT_FALSE(graph_.Holds(Make(armenia_cp_, StatementKind::kEndorsement, expert_, "GE", "MFA")));
  // The anchor endorses for any state.
  EXPECT_TRUE(graph_.Holds(Make(anchor_, StatementKind::kEndorsement, expert_, "GE", "MFA")));
  // A key that is no contact point endorses for no state.
  EXPECT_FALSE(graph_.Holds(Make(stranger_, StatementKind::kEndorsement, expert_, "AM", "MFA")));

  ASSERT_TRUE(graph_.Put(for_armenia));
  auto held = graph_.EndorsementsOf(expert_.public_key());
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(held[0]->organisation, "MFA");
}

TEST_F(TrustGraphTest, ASuspensionEndsTheDelegationAndEveryEndorsementMade) {
  ASSERT_TRUE(graph_.Put(Make(anchor_, StatementKind::kContactPoint, armenia_cp_, "AM")));
  ASSERT_TRUE(graph_.Put(Make(armenia_cp_, StatementKind::kEndorsement, expert_, "AM", "MFA")));
  ASSERT_TRUE(graph_.Put(Make(anchor_, StatementKind::kEndorsement, stranger_, "AM", "MoI")));
  ASSERT_EQ(graph_.EndorsementsOf(expert_.public_key()).size(), 1u);

  ASSERT_TRUE(graph_.Put(Make(anchor_, StatementKind::kSuspension, armenia_cp_)));
  EXPECT_TRUE(graph_.IsSuspended(armenia_cp_.public_key()));
  EXPECT_EQ(graph_.ActiveContactPoint(armenia_cp_.public_key()), nullptr);
  EXPECT_TRUE(graph_.EndorsementsOf(expert_.public_key()).empty());
  // The anchor's own endorsements stand.
  EXPECT_EQ(graph_.EndorsementsOf(stranger_.public_key()).size(), 1u);
  // For good: a new delegation of the same key does not hold, nor do new endorsements.
  EXPECT_FALSE(graph_.Holds(
      Make(anchor_, StatementKind::kContactPoint, armenia_cp_, "AM", "", kNow + 1000)));
  EXPECT_FALSE(
      graph_.Holds(Make(armenia_cp_, StatementKind::kEndorsement, expert_, "AM", "MFA", kNow + 1)));
}

TEST_F(TrustGraphTest, ALaterStatementReplacesAnEarlierOneOfItsSlot) {
  ASSERT_TRUE(graph_.Put(Make(anchor_, StatementKind::kEndorsement, expert_, "AM", "Old", kNow)));
  EXPECT_FALSE(graph_.Put(Make(anchor_, StatementKind::kEndorsement, expert_, "AM", "Same", kNow)));
  EXPECT_FALSE(
      graph_.Put(Make(anchor_, StatementKind::kEndorsement, expert_, "AM", "Older", kNow - 1)));
  EXPECT_TRUE(
      graph_.Put(Make(anchor_, StatementKind::kEndorsement, expert_, "AM", "New", kNow + 1)));
  auto held = graph_.EndorsementsOf(expert_.public_key());
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(held[0]->organisation, "New");
}

TEST_F(TrustGraphTest, AllListsWhatAReceiverMustCheckFirstFirst) {
  ASSERT_TRUE(graph_.Put(Make(anchor_, StatementKind::kEndorsement, expert_, "AM", "MFA")));
  ASSERT_TRUE(graph_.Put(Make(anchor_, StatementKind::kContactPoint, armenia_cp_, "AM")));
  ASSERT_TRUE(graph_.Put(Make(stranger_, StatementKind::kRevocation, stranger_)));
  ASSERT_TRUE(graph_.Put(Make(armenia_cp_, StatementKind::kEndorsement, stranger_, "AM", "MoI")));
  auto all = graph_.All();
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0]->kind, StatementKind::kContactPoint);
  EXPECT_EQ(all[1]->kind, StatementKind::kEndorsement);
  EXPECT_EQ(all[2]->kind, StatementKind::kEndorsement);
  EXPECT_EQ(all[3]->kind, StatementKind::kRevocation);
  EXPECT_EQ(graph_.ContactPoints().size(), 1u);
}

TEST_F(TrustGraphTest, AKeyIsRevokedByItselfTheAnchorOrItsEndorserOnly) {
  EXPECT_TRUE(graph_.Holds(Make(expert_, StatementKind::kRevocation, expert_)));
  EXPECT_TRUE(graph_.Holds(Make(anchor_, StatementKind::kRevocation, expert_)));
  EXPECT_FALSE(graph_.Holds(Make(stranger_, StatementKind::kRevocation, expert_)));
  // A contact point may revoke whom it endorsed, not anyone else.
  ASSERT_TRUE(graph_.Put(Make(anchor_, StatementKind::kContactPoint, armenia_cp_, "AM")));
  EXPECT_FALSE(graph_.Holds(Make(armenia_cp_, StatementKind::kRevocation, expert_)));
  ASSERT_TRUE(graph_.Put(Make(armenia_cp_, StatementKind::kEndorsement, expert_, "AM", "MFA")));
  EXPECT_TRUE(graph_.Holds(Make(armenia_cp_, StatementKind::kRevocation, expert_)));
}

TEST_F(TrustGraphTest, NothingAboutOrByARevokedKeyHolds) {
  ASSERT_TRUE(graph_.Put(Make(anchor_, StatementKind::kContactPoint, armenia_cp_, "AM")));
  ASSERT_TRUE(graph_.Put(Make(armenia_cp_, StatementKind::kEndorsement, expert_, "AM", "MFA")));
  ASSERT_TRUE(graph_.Put(Make(anchor_, StatementKind::kEndorsement, armenia_cp_, "AM", "MFA")));
  ASSERT_EQ(graph_.EndorsementsOf(expert_.public_key()).size(), 1u);

  ASSERT_TRUE(graph_.Put(Make(armenia_cp_, StatementKind::kRevocation, armenia_cp_)));
  EXPECT_TRUE(graph_.IsRevoked(armenia_cp_.public_key()));
  EXPECT_FALSE(graph_.IsRevoked(expert_.public_key()));
  EXPECT_EQ(graph_.ActiveContactPoint(armenia_cp_.public_key()), nullptr);
  EXPECT_TRUE(graph_.EndorsementsOf(expert_.public_key()).empty());      // by it
  EXPECT_TRUE(graph_.EndorsementsOf(armenia_cp_.public_key()).empty());  // about it
  EXPECT_FALSE(
      graph_.Holds(Make(anchor_, StatementKind::kContactPoint, armenia_cp_, "AM", "", kNow + 1)));
}

TEST_F(TrustGraphTest, TwoContactPointsRevokingEachOtherDoNotLoop) {
  auto georgia_cp = crypto::SigningKeyPair::Generate(random_);
  ASSERT_TRUE(graph_.Put(Make(anchor_, StatementKind::kContactPoint, armenia_cp_, "AM")));
  ASSERT_TRUE(graph_.Put(Make(anchor_, StatementKind::kContactPoint, georgia_cp, "AM")));
  ASSERT_TRUE(graph_.Put(Make(armenia_cp_, StatementKind::kEndorsement, georgia_cp, "AM", "X")));
  ASSERT_TRUE(graph_.Put(Make(georgia_cp, StatementKind::kEndorsement, armenia_cp_, "AM", "Y")));
  ASSERT_TRUE(graph_.Put(Make(armenia_cp_, StatementKind::kRevocation, georgia_cp)));
  ASSERT_TRUE(graph_.Put(Make(georgia_cp, StatementKind::kRevocation, armenia_cp_)));
  EXPECT_TRUE(graph_.IsRevoked(armenia_cp_.public_key()));
  EXPECT_TRUE(graph_.IsRevoked(georgia_cp.public_key()));
}

}  // namespace
}  // namespace parley::directory
