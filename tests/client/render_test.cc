// client/render: JSON documents (exact keys and types of the contract),
// ISO times, tables, terminal safety, safety numbers, QR codes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "client/qr.h"
#include "client/render/human.h"
#include "client/render/json.h"
#include "client/render/table.h"
#include "client/render/text.h"
#include "client/render/time.h"

namespace parley::client::render {
namespace {

using nlohmann::json;

std::set<std::string> Keys(const json& object) {
  std::set<std::string> keys;
  for (const auto& item : object.items()) keys.insert(item.key());
  return keys;
}

TEST(TimeTest, IsoUtcWithMilliseconds) {
  EXPECT_EQ(IsoUtc(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(IsoUtc(1795536069123), "2026-11-24T16:01:09.123Z");
  EXPECT_EQ(IsoUtc(1709164800000), "2024-02-29T00:00:00.000Z");
  EXPECT_EQ(IsoUtc(951782400000), "2000-02-29T00:00:00.000Z");
  EXPECT_EQ(IsoUtc(4102444799999), "2099-12-31T23:59:59.999Z");
}

TEST(JsonTest, Status) {
  api::StatusReply status;
  status.set_fingerprint("3f2a 91c0");
  status.set_listen("tcp://0.0.0.0:7400");
  status.set_contacts(3);
  status.set_version("0.1.0");
  status.set_name("Анна");
  status.set_pending_requests(1);
  status.set_queued_messages(2);
  json document = StatusJson(status);
  EXPECT_EQ(Keys(document), (std::set<std::string>{"fingerprint", "listen", "contacts", "version",
                                                   "name", "pending_requests", "queued_messages"}));
  EXPECT_TRUE(document["contacts"].is_number_unsigned());
  EXPECT_EQ(document["contacts"], 3);
  EXPECT_TRUE(document["fingerprint"].is_string());
  EXPECT_EQ(document["name"], "Анна");
}

TEST(JsonTest, InviteAndSend) {
  api::InviteReply invite;
  invite.set_card("parley:abc");
  EXPECT_EQ(InviteJson(invite), (json{{"card", "parley:abc"}}));
  api::SendReply send;
  send.set_id("00112233445566778899aabbccddeeff");
  EXPECT_EQ(SendJson(send), (json{{"id", "00112233445566778899aabbccddeeff"}}));
}

TEST(JsonTest, ContactsAndTrust) {
  api::ContactList list;
  auto* bob = list.add_contacts();
  bob->set_alias("bob");
  bob->set_fingerprint("aaaa bbbb");
  bob->set_trust(api::TRUST_VERIFIED);
  bob->set_online(true);
  auto* ivan = list.add_contacts();
  ivan->set_alias("иван");
  json document = ContactsJson(list);
  ASSERT_TRUE(document.is_array());
  ASSERT_EQ(document.size(), 2u);
  EXPECT_EQ(Keys(document[0]),
            (std::set<std::string>{"alias", "fingerprint", "trust", "online", "name", "endpoint",
                                   "endorsements", "revoked"}));
  EXPECT_EQ(document[0]["revoked"], false);
  EXPECT_EQ(document[0]["endorsements"], json::array());
  EXPECT_EQ(document[0]["trust"], "verified");
  EXPECT_EQ(document[0]["online"], true);
  EXPECT_TRUE(document[1]["online"].is_boolean());
  EXPECT_EQ(document[1]["trust"], "unverified");
  EXPECT_EQ(document[1]["alias"], "иван");
  EXPECT_EQ(ContactsJson(api::ContactList()), json::array());
}

TEST(JsonTest, Verify) {
  api::VerifyContactReply verify;
  verify.set_alias("bob");
  verify.set_safety_number("12345 67890");
  verify.set_trust(api::TRUST_UNVERIFIED);
  EXPECT_EQ(VerifyJson(verify),
            (json{{"alias", "bob"}, {"safety_number", "12345 67890"}, {"trust", "unverified"}}));
}

TEST(JsonTest, AChangedKeyIsItsOwnTrust) {
  api::VerifyContactReply verify;
  verify.set_alias("bob");
  verify.set_trust(api::TRUST_KEY_CHANGED);
  EXPECT_EQ(VerifyJson(verify)["trust"], "key-changed");
}

TEST(JsonTest, Requests) {
  api::FirstContactList list;
  auto* request = list.add_requests();
  request->set_id(7);
  request->set_name("Пётр");
  request->set_fingerprint("cccc");
  request->set_messages(2);
  request->set_received_at_ms(1795536069123);
  json document = RequestsJson(list);
  ASSERT_EQ(document.size(), 1u);
  EXPECT_EQ(Keys(document[0]),
            (std::set<std::string>{"id", "name", "fingerprint", "messages", "time"}));
  EXPECT_TRUE(document[0]["id"].is_number_unsigned());
  EXPECT_EQ(document[0]["id"], 7);
  EXPECT_EQ(document[0]["messages"], 2);
  EXPECT_EQ(document[0]["time"], "2026-11-24T16:01:09.123Z");
}

TEST(JsonTest, MessagesDirectionsStatesAndCyrillic) {
  api::MessageList list;
  auto add = [&](api::Direction direction, api::MessageState state, const std::string& text) {
    auto* message = list.add_messages();
    message->set_id("id" + std::to_string(list.messages_size()));
    message->set_direction(direction);
    message->set_state(state);
    message->set_text(text);
    message->set_time_ms(1795536069123);
  };
  add(api::IN, api::DELIVERED, "Привет, как дела? 👋");
  add(api::OUT, api::QUEUED, "a");
  add(api::OUT, api::SENT, "b");
  add(api::OUT, api::DELIVERED, "c");
  json document = MessagesJson(list);
  ASSERT_EQ(document.size(), 4u);
  EXPECT_EQ(Keys(document[0]), (std::set<std::string>{"id", "direction", "text", "state", "time"}));
  EXPECT_EQ(document[0]["direction"], "in");
  EXPECT_EQ(document[1]["direction"], "out");
  EXPECT_EQ(document[1]["state"], "queued");
  EXPECT_EQ(document[2]["state"], "sent");
  EXPECT_EQ(document[3]["state"], "delivered");
  EXPECT_EQ(document[0]["time"], "2026-11-24T16:01:09.123Z");

  // Printed unescaped and parsed back unchanged.
  std::string printed = Dump(document);
  EXPECT_NE(printed.find("Привет, как дела? 👋"), std::string::npos);
  EXPECT_EQ(json::parse(printed)[0]["text"], "Привет, как дела? 👋");
}

TEST(JsonTest, ErrorShapeAndInvalidUtf8DoesNotThrow) {
  EXPECT_EQ(ErrorJson("unknown_contact", "No contact named 'x'."),
            (json{{"error", {{"code", "unknown_contact"}, {"message", "No contact named 'x'."}}}}));
  api::Message broken;
  broken.set_text("\xff");
  EXPECT_NO_THROW(Dump(MessageJson(broken)));
}

api::Profile SampleProfile() {
  api::Profile profile;
  profile.set_fingerprint("3f2a 91c0");
  profile.set_name_latin("Anna Petrova");
  profile.set_name_cyrillic("Анна Петрова");
  profile.set_state("UZ");
  profile.set_organisation("Агентство «Миграция»");
  profile.set_role("Head of unit");
  profile.add_areas("legal-migration");
  profile.add_languages("ru");
  profile.add_languages("uz");
  profile.set_bio("Первая строка\nsecond line");
  profile.set_version(7);
  profile.set_updated_at_ms(1795536069123);
  profile.set_expires_at_ms(1709164800000);
  profile.set_trust(api::DIRECTORY_TRUST_CONTACT);
  profile.set_alias("anna");
  return profile;
}

TEST(JsonTest, DirectoryTrustNames) {
  EXPECT_EQ(DirectoryTrustName(api::DIRECTORY_TRUST_SELF), "self");
  EXPECT_EQ(DirectoryTrustName(api::DIRECTORY_TRUST_VERIFIED), "verified");
  EXPECT_EQ(DirectoryTrustName(api::DIRECTORY_TRUST_CONTACT), "contact");
  EXPECT_EQ(DirectoryTrustName(api::DIRECTORY_TRUST_ENDORSED), "endorsed");
  EXPECT_EQ(DirectoryTrustName(api::DIRECTORY_TRUST_UNKNOWN), "unknown");
  EXPECT_EQ(DirectoryTrustName(api::DIRECTORY_TRUST_REVOKED), "revoked");
  EXPECT_EQ(DirectoryTrustName(api::DIRECTORY_TRUST_KEY_CHANGED), "key-changed");
  EXPECT_EQ(DirectoryTrustName(static_cast<api::DirectoryTrust>(42)), "unknown");  // a newer daemon
}

TEST(JsonTest, ProfileKeysTypesAndTimes) {
  json document = ProfileJson(SampleProfile());
  EXPECT_EQ(Keys(document),
            (std::set<std::string>{"fingerprint", "name_latin", "name_cyrillic", "state", "org",
                                   "role", "areas", "languages", "bio", "version", "updated",
                                   "expires", "trust", "alias", "endorsements"}));
  EXPECT_EQ(document["endorsements"], json::array());  // "contact_point_of" only when one
  EXPECT_EQ(document["org"], "Агентство «Миграция»");
  EXPECT_EQ(document["areas"], json::array({"legal-migration"}));
  EXPECT_EQ(document["languages"], json::array({"ru", "uz"}));
  EXPECT_TRUE(document["version"].is_number_unsigned());
  EXPECT_EQ(document["version"], 7);
  EXPECT_EQ(document["updated"], "2026-11-24T16:01:09.123Z");
  EXPECT_EQ(document["expires"], "2024-02-29T00:00:00.000Z");
  EXPECT_EQ(document["trust"], "contact");
  EXPECT_EQ(document["alias"], "anna");
  EXPECT_EQ(document["bio"], "Первая строка\nsecond line");
  // Empty lists stay lists.
  EXPECT_EQ(ProfileJson(api::Profile())["areas"], json::array());
  EXPECT_EQ(ProfileJson(api::Profile())["trust"], "unknown");

  // Cyrillic is printed unescaped and parses back unchanged.
  const std::string printed = Dump(document);
  EXPECT_NE(printed.find("Анна Петрова"), std::string::npos);
  EXPECT_EQ(json::parse(printed), document);
}

TEST(JsonTest, DirectoryPageIsAListOfTheContractsKeys) {
  api::DirectoryPage page;
  *page.add_profiles() = SampleProfile();
  page.add_profiles()->set_name_cyrillic("Мария");
  page.set_total(30);
  json document = DirectoryJson(page);
  ASSERT_TRUE(document.is_array());
  ASSERT_EQ(document.size(), 2u);
  for (const auto& entry : document) {
    EXPECT_EQ(Keys(entry),
              (std::set<std::string>{"fingerprint", "name_latin", "name_cyrillic", "state", "org",
                                     "role", "areas", "languages", "trust", "endorsements"}));
    EXPECT_TRUE(entry["areas"].is_array());
    EXPECT_TRUE(entry["languages"].is_array());
  }
  EXPECT_EQ(document[0]["org"], "Агентство «Миграция»");
  EXPECT_EQ(document[1]["name_cyrillic"], "Мария");
  EXPECT_EQ(document[1]["trust"], "unknown");
  EXPECT_EQ(json::parse(Dump(document)), document);
  EXPECT_EQ(DirectoryJson(api::DirectoryPage()), json::array());
}

// Endorsed by Armenia's contact point, whom anchor "abcd ef01 ..." delegated.
api::Endorsement ByContactPoint() {
  api::Endorsement endorsement;
  endorsement.set_subject_fingerprint("7777 6666 5555 4444 3333 2222 1111 0000 aaaa bbbb");
  endorsement.set_organisation("Migration Service");
  endorsement.set_state("AM");
  endorsement.set_endorser_fingerprint("9999 8888 7777 6666 5555 4444 3333 2222 1111 0000");
  endorsement.set_endorser_name("Ivan Ivanov");
  endorsement.set_endorser_is_anchor(false);
  endorsement.set_anchor_fingerprint("abcd ef01 2345 6789 abcd ef01 2345 6789 abcd ef01");
  endorsement.set_issued_at_ms(1795536069123);
  return endorsement;
}

api::Endorsement ByAnchor() {
  api::Endorsement endorsement = ByContactPoint();
  endorsement.set_endorser_fingerprint(endorsement.anchor_fingerprint());
  endorsement.set_endorser_name("Secretariat");
  endorsement.set_endorser_is_anchor(true);
  return endorsement;
}

api::ContactPoint Armenia() {
  api::ContactPoint contact_point;
  contact_point.set_fingerprint("9999 8888 7777 6666 5555 4444 3333 2222 1111 0000");
  contact_point.set_name("Иван Иванов");
  contact_point.set_alias("иван");
  contact_point.set_state("AM");
  contact_point.set_suspended(false);
  contact_point.set_issued_at_ms(1709164800000);
  contact_point.set_anchor_fingerprint("abcd ef01 2345 6789 abcd ef01 2345 6789 abcd ef01");
  return contact_point;
}

TEST(JsonTest, EndorsementKeysTypesAndTimes) {
  const json document = EndorsementJson(ByContactPoint());
  EXPECT_EQ(document, (json{{"subject", "7777 6666 5555 4444 3333 2222 1111 0000 aaaa bbbb"},
                            {"organisation", "Migration Service"},
                            {"state", "AM"},
                            {"endorser", "9999 8888 7777 6666 5555 4444 3333 2222 1111 0000"},
                            {"endorser_name", "Ivan Ivanov"},
                            {"endorser_is_anchor", false},
                            {"anchor", "abcd ef01 2345 6789 abcd ef01 2345 6789 abcd ef01"},
                            {"issued_at", "2026-11-24T16:01:09.123Z"}}));
  EXPECT_TRUE(EndorsementJson(ByAnchor())["endorser_is_anchor"].is_boolean());
  EXPECT_EQ(EndorsementJson(ByAnchor())["endorser_is_anchor"], true);
}

TEST(JsonTest, ContactPointKeysTypesAndList) {
  api::ContactPointList list;
  *list.add_contact_points() = Armenia();
  *list.add_contact_points() = Armenia();
  list.mutable_contact_points(1)->set_state("UZ");
  list.mutable_contact_points(1)->set_suspended(true);
  const json document = ContactPointsJson(list);
  ASSERT_TRUE(document.is_array());
  ASSERT_EQ(document.size(), 2u);
  EXPECT_EQ(document[0], (json{{"fingerprint", "9999 8888 7777 6666 5555 4444 3333 2222 1111 0000"},
                               {"name", "Иван Иванов"},
                               {"alias", "иван"},
                               {"state", "AM"},
                               {"suspended", false},
                               {"issued_at", "2024-02-29T00:00:00.000Z"},
                               {"anchor", "abcd ef01 2345 6789 abcd ef01 2345 6789 abcd ef01"}}));
  EXPECT_EQ(document[1]["suspended"], true);
  EXPECT_EQ(ContactPointJson(Armenia()), document[0]);
  EXPECT_EQ(ContactPointsJson(api::ContactPointList()), json::array());
}

TEST(JsonTest, EndorsementsInProfilesEntriesAndContacts) {
  api::Profile profile = SampleProfile();
  profile.set_trust(api::DIRECTORY_TRUST_ENDORSED);
  *profile.add_endorsements() = ByContactPoint();
  *profile.add_endorsements() = ByAnchor();
  profile.set_contact_point_of("UZ");
  for (const json& document : {ProfileJson(profile), DirectoryEntryJson(profile)}) {
    EXPECT_EQ(document["trust"], "endorsed");
    ASSERT_EQ(document["endorsements"].size(), 2u);
    EXPECT_EQ(document["endorsements"][0], EndorsementJson(ByContactPoint()));
    EXPECT_EQ(document["endorsements"][1], EndorsementJson(ByAnchor()));
    EXPECT_EQ(document["contact_point_of"], "UZ");
  }
  api::ContactList contacts;
  *contacts.add_contacts()->add_endorsements() = ByAnchor();
  EXPECT_EQ(ContactsJson(contacts)[0]["endorsements"], json::array({EndorsementJson(ByAnchor())}));
}

TEST(JsonTest, NetworkKeysAndTypes) {
  api::NetworkReply network;
  network.set_name("Пражский процесс");
  network.set_network_id("00ff");
  network.set_charter_version(3);
  network.set_anchor(true);
  network.set_charter_fingerprint("abcd");
  auto* area = network.add_areas();
  area->set_slug("asylum-protection");
  area->set_name_en("Asylum and international protection");
  area->set_name_ru("Убежище и международная защита");
  area->set_priority(true);
  area->add_topics()->set_slug("reception");
  json document = NetworkJson(network);
  EXPECT_EQ(Keys(document),
            (std::set<std::string>{"name", "network_id", "charter_version", "anchor",
                                   "first_anchor", "charter_fingerprint", "anchors", "areas"}));
  EXPECT_TRUE(document["anchors"].is_array());
  EXPECT_TRUE(document["charter_version"].is_number_unsigned());
  EXPECT_TRUE(document["anchor"].is_boolean());
  ASSERT_EQ(document["areas"].size(), 1u);
  EXPECT_EQ(Keys(document["areas"][0]),
            (std::set<std::string>{"slug", "name_en", "name_ru", "priority", "topics"}));
  EXPECT_EQ(document["areas"][0]["priority"], true);
  EXPECT_EQ(document["areas"][0]["name_ru"], "Убежище и международная защита");
  EXPECT_EQ(document["areas"][0]["topics"],
            json::array({{{"slug", "reception"}, {"name_en", ""}, {"name_ru", ""}}}));
  EXPECT_EQ(json::parse(Dump(document))["name"], "Пражский процесс");
}

TEST(TextTest, WidthSafetyShorten) {
  EXPECT_EQ(DisplayWidth("abc"), 3u);
  EXPECT_EQ(DisplayWidth("Привет"), 6u);
  EXPECT_EQ(DisplayWidth("日本"), 4u);
  EXPECT_TRUE(IsValidUtf8("Привет"));
  EXPECT_FALSE(IsValidUtf8("\xd0"));
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));  // overlong
  EXPECT_EQ(ForTerminal("a\x1b[31mred"), "a\xEF\xBF\xBD[31mred");
  EXPECT_EQ(ForTerminal("x\xC2\x9By"), "x\xEF\xBF\xBDy");  // C1 CSI
  EXPECT_EQ(ForTerminal("a\xE2\x80\xAE"
                        "b"),
            "a\xEF\xBF\xBD"
            "b");  // RLO
  EXPECT_EQ(ForTerminal("one\ntwo"), "one two");
  EXPECT_EQ(ForTerminal("one\ntwo", true), "one\ntwo");
  EXPECT_EQ(ForTerminal("Привет"), "Привет");
  EXPECT_EQ(Shorten("Привет, мир", 7), "Привет…");
  EXPECT_EQ(Shorten("short", 7), "short");
}

TEST(TextTest, WrapReflowsParagraphsOnly) {
  EXPECT_EQ(Wrap("один два три\nчетыре пять\n\n  --opt  kept as it is, however long\nend", 12),
            "один два три\nчетыре пять\n\n  --opt  kept as it is, however long\nend");
  EXPECT_EQ(Wrap("aaa bbb ccc", 7), "aaa bbb\nccc");
  EXPECT_EQ(Wrap("aaa bbb ccc\n", 7), "aaa bbb\nccc\n");
}

TEST(TableTest, AlignsByDisplayWidth) {
  Table table({"ALIAS", "NAME", "TEXT"});
  table.AddRow({"иван", "Иван Петров", "one"});
  table.AddRow({"bob", "Bob", "two\nlines"});
  EXPECT_EQ(table.Render(),
            "ALIAS  NAME         TEXT\n"
            "иван   Иван Петров  one\n"
            "bob    Bob          two\n"
            "                    lines\n");
}

TEST(HumanTest, SafetyNumberInThreeLinesOfFourGroups) {
  std::string number;
  for (int i = 0; i < 12; ++i)
    number += (i ? " " : "") + std::string(5, static_cast<char>('0' + i % 10));
  EXPECT_EQ(SafetyNumberLines(number),
            "  00000 11111 22222 33333\n"
            "  44444 55555 66666 77777\n"
            "  88888 99999 00000 11111\n");
  std::string raw;
  for (int i = 0; i < 60; ++i) raw += static_cast<char>('0' + i % 10);
  const std::string lines = SafetyNumberLines(raw);
  EXPECT_EQ(std::count(lines.begin(), lines.end(), '\n'), 3);
}

TEST(HumanTest, ContactsTableIsTranslated) {
  api::ContactList list;
  auto* contact = list.add_contacts();
  contact->set_alias("bob");
  contact->set_trust(api::TRUST_VERIFIED);
  std::string russian = ContactsText(list, i18n::Lang::kRu);
  EXPECT_NE(russian.find("ПСЕВДОНИМ"), std::string::npos);
  EXPECT_NE(russian.find("подтверждён"), std::string::npos);
  EXPECT_NE(ContactsText(api::ContactList(), i18n::Lang::kEn).find("parley contacts add"),
            std::string::npos);
}

TEST(HumanTest, AChangedKeyAsksForTheNewNumberToBeCompared) {
  api::VerifyContactReply verify;
  verify.set_alias("bob");
  verify.set_safety_number(std::string(60, '1'));
  verify.set_trust(api::TRUST_KEY_CHANGED);
  for (auto lang : {i18n::Lang::kEn, i18n::Lang::kRu}) {
    const std::string text = VerifyText(verify, false, lang);
    EXPECT_NE(text.find("parley contacts verify bob --confirm"), std::string::npos) << text;
    EXPECT_EQ(text.find("parley contacts verify bob --confirm"),
              text.rfind("parley contacts verify bob --confirm"));
  }
  EXPECT_NE(VerifyText(verify, false, i18n::Lang::kEn).find("key changed"), std::string::npos);
  EXPECT_NE(VerifyText(verify, false, i18n::Lang::kRu).find("Ключ bob изменился"),
            std::string::npos);
  api::ContactList list;
  auto* contact = list.add_contacts();
  contact->set_alias("bob");
  contact->set_trust(api::TRUST_KEY_CHANGED);
  EXPECT_NE(ContactsText(list, i18n::Lang::kEn).find("KEY CHANGED"), std::string::npos);
  EXPECT_NE(ContactsText(list, i18n::Lang::kRu).find("КЛЮЧ ИЗМЕНИЛСЯ"), std::string::npos);
}

TEST(HumanTest, NetworkAreasTopicsAndLanguageFallback) {
  api::NetworkReply network;
  network.set_name("PP");
  network.set_network_id("00ff");
  network.set_charter_version(1);
  network.set_anchor(true);
  network.set_charter_fingerprint("abcd");
  auto* asylum = network.add_areas();
  asylum->set_slug("asylum-protection");
  asylum->set_name_en("Asylum and international protection");
  asylum->set_name_ru("Убежище и международная защита");
  asylum->set_priority(true);
  auto* reception = asylum->add_topics();
  reception->set_slug("reception");
  reception->set_name_en("Reception conditions");
  auto* resettlement = asylum->add_topics();
  resettlement->set_slug("resettlement");
  resettlement->set_name_en("Resettlement");
  resettlement->set_name_ru("Переселение");
  auto* development = network.add_areas();
  development->set_slug("migration-development");
  development->set_name_en(
      "Migration and development, with a name long enough to be wrapped "
      "onto a second line");
  EXPECT_EQ(NetworkText(network, i18n::Lang::kEn),
            "Network:             PP\n"
            "Network ID:          00ff\n"
            "Charter version:     1\n"
            "This node:           an anchor of the network (it holds an anchor key)\n"
            "Anchor fingerprint:  abcd\n"
            "\n"
            "Thematic areas (* marks the states' current priorities):\n"
            "\n"
            "* asylum-protection\n"
            "    Asylum and international protection\n"
            "      reception     Reception conditions\n"
            "      resettlement  Resettlement\n"
            "\n"
            "  migration-development\n"
            "    Migration and development, with a name long enough to be wrapped onto a\n"
            "    second line\n"
            "\n"
            "Use these slugs in 'parley profile set --areas SLUG,...' and 'parley directory\n"
            "search --area SLUG'.\n");
  const std::string russian = NetworkText(network, i18n::Lang::kRu);
  EXPECT_NE(russian.find("    Убежище и международная защита\n"), std::string::npos) << russian;
  EXPECT_NE(russian.find("      reception     Reception conditions\n"), std::string::npos)
      << russian;  // no Russian name: the English one
  EXPECT_NE(russian.find("      resettlement  Переселение\n"), std::string::npos);
  EXPECT_NE(russian.find("Тематические области (* — текущие приоритеты государств):"),
            std::string::npos);

  EXPECT_NE(NetworkText(api::NetworkReply(), i18n::Lang::kEn)
                .find("The charter lists no thematic areas."),
            std::string::npos);
}

TEST(HumanTest, NetworkAmendedSaysSoThenShowsTheNetwork) {
  api::NetworkReply network;
  network.set_name("PP");
  network.set_charter_version(7);
  network.set_anchor(true);
  auto* area = network.add_areas();
  area->set_slug("integration");
  area->set_name_en("Integration");
  area->set_name_ru("Интеграция");
  EXPECT_EQ(NetworkAmendedText(network, i18n::Lang::kEn),
            "Amended: the charter is signed, version 7. Members receive it as the directory\n"
            "syncs.\n\n" +
                NetworkText(network, i18n::Lang::kEn));
  EXPECT_EQ(NetworkAmendedText(network, i18n::Lang::kRu),
            "Изменено: устав подписан, версия 7. Участники получат его при синхронизации\n"
            "справочника.\n\n" +
                NetworkText(network, i18n::Lang::kRu));
}

TEST(HumanTest, ProfileFieldsEmptyDashesAndMultiLineBio) {
  const std::string text = ProfileText(SampleProfile(), i18n::Lang::kEn);
  EXPECT_EQ(text,
            "Name (Latin):     Anna Petrova\n"
            "Name (Cyrillic):  Анна Петрова\n"
            "Alias:            anna\n"
            "Fingerprint:      3f2a 91c0\n"
            "State:            UZ\n"
            "Organisation:     Агентство «Миграция»\n"
            "Role:             Head of unit\n"
            "Areas:            legal-migration\n"
            "Languages:        ru, uz\n"
            "Trust:            contact, not verified\n"
            "Version:          7\n"
            "Updated:          " +
                LocalDateTime(1795536069123) +
                "\n"
                "Expires:          " +
                LocalDateTime(1709164800000) +
                "\n"
                "About:            Первая строка\n"
                "                  second line\n");

  api::Profile bare;
  bare.set_name_cyrillic("Иван\x1b[2J");  // a terminal escape from a peer
  bare.set_trust(api::DIRECTORY_TRUST_SELF);
  const std::string russian = ProfileText(bare, i18n::Lang::kRu);
  EXPECT_NE(russian.find("Имя (латиница):   —\n"), std::string::npos) << russian;
  EXPECT_NE(russian.find("Имя (кириллица):  Иван\xEF\xBF\xBD[2J\n"), std::string::npos);
  EXPECT_NE(russian.find("Доверие:          вы\n"), std::string::npos);
  EXPECT_NE(russian.find("О себе:           —\n"), std::string::npos);
  EXPECT_EQ(russian.find("Псевдоним"), std::string::npos);

  // A long bio is wrapped to the value column.
  api::Profile wordy;
  std::string bio;
  for (int i = 0; i < 30; ++i) bio += "word ";
  wordy.set_bio(bio);
  const std::string wrapped = ProfileText(wordy, i18n::Lang::kEn);
  std::size_t start = 0;
  while (start < wrapped.size()) {
    const std::size_t end = wrapped.find('\n', start);
    EXPECT_LE(DisplayWidth(wrapped.substr(start, end - start)), 79u);
    start = end + 1;
  }
  EXPECT_NE(wrapped.find("\n                  word"), std::string::npos) << wrapped;

  EXPECT_EQ(ProfileSavedText(SampleProfile(), i18n::Lang::kRu)
                .rfind("Сохранено: ваш профиль подписан, версия 7.", 0),
            0u);
}

TEST(HumanTest, DirectoryPageNumberedFromTheOffset) {
  api::DirectoryPage page;
  page.set_total(12);
  for (int i = 0; i < 2; ++i) {
    auto* profile = page.add_profiles();
    profile->set_fingerprint("ff0" + std::to_string(i));
    profile->set_name_latin("Expert " + std::to_string(i));
    profile->set_trust(i == 0 ? api::DIRECTORY_TRUST_SELF : api::DIRECTORY_TRUST_CONTACT);
  }
  page.mutable_profiles(1)->set_alias("e1");
  page.mutable_profiles(1)->set_name_cyrillic("Expert 1");  // same in both: shown once
  EXPECT_EQ(DirectoryText(page, 8, i18n::Lang::kEn),
            "9.  Expert 0\n"
            "    you · ff00\n"
            "\n"
            "10. Expert 1\n"
            "    contact, not verified (e1) · ff01\n"
            "\n"
            "9–10 of 12. Next page: the same command with --offset 10\n");
  const std::string last_page = DirectoryText(page, 10, i18n::Lang::kRu);
  EXPECT_TRUE(last_page.ends_with("\n\n11–12 из 12.\n")) << last_page;  // no next page
  EXPECT_NE(last_page.find("11. Expert 0\n    вы · ff00\n"), std::string::npos) << last_page;

  api::DirectoryPage empty;
  EXPECT_EQ(DirectoryText(empty, 0, i18n::Lang::kRu).rfind("В справочнике никто не подходит.", 0),
            0u);
  empty.set_total(12);
  EXPECT_NE(DirectoryText(empty, 40, i18n::Lang::kEn).find("There are 12 results in all"),
            std::string::npos);
}

TEST(HumanTest, EndorsementChainsUpToTheAnchor) {
  EXPECT_EQ(FingerprintPrefix("abcd ef01 2345 6789"), "abcd ef01");
  EXPECT_EQ(FingerprintPrefix("abcd ef01"), "abcd ef01");
  EXPECT_EQ(FingerprintPrefix("abcdef"), "abcdef");
  EXPECT_EQ(EndorsementText(ByContactPoint(), i18n::Lang::kEn),
            "endorsed by Ivan Ivanov (contact point of AM) ← anchor abcd ef01");
  EXPECT_EQ(EndorsementText(ByAnchor(), i18n::Lang::kEn), "endorsed by the anchor abcd ef01");
  EXPECT_EQ(EndorsementText(ByContactPoint(), i18n::Lang::kRu),
            "заверено: Ivan Ivanov (контактный пункт AM) ← якорь abcd ef01");
  EXPECT_EQ(EndorsementText(ByAnchor(), i18n::Lang::kRu), "заверено якорем сети abcd ef01");
  api::Endorsement nameless = ByContactPoint();  // the endorser's profile is not held
  nameless.set_endorser_name("");
  EXPECT_EQ(EndorsementText(nameless, i18n::Lang::kEn),
            "endorsed by 9999 8888 (contact point of AM) ← anchor abcd ef01");
  api::Endorsement hostile = ByContactPoint();
  hostile.set_endorser_name("Eve\x1b[2J");
  EXPECT_EQ(EndorsementText(hostile, i18n::Lang::kEn).find('\x1b'), std::string::npos);

  google::protobuf::RepeatedPtrField<api::Endorsement> endorsements;
  EXPECT_EQ(TrustLines(api::DIRECTORY_TRUST_VERIFIED, endorsements, i18n::Lang::kEn),
            (std::vector<std::string>{"verified contact"}));
  EXPECT_EQ(TrustLines(api::DIRECTORY_TRUST_ENDORSED, endorsements, i18n::Lang::kEn),
            (std::vector<std::string>{"endorsed"}));
  *endorsements.Add() = ByContactPoint();
  EXPECT_EQ(TrustLines(api::DIRECTORY_TRUST_ENDORSED, endorsements, i18n::Lang::kEn),
            (std::vector<std::string>{
                "endorsed by Ivan Ivanov (contact point of AM) ← anchor abcd ef01"}));
  EXPECT_EQ(TrustLines(api::DIRECTORY_TRUST_CONTACT, endorsements, i18n::Lang::kEn),
            (std::vector<std::string>{
                "contact, not verified",
                "endorsed by Ivan Ivanov (contact point of AM) ← anchor abcd ef01"}));
}

TEST(HumanTest, ProfileShowsEndorsementsAndContactPoint) {
  api::Profile profile = SampleProfile();
  *profile.add_endorsements() = ByContactPoint();
  *profile.add_endorsements() = ByAnchor();
  profile.set_contact_point_of("UZ");
  const std::string text = ProfileText(profile, i18n::Lang::kEn);
  EXPECT_NE(text.find("Trust:            contact, not verified\n"
                      "                  endorsed by Ivan Ivanov (contact point of AM) ← anchor "
                      "abcd ef01\n"
                      "                  endorsed by the anchor abcd ef01\n"
                      "Endorsed as:      member of Migration Service (AM)\n"
                      "                  member of Migration Service (AM)\n"
                      "Network role:     National Contact Point of UZ\n"
                      "Version:          7\n"),
            std::string::npos)
      << text;
  const std::string russian = ProfileText(profile, i18n::Lang::kRu);
  EXPECT_NE(russian.find("Заверено:         член организации Migration Service (AM)\n"),
            std::string::npos)
      << russian;
  EXPECT_NE(russian.find("Роль в сети:      национальный контактный пункт UZ\n"),
            std::string::npos);
  // Without endorsements or a delegation, neither row.
  const std::string plain = ProfileText(SampleProfile(), i18n::Lang::kEn);
  EXPECT_EQ(plain.find("Endorsed as:"), std::string::npos);
  EXPECT_EQ(plain.find("Network role:"), std::string::npos);
}

TEST(HumanTest, DirectoryEntrySaysWhoEndorsedThem) {
  api::DirectoryPage page;
  page.set_total(1);
  auto* profile = page.add_profiles();
  profile->set_fingerprint("7777 6666");
  profile->set_name_latin("Maria Sidorova");
  profile->set_state("AM");
  profile->set_organisation("Migration Service");
  profile->set_trust(api::DIRECTORY_TRUST_ENDORSED);
  *profile->add_endorsements() = ByContactPoint();
  *profile->add_endorsements() = ByAnchor();
  profile->set_contact_point_of("AM");
  EXPECT_EQ(DirectoryText(page, 0, i18n::Lang::kEn),
            "1. Maria Sidorova · AM\n"
            "   Migration Service\n"
            "   National Contact Point of AM\n"
            "   endorsed by Ivan Ivanov (contact point of AM) ← anchor abcd ef01 · 7777 6666\n"
            "   endorsed by the anchor abcd ef01\n"
            "\n"
            "1–1 of 1.\n");
}

TEST(HumanTest, ContactsTableHasAnEndorsementColumnOnlyWhenNeeded) {
  api::ContactList list;
  auto* bob = list.add_contacts();
  bob->set_alias("bob");
  bob->set_name("Bob");
  bob->set_fingerprint("aaaa");
  bob->set_trust(api::TRUST_VERIFIED);
  EXPECT_EQ(ContactsText(list, i18n::Lang::kEn).find("ENDORSEMENT"), std::string::npos);
  auto* ivan = list.add_contacts();
  ivan->set_alias("ivan");
  ivan->set_name("Ivan");
  ivan->set_fingerprint("bbbb");
  *ivan->add_endorsements() = ByContactPoint();
  *ivan->add_endorsements() = ByAnchor();
  EXPECT_EQ(ContactsText(list, i18n::Lang::kEn),
            "ALIAS  NAME  TRUST       ONLINE  FINGERPRINT  ENDORSEMENT\n"
            "bob    Bob   verified    no      aaaa\n"
            "ivan   Ivan  unverified  no      bbbb         endorsed by Ivan Ivanov (contact point "
            "of AM) ← anchor abcd ef01\n"
            "                                              endorsed by the anchor abcd ef01\n");
  EXPECT_NE(ContactsText(list, i18n::Lang::kRu).find("ЗАВЕРЕНИЕ"), std::string::npos);
}

TEST(HumanTest, ContactPointsAndEndorsementTexts) {
  EXPECT_EQ(ContactPointAddedText(Armenia(), i18n::Lang::kEn),
            "Иван Иванов (иван) is now the National Contact Point of AM; delegated by anchor\n"
            "abcd ef01 2345 6789 abcd ef01 2345 6789 abcd ef01.\n"
            "From their own node they can now endorse members of AM (parley endorse ALIAS\n"
            "--org ORG). Other nodes learn of the delegation as the directory syncs.\n");
  api::ContactPoint suspended = Armenia();
  suspended.set_suspended(true);
  const std::string text = ContactPointSuspendedText(suspended, i18n::Lang::kEn);
  EXPECT_EQ(text.rfind("Иван Иванов (иван) is suspended as the National Contact Point of AM.", 0),
            0u)
      << text;
  EXPECT_NE(text.find("no longer holds"), std::string::npos);
  EXPECT_NE(ContactPointSuspendedText(suspended, i18n::Lang::kRu).find("больше не действует"),
            std::string::npos);

  api::ContactPointList list;
  *list.add_contact_points() = Armenia();
  *list.add_contact_points() = suspended;
  list.mutable_contact_points(1)->set_state("UZ");
  list.mutable_contact_points(1)->set_alias("");
  const std::string table = ContactPointsText(list, i18n::Lang::kEn);
  const std::string date = LocalDateTime(1709164800000);
  EXPECT_EQ(table, "STATE  NAME         ALIAS  STATUS     DELEGATED" +
                       std::string(DisplayWidth(date) - 9, ' ') +
                       "  FINGERPRINT\n"
                       "AM     Иван Иванов  иван   active     " +
                       date +
                       "  9999 8888 7777 6666 5555 4444 3333 2222 1111 0000\n"
                       "UZ     Иван Иванов         suspended  " +
                       date + "  9999 8888 7777 6666 5555 4444 3333 2222 1111 0000\n");
  EXPECT_NE(ContactPointsText(list, i18n::Lang::kRu).find("ГОСУДАРСТВО"), std::string::npos);
  EXPECT_NE(ContactPointsText(api::ContactPointList(), i18n::Lang::kEn)
                .find("parley contact-point add ALIAS --state XX"),
            std::string::npos);

  EXPECT_EQ(EndorsedText("иван", ByContactPoint(), i18n::Lang::kEn),
            "Endorsed иван as a member of Migration Service (AM). Every member of the\n"
            "network will see their profile as the directory syncs.\n");
  EXPECT_EQ(EndorsedText("иван", ByContactPoint(), i18n::Lang::kRu)
                .rfind("Заверено: иван — член организации Migration Service (AM).", 0),
            0u);
}

TEST(JsonTest, RevokedContactsProfilesAndEntries) {
  api::ContactList list;
  auto* gone = list.add_contacts();
  gone->set_alias("gone");
  gone->set_revoked(true);
  EXPECT_EQ(ContactsJson(list)[0]["revoked"], true);
  EXPECT_TRUE(ContactsJson(list)[0]["revoked"].is_boolean());

  api::Profile profile = SampleProfile();
  profile.set_trust(api::DIRECTORY_TRUST_REVOKED);
  EXPECT_EQ(ProfileJson(profile)["trust"], "revoked");
  api::DirectoryPage page;
  *page.add_profiles() = profile;
  EXPECT_EQ(DirectoryJson(page)[0]["trust"], "revoked");
}

TEST(JsonTest, RevokeShapes) {
  api::RevokeReply exported;
  exported.set_fingerprint("3f2a 91c0");
  exported.set_certificate("parley-revocation:xyz");
  EXPECT_EQ(RevokeExportJson(exported, "/media/usb/revocation.txt"),
            (json{{"fingerprint", "3f2a 91c0"}, {"file", "/media/usb/revocation.txt"}}));

  api::RevokeReply own;
  own.set_fingerprint("3f2a 91c0");
  own.set_published(true);
  EXPECT_EQ(RevokedJson(own), (json{{"fingerprint", "3f2a 91c0"}, {"published", true}}));
  api::RevokeReply contact = own;
  contact.set_alias("иван");
  EXPECT_EQ(RevokedJson(contact),
            (json{{"fingerprint", "3f2a 91c0"}, {"alias", "иван"}, {"published", true}}));
  EXPECT_TRUE(RevokedJson(contact)["published"].is_boolean());
}

TEST(HumanTest, RevokedKeysAreMarkedAndTheirEndorsementsDropped) {
  api::ContactList list;
  auto* bob = list.add_contacts();
  bob->set_alias("bob");
  bob->set_name("Bob");
  bob->set_fingerprint("aaaa");
  bob->set_trust(api::TRUST_VERIFIED);
  *bob->add_endorsements() = ByAnchor();
  auto* gone = list.add_contacts();
  gone->set_alias("gone");
  gone->set_name("Gone");
  gone->set_fingerprint("bbbb");
  gone->set_trust(api::TRUST_VERIFIED);
  gone->set_revoked(true);
  *gone->add_endorsements() = ByContactPoint();
  EXPECT_EQ(ContactsText(list, i18n::Lang::kEn),
            "ALIAS  NAME  TRUST     ONLINE  FINGERPRINT  ENDORSEMENT\n"
            "bob    Bob   verified  no      aaaa         endorsed by the anchor abcd ef01\n"
            "gone   Gone  REVOKED   no      bbbb\n");
  EXPECT_NE(ContactsText(list, i18n::Lang::kRu).find("ОТОЗВАН"), std::string::npos);

  google::protobuf::RepeatedPtrField<api::Endorsement> endorsements;
  *endorsements.Add() = ByContactPoint();
  EXPECT_EQ(TrustLines(api::DIRECTORY_TRUST_REVOKED, endorsements, i18n::Lang::kEn),
            (std::vector<std::string>{"REVOKED — do not trust this key"}));
  EXPECT_EQ(DirectoryTrustWord(api::DIRECTORY_TRUST_REVOKED, i18n::Lang::kRu),
            "ОТОЗВАН — не доверяйте этому ключу");
  // A contact whose key changed keeps its endorsements, and says the key changed first.
  EXPECT_EQ(TrustLines(api::DIRECTORY_TRUST_KEY_CHANGED, endorsements, i18n::Lang::kEn).front(),
            "contact, KEY CHANGED — compare safety numbers");
  EXPECT_EQ(DirectoryTrustWord(api::DIRECTORY_TRUST_KEY_CHANGED, i18n::Lang::kRu),
            "контакт, КЛЮЧ ИЗМЕНИЛСЯ — сверьте коды безопасности");

  api::Profile profile = SampleProfile();
  profile.set_trust(api::DIRECTORY_TRUST_REVOKED);
  *profile.add_endorsements() = ByContactPoint();
  const std::string text = ProfileText(profile, i18n::Lang::kEn);
  EXPECT_NE(text.find("Trust:            REVOKED — do not trust this key\nVersion:"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("Endorsed as:"), std::string::npos);

  api::DirectoryPage page;
  page.set_total(1);
  *page.add_profiles() = profile;
  EXPECT_NE(DirectoryText(page, 0, i18n::Lang::kEn)
                .find("   REVOKED — do not trust this key (anna) · 3f2a 91c0\n"),
            std::string::npos)
      << DirectoryText(page, 0, i18n::Lang::kEn);
}

TEST(HumanTest, RevokeTexts) {
  api::RevokeReply exported;
  exported.set_fingerprint("3f2a 91c0");
  EXPECT_EQ(RevokeExportedText(exported, "rev.txt", i18n::Lang::kEn),
            "Wrote the revocation certificate of this node's key 3f2a 91c0 to rev.txt.\n"
            "\n"
            "Whoever publishes this file revokes this node's key for good. Keep it offline:\n"
            "print it or copy it to a USB stick, keep that in a safe place, and delete the\n"
            "file from this computer. If this node's key is ever lost or stolen, publish the\n"
            "certificate from any node of the network (a colleague's, or your new one):\n"
            "  parley revoke --publish rev.txt\n");
  EXPECT_NE(RevokeExportedText(exported, "a b.txt", i18n::Lang::kEn)
                .find("  parley revoke --publish 'a b.txt'\n"),
            std::string::npos);
  EXPECT_NE(RevokeExportedText(exported, "отзыв.txt", i18n::Lang::kRu)
                .find("  parley revoke --publish отзыв.txt\n"),
            std::string::npos);
  EXPECT_EQ(RevokeExportedText(exported, "x\x1b[2J", i18n::Lang::kEn).find('\x1b'),
            std::string::npos);

  api::RevokeReply revoked;
  revoked.set_fingerprint("9999 8888");
  revoked.set_published(true);
  EXPECT_EQ(RevokedText(revoked, false, i18n::Lang::kEn),
            "Revoked key 9999 8888; every node stops trusting it after sync.\n");
  revoked.set_alias("иван");
  EXPECT_EQ(RevokedText(revoked, false, i18n::Lang::kEn),
            "Revoked иван's key 9999 8888; every node stops trusting it after sync.\n");
  revoked.set_alias("");
  const std::string own = RevokedText(revoked, true, i18n::Lang::kRu);
  EXPECT_EQ(own.rfind("Ключ 9999 8888 отозван; все узлы перестанут ему доверять после "
                      "синхронизации.\nКлючом этого узла больше пользоваться нельзя",
                      0),
            0u)
      << own;
}

// ----------------------------------------------------------- introductions

api::Introduction PetrByAnna() {
  api::Introduction introduction;
  introduction.set_id(3);
  introduction.set_introducer("anna");
  introduction.set_name("Пётр Сидоров");
  introduction.set_fingerprint("5555 4444 3333 2222 1111");
  introduction.set_note("Works on return programmes");
  introduction.set_received_at_ms(1795536069123);
  return introduction;
}

TEST(JsonTest, IntroductionShapes) {
  api::IntroduceReply introduce;
  introduce.set_id1("aa");
  introduce.set_id2("bb");
  EXPECT_EQ(IntroduceJson(introduce), (json{{"id1", "aa"}, {"id2", "bb"}}));

  api::IntroductionList list;
  *list.add_introductions() = PetrByAnna();
  json document = IntroductionsJson(list);
  ASSERT_EQ(document.size(), 1u);
  EXPECT_EQ(Keys(document[0]), (std::set<std::string>{"id", "introducer", "name", "fingerprint",
                                                      "note", "received_at"}));
  EXPECT_TRUE(document[0]["id"].is_number_unsigned());
  EXPECT_EQ(document[0]["id"], 3);
  EXPECT_EQ(document[0]["introducer"], "anna");
  EXPECT_EQ(document[0]["fingerprint"], "5555 4444 3333 2222 1111");  // whole
  EXPECT_EQ(document[0]["received_at"], "2026-11-24T16:01:09.123Z");
  EXPECT_EQ(IntroductionsJson(api::IntroductionList()), json::array());
}

TEST(JsonTest, IntroducedByOnlyWhenSet) {
  api::Contact contact;
  contact.set_alias("petr");
  EXPECT_EQ(ContactJson(contact).count("introduced_by"), 0u);
  contact.set_introduced_by("anna");
  EXPECT_EQ(ContactJson(contact)["introduced_by"], "anna");
  api::ContactList list;
  *list.add_contacts() = contact;
  EXPECT_EQ(ContactsJson(list)[0]["introduced_by"], "anna");

  api::Profile profile = SampleProfile();
  EXPECT_EQ(ProfileJson(profile).count("introduced_by"), 0u);
  EXPECT_EQ(DirectoryEntryJson(profile).count("introduced_by"), 0u);
  profile.set_introduced_by("иван");
  EXPECT_EQ(ProfileJson(profile)["introduced_by"], "иван");
  EXPECT_EQ(DirectoryEntryJson(profile)["introduced_by"], "иван");
}

TEST(HumanTest, IntroductionsTable) {
  api::IntroductionList list;
  *list.add_introductions() = PetrByAnna();
  api::Introduction& second = *list.add_introductions();
  second = PetrByAnna();
  second.set_id(12);
  second.set_introducer("иван");
  second.set_name("");
  second.set_fingerprint("abcd");
  second.set_note("First line\nsecond line, long enough to be wrapped at the note's width\x1b[2J");
  EXPECT_EQ(IntroductionsText(list, i18n::Lang::kEn),
            "ID  FROM  NAME          FINGERPRINT  NOTE\n"
            "3   anna  Пётр Сидоров  5555 4444    Works on return programmes\n"
            "12  иван  —             abcd         First line\n"
            "                                     second line, long enough to be\n"
            "                                     wrapped at the note's width\xEF\xBF\xBD[2J\n"
            "\n"
            "Accept with: parley introductions accept ID [--alias ALIAS], or decline with:\n"
            "parley introductions decline ID\n");
  EXPECT_NE(IntroductionsText(list, i18n::Lang::kRu).find("ПОЯСНЕНИЕ"), std::string::npos);
  EXPECT_EQ(IntroductionsText(api::IntroductionList(), i18n::Lang::kRu),
            "Ожидающих знакомств нет. Общий знакомый может познакомить вас с кем-то командой\n"
            "parley introduce.\n");
}

TEST(HumanTest, IntroductionAnswers) {
  EXPECT_EQ(IntroducedText("anna", "bob", i18n::Lang::kEn),
            "Introduced anna and bob to each other; each can accept with parley\n"
            "introductions accept ID.\n");
  api::Contact contact;
  contact.set_alias("petr");
  contact.set_fingerprint("5555 4444");
  contact.set_introduced_by("anna");
  // Without a name in the card, the fingerprint names them.
  EXPECT_EQ(IntroductionAcceptedText(contact, i18n::Lang::kEn),
            "5555 4444 is now your contact petr, introduced by anna.\n"
            "When you meet, compare safety numbers to mark them verified: parley contacts\n"
            "verify petr\n");
  contact.set_name("Пётр");
  contact.set_introduced_by("");
  EXPECT_EQ(IntroductionAcceptedText(contact, i18n::Lang::kEn)
                .rfind("Пётр is now your contact petr.\n", 0),
            0u);
  EXPECT_EQ(IntroductionDeclinedText(3, i18n::Lang::kRu),
            "Знакомство 3 отклонено; никто не добавлен.\n");
}

TEST(HumanTest, IntroducedContactsSayByWhom) {
  api::ContactList list;
  auto* bob = list.add_contacts();
  bob->set_alias("bob");
  bob->set_name("Bob");
  bob->set_fingerprint("aaaa");
  bob->set_trust(api::TRUST_VERIFIED);
  auto* petr = list.add_contacts();
  petr->set_alias("petr");
  petr->set_name("Пётр");
  petr->set_fingerprint("bbbb");
  petr->set_introduced_by("anna");
  auto* gone = list.add_contacts();
  gone->set_alias("gone");
  gone->set_fingerprint("cccc");
  gone->set_introduced_by("anna");
  gone->set_revoked(true);  // a revoked key is only that
  EXPECT_EQ(ContactsText(list, i18n::Lang::kEn),
            "ALIAS  NAME  TRUST                           ONLINE  FINGERPRINT\n"
            "bob    Bob   verified                        no      aaaa\n"
            "petr   Пётр  unverified, introduced by anna  no      bbbb\n"
            "gone         REVOKED                         no      cccc\n");
  EXPECT_NE(ContactsText(list, i18n::Lang::kRu).find("не подтверждён, познакомил(а) anna"),
            std::string::npos);

  api::Profile profile = SampleProfile();
  profile.set_introduced_by("иван");
  EXPECT_NE(ProfileText(profile, i18n::Lang::kEn)
                .find("Trust:            contact, not verified, introduced by иван\n"),
            std::string::npos)
      << ProfileText(profile, i18n::Lang::kEn);
  EXPECT_EQ(ProfileText(SampleProfile(), i18n::Lang::kEn).find("introduced by"), std::string::npos);

  api::DirectoryPage page;
  page.set_total(1);
  auto* entry = page.add_profiles();
  entry->set_fingerprint("ff01");
  entry->set_name_latin("Petr");
  entry->set_trust(api::DIRECTORY_TRUST_CONTACT);
  entry->set_alias("petr");
  entry->set_introduced_by("anna");
  EXPECT_EQ(DirectoryText(page, 0, i18n::Lang::kEn),
            "1. Petr\n"
            "   contact, not verified (petr), introduced by anna · ff01\n"
            "\n"
            "1–1 of 1.\n");
}

TEST(QrTest, HalfBlocksWithQuietZone) {
  const std::string card = "parley:" + std::string(600, 'A');
  auto qr = RenderQr(card);
  ASSERT_TRUE(qr.has_value());
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < qr->size()) {
    std::size_t end = qr->find('\n', start);
    lines.push_back(qr->substr(start, end - start));
    start = end + 1;
  }
  const std::size_t columns = DisplayWidth(lines[0]);
  EXPECT_GE(columns, 21u + 2 * kQrMargin);
  EXPECT_EQ((columns - 2 * kQrMargin - 21) % 4, 0u);  // QR sizes are 21 + 4k modules
  EXPECT_EQ(lines.size(), (columns + 1) / 2);
  for (const auto& line : lines) {
    EXPECT_EQ(DisplayWidth(line), columns);
    std::string rest = line;
    for (const char* glyph : {"█", "▀", "▄", " "}) {
      for (std::size_t at; (at = rest.find(glyph)) != std::string::npos;) {
        rest.erase(at, std::string_view(glyph).size());
      }
    }
    EXPECT_EQ(rest, "");
  }
  std::string quiet_row;  // the two quiet-zone rows on top are light: full blocks
  for (std::size_t i = 0; i < columns; ++i) quiet_row += "█";
  EXPECT_EQ(lines.front(), quiet_row);
  EXPECT_EQ(lines.back(), quiet_row);  // the bottom margin is light too
  EXPECT_FALSE(RenderQr(std::string(5000, 'x')).has_value());
}

}  // namespace
}  // namespace parley::client::render
