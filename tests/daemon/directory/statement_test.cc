#include "daemon/directory/statement.h"

#include <gtest/gtest.h>

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

  crypto::DeterministicRandom random_{7};
  crypto::SigningKeyPair anchor_ = crypto::SigningKeyPair::Generate(random_);
  crypto::SigningKeyPair member_ = crypto::SigningKeyPair::Generate(random_);
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

}  // namespace
}  // namespace parley::directory
