#include "daemon/store/message_table.h"

#include <gtest/gtest.h>

#include "daemon/store/schema.h"
#include "tests/support/local_node.h"
#include "tests/support/temp_dir.h"

namespace parley::store {
namespace {

crypto::ByteView Bytes(const std::string& text) { return crypto::AsBytes(text); }

std::int64_t CountRows(Database& db, const char* table) {
  auto stmt = db.Prepare((std::string("SELECT count(*) FROM ") + table).c_str());
  EXPECT_TRUE(stmt.ok());
  auto row = stmt->Step();
  EXPECT_TRUE(row.ok() && row.value());
  std::int64_t count = stmt->ColumnInt(0);
  stmt->Reset();
  return count;
}

// The message table in a real store (a LocalNode's), with one contact.
class MessageTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto table = MessageTable::Prepare(db());
    ASSERT_TRUE(table.ok());
    table_ = std::make_unique<MessageTable>(std::move(table.value()));
    node_.Round([&] {
      ASSERT_TRUE(node_.messenger().AddContact(peer_.messenger().CardText(), "peer").ok());
    });
    contact_ = node_.messenger().directory().ByAlias("peer")->row.id;
  }

  Database& db() { return node_.store().db(); }

  MessageRow Row(std::uint8_t n) {
    MessageRow row;
    row.id[0] = n;
    row.contact_id = contact_;
    row.body = "message " + std::to_string(n);
    row.sent_at = 1000 + n;
    return row;
  }

  // Commits outgoing messages "envelope N" for each n, as one round does.
  std::vector<std::int64_t> Send(std::vector<std::uint8_t> ns) {
    std::vector<std::int64_t> seqs;
    EXPECT_TRUE(db().Begin().ok());
    for (auto n : ns) {
      auto row = Row(n);
      EXPECT_TRUE(table_->InsertOutgoing(row, Bytes("envelope " + std::to_string(n))).ok());
      seqs.push_back(row.seq);
    }
    EXPECT_TRUE(table_->FlushOutbox().ok());
    EXPECT_TRUE(db().Commit().ok());
    return seqs;
  }

  std::vector<MessageState> States() {
    auto rows = table_->Latest(contact_, 100);
    EXPECT_TRUE(rows.ok());
    std::vector<MessageState> states;
    for (const auto& row : rows.value()) states.push_back(row.state);
    return states;
  }

  std::vector<std::string> Envelopes(std::int64_t after = 0) {
    auto outbox = table_->Outbox(contact_, after, 100);
    EXPECT_TRUE(outbox.ok()) << outbox.status().message();
    std::vector<std::string> envelopes;
    for (const auto& entry : outbox.value())
      envelopes.emplace_back(entry.envelope.begin(), entry.envelope.end());
    return envelopes;
  }

  testing::LocalNode node_{"Node", 1, "tcp://127.0.0.1:7111"};
  testing::LocalNode peer_{"Peer", 2, "tcp://127.0.0.1:7112"};
  std::unique_ptr<MessageTable> table_;
  std::int64_t contact_ = 0;
};

using enum MessageState;

TEST_F(MessageTableTest, AnOutgoingMessageIsQueuedUntilItsEnvelopeIsDroppedOnAcknowledgement) {
  auto seqs = Send({1, 2, 3});
  EXPECT_EQ(States(), (std::vector{kQueued, kQueued, kQueued}));
  EXPECT_EQ(table_->CountUndelivered().value(), 3);
  EXPECT_EQ(Envelopes(), (std::vector<std::string>{"envelope 1", "envelope 2", "envelope 3"}));
  EXPECT_EQ(Envelopes(seqs[0]), (std::vector<std::string>{"envelope 2", "envelope 3"}));

  ASSERT_TRUE(table_->MarkDeliveredRange(contact_, seqs[0], seqs[1]).ok());
  EXPECT_EQ(States(), (std::vector{kDelivered, kDelivered, kQueued}));
  EXPECT_EQ(table_->CountUndelivered().value(), 1);
  EXPECT_EQ(Envelopes(), (std::vector<std::string>{"envelope 3"}));
}

TEST_F(MessageTableTest, ARoundsEnvelopesShareABatchThatGoesWithItsLastAcknowledgement) {
  auto first_round = Send({1, 2, 3});
  auto second_round = Send({4, 5});
  EXPECT_EQ(CountRows(db(), "outbox_batches"), 2);
  // Acknowledgements out of order and across batches: a batch stays while
  // any of its envelopes is unacknowledged.
  ASSERT_TRUE(table_->MarkDeliveredRange(contact_, first_round[1], first_round[2]).ok());
  ASSERT_TRUE(table_->MarkDeliveredRange(contact_, second_round[0], second_round[0]).ok());
  EXPECT_EQ(CountRows(db(), "outbox_batches"), 2);
  EXPECT_EQ(Envelopes(), (std::vector<std::string>{"envelope 1", "envelope 5"}));
  ASSERT_TRUE(table_->MarkDeliveredRange(contact_, first_round[0], second_round[0]).ok());
  EXPECT_EQ(CountRows(db(), "outbox_batches"), 1);
  EXPECT_EQ(Envelopes(), (std::vector<std::string>{"envelope 5"}));
  ASSERT_TRUE(table_->MarkDeliveredRange(contact_, second_round[1], second_round[1]).ok());
  EXPECT_EQ(CountRows(db(), "outbox_batches"), 0);
  EXPECT_EQ(States(), (std::vector{kDelivered, kDelivered, kDelivered, kDelivered, kDelivered}));
}

TEST_F(MessageTableTest, AMessageAwaitingASessionIsQueuedAndJoinsALaterRoundsBatch) {
  auto waiting = Row(1);
  ASSERT_TRUE(db().Begin().ok());
  ASSERT_TRUE(table_->InsertAwaiting(waiting, Bytes("content")).ok());
  ASSERT_TRUE(db().Commit().ok());
  EXPECT_EQ(States(), (std::vector{kQueued}));

  // The session begins in a round that also sends a new message: the older
  // seq joins the batch too.
  ASSERT_TRUE(db().Begin().ok());
  auto fresh = Row(2);
  ASSERT_TRUE(table_->InsertOutgoing(fresh, Bytes("envelope 2")).ok());
  ASSERT_TRUE(table_->MoveToOutbox(waiting.seq, contact_, Bytes("envelope 1")).ok());
  ASSERT_TRUE(table_->FlushOutbox().ok());
  ASSERT_TRUE(db().Commit().ok());
  EXPECT_EQ(CountRows(db(), "outbox_batches"), 1);
  EXPECT_EQ(Envelopes(), (std::vector<std::string>{"envelope 1", "envelope 2"}));
  EXPECT_EQ(States(), (std::vector{kQueued, kQueued}));

  ASSERT_TRUE(table_->MarkDeliveredRange(contact_, fresh.seq, fresh.seq).ok());
  EXPECT_EQ(CountRows(db(), "outbox_batches"), 1);  // the older one is still unacknowledged
  ASSERT_TRUE(table_->MarkDeliveredRange(contact_, waiting.seq, waiting.seq).ok());
  EXPECT_EQ(CountRows(db(), "outbox_batches"), 0);
  EXPECT_EQ(States(), (std::vector{kDelivered, kDelivered}));
}

TEST_F(MessageTableTest, ALargeRoundSplitsIntoBatchesAndEveryEnvelopeReadsBack) {
  const std::string big(kMaxOutboxBatchBytes / 3 + 1, 'e');
  ASSERT_TRUE(db().Begin().ok());
  std::vector<std::string> written;
  for (std::uint8_t n = 0; n < 7; ++n) {
    auto row = Row(n);
    written.push_back(big + std::to_string(n));
    ASSERT_TRUE(table_->InsertOutgoing(row, Bytes(written.back())).ok());
  }
  ASSERT_TRUE(table_->FlushOutbox().ok());
  ASSERT_TRUE(db().Commit().ok());
  EXPECT_EQ(CountRows(db(), "outbox_batches"), 4);  // at most two of these fit in one
  EXPECT_EQ(Envelopes(), written);
}

TEST_F(MessageTableTest, ARolledBackRoundLeavesNoEnvelopeBehind) {
  ASSERT_TRUE(db().Begin().ok());
  auto row = Row(1);
  ASSERT_TRUE(table_->InsertOutgoing(row, Bytes("envelope 1")).ok());
  // Read before the round's end: refused rather than answered without it.
  EXPECT_EQ(table_->Outbox(contact_, 0, 10).status().code(), Status::Code::kInternal);
  db().Rollback();
  table_->OnRolledBack();
  EXPECT_TRUE(Envelopes().empty());
  Send({2});
  EXPECT_EQ(Envelopes(), (std::vector<std::string>{"envelope 2"}));
  EXPECT_EQ(CountRows(db(), "outbox_batches"), 1);
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
  Send({7});

  auto rows = table_->Latest(contact_, 10);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ(rows->at(0).direction, Direction::kIn);
  EXPECT_EQ(rows->at(0).state, kDelivered);
  EXPECT_EQ(rows->at(0).received_at, 2000);
  EXPECT_EQ(rows->at(1).direction, Direction::kOut);
  EXPECT_EQ(rows->at(1).state, kQueued);
}

TEST_F(MessageTableTest, ADuplicateIsFoundWhetherOrNotItsIdIsTheNewest) {
  auto Incoming = [&](std::uint8_t first_byte, std::uint8_t last_byte) {
    MessageRow row = Row(0);
    row.id[0] = first_byte;
    row.id[15] = last_byte;
    row.direction = Direction::kIn;
    return row;
  };
  auto older = Incoming(5, 1), newest = Incoming(9, 1);
  ASSERT_TRUE(table_->InsertIncoming(older).value());
  ASSERT_TRUE(table_->InsertIncoming(newest).value());
  EXPECT_TRUE(table_->HasIncoming(contact_, older.id).value());
  EXPECT_TRUE(table_->HasIncoming(contact_, newest.id).value());
  EXPECT_FALSE(table_->HasIncoming(contact_, Incoming(7, 0).id).value());  // between, unseen
  EXPECT_FALSE(table_->HasIncoming(contact_, Incoming(9, 2).id).value());  // above the newest

  // A table prepared afresh (a restart) reads the newest id from the store.
  auto again = MessageTable::Prepare(db());
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->HasIncoming(contact_, newest.id).value());
  EXPECT_TRUE(again->HasIncoming(contact_, older.id).value());
  EXPECT_FALSE(again->HasIncoming(contact_, Incoming(9, 2).id).value());
  auto later = Incoming(9, 3);
  ASSERT_TRUE(again->InsertIncoming(later).value());
  EXPECT_TRUE(again->HasIncoming(contact_, later.id).value());
}

TEST_F(MessageTableTest, SecureDeleteIsOnAgainAfterAcknowledgementsDropABatch) {
  auto seqs = Send({1, 2});
  ASSERT_TRUE(table_->MarkDeliveredRange(contact_, seqs[0], seqs[1]).ok());
  EXPECT_EQ(CountRows(db(), "outbox_batches"), 0);
  auto pragma = db().Prepare("PRAGMA secure_delete");
  ASSERT_TRUE(pragma.ok());
  auto row = pragma->Step();
  ASSERT_TRUE(row.ok() && row.value());
  EXPECT_EQ(pragma->ColumnInt(0), 1);
  pragma->Reset();
}

TEST_F(MessageTableTest, AcknowledgementsAcrossTheBatchesOfASplitRoundDropEachWhenEmptied) {
  const std::string big(kMaxOutboxBatchBytes / 2 + 1, 'e');  // one envelope per batch
  ASSERT_TRUE(db().Begin().ok());
  std::vector<std::int64_t> seqs;
  for (std::uint8_t n = 0; n < 3; ++n) {
    auto row = Row(n);
    ASSERT_TRUE(table_->InsertOutgoing(row, Bytes(big)).ok());
    seqs.push_back(row.seq);
  }
  ASSERT_TRUE(table_->FlushOutbox().ok());
  ASSERT_TRUE(db().Commit().ok());
  EXPECT_EQ(CountRows(db(), "outbox_batches"), 3);
  ASSERT_TRUE(table_->MarkDeliveredRange(contact_, seqs[1], seqs[2]).ok());
  EXPECT_EQ(CountRows(db(), "outbox_batches"), 1);
  EXPECT_EQ(Envelopes(), std::vector<std::string>{big});
}

TEST_F(MessageTableTest, ANewestIdLearntInARolledBackRoundIsReadAgain) {
  MessageRow stored = Row(9);
  stored.direction = Direction::kIn;
  ASSERT_TRUE(table_->InsertIncoming(stored).value());
  // A round removes the contact's rows, learns that nothing is stored, and is
  // rolled back: its messages are back, and so must be their duplicate check.
  ASSERT_TRUE(db().Begin().ok());
  ASSERT_TRUE(db().Exec("DELETE FROM messages").ok());
  table_->ForgetContact(contact_);
  EXPECT_FALSE(table_->HasIncoming(contact_, Row(5).id).value());
  db().Rollback();
  table_->OnRolledBack();
  EXPECT_TRUE(table_->HasIncoming(contact_, stored.id).value());
  // A lower id inserted first on a fresh table does not hide the stored newest.
  auto again = MessageTable::Prepare(db());
  ASSERT_TRUE(again.ok());
  MessageRow lower = Row(3);
  lower.direction = Direction::kIn;
  ASSERT_TRUE(again->InsertIncoming(lower).value());
  EXPECT_TRUE(again->HasIncoming(contact_, stored.id).value());
}

TEST_F(MessageTableTest, AnEntryPointingOutsideItsBatchIsCorruptNotRead) {
  Send({1});
  for (const char* damage : {"UPDATE outbox_entries SET offset = 9223372036854775800",
                             "UPDATE outbox_entries SET offset = 0, length = 9223372036854775800",
                             "UPDATE outbox_entries SET offset = 5, length = 6",
                             "UPDATE outbox_entries SET offset = -1, length = 1"}) {
    ASSERT_TRUE(db().Exec(damage).ok());
    EXPECT_EQ(table_->Outbox(contact_, 0, 10).status().code(), Status::Code::kCorrupt) << damage;
  }
  ASSERT_TRUE(db().Exec("UPDATE outbox_entries SET offset = 0, length = 10").ok());
  EXPECT_EQ(Envelopes(), std::vector<std::string>{"envelope 1"});
}

// Schema 6 kept one outbox row per envelope; 7 moves each into a batch of one.
TEST(MessageTableMigrationTest, EnvelopesOfASchema6StoreStayQueuedAndReadable) {
  testing::TempDir home;
  const std::string key(32, 'k');
  auto opened = Database::Open(home.path() + "/old.db", Bytes(key), Database::Mode::kCreate);
  ASSERT_TRUE(opened.ok());
  Database& db = *opened.value();
  ASSERT_TRUE(Migrate(db, 6).ok());
  ASSERT_EQ(db.user_version(), 6);
  ASSERT_TRUE(db.Exec(R"sql(
    INSERT INTO contacts (id, alias, status, identity_key, transport_key, name, endpoint, card,
                          created_at) VALUES (1, 'peer', 1, x'01', x'02', 'Peer', 'tcp://x:1', x'', 0);
    INSERT INTO messages (seq, id, contact_id, direction, body, state, sent_at)
      VALUES (10, x'0a', 1, 2, 'queued one', 1, 0), (11, x'0b', 1, 2, 'delivered', 3, 0),
             (12, x'0c', 1, 2, 'queued two', 1, 0);
    INSERT INTO outbox (seq, contact_id, envelope) VALUES (10, 1, 'old envelope 10'),
                                                          (12, 1, 'old envelope 12');
  )sql")
                  .ok());
  ASSERT_TRUE(Migrate(db).ok());
  auto table = MessageTable::Prepare(db);
  ASSERT_TRUE(table.ok());
  auto outbox = table->Outbox(1, 0, 10);
  ASSERT_TRUE(outbox.ok());
  ASSERT_EQ(outbox->size(), 2u);
  EXPECT_EQ(std::string(outbox->at(0).envelope.begin(), outbox->at(0).envelope.end()),
            "old envelope 10");
  EXPECT_EQ(outbox->at(1).seq, 12);
  EXPECT_EQ(table->CountUndelivered().value(), 2);
  auto rows = table->Latest(1, 10);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ(rows->at(0).state, kQueued);
  EXPECT_EQ(rows->at(1).state, kDelivered);
  EXPECT_EQ(rows->at(2).state, kQueued);
  // New batches take ids after the migrated ones.
  MessageRow fresh;
  fresh.contact_id = 1;
  fresh.body = "new";
  ASSERT_TRUE(db.Begin().ok());
  ASSERT_TRUE(table->InsertOutgoing(fresh, Bytes("new envelope")).ok());
  ASSERT_TRUE(table->FlushOutbox().ok());
  ASSERT_TRUE(db.Commit().ok());
  ASSERT_TRUE(table->MarkDeliveredRange(1, 10, 12).ok());
  outbox = table->Outbox(1, 0, 10);
  ASSERT_TRUE(outbox.ok());
  ASSERT_EQ(outbox->size(), 1u);
  EXPECT_EQ(std::string(outbox->at(0).envelope.begin(), outbox->at(0).envelope.end()),
            "new envelope");
}

}  // namespace
}  // namespace parley::store
