#include "daemon/delivery/outbox_scheduler.h"

#include <gtest/gtest.h>

#include "tests/support/local_node.h"

namespace parley::delivery {
namespace {

// The scheduler over a real message table (in a LocalNode's store).
class OutboxSchedulerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto table = store::MessageTable::Prepare(node_.store().db());
    ASSERT_TRUE(table.ok());
    table_ = std::make_unique<store::MessageTable>(std::move(table.value()));
    scheduler_ = std::make_unique<OutboxScheduler>(*table_, clock_);
    node_.Round([&] {
      ASSERT_TRUE(node_.messenger().AddContact(peer_.messenger().CardText(), "peer").ok());
    });
    contact_ = node_.messenger().directory().ByAlias("peer")->row.id;
  }

  // Commits an outgoing envelope "frame-N" and tells the scheduler.
  void Queue(int n) {
    store::MessageRow row;
    row.id[0] = static_cast<std::uint8_t>(n);
    row.contact_id = contact_;
    row.body = "m";
    std::string frame = "frame-" + std::to_string(n);
    ASSERT_TRUE(table_->InsertOutgoing(row, crypto::AsBytes(frame)).ok());
    ASSERT_TRUE(table_->FlushOutbox().ok());  // as the round's end does
    scheduler_->OnCommitted(contact_, row.seq, row.id, crypto::Bytes(frame.begin(), frame.end()));
  }

  std::vector<std::string> Pump(int accept = 1'000'000) {
    std::vector<std::string> sent;
    std::vector<SeqRun> transmitted;
    auto transmit = [&](std::int64_t, crypto::ByteView frame) {
      if (accept-- <= 0) return false;
      sent.emplace_back(frame.begin(), frame.end());
      return true;
    };
    EXPECT_TRUE(scheduler_->Pump(transmit, transmitted).ok());
    newly_sent_ = 0;
    for (const auto& run : transmitted) newly_sent_ += run.ids.size();
    EXPECT_LE(newly_sent_, sent.size());
    return sent;
  }

  testing::LocalNode node_{"Node", 1, "tcp://127.0.0.1:7101"};
  testing::LocalNode peer_{"Peer", 2, "tcp://127.0.0.1:7102"};
  FakeClock clock_;
  std::unique_ptr<store::MessageTable> table_;
  std::unique_ptr<OutboxScheduler> scheduler_;
  std::int64_t contact_ = 0;
  std::size_t newly_sent_ = 0;  // of the last Pump()
};

TEST_F(OutboxSchedulerTest, NothingGoesOutUntilConnectedThenAllInOrder) {
  Queue(1);
  Queue(2);
  EXPECT_TRUE(Pump().empty());
  scheduler_->OnConnected(contact_);
  EXPECT_EQ(Pump(), (std::vector<std::string>{"frame-1", "frame-2"}));
  Queue(3);  // caught up: straight from memory
  EXPECT_EQ(Pump(), (std::vector<std::string>{"frame-3"}));
  EXPECT_TRUE(Pump().empty());
}

TEST_F(OutboxSchedulerTest, ABlockedLinkResumesWhereItStopped) {
  scheduler_->OnConnected(contact_);
  for (int i = 1; i <= 4; ++i) Queue(i);
  EXPECT_EQ(Pump(2), (std::vector<std::string>{"frame-1", "frame-2"}));
  ASSERT_TRUE(scheduler_->NextDeadline().has_value());
  EXPECT_EQ(Pump(), (std::vector<std::string>{"frame-3", "frame-4"}));
}

TEST_F(OutboxSchedulerTest, RetriesWithBackoffUntilAcknowledged) {
  scheduler_->OnConnected(contact_);
  Queue(1);
  EXPECT_EQ(Pump().size(), 1u);
  clock_.Advance(std::chrono::milliseconds(999));
  EXPECT_TRUE(Pump().empty());
  clock_.Advance(std::chrono::milliseconds(2));
  EXPECT_EQ(Pump(), (std::vector<std::string>{"frame-1"}));  // after 1 s
  clock_.Advance(std::chrono::milliseconds(1500));
  EXPECT_TRUE(Pump().empty());  // backoff is now 2 s
  clock_.Advance(std::chrono::milliseconds(600));
  EXPECT_EQ(Pump().size(), 1u);

  store::MessageId id{};
  id[0] = 1;
  std::vector<SeqRun> delivered;
  scheduler_->Acknowledge(contact_, {id}, delivered);
  ASSERT_EQ(delivered.size(), 1u);
  clock_.Advance(std::chrono::seconds(120));
  EXPECT_TRUE(Pump().empty());  // nothing left to resend
  EXPECT_FALSE(scheduler_->NextDeadline().has_value());
}

TEST_F(OutboxSchedulerTest, ReconnectionResendsEverythingUnacknowledged) {
  scheduler_->OnConnected(contact_);
  Queue(1);
  Queue(2);
  EXPECT_EQ(Pump().size(), 2u);
  scheduler_->OnDisconnected(contact_);
  Queue(3);
  EXPECT_TRUE(Pump().empty());
  scheduler_->OnConnected(contact_);
  EXPECT_EQ(Pump(), (std::vector<std::string>{"frame-1", "frame-2", "frame-3"}));
  EXPECT_EQ(newly_sent_, 1u);  // frames 1 and 2 had been sent before
}

TEST_F(OutboxSchedulerTest, AHeldContactIsSentNothingUntilReleased) {
  scheduler_->OnConnected(contact_);
  Queue(1);
  EXPECT_EQ(Pump().size(), 1u);
  scheduler_->SetHeld(contact_, true);
  EXPECT_TRUE(scheduler_->IsHeld(contact_));
  Queue(2);
  EXPECT_TRUE(Pump().empty());
  clock_.Advance(std::chrono::minutes(5));  // no retry either
  EXPECT_TRUE(Pump().empty());
  EXPECT_FALSE(scheduler_->NextDeadline().has_value());
  scheduler_->OnDisconnected(contact_);
  scheduler_->OnConnected(contact_);  // a new connection does not release it
  EXPECT_TRUE(Pump().empty());
  ASSERT_TRUE(scheduler_->Restore().ok());  // nor does a reload of the outbox
  EXPECT_TRUE(Pump().empty());

  scheduler_->SetHeld(contact_, false);
  EXPECT_FALSE(scheduler_->IsHeld(contact_));
  EXPECT_EQ(Pump(), (std::vector<std::string>{"frame-1", "frame-2"}));
  EXPECT_EQ(newly_sent_, 1u);
  Queue(3);  // caught up again: straight from memory
  EXPECT_EQ(Pump(), (std::vector<std::string>{"frame-3"}));
}

TEST_F(OutboxSchedulerTest, ReleasingADisconnectedContactWaitsForItsConnection) {
  scheduler_->SetHeld(contact_, true);
  Queue(1);
  scheduler_->SetHeld(contact_, false);
  EXPECT_TRUE(Pump().empty());
  scheduler_->OnConnected(contact_);
  EXPECT_EQ(Pump(), (std::vector<std::string>{"frame-1"}));
}

TEST_F(OutboxSchedulerTest, SentMeansHandedToALinkAtLeastOnce) {
  Queue(1);
  Queue(2);
  EXPECT_FALSE(scheduler_->WasSent(contact_, 1));
  scheduler_->OnConnected(contact_);
  EXPECT_EQ(Pump(1).size(), 1u);  // the link takes one frame only
  EXPECT_EQ(newly_sent_, 1u);
  EXPECT_TRUE(scheduler_->WasSent(contact_, 1));
  EXPECT_FALSE(scheduler_->WasSent(contact_, 2));
  EXPECT_FALSE(scheduler_->WasSent(contact_ + 1, 1));
}

TEST_F(OutboxSchedulerTest, RestoreFindsTheOutboxAfterARestart) {
  Queue(1);
  OutboxScheduler fresh(*table_, clock_);
  ASSERT_TRUE(fresh.Restore().ok());
  fresh.OnConnected(contact_);
  std::vector<SeqRun> transmitted;
  int sent = 0;
  ASSERT_TRUE(
      fresh.Pump([&](std::int64_t, crypto::ByteView) { return ++sent > 0; }, transmitted).ok());
  EXPECT_EQ(sent, 1);
}

TEST_F(OutboxSchedulerTest, AcknowledgementsBecomeRunsOfConsecutiveUnacknowledgedMessages) {
  scheduler_->OnConnected(contact_);
  for (int i = 1; i <= 6; ++i) Queue(i);
  auto id = [](int n) {
    store::MessageId value{};
    value[0] = static_cast<std::uint8_t>(n);
    return value;
  };
  std::vector<SeqRun> delivered;
  scheduler_->Acknowledge(contact_, {id(2), id(1), id(5), id(9), id(2)}, delivered);
  ASSERT_EQ(delivered.size(), 2u);  // {1,2} and {5}; 9 is unknown, 2 repeated
  EXPECT_EQ(delivered[0].ids.size(), 2u);
  EXPECT_EQ(delivered[1].ids.size(), 1u);
  EXPECT_EQ(delivered[1].first, delivered[1].last);

  // 3 and 4 are now neighbours of 6 among what is left: one run covers 3..6
  // even though 5 sits in between (it is already delivered).
  delivered.clear();
  scheduler_->Acknowledge(contact_, {id(3), id(4), id(6)}, delivered);
  ASSERT_EQ(delivered.size(), 1u);
  EXPECT_EQ(delivered[0].ids.size(), 3u);
  EXPECT_LT(delivered[0].first, delivered[0].last);
}

TEST_F(OutboxSchedulerTest, RestoreReloadsWhatIsUnacknowledged) {
  Queue(1);
  Queue(2);
  std::vector<SeqRun> delivered;
  store::MessageId one{};
  one[0] = 1;
  scheduler_->Acknowledge(contact_, {one}, delivered);  // in memory only, as in a failed round
  ASSERT_TRUE(scheduler_->Restore().ok());
  scheduler_->OnConnected(contact_);
  EXPECT_EQ(Pump(), (std::vector<std::string>{"frame-1", "frame-2"}));
}

}  // namespace
}  // namespace parley::delivery
