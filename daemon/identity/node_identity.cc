#include "daemon/identity/node_identity.h"

#include <algorithm>

#include "crypto/sign.h"
#include "daemon/store/node_table.h"

namespace parley::identity {

namespace {

constexpr std::uint32_t kFirstSignedPrekeyId = 1;

store::SignedPrekeyRow RowOf(const crypto::SignedPrekey& prekey, std::int64_t now_ms) {
  store::SignedPrekeyRow row;
  row.id = prekey.id;
  row.secret = crypto::SecureBuffer::CopyOf(prekey.key.secret());
  row.signature.assign(prekey.signature.begin(), prekey.signature.end());
  row.created_at = now_ms;
  return row;
}

Result<std::vector<crypto::SignedPrekey>> SignedPrekeysOf(
    const std::vector<store::SignedPrekeyRow>& rows) {
  if (rows.empty()) return Status::Corrupt("the store has no signed prekey");
  std::vector<crypto::SignedPrekey> prekeys;
  for (const auto& row : rows) {
    auto key = crypto::DhKeyPair::FromSecret(row.secret.view());
    if (!key || row.signature.size() != crypto::kSignatureSize) {
      return Status::Corrupt("a stored signed prekey is malformed");
    }
    crypto::SignedPrekey prekey{row.id, std::move(*key), {}};
    std::copy(row.signature.begin(), row.signature.end(), prekey.signature.begin());
    prekeys.push_back(std::move(prekey));
  }
  return prekeys;
}

std::uint32_t NextSignedPrekeyId(const NodeIdentity& identity) {
  std::uint32_t id = kFirstSignedPrekeyId;
  for (const auto& prekey : identity.signed_prekeys) id = std::max(id, prekey.id + 1);
  return id;
}

}  // namespace

ContactCard NodeIdentity::Card() const {
  return MakeCard(identity, current_signed_prekey(), name, {announce},
                  static_cast<std::uint64_t>(created_at_ms));
}

Result<std::unique_ptr<NodeIdentity>> CreateNodeIdentity(store::Store& store, std::string_view name,
                                                         const std::string& listen,
                                                         const std::string& announce,
                                                         std::int64_t now_ms,
                                                         crypto::Random& random) {
  if (name.empty() || name.size() > kMaxNameBytes || !IsValidUtf8(name)) {
    return Status::InvalidArgument("a name is 1 to 128 bytes of UTF-8");
  }
  auto identity = crypto::Identity::Generate(random);
  auto prekey = crypto::SignedPrekey::Generate(identity.signing(), kFirstSignedPrekeyId, random);

  store::NodeRow node;
  node.name = std::string(name);
  node.identity = identity.Serialize();
  node.listen = listen;
  node.announce = announce;
  node.created_at = now_ms;
  store::SignedPrekeyRow prekey_row = RowOf(prekey, now_ms);

  auto& db = store.db();
  PARLEY_RETURN_IF_ERROR(db.Begin());
  Status status = store::NodeTable(db).Insert(node);
  if (status.ok()) status = store::PrekeyTable(db).InsertSigned(prekey_row);
  if (status.ok()) status = db.Commit();
  if (!status.ok()) {
    db.Rollback();
    return status;
  }

  auto result = std::make_unique<NodeIdentity>(
      NodeIdentity{std::move(identity), {}, {}, node.name, listen, announce, now_ms});
  result->signed_prekeys.push_back(std::move(prekey));
  return result;
}

Result<std::unique_ptr<NodeIdentity>> LoadNodeIdentity(store::Store& store) {
  auto node = store::NodeTable(store.db()).Load();
  if (!node.ok()) return node.status();
  auto identity = crypto::Identity::Deserialize(node->identity.view());
  if (!identity) return Status::Corrupt("the stored identity is malformed");

  auto prekey_rows = store::PrekeyTable(store.db()).LoadSigned();
  if (!prekey_rows.ok()) return prekey_rows.status();
  auto prekeys = SignedPrekeysOf(prekey_rows.value());
  if (!prekeys.ok()) return prekeys.status();

  auto retired_rows = store::NodeTable(store.db()).LoadRetired();
  if (!retired_rows.ok()) return retired_rows.status();

  auto result = std::make_unique<NodeIdentity>(NodeIdentity{
      std::move(*identity), {}, {}, node->name, node->listen, node->announce, node->created_at});
  for (const auto& row : retired_rows.value()) {
    auto retired = crypto::Identity::Deserialize(row.view());
    if (!retired) return Status::Corrupt("a stored retired identity is malformed");
    result->retired.push_back(std::move(*retired));
  }
  result->signed_prekeys = std::move(prekeys.value());
  return result;
}

Result<std::unique_ptr<NodeIdentity>> RotateNodeIdentity(store::Store& store,
                                                         const NodeIdentity& current,
                                                         std::int64_t now_ms,
                                                         crypto::Random& random) {
  auto identity = crypto::Identity::Generate(random);
  auto prekey =
      crypto::SignedPrekey::Generate(identity.signing(), NextSignedPrekeyId(current), random);
  PARLEY_RETURN_IF_ERROR(
      store::NodeTable(store.db()).ReplaceIdentity(identity.Serialize(), now_ms));
  PARLEY_RETURN_IF_ERROR(store::PrekeyTable(store.db()).InsertSigned(RowOf(prekey, now_ms)));
  // What the store now holds, read back as every start reads it.
  return LoadNodeIdentity(store);
}

namespace {

// Inside the caller's transaction.
Result<bool> RenewSignedPrekeyRows(store::PrekeyTable& table, const NodeIdentity& identity,
                                   std::int64_t now_ms, crypto::Random& random) {
  auto rows = table.LoadSigned();  // newest first
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Status::Corrupt("the store has no signed prekey");
  bool changed = false;
  if (now_ms - rows->front().created_at >= kSignedPrekeyLifetimeMs) {
    auto prekey = crypto::SignedPrekey::Generate(identity.identity.signing(),
                                                 NextSignedPrekeyId(identity), random);
    PARLEY_RETURN_IF_ERROR(table.InsertSigned(RowOf(prekey, now_ms)));
    rows->insert(rows->begin(), RowOf(prekey, now_ms));
    changed = true;
  }
  // A prekey was replaced when its successor was made. Those of retired
  // identities are kept: cards from before a rotation name them (§9.6).
  const crypto::PublicKey& current = identity.identity.public_identity().identity_key;
  auto signed_by_current = [&current](const store::SignedPrekeyRow& row) {
    auto key = crypto::DhKeyPair::FromSecret(row.secret.view());
    crypto::Signature signature{};
    if (!key || row.signature.size() != signature.size()) return false;
    std::copy(row.signature.begin(), row.signature.end(), signature.begin());
    return crypto::VerifySignature(crypto::SignContext::kSignedPrekey, current,
                                   crypto::SignedPrekeyMessage(row.id, key->public_key()),
                                   signature);
  };
  for (std::size_t i = 1; i < rows->size(); ++i) {
    if (now_ms - (*rows)[i - 1].created_at > kSignedPrekeyGraceMs &&
        signed_by_current((*rows)[i])) {
      PARLEY_RETURN_IF_ERROR(table.DeleteSigned((*rows)[i].id));
      changed = true;
    }
  }
  return changed;
}

}  // namespace

Result<bool> RenewSignedPrekey(store::Store& store, NodeIdentity& identity, std::int64_t now_ms,
                               crypto::Random& random) {
  auto& db = store.db();
  store::PrekeyTable table(db);
  PARLEY_RETURN_IF_ERROR(db.Begin());
  auto changed = RenewSignedPrekeyRows(table, identity, now_ms, random);
  Status status = changed.ok() ? db.Commit() : changed.status();
  if (!status.ok()) {
    db.Rollback();
    return status;
  }
  // Read back even when nothing changed now: a reload that failed after an
  // earlier renewal committed is made good here.
  auto rows = table.LoadSigned();
  if (!rows.ok()) return rows.status();
  auto prekeys = SignedPrekeysOf(rows.value());
  if (!prekeys.ok()) return prekeys.status();
  auto ids = [](const std::vector<crypto::SignedPrekey>& list) {
    std::vector<std::uint32_t> out;
    for (const auto& prekey : list) out.push_back(prekey.id);
    return out;
  };
  if (ids(prekeys.value()) == ids(identity.signed_prekeys)) return false;
  identity.signed_prekeys = std::move(prekeys.value());
  return true;
}

}  // namespace parley::identity
