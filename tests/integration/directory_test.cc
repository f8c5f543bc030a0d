// The expert directory with real parleyd processes on loopback, driven by
// the real parley client: a secretariat creates the network, experts join
// with its charter, publish profiles, and find each other.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "tests/support/test_node.h"

namespace parley::testing {
namespace {

using nlohmann::json;

class Directory : public ::testing::Test {
 protected:
  void SetUp() override {
    secretariat_.Init();
    CreateNetwork(secretariat_, charter_path_);
    if (HasFatalFailure()) return;
    anna_.Init({"--charter", charter_path_});
    boris_.Init({"--charter", charter_path_});
  }

  TempDir files_;
  std::string charter_path_ = files_.path() + "/charter.parley";
  TestNode secretariat_{"Secretariat"};
  TestNode anna_{"Анна Иванова"};
  TestNode boris_{"Boris Petrov"};
};

TEST_F(Directory, MembersShareTheCharterAndItsTaxonomy) {
  secretariat_.Start();
  anna_.Start();
  auto anchor = secretariat_.Json({"network"});
  auto member = anna_.Json({"network"});
  EXPECT_EQ(anchor["name"], "Prague Process");
  EXPECT_TRUE(anchor["anchor"]);
  EXPECT_FALSE(member["anchor"]);
  EXPECT_EQ(anchor["network_id"], member["network_id"]);
  EXPECT_EQ(anchor["charter_fingerprint"], member["charter_fingerprint"]);
  ASSERT_EQ(member["areas"].size(), 6u);
  std::vector<std::string> priorities;
  for (const auto& area : member["areas"]) {
    if (area["priority"]) priorities.push_back(area["slug"]);
    EXPECT_FALSE(area["name_ru"].get<std::string>().empty());
    EXPECT_FALSE(area["topics"].empty());
  }
  EXPECT_EQ(priorities, (std::vector<std::string>{"irregular-migration", "return-reintegration",
                                                  "legal-migration", "asylum-protection"}));
}

TEST_F(Directory, ContactsSeeEachOthersProfilesAndFindThemAcrossScripts) {
  anna_.Start();
  boris_.Start();
  auto own = anna_.Json({"profile", "set", "--state", "uz", "--org", "Ministry of Employment",
                         "--role", "Head of the labour migration unit", "--areas",
                         "legal-migration,return-reintegration", "--languages", "ru,uz,EN", "--bio",
                         "Бывший консул; программы реинтеграции"});
  EXPECT_EQ(own["name_cyrillic"], "Анна Иванова");  // a first profile takes the node's name
  EXPECT_EQ(own["state"], "UZ");
  EXPECT_EQ(own["languages"], (json{"ru", "uz", "en"}));
  EXPECT_EQ(own["trust"], "self");
  EXPECT_EQ(own["version"], 1);

  anna_.AddContact(boris_, "boris");
  boris_.AddContact(anna_, "anna");
  // Anna's daemon sends her profile to Boris's as soon as their link is up.
  ASSERT_TRUE(WaitUntil([&] {
    return boris_.Client({"profile", "show", "anna"}).exit_code == 0;
  })) << boris_.DaemonLog();
  auto seen = boris_.Json({"profile", "show", "anna"});
  EXPECT_EQ(seen["fingerprint"], own["fingerprint"]);
  EXPECT_EQ(seen["org"], "Ministry of Employment");
  EXPECT_EQ(seen["trust"], "contact");
  EXPECT_EQ(seen["alias"], "anna");

  // Latin text finds the Cyrillic name; filters narrow it.
  auto found = boris_.Json({"directory", "search", "ivanova"});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]["name_cyrillic"], "Анна Иванова");
  EXPECT_EQ(found[0]["trust"], "contact");
  EXPECT_EQ(boris_
                .Json({"directory", "search", "--state", "UZ", "--area", "legal-migration",
                       "--lang", "uz"})
                .size(),
            1u);
  EXPECT_TRUE(boris_.Json({"directory", "search", "ivanova", "--state", "AM"}).empty());
  EXPECT_EQ(boris_.Json({"directory", "search", "реинтеграции"}).size(), 1u);

  // A new version reaches the contact too, and replaces the old one.
  anna_.Json({"profile", "set", "--name-latin", "Anna Ivanova", "--state", "AM"});
  ASSERT_TRUE(WaitUntil([&] { return boris_.Json({"profile", "show", "anna"})["version"] == 2; }));
  EXPECT_TRUE(boris_.Json({"directory", "search", "--state", "UZ"}).empty());
  EXPECT_EQ(boris_.Json({"directory", "search", "anna", "--state", "AM"}).size(), 1u);

  // Kept across a restart, as everything else in the store.
  boris_.Stop();
  boris_.Start();
  EXPECT_EQ(boris_.Json({"profile", "show", "anna"})["name_latin"], "Anna Ivanova");
}

TEST_F(Directory, BadProfileFieldsAndMissingNetworkAreClearErrors) {
  anna_.Start();
  auto bad_state = anna_.Client({"profile", "set", "--state", "XX"});
  EXPECT_NE(bad_state.exit_code, 0);
  EXPECT_NE(bad_state.err.find("state"), std::string::npos) << bad_state.err;
  auto bad_area =
      anna_.Client({"profile", "set", "--areas", "astrology"}, {{"LANG", "ru_RU.UTF-8"}});
  EXPECT_NE(bad_area.exit_code, 0);
  EXPECT_NE(bad_area.err.find("parley network"), std::string::npos) << bad_area.err;
  EXPECT_NE(anna_.Client({"profile", "show"}).exit_code, 0);  // nothing set yet

  TestNode loner{"Loner"};
  loner.Init();
  loner.Start();
  auto no_network = loner.Client({"directory", "search", "x"});
  EXPECT_NE(no_network.exit_code, 0);
  EXPECT_NE(no_network.err.find("parleyd"), std::string::npos) << no_network.err;
}

TEST_F(Directory, ACharterIsCheckedBeforeJoiningAndANodeJoinsOnce) {
  {
    std::ofstream tampered(files_.path() + "/tampered.parley");
    std::ifstream original(charter_path_);
    std::string text;
    std::getline(original, text);
    text[text.size() / 2] = text[text.size() / 2] == 'A' ? 'B' : 'A';
    tampered << text << "\n";
  }
  TestNode mallory{"Mallory"};
  auto result = mallory.Parleyd({"init", "--name", "Mallory", "--kdf", "interactive", "--charter",
                                 files_.path() + "/tampered.parley"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("not a valid charter"), std::string::npos) << result.err;
  EXPECT_EQ(mallory.Parleyd({"status"}).exit_code, 2);  // and no store was made

  auto again = anna_.Parleyd(
      {"network", "create", "--name", "Other", "--out", files_.path() + "/other.parley"});
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("one network"), std::string::npos) << again.err;
}

TEST_F(Directory, TheSecretariatAmendsTheTaxonomyAndEveryMemberFollows) {
  for (TestNode* node : {&secretariat_, &anna_, &boris_}) node->Start();
  // Boris knows only Anna, who knows the secretariat.
  secretariat_.AddContact(anna_, "anna");
  anna_.AddContact(secretariat_, "secretariat");
  anna_.AddContact(boris_, "boris");
  boris_.AddContact(anna_, "anna");

  // Export, edit, amend.
  json taxonomy = secretariat_.Json({"network"});
  taxonomy["areas"].push_back({{"slug", "climate-mobility"},
                               {"name_en", "Climate and mobility"},
                               {"name_ru", "Климат и мобильность"},
                               {"priority", false},
                               {"topics", json::array()}});
  const std::string file = files_.path() + "/taxonomy.json";
  std::ofstream(file) << taxonomy.dump(2);
  auto not_anchor = anna_.Client({"network", "amend", "--taxonomy", file});
  EXPECT_NE(not_anchor.exit_code, 0);
  EXPECT_NE(not_anchor.err.find("anchor"), std::string::npos) << not_anchor.err;
  auto amended = secretariat_.Json(
      {"network", "amend", "--taxonomy", file, "--name", "Prague Process Dialogue"});
  EXPECT_EQ(amended["charter_version"], 2);
  EXPECT_EQ(amended["areas"].size(), 7u);

  // Every member receives it by sync, the secretariat's non-contact too.
  for (TestNode* member : {&anna_, &boris_}) {
    ASSERT_TRUE(WaitUntil([&] { return member->Json({"network"})["charter_version"] == 2; }))
        << member->name() << member->DaemonLog();
    auto network = member->Json({"network"});
    EXPECT_EQ(network["name"], "Prague Process Dialogue");
    EXPECT_EQ(network["areas"].back()["name_ru"], "Климат и мобильность");
  }
  // The new area is usable at once, and found.
  anna_.Json({"profile", "set", "--state", "UZ", "--areas", "climate-mobility"});
  ASSERT_TRUE(WaitUntil([&] {
    return boris_.Json({"directory", "search", "--area", "climate-mobility"}).size() == 1;
  })) << boris_.DaemonLog();

  // An area is never removed: profiles name them.
  taxonomy["areas"].erase(0);
  std::ofstream(file, std::ios::trunc) << taxonomy.dump();
  auto removed = secretariat_.Client({"network", "amend", "--taxonomy", file});
  EXPECT_NE(removed.exit_code, 0);
  EXPECT_NE(removed.err.find("irregular-migration"), std::string::npos) << removed.err;
  EXPECT_EQ(secretariat_.Json({"network"})["charter_version"], 2);

  // A restarted member keeps the version it learnt.
  boris_.Stop();
  boris_.Start();
  EXPECT_EQ(boris_.Json({"network"})["charter_version"], 2);
}

// A second secretariat office becomes an anchor: it endorses members of any
// state, cannot amend (only the first anchor signs the next version), and
// once removed, what it endorsed stops counting everywhere.
TEST_F(Directory, TheFirstAnchorAddsAndRemovesAnotherAnchor) {
  for (TestNode* node : {&secretariat_, &anna_, &boris_}) node->Start();
  secretariat_.AddContact(anna_, "anna");
  anna_.AddContact(secretariat_, "secretariat");
  anna_.AddContact(boris_, "boris");
  boris_.AddContact(anna_, "anna");
  boris_.Json({"profile", "set", "--name-latin", "Boris Karimov", "--state", "UZ"});

  // Anna's node makes its anchor key; asking again shows the same one.
  json key = anna_.Json({"network", "anchor-key"});
  EXPECT_EQ(key["anchor"], false);
  EXPECT_EQ(anna_.Json({"network", "anchor-key"})["key"], key["key"]);
  auto no_key = secretariat_.Client({"network", "amend", "--add-anchor", "parley-anchor:AAAA"});
  EXPECT_NE(no_key.exit_code, 0);
  EXPECT_NE(no_key.err.find("anchor"), std::string::npos) << no_key.err;

  json amended = secretariat_.Json({"network", "amend", "--add-anchor", key["key"]});
  EXPECT_EQ(amended["charter_version"], 2);
  ASSERT_EQ(amended["anchors"].size(), 2u);
  EXPECT_EQ(amended["anchors"][1], key["fingerprint"]);
  EXPECT_EQ(amended["first_anchor"], true);
  ASSERT_TRUE(WaitUntil([&] { return anna_.Json({"network"})["anchor"] == true; }))
      << anna_.DaemonLog();
  EXPECT_EQ(anna_.Json({"network"})["first_anchor"], false);
  EXPECT_EQ(anna_.Json({"network", "anchor-key"})["anchor"], true);
  auto human = anna_.Client({"network"});
  EXPECT_NE(human.out.find(key["fingerprint"].get<std::string>()), std::string::npos) << human.out;

  // The new anchor endorses a member of any state; the secretariat, no
  // contact of Boris, finds him.
  anna_.Json({"endorse", "boris", "--org", "Migration Agency"});
  ASSERT_TRUE(WaitUntil([&] {
    return secretariat_.Json({"directory", "search", "Karimov"}).size() == 1;
  })) << secretariat_.DaemonLog();
  // Only the first anchor amends.
  auto not_first = anna_.Client({"network", "amend", "--name", "Hijacked"});
  EXPECT_NE(not_first.exit_code, 0);
  EXPECT_NE(not_first.err.find("first anchor"), std::string::npos) << not_first.err;
  auto self_removal = secretariat_.Client(
      {"network", "amend", "--remove-anchor", amended["anchors"][0].get<std::string>()});
  EXPECT_NE(self_removal.exit_code, 0);
  auto ru = anna_.Client({"--lang", "ru", "network", "amend", "--name", "Hijacked"});
  EXPECT_NE(ru.err.find("первый якорь"), std::string::npos) << ru.err;

  // Removed, its endorsement holds no more.
  json removed = secretariat_.Json(
      {"network", "amend", "--remove-anchor", key["fingerprint"].get<std::string>()});
  EXPECT_EQ(removed["charter_version"], 3);
  EXPECT_EQ(removed["anchors"].size(), 1u);
  ASSERT_TRUE(WaitUntil([&] {
    return secretariat_.Json({"directory", "search", "Karimov"}).empty();
  })) << secretariat_.DaemonLog();
  ASSERT_TRUE(WaitUntil([&] { return anna_.Json({"network"})["anchor"] == false; }));
  EXPECT_NE(anna_.Client({"endorse", "boris", "--org", "Migration Agency"}).exit_code, 0);
}

}  // namespace
}  // namespace parley::testing
