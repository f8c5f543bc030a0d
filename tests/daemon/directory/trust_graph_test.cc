#include "daemon/directory/trust_graph.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

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

  Statement Rotation(const crypto::SigningKeyPair& old_key, const crypto::SigningKeyPair& new_key,
                     std::uint64_t at = kNow) {
    auto rotation = SignRotation(old_key, new_key, charter_, at);
    EXPECT_TRUE(rotation.ok()) << rotation.status().message();
    return rotation.value();
  }

  crypto::SigningKeyPair NewKey() { return crypto::SigningKeyPair::Generate(random_); }

  // The Armenian contact point, delegated and endorsing the expert, then
  // rotated to `successor` at kNow.
  void RotateTheContactPoint(const crypto::SigningKeyPair& successor) {
    ASSERT_TRUE(graph_.Put(
        Make(anchor_, StatementKind::kContactPoint, armenia_cp_, "AM", "", kNow - 2000)));
    ASSERT_TRUE(graph_.Put(
        Make(armenia_cp_, StatementKind::kEndorsement, expert_, "AM", "MFA", kNow - 1000)));
    ASSERT_NE(graph_.ActiveContactPoint(armenia_cp_.public_key()), nullptr);
    const Statement rotation = Rotation(armenia_cp_, successor);
    ASSERT_TRUE(graph_.Holds(rotation));
    ASSERT_TRUE(graph_.Put(rotation));
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

TEST_F(TrustGraphTest, ARotationRetiresTheKeyAndItsSuccessorInheritsItsEndorsements) {
  const auto successor = NewKey();
  ASSERT_TRUE(graph_.Put(Make(anchor_, StatementKind::kContactPoint, armenia_cp_, "AM")));
  ASSERT_TRUE(graph_.Put(
      Make(anchor_, StatementKind::kEndorsement, expert_, "UZ", "Labour Agency", kNow - 1000)));
  ASSERT_TRUE(graph_.Put(
      Make(armenia_cp_, StatementKind::kEndorsement, expert_, "AM", "MFA", kNow - 1000)));
  EXPECT_EQ(graph_.RotationOf(expert_.public_key()), nullptr);
  EXPECT_FALSE(graph_.IsRetired(expert_.public_key()));

  const Statement rotation = Rotation(expert_, successor);
  EXPECT_TRUE(graph_.Holds(rotation));
  ASSERT_TRUE(graph_.Put(rotation));
  ASSERT_NE(graph_.RotationOf(expert_.public_key()), nullptr);
  EXPECT_EQ(graph_.RotationOf(expert_.public_key())->encoded, rotation.encoded);
  EXPECT_TRUE(graph_.IsRetired(expert_.public_key()));
  EXPECT_FALSE(graph_.IsRetired(successor.public_key()));
  EXPECT_EQ(graph_.RotationOf(successor.public_key()), nullptr);
  EXPECT_EQ(graph_.Lineage(successor.public_key()),
            (std::vector<crypto::PublicKey>{successor.public_key(), expert_.public_key()}));
  EXPECT_EQ(graph_.Lineage(expert_.public_key()),
            std::vector<crypto::PublicKey>{expert_.public_key()});
  EXPECT_FALSE(graph_.IsRevoked(successor.public_key()));
  EXPECT_EQ(graph_.DelegationOf(successor.public_key()), nullptr);

  // Both endorsements of the old key count for the new one.
  auto inherited = graph_.EndorsementsOf(successor.public_key());
  ASSERT_EQ(inherited.size(), 2u);
  for (const Statement* endorsement : inherited)
    EXPECT_EQ(endorsement->subject, expert_.public_key());
  EXPECT_EQ(graph_.EndorsementsOf(expert_.public_key()).size(), 2u);
  // And the new key's own, alongside.
  ASSERT_TRUE(graph_.Put(
      Make(anchor_, StatementKind::kEndorsement, successor, "GE", "Public Service Hall")));
  EXPECT_EQ(graph_.EndorsementsOf(successor.public_key()).size(), 3u);
  EXPECT_EQ(graph_.EndorsementsOf(expert_.public_key()).size(), 2u);

  // Rotations are checked with delegations and suspensions, before what needs them.
  EXPECT_EQ(CheckOrderOf(StatementKind::kRotation), CheckOrderOf(StatementKind::kContactPoint));
  const auto all = graph_.All();
  const auto rotation_at = std::find_if(all.begin(), all.end(), [](const Statement* statement) {
    return statement->kind == StatementKind::kRotation;
  });
  ASSERT_NE(rotation_at, all.end());
  EXPECT_TRUE(std::all_of(all.begin(), rotation_at, [](const Statement* statement) {
    return CheckOrderOf(statement->kind) == CheckOrderOf(StatementKind::kRotation);
  }));
}

TEST_F(TrustGraphTest, ARotationOfAnAnchorMakesNoNewAnchor) {
  const auto successor = NewKey();
  const Statement rotation = Rotation(anchor_, successor);
  EXPECT_TRUE(graph_.Holds(rotation));
  ASSERT_TRUE(graph_.Put(rotation));
  EXPECT_FALSE(graph_.IsAnchor(successor.public_key()));
  EXPECT_FALSE(
      graph_.Holds(Make(successor, StatementKind::kContactPoint, armenia_cp_, "AM", "", kNow + 1)));
  EXPECT_FALSE(
      graph_.Holds(Make(successor, StatementKind::kSuspension, armenia_cp_, "", "", kNow + 1)));
  EXPECT_FALSE(
      graph_.Holds(Make(successor, StatementKind::kEndorsement, expert_, "AM", "MFA", kNow + 1)));
}

TEST_F(TrustGraphTest, ARetiredKeysStatementsFromItsRotationOnDoNotHold) {
  const auto successor = NewKey();
  RotateTheContactPoint(successor);
  // Made before the rotation: still holds.
  const Statement before =
      Make(armenia_cp_, StatementKind::kEndorsement, expert_, "AM", "MFA", kNow - 1000);
  EXPECT_TRUE(graph_.Holds(before));
  EXPECT_EQ(graph_.EndorsementsOf(expert_.public_key()).size(), 1u);
  EXPECT_TRUE(graph_.Holds(
      Make(armenia_cp_, StatementKind::kEndorsement, stranger_, "AM", "MoI", kNow - 1)));
  // Made at or after it: the old key speaks no more.
  EXPECT_FALSE(
      graph_.Holds(Make(armenia_cp_, StatementKind::kEndorsement, stranger_, "AM", "MoI", kNow)));
  EXPECT_FALSE(graph_.Holds(
      Make(armenia_cp_, StatementKind::kEndorsement, stranger_, "AM", "MoI", kNow + 1000)));
  EXPECT_TRUE(
      graph_.Holds(Make(armenia_cp_, StatementKind::kRevocation, expert_, "", "", kNow - 1)));
  EXPECT_FALSE(graph_.Holds(Make(armenia_cp_, StatementKind::kRevocation, expert_, "", "", kNow)));
  EXPECT_FALSE(
      graph_.Holds(Make(armenia_cp_, StatementKind::kRevocation, expert_, "", "", kNow + 1000)));
  // Except a revocation of itself.
  EXPECT_TRUE(graph_.Holds(
      Make(armenia_cp_, StatementKind::kRevocation, armenia_cp_, "", "", kNow + 1000)));
  // The successor speaks instead, for the same state only.
  EXPECT_TRUE(graph_.Holds(
      Make(successor, StatementKind::kEndorsement, stranger_, "AM", "MoI", kNow + 1000)));
  EXPECT_FALSE(graph_.Holds(
      Make(successor, StatementKind::kEndorsement, stranger_, "GE", "MoI", kNow + 1000)));
  // And may revoke whom its old key endorsed.
  EXPECT_TRUE(
      graph_.Holds(Make(successor, StatementKind::kRevocation, expert_, "", "", kNow + 1000)));
  EXPECT_FALSE(
      graph_.Holds(Make(successor, StatementKind::kRevocation, stranger_, "", "", kNow + 1000)));
}

TEST_F(TrustGraphTest, ARotatedContactPointIsItsSuccessor) {
  const auto successor = NewKey();
  RotateTheContactPoint(successor);
  const Statement* delegation =
      graph_.Find(SlotOf(StatementKind::kContactPoint, armenia_cp_.public_key()));
  ASSERT_NE(delegation, nullptr);
  EXPECT_EQ(graph_.ActiveContactPoint(successor.public_key()), delegation);
  EXPECT_EQ(graph_.ActiveContactPoint(armenia_cp_.public_key()), nullptr);
  EXPECT_EQ(graph_.DelegationOf(successor.public_key()), delegation);
  EXPECT_EQ(graph_.DelegationOf(armenia_cp_.public_key()), delegation);
  EXPECT_TRUE(graph_.Holds(*delegation));
  EXPECT_EQ(graph_.ContactPoints().size(), 1u);

  ASSERT_TRUE(graph_.Put(
      Make(successor, StatementKind::kEndorsement, stranger_, "AM", "MoI", kNow + 1000)));
  auto by_successor = graph_.EndorsementsOf(stranger_.public_key());
  ASSERT_EQ(by_successor.size(), 1u);
  EXPECT_EQ(by_successor[0]->signer, successor.public_key());
  // What the old key endorsed before stays endorsed.
  auto by_old_key = graph_.EndorsementsOf(expert_.public_key());
  ASSERT_EQ(by_old_key.size(), 1u);
  EXPECT_EQ(by_old_key[0]->signer, armenia_cp_.public_key());
}

TEST_F(TrustGraphTest, SuspendingTheDelegatedKeySuspendsItsSuccessor) {
  const auto successor = NewKey();
  RotateTheContactPoint(successor);
  ASSERT_TRUE(graph_.Put(
      Make(successor, StatementKind::kEndorsement, stranger_, "AM", "MoI", kNow + 1000)));
  ASSERT_EQ(graph_.EndorsementsOf(expert_.public_key()).size(), 1u);
  ASSERT_EQ(graph_.EndorsementsOf(stranger_.public_key()).size(), 1u);

  const Statement* delegation = graph_.DelegationOf(successor.public_key());
  ASSERT_NE(delegation, nullptr);
  EXPECT_EQ(delegation->subject, armenia_cp_.public_key());  // the key a suspension names
  ASSERT_TRUE(
      graph_.Put(Make(anchor_, StatementKind::kSuspension, armenia_cp_, "", "", kNow + 2000)));
  EXPECT_TRUE(graph_.IsSuspended(armenia_cp_.public_key()));
  EXPECT_TRUE(graph_.IsSuspended(successor.public_key()));
  EXPECT_EQ(graph_.ActiveContactPoint(successor.public_key()), nullptr);
  EXPECT_EQ(graph_.DelegationOf(successor.public_key()), delegation);  // suspended or not
  // Every endorsement by either key stops holding.
  EXPECT_TRUE(graph_.EndorsementsOf(expert_.public_key()).empty());
  EXPECT_TRUE(graph_.EndorsementsOf(stranger_.public_key()).empty());
  EXPECT_FALSE(graph_.Holds(
      Make(successor, StatementKind::kEndorsement, stranger_, "AM", "MoI", kNow + 3000)));
  EXPECT_FALSE(
      graph_.Holds(Make(successor, StatementKind::kRevocation, expert_, "", "", kNow + 3000)));
}

TEST_F(TrustGraphTest, RevokingTheOldKeyVoidsItsRotation) {
  for (const bool by_itself : {true, false}) {
    SCOPED_TRACE(by_itself ? "revoked by itself" : "revoked by the anchor");
    graph_ = TrustGraph(charter_.anchor_keys);
    const auto successor = NewKey();
    RotateTheContactPoint(successor);
    ASSERT_TRUE(graph_.Put(
        Make(anchor_, StatementKind::kEndorsement, armenia_cp_, "AM", "MFA", kNow - 1000)));
    ASSERT_TRUE(graph_.Put(
        Make(successor, StatementKind::kEndorsement, stranger_, "AM", "MoI", kNow + 1000)));
    ASSERT_EQ(graph_.EndorsementsOf(successor.public_key()).size(), 1u);  // inherited
    ASSERT_NE(graph_.ActiveContactPoint(successor.public_key()), nullptr);

    // After the rotation: a retired key may still revoke itself.
    const Statement revocation = Make(by_itself ? armenia_cp_ : anchor_, StatementKind::kRevocation,
                                      armenia_cp_, "", "", kNow + 2000);
    EXPECT_TRUE(graph_.Holds(revocation));
    ASSERT_TRUE(graph_.Put(revocation));
    EXPECT_TRUE(graph_.IsRevoked(armenia_cp_.public_key()));
    EXPECT_FALSE(graph_.IsRevoked(successor.public_key()));
    EXPECT_EQ(graph_.RotationOf(armenia_cp_.public_key()), nullptr);
    EXPECT_FALSE(graph_.IsRetired(armenia_cp_.public_key()));
    const Statement* rotation =
        graph_.Find(SlotOf(StatementKind::kRotation, armenia_cp_.public_key()));
    ASSERT_NE(rotation, nullptr);  // kept, counting for nothing
    EXPECT_FALSE(graph_.Holds(*rotation));
    // The successor inherits nothing: no endorsement, no delegation.
    EXPECT_TRUE(graph_.EndorsementsOf(successor.public_key()).empty());
    EXPECT_EQ(graph_.ActiveContactPoint(successor.public_key()), nullptr);
    EXPECT_TRUE(graph_.EndorsementsOf(stranger_.public_key()).empty());
    EXPECT_TRUE(graph_.EndorsementsOf(expert_.public_key()).empty());
    EXPECT_FALSE(graph_.Holds(
        Make(successor, StatementKind::kEndorsement, stranger_, "AM", "MoI", kNow + 3000)));
  }
}

// The old key was stolen and the thief rotated it first: once the owner
// revokes it, the thief's successor key inherits nothing -- not the contact
// point's power to revoke whom the old key endorsed either.
// A contact point's revocations hold whether or not it is revoked later, so
// that revocations never depend on one another (and a thief of its key could
// revoke with the key itself). Its successor is no different; what ends a
// stolen contact point's powers is the anchor's suspension.
TEST_F(TrustGraphTest, TheSuccessorOfAContactPointRevokesUntilTheAnchorSuspendsIt) {
  const auto thief = NewKey();
  RotateTheContactPoint(thief);
  ASSERT_TRUE(
      graph_.Put(Make(armenia_cp_, StatementKind::kRevocation, armenia_cp_, "", "", kNow + 2000)));
  EXPECT_EQ(graph_.ActiveContactPoint(thief.public_key()), nullptr);
  EXPECT_EQ(graph_.RotationOf(armenia_cp_.public_key()), nullptr);
  const Statement revocation =
      Make(thief, StatementKind::kRevocation, expert_, "", "", kNow + 3000);
  EXPECT_TRUE(graph_.Holds(revocation));
  ASSERT_TRUE(graph_.Put(revocation));
  EXPECT_TRUE(graph_.IsRevoked(expert_.public_key()));
  ASSERT_TRUE(graph_.Put(Make(anchor_, StatementKind::kSuspension, armenia_cp_)));
  EXPECT_FALSE(graph_.Holds(revocation));
  EXPECT_FALSE(graph_.IsRevoked(expert_.public_key()));
}

TEST_F(TrustGraphTest, RevokingARetiredMembersOldKeyCutsItsSuccessorOff) {
  const auto successor = NewKey();
  ASSERT_TRUE(graph_.Put(
      Make(anchor_, StatementKind::kEndorsement, expert_, "UZ", "Labour Agency", kNow - 1000)));
  ASSERT_TRUE(graph_.Put(Rotation(expert_, successor)));
  ASSERT_EQ(graph_.EndorsementsOf(successor.public_key()).size(), 1u);
  ASSERT_TRUE(graph_.Put(Make(expert_, StatementKind::kRevocation, expert_, "", "", kNow + 1)));
  EXPECT_EQ(graph_.RotationOf(expert_.public_key()), nullptr);
  EXPECT_TRUE(graph_.EndorsementsOf(successor.public_key()).empty());
  EXPECT_TRUE(graph_.EndorsementsOf(expert_.public_key()).empty());
}

TEST_F(TrustGraphTest, AnEndorsingContactPointMayRevokeTheSuccessorOfAKeyItEndorsed) {
  const auto successor = NewKey();
  const auto georgia_cp = NewKey();
  ASSERT_TRUE(graph_.Put(Make(anchor_, StatementKind::kContactPoint, armenia_cp_, "AM")));
  ASSERT_TRUE(graph_.Put(Make(anchor_, StatementKind::kContactPoint, georgia_cp, "GE")));
  ASSERT_TRUE(graph_.Put(
      Make(armenia_cp_, StatementKind::kEndorsement, expert_, "AM", "MFA", kNow - 1000)));
  ASSERT_TRUE(graph_.Put(Rotation(expert_, successor)));

  EXPECT_TRUE(
      graph_.Holds(Make(armenia_cp_, StatementKind::kRevocation, successor, "", "", kNow + 1000)));
  EXPECT_TRUE(
      graph_.Holds(Make(armenia_cp_, StatementKind::kRevocation, expert_, "", "", kNow + 1000)));
  // Not a contact point that endorsed neither key, nor a stranger.
  EXPECT_FALSE(
      graph_.Holds(Make(georgia_cp, StatementKind::kRevocation, successor, "", "", kNow + 1000)));
  EXPECT_FALSE(
      graph_.Holds(Make(stranger_, StatementKind::kRevocation, successor, "", "", kNow + 1000)));

  const Statement revocation =
      Make(armenia_cp_, StatementKind::kRevocation, successor, "", "", kNow + 1000);
  ASSERT_TRUE(graph_.Put(revocation));
  EXPECT_TRUE(graph_.IsRevoked(successor.public_key()));
  EXPECT_TRUE(graph_.EndorsementsOf(successor.public_key()).empty());
}

// Nobody can chain rotations of their own keys into every store without
// end: a chain holds up to kMaxLineage keys, each inheriting all before it.
TEST_F(TrustGraphTest, ARotationThatWouldMakeALineageLongerThanTheLimitDoesNotHold) {
  std::vector<crypto::SigningKeyPair> keys;
  for (std::size_t i = 0; i <= kMaxLineage; ++i) keys.push_back(NewKey());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    ASSERT_TRUE(graph_.Put(Make(anchor_, StatementKind::kEndorsement, keys[i], "AM",
                                "Key " + std::to_string(i), kNow - 5000)));
  }
  for (std::size_t i = 0; i + 2 < keys.size(); ++i) {
    const Statement rotation = Rotation(keys[i], keys[i + 1], kNow + i);
    ASSERT_TRUE(graph_.Holds(rotation)) << i;
    ASSERT_TRUE(graph_.Put(rotation)) << i;
  }
  const crypto::SigningKeyPair& last = keys[kMaxLineage - 1];
  const auto lineage = graph_.Lineage(last.public_key());
  ASSERT_EQ(lineage.size(), kMaxLineage);
  for (std::size_t i = 0; i < kMaxLineage; ++i)
    EXPECT_EQ(lineage[i], keys[kMaxLineage - 1 - i].public_key()) << i;  // nearest first
  EXPECT_EQ(graph_.EndorsementsOf(last.public_key()).size(), kMaxLineage);
  EXPECT_EQ(graph_.LatestKey(keys[0].public_key()), last.public_key());

  const Statement one_more = Rotation(last, keys.back(), kNow + kMaxLineage);
  EXPECT_FALSE(graph_.Holds(one_more));
  EXPECT_EQ(graph_.RotationOf(last.public_key()), nullptr);
  EXPECT_FALSE(graph_.IsRetired(last.public_key()));
  EXPECT_EQ(graph_.Lineage(keys.back().public_key()).size(), 1u);
  EXPECT_EQ(graph_.EndorsementsOf(keys.back().public_key()).size(), 1u);
}

TEST_F(TrustGraphTest, ALaterRotationOfTheSameKeyDoesNotReplaceTheFirst) {
  const auto first = NewKey();
  const auto second = NewKey();
  ASSERT_TRUE(graph_.Put(
      Make(anchor_, StatementKind::kEndorsement, expert_, "UZ", "Labour Agency", kNow - 5000)));
  const Statement to_first = Rotation(expert_, first, kNow);
  ASSERT_TRUE(graph_.Put(to_first));
  EXPECT_FALSE(graph_.Put(to_first));  // not again

  const Statement later = Rotation(expert_, second, kNow + 1000);
  EXPECT_TRUE(graph_.Holds(later));  // it would, but the slot is taken
  EXPECT_FALSE(graph_.Put(later));
  ASSERT_NE(graph_.RotationOf(expert_.public_key()), nullptr);
  EXPECT_EQ(graph_.RotationOf(expert_.public_key())->successor, first.public_key());
  EXPECT_EQ(graph_.Lineage(second.public_key()),
            std::vector<crypto::PublicKey>{second.public_key()});
  EXPECT_TRUE(graph_.EndorsementsOf(second.public_key()).empty());
  EXPECT_EQ(graph_.EndorsementsOf(first.public_key()).size(), 1u);

  // An earlier one does, and takes the inheritance with it.
  const Statement earlier = Rotation(expert_, second, kNow - 1000);
  ASSERT_TRUE(graph_.Put(earlier));
  ASSERT_NE(graph_.RotationOf(expert_.public_key()), nullptr);
  EXPECT_EQ(graph_.RotationOf(expert_.public_key())->encoded, earlier.encoded);
  EXPECT_EQ(graph_.Lineage(second.public_key()),
            (std::vector<crypto::PublicKey>{second.public_key(), expert_.public_key()}));
  EXPECT_EQ(graph_.Lineage(first.public_key()), std::vector<crypto::PublicKey>{first.public_key()});
  EXPECT_EQ(graph_.EndorsementsOf(second.public_key()).size(), 1u);
  EXPECT_TRUE(graph_.EndorsementsOf(first.public_key()).empty());
  EXPECT_FALSE(graph_.Put(to_first));  // the first is now the later one

  // On a tie, the smaller encoding stays.
  const Statement tie = Rotation(expert_, first, kNow - 1000);
  ASSERT_NE(tie.encoded, earlier.encoded);
  EXPECT_EQ(graph_.Put(tie), tie.encoded < earlier.encoded);
  const crypto::PublicKey& winner =
      tie.encoded < earlier.encoded ? first.public_key() : second.public_key();
  EXPECT_EQ(graph_.RotationOf(expert_.public_key())->successor, winner);
  EXPECT_EQ(graph_.Lineage(winner), (std::vector<crypto::PublicKey>{winner, expert_.public_key()}));
}

TEST_F(TrustGraphTest, TwoKeysRotatingToEachOtherDoNotLoop) {
  const auto a = NewKey();
  const auto b = NewKey();
  ASSERT_TRUE(graph_.Put(Make(anchor_, StatementKind::kContactPoint, armenia_cp_, "AM")));
  ASSERT_TRUE(graph_.Put(Make(anchor_, StatementKind::kContactPoint, a, "AM", "", kNow - 5000)));
  ASSERT_TRUE(graph_.Put(Make(anchor_, StatementKind::kEndorsement, a, "AM", "A", kNow - 5000)));
  ASSERT_TRUE(graph_.Put(Make(anchor_, StatementKind::kEndorsement, b, "AM", "B", kNow - 5000)));
  ASSERT_TRUE(
      graph_.Put(Make(armenia_cp_, StatementKind::kEndorsement, a, "AM", "MFA", kNow - 5000)));
  const Statement a_to_b = Rotation(a, b, kNow);
  const Statement b_to_a = Rotation(b, a, kNow + 1);
  ASSERT_TRUE(graph_.Holds(a_to_b));
  ASSERT_TRUE(graph_.Put(a_to_b));
  ASSERT_TRUE(graph_.Holds(b_to_a));
  ASSERT_TRUE(graph_.Put(b_to_a));

  for (const auto* key : {&a, &b}) {
    const auto lineage = graph_.Lineage(key->public_key());
    ASSERT_FALSE(lineage.empty());
    EXPECT_LE(lineage.size(), kMaxLineage);
    EXPECT_EQ(lineage.size(), 2u);
    EXPECT_EQ(lineage.front(), key->public_key());
    EXPECT_TRUE(graph_.IsRetired(key->public_key()));
    EXPECT_EQ(graph_.ActiveContactPoint(key->public_key()), nullptr);
    EXPECT_FALSE(graph_.IsSuspended(key->public_key()));
    EXPECT_FALSE(graph_.IsRevoked(key->public_key()));
    EXPECT_EQ(graph_.EndorsementsOf(key->public_key()).size(), 3u);
    EXPECT_NE(graph_.DelegationOf(key->public_key()), nullptr);
  }
  EXPECT_TRUE(graph_.Holds(Make(armenia_cp_, StatementKind::kRevocation, b, "", "", kNow + 2)));
  EXPECT_FALSE(graph_.Holds(Make(stranger_, StatementKind::kRevocation, b, "", "", kNow + 2)));
  EXPECT_FALSE(graph_.Holds(Make(a, StatementKind::kEndorsement, expert_, "AM", "MFA", kNow + 2)));
  EXPECT_TRUE(graph_.Holds(Make(a, StatementKind::kEndorsement, expert_, "AM", "MFA", kNow - 1)));

  // A suspension anywhere in the circle reaches both.
  TrustGraph suspended = graph_;
  ASSERT_TRUE(suspended.Put(Make(anchor_, StatementKind::kSuspension, b, "", "", kNow + 2)));
  EXPECT_TRUE(suspended.IsSuspended(a.public_key()));
  EXPECT_TRUE(suspended.IsSuspended(b.public_key()));

  // A revocation breaks the circle where it is made.
  ASSERT_TRUE(graph_.Put(Make(a, StatementKind::kRevocation, a, "", "", kNow + 2)));
  EXPECT_EQ(graph_.RotationOf(a.public_key()), nullptr);
  EXPECT_NE(graph_.RotationOf(b.public_key()), nullptr);
  auto of_b = graph_.EndorsementsOf(b.public_key());
  ASSERT_EQ(of_b.size(), 1u);
  EXPECT_EQ(of_b[0]->subject, b.public_key());
  EXPECT_TRUE(graph_.IsRevoked(a.public_key()));
  EXPECT_TRUE(graph_.EndorsementsOf(a.public_key()).empty());  // nothing about it holds
}

}  // namespace
}  // namespace parley::directory
