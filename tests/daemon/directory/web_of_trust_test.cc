// The directory's web of trust across several nodes: delegations,
// endorsements and suspensions made through the Directory, spread by its
// anti-entropy and pushes, with frames carried by hand between contacts.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "crypto/fingerprint.h"
#include "crypto/random.h"
#include "daemon/directory/directory.h"
#include "daemon/identity/card.h"
#include "daemon/store/directory_table.h"
#include "proto/wire.pb.h"
#include "tests/support/local_node.h"

namespace parley::directory {
namespace {

using testing::LocalNode;

struct Member {
  std::unique_ptr<LocalNode> node;
  std::unique_ptr<Directory> directory;
  std::set<std::string> contacts;  // names
  const crypto::PublicKey& key() const {
    return node->identity().identity.public_identity().identity_key;
  }
};

class WebOfTrustTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Add("secretariat", "Prague Process Secretariat", "");
    auto charter = Directory::CreateNetwork(
        members_["secretariat"].node->store(), "Prague Process",
        static_cast<std::uint64_t>(members_["secretariat"].node->clock().NowUnixMs()), random_);
    ASSERT_TRUE(charter.ok()) << charter.status().message();
    charter_ = std::move(charter.value());
    Load("secretariat");
    // The contact point of Armenia, an Armenian expert and a Georgian one.
    Join("armen", "Armen Petrosyan", "AM");
    Join("ani", "Ani Hakobyan", "AM");
    Join("giorgi", "Giorgi Beridze", "GE");
    ASSERT_TRUE(Profile("secretariat", "Prague Process Secretariat", "CZ"));
    // ani — armen — secretariat — giorgi
    Connect("ani", "armen");
    Connect("armen", "secretariat");
    Connect("secretariat", "giorgi");
    Pump();
  }

  void Add(const std::string& who, const std::string& name, const std::string&) {
    Member& member = members_[who];
    member.node = std::make_unique<LocalNode>(name, ++seed_, "tcp://127.0.0.1:1");
    order_.push_back(who);
  }

  void Load(const std::string& who) {
    Member& member = members_[who];
    auto directory =
        Directory::Load(member.node->store(), member.node->identity().identity.signing(),
                        member.node->identity().name, member.node->clock());
    ASSERT_TRUE(directory.ok()) << directory.status().message();
    member.directory = std::move(directory.value());
    ASSERT_TRUE(member.directory
                    ->SetContactCheck([this, who](const crypto::PublicKey& key) {
                      for (const auto& name : members_[who].contacts) {
                        if (members_[name].key() == key) return true;
                      }
                      return false;
                    })
                    .ok());
  }

  void Join(const std::string& who, const std::string& name, const std::string& state) {
    Add(who, name, state);
    ASSERT_TRUE(Directory::JoinNetwork(members_[who].node->store(), charter_).ok());
    Load(who);
    ASSERT_TRUE(Profile(who, name, state));
  }

  bool Profile(const std::string& who, const std::string& name, const std::string& state) {
    ProfileUpdate update;
    update.name_latin = name;
    update.state = state;
    update.areas = std::vector<std::string>{"legal-migration"};
    update.languages = std::vector<std::string>{"ru", "en"};
    Member& member = members_[who];
    auto made = member.directory->UpdateOwnProfile(update, member.node->identity().Card().encoded);
    EXPECT_TRUE(made.ok()) << made.status().message();
    member.directory->OnCommitted();
    return made.ok();
  }

  void Connect(const std::string& a, const std::string& b) {
    members_[a].contacts.insert(b);
    members_[b].contacts.insert(a);
    for (const auto& [self, other] : {std::pair{a, b}, std::pair{b, a}}) {
      Member& member = members_[self];
      if (const auto* own = member.directory->OwnProfile()) {
        ASSERT_TRUE(members_[other].directory->OnContactProfile(member.key(), own->encoded).ok());
      }
      member.directory->StartSync(IdOf(other));
    }
  }

  // A contact id per name, the same on every node (the Directory only tags
  // frames with it).
  std::int64_t IdOf(const std::string& name) const {
    return static_cast<std::int64_t>(std::find(order_.begin(), order_.end(), name) -
                                     order_.begin());
  }

  // Carries frames between contacts until every node is quiet; returns the
  // bytes carried.
  std::size_t Pump() {
    std::size_t bytes = 0;
    for (int pass = 0; pass < 100; ++pass) {
      bool moved = false;
      for (const auto& who : order_) {
        Member& member = members_[who];
        member.directory->OnCommitted();
        std::vector<std::int64_t> online;
        for (const auto& name : member.contacts) online.push_back(IdOf(name));
        if (auto own = member.directory->TakeProfileToPush()) {
          for (const auto& name : member.contacts)
            EXPECT_TRUE(members_[name].directory->OnContactProfile(member.key(), *own).ok());
          moved = true;
        }
        for (const auto& [to, frame] : member.directory->TakeFrames(online)) {
          moved = true;
          bytes += frame.size();
          wire::LinkFrame parsed;
          EXPECT_TRUE(parsed.ParseFromArray(frame.data(), static_cast<int>(frame.size())));
          const std::string& receiver = order_[static_cast<std::size_t>(to)];
          EXPECT_TRUE(
              members_[receiver].directory->OnSyncMessage(IdOf(who), parsed.directory_sync()).ok());
        }
      }
      if (!moved) return bytes;
    }
    ADD_FAILURE() << "the nodes never went quiet";
    return bytes;
  }

  // The fingerprints `who` finds for `text`.
  std::set<std::string> Finds(const std::string& who, const std::string& text,
                              const std::string& state = "") {
    SearchQuery query;
    query.text = text;
    query.state = state;
    std::set<std::string> found;
    for (const auto& hit : members_[who].directory->Search(query).hits)
      found.insert(hit.entry->fingerprint);
    return found;
  }
  std::set<std::string> Only(const std::string& who) {
    return {crypto::Fingerprint(members_[who].key())};
  }

  Directory& Dir(const std::string& who) { return *members_[who].directory; }
  const crypto::PublicKey& Key(const std::string& who) { return members_[who].key(); }

  std::size_t StoredStatements(const std::string& who) {
    store::DirectoryTable table(members_[who].node->store().db());
    auto rows = table.LoadObjects(store::DirectoryObjectKind::kStatement);
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? rows->size() : 0;
  }

  crypto::DeterministicRandom random_{77};
  std::uint64_t seed_ = 100;
  Charter charter_;
  std::map<std::string, Member> members_;
  std::vector<std::string> order_;
};

TEST_F(WebOfTrustTest, UnendorsedProfilesReachOnlyTheirOwnersContacts) {
  EXPECT_EQ(Finds("armen", "Ani"), Only("ani"));
  EXPECT_TRUE(Finds("secretariat", "Ani").empty());
  EXPECT_TRUE(Finds("giorgi", "Ani").empty());
  EXPECT_EQ(Finds("secretariat", "Giorgi"), Only("giorgi"));
  EXPECT_TRUE(Finds("armen", "Giorgi").empty());
  EXPECT_EQ(Dir("giorgi").shared().size(), 1u);  // the charter only
}

TEST_F(WebOfTrustTest, AnEndorsementByTheContactPointMakesAProfileVisibleToEveryMember) {
  auto delegation = Dir("secretariat").AddContactPoint(Key("armen"), "AM");
  ASSERT_TRUE(delegation.ok()) << delegation.status().message();
  Pump();
  ASSERT_NE(Dir("giorgi").trust().ActiveContactPoint(Key("armen")), nullptr);
  EXPECT_NE(Dir("ani").trust().ActiveContactPoint(Key("armen")), nullptr);

  auto endorsement = Dir("armen").Endorse(Key("ani"), "Migration Service of Armenia");
  ASSERT_TRUE(endorsement.ok()) << endorsement.status().message();
  EXPECT_EQ(endorsement.value()->state, "AM");
  Pump();
  for (const char* who : {"secretariat", "giorgi", "armen", "ani"}) {
    EXPECT_EQ(Finds(who, "Hakobyan"), Only("ani")) << who;
    EXPECT_EQ(Finds(who, "", "AM").count(crypto::Fingerprint(Key("ani"))), 1u) << who;
    auto held = Dir(who).EndorsementsOf(Key("ani"));
    ASSERT_EQ(held.size(), 1u) << who;
    EXPECT_EQ(held[0]->organisation, "Migration Service of Armenia");
    EXPECT_EQ(held[0]->signer, Key("armen"));
  }
  // Every node now shares the same set: the charter, the delegation, the
  // endorsement, and the profiles of the expert and of the contact point,
  // whom every member can now find too.
  EXPECT_EQ(Dir("giorgi").shared().size(), 5u);
  EXPECT_EQ(Finds("giorgi", "Petrosyan"), Only("armen"));
  EXPECT_EQ(Dir("giorgi").shared().Root(), Dir("ani").shared().Root());
  // Giorgi's own profile is still only his contacts' to see.
  EXPECT_TRUE(Finds("armen", "Beridze").empty());
}

TEST_F(WebOfTrustTest, TheAnchorEndorsesForAnyStateAndAContactPointForItsOwnOnly) {
  ASSERT_TRUE(Dir("secretariat").AddContactPoint(Key("armen"), "AM").ok());
  Pump();
  // Armen holds Giorgi's profile only once they are contacts.
  EXPECT_EQ(Dir("armen").Endorse(Key("giorgi"), "MIA").status().code(), Status::Code::kNotFound);
  Connect("armen", "giorgi");
  Pump();
  auto refused = Dir("armen").Endorse(Key("giorgi"), "Ministry of Internal Affairs");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(refused.status().message(), "AM");
  // Ani is no contact point at all.
  EXPECT_EQ(Dir("ani").Endorse(Key("armen"), "MFA").status().code(),
            Status::Code::kPermissionDenied);

  auto by_anchor = Dir("secretariat").Endorse(Key("giorgi"), "Ministry of Internal Affairs");
  ASSERT_TRUE(by_anchor.ok()) << by_anchor.status().message();
  EXPECT_EQ(by_anchor.value()->state, "GE");
  Pump();
  EXPECT_EQ(Finds("ani", "Beridze"), Only("giorgi"));
}

TEST_F(WebOfTrustTest, AForgedEndorsementForAnotherStateIsRefusedEverywhere) {
  ASSERT_TRUE(Dir("secretariat").AddContactPoint(Key("armen"), "AM").ok());
  Pump();
  const std::size_t before = StoredStatements("secretariat");
  // Armen's key signs an endorsement of Giorgi for Georgia by hand, as a
  // modified daemon would, and sends it to the secretariat.
  auto forged =
      SignStatement(members_["armen"].node->identity().identity.signing(),
                    StatementKind::kEndorsement, Key("giorgi"), "GE", "MIA", charter_,
                    static_cast<std::uint64_t>(members_["armen"].node->clock().NowUnixMs()));
  ASSERT_TRUE(forged.ok());
  wire::DirectorySync message;
  message.mutable_objects()->add_objects()->set_statement(forged->encoded.data(),
                                                          forged->encoded.size());
  ASSERT_TRUE(Dir("secretariat").OnSyncMessage(IdOf("armen"), message).ok());
  // So is an endorsement from a key no anchor delegated, and a tampered one.
  auto stranger =
      SignStatement(members_["ani"].node->identity().identity.signing(),
                    StatementKind::kEndorsement, Key("giorgi"), "GE", "MIA", charter_,
                    static_cast<std::uint64_t>(members_["ani"].node->clock().NowUnixMs()));
  ASSERT_TRUE(stranger.ok());
  crypto::Bytes tampered = stranger->encoded;
  tampered[tampered.size() / 3] ^= 0x04;
  message.mutable_objects()->add_objects()->set_statement(stranger->encoded.data(),
                                                          stranger->encoded.size());
  message.mutable_objects()->add_objects()->set_statement(tampered.data(), tampered.size());
  ASSERT_TRUE(Dir("secretariat").OnSyncMessage(IdOf("armen"), message).ok());
  Pump();
  for (const char* who : {"secretariat", "giorgi", "armen", "ani"}) {
    EXPECT_TRUE(Dir(who).EndorsementsOf(Key("giorgi")).empty()) << who;
  }
  EXPECT_EQ(StoredStatements("secretariat"), before);
  EXPECT_TRUE(Finds("ani", "Beridze").empty());
}

TEST_F(WebOfTrustTest, AnUnendorsedOrTamperedProfileDoesNotTravelBySync) {
  const auto* giorgi = Dir("giorgi").OwnProfile();
  ASSERT_NE(giorgi, nullptr);
  wire::DirectorySync message;
  message.mutable_objects()->add_objects()->set_profile(giorgi->encoded.data(),
                                                        giorgi->encoded.size());
  // Armen is no contact of Giorgi's: a profile that no endorsement covers is refused.
  ASSERT_TRUE(Dir("armen").OnSyncMessage(IdOf("secretariat"), message).ok());
  EXPECT_EQ(Dir("armen").ProfileOf(Key("giorgi")), nullptr);

  ASSERT_TRUE(Dir("secretariat").Endorse(Key("giorgi"), "MIA").ok());
  Pump();
  ASSERT_NE(Dir("armen").ProfileOf(Key("giorgi")), nullptr);
  // A newer version, tampered with, is refused; the held one stays.
  ASSERT_TRUE(Profile("giorgi", "Giorgi Beridze-Changed", "GE"));
  crypto::Bytes tampered = Dir("giorgi").OwnProfile()->encoded;
  tampered[tampered.size() / 2] ^= 0x01;
  wire::DirectorySync forged;
  forged.mutable_objects()->add_objects()->set_profile(tampered.data(), tampered.size());
  ASSERT_TRUE(Dir("ani").OnSyncMessage(IdOf("armen"), forged).ok());
  EXPECT_EQ(Dir("ani").ProfileOf(Key("giorgi"))->fields.name_latin, "Giorgi Beridze");
  // The genuine new version reaches everyone.
  Pump();
  EXPECT_EQ(Dir("ani").ProfileOf(Key("giorgi"))->fields.name_latin, "Giorgi Beridze-Changed");
}

TEST_F(WebOfTrustTest, SuspendingAContactPointHidesItsEndorsedExpertsEverywhere) {
  ASSERT_TRUE(Dir("secretariat").AddContactPoint(Key("armen"), "AM").ok());
  Pump();
  ASSERT_TRUE(Dir("armen").Endorse(Key("ani"), "Migration Service").ok());
  Pump();
  ASSERT_EQ(Finds("giorgi", "Hakobyan"), Only("ani"));

  auto suspension = Dir("secretariat").SuspendContactPoint(Key("armen"));
  ASSERT_TRUE(suspension.ok()) << suspension.status().message();
  EXPECT_EQ(Dir("secretariat").SuspendContactPoint(Key("armen")).status().code(),
            Status::Code::kAlreadyExists);
  Pump();
  EXPECT_TRUE(Finds("giorgi", "Hakobyan").empty());
  EXPECT_TRUE(Finds("secretariat", "Hakobyan").empty());
  for (const char* who : {"secretariat", "giorgi", "armen", "ani"}) {
    EXPECT_TRUE(Dir(who).EndorsementsOf(Key("ani")).empty()) << who;
    EXPECT_TRUE(Dir(who).trust().IsSuspended(Key("armen"))) << who;
  }
  // Armen is Ani's contact: he still sees her, as a contact.
  EXPECT_EQ(Finds("armen", "Hakobyan"), Only("ani"));
  // And a suspended contact point endorses no more.
  EXPECT_EQ(Dir("armen").Endorse(Key("ani"), "Again").status().code(),
            Status::Code::kPermissionDenied);
  // What was shared is the same everywhere: the delegation and the
  // endorsement no longer are; the suspension (and the charter) is.
  EXPECT_EQ(Dir("giorgi").shared().Root(), Dir("ani").shared().Root());
  EXPECT_EQ(Dir("giorgi").shared().size(), 2u);
}

TEST_F(WebOfTrustTest, OnlyTheAnchorDelegatesAndSuspends) {
  EXPECT_EQ(Dir("armen").AddContactPoint(Key("ani"), "AM").status().code(),
            Status::Code::kPermissionDenied);
  EXPECT_EQ(Dir("secretariat").AddContactPoint(Key("armen"), "XX").status().code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(Dir("secretariat").SuspendContactPoint(Key("armen")).status().code(),
            Status::Code::kNotFound);
  ASSERT_TRUE(Dir("secretariat").AddContactPoint(Key("armen"), "AM").ok());
  EXPECT_EQ(Dir("giorgi").SuspendContactPoint(Key("armen")).status().code(),
            Status::Code::kPermissionDenied);
}

TEST_F(WebOfTrustTest, WhatWasLearntSurvivesARestartAndANewContactCatchesUp) {
  ASSERT_TRUE(Dir("secretariat").AddContactPoint(Key("armen"), "AM").ok());
  Pump();
  ASSERT_TRUE(Dir("armen").Endorse(Key("ani"), "Migration Service").ok());
  Pump();
  const ObjectHash root = Dir("giorgi").shared().Root();
  Load("giorgi");
  EXPECT_EQ(Dir("giorgi").shared().Root(), root);
  EXPECT_EQ(Finds("giorgi", "Hakobyan"), Only("ani"));

  // A latecomer whose only contact is Giorgi learns everything from him.
  Join("nino", "Nino Kapanadze", "GE");
  Connect("nino", "giorgi");
  Pump();
  EXPECT_EQ(Dir("nino").shared().Root(), root);
  EXPECT_EQ(Finds("nino", "Hakobyan"), Only("ani"));
  ASSERT_EQ(Dir("nino").EndorsementsOf(Key("ani")).size(), 1u);
}

TEST_F(WebOfTrustTest, ARevokedKeyIsDistrustedEverywhereAfterSync) {
  ASSERT_TRUE(Dir("secretariat").AddContactPoint(Key("armen"), "AM").ok());
  Pump();
  ASSERT_TRUE(Dir("armen").Endorse(Key("ani"), "Migration Service").ok());
  Pump();
  ASSERT_EQ(Finds("giorgi", "Hakobyan"), Only("ani"));

  // Ani made a certificate when she set up; her laptop is lost, and Giorgi,
  // who is not even her contact, publishes it for her.
  auto certificate = Dir("ani").ExportRevocation();
  ASSERT_TRUE(certificate.ok()) << certificate.status().message();
  EXPECT_FALSE(Dir("ani").trust().IsRevoked(Key("ani")));  // exporting revokes nothing
  auto published = Dir("giorgi").PublishRevocation(RevocationText(*certificate));
  ASSERT_TRUE(published.ok()) << published.status().message();
  Pump();
  for (const char* who : {"secretariat", "giorgi", "armen", "ani"}) {
    EXPECT_TRUE(Dir(who).trust().IsRevoked(Key("ani"))) << who;
    EXPECT_TRUE(Dir(who).EndorsementsOf(Key("ani")).empty()) << who;
  }
  EXPECT_TRUE(Finds("giorgi", "Hakobyan").empty());
  EXPECT_TRUE(Finds("armen", "Hakobyan").empty());  // her contact stops showing her too
  // A certificate of another network, or garbage, is refused.
  EXPECT_EQ(Dir("giorgi").PublishRevocation("parley-revocation:AAAA").status().code(),
            Status::Code::kInvalidArgument);
}

TEST_F(WebOfTrustTest, TheEndorserOrTheAnchorRevokesAMembersKeyOthersCannot) {
  ASSERT_TRUE(Dir("secretariat").AddContactPoint(Key("armen"), "AM").ok());
  Pump();
  EXPECT_EQ(Dir("armen").RevokeMember(Key("ani")).status().code(),
            Status::Code::kPermissionDenied);  // not (yet) her endorser
  ASSERT_TRUE(Dir("armen").Endorse(Key("ani"), "Migration Service").ok());
  EXPECT_EQ(Dir("giorgi").RevokeMember(Key("ani")).status().code(),
            Status::Code::kPermissionDenied);
  auto revoked = Dir("armen").RevokeMember(Key("ani"));
  ASSERT_TRUE(revoked.ok()) << revoked.status().message();
  Pump();
  EXPECT_TRUE(Dir("giorgi").trust().IsRevoked(Key("ani")));
  // The secretariat revokes the contact point itself: its endorsements go too.
  ASSERT_TRUE(Dir("secretariat").Endorse(Key("giorgi"), "MIA").ok());
  ASSERT_TRUE(Dir("secretariat").RevokeMember(Key("armen")).ok());
  Pump();
  EXPECT_EQ(Dir("ani").trust().ActiveContactPoint(Key("armen")), nullptr);
  EXPECT_EQ(Finds("ani", "Beridze"), Only("giorgi"));
}

TEST_F(WebOfTrustTest, TheSecretariatsAmendmentReachesEveryMemberAndNoForgeryDoes) {
  std::vector<Area> areas = charter_.areas;
  areas.push_back(
      Area{"climate-mobility", "Climate and mobility", "Климат и мобильность", false, {}});
  EXPECT_EQ(Dir("armen").AmendNetwork({.areas = areas}).status().code(),
            Status::Code::kPermissionDenied);
  EXPECT_EQ(Dir("secretariat")
                .AmendNetwork(
                    {.areas = std::vector<Area>(charter_.areas.begin() + 1, charter_.areas.end())})
                .status()
                .code(),
            Status::Code::kInvalidArgument);
  auto amended =
      Dir("secretariat").AmendNetwork({.name = "Prague Process Dialogue", .areas = areas});
  ASSERT_TRUE(amended.ok()) << amended.status().message();
  EXPECT_EQ(amended.value()->version, 2u);
  Pump();
  for (const auto& who : {"armen", "ani", "giorgi"}) {
    ASSERT_EQ(Dir(who).charter()->version, 2u) << who;
    EXPECT_EQ(Dir(who).charter()->name, "Prague Process Dialogue");
    EXPECT_TRUE(Dir(who).charter()->HasArea("climate-mobility"));
  }
  // A member names the new area, and her contact finds her by it.
  ProfileUpdate update;
  update.areas = std::vector<std::string>{"climate-mobility"};
  ASSERT_TRUE(
      Dir("ani").UpdateOwnProfile(update, members_["ani"].node->identity().Card().encoded).ok());
  Pump();
  SearchQuery query;
  query.area = "climate-mobility";
  ASSERT_EQ(Dir("armen").Search(query).hits.size(), 1u);

  // A restart keeps the amendment; a latecomer holding the first version
  // catches up from its one contact.
  Load("giorgi");
  EXPECT_EQ(Dir("giorgi").charter()->version, 2u);
  Join("nino", "Nino Kapanadze", "GE");
  EXPECT_EQ(Dir("nino").charter()->version, 1u);
  Connect("nino", "giorgi");
  Pump();
  EXPECT_EQ(Dir("nino").charter()->version, 2u);
  EXPECT_EQ(Dir("nino").shared().Root(), Dir("secretariat").shared().Root());

  // Neither an older version nor a stranger's charter of the network is taken.
  crypto::SigningKeyPair stranger = crypto::SigningKeyPair::Generate(random_);
  Charter claimed = *Dir("giorgi").charter();
  claimed.anchor_keys = {stranger.public_key()};
  auto forged = AmendCharter(claimed, stranger, "Hijacked", claimed.areas, claimed.anchor_keys, 1);
  ASSERT_TRUE(forged.ok());
  for (const crypto::Bytes& charter : {forged->encoded, charter_.encoded}) {
    wire::DirectorySync message;
    message.mutable_objects()->add_objects()->set_charter(charter.data(), charter.size());
    ASSERT_TRUE(Dir("giorgi").OnSyncMessage(IdOf("secretariat"), message).ok());
    EXPECT_EQ(Dir("giorgi").charter()->version, 2u);
    EXPECT_EQ(Dir("giorgi").charter()->name, "Prague Process Dialogue");
  }
}

TEST_F(WebOfTrustTest, ARotationSentOverALinkIsKeptOnlyWhenItConcernsAContact) {
  // A stranger's throwaway keys: checked, and dropped.
  crypto::SigningKeyPair old_key = crypto::SigningKeyPair::Generate(random_);
  crypto::SigningKeyPair new_key = crypto::SigningKeyPair::Generate(random_);
  auto throwaway = SignRotation(old_key, new_key, charter_, 1);
  ASSERT_TRUE(throwaway.ok());
  const std::size_t stored = StoredStatements("giorgi");
  auto none = Dir("giorgi").OnKeyRotation(throwaway->encoded, new_key.public_key());
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  EXPECT_EQ(StoredStatements("giorgi"), stored);
  EXPECT_EQ(Dir("giorgi").RotationOf(old_key.public_key()), nullptr);

  // Its contact the secretariat rotating: kept, and the new key's predecessor named.
  const auto& secretariat = members_["secretariat"].node->identity().identity.signing();
  auto rotation = SignRotation(secretariat, new_key, charter_, 1);
  ASSERT_TRUE(rotation.ok());
  auto predecessors = Dir("giorgi").OnKeyRotation(rotation->encoded, new_key.public_key());
  ASSERT_TRUE(predecessors.ok());
  EXPECT_EQ(*predecessors, std::vector<crypto::PublicKey>{Key("secretariat")});
  EXPECT_EQ(StoredStatements("giorgi"), stored + 1);
  // Asked about a key nobody handed over to: nothing.
  auto unrelated = Dir("giorgi").OnKeyRotation(rotation->encoded, old_key.public_key());
  ASSERT_TRUE(unrelated.ok());
  EXPECT_TRUE(unrelated->empty());
}

// A member minting throwaway keys and revoking each one: every other node
// keeps at most kMaxUnvouchedStatements of them, also after a restart, and a
// revocation of a key the network vouches for still reaches everyone.
TEST_F(WebOfTrustTest, SelfRevocationsOfThrowawayKeysAreCappedAndRealOnesStillTravel) {
  ASSERT_TRUE(Dir("secretariat").AddContactPoint(Key("armen"), "AM").ok());
  Pump();
  std::map<std::string, std::size_t> before;
  for (const char* who : {"armen", "secretariat", "giorgi"}) before[who] = StoredStatements(who);
  const auto now = static_cast<std::uint64_t>(members_["ani"].node->clock().NowUnixMs());
  for (std::size_t i = 0; i < kMaxUnvouchedStatements + 20; ++i) {
    const auto throwaway = crypto::SigningKeyPair::Generate(random_);
    auto junk = SignStatement(throwaway, StatementKind::kRevocation, throwaway.public_key(), "", "",
                              charter_, now);
    ASSERT_TRUE(junk.ok()) << junk.status().message();
    ASSERT_TRUE(Dir("ani").PublishRevocation(RevocationText(*junk)).ok());
  }
  Pump();
  for (const char* who : {"armen", "secretariat", "giorgi"}) {
    EXPECT_EQ(StoredStatements(who), before[who] + kMaxUnvouchedStatements) << who;
  }
  // Restarted, Armen counts what he holds and still takes no more.
  Load("armen");
  const auto late = crypto::SigningKeyPair::Generate(random_);
  auto more =
      SignStatement(late, StatementKind::kRevocation, late.public_key(), "", "", charter_, now);
  ASSERT_TRUE(more.ok());
  ASSERT_TRUE(Dir("ani").PublishRevocation(RevocationText(*more)).ok());
  Connect("ani", "armen");
  Pump();
  EXPECT_FALSE(Dir("armen").trust().IsRevoked(late.public_key()));

  // Ani is endorsed, then her key is revoked: that revocation reaches every node.
  ASSERT_TRUE(Dir("armen").Endorse(Key("ani"), "Migration Service").ok());
  Pump();
  auto certificate = Dir("ani").ExportRevocation();
  ASSERT_TRUE(certificate.ok());
  ASSERT_TRUE(Dir("giorgi").PublishRevocation(RevocationText(*certificate)).ok());
  Pump();
  for (const char* who : {"secretariat", "giorgi", "armen", "ani"})
    EXPECT_TRUE(Dir(who).trust().IsRevoked(Key("ani"))) << who;
  // So does the self-revocation of an unendorsed contact, to its contacts.
  auto giorgi_certificate = Dir("giorgi").ExportRevocation();
  ASSERT_TRUE(giorgi_certificate.ok());
  ASSERT_TRUE(Dir("giorgi").PublishRevocation(RevocationText(*giorgi_certificate)).ok());
  Pump();
  EXPECT_TRUE(Dir("secretariat").trust().IsRevoked(Key("giorgi")));
}

TEST_F(WebOfTrustTest, AKeyHandsOverOnce) {
  auto first = crypto::Identity::Generate(random_);
  auto second = crypto::Identity::Generate(random_);
  auto card_of = [&](const crypto::Identity& identity) {
    auto prekey = crypto::SignedPrekey::Generate(identity.signing(), 2, random_);
    return identity::MakeCard(identity, prekey, "Ani", {"tcp://127.0.0.1:1"}, 1).encoded;
  };
  const Status handed = Dir("ani").HandOver(first.signing(), card_of(first));
  ASSERT_TRUE(handed.ok()) << handed.message();
  const crypto::PublicKey& successor = first.public_identity().identity_key;
  ASSERT_NE(Dir("ani").RotationOf(Key("ani")), nullptr);
  EXPECT_EQ(Dir("ani").RotationOf(Key("ani"))->successor, successor);
  // The profile moved to the new key, the same fields.
  ASSERT_NE(Dir("ani").ProfileOf(successor), nullptr);
  EXPECT_EQ(Dir("ani").ProfileOf(successor)->fields.name_latin, "Ani Hakobyan");
  EXPECT_EQ(Dir("ani").HandOver(second.signing(), card_of(second)).code(),
            Status::Code::kAlreadyExists);
  EXPECT_EQ(Dir("ani").RotationOf(Key("ani"))->successor, successor);
}

TEST_F(WebOfTrustTest, AKeyWhoseLineageIsFullDoesNotHandOver) {
  // Ani's key already succeeded kMaxLineage - 1 others.
  std::vector<crypto::SigningKeyPair> keys;
  for (std::size_t i = 0; i + 1 < kMaxLineage; ++i)
    keys.push_back(crypto::SigningKeyPair::Generate(random_));
  const auto& ani = members_["ani"].node->identity().identity.signing();
  wire::DirectorySync chain;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const crypto::SigningKeyPair& next = i + 1 < keys.size() ? keys[i + 1] : ani;
    auto rotation = SignRotation(keys[i], next, charter_, 1 + i);
    ASSERT_TRUE(rotation.ok());
    chain.mutable_objects()->add_objects()->set_statement(
        reinterpret_cast<const char*>(rotation->encoded.data()), rotation->encoded.size());
  }
  ASSERT_TRUE(Dir("ani").OnSyncMessage(IdOf("armen"), chain).ok());
  ASSERT_EQ(Dir("ani").trust().Lineage(Key("ani")).size(), kMaxLineage);

  auto successor = crypto::Identity::Generate(random_);
  auto prekey = crypto::SignedPrekey::Generate(successor.signing(), 2, random_);
  const auto card = identity::MakeCard(successor, prekey, "Ani", {"tcp://127.0.0.1:1"}, 1);
  EXPECT_EQ(Dir("ani").HandOver(successor.signing(), card.encoded).code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(Dir("ani").RotationOf(Key("ani")), nullptr);
}

TEST_F(WebOfTrustTest, AnotherAnchorEndorsesAnyStateUntilTheFirstRemovesIt) {
  auto key = Dir("giorgi").MakeAnchorKey(random_);
  ASSERT_TRUE(key.ok()) << key.status().message();
  EXPECT_FALSE(Dir("giorgi").is_anchor());
  EXPECT_EQ(Dir("giorgi").MakeAnchorKey(random_).value(), key.value());  // the same one
  EXPECT_EQ(Dir("giorgi").Endorse(Key("ani"), "Migration Service").status().code(),
            Status::Code::kPermissionDenied);

  auto added = Dir("secretariat").AmendNetwork({.add_anchors = {key.value()}});
  ASSERT_TRUE(added.ok()) << added.status().message();
  EXPECT_EQ(added.value()->anchor_keys.size(), 2u);
  Pump();
  EXPECT_TRUE(Dir("giorgi").is_anchor());
  EXPECT_FALSE(Dir("giorgi").is_first_anchor());
  EXPECT_TRUE(Dir("secretariat").is_first_anchor());
  // Giorgi (GE) endorses Ani (AM), once her contact: an anchor speaks for every state.
  Connect("giorgi", "ani");
  Pump();
  ASSERT_TRUE(Dir("giorgi").Endorse(Key("ani"), "Migration Service").ok());
  Pump();
  EXPECT_EQ(Finds("secretariat", "Hakobyan"), Only("ani"));
  // Only the first anchor amends; and a restart keeps what Giorgi is.
  EXPECT_EQ(Dir("giorgi").AmendNetwork({.name = "Hijacked"}).status().code(),
            Status::Code::kPermissionDenied);
  Load("giorgi");
  EXPECT_TRUE(Dir("giorgi").is_anchor());

  // What the first anchor may not do.
  const crypto::PublicKey first = charter_.anchor_keys.front();
  EXPECT_EQ(Dir("secretariat").AnchorsAfter({.remove_anchors = {first}}).status().code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(Dir("secretariat").AnchorsAfter({.add_anchors = {key.value()}}).status().code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(Dir("secretariat").AnchorsAfter({.remove_anchors = {Key("ani")}}).status().code(),
            Status::Code::kInvalidArgument);

  // Removed: Giorgi's endorsement stops counting everywhere.
  ASSERT_TRUE(Dir("secretariat").AmendNetwork({.remove_anchors = {key.value()}}).ok());
  Pump();
  EXPECT_FALSE(Dir("giorgi").is_anchor());
  EXPECT_TRUE(Finds("secretariat", "Hakobyan").empty());
  EXPECT_TRUE(Dir("secretariat").EndorsementsOf(Key("ani")).empty());
}

TEST_F(WebOfTrustTest, TheFirstAnchorHandsTheFirstPlaceOnAndIsThenRemovable) {
  auto key = Dir("giorgi").MakeAnchorKey(random_);
  ASSERT_TRUE(key.ok());
  const crypto::PublicKey old_first = charter_.anchor_keys.front();
  ASSERT_TRUE(Dir("secretariat")
                  .AmendNetwork({.add_anchors = {key.value()}, .first_anchor = key.value()})
                  .ok());
  Pump();
  EXPECT_TRUE(Dir("giorgi").is_first_anchor());
  EXPECT_FALSE(Dir("secretariat").is_first_anchor());
  EXPECT_TRUE(Dir("secretariat").is_anchor());
  // Now Giorgi signs the next version, which every member takes.
  auto renamed = Dir("giorgi").AmendNetwork(
      {.name = "Prague Process Dialogue", .remove_anchors = {old_first}});
  ASSERT_TRUE(renamed.ok()) << renamed.status().message();
  Pump();
  for (const char* who : {"secretariat", "armen", "ani"}) {
    EXPECT_EQ(Dir(who).charter()->name, "Prague Process Dialogue") << who;
    EXPECT_EQ(Dir(who).charter()->anchor_keys, std::vector<crypto::PublicKey>{key.value()}) << who;
  }
  EXPECT_FALSE(Dir("secretariat").is_anchor());
}

}  // namespace
}  // namespace parley::directory
