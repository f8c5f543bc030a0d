// ContactDirectory: every contact and first-contact request, in memory, with
// the lookups the hot path needs (by transport key for each received frame).
// The store is the truth; the directory is loaded from it and updated only by
// the messenger, next to the corresponding writes.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crypto/bytes.h"
#include "daemon/identity/card.h"
#include "daemon/store/contact_table.h"
#include "daemon/util/status.h"

namespace parley::messenger {

struct Contact {
  store::ContactRow row;
  identity::ContactCard card;

  bool is_request() const { return row.status == store::ContactStatus::kRequest; }
};

class ContactDirectory {
 public:
  // Replaces the directory with the store's contacts; every card is re-verified.
  Status Load(store::ContactTable& table);

  Contact* ById(std::int64_t id);
  const Contact* ById(std::int64_t id) const;
  Contact* ByAlias(std::string_view alias);  // contacts only, not requests
  const Contact* ByAlias(std::string_view alias) const;
  Contact* ByIdentityKey(const crypto::PublicKey& key);
  const Contact* ByIdentityKey(const crypto::PublicKey& key) const;
  Contact* ByTransportKey(const crypto::PublicKey& key);
  const Contact* ByTransportKey(const crypto::PublicKey& key) const;
  // The contact that had identity `key` before one of its rotations, if any.
  const Contact* ByFormerIdentityKey(const crypto::PublicKey& key) const;

  Contact& Add(Contact contact);
  void Rename(Contact& contact, const std::string& alias);  // after the row changed
  // After the row's card changed: `card` replaces the old one and its keys
  // (the identity key too, after a rotation).
  void ReplaceCard(Contact& contact, identity::ContactCard card);
  void Remove(std::int64_t id);

  std::vector<const Contact*> Contacts() const;  // by alias
  std::vector<const Contact*> Requests() const;  // oldest first
  std::size_t contact_count() const;
  std::size_t request_count() const;

 private:
  static std::string Key(const crypto::PublicKey& key) { return {key.begin(), key.end()}; }
  std::map<std::int64_t, std::unique_ptr<Contact>> by_id_;
  std::unordered_map<std::string, Contact*> by_alias_;
  std::unordered_map<std::string, Contact*> by_identity_key_;
  std::unordered_map<std::string, Contact*> by_transport_key_;
};

}  // namespace parley::messenger
