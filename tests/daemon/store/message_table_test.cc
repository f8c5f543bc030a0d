#include "daemon/store/message_table.h"

#include <gtest/gtest.h>

#include "tests/support/local_node.h"

namespace parley::store {
namespace {

// The message table in a real store (a LocalNode's), with one contact.
class MessageTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto table = MessageTable::Prepare(node_.store().db());
    ASSERT_TRUE(table.ok());
    table_ = std::make_unique<MessageTable>(std::move(table.value()));
    node_.Round([&] {
      ASSERT_TRUE(node_.messenger().AddContact(peer_.messenger().CardText(), "peer").ok());
    });
    contact_ = node_.messenger().directory().ByAlias("peer")->row.id;
  }

  MessageRow Row(std::uint8_t n) {
    MessageRow row;
    row.id[0] = n;
    row.contact_id = contact_;
    row.body = "message " + std::to_string(n);
    row.sent_at = 1000 + n;
    return row;
  }

  std::vector<MessageState> States() {
    auto rows = table_->Latest(contact_, 100);
    EXPECT_TRUE(rows.ok());
    std::vector<MessageState> states;
    for (const auto& row : rows.value()) states.push_back(row.state);
    return states;
  }

  testing::LocalNode node_{"Node", 1, "tcp://127.0.0.1:7111"};
  testing::LocalNode peer_{"Peer", 2, "tcp://127.0.0.1:7112"};
  std::unique_ptr<MessageTable> table_;
  std::int64_t contact_ = 0;
};

using enum MessageState;

TEST_F(MessageTableTest, AnOutgoingMessageIsQueuedUntilItsEnvelopeIsDroppedOnAcknowledgement) {
  auto first = Row(1), second = Row(2), third = Row(3);
  ASSERT_TRUE(table_->InsertOutgoing(first, crypto::AsBytes(std::string("envelope 1"))).ok());
  ASSERT_TRUE(table_->InsertOutgoing(second, crypto::AsBytes(std::string("envelope 2"))).ok());
  ASSERT_TRUE(table_->InsertOutgoing(third, crypto::AsBytes(std::string("envelope 3"))).ok());
  EXPECT_EQ(States(), (std::vector{kQueued, kQueued, kQueued}));
  EXPECT_EQ(table_->CountUndelivered().value(), 3);

  ASSERT_TRUE(table_->MarkDeliveredRange(contact_, first.seq, second.seq).ok());
  EXPECT_EQ(States(), (std::vector{kDelivered, kDelivered, kQueued}));
  EXPECT_EQ(table_->CountUndelivered().value(), 1);
  auto outbox = table_->Outbox(contact_, 0, 10);
  ASSERT_TRUE(outbox.ok());
  ASSERT_EQ(outbox->size(), 1u);
  EXPECT_EQ(outbox->front().seq, third.seq);
  EXPECT_EQ(std::string(outbox->front().envelope.begin(), outbox->front().envelope.end()),
            "envelope 3");
}

TEST_F(MessageTableTest, AMessageAwaitingASessionIsQueuedAndStaysQueuedInTheOutbox) {
  auto waiting = Row(1);
  ASSERT_TRUE(table_->InsertAwaiting(waiting, crypto::AsBytes(std::string("content"))).ok());
  EXPECT_EQ(States(), (std::vector{kQueued}));
  ASSERT_TRUE(
      table_->MoveToOutbox(waiting.seq, contact_, crypto::AsBytes(std::string("envelope"))).ok());
  EXPECT_EQ(States(), (std::vector{kQueued}));
  ASSERT_TRUE(table_->MarkDeliveredRange(contact_, waiting.seq, waiting.seq).ok());
  EXPECT_EQ(States(), (std::vector{kDelivered}));
}

TEST_F(MessageTableTest, AnIncomingMessageIsDeliveredAndStoredOnce) {
  auto incoming = Row(7);
  incoming.direction = Direction::kIn;
  incoming.received_at = 2000;
  ASSERT_TRUE(table_->InsertIncoming(incoming).value());
  auto again = Row(7);
  EXPECT_FALSE(table_->InsertIncoming(again).value());
  EXPECT_TRUE(table_->HasIncoming(contact_, incoming.id).value());
  // An outgoing message may carry the same id: ids are unique per direction.
  auto outgoing = Row(7);
  ASSERT_TRUE(table_->InsertOutgoing(outgoing, crypto::AsBytes(std::string("e"))).ok());

  auto rows = table_->Latest(contact_, 10);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ(rows->at(0).direction, Direction::kIn);
  EXPECT_EQ(rows->at(0).state, kDelivered);
  EXPECT_EQ(rows->at(0).received_at, 2000);
  EXPECT_EQ(rows->at(1).direction, Direction::kOut);
  EXPECT_EQ(rows->at(1).state, kQueued);
}

}  // namespace
}  // namespace parley::store
