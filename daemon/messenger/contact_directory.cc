#include "daemon/messenger/contact_directory.h"

#include <algorithm>

namespace parley::messenger {

Status ContactDirectory::Load(store::ContactTable& table) {
  auto rows = table.LoadAll();
  if (!rows.ok()) return rows.status();
  // Built aside and swapped in whole: a failure leaves the directory as it was.
  ContactDirectory loaded;
  for (auto& row : rows.value()) {
    auto card = identity::ParseCardBytes(row.card);
    if (!card.ok()) {
      return Status::Corrupt("stored card of contact " + std::to_string(row.id) +
                             " does not verify: " + card.status().message());
    }
    loaded.Add(Contact{std::move(row), std::move(card.value())});
  }
  *this = std::move(loaded);
  return Status::Ok();
}

Contact* ContactDirectory::ById(std::int64_t id) {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : it->second.get();
}

const Contact* ContactDirectory::ById(std::int64_t id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : it->second.get();
}

Contact* ContactDirectory::ByAlias(std::string_view alias) {
  auto it = by_alias_.find(std::string(alias));
  return it == by_alias_.end() ? nullptr : it->second;
}

const Contact* ContactDirectory::ByAlias(std::string_view alias) const {
  auto it = by_alias_.find(std::string(alias));
  return it == by_alias_.end() ? nullptr : it->second;
}

Contact* ContactDirectory::ByIdentityKey(const crypto::PublicKey& key) {
  auto it = by_identity_key_.find(Key(key));
  return it == by_identity_key_.end() ? nullptr : it->second;
}

Contact* ContactDirectory::ByTransportKey(const crypto::PublicKey& key) {
  auto it = by_transport_key_.find(Key(key));
  return it == by_transport_key_.end() ? nullptr : it->second;
}

Contact& ContactDirectory::Add(Contact contact) {
  auto owned = std::make_unique<Contact>(std::move(contact));
  Contact& added = *owned;
  by_id_[added.row.id] = std::move(owned);
  if (!added.row.alias.empty()) by_alias_[added.row.alias] = &added;
  by_identity_key_[Key(added.row.identity_key)] = &added;
  by_transport_key_[Key(added.row.transport_key)] = &added;
  return added;
}

void ContactDirectory::Rename(Contact& contact, const std::string& alias) {
  if (!contact.row.alias.empty()) by_alias_.erase(contact.row.alias);
  contact.row.alias = alias;
  by_alias_[alias] = &contact;
}

const Contact* ContactDirectory::ByIdentityKey(const crypto::PublicKey& key) const {
  auto it = by_identity_key_.find(Key(key));
  return it == by_identity_key_.end() ? nullptr : it->second;
}

const Contact* ContactDirectory::ByTransportKey(const crypto::PublicKey& key) const {
  auto it = by_transport_key_.find(Key(key));
  return it == by_transport_key_.end() ? nullptr : it->second;
}

const Contact* ContactDirectory::ByFormerIdentityKey(const crypto::PublicKey& key) const {
  // A linear walk: it serves first contacts only, which are rate-limited.
  for (const auto& [id, contact] : by_id_) {
    const auto& former = contact->row.former_identity_keys;
    if (std::find(former.begin(), former.end(), key) != former.end()) return contact.get();
  }
  return nullptr;
}

void ContactDirectory::ReplaceCard(Contact& contact, identity::ContactCard card) {
  by_transport_key_.erase(Key(contact.row.transport_key));
  by_identity_key_.erase(Key(contact.row.identity_key));
  contact.row.identity_key = card.identity.identity_key;
  contact.row.transport_key = card.identity.transport_key;
  contact.row.name = card.name;
  contact.row.endpoint = card.endpoints.front();
  contact.row.card = card.encoded;
  contact.card = std::move(card);
  by_identity_key_[Key(contact.row.identity_key)] = &contact;
  by_transport_key_[Key(contact.row.transport_key)] = &contact;
}

void ContactDirectory::Remove(std::int64_t id) {
  auto it = by_id_.find(id);
  if (it == by_id_.end()) return;
  Contact& contact = *it->second;
  if (!contact.row.alias.empty()) by_alias_.erase(contact.row.alias);
  by_identity_key_.erase(Key(contact.row.identity_key));
  by_transport_key_.erase(Key(contact.row.transport_key));
  by_id_.erase(it);
}

std::vector<const Contact*> ContactDirectory::Contacts() const {
  std::vector<const Contact*> result;
  for (const auto& [id, contact] : by_id_) {
    if (!contact->is_request()) result.push_back(contact.get());
  }
  std::sort(result.begin(), result.end(),
            [](const Contact* a, const Contact* b) { return a->row.alias < b->row.alias; });
  return result;
}

std::vector<const Contact*> ContactDirectory::Requests() const {
  std::vector<const Contact*> result;
  for (const auto& [id, contact] : by_id_) {
    if (contact->is_request()) result.push_back(contact.get());
  }
  return result;
}

std::size_t ContactDirectory::contact_count() const { return by_id_.size() - request_count(); }

std::size_t ContactDirectory::request_count() const {
  return static_cast<std::size_t>(std::count_if(
      by_id_.begin(), by_id_.end(), [](const auto& entry) { return entry.second->is_request(); }));
}

}  // namespace parley::messenger
