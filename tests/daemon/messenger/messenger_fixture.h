// MessengerFixture: two in-process nodes, Anna and Boris, and the moves of
// frames between them that the messenger tests share.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "daemon/messenger/messenger.h"
#include "tests/support/local_node.h"

namespace parley::messenger {

using testing::LocalNode;

class MessengerFixture : public ::testing::Test {
 protected:
  void Befriend() {
    anna_.Round([&] {
      ASSERT_TRUE(anna_.messenger().AddContact(boris_.messenger().CardText(), "boris").ok());
    });
    boris_.Round([&] {
      ASSERT_TRUE(boris_.messenger().AddContact(anna_.messenger().CardText(), "anna").ok());
    });
    anna_boris_ = anna_.messenger().directory().ByAlias("boris")->row.id;
    boris_anna_ = boris_.messenger().directory().ByAlias("anna")->row.id;
  }

  store::MessageId Send(LocalNode& from, const std::string& alias, const std::string& text) {
    store::MessageId id{};
    from.Round([&] {
      auto sent = from.messenger().SendText(alias, text);
      ASSERT_TRUE(sent.ok()) << sent.status().message();
      id = sent.value();
    });
    return id;
  }

  // `from` sends `text` to its contact `to` (`contact_id`, called `alias`),
  // which takes it: the first message of a conversation begins its session.
  void Converse(LocalNode& from, const std::string& alias, std::int64_t contact_id, LocalNode& to,
                const std::string& text) {
    std::vector<store::MessageId> acks;
    Send(from, alias, text);
    from.Connect(contact_id, to);
    ASSERT_EQ(Deliver(from, to, from.Transmit().back().second, acks), FrameVerdict::kAccepted);
  }

  // Delivers `frame` from `from` to `to` in one round; returns the verdict and acks.
  FrameVerdict Deliver(LocalNode& from, LocalNode& to, crypto::ByteView frame,
                       std::vector<store::MessageId>& acks) {
    FrameVerdict verdict = FrameVerdict::kMalformed;
    to.Round([&] {
      auto result = to.messenger().OnFrame(from.transport_key(), frame, acks);
      ASSERT_TRUE(result.ok());
      verdict = result.value();
    });
    return verdict;
  }

  void DeliverAcks(LocalNode& from, LocalNode& to, const std::vector<store::MessageId>& acks) {
    for (const auto& frame : Messenger::EncodeAcks(acks)) {
      std::vector<store::MessageId> none;
      EXPECT_EQ(Deliver(from, to, frame, none), FrameVerdict::kAckProcessed);
    }
  }

  std::vector<store::MessageRow> History(LocalNode& node, const std::string& alias) {
    auto rows = node.messenger().Messages(alias, 100);
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? rows.value() : std::vector<store::MessageRow>{};
  }

  LocalNode anna_{"Anna", 1, "tcp://127.0.0.1:7001"};
  LocalNode boris_{"Boris", 2, "tcp://127.0.0.1:7002"};
  std::int64_t anna_boris_ = 0;
  std::int64_t boris_anna_ = 0;
};

}  // namespace parley::messenger
