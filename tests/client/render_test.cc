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
            (std::set<std::string>{"alias", "fingerprint", "trust", "online", "name", "endpoint"}));
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
