#include "daemon/directory/directory.h"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "crypto/fingerprint.h"
#include "crypto/random.h"
#include "daemon/store/directory_table.h"
#include "tests/support/local_node.h"

namespace parley::directory {
namespace {

using testing::LocalNode;

std::unique_ptr<Directory> LoadDirectory(LocalNode& node) {
  auto directory = Directory::Load(node.store(), node.identity().identity.signing(),
                                   node.identity().name, node.clock());
  EXPECT_TRUE(directory.ok()) << directory.status().message();
  return directory.ok() ? std::move(directory.value()) : nullptr;
}

crypto::Bytes CardOf(LocalNode& node) { return node.identity().Card().encoded; }

std::vector<std::string> Fingerprints(const SearchPage& page) {
  std::vector<std::string> found;
  for (const auto& hit : page.hits) found.push_back(hit.entry->fingerprint);
  return found;
}

SearchQuery Query(std::string text, std::string state = "", std::string area = "",
                  std::string language = "") {
  SearchQuery query;
  query.text = std::move(text);
  query.state = std::move(state);
  query.area = std::move(area);
  query.language = std::move(language);
  return query;
}

class DirectoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto charter = Directory::CreateNetwork(
        secretariat_.store(), "Prague Process",
        static_cast<std::uint64_t>(secretariat_.clock().NowUnixMs()), random_);
    ASSERT_TRUE(charter.ok()) << charter.status().message();
    charter_ = std::move(charter.value());
    ASSERT_TRUE(Directory::JoinNetwork(anna_.store(), charter_).ok());
    directory_ = LoadDirectory(anna_);
    ASSERT_NE(directory_, nullptr);
  }

  Result<const Profile*> Update(const ProfileUpdate& update) {
    return directory_->UpdateOwnProfile(update, CardOf(anna_));
  }

  std::string AnnasFingerprint() {
    return crypto::Fingerprint(anna_.identity().identity.public_identity().identity_key);
  }

  crypto::DeterministicRandom random_{41};
  LocalNode secretariat_{"Prague Process Secretariat", 1, "tcp://127.0.0.1:7401"};
  LocalNode anna_{"Анна Иванова", 2, "tcp://127.0.0.1:7402"};
  Charter charter_;
  std::unique_ptr<Directory> directory_;
};

TEST(DirectoryNotJoinedTest, HoldsNothingAndRefusesAProfile) {
  LocalNode node("Boris Petrov", 3, "tcp://127.0.0.1:7403");
  auto directory = LoadDirectory(node);
  ASSERT_NE(directory, nullptr);
  EXPECT_FALSE(directory->joined());
  EXPECT_EQ(directory->charter(), nullptr);
  EXPECT_FALSE(directory->is_anchor());
  EXPECT_EQ(directory->OwnProfile(), nullptr);
  ProfileUpdate update;
  update.state = "UA";
  auto profile = directory->UpdateOwnProfile(update, CardOf(node));
  ASSERT_FALSE(profile.ok());
  EXPECT_EQ(profile.status().code(), Status::Code::kNotFound);
  EXPECT_EQ(directory->OwnProfile(), nullptr);
  EXPECT_EQ(directory->Search(Query("boris")).total, 0u);
  // Nothing was written either.
  store::DirectoryTable table(node.store().db());
  auto objects = table.LoadObjects(store::DirectoryObjectKind::kProfile);
  ASSERT_TRUE(objects.ok());
  EXPECT_TRUE(objects->empty());
}

TEST_F(DirectoryTest, TheCreatorIsTheAnchorAndAJoinerIsNot) {
  auto secretariat = LoadDirectory(secretariat_);
  ASSERT_NE(secretariat, nullptr);
  EXPECT_TRUE(secretariat->joined());
  EXPECT_TRUE(secretariat->is_anchor());
  ASSERT_NE(secretariat->charter(), nullptr);
  EXPECT_EQ(secretariat->charter()->network_id, charter_.network_id);
  EXPECT_EQ(secretariat->charter()->name, "Prague Process");
  EXPECT_EQ(secretariat->charter()->encoded, charter_.encoded);
  ASSERT_EQ(charter_.anchor_keys.size(), 1u);
  // The anchor is a key of its own, not the node's identity key.
  EXPECT_NE(charter_.anchor_keys[0],
            secretariat_.identity().identity.public_identity().identity_key);

  EXPECT_TRUE(directory_->joined());
  EXPECT_FALSE(directory_->is_anchor());
  ASSERT_NE(directory_->charter(), nullptr);
  EXPECT_EQ(directory_->charter()->network_id, charter_.network_id);
  EXPECT_EQ(directory_->charter()->areas.size(), 6u);
}

TEST_F(DirectoryTest, ANodeJoinsOnlyOnce) {
  auto again = Directory::CreateNetwork(secretariat_.store(), "Another", 0, random_);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), Status::Code::kAlreadyExists);
  EXPECT_EQ(Directory::JoinNetwork(secretariat_.store(), charter_).code(),
            Status::Code::kAlreadyExists);
  EXPECT_EQ(Directory::JoinNetwork(anna_.store(), charter_).code(), Status::Code::kAlreadyExists);
  auto create_after_join = Directory::CreateNetwork(anna_.store(), "Another", 0, random_);
  ASSERT_FALSE(create_after_join.ok());
  EXPECT_EQ(create_after_join.status().code(), Status::Code::kAlreadyExists);

  // The network each node holds is still the first.
  auto secretariat = LoadDirectory(secretariat_);
  ASSERT_NE(secretariat, nullptr);
  EXPECT_EQ(secretariat->charter()->network_id, charter_.network_id);
  EXPECT_TRUE(secretariat->is_anchor());
  auto anna = LoadDirectory(anna_);
  ASSERT_NE(anna, nullptr);
  EXPECT_EQ(anna->charter()->network_id, charter_.network_id);
  EXPECT_FALSE(anna->is_anchor());
}

TEST_F(DirectoryTest, AFirstProfileWithoutANameTakesTheNodesCyrillicName) {
  auto profile = Update(ProfileUpdate{});
  ASSERT_TRUE(profile.ok()) << profile.status().message();
  EXPECT_EQ(profile.value()->fields.name_cyrillic, "Анна Иванова");
  EXPECT_EQ(profile.value()->fields.name_latin, "");
  EXPECT_EQ(profile.value()->version, 1u);
  EXPECT_EQ(profile.value()->identity_key,
            anna_.identity().identity.public_identity().identity_key);
  EXPECT_EQ(profile.value()->network_id, charter_.network_id);
  EXPECT_EQ(profile.value()->card, CardOf(anna_));
  EXPECT_EQ(directory_->OwnProfile(), profile.value());
}

TEST_F(DirectoryTest, AFirstProfileWithoutANameTakesTheNodesLatinName) {
  LocalNode boris("Boris Petrov", 3, "tcp://127.0.0.1:7403");
  ASSERT_TRUE(Directory::JoinNetwork(boris.store(), charter_).ok());
  auto directory = LoadDirectory(boris);
  ASSERT_NE(directory, nullptr);
  ProfileUpdate update;
  update.state = "md";
  auto profile = directory->UpdateOwnProfile(update, CardOf(boris));
  ASSERT_TRUE(profile.ok()) << profile.status().message();
  EXPECT_EQ(profile.value()->fields.name_latin, "Boris Petrov");
  EXPECT_EQ(profile.value()->fields.name_cyrillic, "");
  EXPECT_EQ(profile.value()->fields.state, "MD");
}

TEST_F(DirectoryTest, AFirstProfileTakesTheNodesNameOnlyInItsOwnScript) {
  ProfileUpdate update;
  update.name_latin = "Anna Ivanova";
  auto profile = Update(update);
  ASSERT_TRUE(profile.ok()) << profile.status().message();
  EXPECT_EQ(profile.value()->fields.name_latin, "Anna Ivanova");
  EXPECT_EQ(profile.value()->fields.name_cyrillic, "Анна Иванова");  // the node's name

  ProfileUpdate rename;
  rename.name_cyrillic = "Анна Петровна Иванова";
  auto second = Update(rename);
  ASSERT_TRUE(second.ok()) << second.status().message();
  EXPECT_EQ(second.value()->fields.name_cyrillic, "Анна Петровна Иванова");
}

TEST_F(DirectoryTest, UpdatesKeepAbsentFieldsAndReplacePresentOnes) {
  ProfileUpdate first;
  first.name_latin = "Anna Ivanova";
  first.state = "UZ";
  first.organisation = "Agency for External Labour Migration";
  first.areas = std::vector<std::string>{"legal-migration"};
  first.languages = std::vector<std::string>{"uz", "ru"};
  auto v1 = Update(first);
  ASSERT_TRUE(v1.ok()) << v1.status().message();
  EXPECT_EQ(v1.value()->version, 1u);
  EXPECT_EQ(v1.value()->fields.name_cyrillic, "Анна Иванова");  // the node's, in its script

  ProfileUpdate second;
  second.role = "Head of Unit";
  second.languages = std::vector<std::string>{"EN", "ru"};
  auto v2 = Update(second);
  ASSERT_TRUE(v2.ok()) << v2.status().message();
  const ProfileFields& f2 = v2.value()->fields;
  EXPECT_EQ(v2.value()->version, 2u);
  EXPECT_EQ(f2.name_latin, "Anna Ivanova");
  EXPECT_EQ(f2.state, "UZ");
  EXPECT_EQ(f2.organisation, "Agency for External Labour Migration");
  EXPECT_EQ(f2.role, "Head of Unit");
  EXPECT_EQ(f2.areas, std::vector<std::string>{"legal-migration"});
  EXPECT_EQ(f2.languages, (std::vector<std::string>{"en", "ru"}));

  ProfileUpdate third;
  third.state = "KZ";
  third.organisation = "";  // present and empty: cleared
  third.areas = std::vector<std::string>{};
  third.name_cyrillic = "Анна Иванова";
  auto v3 = Update(third);
  ASSERT_TRUE(v3.ok()) << v3.status().message();
  const ProfileFields& f3 = v3.value()->fields;
  EXPECT_EQ(v3.value()->version, 3u);
  EXPECT_EQ(f3.name_latin, "Anna Ivanova");
  EXPECT_EQ(f3.name_cyrillic, "Анна Иванова");
  EXPECT_EQ(f3.state, "KZ");
  EXPECT_EQ(f3.organisation, "");
  EXPECT_EQ(f3.role, "Head of Unit");
  EXPECT_TRUE(f3.areas.empty());
  EXPECT_EQ(f3.languages, (std::vector<std::string>{"en", "ru"}));

  // Only the newest version is stored.
  store::DirectoryTable table(anna_.store().db());
  auto objects = table.LoadObjects(store::DirectoryObjectKind::kProfile);
  ASSERT_TRUE(objects.ok());
  ASSERT_EQ(objects->size(), 1u);
  EXPECT_EQ((*objects)[0].version, 3);
  EXPECT_EQ((*objects)[0].object, v3.value()->encoded);
}

TEST_F(DirectoryTest, TheProfileSurvivesAReloadAndARestart) {
  ProfileUpdate update;
  update.name_latin = "Anna Ivanova";
  update.state = "UZ";
  update.bio = "Reintegration programmes.";
  ASSERT_TRUE(Update(update).ok());
  ASSERT_TRUE(Update(ProfileUpdate{}).ok());
  const crypto::Bytes encoded = directory_->OwnProfile()->encoded;

  auto reloaded = LoadDirectory(anna_);
  ASSERT_NE(reloaded, nullptr);
  ASSERT_NE(reloaded->OwnProfile(), nullptr);
  EXPECT_EQ(reloaded->OwnProfile()->version, 2u);
  EXPECT_EQ(reloaded->OwnProfile()->encoded, encoded);
  EXPECT_EQ(reloaded->Search(Query("reintegration")).total, 1u);

  reloaded.reset();
  directory_.reset();
  anna_.Restart();
  auto restarted = LoadDirectory(anna_);
  ASSERT_NE(restarted, nullptr);
  EXPECT_TRUE(restarted->joined());
  EXPECT_EQ(restarted->charter()->network_id, charter_.network_id);
  ASSERT_NE(restarted->OwnProfile(), nullptr);
  EXPECT_EQ(restarted->OwnProfile()->version, 2u);
  EXPECT_EQ(restarted->OwnProfile()->fields.name_latin, "Anna Ivanova");
  EXPECT_EQ(restarted->OwnProfile()->fields.state, "UZ");
  EXPECT_EQ(restarted->OwnProfile()->encoded, encoded);

  // And the next version follows the stored one.
  auto v3 = restarted->UpdateOwnProfile(ProfileUpdate{}, CardOf(anna_));
  ASSERT_TRUE(v3.ok()) << v3.status().message();
  EXPECT_EQ(v3.value()->version, 3u);
}

TEST_F(DirectoryTest, SearchFindsTheOwnProfileAcrossScripts) {
  ProfileUpdate update;
  update.state = "UZ";
  update.organisation = "Агентство внешней трудовой миграции";
  update.areas = std::vector<std::string>{"legal-migration", "return-reintegration"};
  update.languages = std::vector<std::string>{"uz", "ru"};
  ASSERT_TRUE(Update(update).ok());
  const std::vector<std::string> anna = {AnnasFingerprint()};

  EXPECT_EQ(Fingerprints(directory_->Search(Query("ivanova"))), anna);
  EXPECT_EQ(Fingerprints(directory_->Search(Query("Иванова"))), anna);
  EXPECT_EQ(Fingerprints(directory_->Search(Query("anna ivanova"))), anna);
  EXPECT_EQ(Fingerprints(directory_->Search(Query("migratsii"))), anna);
  EXPECT_EQ(Fingerprints(directory_->Search(Query("", "UZ"))), anna);
  EXPECT_EQ(Fingerprints(directory_->Search(Query("", "", "legal-migration"))), anna);
  EXPECT_EQ(Fingerprints(directory_->Search(Query("", "", "", "ru"))), anna);
  EXPECT_EQ(Fingerprints(directory_->Search(Query("ivanova", "UZ", "return-reintegration", "uz"))),
            anna);

  EXPECT_EQ(directory_->Search(Query("petrova")).total, 0u);
  EXPECT_EQ(directory_->Search(Query("ivanova", "KZ")).total, 0u);
  EXPECT_EQ(directory_->Search(Query("", "", "asylum-protection")).total, 0u);
  EXPECT_EQ(directory_->Search(Query("", "", "", "en")).total, 0u);

  auto page = directory_->Search(Query("ivanova"));
  ASSERT_EQ(page.hits.size(), 1u);
  EXPECT_EQ(directory_->ProfileOfHit(page.hits[0]), directory_->OwnProfile());
}

TEST_F(DirectoryTest, StoredProfilesOfOthersAreLoadedCheckedAndSearchable) {
  // Boris signs a profile in the same network; Anna's store holds it (as
  // his push will put it there).
  LocalNode boris("Boris Petrov", 3, "tcp://127.0.0.1:7403");
  ProfileFields fields;
  fields.name_latin = "Boris Petrov";
  fields.state = "MD";
  fields.areas = {"asylum-protection"};
  fields.languages = {"ro", "ru"};
  auto boris_profile =
      SignProfile(boris.identity().identity.signing(), fields, charter_, 4,
                  static_cast<std::uint64_t>(anna_.clock().NowUnixMs()), CardOf(boris));
  ASSERT_TRUE(boris_profile.ok()) << boris_profile.status().message();
  const auto& boris_key = boris.identity().identity.public_identity().identity_key;

  // And a profile of another network, and one that has expired since it was
  // stored, which must not load. (Signatures are not checked again: only
  // checked objects are stored, and the store is authenticated; decision 31.)
  auto other_network = CreateCharter(crypto::SigningKeyPair::Generate(random_), "Other",
                                     DefaultTaxonomy(), 0, random_);
  ASSERT_TRUE(other_network.ok());
  LocalNode carol("Carol", 4, "tcp://127.0.0.1:7404");
  auto carol_profile =
      SignProfile(carol.identity().identity.signing(), fields, *other_network, 1,
                  static_cast<std::uint64_t>(anna_.clock().NowUnixMs()), CardOf(carol));
  ASSERT_TRUE(carol_profile.ok()) << carol_profile.status().message();
  LocalNode dmitri("Dmitri", 5, "tcp://127.0.0.1:7405");
  auto dmitri_profile =
      SignProfile(dmitri.identity().identity.signing(), fields, charter_, 1,
                  static_cast<std::uint64_t>(anna_.clock().NowUnixMs()) - kProfileLifetimeMs - 1,
                  CardOf(dmitri));
  ASSERT_TRUE(dmitri_profile.ok());
  const crypto::Bytes expired = dmitri_profile->encoded;

  store::DirectoryTable table(anna_.store().db());
  auto save = [&](const crypto::PublicKey& key, const crypto::Bytes& object) {
    return table.SaveObject(store::DirectoryObjectRow{
        store::DirectoryObjectKind::kProfile, crypto::Bytes(key.begin(), key.end()), 1, object, 0});
  };
  ASSERT_TRUE(save(boris_key, boris_profile->encoded).ok());
  ASSERT_TRUE(
      save(carol.identity().identity.public_identity().identity_key, carol_profile->encoded).ok());
  ASSERT_TRUE(save(dmitri.identity().identity.public_identity().identity_key, expired).ok());

  ProfileUpdate update;
  update.state = "UZ";
  update.languages = std::vector<std::string>{"uz", "ru"};
  ASSERT_TRUE(Update(update).ok());
  ASSERT_TRUE(directory_->Reload().ok());
  // Unendorsed, Boris is shown to his contacts only.
  EXPECT_TRUE(directory_->Search(Query("petrov")).hits.empty());
  ASSERT_TRUE(
      directory_->SetContactCheck([&](const crypto::PublicKey& key) { return key == boris_key; })
          .ok());

  ASSERT_NE(directory_->ProfileOf(boris_key), nullptr);
  EXPECT_EQ(directory_->ProfileOf(boris_key)->version, 4u);
  EXPECT_EQ(directory_->ProfileOf(carol.identity().identity.public_identity().identity_key),
            nullptr);
  EXPECT_EQ(directory_->ProfileOf(dmitri.identity().identity.public_identity().identity_key),
            nullptr);
  ASSERT_NE(directory_->OwnProfile(), nullptr);

  const std::string boris_fp = crypto::Fingerprint(boris_key);
  EXPECT_EQ(Fingerprints(directory_->Search(Query("petrov"))), std::vector<std::string>{boris_fp});
  EXPECT_EQ(Fingerprints(directory_->Search(Query("Петров"))), std::vector<std::string>{boris_fp});
  EXPECT_EQ(Fingerprints(directory_->Search(Query("", "MD"))), std::vector<std::string>{boris_fp});
  EXPECT_EQ(Fingerprints(directory_->Search(Query("", "UZ"))),
            std::vector<std::string>{AnnasFingerprint()});
  EXPECT_EQ(Fingerprints(directory_->Search(Query("", "", "asylum-protection"))),
            std::vector<std::string>{boris_fp});
  EXPECT_EQ(Fingerprints(directory_->Search(Query("", "", "", "ro"))),
            std::vector<std::string>{boris_fp});
  EXPECT_EQ(directory_->Search(Query("", "", "", "ru")).total, 2u);
  auto page = directory_->Search(Query("petrov"));
  ASSERT_EQ(page.hits.size(), 1u);
  EXPECT_EQ(directory_->ProfileOfHit(page.hits[0]), directory_->ProfileOf(boris_key));
}

TEST_F(DirectoryTest, ACommittedRoundIsKept) {
  ASSERT_TRUE(Update(ProfileUpdate{}).ok());
  ASSERT_TRUE(anna_.store().db().Begin().ok());
  ProfileUpdate update;
  update.role = "Adviser";
  ASSERT_TRUE(Update(update).ok());
  ASSERT_TRUE(anna_.store().db().Commit().ok());
  directory_->OnCommitted();
  EXPECT_EQ(directory_->OwnProfile()->version, 2u);
  ASSERT_TRUE(directory_->OnRolledBack().ok());  // nothing changed since the commit
  EXPECT_EQ(directory_->OwnProfile()->version, 2u);
  auto reloaded = LoadDirectory(anna_);
  ASSERT_NE(reloaded, nullptr);
  EXPECT_EQ(reloaded->OwnProfile()->version, 2u);
  EXPECT_EQ(reloaded->OwnProfile()->fields.role, "Adviser");
}

TEST_F(DirectoryTest, ARolledBackRoundLeavesThePreviousVersion) {
  ProfileUpdate first;
  first.organisation = "Ministry of Interior";
  auto v1 = Update(first);
  ASSERT_TRUE(v1.ok());
  const crypto::Bytes v1_encoded = v1.value()->encoded;

  ASSERT_TRUE(anna_.store().db().Begin().ok());
  ProfileUpdate second;
  second.organisation = "Rolled Back Agency";
  auto v2 = Update(second);
  ASSERT_TRUE(v2.ok()) << v2.status().message();
  EXPECT_EQ(v2.value()->version, 2u);
  EXPECT_EQ(directory_->Search(Query("rolled")).total, 1u);
  anna_.store().db().Rollback();
  ASSERT_TRUE(directory_->OnRolledBack().ok());

  ASSERT_NE(directory_->OwnProfile(), nullptr);
  EXPECT_EQ(directory_->OwnProfile()->version, 1u);
  EXPECT_EQ(directory_->OwnProfile()->fields.organisation, "Ministry of Interior");
  EXPECT_EQ(directory_->OwnProfile()->encoded, v1_encoded);
  EXPECT_EQ(directory_->Search(Query("rolled")).total, 0u);
  EXPECT_EQ(directory_->Search(Query("interior")).total, 1u);

  auto reloaded = LoadDirectory(anna_);
  ASSERT_NE(reloaded, nullptr);
  ASSERT_NE(reloaded->OwnProfile(), nullptr);
  EXPECT_EQ(reloaded->OwnProfile()->version, 1u);
  EXPECT_EQ(reloaded->OwnProfile()->encoded, v1_encoded);

  // The version that was rolled back is made again, not skipped.
  auto again = Update(second);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value()->version, 2u);
}

TEST_F(DirectoryTest, AnExpiredProfileIsNotLoaded) {
  ASSERT_TRUE(Update(ProfileUpdate{}).ok());
  anna_.clock().Advance(
      std::chrono::milliseconds(static_cast<std::int64_t>(kProfileLifetimeMs) - 1));
  auto before_expiry = LoadDirectory(anna_);
  ASSERT_NE(before_expiry, nullptr);
  EXPECT_NE(before_expiry->OwnProfile(), nullptr);

  anna_.clock().Advance(std::chrono::milliseconds(1));
  auto expired = LoadDirectory(anna_);
  ASSERT_NE(expired, nullptr);
  EXPECT_TRUE(expired->joined());
  EXPECT_EQ(expired->OwnProfile(), nullptr);
  EXPECT_EQ(expired->Search(Query("ivanova")).total, 0u);
}

TEST_F(DirectoryTest, ARenewalAfterExpiryOutranksEveryVersionSigned) {
  ASSERT_TRUE(Update(ProfileUpdate{}).ok());
  ASSERT_TRUE(Update(ProfileUpdate{}).ok());  // version 2, held by contacts
  anna_.clock().Advance(std::chrono::milliseconds(static_cast<std::int64_t>(kProfileLifetimeMs)));
  directory_ = LoadDirectory(anna_);
  ASSERT_NE(directory_, nullptr);
  ASSERT_EQ(directory_->OwnProfile(), nullptr);
  auto renewed = Update(ProfileUpdate{});
  ASSERT_TRUE(renewed.ok()) << renewed.status().message();
  EXPECT_EQ(renewed.value()->version, 3u);
}

TEST_F(DirectoryTest, AnInvalidFieldChangesNothing) {
  ProfileUpdate first;
  first.state = "UZ";
  first.languages = std::vector<std::string>{"ru"};
  auto v1 = Update(first);
  ASSERT_TRUE(v1.ok());
  const crypto::Bytes v1_encoded = v1.value()->encoded;

  struct Case {
    std::string field;
    ProfileUpdate update;
  };
  std::vector<Case> cases(5);
  cases[0] = {"state", {}};
  cases[0].update.state = "Uzbekistan";
  cases[0].update.role = "Would be lost";
  cases[1] = {"areas", {}};
  cases[1].update.areas = std::vector<std::string>{"labour"};
  cases[2] = {"languages", {}};
  cases[2].update.languages = std::vector<std::string>{"english"};
  cases[3] = {"bio", {}};
  cases[3].update.bio = std::string(kMaxBioBytes + 1, 'b');
  cases[4] = {"name", {}};
  cases[4].update.name_latin = "";
  cases[4].update.name_cyrillic = " ";
  for (const Case& c : cases) {
    auto result = Update(c.update);
    ASSERT_FALSE(result.ok()) << c.field;
    EXPECT_EQ(result.status().code(), Status::Code::kInvalidArgument);
    EXPECT_EQ(result.status().message(), c.field);
    ASSERT_NE(directory_->OwnProfile(), nullptr);
    EXPECT_EQ(directory_->OwnProfile()->version, 1u) << c.field;
    EXPECT_EQ(directory_->OwnProfile()->encoded, v1_encoded) << c.field;
  }
  EXPECT_EQ(directory_->Search(Query("lost")).total, 0u);
  auto reloaded = LoadDirectory(anna_);
  ASSERT_NE(reloaded, nullptr);
  EXPECT_EQ(reloaded->OwnProfile()->encoded, v1_encoded);

  // And the next valid update is version 2.
  auto v2 = Update(ProfileUpdate{});
  ASSERT_TRUE(v2.ok());
  EXPECT_EQ(v2.value()->version, 2u);
}

}  // namespace
}  // namespace parley::directory
