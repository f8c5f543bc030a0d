#include "daemon/store/node_table.h"

namespace parley::store {

Status NodeTable::Insert(const NodeRow& row) {
  auto stmt = db_.Prepare(
      "INSERT INTO node (id, name, identity, listen, announce, created_at) "
      "VALUES (1, ?, ?, ?, ?, ?)");
  if (!stmt.ok()) return stmt.status();
  return stmt->Bind(1, row.name)
      .Bind(2, row.identity.view())
      .Bind(3, row.listen)
      .Bind(4, row.announce)
      .Bind(5, row.created_at)
      .Run();
}

Result<NodeRow> NodeTable::Load() {
  auto stmt =
      db_.Prepare("SELECT name, identity, listen, announce, created_at FROM node WHERE id = 1");
  if (!stmt.ok()) return stmt.status();
  auto row = stmt->Step();
  if (!row.ok()) return row.status();
  if (!row.value()) return Status::Corrupt("the store has no identity");
  NodeRow node;
  node.name = stmt->ColumnText(0);
  node.identity = crypto::SecureBuffer::CopyOf(stmt->ColumnBlob(1));
  node.listen = stmt->ColumnText(2);
  node.announce = stmt->ColumnText(3);
  node.created_at = stmt->ColumnInt(4);
  stmt->Reset();
  return node;
}

Status NodeTable::UpdateEndpoints(const std::string& listen, const std::string& announce) {
  auto stmt = db_.Prepare("UPDATE node SET listen = ?, announce = ? WHERE id = 1");
  if (!stmt.ok()) return stmt.status();
  return stmt->Bind(1, listen).Bind(2, announce).Run();
}

Status NodeTable::ReplaceIdentity(const crypto::SecureBuffer& identity, std::int64_t now_ms) {
  auto retire = db_.Prepare(
      "INSERT INTO retired_identities (identity, retired_at) "
      "SELECT identity, ? FROM node WHERE id = 1");
  if (!retire.ok()) return retire.status();
  PARLEY_RETURN_IF_ERROR(retire->Bind(1, now_ms).Run());
  auto replace = db_.Prepare("UPDATE node SET identity = ? WHERE id = 1");
  if (!replace.ok()) return replace.status();
  return replace->Bind(1, identity.view()).Run();
}

Result<std::vector<crypto::SecureBuffer>> NodeTable::LoadRetired() {
  auto stmt = db_.Prepare("SELECT identity FROM retired_identities ORDER BY id DESC");
  if (!stmt.ok()) return stmt.status();
  std::vector<crypto::SecureBuffer> retired;
  for (;;) {
    auto row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    retired.push_back(crypto::SecureBuffer::CopyOf(stmt->ColumnBlob(0)));
  }
  return retired;
}

Status PrekeyTable::InsertSigned(const SignedPrekeyRow& row) {
  auto stmt = db_.Prepare(
      "INSERT INTO signed_prekeys (id, secret, signature, created_at) VALUES (?, ?, ?, ?)");
  if (!stmt.ok()) return stmt.status();
  return stmt->Bind(1, static_cast<std::int64_t>(row.id))
      .Bind(2, row.secret.view())
      .Bind(3, crypto::ByteView(row.signature))
      .Bind(4, row.created_at)
      .Run();
}

Result<std::vector<SignedPrekeyRow>> PrekeyTable::LoadSigned() {
  auto stmt =
      db_.Prepare("SELECT id, secret, signature, created_at FROM signed_prekeys ORDER BY id DESC");
  if (!stmt.ok()) return stmt.status();
  std::vector<SignedPrekeyRow> rows;
  for (;;) {
    auto row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    SignedPrekeyRow prekey;
    prekey.id = static_cast<std::uint32_t>(stmt->ColumnInt(0));
    prekey.secret = crypto::SecureBuffer::CopyOf(stmt->ColumnBlob(1));
    auto signature = stmt->ColumnBlob(2);
    prekey.signature.assign(signature.begin(), signature.end());
    prekey.created_at = stmt->ColumnInt(3);
    rows.push_back(std::move(prekey));
  }
  return rows;
}

Status PrekeyTable::DeleteSigned(std::uint32_t id) {
  auto stmt = db_.Prepare("DELETE FROM signed_prekeys WHERE id = ?");
  if (!stmt.ok()) return stmt.status();
  return stmt->Bind(1, static_cast<std::int64_t>(id)).Run();
}

Status PrekeyTable::InsertOneTime(const OneTimePrekeyRow& row) {
  auto stmt = db_.Prepare(
      "INSERT INTO one_time_prekeys (id, secret, minted_at, requester) VALUES (?, ?, ?, ?)");
  if (!stmt.ok()) return stmt.status();
  return stmt->Bind(1, static_cast<std::int64_t>(row.id))
      .Bind(2, row.secret.view())
      .Bind(3, row.minted_at)
      .Bind(4, crypto::ByteView(row.requester))
      .Run();
}

Result<std::vector<OneTimePrekeyRow>> PrekeyTable::LoadOneTime() {
  auto stmt = db_.Prepare(
      "SELECT id, secret, minted_at, requester FROM one_time_prekeys "
      "ORDER BY minted_at, id");
  if (!stmt.ok()) return stmt.status();
  std::vector<OneTimePrekeyRow> rows;
  for (;;) {
    auto row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    auto requester = stmt->ColumnBlob(3);
    rows.push_back(OneTimePrekeyRow{static_cast<std::uint32_t>(stmt->ColumnInt(0)),
                                    crypto::SecureBuffer::CopyOf(stmt->ColumnBlob(1)),
                                    stmt->ColumnInt(2),
                                    crypto::Bytes(requester.begin(), requester.end())});
  }
  return rows;
}

Status PrekeyTable::DeleteOneTime(std::uint32_t id) {
  auto stmt = db_.Prepare("DELETE FROM one_time_prekeys WHERE id = ?");
  if (!stmt.ok()) return stmt.status();
  return stmt->Bind(1, static_cast<std::int64_t>(id)).Run();
}

}  // namespace parley::store
