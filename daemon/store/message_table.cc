#include "daemon/store/message_table.h"

#include <algorithm>
#include <map>
#include <memory>
#include <unordered_map>

namespace parley::store {

// The envelopes a round committed to one contact, written as one
// outbox_batches row when the round finishes (FlushOutbox).
struct MessageTable::PendingBatch {
  std::int64_t id = 0;
  std::int64_t first_seq = 0;
  std::int64_t last_seq = 0;
  crypto::Bytes envelopes;
};

struct MessageTable::Statements {
  Database& db;
  Statement insert_outgoing;
  Statement insert_entry;
  Statement insert_batch;
  Statement insert_incoming;
  Statement has_incoming;
  Statement newest_incoming_stored;
  Statement delete_entries;
  Statement batches_of_entries;
  Statement delete_batch_if_emptied;
  Statement outbox;
  Statement batch_envelopes;
  Statement all_outstanding;
  Statement latest;
  Statement count_undelivered;
  Statement count_for_contact;
  std::int64_t next_batch_id = 1;
  std::map<std::int64_t, PendingBatch> pending{};  // by contact
  // The highest incoming id stored per contact, or above it: raised as ids
  // are inserted, and read again after a rollback (which may bring back a
  // removed contact's messages). Too high only costs lookups.
  std::unordered_map<std::int64_t, MessageId> newest_incoming{};
};

namespace {

MessageRow ReadMessage(const Statement& stmt) {
  MessageRow row;
  row.seq = stmt.ColumnInt(0);
  auto id = stmt.ColumnBlob(1);
  std::copy_n(id.begin(), std::min(id.size(), kMessageIdSize), row.id.begin());
  row.contact_id = stmt.ColumnInt(2);
  row.direction = static_cast<Direction>(stmt.ColumnInt(3));
  row.body = stmt.ColumnText(4);
  row.state = static_cast<MessageState>(stmt.ColumnInt(5));
  row.sent_at = stmt.ColumnInt(6);
  row.received_at = stmt.ColumnInt(7);
  return row;
}

}  // namespace

Result<MessageTable> MessageTable::Prepare(Database& db) {
  // Writes say OR FAIL (or OR IGNORE): any failed statement fails the whole
  // reactor round, which is rolled back, so SQLite need not keep a statement
  // journal to undo half a statement -- and SQLCipher encrypts every page of
  // that journal (measured: 30 us of a 36 us UPDATE).
  const char* sql[] = {
      "INSERT OR FAIL INTO messages (id, contact_id, direction, body, state, sent_at, received_at) "
      "VALUES (?, ?, 2, ?, ?, ?, NULL)",
      "INSERT OR FAIL INTO outbox_entries (seq, contact_id, batch_id, offset, length) "
      "VALUES (?, ?, ?, ?, ?)",
      "INSERT OR FAIL INTO outbox_batches (id, contact_id, first_seq, last_seq, envelopes) "
      "VALUES (?, ?, ?, ?, ?)",
      "INSERT OR IGNORE INTO messages (id, contact_id, direction, body, state, sent_at, "
      "received_at) VALUES (?, ?, 1, ?, 3, ?, ?)",
      "SELECT 1 FROM messages WHERE contact_id = ? AND direction = 1 AND id = ?",
      "SELECT max(id) FROM messages WHERE contact_id = ? AND direction = 1",
      "DELETE FROM outbox_entries WHERE seq BETWEEN ?2 AND ?3 AND contact_id = ?1",
      "SELECT DISTINCT batch_id FROM outbox_entries WHERE seq BETWEEN ?2 AND ?3 AND contact_id = "
      "?1",
      "DELETE FROM outbox_batches WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM outbox_entries e "
      "WHERE e.seq BETWEEN outbox_batches.first_seq AND outbox_batches.last_seq "
      "AND e.batch_id = ?1)",
      "SELECT e.seq, m.id, e.batch_id, e.offset, e.length FROM outbox_entries e "
      "JOIN messages m ON m.seq = e.seq WHERE e.contact_id = ? AND e.seq > ? ORDER BY e.seq "
      "LIMIT ?",
      "SELECT envelopes FROM outbox_batches WHERE id = ?",
      "SELECT e.contact_id, e.seq, m.id FROM outbox_entries e JOIN messages m ON m.seq = e.seq "
      "ORDER BY e.seq",
      // An outgoing message is queued while its envelope is in the outbox (or
      // its content awaits a session) and delivered once that is dropped: the
      // state is kept in one place, and an acknowledgement costs a DELETE, not
      // another write of every message row. messages.state is as inserted.
      "SELECT seq, id, contact_id, direction, body, "
      "CASE WHEN m.direction = 2 AND (EXISTS (SELECT 1 FROM outbox_entries WHERE seq = m.seq) "
      "OR EXISTS (SELECT 1 FROM awaiting_session WHERE seq = m.seq)) THEN 1 ELSE 3 END, "
      "sent_at, received_at FROM "
      "(SELECT * FROM messages WHERE contact_id = ? ORDER BY seq DESC LIMIT ?) AS m ORDER BY seq",
      "SELECT (SELECT count(*) FROM outbox_entries) + (SELECT count(*) FROM awaiting_session)",
      "SELECT count(*) FROM messages WHERE contact_id = ?",
  };
  std::vector<Statement> prepared;
  for (const char* text : sql) {
    auto stmt = db.Prepare(text);
    if (!stmt.ok()) return stmt.status();
    prepared.push_back(std::move(stmt.value()));
  }
  auto next = prepared.begin();
  auto take = [&next] { return std::move(*next++); };
  auto s = std::make_shared<Statements>(Statements{db, take(), take(), take(), take(), take(),
                                                   take(), take(), take(), take(), take(), take(),
                                                   take(), take(), take(), take()});
  auto last_batch = db.Prepare("SELECT coalesce(max(id), 0) FROM outbox_batches");
  if (!last_batch.ok()) return last_batch.status();
  auto row = last_batch->Step();
  if (!row.ok()) return row.status();
  s->next_batch_id = last_batch->ColumnInt(0) + 1;
  last_batch->Reset();
  return MessageTable(std::move(s));
}

Status MessageTable::InsertOutgoingMessage(MessageRow& row) {
  PARLEY_RETURN_IF_ERROR(s_->insert_outgoing.Bind(1, crypto::ByteView(row.id))
                             .Bind(2, row.contact_id)
                             .Bind(3, row.body)
                             .Bind(4, static_cast<std::int64_t>(row.state))
                             .Bind(5, row.sent_at)
                             .Run());
  row.seq = s_->db.last_insert_rowid();
  return Status::Ok();
}

Status MessageTable::InsertOutgoing(MessageRow& row, crypto::ByteView envelope) {
  PARLEY_RETURN_IF_ERROR(InsertOutgoingMessage(row));
  return AddToOutbox(row.seq, row.contact_id, envelope);
}

Status MessageTable::AddToOutbox(std::int64_t seq, std::int64_t contact_id,
                                 crypto::ByteView envelope) {
  auto [it, fresh] = s_->pending.try_emplace(contact_id);
  PendingBatch* batch = &it->second;
  if (!fresh && batch->envelopes.size() + envelope.size() > kMaxOutboxBatchBytes) {
    PARLEY_RETURN_IF_ERROR(WriteBatch(contact_id, *batch));
    *batch = PendingBatch{};
    fresh = true;
  }
  if (fresh) {
    batch->id = s_->next_batch_id++;
    batch->first_seq = batch->last_seq = seq;
  }
  // A waiting message joins with its older seq (MoveToOutbox).
  batch->first_seq = std::min(batch->first_seq, seq);
  batch->last_seq = std::max(batch->last_seq, seq);
  const auto offset = static_cast<std::int64_t>(batch->envelopes.size());
  batch->envelopes.insert(batch->envelopes.end(), envelope.begin(), envelope.end());
  return s_->insert_entry.Bind(1, seq)
      .Bind(2, contact_id)
      .Bind(3, batch->id)
      .Bind(4, offset)
      .Bind(5, static_cast<std::int64_t>(envelope.size()))
      .Run();
}

Status MessageTable::WriteBatch(std::int64_t contact_id, const PendingBatch& batch) {
  return s_->insert_batch.Bind(1, batch.id)
      .Bind(2, contact_id)
      .Bind(3, batch.first_seq)
      .Bind(4, batch.last_seq)
      .Bind(5, crypto::ByteView(batch.envelopes))
      .Run();
}

Status MessageTable::FlushOutbox() {
  for (const auto& [contact_id, batch] : s_->pending) {
    PARLEY_RETURN_IF_ERROR(WriteBatch(contact_id, batch));
  }
  s_->pending.clear();
  return Status::Ok();
}

void MessageTable::OnRolledBack() {
  s_->pending.clear();
  // A removal may be undone: what is known of the newest ids is read again.
  s_->newest_incoming.clear();
}

void MessageTable::ForgetContact(std::int64_t contact_id) {
  s_->pending.erase(contact_id);
  s_->newest_incoming.erase(contact_id);
}

Status MessageTable::InsertAwaiting(MessageRow& row, crypto::ByteView content) {
  PARLEY_RETURN_IF_ERROR(InsertOutgoingMessage(row));
  auto stmt = s_->db.Prepare(
      "INSERT OR FAIL INTO awaiting_session (seq, contact_id, content) VALUES (?, ?, ?)");
  if (!stmt.ok()) return stmt.status();
  return stmt->Bind(1, row.seq).Bind(2, row.contact_id).Bind(3, content).Run();
}

Result<std::vector<MessageTable::Awaiting>> MessageTable::AwaitingOf(std::int64_t contact_id) {
  auto stmt =
      s_->db.Prepare("SELECT seq, content FROM awaiting_session WHERE contact_id = ? ORDER BY seq");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, contact_id);
  std::vector<Awaiting> waiting;
  for (;;) {
    auto row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    waiting.push_back(
        Awaiting{stmt->ColumnInt(0), crypto::SecureBuffer::CopyOf(stmt->ColumnBlob(1))});
  }
  return waiting;
}

Result<std::vector<std::int64_t>> MessageTable::ContactsAwaiting() {
  auto stmt = s_->db.Prepare("SELECT DISTINCT contact_id FROM awaiting_session");
  if (!stmt.ok()) return stmt.status();
  std::vector<std::int64_t> contacts;
  for (;;) {
    auto row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    contacts.push_back(stmt->ColumnInt(0));
  }
  return contacts;
}

Status MessageTable::MoveToOutbox(std::int64_t seq, std::int64_t contact_id,
                                  crypto::ByteView envelope) {
  auto erase = s_->db.Prepare("DELETE FROM awaiting_session WHERE seq = ?");
  if (!erase.ok()) return erase.status();
  PARLEY_RETURN_IF_ERROR(erase->Bind(1, seq).Run());
  if (s_->db.changes() != 1) return Status::Internal("no such waiting message");
  return AddToOutbox(seq, contact_id, envelope);
}

Result<bool> MessageTable::InsertIncoming(MessageRow& row) {
  PARLEY_RETURN_IF_ERROR(s_->insert_incoming.Bind(1, crypto::ByteView(row.id))
                             .Bind(2, row.contact_id)
                             .Bind(3, row.body)
                             .Bind(4, row.sent_at)
                             .Bind(5, row.received_at)
                             .Run());
  if (s_->db.changes() == 0) return false;
  row.seq = s_->db.last_insert_rowid();
  // Only raised where known: a first value is read from the store.
  if (auto newest = s_->newest_incoming.find(row.contact_id);
      newest != s_->newest_incoming.end() && newest->second < row.id) {
    newest->second = row.id;
  }
  row.direction = Direction::kIn;
  row.state = MessageState::kDelivered;
  return true;
}

Result<bool> MessageTable::HasIncoming(std::int64_t contact_id, const MessageId& id) {
  auto newest = s_->newest_incoming.find(contact_id);
  if (newest == s_->newest_incoming.end()) {
    auto& read = s_->newest_incoming_stored.Bind(1, contact_id);
    auto row = read.Step();
    if (!row.ok()) return row.status();
    MessageId stored{};  // all zeros when nothing was received: every id is above it
    if (row.value() && !read.ColumnIsNull(0)) {
      auto bytes = read.ColumnBlob(0);
      std::copy_n(bytes.begin(), std::min(bytes.size(), kMessageIdSize), stored.begin());
    }
    read.Reset();
    newest = s_->newest_incoming.emplace(contact_id, stored).first;
  }
  if (newest->second < id) return false;  // later than anything stored: no duplicate
  auto& stmt = s_->has_incoming.Bind(1, contact_id).Bind(2, crypto::ByteView(id));
  auto row = stmt.Step();
  if (!row.ok()) return row.status();
  stmt.Reset();
  return row.value();
}

Status MessageTable::MarkDeliveredRange(std::int64_t contact_id, std::int64_t first,
                                        std::int64_t last) {
  std::vector<std::int64_t> batches;
  auto& read = s_->batches_of_entries.Bind(1, contact_id).Bind(2, first).Bind(3, last);
  for (;;) {
    auto row = read.Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    batches.push_back(read.ColumnInt(0));
  }
  PARLEY_RETURN_IF_ERROR(s_->delete_entries.Bind(1, contact_id).Bind(2, first).Bind(3, last).Run());
  if (batches.empty()) return Status::Ok();
  // A batch whose envelopes are all delivered is dropped whole. Without
  // secure_delete its pages are freed, not first overwritten with zeros:
  // that write was a third of a message's pages. What stays in the free
  // pages is encrypted by SQLCipher: ciphertext under message keys no one
  // holds any more, and envelope metadata (decision 34). The pragma takes
  // effect when prepared, so it is executed each time, and put back on
  // every path.
  Status status = s_->db.Exec("PRAGMA secure_delete = OFF");
  for (std::size_t i = 0; status.ok() && i < batches.size(); ++i) {
    status = s_->delete_batch_if_emptied.Bind(1, batches[i]).Run();
  }
  Status restored = s_->db.Exec("PRAGMA secure_delete = ON");
  return status.ok() ? restored : status;
}

Result<std::vector<OutboxEntry>> MessageTable::Outbox(std::int64_t contact_id, std::int64_t after,
                                                      std::size_t limit) {
  if (!s_->pending.empty()) return Status::Internal("the outbox was read before it was flushed");
  auto& stmt =
      s_->outbox.Bind(1, contact_id).Bind(2, after).Bind(3, static_cast<std::int64_t>(limit));
  std::vector<OutboxEntry> entries;
  std::int64_t batch_id = -1;
  crypto::Bytes batch;  // the envelopes of batch_id: entries come in runs of one batch
  for (;;) {
    auto row = stmt.Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    OutboxEntry entry;
    entry.seq = stmt.ColumnInt(0);
    auto id = stmt.ColumnBlob(1);
    std::copy_n(id.begin(), std::min(id.size(), kMessageIdSize), entry.id.begin());
    const std::int64_t entry_batch = stmt.ColumnInt(2);
    const std::int64_t offset = stmt.ColumnInt(3), length = stmt.ColumnInt(4);
    if (entry_batch != batch_id) {
      auto& read = s_->batch_envelopes.Bind(1, entry_batch);
      auto found = read.Step();
      if (!found.ok()) {
        stmt.Reset();
        return found.status();
      }
      if (!found.value()) {
        stmt.Reset();
        return Status::Corrupt("an outbox entry has no batch");
      }
      auto bytes = read.ColumnBlob(0);
      batch.assign(bytes.begin(), bytes.end());
      read.Reset();
      batch_id = entry_batch;
    }
    // Read from the store, so bounded without trusting it (no overflow either).
    if (offset < 0 || length < 0 || static_cast<std::uint64_t>(offset) > batch.size() ||
        static_cast<std::uint64_t>(length) > batch.size() - static_cast<std::size_t>(offset)) {
      stmt.Reset();
      return Status::Corrupt("an outbox entry lies outside its batch");
    }
    entry.envelope.assign(batch.begin() + offset, batch.begin() + offset + length);
    entries.push_back(std::move(entry));
  }
  return entries;
}

Result<std::vector<MessageTable::Outstanding>> MessageTable::AllOutstanding() {
  auto& stmt = s_->all_outstanding;
  std::vector<Outstanding> rows;
  for (;;) {
    auto row = stmt.Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    Outstanding entry{stmt.ColumnInt(0), stmt.ColumnInt(1), {}};
    auto id = stmt.ColumnBlob(2);
    std::copy_n(id.begin(), std::min(id.size(), kMessageIdSize), entry.id.begin());
    rows.push_back(entry);
  }
  return rows;
}

Result<std::vector<MessageRow>> MessageTable::Latest(std::int64_t contact_id, std::size_t limit) {
  auto& stmt = s_->latest.Bind(1, contact_id).Bind(2, static_cast<std::int64_t>(limit));
  std::vector<MessageRow> rows;
  for (;;) {
    auto row = stmt.Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    rows.push_back(ReadMessage(stmt));
  }
  return rows;
}

namespace {

Result<std::int64_t> Count(Statement& stmt) {
  auto row = stmt.Step();
  if (!row.ok()) return row.status();
  std::int64_t count = row.value() ? stmt.ColumnInt(0) : 0;
  stmt.Reset();
  return count;
}

}  // namespace

Result<std::int64_t> MessageTable::CountUndelivered() { return Count(s_->count_undelivered); }

Result<std::int64_t> MessageTable::CountForContact(std::int64_t contact_id) {
  s_->count_for_contact.Bind(1, contact_id);
  return Count(s_->count_for_contact);
}

struct SessionTable::Statements {
  Database& db;
  Statement load;
  Statement update;
  Statement insert;
};

Result<SessionTable> SessionTable::Prepare(Database& db) {
  auto load = db.Prepare("SELECT record FROM sessions WHERE contact_id = ?");
  if (!load.ok()) return load.status();
  // UPDATE first: a session is saved far more often than it is created, and
  // INSERT OR REPLACE (a delete plus an insert) costs several times more.
  auto update = db.Prepare("UPDATE OR FAIL sessions SET record = ?2 WHERE contact_id = ?1");
  if (!update.ok()) return update.status();
  auto insert = db.Prepare("INSERT OR FAIL INTO sessions (contact_id, record) VALUES (?1, ?2)");
  if (!insert.ok()) return insert.status();
  return SessionTable(std::make_shared<Statements>(Statements{
      db, std::move(load.value()), std::move(update.value()), std::move(insert.value())}));
}

Result<std::optional<crypto::SecureBuffer>> SessionTable::Load(std::int64_t contact_id) {
  auto& stmt = s_->load.Bind(1, contact_id);
  auto row = stmt.Step();
  if (!row.ok()) return row.status();
  if (!row.value()) return std::optional<crypto::SecureBuffer>();
  auto record = crypto::SecureBuffer::CopyOf(stmt.ColumnBlob(0));
  stmt.Reset();
  return std::optional<crypto::SecureBuffer>(std::move(record));
}

Status SessionTable::Save(std::int64_t contact_id, crypto::ByteView record) {
  PARLEY_RETURN_IF_ERROR(s_->update.Bind(1, contact_id).Bind(2, record).Run());
  if (s_->db.changes() > 0) return Status::Ok();
  return s_->insert.Bind(1, contact_id).Bind(2, record).Run();
}

}  // namespace parley::store
