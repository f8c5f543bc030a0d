#include "daemon/store/message_table.h"

#include <algorithm>
#include <memory>

namespace parley::store {

struct MessageTable::Statements {
  Database& db;
  Statement insert_outgoing;
  Statement insert_outbox;
  Statement insert_incoming;
  Statement has_incoming;
  Statement delete_outbox;
  Statement outbox;
  Statement all_outstanding;
  Statement latest;
  Statement count_undelivered;
  Statement count_for_contact;
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
      "INSERT OR FAIL INTO outbox (seq, contact_id, envelope) VALUES (?, ?, ?)",
      "INSERT OR IGNORE INTO messages (id, contact_id, direction, body, state, sent_at, "
      "received_at) VALUES (?, ?, 1, ?, 3, ?, ?)",
      "SELECT 1 FROM messages WHERE contact_id = ? AND direction = 1 AND id = ?",
      "DELETE FROM outbox WHERE seq BETWEEN ?2 AND ?3 AND contact_id = ?1",
      "SELECT o.seq, m.id, o.envelope FROM outbox o JOIN messages m ON m.seq = o.seq "
      "WHERE o.contact_id = ? AND o.seq > ? ORDER BY o.seq LIMIT ?",
      "SELECT o.contact_id, o.seq, m.id FROM outbox o JOIN messages m ON m.seq = o.seq "
      "ORDER BY o.seq",
      // An outgoing message is queued while its envelope is in the outbox (or
      // its content awaits a session) and delivered once that is dropped: the
      // state is kept in one place, and an acknowledgement costs a DELETE, not
      // another write of every message row. messages.state is as inserted.
      "SELECT seq, id, contact_id, direction, body, "
      "CASE WHEN m.direction = 2 AND (EXISTS (SELECT 1 FROM outbox WHERE seq = m.seq) "
      "OR EXISTS (SELECT 1 FROM awaiting_session WHERE seq = m.seq)) THEN 1 ELSE 3 END, "
      "sent_at, received_at FROM "
      "(SELECT * FROM messages WHERE contact_id = ? ORDER BY seq DESC LIMIT ?) AS m ORDER BY seq",
      "SELECT (SELECT count(*) FROM outbox) + (SELECT count(*) FROM awaiting_session)",
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
                                                   take(), take(), take(), take(), take()});
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
  return s_->insert_outbox.Bind(1, row.seq).Bind(2, row.contact_id).Bind(3, envelope).Run();
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
  return s_->insert_outbox.Bind(1, seq).Bind(2, contact_id).Bind(3, envelope).Run();
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
  row.direction = Direction::kIn;
  row.state = MessageState::kDelivered;
  return true;
}

Result<bool> MessageTable::HasIncoming(std::int64_t contact_id, const MessageId& id) {
  auto& stmt = s_->has_incoming.Bind(1, contact_id).Bind(2, crypto::ByteView(id));
  auto row = stmt.Step();
  if (!row.ok()) return row.status();
  stmt.Reset();
  return row.value();
}

Status MessageTable::MarkDeliveredRange(std::int64_t contact_id, std::int64_t first,
                                        std::int64_t last) {
  return s_->delete_outbox.Bind(1, contact_id).Bind(2, first).Bind(3, last).Run();
}

Result<std::vector<OutboxEntry>> MessageTable::Outbox(std::int64_t contact_id, std::int64_t after,
                                                      std::size_t limit) {
  auto& stmt =
      s_->outbox.Bind(1, contact_id).Bind(2, after).Bind(3, static_cast<std::int64_t>(limit));
  std::vector<OutboxEntry> entries;
  for (;;) {
    auto row = stmt.Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    OutboxEntry entry;
    entry.seq = stmt.ColumnInt(0);
    auto id = stmt.ColumnBlob(1);
    std::copy_n(id.begin(), std::min(id.size(), kMessageIdSize), entry.id.begin());
    auto envelope = stmt.ColumnBlob(2);
    entry.envelope.assign(envelope.begin(), envelope.end());
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
