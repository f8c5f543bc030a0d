#include "daemon/store/introduction_table.h"

#include <algorithm>

namespace parley::store {

namespace {

// A row selected as (id, introducer_id, message_id, card, note, received_at).
IntroductionRow RowFrom(const Statement& stmt) {
  IntroductionRow row;
  row.id = stmt.ColumnInt(0);
  row.introducer_id = stmt.ColumnInt(1);
  auto id = stmt.ColumnBlob(2);
  std::copy_n(id.begin(), std::min(id.size(), kMessageIdSize), row.message_id.begin());
  auto card = stmt.ColumnBlob(3);
  row.card.assign(card.begin(), card.end());
  row.note = stmt.ColumnText(4);
  row.received_at = stmt.ColumnInt(5);
  return row;
}

}  // namespace

Result<bool> IntroductionTable::Insert(IntroductionRow& row) {
  auto stmt = db_.Prepare(
      "INSERT OR IGNORE INTO introductions (introducer_id, message_id, card, note, received_at) "
      "VALUES (?, ?, ?, ?, ?)");
  if (!stmt.ok()) return stmt.status();
  PARLEY_RETURN_IF_ERROR(stmt->Bind(1, row.introducer_id)
                             .Bind(2, crypto::ByteView(row.message_id))
                             .Bind(3, crypto::ByteView(row.card))
                             .Bind(4, row.note)
                             .Bind(5, row.received_at)
                             .Run());
  if (db_.changes() == 0) return false;
  row.id = db_.last_insert_rowid();
  return true;
}

Result<std::vector<IntroductionRow>> IntroductionTable::LoadAll() {
  auto stmt = db_.Prepare(
      "SELECT id, introducer_id, message_id, card, note, received_at FROM introductions "
      "ORDER BY id");
  if (!stmt.ok()) return stmt.status();
  std::vector<IntroductionRow> rows;
  for (;;) {
    auto more = stmt->Step();
    if (!more.ok()) return more.status();
    if (!more.value()) break;
    rows.push_back(RowFrom(*stmt));
  }
  return rows;
}

Result<std::optional<IntroductionRow>> IntroductionTable::Find(std::int64_t id) {
  auto stmt = db_.Prepare(
      "SELECT id, introducer_id, message_id, card, note, received_at FROM introductions "
      "WHERE id = ?");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, id);
  auto more = stmt->Step();
  if (!more.ok()) return more.status();
  if (!more.value()) return std::optional<IntroductionRow>();
  auto row = RowFrom(*stmt);
  stmt->Reset();
  return std::optional<IntroductionRow>(std::move(row));
}

Status IntroductionTable::Delete(std::int64_t id) {
  auto stmt = db_.Prepare("DELETE FROM introductions WHERE id = ?");
  if (!stmt.ok()) return stmt.status();
  return stmt->Bind(1, id).Run();
}

Result<std::int64_t> IntroductionTable::Count() {
  auto stmt = db_.Prepare("SELECT COUNT(*) FROM introductions");
  if (!stmt.ok()) return stmt.status();
  auto more = stmt->Step();
  if (!more.ok()) return more.status();
  const std::int64_t count = more.value() ? stmt->ColumnInt(0) : 0;
  stmt->Reset();
  return count;
}

}  // namespace parley::store
