#include "daemon/identity/node_identity.h"

#include <algorithm>

#include "daemon/store/node_table.h"

namespace parley::identity {

namespace {
constexpr std::uint32_t kFirstSignedPrekeyId = 1;
}

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
  store::SignedPrekeyRow prekey_row;
  prekey_row.id = prekey.id;
  prekey_row.secret = crypto::SecureBuffer::CopyOf(prekey.key.secret());
  prekey_row.signature.assign(prekey.signature.begin(), prekey.signature.end());
  prekey_row.created_at = now_ms;

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
  if (prekey_rows->empty()) return Status::Corrupt("the store has no signed prekey");

  auto retired_rows = store::NodeTable(store.db()).LoadRetired();
  if (!retired_rows.ok()) return retired_rows.status();

  auto result = std::make_unique<NodeIdentity>(NodeIdentity{
      std::move(*identity), {}, {}, node->name, node->listen, node->announce, node->created_at});
  for (const auto& row : retired_rows.value()) {
    auto retired = crypto::Identity::Deserialize(row.view());
    if (!retired) return Status::Corrupt("a stored retired identity is malformed");
    result->retired.push_back(std::move(*retired));
  }
  for (auto& row : prekey_rows.value()) {
    auto key = crypto::DhKeyPair::FromSecret(row.secret.view());
    if (!key || row.signature.size() != crypto::kSignatureSize) {
      return Status::Corrupt("a stored signed prekey is malformed");
    }
    crypto::SignedPrekey prekey{row.id, std::move(*key), {}};
    std::copy(row.signature.begin(), row.signature.end(), prekey.signature.begin());
    result->signed_prekeys.push_back(std::move(prekey));
  }
  return result;
}

Result<std::unique_ptr<NodeIdentity>> RotateNodeIdentity(store::Store& store,
                                                         const NodeIdentity& current,
                                                         std::int64_t now_ms,
                                                         crypto::Random& random) {
  auto identity = crypto::Identity::Generate(random);
  std::uint32_t prekey_id = kFirstSignedPrekeyId;
  for (const auto& prekey : current.signed_prekeys) prekey_id = std::max(prekey_id, prekey.id + 1);
  auto prekey = crypto::SignedPrekey::Generate(identity.signing(), prekey_id, random);
  store::SignedPrekeyRow prekey_row;
  prekey_row.id = prekey.id;
  prekey_row.secret = crypto::SecureBuffer::CopyOf(prekey.key.secret());
  prekey_row.signature.assign(prekey.signature.begin(), prekey.signature.end());
  prekey_row.created_at = now_ms;
  PARLEY_RETURN_IF_ERROR(
      store::NodeTable(store.db()).ReplaceIdentity(identity.Serialize(), now_ms));
  PARLEY_RETURN_IF_ERROR(store::PrekeyTable(store.db()).InsertSigned(prekey_row));
  // What the store now holds, read back as every start reads it.
  return LoadNodeIdentity(store);
}

}  // namespace parley::identity
