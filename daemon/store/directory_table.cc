#include "daemon/store/directory_table.h"

namespace parley::store {

namespace {

crypto::Bytes CopyBlob(crypto::ByteView blob) { return crypto::Bytes(blob.begin(), blob.end()); }

}  // namespace

Result<std::optional<crypto::Bytes>> DirectoryTable::LoadCharter() {
  auto stmt = db_.Prepare("SELECT charter FROM network WHERE id = 1");
  if (!stmt.ok()) return stmt.status();
  auto row = stmt->Step();
  if (!row.ok()) return row.status();
  if (!row.value()) return std::optional<crypto::Bytes>();
  auto charter = CopyBlob(stmt->ColumnBlob(0));
  stmt->Reset();
  return std::optional<crypto::Bytes>(std::move(charter));
}

Status DirectoryTable::SaveCharter(crypto::ByteView charter) {
  auto stmt = db_.Prepare("INSERT OR REPLACE INTO network (id, charter) VALUES (1, ?1)");
  if (!stmt.ok()) return stmt.status();
  return stmt->Bind(1, charter).Run();
}

Status DirectoryTable::InsertAnchorKey(const AnchorKeyRow& row) {
  auto stmt = db_.Prepare("INSERT INTO anchor_keys (public_key, secret) VALUES (?, ?)");
  if (!stmt.ok()) return stmt.status();
  return stmt->Bind(1, crypto::ByteView(row.public_key)).Bind(2, row.secret.view()).Run();
}

Result<std::vector<AnchorKeyRow>> DirectoryTable::LoadAnchorKeys() {
  auto stmt = db_.Prepare("SELECT public_key, secret FROM anchor_keys ORDER BY public_key");
  if (!stmt.ok()) return stmt.status();
  std::vector<AnchorKeyRow> rows;
  for (;;) {
    auto row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    rows.push_back(AnchorKeyRow{CopyBlob(stmt->ColumnBlob(0)),
                                crypto::SecureBuffer::CopyOf(stmt->ColumnBlob(1))});
  }
  return rows;
}

Status DirectoryTable::SaveObject(const DirectoryObjectRow& row) {
  auto stmt = db_.Prepare(
      "INSERT OR REPLACE INTO directory_objects (kind, subject, version, object, expires_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!stmt.ok()) return stmt.status();
  return stmt->Bind(1, static_cast<std::int64_t>(row.kind))
      .Bind(2, crypto::ByteView(row.subject))
      .Bind(3, row.version)
      .Bind(4, crypto::ByteView(row.object))
      .Bind(5, row.expires_at)
      .Run();
}

Result<std::vector<DirectoryObjectRow>> DirectoryTable::LoadObjects(DirectoryObjectKind kind) {
  auto stmt = db_.Prepare(
      "SELECT subject, version, object, expires_at FROM directory_objects WHERE kind = ?");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, static_cast<std::int64_t>(kind));
  std::vector<DirectoryObjectRow> rows;
  for (;;) {
    auto row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    rows.push_back(DirectoryObjectRow{kind, CopyBlob(stmt->ColumnBlob(0)), stmt->ColumnInt(1),
                                      CopyBlob(stmt->ColumnBlob(2)), stmt->ColumnInt(3)});
  }
  return rows;
}

Status DirectoryTable::DeleteExpired(std::int64_t now_ms) {
  auto stmt = db_.Prepare("DELETE FROM directory_objects WHERE expires_at > 0 AND expires_at <= ?");
  if (!stmt.ok()) return stmt.status();
  return stmt->Bind(1, now_ms).Run();
}

}  // namespace parley::store
