// Contacts and first-contact requests (a request is a contact row with no
// alias and status kRequest until the user accepts it).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "crypto/bytes.h"
#include "daemon/store/database.h"

namespace parley::store {

enum class ContactStatus { kContact = 1, kRequest = 2 };

struct ContactRow {
  std::int64_t id = 0;
  std::string alias;  // empty for a request
  ContactStatus status = ContactStatus::kContact;
  crypto::PublicKey identity_key{};
  crypto::PublicKey transport_key{};
  std::string name;
  std::string endpoint;
  crypto::Bytes card;  // the Card protobuf, as received
  bool verified = false;
  // Its identity key changed (a rotation) since the user last confirmed its
  // safety number: nothing is sent to it until they confirm the new one.
  bool key_changed = false;
  std::int64_t created_at = 0;
  std::int64_t introduced_by = 0;  // the contact who introduced them; 0: none
  // Its identity keys before its rotations, oldest first (at most kMaxFormerIdentityKeys).
  std::vector<crypto::PublicKey> former_identity_keys;
};

constexpr std::size_t kMaxFormerIdentityKeys = 8;

class ContactTable {
 public:
  explicit ContactTable(Database& db) : db_(db) {}
  // Inserts and sets row.id. kAlreadyExists when the alias or a key is taken.
  Status Insert(ContactRow& row);
  Result<std::vector<ContactRow>> LoadAll();
  // The user compared the safety number: verified, and no longer key_changed.
  Status SetVerified(std::int64_t id);
  // The contact's identity key changed: not verified, key_changed.
  Status SetKeyChanged(std::int64_t id);
  Status SetIntroducedBy(std::int64_t id, std::int64_t introducer_id);
  Status Accept(std::int64_t id, const std::string& alias);
  // Replaces the card and what comes from it (keys, name, endpoint), and the
  // former identity keys.
  Status UpdateCard(const ContactRow& row);
  // Removes the contact and, by cascade, its session, messages, outbox,
  // waiting first messages and the introductions it made; contacts it
  // introduced are kept, no longer marked as introduced by anyone.
  Status Delete(std::int64_t id);

 private:
  Database& db_;
};

}  // namespace parley::store
