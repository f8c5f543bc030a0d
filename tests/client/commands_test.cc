// Every command of the dispatch table against a fake parleyd: the Request it
// sends, its human output and its --json document.
#include "client/cli/commands.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

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
    case api::Request::kSend:
      if (request.send().alias() == "nobody") {
        return testing::ErrorReply(api::UNKNOWN_CONTACT, "nobody");
      }
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
  EXPECT_EQ(human.out,
            "ALIAS  NAME         TRUST       ONLINE  FINGERPRINT\n"
            "bob    Bob Smith    unverified  yes     3f2a 91c0 aaaa bbbb cccc dddd eeee ffff 0000 "
            "1111\n"
            "иван   Иван Иванов  verified    no      9999 8888\n");
  EXPECT_EQ(Run({"contacts"}).out, human.out);  // "contacts" alone lists

  auto document = json::parse(Run({"contacts", "list", "--json"}).out);
  ASSERT_EQ(document.size(), 2u);
  EXPECT_EQ(document[1]["alias"], "иван");
  EXPECT_EQ(document[1]["trust"], "verified");
  EXPECT_EQ(document[1]["online"], false);
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
}  // namespace parley::client
