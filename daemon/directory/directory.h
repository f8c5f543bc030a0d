// Directory: the node's view of its network's expert directory -- the
// charter it joined, the anchor keys it holds, the verified profiles it
// keeps (its own among them) and the search over them.
//
// Writes happen inside the reactor's round transaction; after a rollback,
// Reload() brings memory back to what the store holds.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crypto/random.h"
#include "crypto/sign.h"
#include "daemon/directory/charter.h"
#include "daemon/directory/profile.h"
#include "daemon/directory/search_index.h"
#include "daemon/messenger/messenger.h"
#include "daemon/store/directory_table.h"
#include "daemon/store/store.h"
#include "daemon/util/clock.h"
#include "daemon/util/status.h"

namespace parley::directory {

// What `parley profile set` changes: a field that is absent keeps its value.
struct ProfileUpdate {
  std::optional<std::string> name_latin;
  std::optional<std::string> name_cyrillic;
  std::optional<std::string> state;
  std::optional<std::string> organisation;
  std::optional<std::string> role;
  std::optional<std::string> bio;
  std::optional<std::vector<std::string>> areas;
  std::optional<std::vector<std::string>> languages;
};

class Directory final : public messenger::ContactProfileSink {
 public:
  // The network set-up commands of parleyd, each in a transaction of its own
  // on a store no daemon has open. kAlreadyExists when the node has joined a
  // network already.
  static Result<Charter> CreateNetwork(store::Store& store, std::string_view name,
                                       std::uint64_t now_ms, crypto::Random& random);
  static Status JoinNetwork(store::Store& store, const Charter& charter);

  // What the store holds; a node that has not joined holds no charter.
  static Result<std::unique_ptr<Directory>> Load(store::Store& store,
                                                 const crypto::SigningKeyPair& owner,
                                                 std::string owner_name, const Clock& clock);

  bool joined() const { return charter_.has_value(); }
  const Charter* charter() const { return charter_ ? &*charter_ : nullptr; }
  bool is_anchor() const { return !anchor_keys_.empty(); }

  const Profile* ProfileOf(const crypto::PublicKey& identity_key) const;
  const Profile* OwnProfile() const { return ProfileOf(owner_.public_key()); }

  // Signs and stores the next version of the owner's profile. kNotFound when
  // the node has joined no network; InvalidArgument naming the field when a
  // field is wrong.
  Result<const Profile*> UpdateOwnProfile(const ProfileUpdate& update, crypto::ByteView own_card);

  SearchPage Search(const SearchQuery& query) const { return index_.Search(query); }
  // The profile a search hit stands for.
  const Profile* ProfileOfHit(const SearchHit& hit) const;

  // A contact's profile of itself, received over its link: kept when it
  // verifies, is the contact's own and is newer than the one held.
  Result<bool> OnContactProfile(const crypto::PublicKey& owner, crypto::ByteView object) override;

  Status Reload();
  // Round boundaries: after a rollback, memory is brought back to the store.
  void OnCommitted();
  Status OnRolledBack();
  // The owner's profile when a committed round changed it since the last
  // call: to be sent to every connected contact.
  std::optional<crypto::Bytes> TakeProfileToPush();

  // Use Load; public for make_unique.
  Directory(store::Store& store, const crypto::SigningKeyPair& owner, std::string owner_name,
            const Clock& clock);

 private:
  // Writes a verified profile to the store (this round) and keeps it.
  Status Save(Profile profile);
  // Holds a verified profile in memory and in the search index.
  Status Keep(Profile profile);

  store::DirectoryTable table_;
  const crypto::SigningKeyPair& owner_;
  std::string owner_name_;
  const Clock& clock_;
  std::optional<Charter> charter_;
  std::vector<crypto::PublicKey> anchor_keys_;     // held here, secrets stay in the store
  std::map<crypto::PublicKey, Profile> profiles_;  // by identity key
  std::map<std::string, crypto::PublicKey> by_fingerprint_;
  SearchIndex index_;
  std::uint64_t own_version_floor_ = 0;  // of the owner's stored profile, even expired
  bool changed_ = false;                 // in this round
  bool own_changed_ = false;             // in this round
  bool own_push_pending_ = false;        // committed, not yet taken
};

}  // namespace parley::directory
