#include "daemon/directory/statement.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "crypto/base64.h"
#include "crypto/random.h"
#include "daemon/directory/profile.h"
#include "daemon/util/proto_bytes.h"
#include "proto/directory.pb.h"

namespace parley::directory {
namespace {

constexpr std::uint64_t kNow = 1'767'225'600'000;

class StatementTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto charter = CreateCharter(anchor_, "Prague Process", DefaultTaxonomy(), kNow, random_);
    ASSERT_TRUE(charter.ok()) << charter.status().message();
    charter_ = std::move(charter.value());
  }

  Result<Statement> Sign(StatementKind kind, std::string state, std::string organisation,
                         const crypto::SigningKeyPair* signer = nullptr) {
    return SignStatement(signer ? *signer : anchor_, kind, member_.public_key(), std::move(state),
                         std::move(organisation), charter_, kNow);
  }

  // Re-signs a body changed by `edit`, as a forger holding the key would.
  crypto::Bytes Resigned(const Statement& statement,
                         const std::function<void(wire::StatementBody&)>& edit) {
    wire::Signed outer;
    EXPECT_TRUE(
        outer.ParseFromArray(statement.encoded.data(), static_cast<int>(statement.encoded.size())));
    wire::StatementBody body;
    EXPECT_TRUE(body.ParseFromString(outer.body()));
    edit(body);
    outer.set_body(body.SerializeAsString());
    outer.set_signature(
        AsString(anchor_.Sign(crypto::SignContext::kStatement, crypto::AsBytes(outer.body()))));
    const std::string bytes = outer.SerializeAsString();
    return crypto::Bytes(bytes.begin(), bytes.end());
  }

  Result<Statement> Rotate(std::uint64_t at = kNow) {
    return SignRotation(member_, successor_, charter_, at);
  }

  // What a successor signs to agree (docs/protocol.md §9.4), written out
  // here rather than taken from statement.cc: network_id || subject || successor.
  static crypto::Bytes Agreement(const NetworkId& network_id, const crypto::PublicKey& subject,
                                 const crypto::PublicKey& successor) {
    crypto::Bytes message(network_id.begin(), network_id.end());
    message.insert(message.end(), subject.begin(), subject.end());
    message.insert(message.end(), successor.begin(), successor.end());
    return message;
  }

  // A rotation body handing `subject` over to `successor`, with the agreement
  // `agreeing` signs under `context` over `network_id`.
  wire::StatementBody RotationBody(
      const crypto::PublicKey& subject, const crypto::PublicKey& successor,
      const crypto::SigningKeyPair& agreeing, const NetworkId& network_id,
      crypto::SignContext context = crypto::SignContext::kKeyRotation) {
    wire::StatementBody body;
    body.set_format(1);
    body.set_network_id(AsString(charter_.network_id));
    body.set_kind(wire::ROTATION);
    body.set_subject(AsString(subject));
    body.set_issued_at_ms(kNow);
    body.set_successor(AsString(successor));
    body.set_successor_signature(
        AsString(agreeing.Sign(context, Agreement(network_id, subject, successor))));
    return body;
  }

  // `body` signed by `signer`, as a forger holding that key would.
  static crypto::Bytes Forged(const wire::StatementBody& body,
                              const crypto::SigningKeyPair& signer) {
    wire::Signed outer;
    outer.set_body(body.SerializeAsString());
    outer.set_signer(AsString(signer.public_key()));
    outer.set_signature(
        AsString(signer.Sign(crypto::SignContext::kStatement, crypto::AsBytes(outer.body()))));
    const std::string bytes = outer.SerializeAsString();
    return crypto::Bytes(bytes.begin(), bytes.end());
  }

  crypto::DeterministicRandom random_{7};
  crypto::SigningKeyPair anchor_ = crypto::SigningKeyPair::Generate(random_);
  crypto::SigningKeyPair member_ = crypto::SigningKeyPair::Generate(random_);
  crypto::SigningKeyPair successor_ = crypto::SigningKeyPair::Generate(random_);
  Charter charter_;
};

TEST_F(StatementTest, EachKindRoundTrips) {
  auto delegation = Sign(StatementKind::kContactPoint, "AM", "");
  ASSERT_TRUE(delegation.ok()) << delegation.status().message();
  auto endorsement = Sign(StatementKind::kEndorsement, "AM", "  Migration Service  ");
  ASSERT_TRUE(endorsement.ok()) << endorsement.status().message();
  EXPECT_EQ(endorsement->organisation, "Migration Service");
  auto suspension = Sign(StatementKind::kSuspension, "", "");
  ASSERT_TRUE(suspension.ok()) << suspension.status().message();

  for (const Statement* made : {&*delegation, &*endorsement, &*suspension}) {
    auto parsed = ParseStatement(made->encoded, charter_, kNow);
    ASSERT_TRUE(parsed.ok()) << parsed.status().message();
    EXPECT_EQ(parsed->kind, made->kind);
    EXPECT_EQ(parsed->subject, member_.public_key());
    EXPECT_EQ(parsed->signer, anchor_.public_key());
    EXPECT_EQ(parsed->state, made->state);
    EXPECT_EQ(parsed->organisation, made->organisation);
    EXPECT_EQ(parsed->issued_at_ms, kNow);
    EXPECT_EQ(parsed->Slot(), made->Slot());
  }
}

TEST_F(StatementTest, SlotsSeparateKindsAndEndorsersOnly) {
  auto delegation = Sign(StatementKind::kContactPoint, "AM", "");
  auto suspension = Sign(StatementKind::kSuspension, "", "");
  auto by_anchor = Sign(StatementKind::kEndorsement, "AM", "Ministry");
  auto other = crypto::SigningKeyPair::Generate(random_);
  auto by_other = Sign(StatementKind::kEndorsement, "AM", "Ministry", &other);
  auto renewed = Sign(StatementKind::kEndorsement, "GE", "Another ministry");
  ASSERT_TRUE(delegation.ok() && suspension.ok() && by_anchor.ok() && by_other.ok() &&
              renewed.ok());
  EXPECT_NE(delegation->Slot(), suspension->Slot());
  EXPECT_NE(delegation->Slot(), by_anchor->Slot());
  EXPECT_NE(by_anchor->Slot(), by_other->Slot());
  EXPECT_EQ(by_anchor->Slot(), renewed->Slot());
}

TEST_F(StatementTest, FieldsMustFitTheKind) {
  EXPECT_EQ(Sign(StatementKind::kContactPoint, "XX", "").status().message(), "state");
  EXPECT_EQ(Sign(StatementKind::kContactPoint, "am", "").status().message(), "state");
  EXPECT_EQ(Sign(StatementKind::kContactPoint, "AM", "Ministry").status().message(),
            "organisation");
  EXPECT_EQ(Sign(StatementKind::kEndorsement, "AM", "   ").status().message(), "organisation");
  EXPECT_EQ(Sign(StatementKind::kEndorsement, "AM", "a\x01z").status().message(), "organisation");
  EXPECT_EQ(Sign(StatementKind::kEndorsement, "AM", std::string(kMaxOrganisationBytes + 1, 'a'))
                .status()
                .message(),
            "organisation");
  EXPECT_EQ(Sign(StatementKind::kSuspension, "AM", "").status().message(), "state");
}

TEST_F(StatementTest, ATamperedOrForeignStatementIsRefused) {
  auto endorsement = Sign(StatementKind::kEndorsement, "AM", "Migration Service");
  ASSERT_TRUE(endorsement.ok());
  for (std::size_t i = 0; i < endorsement->encoded.size(); i += 7) {
    crypto::Bytes tampered = endorsement->encoded;
    tampered[i] ^= 0x20;
    EXPECT_FALSE(ParseStatement(tampered, charter_, kNow).ok()) << "byte " << i;
  }
  auto other_network = CreateCharter(anchor_, "Other", DefaultTaxonomy(), kNow, random_);
  ASSERT_TRUE(other_network.ok());
  EXPECT_EQ(ParseStatement(endorsement->encoded, *other_network, kNow).status().message(),
            "statement belongs to another network");
}

// Read back from the node's own store: everything but the signatures.
TEST_F(StatementTest, AStoredStatementIsCheckedForAllButItsSignatures) {
  auto endorsement = Sign(StatementKind::kEndorsement, "AM", "Migration Service");
  auto rotation = Rotate();
  ASSERT_TRUE(endorsement.ok() && rotation.ok());
  for (const Statement* statement : {&endorsement.value(), &rotation.value()}) {
    auto stored = ParseStatement(statement->encoded, charter_, kNow, Verification::kStored);
    ASSERT_TRUE(stored.ok()) << stored.status().message();
    EXPECT_EQ(stored->kind, statement->kind);
    EXPECT_EQ(stored->subject, statement->subject);
    EXPECT_EQ(stored->signer, statement->signer);
    EXPECT_EQ(stored->successor, statement->successor);
    EXPECT_EQ(stored->state, statement->state);
    EXPECT_EQ(stored->organisation, statement->organisation);
    EXPECT_EQ(stored->issued_at_ms, statement->issued_at_ms);
    // The last bytes are the signature: skipped.
    crypto::Bytes bad_signature = statement->encoded;
    bad_signature.back() ^= 1;
    EXPECT_FALSE(ParseStatement(bad_signature, charter_, kNow).ok());
    EXPECT_TRUE(ParseStatement(bad_signature, charter_, kNow, Verification::kStored).ok());
  }
  // Not the network, the date or the fields.
  auto other_network = CreateCharter(anchor_, "Other", DefaultTaxonomy(), kNow, random_);
  ASSERT_TRUE(other_network.ok());
  EXPECT_FALSE(
      ParseStatement(endorsement->encoded, *other_network, kNow, Verification::kStored).ok());
  EXPECT_FALSE(ParseStatement(endorsement->encoded, charter_,
                              endorsement->issued_at_ms - kMaxClockSkewMs - 1,
                              Verification::kStored)
                   .ok());
  auto body =
      RotationBody(member_.public_key(), successor_.public_key(), successor_, charter_.network_id);
  body.set_state("AM");
  EXPECT_FALSE(ParseStatement(Forged(body, member_), charter_, kNow, Verification::kStored).ok());
}

TEST_F(StatementTest, ASignedButIllFormedBodyIsRefused) {
  auto endorsement = Sign(StatementKind::kEndorsement, "AM", "Migration Service");
  ASSERT_TRUE(endorsement.ok());
  auto refused = [&](const std::function<void(wire::StatementBody&)>& edit) {
    return !ParseStatement(Resigned(*endorsement, edit), charter_, kNow).ok();
  };
  EXPECT_FALSE(refused([](wire::StatementBody&) {}));  // the re-signing itself is sound
  EXPECT_TRUE(refused([](wire::StatementBody& b) { b.set_format(2); }));
  EXPECT_TRUE(refused([](wire::StatementBody& b) { b.set_kind(wire::StatementKind(9)); }));
  EXPECT_TRUE(refused([](wire::StatementBody& b) { b.set_state("ZZ"); }));
  EXPECT_TRUE(refused([](wire::StatementBody& b) { b.set_organisation(""); }));
  EXPECT_TRUE(refused([](wire::StatementBody& b) { b.set_subject("short"); }));
  EXPECT_TRUE(refused([](wire::StatementBody& b) { b.set_issued_at_ms(0); }));
  EXPECT_TRUE(
      refused([](wire::StatementBody& b) { b.set_issued_at_ms(kNow + kMaxClockSkewMs + 1); }));
  EXPECT_TRUE(
      refused([&](wire::StatementBody& b) { b.set_subject(AsString(anchor_.public_key())); }));
  // Unknown fields would let two encodings carry one signature.
  EXPECT_TRUE(refused([](wire::StatementBody& b) {
    b.GetReflection()->MutableUnknownFields(&b)->AddVarint(99, 1);
  }));
}

TEST_F(StatementTest, AKeyMaySayOnlyARevocationOfItself) {
  auto self = SignStatement(member_, StatementKind::kRevocation, member_.public_key(), "", "",
                            charter_, kNow);
  ASSERT_TRUE(self.ok()) << self.status().message();
  EXPECT_EQ(self->signer, self->subject);
  for (auto kind :
       {StatementKind::kContactPoint, StatementKind::kEndorsement, StatementKind::kSuspension}) {
    auto about_itself =
        SignStatement(member_, kind, member_.public_key(), "AM", "MFA", charter_, kNow);
    EXPECT_FALSE(about_itself.ok());
  }
}

TEST_F(StatementTest, ARevocationCertificateRoundTripsAsText) {
  auto revocation = SignStatement(member_, StatementKind::kRevocation, member_.public_key(), "", "",
                                  charter_, kNow);
  ASSERT_TRUE(revocation.ok());
  const std::string text = RevocationText(*revocation);
  EXPECT_EQ(text.rfind("parley-revocation:", 0), 0u);
  auto parsed = ParseRevocationText("  " + text + "\n", charter_, kNow);
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->encoded, revocation->encoded);

  auto endorsement = Sign(StatementKind::kEndorsement, "AM", "MFA");
  ASSERT_TRUE(endorsement.ok());
  const std::string not_revocation =
      "parley-revocation:" + crypto::ToBase64Url(endorsement->encoded);
  EXPECT_FALSE(ParseRevocationText(not_revocation, charter_, kNow).ok());
  EXPECT_FALSE(ParseRevocationText("parley-revocation:!!", charter_, kNow).ok());
  EXPECT_FALSE(ParseRevocationText("parley:" + text.substr(18), charter_, kNow).ok());
  EXPECT_FALSE(ParseRevocationText("", charter_, kNow).ok());
  EXPECT_FALSE(
      ParseRevocationText("parley-revocation:" + std::string(5000, 'A'), charter_, kNow).ok());
}

TEST_F(StatementTest, AnOverlongOrUnreadableStatementIsRefused) {
  EXPECT_FALSE(ParseStatement(crypto::Bytes(kMaxStatementBytes + 1, 0x0a), charter_, kNow).ok());
  EXPECT_FALSE(ParseStatement(crypto::Bytes{0xff, 0xff}, charter_, kNow).ok());
  EXPECT_FALSE(ParseStatement(crypto::Bytes{}, charter_, kNow).ok());
}

TEST_F(StatementTest, ARotationRoundTrips) {
  auto rotation = Rotate();
  ASSERT_TRUE(rotation.ok()) << rotation.status().message();
  EXPECT_EQ(rotation->kind, StatementKind::kRotation);
  EXPECT_EQ(rotation->subject, member_.public_key());
  EXPECT_EQ(rotation->signer, member_.public_key());
  EXPECT_EQ(rotation->successor, successor_.public_key());
  EXPECT_TRUE(rotation->state.empty());
  EXPECT_TRUE(rotation->organisation.empty());
  EXPECT_EQ(rotation->issued_at_ms, kNow);

  auto parsed = ParseStatement(rotation->encoded, charter_, kNow);
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->kind, StatementKind::kRotation);
  EXPECT_EQ(parsed->subject, member_.public_key());
  EXPECT_EQ(parsed->signer, member_.public_key());
  EXPECT_EQ(parsed->successor, successor_.public_key());
  EXPECT_EQ(parsed->issued_at_ms, kNow);
  EXPECT_EQ(parsed->encoded, rotation->encoded);

  // Any other kind names no successor.
  auto endorsement = Sign(StatementKind::kEndorsement, "AM", "MFA");
  ASSERT_TRUE(endorsement.ok());
  EXPECT_EQ(endorsement->successor, crypto::PublicKey{});
}

TEST_F(StatementTest, ARotationsSlotIsItsSubjectWhateverTheSuccessor) {
  auto rotation = Rotate();
  auto other = crypto::SigningKeyPair::Generate(random_);
  auto to_other = SignRotation(member_, other, charter_, kNow + 1);
  auto revocation = SignStatement(member_, StatementKind::kRevocation, member_.public_key(), "", "",
                                  charter_, kNow);
  ASSERT_TRUE(rotation.ok() && to_other.ok() && revocation.ok());
  const crypto::Bytes slot = rotation->Slot();
  ASSERT_EQ(slot.size(), 1 + member_.public_key().size());
  EXPECT_EQ(slot[0], static_cast<std::uint8_t>(StatementKind::kRotation));
  EXPECT_TRUE(
      std::equal(member_.public_key().begin(), member_.public_key().end(), slot.begin() + 1));
  EXPECT_EQ(slot, SlotOf(StatementKind::kRotation, member_.public_key()));
  EXPECT_EQ(slot, to_other->Slot());
  EXPECT_NE(slot, revocation->Slot());
}

TEST_F(StatementTest, SignStatementMakesNoRotation) {
  auto rotation = SignStatement(member_, StatementKind::kRotation, member_.public_key(), "", "",
                                charter_, kNow);
  ASSERT_FALSE(rotation.ok());
  EXPECT_EQ(rotation.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(rotation.status().message(), "kind");
  // Not about another key either.
  EXPECT_FALSE(
      SignStatement(anchor_, StatementKind::kRotation, member_.public_key(), "", "", charter_, kNow)
          .ok());
}

TEST_F(StatementTest, AForgedRotationBodyIsSoundWhenItFollowsTheRules) {
  // The forging helpers make what SignRotation makes: the tests below change
  // one thing each.
  const auto body =
      RotationBody(member_.public_key(), successor_.public_key(), successor_, charter_.network_id);
  auto parsed = ParseStatement(Forged(body, member_), charter_, kNow);
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  auto rotation = Rotate();
  ASSERT_TRUE(rotation.ok());
  EXPECT_EQ(parsed->encoded, rotation->encoded);
}

TEST_F(StatementTest, OnlyAKeyItselfCanRotateIt) {
  // The successor agrees, but the anchor signs the handover of another key.
  const auto body =
      RotationBody(member_.public_key(), successor_.public_key(), successor_, charter_.network_id);
  EXPECT_EQ(ParseStatement(Forged(body, anchor_), charter_, kNow).status().message(),
            "only a key itself can rotate it");
  // Nor can the successor claim the handover for the old key.
  EXPECT_EQ(ParseStatement(Forged(body, successor_), charter_, kNow).status().message(),
            "only a key itself can rotate it");
}

TEST_F(StatementTest, AKeyCannotRotateToItself) {
  const auto body =
      RotationBody(member_.public_key(), member_.public_key(), member_, charter_.network_id);
  EXPECT_EQ(ParseStatement(Forged(body, member_), charter_, kNow).status().message(),
            "a key cannot rotate to itself");
}

TEST_F(StatementTest, ARotationNeedsTheSuccessorsAgreement) {
  const auto refusal = [&](const std::function<void(wire::StatementBody&)>& edit) {
    auto body = RotationBody(member_.public_key(), successor_.public_key(), successor_,
                             charter_.network_id);
    edit(body);
    auto parsed = ParseStatement(Forged(body, member_), charter_, kNow);
    return parsed.ok() ? std::string("accepted") : parsed.status().message();
  };
  const std::string wrong_size = "statement field has the wrong size";
  const std::string not_agreed = "the successor's agreement does not verify";
  EXPECT_EQ(refusal([](wire::StatementBody&) {}), "accepted");
  EXPECT_EQ(refusal([](wire::StatementBody& b) { b.clear_successor_signature(); }), wrong_size);
  EXPECT_EQ(refusal([](wire::StatementBody& b) {
              b.set_successor_signature(b.successor_signature().substr(1));
            }),
            wrong_size);
  EXPECT_EQ(
      refusal([](wire::StatementBody& b) { b.mutable_successor_signature()->push_back('x'); }),
      wrong_size);
  EXPECT_EQ(refusal([](wire::StatementBody& b) { b.clear_successor(); }), wrong_size);
  EXPECT_EQ(refusal([](wire::StatementBody& b) { b.set_successor("short"); }), wrong_size);
  EXPECT_EQ(refusal([](wire::StatementBody& b) { (*b.mutable_successor_signature())[5] ^= 0x01; }),
            not_agreed);

  // Agreed by another key than the successor.
  auto other = crypto::SigningKeyPair::Generate(random_);
  auto body =
      RotationBody(member_.public_key(), successor_.public_key(), other, charter_.network_id);
  EXPECT_EQ(ParseStatement(Forged(body, member_), charter_, kNow).status().message(), not_agreed);
  // Agreed in another network.
  NetworkId elsewhere = charter_.network_id;
  elsewhere[0] ^= 0x01;
  body = RotationBody(member_.public_key(), successor_.public_key(), successor_, elsewhere);
  EXPECT_EQ(ParseStatement(Forged(body, member_), charter_, kNow).status().message(), not_agreed);
  // Agreed under another label.
  body = RotationBody(member_.public_key(), successor_.public_key(), successor_,
                      charter_.network_id, crypto::SignContext::kStatement);
  EXPECT_EQ(ParseStatement(Forged(body, member_), charter_, kNow).status().message(), not_agreed);
  // Agreed to take over from another key: the agreement does not carry over.
  auto agreed_for_other =
      RotationBody(other.public_key(), successor_.public_key(), successor_, charter_.network_id);
  body =
      RotationBody(member_.public_key(), successor_.public_key(), successor_, charter_.network_id);
  body.set_successor_signature(agreed_for_other.successor_signature());
  EXPECT_EQ(ParseStatement(Forged(body, member_), charter_, kNow).status().message(), not_agreed);
  // Another key's agreement, with the successor swapped in after it was made.
  body = RotationBody(member_.public_key(), other.public_key(), other, charter_.network_id);
  body.set_successor(AsString(successor_.public_key()));
  EXPECT_EQ(ParseStatement(Forged(body, member_), charter_, kNow).status().message(), not_agreed);
}

TEST_F(StatementTest, OnlyARotationNamesASuccessor) {
  auto endorsement = Sign(StatementKind::kEndorsement, "AM", "Migration Service");
  ASSERT_TRUE(endorsement.ok());
  const std::string agreement = AsString(successor_.Sign(
      crypto::SignContext::kKeyRotation,
      Agreement(charter_.network_id, member_.public_key(), successor_.public_key())));
  const auto refusal = [&](const std::function<void(wire::StatementBody&)>& edit) {
    auto parsed = ParseStatement(Resigned(*endorsement, edit), charter_, kNow);
    return parsed.ok() ? std::string("accepted") : parsed.status().message();
  };
  const std::string refused = "only a rotation names a successor";
  EXPECT_EQ(refusal([](wire::StatementBody&) {}), "accepted");
  EXPECT_EQ(
      refusal([&](wire::StatementBody& b) { b.set_successor(AsString(successor_.public_key())); }),
      refused);
  EXPECT_EQ(refusal([&](wire::StatementBody& b) { b.set_successor_signature(agreement); }),
            refused);
  EXPECT_EQ(refusal([&](wire::StatementBody& b) {
              b.set_successor(AsString(successor_.public_key()));
              b.set_successor_signature(agreement);
            }),
            refused);
  // A revocation of itself, with a successor and its agreement, is no rotation either.
  for (auto kind : {wire::REVOCATION, wire::SUSPENSION, wire::CONTACT_POINT}) {
    auto body = RotationBody(member_.public_key(), successor_.public_key(), successor_,
                             charter_.network_id);
    body.set_kind(kind);
    if (kind == wire::CONTACT_POINT) body.set_state("AM");
    const auto& signer = kind == wire::REVOCATION ? member_ : anchor_;
    EXPECT_EQ(ParseStatement(Forged(body, signer), charter_, kNow).status().message(), refused)
        << "kind " << kind;
  }
}

TEST_F(StatementTest, ARotationCarriesNoStateOrOrganisation) {
  auto body =
      RotationBody(member_.public_key(), successor_.public_key(), successor_, charter_.network_id);
  body.set_state("AM");
  EXPECT_FALSE(ParseStatement(Forged(body, member_), charter_, kNow).ok());
  body.clear_state();
  body.set_organisation("MFA");
  EXPECT_FALSE(ParseStatement(Forged(body, member_), charter_, kNow).ok());
}

TEST_F(StatementTest, ATamperedOrForeignRotationIsRefused) {
  auto rotation = Rotate();
  ASSERT_TRUE(rotation.ok());
  for (std::size_t i = 0; i < rotation->encoded.size(); i += 5) {
    crypto::Bytes tampered = rotation->encoded;
    tampered[i] ^= 0x20;
    EXPECT_FALSE(ParseStatement(tampered, charter_, kNow).ok()) << "byte " << i;
  }
  auto other_network = CreateCharter(anchor_, "Other", DefaultTaxonomy(), kNow, random_);
  ASSERT_TRUE(other_network.ok());
  EXPECT_FALSE(ParseStatement(rotation->encoded, *other_network, kNow).ok());
  // Dated too far ahead, or not at all.
  auto body =
      RotationBody(member_.public_key(), successor_.public_key(), successor_, charter_.network_id);
  body.set_issued_at_ms(kNow + kMaxClockSkewMs + 1);
  EXPECT_EQ(ParseStatement(Forged(body, member_), charter_, kNow).status().message(),
            "statement is dated in the future");
  body.set_issued_at_ms(0);
  EXPECT_EQ(ParseStatement(Forged(body, member_), charter_, kNow).status().message(),
            "statement has no date");
  EXPECT_FALSE(SignRotation(member_, member_, charter_, kNow).ok());
}

TEST_F(StatementTest, ARotationIsNoRevocationCertificate) {
  auto rotation = Rotate();
  ASSERT_TRUE(rotation.ok());
  EXPECT_FALSE(ParseRevocationText("parley-revocation:" + crypto::ToBase64Url(rotation->encoded),
                                   charter_, kNow)
                   .ok());
}

TEST_F(StatementTest, TheEarliestRotationStaysAndANewerStatementOfOtherKindsReplaces) {
  auto other = crypto::SigningKeyPair::Generate(random_);
  auto first = Rotate(kNow - 10);
  auto later = SignRotation(member_, other, charter_, kNow);
  auto same_time = SignRotation(member_, other, charter_, kNow - 10);
  ASSERT_TRUE(first.ok() && later.ok() && same_time.ok());
  EXPECT_FALSE(Supersedes(*later, *first));
  EXPECT_TRUE(Supersedes(*first, *later));
  EXPECT_FALSE(Supersedes(*first, *first));
  // On a tie, the smaller encoding stays, whichever arrives first.
  ASSERT_NE(first->encoded, same_time->encoded);
  const bool first_smaller = first->encoded < same_time->encoded;
  EXPECT_EQ(Supersedes(*first, *same_time), first_smaller);
  EXPECT_EQ(Supersedes(*same_time, *first), !first_smaller);

  auto old_endorsement = SignStatement(anchor_, StatementKind::kEndorsement, member_.public_key(),
                                       "AM", "Old", charter_, kNow - 10);
  auto new_endorsement = SignStatement(anchor_, StatementKind::kEndorsement, member_.public_key(),
                                       "AM", "New", charter_, kNow);
  auto same_endorsement = SignStatement(anchor_, StatementKind::kEndorsement, member_.public_key(),
                                        "AM", "Same", charter_, kNow);
  ASSERT_TRUE(old_endorsement.ok() && new_endorsement.ok() && same_endorsement.ok());
  EXPECT_TRUE(Supersedes(*new_endorsement, *old_endorsement));
  EXPECT_FALSE(Supersedes(*old_endorsement, *new_endorsement));
  EXPECT_FALSE(Supersedes(*same_endorsement, *new_endorsement));
  EXPECT_FALSE(Supersedes(*new_endorsement, *same_endorsement));
  EXPECT_FALSE(Supersedes(*new_endorsement, *new_endorsement));
}

}  // namespace
}  // namespace parley::directory
