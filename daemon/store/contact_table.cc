#include "daemon/store/contact_table.h"

#include <algorithm>

namespace parley::store {

namespace {

bool CopyKey(crypto::ByteView from, crypto::PublicKey& to) {
  if (from.size() != to.size()) return false;
  std::copy(from.begin(), from.end(), to.begin());
  return true;
}

crypto::Bytes JoinKeys(const std::vector<crypto::PublicKey>& keys) {
  crypto::Bytes joined;
  for (const auto& key : keys) joined.insert(joined.end(), key.begin(), key.end());
  return joined;
}

bool SplitKeys(crypto::ByteView joined, std::vector<crypto::PublicKey>& keys) {
  constexpr std::size_t kSize = crypto::PublicKey{}.size();
  if (joined.size() % kSize != 0 || joined.size() / kSize > kMaxFormerIdentityKeys) return false;
  for (std::size_t at = 0; at < joined.size(); at += kSize) {
    crypto::PublicKey key{};
    std::copy(joined.begin() + static_cast<std::ptrdiff_t>(at),
              joined.begin() + static_cast<std::ptrdiff_t>(at + kSize), key.begin());
    keys.push_back(key);
  }
  return true;
}

}  // namespace

Status ContactTable::Insert(ContactRow& row) {
  auto stmt = db_.Prepare(
      "INSERT INTO contacts (alias, status, identity_key, transport_key, name, endpoint, card, "
      "verified, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!stmt.ok()) return stmt.status();
  if (row.alias.empty()) {
    stmt->BindNull(1);
  } else {
    stmt->Bind(1, row.alias);
  }
  PARLEY_RETURN_IF_ERROR(stmt->Bind(2, static_cast<std::int64_t>(row.status))
                             .Bind(3, crypto::ByteView(row.identity_key))
                             .Bind(4, crypto::ByteView(row.transport_key))
                             .Bind(5, row.name)
                             .Bind(6, row.endpoint)
                             .Bind(7, crypto::ByteView(row.card))
                             .Bind(8, std::int64_t{row.verified ? 1 : 0})
                             .Bind(9, row.created_at)
                             .Run());
  row.id = db_.last_insert_rowid();
  return Status::Ok();
}

Result<std::vector<ContactRow>> ContactTable::LoadAll() {
  auto stmt = db_.Prepare(
      "SELECT id, alias, status, identity_key, transport_key, name, endpoint, card, verified, "
      "created_at, introduced_by, former_identity_keys, key_changed FROM contacts ORDER BY id");
  if (!stmt.ok()) return stmt.status();
  std::vector<ContactRow> rows;
  for (;;) {
    auto more = stmt->Step();
    if (!more.ok()) return more.status();
    if (!more.value()) break;
    ContactRow row;
    row.id = stmt->ColumnInt(0);
    row.alias = stmt->ColumnIsNull(1) ? std::string() : stmt->ColumnText(1);
    row.status = static_cast<ContactStatus>(stmt->ColumnInt(2));
    if (!CopyKey(stmt->ColumnBlob(3), row.identity_key) ||
        !CopyKey(stmt->ColumnBlob(4), row.transport_key) ||
        !SplitKeys(stmt->ColumnBlob(11), row.former_identity_keys)) {
      stmt->Reset();
      return Status::Corrupt("contact " + std::to_string(row.id) + " has a malformed key");
    }
    row.name = stmt->ColumnText(5);
    row.endpoint = stmt->ColumnText(6);
    auto card = stmt->ColumnBlob(7);
    row.card.assign(card.begin(), card.end());
    row.verified = stmt->ColumnInt(8) != 0;
    row.created_at = stmt->ColumnInt(9);
    row.introduced_by = stmt->ColumnIsNull(10) ? 0 : stmt->ColumnInt(10);
    row.key_changed = stmt->ColumnInt(12) != 0;
    rows.push_back(std::move(row));
  }
  return rows;
}

Status ContactTable::SetIntroducedBy(std::int64_t id, std::int64_t introducer_id) {
  auto stmt = db_.Prepare("UPDATE contacts SET introduced_by = ? WHERE id = ?");
  if (!stmt.ok()) return stmt.status();
  return stmt->Bind(1, introducer_id).Bind(2, id).Run();
}

Status ContactTable::SetVerified(std::int64_t id) {
  auto stmt = db_.Prepare("UPDATE contacts SET verified = 1, key_changed = 0 WHERE id = ?");
  if (!stmt.ok()) return stmt.status();
  return stmt->Bind(1, id).Run();
}

Status ContactTable::SetKeyChanged(std::int64_t id) {
  auto stmt = db_.Prepare("UPDATE contacts SET verified = 0, key_changed = 1 WHERE id = ?");
  if (!stmt.ok()) return stmt.status();
  return stmt->Bind(1, id).Run();
}

Status ContactTable::Accept(std::int64_t id, const std::string& alias) {
  auto stmt = db_.Prepare("UPDATE contacts SET alias = ?, status = ? WHERE id = ?");
  if (!stmt.ok()) return stmt.status();
  return stmt->Bind(1, alias)
      .Bind(2, static_cast<std::int64_t>(ContactStatus::kContact))
      .Bind(3, id)
      .Run();
}

Status ContactTable::UpdateCard(const ContactRow& row) {
  auto stmt = db_.Prepare(
      "UPDATE contacts SET identity_key = ?, transport_key = ?, name = ?, endpoint = ?, card = ?, "
      "former_identity_keys = ? WHERE id = ?");
  if (!stmt.ok()) return stmt.status();
  const crypto::Bytes former = JoinKeys(row.former_identity_keys);
  return stmt->Bind(1, crypto::ByteView(row.identity_key))
      .Bind(2, crypto::ByteView(row.transport_key))
      .Bind(3, row.name)
      .Bind(4, row.endpoint)
      .Bind(5, crypto::ByteView(row.card))
      .Bind(6, crypto::ByteView(former))
      .Bind(7, row.id)
      .Run();
}

Status ContactTable::Delete(std::int64_t id) {
  auto stmt = db_.Prepare("DELETE FROM contacts WHERE id = ?");
  if (!stmt.ok()) return stmt.status();
  return stmt->Bind(1, id).Run();
}

}  // namespace parley::store
