// Every command of the dispatch table against a fake parleyd: the Request it
// sends, its human output and its --json document.
#include "client/cli/commands.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "client/render/text.h"
#include "client/render/time.h"
#include "tests/client/test_support.h"

namespace parley::client {
namespace {

using nlohmann::json;
using testing::FakeDaemon;
using testing::RunParley;
using testing::TempHome;

constexpr std::uint64_t kTime = 1795536069123;  // 2026-11-24T16:01:09.123Z
const std::string kCard = "parley:" + std::string(300, 'Q');
const std::string kSafety =
    "11111 22222 33333 44444 55555 66666 77777 88888 99999 00000 12345 67890";

api::Contact Bob() {
  api::Contact contact;
  contact.set_alias("bob");
  contact.set_fingerprint("3f2a 91c0 aaaa bbbb cccc dddd eeee ffff 0000 1111");
  contact.set_trust(api::TRUST_UNVERIFIED);
  contact.set_online(true);
  contact.set_name("Bob Smith");
  contact.set_endpoint("tcp://10.0.0.2:7400");
  return contact;
}

api::NetworkReply PragueProcess() {
  api::NetworkReply network;
  network.set_name("Prague Process");
  network.set_network_id("00112233445566778899aabbccddeeff");
  network.set_charter_version(2);
  network.set_anchor(false);
  network.set_charter_fingerprint("abcd 0123");
  auto* irregular = network.add_areas();
  irregular->set_slug("irregular-migration");
  irregular->set_name_en("Preventing and combating irregular migration");
  irregular->set_name_ru("Предотвращение нелегальной миграции и борьба с ней");
  irregular->set_priority(true);
  auto* border = irregular->add_topics();
  border->set_slug("border-management");
  border->set_name_en("Border management");
  border->set_name_ru("Управление границами");
  auto* documents = irregular->add_topics();
  documents->set_slug("document-security");
  documents->set_name_en("Document security");
  documents->set_name_ru("Безопасность документов");
  auto* integration = network.add_areas();
  integration->set_slug("integration");
  integration->set_name_en("Integration of migrants");
  integration->set_name_ru("Интеграция мигрантов");
  return network;
}

// Anna's own profile (trust self), or the contact "иван" (verified).
api::Profile AnnaProfile() {
  api::Profile profile;
  profile.set_fingerprint("3f2a 91c0");
  profile.set_name_latin("Anna Petrova");
  profile.set_name_cyrillic("Анна Петрова");
  profile.set_state("UZ");
  profile.set_organisation("Министерство труда");
  profile.set_role("Head of unit");
  profile.add_areas("legal-migration");
  profile.add_areas("return-reintegration");
  profile.add_languages("ru");
  profile.add_languages("en");
  profile.set_bio("Labour mobility.\nРеинтеграция.");
  profile.set_version(3);
  profile.set_updated_at_ms(kTime);
  profile.set_expires_at_ms(kTime + 1000);
  profile.set_trust(api::DIRECTORY_TRUST_SELF);
  return profile;
}

api::Profile IvanProfile() {
  api::Profile profile;
  profile.set_fingerprint("9999 8888");
  profile.set_name_latin("Ivan Ivanov");
  profile.set_name_cyrillic("Иван Иванов");
  profile.set_state("AM");
  profile.set_organisation("Migration Service");
  profile.set_role("Adviser");
  profile.add_areas("integration");
  profile.add_languages("hy");
  profile.set_version(1);
  profile.set_updated_at_ms(kTime);
  profile.set_expires_at_ms(kTime);
  profile.set_trust(api::DIRECTORY_TRUST_VERIFIED);
  profile.set_alias("иван");
  return profile;
}

// The secretariat's anchor key, and an endorsement by Armenia's contact point
// (иван), whom it delegated.
const std::string kAnchor = "abcd ef01 2345 6789 abcd ef01 2345 6789 abcd ef01";

api::Endorsement ByIvan(const std::string& subject, const std::string& organisation) {
  api::Endorsement endorsement;
  endorsement.set_subject_fingerprint(subject);
  endorsement.set_organisation(organisation);
  endorsement.set_state("AM");
  endorsement.set_endorser_fingerprint("9999 8888");
  endorsement.set_endorser_name("Ivan Ivanov");
  endorsement.set_endorser_is_anchor(false);
  endorsement.set_anchor_fingerprint(kAnchor);
  endorsement.set_issued_at_ms(kTime);
  return endorsement;
}

api::ContactPoint IvanForArmenia() {
  api::ContactPoint contact_point;
  contact_point.set_fingerprint("9999 8888");
  contact_point.set_name("Ivan Ivanov");
  contact_point.set_alias("иван");
  contact_point.set_state("AM");
  contact_point.set_issued_at_ms(kTime);
  contact_point.set_anchor_fingerprint(kAnchor);
  return contact_point;
}

// Search: text "nobody" finds none; otherwise two profiles of 45 in all, and
// nothing from offset 45 on.
constexpr std::uint32_t kSearchTotal = 45;

// The revocation certificate the fake daemon exports, and accepts for иван;
// any other "parley-revocation:" certificate revokes a stranger's key.
const std::string kCertificate = "parley-revocation:" + std::string(200, 'R');

// `contact-point list` answers an empty list while set.
std::atomic<bool> list_no_contact_points{false};

// `introductions` answers an empty list while set.
std::atomic<bool> list_no_introductions{false};

// The introduction waiting: anna introduces Пётр Сидоров, with a note.
api::Introduction PetrByAnna() {
  api::Introduction introduction;
  introduction.set_id(3);
  introduction.set_introducer("anna");
  introduction.set_name("Пётр Сидоров");
  introduction.set_fingerprint("5555 4444 3333 2222 1111");
  introduction.set_note("Works on return programmes");
  introduction.set_received_at_ms(kTime);
  return introduction;
}

// Canned answers, like a small daemon would give; errors for alias "nobody".
std::optional<api::Reply> Answer(const api::Request& request) {
  api::Reply reply;
  switch (request.op_case()) {
    case api::Request::kStatus: {
      auto* status = reply.mutable_status();
      status->set_fingerprint("3f2a 91c0");
      status->set_listen("tcp://0.0.0.0:7400");
      status->set_contacts(2);
      status->set_version("0.1.0");
      status->set_name("Анна Петрова");
      status->set_pending_requests(1);
      status->set_queued_messages(4);
      break;
    }
    case api::Request::kInvite:
      reply.mutable_invite()->set_card(kCard);
      break;
    case api::Request::kAddContact: {
      if (request.add_contact().alias() == "taken") {
        return testing::ErrorReply(api::ALIAS_TAKEN, "taken");
      }
      *reply.mutable_contact() = Bob();
      reply.mutable_contact()->set_alias(request.add_contact().alias());
      break;
    }
    case api::Request::kListContacts: {
      *reply.mutable_contacts()->add_contacts() = Bob();
      auto* ivan = reply.mutable_contacts()->add_contacts();
      ivan->set_alias("иван");
      ivan->set_name("Иван Иванов");
      ivan->set_fingerprint("9999 8888");
      ivan->set_trust(api::TRUST_VERIFIED);
      auto* endorsement = ivan->add_endorsements();
      *endorsement = ByIvan("9999 8888", "Migration Service");
      endorsement->set_endorser_fingerprint(kAnchor);
      endorsement->set_endorser_name("");
      endorsement->set_endorser_is_anchor(true);
      break;
    }
    case api::Request::kVerifyContact: {
      if (request.verify_contact().alias() == "nobody") {
        return testing::ErrorReply(api::UNKNOWN_CONTACT, "nobody");
      }
      auto* verify = reply.mutable_verify_contact();
      verify->set_alias(request.verify_contact().alias());
      verify->set_safety_number(kSafety);
      verify->set_trust(request.verify_contact().confirm() ? api::TRUST_VERIFIED
                                                           : api::TRUST_UNVERIFIED);
      break;
    }
    case api::Request::kListRequests: {
      auto* first = reply.mutable_requests()->add_requests();
      first->set_id(7);
      first->set_name("Пётр");
      first->set_fingerprint("cccc dddd");
      first->set_messages(2);
      first->set_received_at_ms(kTime);
      break;
    }
    case api::Request::kAcceptRequest: {
      if (request.accept_request().id() != 7) {
        return testing::ErrorReply(api::UNKNOWN_REQUEST,
                                   std::to_string(request.accept_request().id()));
      }
      *reply.mutable_contact() = Bob();
      reply.mutable_contact()->set_alias(
          request.accept_request().alias().empty() ? "petr" : request.accept_request().alias());
      reply.mutable_contact()->set_name("Пётр");
      break;
    }
    case api::Request::kRemoveContact: {
      const std::string& alias = request.remove_contact().alias();
      if (alias == "nobody") return testing::ErrorReply(api::UNKNOWN_CONTACT, "nobody");
      reply.mutable_removed_contact()->set_alias(alias);
      reply.mutable_removed_contact()->set_fingerprint("aaaa bbbb");
      break;
    }
    case api::Request::kSend:
      if (request.send().alias() == "nobody") {
        return testing::ErrorReply(api::UNKNOWN_CONTACT, "nobody");
      }
      if (request.send().alias() == "gone") return testing::ErrorReply(api::KEY_REVOKED, "gone");
      reply.mutable_send()->set_id("00112233445566778899aabbccddeeff");
      break;
    case api::Request::kListMessages: {
      if (request.list_messages().alias() == "nobody") {
        return testing::ErrorReply(api::UNKNOWN_CONTACT, "nobody");
      }
      auto* in = reply.mutable_messages()->add_messages();
      in->set_id("aa");
      in->set_direction(api::IN);
      in->set_text("Привет!\nВторая строка");
      in->set_state(api::DELIVERED);
      in->set_time_ms(kTime);
      auto* out = reply.mutable_messages()->add_messages();
      out->set_id("bb");
      out->set_direction(api::OUT);
      out->set_text("hello");
      out->set_state(api::SENT);
      out->set_time_ms(kTime + 1000);
      break;
    }
    case api::Request::kNetwork:
      *reply.mutable_network() = PragueProcess();
      break;
    case api::Request::kSetProfile: {
      const auto& set = request.set_profile();
      if (set.has_state() && set.state() == "Uzbekistan") {
        return testing::ErrorReply(api::INVALID_PROFILE, "state");
      }
      if (set.has_role() && set.role() == "photo") {  // a field this client does not know
        return testing::ErrorReply(api::INVALID_PROFILE, "photo");
      }
      *reply.mutable_profile() = AnnaProfile();
      reply.mutable_profile()->set_version(4);
      if (set.has_organisation()) reply.mutable_profile()->set_organisation(set.organisation());
      break;
    }
    case api::Request::kShowProfile: {
      const std::string& alias = request.show_profile().alias();
      if (alias == "nobody") return testing::ErrorReply(api::NO_PROFILE, "nobody");
      if (alias == "newcomer") return testing::ErrorReply(api::NO_PROFILE, "");
      *reply.mutable_profile() = alias.empty() ? AnnaProfile() : IvanProfile();
      if (alias == "maria") {  // a contact, not verified, whom иван endorsed
        reply.mutable_profile()->set_alias("maria");
        reply.mutable_profile()->set_trust(api::DIRECTORY_TRUST_CONTACT);
        *reply.mutable_profile()->add_endorsements() = ByIvan("9999 8888", "Migration Service");
      }
      if (alias == "иван") reply.mutable_profile()->set_contact_point_of("AM");
      break;
    }
    case api::Request::kSearchDirectory: {
      const auto& search = request.search_directory();
      if (search.text() == "nobody") {
        reply.mutable_directory()->set_total(0);
        break;
      }
      reply.mutable_directory()->set_total(kSearchTotal);
      if (search.offset() >= kSearchTotal) break;
      *reply.mutable_directory()->add_profiles() = IvanProfile();
      auto* other = reply.mutable_directory()->add_profiles();
      other->set_fingerprint("7777 6666");
      other->set_name_cyrillic("Мария Сидорова");
      other->set_state("MD");
      other->set_trust(api::DIRECTORY_TRUST_UNKNOWN);
      if (search.text() == "endorsed") {  // seen network-wide thanks to иван
        other->set_trust(api::DIRECTORY_TRUST_ENDORSED);
        *other->add_endorsements() = ByIvan("7777 6666", "Ministry of Labour");
      }
      break;
    }
    case api::Request::kAddContactPoint: {
      const auto& add = request.add_contact_point();
      if (add.alias() == "nobody") return testing::ErrorReply(api::UNKNOWN_CONTACT, "nobody");
      if (add.state().size() != 2 || add.state() == "ZZ") {
        return testing::ErrorReply(api::INVALID_STATE, add.state());
      }
      *reply.mutable_contact_point() = IvanForArmenia();
      reply.mutable_contact_point()->set_alias(add.alias());
      reply.mutable_contact_point()->set_state(add.state());
      break;
    }
    case api::Request::kSuspendContactPoint: {
      const std::string& alias = request.suspend_contact_point().alias();
      if (alias == "bob") return testing::ErrorReply(api::NOT_CONTACT_POINT, "bob");
      if (alias == "old") return testing::ErrorReply(api::ALREADY_SUSPENDED, "old");
      *reply.mutable_contact_point() = IvanForArmenia();
      reply.mutable_contact_point()->set_suspended(true);
      break;
    }
    case api::Request::kListContactPoints: {
      if (list_no_contact_points) {
        reply.mutable_contact_points();
        break;
      }
      *reply.mutable_contact_points()->add_contact_points() = IvanForArmenia();
      auto* uz = reply.mutable_contact_points()->add_contact_points();
      *uz = IvanForArmenia();
      uz->set_fingerprint("5555 4444");
      uz->set_name("Анна Петрова");
      uz->set_alias("");
      uz->set_state("UZ");
      uz->set_suspended(true);
      break;
    }
    case api::Request::kEndorse: {
      const auto& endorse = request.endorse();
      if (endorse.alias() == "bob") return testing::ErrorReply(api::WRONG_STATE, "AM");
      if (endorse.alias() == "newcomer") return testing::ErrorReply(api::NO_PROFILE, "newcomer");
      *reply.mutable_endorsement() = ByIvan("7777 6666", endorse.organisation());
      break;
    }
    case api::Request::kRevoke: {
      const auto& revoke = request.revoke();
      auto* revoked = reply.mutable_revoke();
      revoked->set_published(true);
      switch (revoke.mode()) {
        case api::RevokeRequest::EXPORT:
          revoked->set_fingerprint("3f2a 91c0");
          revoked->set_certificate(kCertificate);
          revoked->set_published(false);
          break;
        case api::RevokeRequest::PUBLISH:
          if (revoke.certificate() == kCertificate) {
            revoked->set_fingerprint("9999 8888");
            revoked->set_alias("иван");
          } else if (revoke.certificate().rfind("parley-revocation:", 0) == 0) {
            revoked->set_fingerprint("5555 4444");
          } else {
            return testing::ErrorReply(api::INVALID_REVOCATION, "not a revocation certificate");
          }
          break;
        case api::RevokeRequest::MEMBER:
          if (revoke.alias() == "bob") return testing::ErrorReply(api::NOT_REVOKER, "bob");
          if (revoke.alias() == "nobody") {
            return testing::ErrorReply(api::UNKNOWN_CONTACT, "nobody");
          }
          revoked->set_fingerprint("7777 6666");
          revoked->set_alias(revoke.alias());
          break;
        default:  // OWN_KEY_NOW
          revoked->set_fingerprint("3f2a 91c0");
          break;
      }
      break;
    }
    case api::Request::kIntroduce: {
      const auto& introduce = request.introduce();
      for (const std::string* alias : {&introduce.alias1(), &introduce.alias2()}) {
        if (*alias == "nobody") return testing::ErrorReply(api::UNKNOWN_CONTACT, "nobody");
        if (*alias == "gone") return testing::ErrorReply(api::KEY_REVOKED, "gone");
      }
      if (introduce.alias1() == introduce.alias2()) {
        return testing::ErrorReply(api::SAME_CONTACT, "");
      }
      if (introduce.note() == "long") return testing::ErrorReply(api::MESSAGE_TOO_LONG, "1024");
      reply.mutable_introduce()->set_id1("00112233445566778899aabbccddeeff");
      reply.mutable_introduce()->set_id2("ffeeddccbbaa99887766554433221100");
      break;
    }
    case api::Request::kListIntroductions: {
      reply.mutable_introductions();
      if (list_no_introductions) break;
      *reply.mutable_introductions()->add_introductions() = PetrByAnna();
      break;
    }
    case api::Request::kAnswerIntroduction: {
      const auto& answer = request.answer_introduction();
      if (answer.id() == 9) return testing::ErrorReply(api::INVALID_CARD, "bad signature");
      if (answer.id() != 3) {
        return testing::ErrorReply(api::UNKNOWN_INTRODUCTION, std::to_string(answer.id()));
      }
      if (answer.alias() == "taken") return testing::ErrorReply(api::ALIAS_TAKEN, "taken");
      if (answer.alias() == "bob") return testing::ErrorReply(api::CONTACT_EXISTS, "bob");
      auto* answered = reply.mutable_answer_introduction();
      answered->set_id(answer.id());
      answered->set_accepted(answer.accept());
      if (!answer.accept()) break;
      api::Contact& contact = *answered->mutable_contact();
      contact.set_alias(answer.alias().empty() ? "petr" : answer.alias());
      contact.set_name("Пётр Сидоров");
      contact.set_fingerprint("5555 4444 3333 2222 1111");
      contact.set_trust(api::TRUST_UNVERIFIED);
      contact.set_endpoint("tcp://10.0.0.5:7400");
      contact.set_introduced_by("anna");
      break;
    }
    case api::Request::kAmendNetwork: {
      // The amended network: version 3, with the name and areas sent (none: kept).
      const auto& amend = request.amend_network();
      if (amend.has_name() && amend.name() == "not-the-anchor") {
        return testing::ErrorReply(api::NOT_ANCHOR, "");
      }
      for (const auto& area : amend.areas()) {
        if (area.slug() == "Bad Slug") {
          return testing::ErrorReply(api::INVALID_TAXONOMY, "the slug Bad Slug is not valid");
        }
        if (area.slug() == "plain") return testing::ErrorReply(api::INVALID_TAXONOMY, "");
      }
      if (amend.has_first_anchor()) return testing::ErrorReply(api::NOT_FIRST_ANCHOR, "");
      if (!amend.remove_anchors().empty() && amend.remove_anchors(0) == "ffff 0000")
        return testing::ErrorReply(api::INVALID_ANCHOR, "ffff 0000 is no anchor");
      api::NetworkReply& network = *reply.mutable_network();
      network = PragueProcess();
      network.set_charter_version(3);
      network.set_anchor(true);
      if (amend.has_name()) network.set_name(amend.name());
      if (!amend.areas().empty()) *network.mutable_areas() = amend.areas();
      if (!amend.add_anchors().empty()) {
        network.set_first_anchor(true);
        network.add_anchor_fingerprints("abcd 0123");
        network.add_anchor_fingerprints("beef 4567");
      }
      break;
    }
    case api::Request::kAnchorKey: {
      auto& key = *reply.mutable_anchor_key();
      key.set_key("parley-anchor:S2V5");
      key.set_fingerprint("beef 4567");
      key.set_anchor(false);
      break;
    }
    default:
      return testing::ErrorReply(api::BAD_REQUEST, "unknown operation");
  }
  return reply;
}

class CommandsTest : public ::testing::Test {
 protected:
  testing::RunResult Run(std::vector<std::string> argv,
                         std::vector<std::pair<std::string, std::string>> env = {},
                         std::optional<std::string> stdin_text = std::nullopt) {
    argv.insert(argv.begin(), {"--home", home_.path()});
    env.emplace_back("LANG", "C.UTF-8");
    return RunParley(argv, std::move(env), std::move(stdin_text));
  }
  api::Request LastRequest() const { return daemon_.Requests().back(); }

  TempHome home_;
  FakeDaemon daemon_{home_.path(), Answer};
};

TEST_F(CommandsTest, Status) {
  auto human = Run({"status"});
  EXPECT_EQ(human.exit_code, 0) << human.err;
  EXPECT_NE(human.out.find("Name:                  Анна Петрова\n"), std::string::npos)
      << human.out;
  EXPECT_NE(human.out.find("Fingerprint:           3f2a 91c0\n"), std::string::npos);
  EXPECT_NE(human.out.find("parley requests"), std::string::npos);  // a request is waiting

  auto machine = Run({"status", "--json"});
  auto document = json::parse(machine.out);
  EXPECT_EQ(document["fingerprint"], "3f2a 91c0");
  EXPECT_EQ(document["listen"], "tcp://0.0.0.0:7400");
  EXPECT_EQ(document["contacts"], 2);
  EXPECT_EQ(document["version"], "0.1.0");
  EXPECT_EQ(document["queued_messages"], 4);
  EXPECT_TRUE(LastRequest().has_status());
}

TEST_F(CommandsTest, Invite) {
  auto human = Run({"invite"});
  EXPECT_EQ(human.exit_code, 0);
  EXPECT_EQ(human.out, kCard + "\n");  // not a terminal: just the line

  auto qr = Run({"invite", "--qr"});
  EXPECT_EQ(qr.out.rfind(kCard + "\n", 0), 0u);
  EXPECT_NE(qr.out.find("█"), std::string::npos);

  auto machine = Run({"--json", "invite", "--qr"});
  EXPECT_EQ(json::parse(machine.out), (json{{"card", kCard}}));
}

TEST_F(CommandsTest, ContactsAdd) {
  auto human = Run({"contacts", "add", kCard, "--alias", "bob"});
  EXPECT_EQ(human.exit_code, 0) << human.err;
  EXPECT_EQ(LastRequest().add_contact().card(), kCard);
  EXPECT_EQ(LastRequest().add_contact().alias(), "bob");
  EXPECT_NE(human.out.find("parley contacts verify bob"), std::string::npos);

  auto machine = Run({"contacts", "add", "--json", kCard, "--alias=иван"});
  auto document = json::parse(machine.out);
  EXPECT_EQ(document["alias"], "иван");
  EXPECT_EQ(document["trust"], "unverified");
  EXPECT_EQ(document["online"], true);

  auto taken = Run({"--json", "contacts", "add", kCard, "--alias", "taken"});
  EXPECT_EQ(taken.exit_code, kExitError);
  EXPECT_EQ(json::parse(taken.out)["error"]["code"], "alias_taken");
}

TEST_F(CommandsTest, ContactsList) {
  auto human = Run({"contacts", "list"});
  EXPECT_EQ(human.exit_code, 0);
  // A last column says who endorsed whom; the fingerprints are 49 columns wide.
  EXPECT_EQ(human.out,
            "ALIAS  NAME         TRUST       ONLINE  " + render::PadRight("FINGERPRINT", 49) +
                "  ENDORSEMENT\n"
                "bob    Bob Smith    unverified  yes     3f2a 91c0 aaaa bbbb cccc dddd eeee ffff "
                "0000 1111\n"
                "иван   Иван Иванов  verified    no      " +
                render::PadRight("9999 8888", 49) + "  endorsed by the anchor abcd ef01\n");
  EXPECT_EQ(Run({"contacts"}).out, human.out);  // "contacts" alone lists

  auto document = json::parse(Run({"contacts", "list", "--json"}).out);
  ASSERT_EQ(document.size(), 2u);
  EXPECT_EQ(document[1]["alias"], "иван");
  EXPECT_EQ(document[1]["trust"], "verified");
  EXPECT_EQ(document[1]["online"], false);
  EXPECT_EQ(document[0]["endorsements"], json::array());
  ASSERT_EQ(document[1]["endorsements"].size(), 1u);
  EXPECT_EQ(document[1]["endorsements"][0]["endorser_is_anchor"], true);
  EXPECT_EQ(document[1]["endorsements"][0]["organisation"], "Migration Service");
  EXPECT_EQ(document[1]["endorsements"][0]["anchor"], kAnchor);
}

TEST_F(CommandsTest, ContactsVerify) {
  auto human = Run({"contacts", "verify", "bob"});
  EXPECT_EQ(human.exit_code, 0);
  EXPECT_FALSE(LastRequest().verify_contact().confirm());
  EXPECT_NE(human.out.find("  11111 22222 33333 44444\n  55555 66666 77777 88888\n"
                           "  99999 00000 12345 67890\n"),
            std::string::npos)
      << human.out;
  EXPECT_NE(human.out.find("parley contacts verify bob --confirm"), std::string::npos);

  auto confirmed = Run({"contacts", "verify", "bob", "--confirm", "--json"});
  EXPECT_TRUE(LastRequest().verify_contact().confirm());
  EXPECT_EQ(json::parse(confirmed.out),
            (json{{"alias", "bob"}, {"safety_number", kSafety}, {"trust", "verified"}}));
}

TEST_F(CommandsTest, RequestsAndAccept) {
  auto human = Run({"requests"});
  EXPECT_EQ(human.exit_code, 0);
  EXPECT_NE(human.out.find("ID  NAME  MESSAGES  RECEIVED"), std::string::npos) << human.out;
  EXPECT_NE(human.out.find("7   Пётр  2"), std::string::npos) << human.out;

  auto document = json::parse(Run({"--json", "requests"}).out);
  EXPECT_EQ(document, (json::array({{{"id", 7},
                                     {"name", "Пётр"},
                                     {"fingerprint", "cccc dddd"},
                                     {"messages", 2},
                                     {"time", "2026-11-24T16:01:09.123Z"}}})));

  auto accepted = Run({"contacts", "accept", "7", "--alias", "petr", "--json"});
  EXPECT_EQ(accepted.exit_code, 0) << accepted.out;
  EXPECT_EQ(LastRequest().accept_request().id(), 7u);
  EXPECT_EQ(LastRequest().accept_request().alias(), "petr");
  EXPECT_EQ(json::parse(accepted.out)["alias"], "petr");

  auto unknown = Run({"contacts", "accept", "8"});
  EXPECT_EQ(unknown.exit_code, kExitError);
  EXPECT_NE(unknown.err.find("8"), std::string::npos);
  EXPECT_NE(unknown.err.find("parley requests"), std::string::npos);
}

TEST_F(CommandsTest, ContactsRemoveTakesYesAndSaysWhatIsGone) {
  // Without --yes nothing reaches the daemon, and the user is told how to go ahead.
  const std::size_t before = daemon_.Requests().size();
  auto unconfirmed = Run({"contacts", "remove", "борис"});
  EXPECT_EQ(unconfirmed.exit_code, kExitError);
  EXPECT_NE(unconfirmed.err.find("parley contacts remove борис --yes"), std::string::npos)
      << unconfirmed.err;
  EXPECT_EQ(std::count(unconfirmed.err.begin(), unconfirmed.err.end(), '\n'), 1);
  EXPECT_EQ(daemon_.Requests().size(), before);
  auto ru = Run({"--lang", "ru", "contacts", "remove", "борис"});
  EXPECT_NE(ru.err.find("отменить это нельзя"), std::string::npos) << ru.err;

  auto human = Run({"contacts", "remove", "борис", "--yes"});
  EXPECT_EQ(human.exit_code, 0) << human.err;
  EXPECT_EQ(LastRequest().remove_contact().alias(), "борис");
  EXPECT_NE(human.out.find("Removed борис"), std::string::npos) << human.out;
  auto machine = Run({"--json", "contacts", "remove", "борис", "--yes"});
  EXPECT_EQ(json::parse(machine.out),
            (json{{"alias", "борис"}, {"fingerprint", "aaaa bbbb"}, {"removed", true}}));

  auto unknown = Run({"contacts", "remove", "nobody", "--yes"});
  EXPECT_EQ(unknown.exit_code, kExitError);
  EXPECT_NE(unknown.err.find("nobody"), std::string::npos) << unknown.err;
}

TEST_F(CommandsTest, SendCyrillicRoundTrip) {
  const std::string text = "Встреча перенесена на 15:00 — «срочно» ✓";
  auto human = Run({"send", "bob", text});
  EXPECT_EQ(human.exit_code, 0);
  EXPECT_EQ(LastRequest().send().alias(), "bob");
  EXPECT_EQ(LastRequest().send().text(), text);
  EXPECT_NE(human.out.find("00112233445566778899aabbccddeeff"), std::string::npos);

  auto machine = Run({"--json", "send", "bob", "two", "words"});
  EXPECT_EQ(LastRequest().send().text(), "two words");
  EXPECT_EQ(json::parse(machine.out), (json{{"id", "00112233445566778899aabbccddeeff"}}));

  auto dashed = Run({"send", "bob", "--", "-5 °C"});
  EXPECT_EQ(dashed.exit_code, 0);
  EXPECT_EQ(LastRequest().send().text(), "-5 °C");
}

TEST_F(CommandsTest, SendFromStandardInput) {
  auto piped = Run({"send", "bob", "-"}, {}, std::string("Первая строка\nвторая строка\n"));
  EXPECT_EQ(piped.exit_code, 0) << piped.err;
  EXPECT_EQ(LastRequest().send().text(), "Первая строка\nвторая строка");

  const std::size_t before = daemon_.Requests().size();
  auto too_long =
      Run({"--json", "send", "bob", "-"}, {}, std::string(cli::kMaxTextBytes + 10, 'x'));
  EXPECT_EQ(too_long.exit_code, kExitError);
  EXPECT_EQ(json::parse(too_long.out)["error"]["code"], "message_too_long");
  EXPECT_EQ(daemon_.Requests().size(), before);  // refused before sending

  auto not_utf8 = Run({"send", "bob", "-"}, {}, std::string("\xff\xfe"));
  EXPECT_EQ(not_utf8.exit_code, kExitError);
}

TEST_F(CommandsTest, Messages) {
  auto machine = Run({"messages", "bob", "--limit", "5", "--json"});
  EXPECT_EQ(machine.exit_code, 0);
  EXPECT_EQ(LastRequest().list_messages().alias(), "bob");
  EXPECT_EQ(LastRequest().list_messages().limit(), 5u);
  auto document = json::parse(machine.out);
  ASSERT_EQ(document.size(), 2u);
  EXPECT_EQ(document[0], (json{{"id", "aa"},
                               {"direction", "in"},
                               {"text", "Привет!\nВторая строка"},
                               {"state", "delivered"},
                               {"time", "2026-11-24T16:01:09.123Z"}}));
  EXPECT_EQ(document[1]["direction"], "out");
  EXPECT_EQ(document[1]["state"], "sent");

  auto human = Run({"messages", "bob"});
  EXPECT_EQ(LastRequest().list_messages().limit(), 0u);  // the daemon's default
  EXPECT_NE(human.out.find("bob" + std::string(10, ' ') + "Привет!\n"), std::string::npos)
      << human.out;
  EXPECT_NE(human.out.find("me    sent   hello\n"), std::string::npos) << human.out;
}

TEST_F(CommandsTest, DaemonErrorsAreTranslatedSentences) {
  auto english = Run({"messages", "nobody"});
  EXPECT_EQ(english.exit_code, kExitError);
  EXPECT_EQ(english.out, "");
  EXPECT_EQ(english.err,
            "parley: No contact named 'nobody'. See your contacts with: parley contacts list\n");

  auto russian = Run({"--lang", "ru", "--json", "send", "nobody", "привет"});
  EXPECT_EQ(russian.exit_code, kExitError);
  auto document = json::parse(russian.out);
  EXPECT_EQ(document["error"]["code"], "unknown_contact");
  EXPECT_EQ(document["error"]["message"],
            "Контакт «nobody» не найден. Список контактов: parley contacts list");
}

TEST_F(CommandsTest, NetworkHumanInTheUsersLanguage) {
  auto english = Run({"network"});
  EXPECT_EQ(english.exit_code, 0) << english.err;
  EXPECT_TRUE(LastRequest().has_network());
  EXPECT_NE(english.out.find("Network:             Prague Process\n"), std::string::npos)
      << english.out;
  EXPECT_NE(english.out.find("Network ID:          00112233445566778899aabbccddeeff\n"),
            std::string::npos);
  EXPECT_NE(english.out.find("Charter version:     2\n"), std::string::npos);
  EXPECT_NE(english.out.find("This node:           a member\n"), std::string::npos);
  EXPECT_NE(english.out.find("Anchor fingerprint:  abcd 0123\n"), std::string::npos);
  EXPECT_NE(english.out.find("* irregular-migration\n"
                             "    Preventing and combating irregular migration\n"
                             "      border-management  Border management\n"
                             "      document-security  Document security\n"),
            std::string::npos)
      << english.out;
  EXPECT_NE(english.out.find("\n  integration\n    Integration of migrants\n"), std::string::npos);
  EXPECT_EQ(english.out.find("Интеграция"), std::string::npos);

  // The language is chosen as for every other command: --lang, else the locale.
  for (const auto& russian :
       {Run({"--lang", "ru", "network"}), Run({"network"}, {{"LC_ALL", "ru_RU.UTF-8"}})}) {
    EXPECT_EQ(russian.exit_code, 0);
    EXPECT_NE(russian.out.find("Сеть:                Prague Process\n"), std::string::npos)
        << russian.out;
    EXPECT_NE(russian.out.find("Этот узел:           участник\n"), std::string::npos);
    EXPECT_NE(russian.out.find("* irregular-migration\n"
                               "    Предотвращение нелегальной миграции и борьба с ней\n"
                               "      border-management  Управление границами\n"),
              std::string::npos)
        << russian.out;
    EXPECT_EQ(russian.out.find("Border management"), std::string::npos);
  }
}

TEST_F(CommandsTest, NetworkJsonCarriesBothLanguages) {
  auto machine = Run({"--json", "--lang", "ru", "network"});
  EXPECT_EQ(machine.exit_code, 0);
  const json expected = {
      {"name", "Prague Process"},
      {"network_id", "00112233445566778899aabbccddeeff"},
      {"charter_version", 2},
      {"anchor", false},
      {"first_anchor", false},
      {"charter_fingerprint", "abcd 0123"},
      {"anchors", json::array()},
      {"areas", json::array({{{"slug", "irregular-migration"},
                              {"name_en", "Preventing and combating irregular migration"},
                              {"name_ru", "Предотвращение нелегальной миграции и борьба с ней"},
                              {"priority", true},
                              {"topics", json::array({{{"slug", "border-management"},
                                                       {"name_en", "Border management"},
                                                       {"name_ru", "Управление границами"}},
                                                      {{"slug", "document-security"},
                                                       {"name_en", "Document security"},
                                                       {"name_ru", "Безопасность документов"}}})}},
                             {{"slug", "integration"},
                              {"name_en", "Integration of migrants"},
                              {"name_ru", "Интеграция мигрантов"},
                              {"priority", false},
                              {"topics", json::array()}}})}};
  EXPECT_EQ(json::parse(machine.out), expected);
  EXPECT_NE(machine.out.find("Интеграция мигрантов"), std::string::npos);  // not \u-escaped
}

TEST_F(CommandsTest, ProfileShowOwnAndContact) {
  auto own = Run({"profile", "show"});
  EXPECT_EQ(own.exit_code, 0) << own.err;
  EXPECT_EQ(LastRequest().show_profile().alias(), "");
  EXPECT_NE(own.out.find("Name (Latin):     Anna Petrova\n"), std::string::npos) << own.out;
  EXPECT_NE(own.out.find("Name (Cyrillic):  Анна Петрова\n"), std::string::npos);
  EXPECT_NE(own.out.find("Organisation:     Министерство труда\n"), std::string::npos);
  EXPECT_NE(own.out.find("Areas:            legal-migration, return-reintegration\n"),
            std::string::npos);
  EXPECT_NE(own.out.find("Languages:        ru, en\n"), std::string::npos);
  EXPECT_NE(own.out.find("Trust:            you\n"), std::string::npos);
  EXPECT_NE(own.out.find("About:            Labour mobility.\n"
                         "                  Реинтеграция.\n"),
            std::string::npos);
  EXPECT_EQ(own.out.find("Alias:"), std::string::npos);  // one's own has none
  EXPECT_EQ(Run({"profile"}).out, own.out);              // "profile" alone shows one's own

  auto contact = Run({"--json", "profile", "show", "иван"});
  EXPECT_EQ(contact.exit_code, 0);
  EXPECT_EQ(LastRequest().show_profile().alias(), "иван");
  EXPECT_EQ(json::parse(contact.out), (json{{"fingerprint", "9999 8888"},
                                            {"name_latin", "Ivan Ivanov"},
                                            {"name_cyrillic", "Иван Иванов"},
                                            {"state", "AM"},
                                            {"org", "Migration Service"},
                                            {"role", "Adviser"},
                                            {"areas", json::array({"integration"})},
                                            {"languages", json::array({"hy"})},
                                            {"bio", ""},
                                            {"version", 1},
                                            {"updated", "2026-11-24T16:01:09.123Z"},
                                            {"expires", "2026-11-24T16:01:09.123Z"},
                                            {"trust", "verified"},
                                            {"alias", "иван"},
                                            {"endorsements", json::array()},
                                            {"contact_point_of", "AM"}}));

  auto russian = Run({"profile", "show", "иван", "--lang", "ru"});
  EXPECT_NE(russian.out.find("Псевдоним:        иван\n"), std::string::npos) << russian.out;
  EXPECT_NE(russian.out.find("Доверие:          подтверждённый контакт\n"), std::string::npos);
  EXPECT_NE(russian.out.find("О себе:           —\n"), std::string::npos);
}

TEST_F(CommandsTest, ProfileSetSendsOnlyTheGivenFields) {
  auto human = Run({"profile", "set", "--org", "Министерство труда", "--state=uz"});
  EXPECT_EQ(human.exit_code, 0) << human.err;
  const api::SetProfileRequest set = LastRequest().set_profile();
  EXPECT_TRUE(set.has_organisation());
  EXPECT_EQ(set.organisation(), "Министерство труда");
  EXPECT_TRUE(set.has_state());
  EXPECT_EQ(set.state(), "uz");  // as typed: the daemon normalises
  EXPECT_FALSE(set.has_name_latin());
  EXPECT_FALSE(set.has_name_cyrillic());
  EXPECT_FALSE(set.has_role());
  EXPECT_FALSE(set.has_bio());
  EXPECT_FALSE(set.set_areas());
  EXPECT_FALSE(set.set_languages());
  EXPECT_EQ(human.out.rfind("Saved: your profile is signed, version 4.", 0), 0u) << human.out;
  EXPECT_NE(human.out.find("Organisation:     Министерство труда\n"), std::string::npos);

  Run({"profile", "set", "--name-latin", "Anna Petrova", "--name-cyrillic", "Анна Петрова",
       "--role", "Head of unit", "--bio", "Line one\nline two", "--areas",
       "legal-migration, integration,", "--languages", "ru,en"});
  const api::SetProfileRequest all = LastRequest().set_profile();
  EXPECT_EQ(all.name_latin(), "Anna Petrova");
  EXPECT_EQ(all.name_cyrillic(), "Анна Петрова");
  EXPECT_EQ(all.role(), "Head of unit");
  EXPECT_EQ(all.bio(), "Line one\nline two");
  EXPECT_FALSE(all.has_state());
  EXPECT_FALSE(all.has_organisation());
  EXPECT_TRUE(all.set_areas());
  EXPECT_EQ(std::vector<std::string>(all.areas().begin(), all.areas().end()),
            (std::vector<std::string>{"legal-migration", "integration"}));
  EXPECT_TRUE(all.set_languages());
  EXPECT_EQ(std::vector<std::string>(all.languages().begin(), all.languages().end()),
            (std::vector<std::string>{"ru", "en"}));

  // An empty value clears: the areas are replaced by none, the bio by "".
  Run({"profile", "set", "--areas", "", "--bio="});
  const api::SetProfileRequest cleared = LastRequest().set_profile();
  EXPECT_TRUE(cleared.set_areas());
  EXPECT_EQ(cleared.areas_size(), 0);
  EXPECT_FALSE(cleared.set_languages());
  EXPECT_TRUE(cleared.has_bio());
  EXPECT_EQ(cleared.bio(), "");

  // --json prints the resulting profile, as `profile show` does.
  auto machine = Run({"--json", "profile", "set", "--org", "ОВД"});
  EXPECT_EQ(machine.exit_code, 0);
  auto document = json::parse(machine.out);
  EXPECT_EQ(document["org"], "ОВД");
  EXPECT_EQ(document["version"], 4);
  EXPECT_EQ(document["trust"], "self");
}

TEST_F(CommandsTest, ProfileSetWithoutAnOptionIsAUsageErrorAndSendsNothing) {
  const std::size_t before = daemon_.Requests().size();
  auto result = Run({"profile", "set"});
  EXPECT_EQ(result.exit_code, kExitUsage);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err,
            "parley: Say what to change: 'profile set' needs at least one option, for example "
            "--org ORG.\nsee: parley help profile set\n");
  EXPECT_EQ(daemon_.Requests().size(), before);
}

TEST_F(CommandsTest, DirectorySearchRequestAndPage) {
  auto human = Run({"directory", "search", "labour", "migration", "--state", "uz", "--area",
                    "legal-migration", "--lang", "RU", "--limit", "2", "--offset", "20"});
  EXPECT_EQ(human.exit_code, 0) << human.err;
  const api::SearchDirectoryRequest search = LastRequest().search_directory();
  EXPECT_EQ(search.text(), "labour migration");
  EXPECT_EQ(search.state(), "UZ");
  EXPECT_EQ(search.area(), "legal-migration");
  EXPECT_EQ(search.language(), "ru");
  EXPECT_EQ(search.limit(), 2u);
  EXPECT_EQ(search.offset(), 20u);
  EXPECT_EQ(human.out,
            "21. Ivan Ivanov · Иван Иванов · AM\n"
            "    Migration Service · Adviser\n"
            "    integration · hy\n"
            "    verified contact (иван) · 9999 8888\n"
            "\n"
            "22. Мария Сидорова · MD\n"
            "    unknown · 7777 6666\n"
            "\n"
            "21–22 of 45. Next page: the same command with --offset 22\n");

  // Defaults: no filters, the daemon's page size, from the start.
  Run({"directory", "search"});
  const api::SearchDirectoryRequest plain = LastRequest().search_directory();
  EXPECT_EQ(plain.text(), "");
  EXPECT_EQ(plain.state(), "");
  EXPECT_EQ(plain.area(), "");
  EXPECT_EQ(plain.language(), "");
  EXPECT_EQ(plain.limit(), 0u);
  EXPECT_EQ(plain.offset(), 0u);

  auto machine = Run({"--json", "directory", "search", "Иванова"});
  EXPECT_EQ(LastRequest().search_directory().text(), "Иванова");
  const json expected = json::array({{{"fingerprint", "9999 8888"},
                                      {"name_latin", "Ivan Ivanov"},
                                      {"name_cyrillic", "Иван Иванов"},
                                      {"state", "AM"},
                                      {"org", "Migration Service"},
                                      {"role", "Adviser"},
                                      {"areas", json::array({"integration"})},
                                      {"languages", json::array({"hy"})},
                                      {"trust", "verified"},
                                      {"endorsements", json::array()}},
                                     {{"fingerprint", "7777 6666"},
                                      {"name_latin", ""},
                                      {"name_cyrillic", "Мария Сидорова"},
                                      {"state", "MD"},
                                      {"org", ""},
                                      {"role", ""},
                                      {"areas", json::array()},
                                      {"languages", json::array()},
                                      {"trust", "unknown"},
                                      {"endorsements", json::array()}}});
  EXPECT_EQ(json::parse(machine.out), expected);
  EXPECT_NE(machine.out.find("Мария Сидорова"), std::string::npos);
}

TEST_F(CommandsTest, DirectorySearchLangAfterTheCommandFiltersBeforeItTranslates) {
  auto filter = Run({"directory", "search", "--lang", "ru"});
  EXPECT_EQ(filter.exit_code, 0) << filter.err;
  EXPECT_EQ(LastRequest().search_directory().language(), "ru");
  EXPECT_NE(filter.out.find("1–2 of 45."), std::string::npos) << filter.out;  // English

  auto interface = Run({"--lang", "ru", "directory", "search", "x"});
  EXPECT_EQ(interface.exit_code, 0) << interface.err;
  EXPECT_EQ(LastRequest().search_directory().language(), "");
  EXPECT_EQ(LastRequest().search_directory().text(), "x");
  EXPECT_NE(interface.out.find("1–2 из 45. Следующая страница: та же команда с --offset 2\n"),
            std::string::npos)
      << interface.out;

  auto both = Run({"--lang", "ru", "directory", "search", "x", "--lang=en"});
  EXPECT_EQ(LastRequest().search_directory().language(), "en");
  EXPECT_NE(both.out.find("из 45"), std::string::npos) << both.out;

  // Not a language code: a usage error that says how to switch the language.
  auto wrong = Run({"directory", "search", "--lang", "russian"});
  EXPECT_EQ(wrong.exit_code, kExitUsage);
  EXPECT_NE(wrong.err.find("parley --lang ru directory search"), std::string::npos) << wrong.err;
  EXPECT_NE(wrong.err.find("see: parley help directory search"), std::string::npos);
}

TEST_F(CommandsTest, DirectorySearchEmptyAndPastTheEnd) {
  auto none = Run({"directory", "search", "nobody"});
  EXPECT_EQ(none.exit_code, 0);
  EXPECT_EQ(none.out,
            "Nobody in the directory matches. Try fewer words or filters (area slugs are\n"
            "listed by 'parley network').\n");
  auto none_ru = Run({"--lang", "ru", "directory", "search", "nobody"});
  EXPECT_EQ(none_ru.exit_code, 0);
  EXPECT_EQ(none_ru.out.rfind("В справочнике никто не подходит.", 0), 0u) << none_ru.out;
  auto none_json = Run({"--json", "directory", "search", "nobody"});
  EXPECT_EQ(none_json.exit_code, 0);
  EXPECT_EQ(json::parse(none_json.out), json::array());

  auto past = Run({"directory", "search", "--offset", "45"});
  EXPECT_EQ(past.exit_code, 0);
  EXPECT_NE(past.out.find("There are 45 results in all"), std::string::npos) << past.out;

  auto last_page = Run({"directory", "search", "--offset", "43"});
  EXPECT_NE(last_page.out.find("44–45 of 45.\n"), std::string::npos) << last_page.out;
  EXPECT_EQ(last_page.out.find("Next page"), std::string::npos);  // nothing after it
}

TEST_F(CommandsTest, DirectoryAndProfileErrorsAreTranslated) {
  auto no_alias = Run({"profile", "show", "nobody"});
  EXPECT_EQ(no_alias.exit_code, kExitError);
  EXPECT_EQ(no_alias.err,
            "parley: nobody has not published a profile yet, or it has not reached your node. "
            "They publish one with: parley profile set\n");
  auto no_alias_ru = Run({"--lang", "ru", "--json", "profile", "show", "nobody"});
  auto document = json::parse(no_alias_ru.out);
  EXPECT_EQ(document["error"]["code"], "no_profile");
  EXPECT_EQ(document["error"]["message"],
            "nobody ещё не опубликовал профиль, или профиль ещё не дошёл до вашего узла. Профиль "
            "публикуется командой: parley profile set");

  auto own = Run({"profile", "show", "newcomer"});  // the daemon's NO_PROFILE without detail
  EXPECT_EQ(own.exit_code, kExitError);
  EXPECT_NE(own.err.find("You have no profile yet. Set one with: parley profile set"),
            std::string::npos)
      << own.err;

  auto state = Run({"--json", "profile", "set", "--state", "Uzbekistan"});
  EXPECT_EQ(state.exit_code, kExitError);
  auto state_document = json::parse(state.out);
  EXPECT_EQ(state_document["error"]["code"], "invalid_profile");
  EXPECT_EQ(state_document["error"]["message"],
            "--state must be the two-letter ISO 3166 code of a state, for example UZ, AM or DE.");
  auto state_ru = Run({"--lang", "ru", "profile", "set", "--state", "Uzbekistan"});
  EXPECT_EQ(state_ru.err,
            "parley: В --state нужен двухбуквенный код государства по ISO 3166, например UZ, AM "
            "или DE.\n");

  auto unknown_field = Run({"profile", "set", "--role", "photo"});
  EXPECT_EQ(unknown_field.exit_code, kExitError);
  EXPECT_NE(unknown_field.err.find("the profile field 'photo'"), std::string::npos)
      << unknown_field.err;
}

TEST_F(CommandsTest, TrustIsShownInProfilesAndTheDirectory) {
  auto maria = Run({"profile", "show", "maria"});
  EXPECT_EQ(maria.exit_code, 0) << maria.err;
  EXPECT_NE(maria.out.find("Trust:            contact, not verified\n"
                           "                  endorsed by Ivan Ivanov (contact point of AM) ← "
                           "anchor abcd ef01\n"
                           "Endorsed as:      member of Migration Service (AM)\n"),
            std::string::npos)
      << maria.out;
  auto maria_json = json::parse(Run({"--json", "profile", "show", "maria"}).out);
  EXPECT_EQ(maria_json["trust"], "contact");
  EXPECT_EQ(maria_json["endorsements"], json::array({{{"subject", "9999 8888"},
                                                      {"organisation", "Migration Service"},
                                                      {"state", "AM"},
                                                      {"endorser", "9999 8888"},
                                                      {"endorser_name", "Ivan Ivanov"},
                                                      {"endorser_is_anchor", false},
                                                      {"anchor", kAnchor},
                                                      {"issued_at", "2026-11-24T16:01:09.123Z"}}}));
  EXPECT_EQ(maria_json.count("contact_point_of"), 0u);

  auto ivan = Run({"profile", "show", "иван"});
  EXPECT_NE(ivan.out.find("Network role:     National Contact Point of AM\n"), std::string::npos)
      << ivan.out;

  auto search = Run({"directory", "search", "endorsed"});
  EXPECT_EQ(search.exit_code, 0) << search.err;
  EXPECT_NE(search.out.find("2. Мария Сидорова · MD\n"
                            "   endorsed by Ivan Ivanov (contact point of AM) ← anchor abcd ef01 · "
                            "7777 6666\n"),
            std::string::npos)
      << search.out;
  auto search_ru = Run({"--lang", "ru", "directory", "search", "endorsed"});
  EXPECT_NE(search_ru.out.find("   заверено: Ivan Ivanov (контактный пункт AM) ← якорь abcd ef01 · "
                               "7777 6666\n"),
            std::string::npos)
      << search_ru.out;
  auto search_json = json::parse(Run({"--json", "directory", "search", "endorsed"}).out);
  EXPECT_EQ(search_json[1]["trust"], "endorsed");
  EXPECT_EQ(search_json[1]["endorsements"][0]["organisation"], "Ministry of Labour");
  EXPECT_EQ(search_json[0]["endorsements"], json::array());
}

TEST_F(CommandsTest, ContactPointAdd) {
  auto human = Run({"contact-point", "add", "иван", "--state", "am"});
  EXPECT_EQ(human.exit_code, 0) << human.err;
  EXPECT_EQ(LastRequest().add_contact_point().alias(), "иван");
  EXPECT_EQ(LastRequest().add_contact_point().state(), "AM");  // upper case, as stored
  EXPECT_EQ(human.out,
            "Ivan Ivanov (иван) is now the National Contact Point of AM; delegated by anchor\n"
            "abcd ef01 2345 6789 abcd ef01 2345 6789 abcd ef01.\n"
            "From their own node they can now endorse members of AM (parley endorse ALIAS\n"
            "--org ORG). Other nodes learn of the delegation as the directory syncs.\n");

  auto machine = Run({"--json", "contact-point", "add", "иван", "--state=AM"});
  EXPECT_EQ(machine.exit_code, 0);
  EXPECT_EQ(json::parse(machine.out), (json{{"fingerprint", "9999 8888"},
                                            {"name", "Ivan Ivanov"},
                                            {"alias", "иван"},
                                            {"state", "AM"},
                                            {"suspended", false},
                                            {"issued_at", "2026-11-24T16:01:09.123Z"},
                                            {"anchor", kAnchor}}));

  auto russian = Run({"--lang", "ru", "contact-point", "add", "иван", "--state", "AM"});
  EXPECT_EQ(russian.out.rfind("Ivan Ivanov (иван) — теперь национальный контактный пункт AM;", 0),
            0u)
      << russian.out;

  // Not two letters: sent as typed, and the daemon's INVALID_STATE says what to give.
  auto invalid = Run({"contact-point", "add", "иван", "--state", "Armenia"});
  EXPECT_EQ(invalid.exit_code, kExitError);
  EXPECT_EQ(LastRequest().add_contact_point().state(), "Armenia");
  EXPECT_EQ(invalid.err,
            "parley: 'Armenia' is not a state code: give the two-letter ISO 3166 code of a state, "
            "for example --state UZ, AM or DE.\n");
  auto unknown = Run({"--json", "contact-point", "add", "nobody", "--state", "AM"});
  EXPECT_EQ(json::parse(unknown.out)["error"]["code"], "unknown_contact");
}

TEST_F(CommandsTest, ContactPointSuspend) {
  auto human = Run({"contact-point", "suspend", "иван"});
  EXPECT_EQ(human.exit_code, 0) << human.err;
  EXPECT_EQ(LastRequest().suspend_contact_point().alias(), "иван");
  EXPECT_EQ(human.out,
            "Ivan Ivanov (иван) is suspended as the National Contact Point of AM. Every\n"
            "endorsement they made no longer holds: members' nodes stop counting them as the\n"
            "directory syncs.\n");
  auto machine = json::parse(Run({"--json", "contact-point", "suspend", "иван"}).out);
  EXPECT_EQ(machine["suspended"], true);
  EXPECT_EQ(machine["alias"], "иван");
  EXPECT_EQ(machine["issued_at"], "2026-11-24T16:01:09.123Z");

  auto not_one = Run({"contact-point", "suspend", "bob"});
  EXPECT_EQ(not_one.exit_code, kExitError);
  EXPECT_EQ(not_one.err,
            "parley: 'bob' is not an active contact point. See the contact points with: parley "
            "contact-point list\n");
  auto again = Run({"--lang", "ru", "--json", "contact-point", "suspend", "old"});
  auto document = json::parse(again.out);
  EXPECT_EQ(document["error"]["code"], "already_suspended");
  EXPECT_EQ(document["error"]["message"],
            "Контактный пункт old уже приостановлен; ничего не изменилось. Список контактных "
            "пунктов: parley contact-point list");
}

TEST_F(CommandsTest, ContactPointList) {
  auto human = Run({"contact-point", "list"});
  EXPECT_EQ(human.exit_code, 0) << human.err;
  EXPECT_TRUE(LastRequest().has_list_contact_points());
  const std::string date = render::LocalDateTime(kTime);
  const std::string pad(render::DisplayWidth(date) - 9, ' ');  // under "DELEGATED"
  EXPECT_EQ(human.out, "STATE  NAME          ALIAS  STATUS     DELEGATED" + pad +
                           "  FINGERPRINT\n"
                           "AM     Ivan Ivanov   иван   active     " +
                           date +
                           "  9999 8888\n"
                           "UZ     Анна Петрова         suspended  " +
                           date + "  5555 4444\n");
  EXPECT_EQ(Run({"contact-point"}).out, human.out);  // the group's word alone lists

  auto machine = json::parse(Run({"--json", "contact-point", "list"}).out);
  ASSERT_TRUE(machine.is_array());
  ASSERT_EQ(machine.size(), 2u);
  EXPECT_EQ(machine[1], (json{{"fingerprint", "5555 4444"},
                              {"name", "Анна Петрова"},
                              {"alias", ""},
                              {"state", "UZ"},
                              {"suspended", true},
                              {"issued_at", "2026-11-24T16:01:09.123Z"},
                              {"anchor", kAnchor}}));

  auto russian = Run({"--lang", "ru", "contact-point", "list"});
  EXPECT_EQ(russian.out.rfind("ГОСУДАРСТВО  ИМЯ", 0), 0u) << russian.out;
  EXPECT_NE(russian.out.find("приостановлен"), std::string::npos);

  list_no_contact_points = true;
  auto none = Run({"contact-point", "list"});
  auto none_json = Run({"--json", "contact-point", "list"});
  list_no_contact_points = false;
  EXPECT_EQ(none.out,
            "The network has no National Contact Points yet. The anchor (the secretariat's\n"
            "node) names one with: parley contact-point add ALIAS --state XX\n");
  EXPECT_EQ(json::parse(none_json.out), json::array());
}

TEST_F(CommandsTest, Endorse) {
  auto human = Run({"endorse", "maria", "--org", "Министерство труда"});
  EXPECT_EQ(human.exit_code, 0) << human.err;
  EXPECT_EQ(LastRequest().endorse().alias(), "maria");
  EXPECT_EQ(LastRequest().endorse().organisation(), "Министерство труда");
  EXPECT_EQ(human.out,
            "Endorsed maria as a member of Министерство труда (AM). Every member of the\n"
            "network will see their profile as the directory syncs.\n");

  auto machine = Run({"--json", "endorse", "maria", "--org", "Migration Service"});
  EXPECT_EQ(machine.exit_code, 0);
  EXPECT_EQ(json::parse(machine.out), (json{{"subject", "7777 6666"},
                                            {"organisation", "Migration Service"},
                                            {"state", "AM"},
                                            {"endorser", "9999 8888"},
                                            {"endorser_name", "Ivan Ivanov"},
                                            {"endorser_is_anchor", false},
                                            {"anchor", kAnchor},
                                            {"issued_at", "2026-11-24T16:01:09.123Z"}}));

  auto russian = Run({"--lang", "ru", "endorse", "maria", "--org", "Минтруд"});
  EXPECT_EQ(russian.out.rfind("Заверено: maria — член организации Минтруд (AM).", 0), 0u)
      << russian.out;

  // The contact's profile names another state: the sentence names the contact too.
  auto wrong_state = Run({"endorse", "bob", "--org", "X"});
  EXPECT_EQ(wrong_state.exit_code, kExitError);
  EXPECT_EQ(wrong_state.err,
            "parley: You are the contact point of AM; bob's profile names another state — only "
            "that state's contact point or the anchor can endorse them.\n");
  auto wrong_state_ru =
      json::parse(Run({"--lang", "ru", "--json", "endorse", "bob", "--org", "X"}).out);
  EXPECT_EQ(wrong_state_ru["error"]["code"], "wrong_state");
  EXPECT_EQ(wrong_state_ru["error"]["message"],
            "Вы — контактный пункт AM, а в профиле bob указано другое государство — заверить "
            "этого человека может только контактный пункт того государства или якорь сети.");

  // No profile yet: the endorser cannot see what they vouch for.
  auto no_profile = Run({"endorse", "newcomer", "--org", "X"});
  EXPECT_EQ(no_profile.exit_code, kExitError);
  EXPECT_EQ(no_profile.err.rfind("parley: newcomer has not published a profile yet", 0), 0u)
      << no_profile.err;
}

TEST_F(CommandsTest, ContactPointAndEndorseUsageErrors) {
  const std::size_t before = daemon_.Requests().size();
  auto no_state = Run({"contact-point", "add", "иван"});
  EXPECT_EQ(no_state.exit_code, kExitUsage);
  EXPECT_EQ(no_state.err,
            "parley: The command 'contact-point add' needs --state STATE.\n"
            "see: parley help contact-point add\n");
  auto no_org = Run({"endorse", "maria"});
  EXPECT_EQ(no_org.exit_code, kExitUsage);
  EXPECT_EQ(no_org.err,
            "parley: The command 'endorse' needs --org ORG.\nsee: parley help endorse\n");
  auto no_alias = Run({"endorse", "--org", "X"});
  EXPECT_EQ(no_alias.err, "parley: Missing ALIAS for 'endorse'.\nsee: parley help endorse\n");
  EXPECT_EQ(Run({"contact-point", "suspend"}).exit_code, kExitUsage);
  EXPECT_EQ(Run({"contact-point", "list", "extra"}).exit_code, kExitUsage);
  EXPECT_EQ(Run({"contact-point", "add", "a", "--state", "AM", "--org", "X"}).exit_code,
            kExitUsage);
  auto unknown = Run({"contact-point", "frobnicate"});
  EXPECT_EQ(unknown.exit_code, kExitUsage);
  EXPECT_NE(unknown.err.find("'contact-point frobnicate'"), std::string::npos) << unknown.err;
  EXPECT_EQ(daemon_.Requests().size(), before);  // none reached the daemon
}

TEST(TrustErrorsTest, OnlyTheAnchorAndContactPointsMayDelegateOrEndorse) {
  TempHome home;
  FakeDaemon daemon(home.path(), [](const api::Request& request) -> std::optional<api::Reply> {
    return testing::ErrorReply(request.has_endorse() ? api::NOT_ENDORSER : api::NOT_ANCHOR, "");
  });
  auto run = [&](std::vector<std::string> argv, const std::string& lang) {
    argv.insert(argv.begin(), {"--home", home.path()});
    return RunParley(argv, {{"LANG", lang}});
  };
  for (const auto& argv :
       std::vector<std::vector<std::string>>{{"contact-point", "add", "иван", "--state", "AM"},
                                             {"contact-point", "suspend", "иван"}}) {
    auto english = run(argv, "C.UTF-8");
    EXPECT_EQ(english.exit_code, kExitError);
    EXPECT_EQ(english.err.rfind("parley: Only the network's anchor (the secretariat's node) can "
                                "name or suspend contact points.",
                                0),
              0u)
        << english.err;
    auto russian = run(argv, "ru_RU.UTF-8");
    EXPECT_EQ(russian.err.rfind("parley: Назначать и приостанавливать контактные пункты может "
                                "только якорь сети",
                                0),
              0u)
        << russian.err;
  }
  auto endorse = run({"--json", "endorse", "maria", "--org", "X"}, "C.UTF-8");
  auto document = json::parse(endorse.out);
  EXPECT_EQ(document["error"]["code"], "not_endorser");
  EXPECT_NE(document["error"]["message"].get<std::string>().find("parley contact-point list"),
            std::string::npos);
}

TEST(NoNetworkTest, NetworkProfileAndSearchSayHowToJoin) {
  TempHome home;
  FakeDaemon daemon(home.path(), [](const api::Request&) -> std::optional<api::Reply> {
    return testing::ErrorReply(api::NO_NETWORK, "");
  });
  const std::vector<std::vector<std::string>> commands = {
      {"network"}, {"profile", "show"}, {"profile", "set", "--org", "x"}, {"directory", "search"}};
  for (auto argv : commands) {
    argv.insert(argv.begin(), {"--home", home.path()});
    auto english = RunParley(argv, {{"LANG", "C.UTF-8"}});
    EXPECT_EQ(english.exit_code, kExitError) << argv[2];
    EXPECT_EQ(english.out, "");
    EXPECT_NE(english.err.find("This node has not joined a network"), std::string::npos)
        << english.err;
    EXPECT_NE(english.err.find("parleyd --home DIR init --name NAME --charter FILE"),
              std::string::npos);
    EXPECT_NE(english.err.find("parleyd --home DIR network create --name NAME --out FILE"),
              std::string::npos);

    argv.push_back("--json");
    auto russian = RunParley(argv, {{"LANG", "ru_RU.UTF-8"}});
    auto document = json::parse(russian.out);
    EXPECT_EQ(document["error"]["code"], "no_network");
    EXPECT_NE(document["error"]["message"].get<std::string>().find("не входит ни в одну сеть"),
              std::string::npos);
  }
  EXPECT_EQ(daemon.Requests().size(), 2 * commands.size());
}

// ------------------------------------------------------------------- revoke

std::string ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void WriteWhole(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

bool Exists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

mode_t Mode(const std::string& path) {
  struct stat st {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return st.st_mode & 07777;
}

TEST_F(CommandsTest, RevokeExportWritesANewFileForTheOwnerOnly) {
  const std::string file = home_.path() + "/revocation.txt";
  auto human = Run({"revoke", "--export", file});
  EXPECT_EQ(human.exit_code, 0) << human.err;
  EXPECT_EQ(LastRequest().revoke().mode(), api::RevokeRequest::EXPORT);
  EXPECT_EQ(ReadWhole(file), kCertificate + "\n");
  EXPECT_EQ(Mode(file), 0600u);
  EXPECT_EQ(human.out.rfind("Wrote the revocation certificate of this node's key 3f2a 91c0 to", 0),
            0u)
      << human.out;
  EXPECT_NE(human.out.find("Keep it offline"), std::string::npos) << human.out;
  EXPECT_NE(human.out.find("USB stick"), std::string::npos);
  EXPECT_NE(human.out.find("\n  parley revoke --publish " + file + "\n"), std::string::npos)
      << human.out;

  // An existing file is never overwritten, and nothing is asked of the daemon.
  const std::size_t before = daemon_.Requests().size();
  WriteWhole(file, "keep me\n");
  auto again = Run({"revoke", "--export", file});
  EXPECT_EQ(again.exit_code, kExitError);
  EXPECT_EQ(again.out, "");
  EXPECT_EQ(again.err, "parley: " + file +
                           " already exists, and parley does not overwrite it. Choose a new "
                           "file name, or move the old file away first.\n");
  EXPECT_EQ(ReadWhole(file), "keep me\n");
  auto again_json = json::parse(Run({"--json", "revoke", "--export", file}).out);
  EXPECT_EQ(again_json["error"]["code"], "file_exists");
  auto no_directory = Run({"revoke", "--export", home_.path() + "/no/such/dir/revocation.txt"});
  EXPECT_EQ(no_directory.exit_code, kExitError);
  EXPECT_EQ(no_directory.err.rfind("parley: Could not write " + home_.path() + "/no/such/dir", 0),
            0u)
      << no_directory.err;
  EXPECT_EQ(daemon_.Requests().size(), before);

  // Exactly 0600 even when the umask would narrow it.
  const std::string strict = home_.path() + "/strict.txt";
  const mode_t old_umask = ::umask(0277);
  auto machine = Run({"--json", "revoke", "--export", strict});
  ::umask(old_umask);
  EXPECT_EQ(machine.exit_code, 0) << machine.out;
  EXPECT_EQ(json::parse(machine.out), (json{{"fingerprint", "3f2a 91c0"}, {"file", strict}}));
  EXPECT_EQ(Mode(strict), 0600u);
  EXPECT_EQ(ReadWhole(strict), kCertificate + "\n");

  auto russian = Run({"--lang", "ru", "revoke", "--export", home_.path() + "/ru.txt"});
  EXPECT_EQ(russian.out.rfind("Сертификат отзыва ключа этого узла 3f2a 91c0 записан в", 0), 0u)
      << russian.out;
  EXPECT_NE(russian.out.find("офлайн"), std::string::npos);
}

TEST_F(CommandsTest, RevokeExportQuotesAFileNameForTheShell) {
  const std::string file = home_.path() + "/my revocation's copy.txt";
  auto human = Run({"revoke", "--export", file});
  EXPECT_EQ(human.exit_code, 0) << human.err;
  EXPECT_NE(human.out.find("\n  parley revoke --publish '" + home_.path() +
                           "/my revocation'\\''s copy.txt'\n"),
            std::string::npos)
      << human.out;
}

TEST(RevokeExportTest, NothingIsLeftBehindWhenTheDaemonRefuses) {
  TempHome home;
  FakeDaemon daemon(home.path(), [](const api::Request&) -> std::optional<api::Reply> {
    return testing::ErrorReply(api::KEY_REVOKED, "");
  });
  const std::string file = home.path() + "/revocation.txt";
  auto result = RunParley({"--home", home.path(), "revoke", "--export", file}, {{"LANG", "C"}});
  EXPECT_EQ(result.exit_code, kExitError);
  EXPECT_EQ(result.err,
            "parley: This node's key is revoked: other nodes refuse everything it signs. Create a "
            "new node (parleyd init) and share its card.\n");
  EXPECT_FALSE(Exists(file));

  // No daemon at all: no file either.
  TempHome empty;
  const std::string other = empty.path() + "/revocation.txt";
  auto no_daemon = RunParley({"--home", empty.path(), "revoke", "--export", other});
  EXPECT_EQ(no_daemon.exit_code, kExitNoDaemon);
  EXPECT_FALSE(Exists(other));
}

TEST_F(CommandsTest, RevokePublishSendsTheFilesTrimmedText) {
  const std::string file = home_.path() + "/revocation.txt";
  WriteWhole(file, "\n  " + kCertificate + "\r\n\n");
  auto human = Run({"revoke", "--publish", file});
  EXPECT_EQ(human.exit_code, 0) << human.err;
  EXPECT_EQ(LastRequest().revoke().mode(), api::RevokeRequest::PUBLISH);
  EXPECT_EQ(LastRequest().revoke().certificate(), kCertificate);
  EXPECT_EQ(human.out, "Revoked иван's key 9999 8888; every node stops trusting it after sync.\n");
  EXPECT_EQ(json::parse(Run({"--json", "revoke", "--publish", file}).out),
            (json{{"fingerprint", "9999 8888"}, {"alias", "иван"}, {"published", true}}));

  // A stranger's key: no alias.
  const std::string stranger = home_.path() + "/stranger.txt";
  WriteWhole(stranger, "parley-revocation:SSSS\n");
  EXPECT_EQ(Run({"revoke", "--publish", stranger}).out,
            "Revoked key 5555 4444; every node stops trusting it after sync.\n");
  EXPECT_EQ(json::parse(Run({"revoke", "--publish", stranger, "--json"}).out),
            (json{{"fingerprint", "5555 4444"}, {"published", true}}));
  EXPECT_EQ(Run({"--lang", "ru", "revoke", "--publish", stranger}).out,
            "Ключ 5555 4444 отозван; все узлы перестанут ему доверять после синхронизации.\n");

  // The daemon finds it is no revocation of this network.
  const std::string card = home_.path() + "/card.txt";
  WriteWhole(card, kCard + "\n");
  auto invalid = Run({"revoke", "--publish", card});
  EXPECT_EQ(invalid.exit_code, kExitError);
  EXPECT_EQ(invalid.err,
            "parley: This is not a valid revocation certificate for this network (not a "
            "revocation certificate). Publish the file that 'parley revoke --export FILE' wrote "
            "on the node whose key is to be revoked.\n");
  EXPECT_EQ(json::parse(Run({"--json", "revoke", "--publish", card}).out)["error"]["code"],
            "invalid_revocation");
}

TEST_F(CommandsTest, RevokePublishRefusesFilesThatCannotHoldACertificate) {
  const std::size_t before = daemon_.Requests().size();
  const std::string missing = home_.path() + "/missing.txt";
  auto unreadable = Run({"revoke", "--publish", missing});
  EXPECT_EQ(unreadable.exit_code, kExitError);
  EXPECT_EQ(unreadable.err, "parley: Could not read " + missing +
                                " (No such file or directory). Give the file that 'parley revoke "
                                "--export FILE' wrote.\n");
  EXPECT_EQ(json::parse(Run({"--json", "revoke", "--publish", missing}).out)["error"]["code"],
            "file_read");
  EXPECT_EQ(Run({"revoke", "--publish", home_.path()}).err.rfind("parley: Could not read", 0), 0u);

  const std::string big = home_.path() + "/big.txt";
  WriteWhole(big, "parley-revocation:" + std::string(cli::kMaxCertificateBytes, 'R'));
  const std::string empty = home_.path() + "/empty.txt";
  WriteWhole(empty, " \n\n");
  const std::string binary = home_.path() + "/binary.txt";
  WriteWhole(binary, "parley-revocation:\xff\xfe");
  for (const std::string& file : {big, empty, binary}) {
    auto result = Run({"revoke", "--publish", file});
    EXPECT_EQ(result.exit_code, kExitError) << file;
    EXPECT_EQ(result.err, "parley: " + file +
                              " does not hold a revocation certificate: that is one line of text "
                              "starting with 'parley-revocation:', as 'parley revoke --export "
                              "FILE' writes it.\n");
    EXPECT_EQ(json::parse(Run({"--json", "revoke", "--publish", file}).out)["error"]["code"],
              "not_a_certificate");
  }
  // Just under the bound is read whole.
  const std::string largest = home_.path() + "/largest.txt";
  WriteWhole(largest, "parley-revocation:" + std::string(cli::kMaxCertificateBytes - 18, 'R'));
  EXPECT_EQ(daemon_.Requests().size(), before);
  EXPECT_EQ(Run({"revoke", "--publish", largest}).exit_code, 0);
  EXPECT_EQ(LastRequest().revoke().certificate().size(), cli::kMaxCertificateBytes);
}

TEST_F(CommandsTest, RevokeMember) {
  auto human = Run({"revoke", "--member", "maria"});
  EXPECT_EQ(human.exit_code, 0) << human.err;
  EXPECT_EQ(LastRequest().revoke().mode(), api::RevokeRequest::MEMBER);
  EXPECT_EQ(LastRequest().revoke().alias(), "maria");
  EXPECT_EQ(human.out, "Revoked maria's key 7777 6666; every node stops trusting it after sync.\n");
  EXPECT_EQ(json::parse(Run({"--json", "revoke", "--member=maria"}).out),
            (json{{"fingerprint", "7777 6666"}, {"alias", "maria"}, {"published", true}}));
  EXPECT_EQ(Run({"--lang", "ru", "revoke", "--member", "maria"}).out,
            "Ключ контакта maria (7777 6666) отозван; все узлы перестанут ему доверять после\n"
            "синхронизации.\n");

  auto not_revoker = Run({"revoke", "--member", "bob"});
  EXPECT_EQ(not_revoker.exit_code, kExitError);
  EXPECT_EQ(not_revoker.err,
            "parley: Only the network's anchor or the contact point that endorsed bob can revoke "
            "their key, and this node is neither. Ask the secretariat or that contact point "
            "(parley profile show bob shows who endorsed them).\n");
  auto not_revoker_ru =
      json::parse(Run({"--lang", "ru", "--json", "revoke", "--member", "bob"}).out);
  EXPECT_EQ(not_revoker_ru["error"]["code"], "not_revoker");
  EXPECT_EQ(not_revoker_ru["error"]["message"].get<std::string>().rfind(
                "Отозвать ключ bob может только якорь сети", 0),
            0u);
  EXPECT_EQ(Run({"revoke", "--member", "nobody"}).err,
            "parley: No contact named 'nobody'. See your contacts with: parley contacts list\n");
}

TEST_F(CommandsTest, RevokeOwnKeyOnlyWithYes) {
  const std::size_t before = daemon_.Requests().size();
  auto warned = Run({"revoke"});
  EXPECT_NE(warned.exit_code, 0);
  EXPECT_EQ(warned.exit_code, kExitError);
  EXPECT_EQ(warned.out, "");
  EXPECT_EQ(warned.err,
            "parley: This revokes this node's key for good: every node will refuse it, and "
            "nothing can undo it. To go ahead, run: parley revoke --yes (to only make a "
            "certificate for later: parley revoke --export FILE)\n");
  auto russian = Run({"--lang", "ru", "revoke"});
  EXPECT_EQ(russian.exit_code, kExitError);
  EXPECT_EQ(std::count(russian.err.begin(), russian.err.end(), '\n'), 1) << russian.err;
  EXPECT_NE(russian.err.find("навсегда отзывает ключ этого узла"), std::string::npos);
  EXPECT_NE(russian.err.find("parley revoke --yes"), std::string::npos);
  auto machine = json::parse(Run({"--json", "revoke"}).out);
  EXPECT_EQ(machine["error"]["code"], "not_confirmed");
  EXPECT_EQ(daemon_.Requests().size(), before);  // nothing was sent

  auto human = Run({"revoke", "--yes"});
  EXPECT_EQ(human.exit_code, 0) << human.err;
  ASSERT_EQ(daemon_.Requests().size(), before + 1);
  EXPECT_EQ(LastRequest().revoke().mode(), api::RevokeRequest::OWN_KEY_NOW);
  EXPECT_EQ(human.out,
            "Revoked key 3f2a 91c0; every node stops trusting it after sync.\n"
            "This node's key can no longer be used: set up a new node (parleyd init) and\n"
            "share its new card.\n");
  EXPECT_EQ(json::parse(Run({"revoke", "--yes", "--json"}).out),
            (json{{"fingerprint", "3f2a 91c0"}, {"published", true}}));
}

TEST_F(CommandsTest, RevokeTakesExactlyOneForm) {
  const std::size_t before = daemon_.Requests().size();
  auto both = Run({"revoke", "--yes", "--export", home_.path() + "/x.txt"});
  EXPECT_EQ(both.exit_code, kExitUsage);
  EXPECT_EQ(both.err,
            "parley: Give only one of --export, --publish, --member and --yes, not both --export "
            "and --yes.\nsee: parley help revoke\n");
  EXPECT_FALSE(Exists(home_.path() + "/x.txt"));
  auto russian = Run({"--lang", "ru", "revoke", "--member", "bob", "--publish", "f"});
  EXPECT_EQ(russian.err,
            "parley: Укажите только один из параметров --export, --publish, --member и --yes, а "
            "не сразу --publish и --member.\nсм.: parley help revoke\n");
  for (const auto& argv : std::vector<std::vector<std::string>>{
           {"revoke", "--member", "a", "--yes"},
           {"revoke", "--export", "a", "--publish", "b", "--member", "c", "--yes"},
           {"revoke", "--export"},
           {"revoke", "--member"},
           {"revoke", "--yes=1"},
           {"revoke", "bob"},
           {"revoke", "--org", "x"}}) {
    auto result = Run(argv);
    EXPECT_EQ(result.exit_code, kExitUsage) << ::testing::PrintToString(argv);
    EXPECT_NE(result.err.find("\nsee: parley help revoke\n"), std::string::npos) << result.err;
  }
  EXPECT_EQ(daemon_.Requests().size(), before);
}

TEST_F(CommandsTest, SendToARevokedContact) {
  auto english = Run({"send", "gone", "hello"});
  EXPECT_EQ(english.exit_code, kExitError);
  EXPECT_EQ(english.err,
            "parley: gone's key is revoked: messages to and from it are refused. Ask them for "
            "their new card.\n");
  auto russian = json::parse(Run({"--lang", "ru", "--json", "send", "gone", "привет"}).out);
  EXPECT_EQ(russian["error"]["code"], "key_revoked");
  EXPECT_EQ(russian["error"]["message"],
            "Ключ gone отозван: сообщения к нему и от него не принимаются. Попросите у этого "
            "человека новую карточку.");
}

// ----------------------------------------------------------- network amend

// The workflow of `parley help network amend`: export, edit, amend.
TEST_F(CommandsTest, NetworkAmendSendsTheEditedExportAndTheName) {
  auto exported = Run({"--json", "network"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  json taxonomy = json::parse(exported.out);
  taxonomy["areas"][1]["name_en"] = "Integration and inclusion";  // renamed
  taxonomy["areas"][1]["priority"] = true;
  taxonomy["areas"].push_back({{"slug", "labour-migration"},
                               {"name_en", "Labour migration"},
                               {"name_ru", "Трудовая миграция"},
                               {"priority", false},
                               {"topics", json::array({{{"slug", "recruitment"},
                                                        {"name_en", "Fair recruitment"},
                                                        {"name_ru", "Добросовестный наём"}}})}});
  taxonomy["unknown"] = {{"ignored", true}};
  const std::string file = home_.path() + "/taxonomy.json";
  WriteWhole(file, taxonomy.dump(2));

  auto human = Run({"network", "amend", "--taxonomy", file, "--name", "Пражский процесс"});
  EXPECT_EQ(human.exit_code, 0) << human.err;
  const api::AmendNetworkRequest amend = LastRequest().amend_network();
  EXPECT_TRUE(amend.has_name());
  EXPECT_EQ(amend.name(), "Пражский процесс");
  ASSERT_EQ(amend.areas_size(), 3);
  const api::Area& irregular = amend.areas(0);
  EXPECT_EQ(irregular.slug(), "irregular-migration");
  EXPECT_EQ(irregular.name_en(), "Preventing and combating irregular migration");
  EXPECT_EQ(irregular.name_ru(), "Предотвращение нелегальной миграции и борьба с ней");
  EXPECT_TRUE(irregular.priority());
  ASSERT_EQ(irregular.topics_size(), 2);
  EXPECT_EQ(irregular.topics(1).slug(), "document-security");
  EXPECT_EQ(irregular.topics(1).name_en(), "Document security");
  EXPECT_EQ(irregular.topics(1).name_ru(), "Безопасность документов");
  EXPECT_EQ(amend.areas(1).slug(), "integration");
  EXPECT_EQ(amend.areas(1).name_en(), "Integration and inclusion");
  EXPECT_EQ(amend.areas(1).name_ru(), "Интеграция мигрантов");
  EXPECT_TRUE(amend.areas(1).priority());
  EXPECT_EQ(amend.areas(1).topics_size(), 0);
  const api::Area& labour = amend.areas(2);
  EXPECT_EQ(labour.slug(), "labour-migration");
  EXPECT_EQ(labour.name_en(), "Labour migration");
  EXPECT_EQ(labour.name_ru(), "Трудовая миграция");
  EXPECT_FALSE(labour.priority());
  ASSERT_EQ(labour.topics_size(), 1);
  EXPECT_EQ(labour.topics(0).slug(), "recruitment");
  EXPECT_EQ(labour.topics(0).name_en(), "Fair recruitment");
  EXPECT_EQ(labour.topics(0).name_ru(), "Добросовестный наём");

  // Human: a line that it is signed, then the network as `parley network` shows it.
  EXPECT_EQ(human.out.rfind("Amended: the charter is signed, version 3. Members receive it as the "
                            "directory\nsyncs.\n\nNetwork:             Пражский процесс\n",
                            0),
            0u)
      << human.out;
  EXPECT_NE(human.out.find("Charter version:     3\n"), std::string::npos);
  EXPECT_NE(human.out.find("* integration\n    Integration and inclusion\n"), std::string::npos);
  EXPECT_NE(human.out.find("\n  labour-migration\n    Labour migration\n"
                           "      recruitment  Fair recruitment\n"),
            std::string::npos)
      << human.out;

  auto russian = Run({"--lang", "ru", "network", "amend", "--taxonomy", file});
  EXPECT_EQ(russian.exit_code, 0) << russian.err;
  EXPECT_FALSE(LastRequest().amend_network().has_name());  // the name is kept
  EXPECT_EQ(LastRequest().amend_network().areas_size(), 3);
  EXPECT_EQ(russian.out.rfind("Изменено: устав подписан, версия 3.", 0), 0u) << russian.out;
  EXPECT_NE(russian.out.find("  labour-migration\n    Трудовая миграция\n"), std::string::npos);
}

TEST_F(CommandsTest, NetworkAmendJsonIsTheNetwork) {
  const std::string file = home_.path() + "/areas.json";
  WriteWhole(file, R"([{"slug": "integration", "name_en": "Integration",
                        "name_ru": "Интеграция", "priority": true, "topics": []}])");
  auto machine = Run({"--json", "network", "amend", "--taxonomy", file});
  EXPECT_EQ(machine.exit_code, 0) << machine.err;
  EXPECT_EQ(machine.err, "");
  const json expected = {{"name", "Prague Process"},
                         {"network_id", "00112233445566778899aabbccddeeff"},
                         {"charter_version", 3},
                         {"anchor", true},
                         {"first_anchor", false},
                         {"charter_fingerprint", "abcd 0123"},
                         {"anchors", json::array()},
                         {"areas", json::array({{{"slug", "integration"},
                                                 {"name_en", "Integration"},
                                                 {"name_ru", "Интеграция"},
                                                 {"priority", true},
                                                 {"topics", json::array()}}})}};
  EXPECT_EQ(json::parse(machine.out), expected);
  // What --json printed is itself a taxonomy file: the round trip keeps it all.
  WriteWhole(file, machine.out);
  EXPECT_EQ(json::parse(Run({"network", "amend", "--taxonomy", file, "--json"}).out), expected);
  EXPECT_EQ(LastRequest().amend_network().areas_size(), 1);
}

TEST_F(CommandsTest, NetworkAmendTakesTheListOfAreasAlone) {
  const std::string file = home_.path() + "/areas.json";
  // A new area may leave out "priority" and "topics".
  WriteWhole(file, R"([{"slug": "integration", "name_en": "Integration", "name_ru": "Интеграция",
                        "topics": [{"slug": "language", "name_en": "Language courses",
                                    "name_ru": "Языковые курсы"}]},
                       {"slug": "labour-migration", "name_en": "Labour migration",
                        "name_ru": "Трудовая миграция"}])");
  auto human = Run({"network", "amend", "--taxonomy", file});
  EXPECT_EQ(human.exit_code, 0) << human.err;
  const api::AmendNetworkRequest amend = LastRequest().amend_network();
  EXPECT_FALSE(amend.has_name());
  ASSERT_EQ(amend.areas_size(), 2);
  EXPECT_EQ(amend.areas(0).slug(), "integration");
  EXPECT_EQ(amend.areas(0).name_ru(), "Интеграция");
  EXPECT_FALSE(amend.areas(0).priority());
  ASSERT_EQ(amend.areas(0).topics_size(), 1);
  EXPECT_EQ(amend.areas(0).topics(0).slug(), "language");
  EXPECT_EQ(amend.areas(0).topics(0).name_en(), "Language courses");
  EXPECT_EQ(amend.areas(0).topics(0).name_ru(), "Языковые курсы");
  EXPECT_EQ(amend.areas(1).slug(), "labour-migration");
  EXPECT_EQ(amend.areas(1).name_en(), "Labour migration");
  EXPECT_FALSE(amend.areas(1).priority());
  EXPECT_EQ(amend.areas(1).topics_size(), 0);
  EXPECT_NE(human.out.find("\n  labour-migration\n    Labour migration\n"), std::string::npos)
      << human.out;
}

TEST_F(CommandsTest, NetworkAmendNameOnlyKeepsTheTaxonomy) {
  auto human = Run({"network", "amend", "--name", "Prague Process Network"});
  EXPECT_EQ(human.exit_code, 0) << human.err;
  ASSERT_TRUE(LastRequest().has_amend_network());
  EXPECT_TRUE(LastRequest().amend_network().has_name());
  EXPECT_EQ(LastRequest().amend_network().name(), "Prague Process Network");
  EXPECT_EQ(LastRequest().amend_network().areas_size(), 0);  // none: the daemon keeps them
  EXPECT_NE(human.out.find("Network:             Prague Process Network\n"), std::string::npos)
      << human.out;
  EXPECT_NE(human.out.find("* irregular-migration\n"), std::string::npos);
}

TEST_F(CommandsTest, NetworkAmendRefusesFilesThatAreNoTaxonomyAndSendsNothing) {
  const std::size_t before = daemon_.Requests().size();
  struct Case {
    std::string name;  // of the file
    std::string content;
    std::string english;  // the message after "parley: " and the file's path
    std::string code;
  };
  const std::string not_json =
      " is not valid JSON: see line {position}. Check the quotes, commas and brackets there, and "
      "that the file is saved in UTF-8.";
  auto syntax = [&](const std::string& position) {
    std::string text = not_json;
    text.replace(text.find("{position}"), 10, position);
    return text;
  };
  const std::string area = R"("slug": "integration", "name_en": "Integration", "name_ru": "И")";
  const std::vector<Case> cases = {
      {"comma.json", "{\"areas\": [\n  {\"slug\": \"x\",}\n]}", syntax("2, column 16"), "not_json"},
      // Where the parser stopped: the end of the unexpected "slug", in characters.
      {"cyrillic.json", "[{\"name_ru\": \"Интеграция\" \"slug\": \"x\"}]", syntax("1, column 32"),
       "not_json"},
      {"empty.json", "", syntax("1, column 1"), "not_json"},
      {"cut.json", "{\"areas\": [", syntax("1, column 12"), "not_json"},
      {"latin1.json", "[{\"slug\": \"caf\xe9\"}]", syntax("1, column 16"), "not_json"},
      {"no-slug.json", "{\"areas\": [{" + area + "}, {" + area + "}, {\"name_en\": \"A\"}]}",
       ": areas[2].slug is missing. Every area and topic needs \"slug\", \"name_en\" and "
       "\"name_ru\".",
       "not_a_taxonomy"},
      {"topic.json",
       "[{" + area + ", \"topics\": [{\"slug\": \"a\", \"name_en\": \"A\", \"name_ru\": 7}]}]",
       ": areas[0].topics[0].name_ru must be text in double quotes.", "not_a_taxonomy"},
      {"null.json", "[{" + area + "}, {\"slug\": null}]",
       ": areas[1].slug must be text in double quotes.", "not_a_taxonomy"},
      {"priority.json", "[{" + area + ", \"priority\": \"yes\"}]",
       ": areas[0].priority must be true or false.", "not_a_taxonomy"},
      {"topics.json", "[{" + area + ", \"topics\": {}}]",
       ": areas[0].topics must be a list, in square brackets, as 'parley --json network' prints "
       "it.",
       "not_a_taxonomy"},
      {"area.json", "[\"integration\"]",
       ": areas[0] must be an object, in braces, as 'parley --json network' prints it.",
       "not_a_taxonomy"},
      {"areas.json", "{\"areas\": \"integration\"}",
       ": areas must be a list, in square brackets, as 'parley --json network' prints it.",
       "not_a_taxonomy"},
      {"no-areas.json", "{\"name\": \"Prague Process\"}",
       " has no \"areas\" list. Give what 'parley --json network' prints, or just its list of "
       "areas.",
       "not_a_taxonomy"},
      {"string.json", "\"integration\"",
       " has no \"areas\" list. Give what 'parley --json network' prints, or just its list of "
       "areas.",
       "not_a_taxonomy"},
      {"none.json", "{\"areas\": []}",
       " lists no areas, and a charter needs at least one. To keep the taxonomy and change only "
       "the name, leave out --taxonomy.",
       "not_a_taxonomy"},
      {"huge.json", "[" + std::string(cli::kMaxTaxonomyBytes, ' ') + "]",
       " is too large for a taxonomy (at most 256 KiB). Give the file that 'parley --json "
       "network' printed, edited.",
       "file_too_large"},
  };
  for (const auto& c : cases) {
    const std::string file = home_.path() + "/" + c.name;
    WriteWhole(file, c.content);
    auto english = Run({"network", "amend", "--taxonomy", file, "--name", "X"});
    EXPECT_EQ(english.exit_code, kExitError) << c.name;
    EXPECT_EQ(english.out, "");
    EXPECT_EQ(english.err, "parley: " + file + c.english + "\n") << c.name;
    auto russian = Run({"--lang", "ru", "network", "amend", "--taxonomy", file});
    EXPECT_EQ(russian.exit_code, kExitError) << c.name;
    EXPECT_EQ(std::count(russian.err.begin(), russian.err.end(), '\n'), 1) << russian.err;
    EXPECT_NE(russian.err.find("\xD0"), std::string::npos) << russian.err;  // Cyrillic
    EXPECT_EQ(russian.err.find('{'), std::string::npos) << russian.err;     // all filled in
    auto machine = json::parse(Run({"--json", "network", "amend", "--taxonomy", file}).out);
    EXPECT_EQ(machine["error"]["code"], c.code) << c.name;
  }
  EXPECT_EQ(
      Run({"--lang", "ru", "network", "amend", "--taxonomy", home_.path() + "/no-slug.json"}).err,
      "parley: " + home_.path() +
          "/no-slug.json: отсутствует areas[2].slug. У каждой области и темы должны быть «slug», "
          "«name_en» и «name_ru».\n");
  EXPECT_EQ(
      Run({"--lang", "ru", "network", "amend", "--taxonomy", home_.path() + "/comma.json"}).err,
      "parley: " + home_.path() +
          "/comma.json — не корректный JSON: см. строку 2, столбец 16. Проверьте там кавычки, "
          "запятые и скобки, а также что файл сохранён в UTF-8.\n");

  // Just under the bound is read whole.
  const std::string largest = home_.path() + "/largest.json";
  const std::string areas = "[{" + area + "}]";
  WriteWhole(largest, areas + std::string(cli::kMaxTaxonomyBytes - areas.size(), '\n'));

  const std::string missing = home_.path() + "/missing.json";
  auto unreadable = Run({"network", "amend", "--taxonomy", missing});
  EXPECT_EQ(unreadable.exit_code, kExitError);
  EXPECT_EQ(unreadable.err, "parley: Could not read " + missing +
                                " (No such file or directory). Export the taxonomy to a file "
                                "first: parley --json network > taxonomy.json\n");
  auto unreadable_ru = Run({"--lang", "ru", "network", "amend", "--taxonomy", missing});
  EXPECT_EQ(unreadable_ru.exit_code, kExitError);
  EXPECT_EQ(unreadable_ru.err.rfind("parley: Не удалось прочитать " + missing, 0), 0u)
      << unreadable_ru.err;
  auto unreadable_json =
      json::parse(Run({"--json", "network", "amend", "--taxonomy", missing}).out);
  EXPECT_EQ(unreadable_json["error"]["code"], "file_read");
  EXPECT_EQ(
      Run({"network", "amend", "--taxonomy", home_.path()}).err.rfind("parley: Could not read", 0),
      0u);
  EXPECT_EQ(daemon_.Requests().size(), before);  // none was sent

  EXPECT_EQ(Run({"network", "amend", "--taxonomy", largest}).exit_code, 0);
  EXPECT_EQ(LastRequest().amend_network().areas_size(), 1);
}

TEST_F(CommandsTest, NetworkAmendWithoutAnOptionIsAUsageErrorAndSendsNothing) {
  const std::size_t before = daemon_.Requests().size();
  auto nothing = Run({"network", "amend"});
  EXPECT_EQ(nothing.exit_code, kExitUsage);
  EXPECT_EQ(nothing.out, "");
  EXPECT_EQ(nothing.err,
            "parley: Say what to amend: 'network amend' needs --taxonomy FILE, --name NAME, "
            "--add-anchor KEY, --remove-anchor FINGERPRINT or --first-anchor FINGERPRINT.\nsee: "
            "parley help network amend\n");
  auto russian = Run({"--lang", "ru", "network", "amend"});
  EXPECT_EQ(russian.exit_code, kExitUsage);
  EXPECT_EQ(russian.err,
            "parley: Укажите, что изменить: команде «network amend» нужен --taxonomy FILE, --name "
            "NAME, --add-anchor KEY, --remove-anchor FINGERPRINT или --first-anchor "
            "FINGERPRINT.\nсм.: parley help network amend\n");
  auto machine = json::parse(Run({"--json", "network", "amend"}).out);
  EXPECT_EQ(machine["error"]["code"], "usage");
  EXPECT_NE(machine["error"]["message"].get<std::string>().find("parley help network amend"),
            std::string::npos);
  auto empty_name = Run({"network", "amend", "--name", ""});
  EXPECT_EQ(empty_name.exit_code, kExitUsage);
  EXPECT_EQ(empty_name.err,
            "parley: --name needs the network's new name; to keep the name, leave out --name.\n"
            "see: parley help network amend\n");
  for (const auto& argv :
       std::vector<std::vector<std::string>>{{"network", "amend", "--taxonomy"},
                                             {"network", "amend", "taxonomy.json"},
                                             {"network", "amend", "--name", "X", "--state", "AM"},
                                             {"network", "--name", "X"},
                                             {"network", "--taxonomy", "taxonomy.json"}}) {
    auto result = Run(argv);
    EXPECT_EQ(result.exit_code, kExitUsage) << ::testing::PrintToString(argv);
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 2) << result.err;
  }
  EXPECT_EQ(daemon_.Requests().size(), before);
}

TEST_F(CommandsTest, NetworkAmendDaemonErrorsAreTranslated) {
  const std::string file = home_.path() + "/taxonomy.json";
  WriteWhole(file, R"({"areas": [{"slug": "Bad Slug", "name_en": "A", "name_ru": "Б"}]})");
  auto english = Run({"network", "amend", "--taxonomy", file});
  EXPECT_EQ(english.exit_code, kExitError);
  EXPECT_EQ(english.out, "");
  EXPECT_EQ(english.err,
            "parley: The taxonomy is not valid: the slug Bad Slug is not valid; fix the file and "
            "try again.\n");
  auto russian =
      json::parse(Run({"--lang", "ru", "--json", "network", "amend", "--taxonomy", file}).out);
  EXPECT_EQ(russian["error"]["code"], "invalid_taxonomy");
  EXPECT_EQ(russian["error"]["message"],
            "Таксономия недействительна: the slug Bad Slug is not valid; исправьте файл и "
            "повторите попытку.");
  WriteWhole(file, R"([{"slug": "plain", "name_en": "A", "name_ru": "Б"}])");
  EXPECT_EQ(Run({"network", "amend", "--taxonomy", file}).err,
            "parley: The taxonomy is not valid; fix the file and try again.\n");

  auto not_anchor = Run({"network", "amend", "--name", "not-the-anchor"});
  EXPECT_EQ(not_anchor.exit_code, kExitError);
  EXPECT_EQ(not_anchor.err,
            "parley: Only the network's anchor (the secretariat's node) can amend the charter. "
            "'parley network' shows whether this node is an anchor.\n");
  auto not_anchor_ru = json::parse(
      Run({"--lang", "ru", "--json", "network", "amend", "--name", "not-the-anchor"}).out);
  EXPECT_EQ(not_anchor_ru["error"]["code"], "not_anchor");
  EXPECT_EQ(not_anchor_ru["error"]["message"].get<std::string>().rfind(
                "Изменять устав сети может только якорь сети", 0),
            0u);
}

// ----------------------------------------------------------- introductions

TEST_F(CommandsTest, Introduce) {
  auto human = Run({"introduce", "anna", "bob", "--note", "Вы оба работаете с мигрантами"});
  EXPECT_EQ(human.exit_code, 0) << human.err;
  EXPECT_EQ(LastRequest().introduce().alias1(), "anna");
  EXPECT_EQ(LastRequest().introduce().alias2(), "bob");
  EXPECT_EQ(LastRequest().introduce().note(), "Вы оба работаете с мигрантами");
  EXPECT_EQ(human.out,
            "Introduced anna and bob to each other; each can accept with parley\n"
            "introductions accept ID.\n");

  auto machine = Run({"--json", "introduce", "anna", "bob"});
  EXPECT_EQ(LastRequest().introduce().note(), "");
  EXPECT_EQ(json::parse(machine.out), (json{{"id1", "00112233445566778899aabbccddeeff"},
                                            {"id2", "ffeeddccbbaa99887766554433221100"}}));

  auto russian = Run({"--lang", "ru", "introduce", "anna", "bob"});
  EXPECT_EQ(russian.out.rfind("anna и bob познакомлены друг с другом", 0), 0u) << russian.out;
}

TEST_F(CommandsTest, IntroduceErrors) {
  auto same = Run({"introduce", "anna", "anna"});
  EXPECT_EQ(same.exit_code, kExitError);
  EXPECT_EQ(same.err,
            "parley: Both aliases name the same contact: introduce two different contacts to "
            "each other.\n");
  auto same_json = json::parse(Run({"--json", "--lang", "ru", "introduce", "anna", "anna"}).out);
  EXPECT_EQ(same_json["error"]["code"], "same_contact");

  auto unknown = Run({"introduce", "anna", "nobody"});
  EXPECT_EQ(unknown.exit_code, kExitError);
  EXPECT_NE(unknown.err.find("No contact named 'nobody'"), std::string::npos) << unknown.err;
  auto revoked = Run({"introduce", "gone", "anna"});
  EXPECT_NE(revoked.err.find("gone's key is revoked"), std::string::npos) << revoked.err;

  // A note over 1024 bytes is refused before anything is sent; the daemon's
  // refusal reads the same.
  const std::size_t requests = daemon_.Requests().size();
  auto too_long = Run({"introduce", "anna", "bob", "--note", std::string(1025, 'x')});
  EXPECT_EQ(too_long.exit_code, kExitError);
  EXPECT_EQ(daemon_.Requests().size(), requests);
  EXPECT_EQ(too_long.err,
            "parley: The note is too long: at most 1024 bytes. Shorten it, and send the rest as "
            "a message.\n");
  auto daemon_too_long = Run({"introduce", "anna", "bob", "--note", "long"});
  EXPECT_EQ(daemon_too_long.err, too_long.err);
  auto too_long_json =
      json::parse(Run({"--json", "introduce", "anna", "bob", "--note", "long"}).out);
  EXPECT_EQ(too_long_json["error"]["code"], "message_too_long");
  EXPECT_EQ(Run({"introduce", "anna", "bob", "--note", std::string(1024, 'x')}).exit_code, 0);

  auto one_alias = Run({"introduce", "anna"});
  EXPECT_EQ(one_alias.exit_code, kExitUsage);
  EXPECT_EQ(one_alias.err, "parley: Missing ALIAS2 for 'introduce'.\nsee: parley help introduce\n");
}

TEST_F(CommandsTest, Introductions) {
  auto human = Run({"introductions"});
  EXPECT_EQ(human.exit_code, 0) << human.err;
  EXPECT_TRUE(LastRequest().has_list_introductions());
  EXPECT_EQ(human.out,
            "ID  FROM  NAME          FINGERPRINT  NOTE\n"
            "3   anna  Пётр Сидоров  5555 4444    Works on return programmes\n"
            "\n"
            "Accept with: parley introductions accept ID [--alias ALIAS], or decline with:\n"
            "parley introductions decline ID\n");
  auto russian = Run({"--lang", "ru", "introductions"});
  EXPECT_EQ(russian.out.rfind("НОМЕР  ОТ    ИМЯ           ОТПЕЧАТОК  ПОЯСНЕНИЕ\n", 0), 0u)
      << russian.out;

  auto document = json::parse(Run({"--json", "introductions"}).out);
  EXPECT_EQ(document, (json::array({{{"id", 3},
                                     {"introducer", "anna"},
                                     {"name", "Пётр Сидоров"},
                                     {"fingerprint", "5555 4444 3333 2222 1111"},
                                     {"note", "Works on return programmes"},
                                     {"received_at", "2026-11-24T16:01:09.123Z"}}})));

  list_no_introductions = true;
  auto none = Run({"introductions"});
  auto none_json = Run({"--json", "introductions"});
  list_no_introductions = false;
  EXPECT_EQ(none.exit_code, 0);
  EXPECT_EQ(none.out,
            "No introductions are waiting. A contact you both know can introduce you to\n"
            "someone with parley introduce.\n");
  EXPECT_EQ(json::parse(none_json.out), json::array());
}

TEST_F(CommandsTest, IntroductionsAccept) {
  auto human = Run({"introductions", "accept", "3"});
  EXPECT_EQ(human.exit_code, 0) << human.err;
  EXPECT_EQ(LastRequest().answer_introduction().id(), 3u);
  EXPECT_TRUE(LastRequest().answer_introduction().accept());
  EXPECT_EQ(LastRequest().answer_introduction().alias(), "");
  EXPECT_EQ(human.out,
            "Пётр Сидоров is now your contact petr, introduced by anna.\n"
            "When you meet, compare safety numbers to mark them verified: parley contacts\n"
            "verify petr\n");

  auto machine = Run({"--json", "introductions", "accept", "3", "--alias", "пётр"});
  EXPECT_EQ(LastRequest().answer_introduction().alias(), "пётр");
  EXPECT_EQ(json::parse(machine.out), (json{{"alias", "пётр"},
                                            {"fingerprint", "5555 4444 3333 2222 1111"},
                                            {"trust", "unverified"},
                                            {"online", false},
                                            {"name", "Пётр Сидоров"},
                                            {"endpoint", "tcp://10.0.0.5:7400"},
                                            {"endorsements", json::array()},
                                            {"revoked", false},
                                            {"introduced_by", "anna"}}));

  auto russian = Run({"--lang", "ru", "introductions", "accept", "3"});
  EXPECT_EQ(russian.out.rfind("Пётр Сидоров теперь ваш контакт petr; познакомил(а) anna.\n", 0), 0u)
      << russian.out;
}

TEST_F(CommandsTest, IntroductionsDecline) {
  auto human = Run({"introductions", "decline", "3"});
  EXPECT_EQ(human.exit_code, 0) << human.err;
  EXPECT_EQ(LastRequest().answer_introduction().id(), 3u);
  EXPECT_FALSE(LastRequest().answer_introduction().accept());
  EXPECT_EQ(human.out, "Declined introduction 3; nobody was added.\n");
  auto machine = Run({"--json", "introductions", "decline", "3"});
  EXPECT_EQ(json::parse(machine.out), (json{{"id", 3}, {"accepted", false}}));
  // decline takes no alias
  auto alias = Run({"introductions", "decline", "3", "--alias", "x"});
  EXPECT_EQ(alias.exit_code, kExitUsage);
}

TEST_F(CommandsTest, IntroductionErrors) {
  auto unknown = Run({"introductions", "accept", "8"});
  EXPECT_EQ(unknown.exit_code, kExitError);
  EXPECT_EQ(unknown.err, "parley: No introduction 8: see parley introductions.\n");
  auto unknown_ru =
      json::parse(Run({"--lang", "ru", "--json", "introductions", "decline", "8"}).out);
  EXPECT_EQ(unknown_ru["error"]["code"], "unknown_introduction");
  EXPECT_EQ(unknown_ru["error"]["message"],
            "Знакомства с номером 8 нет: см. parley introductions.");

  auto taken = Run({"introductions", "accept", "3", "--alias", "taken"});
  EXPECT_NE(taken.err.find("The alias 'taken' is already used"), std::string::npos) << taken.err;
  auto exists = Run({"introductions", "accept", "3", "--alias", "bob"});
  EXPECT_NE(exists.err.find("already in your contacts as 'bob'"), std::string::npos) << exists.err;
  auto invalid = Run({"introductions", "accept", "9"});
  EXPECT_EQ(invalid.err,
            "parley: The card in this introduction is not valid (bad signature). Decline it, and "
            "ask for the person's card directly.\n");
  EXPECT_EQ(json::parse(Run({"--json", "introductions", "accept", "9"}).out)["error"]["code"],
            "invalid_card");

  const std::size_t requests = daemon_.Requests().size();
  auto bad_id = Run({"introductions", "accept", "три"});
  EXPECT_EQ(bad_id.exit_code, kExitUsage);
  EXPECT_EQ(bad_id.err,
            "parley: An introduction ID is a number shown by 'parley introductions', not "
            "'три'.\nsee: parley help introductions accept\n");
  EXPECT_EQ(Run({"introductions", "decline", "-1"}).exit_code, kExitUsage);
  EXPECT_EQ(daemon_.Requests().size(), requests);
  auto missing = Run({"introductions", "accept"});
  EXPECT_EQ(missing.err,
            "parley: Missing ID for 'introductions accept'.\nsee: parley help introductions "
            "accept\n");
  auto stray = Run({"introductions", "3"});
  EXPECT_EQ(stray.exit_code, kExitUsage);
}

TEST_F(CommandsTest, EveryJsonCommandPrintsExactlyOneDocument) {
  const std::vector<std::vector<std::string>> commands = {
      {"status"},
      {"invite"},
      {"contacts", "list"},
      {"requests"},
      {"send", "bob", "x"},
      {"messages", "bob"},
      {"contacts", "verify", "bob"},
      {"contacts", "add", kCard, "--alias", "b"},
      {"contacts", "accept", "7"},
      {"messages", "nobody"},
      {"network"},
      {"network", "amend", "--name", "X"},
      {"network", "amend", "--name", "not-the-anchor"},
      {"network", "amend"},
      {"network", "amend", "--taxonomy", "/nonexistent/taxonomy.json"},
      {"profile", "show"},
      {"profile", "show", "nobody"},
      {"profile", "set", "--bio", "x"},
      {"profile", "set"},
      {"directory", "search", "x"},
      {"directory", "search", "nobody"},
      {"contact-point", "add", "иван", "--state", "AM"},
      {"contact-point", "add", "иван", "--state", "ZZ"},
      {"contact-point", "add", "иван"},
      {"contact-point", "suspend", "иван"},
      {"contact-point", "suspend", "bob"},
      {"contact-point", "list"},
      {"endorse", "maria", "--org", "X"},
      {"endorse", "bob", "--org", "X"},
      {"revoke", "--member", "maria"},
      {"revoke", "--member", "bob"},
      {"revoke", "--yes"},
      {"revoke"},
      {"revoke", "--yes", "--member", "maria"},
      {"revoke", "--publish", "/nonexistent/revocation.txt"},
      {"introduce", "anna", "bob", "--note", "hi"},
      {"introduce", "anna", "anna"},
      {"introductions"},
      {"introductions", "accept", "3"},
      {"introductions", "accept", "8"},
      {"introductions", "accept", "x"},
      {"introductions", "decline", "3"},
      {"help", "revoke"},
      {"help", "contact-point"},
      {"help", "introductions"},
      {"help", "network"},
      {"help"},
  };
  for (auto argv : commands) {
    argv.push_back("--json");
    auto result = Run(argv);
    EXPECT_EQ(result.err, "") << argv[0];
    // parse() throws on trailing data: one document, nothing else
    EXPECT_TRUE(json::accept(result.out)) << result.out;
  }
}

}  // namespace
TEST_F(CommandsTest, NetworkAnchorKeyShowsTheKeyAndWhatToDoWithIt) {
  auto human = Run({"network", "anchor-key"});
  EXPECT_EQ(human.exit_code, 0) << human.err;
  ASSERT_TRUE(LastRequest().has_anchor_key());
  EXPECT_NE(human.out.find("  parley-anchor:S2V5\n"), std::string::npos) << human.out;
  EXPECT_NE(human.out.find("beef 4567"), std::string::npos) << human.out;
  EXPECT_NE(human.out.find("parley network amend --add-anchor parley-anchor:S2V5"),
            std::string::npos)
      << human.out;
  auto russian = Run({"--lang", "ru", "network", "anchor-key"});
  EXPECT_NE(russian.out.find("Ключ якоря этого узла"), std::string::npos) << russian.out;
  auto machine = Run({"--json", "network", "anchor-key"});
  EXPECT_EQ(json::parse(machine.out),
            (json{{"key", "parley-anchor:S2V5"}, {"fingerprint", "beef 4567"}, {"anchor", false}}));
}

TEST_F(CommandsTest, NetworkAmendChangesTheAnchorsAndSaysWhatWentWrong) {
  auto added = Run({"network", "amend", "--add-anchor", "parley-anchor:S2V5"});
  EXPECT_EQ(added.exit_code, 0) << added.err;
  ASSERT_EQ(LastRequest().amend_network().add_anchors_size(), 1);
  EXPECT_EQ(LastRequest().amend_network().add_anchors(0), "parley-anchor:S2V5");
  EXPECT_EQ(LastRequest().amend_network().areas_size(), 0);
  EXPECT_NE(added.out.find("Anchors:          abcd 0123 (first: signs amendments)\n"
                           "                  beef 4567\n"),
            std::string::npos)
      << added.out;
  EXPECT_NE(added.out.find("the first anchor of the network"), std::string::npos) << added.out;

  auto unknown = Run({"network", "amend", "--remove-anchor", "ffff 0000"});
  EXPECT_NE(unknown.exit_code, 0);
  EXPECT_NE(unknown.err.find("ffff 0000 is no anchor"), std::string::npos) << unknown.err;
  auto not_first = Run({"--lang", "ru", "network", "amend", "--first-anchor", "beef 4567"});
  EXPECT_NE(not_first.exit_code, 0);
  EXPECT_EQ(LastRequest().amend_network().first_anchor(), "beef 4567");
  EXPECT_NE(not_first.err.find("первый якорь"), std::string::npos) << not_first.err;
}

}  // namespace parley::client
