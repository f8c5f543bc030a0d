// Directory: the node's view of its network's expert directory -- the
// charter it joined, the anchor keys it holds, the verified profiles and
// statements it keeps (its own among them), who may see what, the search
// over what it may show, and anti-entropy with its contacts.
//
// Who sees a profile (docs/protocol.md §9.4): its owner, the owner's
// contacts, and -- once an endorsement of the profile's state holds, or
// its owner is that state's contact point -- every member. Only the latter, and the statements that
// hold, are shared by sync (sync_set.h); a contact's unendorsed profile goes no further.
//
// Writes happen inside the reactor's round transaction; after a rollback,
// Reload() brings memory back to what the store holds. Frames for contacts
// are produced during a round and taken after its commit.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "crypto/random.h"
#include "crypto/sign.h"
#include "daemon/directory/charter.h"
#include "daemon/directory/profile.h"
#include "daemon/directory/search_index.h"
#include "daemon/directory/statement.h"
#include "daemon/directory/sync_set.h"
#include "daemon/directory/trust_graph.h"
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

// How often a node compares directories with each connected contact, on
// top of every (re)connection: repairs what a lost push missed.
constexpr std::int64_t kSyncIntervalMs = 60'000;

// Revocations and rotations anyone may make of their own keys, about keys
// nothing else names here (no endorsement, delegation, profile, contact or
// anchor in their lineage): kept from sync only while a node holds fewer
// than this many (<= 1 KiB each). A member minting throwaway keys cannot
// grow every store without end; a real member's self-revocation still
// travels through nodes that never heard of it (docs/decisions.md #28).
constexpr std::size_t kMaxUnvouchedStatements = 256;

// What a charter amendment changes; what is absent or empty is kept.
struct CharterChange {
  std::optional<std::string> name = {};
  std::optional<std::vector<Area>> areas = {};
  std::vector<crypto::PublicKey> add_anchors = {};     // appended, in this order
  std::vector<crypto::PublicKey> remove_anchors = {};  // never the first anchor itself
  std::optional<crypto::PublicKey> first_anchor = {};  // moved to the front: it signs the next
};

class Directory final : public messenger::DirectoryFrameSink {
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
  // Whether a person is one of this node's contacts (set by the node once
  // its contacts are loaded): they are shown whether endorsed or not.
  Status SetContactCheck(std::function<bool(const crypto::PublicKey&)> is_contact);
  // The person is no contact any more (inside the round that removed them):
  // a profile only contacts were shown leaves the search.
  Status OnContactRemoved(const crypto::PublicKey& identity_key);

  const Profile* ProfileOf(const crypto::PublicKey& identity_key) const;
  const Profile* OwnProfile() const { return ProfileOf(owner_.public_key()); }

  // Signs and stores the next version of the owner's profile. kNotFound when
  // the node has joined no network; InvalidArgument naming the field when a
  // field is wrong.
  Result<const Profile*> UpdateOwnProfile(const ProfileUpdate& update, crypto::ByteView own_card);

  // --- trust: each signs a statement, stores it and shares it (inside a round) ---
  // Anchor only (PermissionDenied otherwise): delegates `subject` as the
  // contact point of `state` (InvalidArgument "state" when no ISO code).
  // kAlreadyExists when `subject` is suspended.
  Result<const Statement*> AddContactPoint(const crypto::PublicKey& subject, std::string state);
  // Anchor only: kNotFound when `subject` was never delegated, kAlreadyExists
  // when it is suspended already.
  Result<const Statement*> SuspendContactPoint(const crypto::PublicKey& subject);
  // The state an endorsement of `subject` by this node would carry: the
  // anchor's is the state in `subject`'s profile, a contact point's its own.
  // kNotFound when no profile of `subject` is held (one endorses what one has
  // seen); InvalidArgument whose message is the contact point's state (empty
  // for the anchor) when the profile names another state, or none;
  // PermissionDenied when this node is neither anchor nor contact point.
  Result<std::string> EndorsementState(const crypto::PublicKey& subject) const;
  Result<const Statement*> Endorse(const crypto::PublicKey& subject, std::string organisation);

  // Revocation (final). This node's own key, now: anyone may then ignore it.
  Result<const Statement*> RevokeOwnKey();
  // A revocation of this node's own key, signed but neither stored nor sent:
  // the certificate its owner keeps offline for the day the key is lost.
  Result<Statement> ExportRevocation() const;
  // Publishes a certificate made by ExportRevocation, on any node:
  // InvalidArgument when it is none of this network.
  Result<const Statement*> PublishRevocation(std::string_view certificate);
  // Revokes a member's key: the anchor, or a contact point that endorsed it
  // (PermissionDenied otherwise).
  Result<const Statement*> RevokeMember(const crypto::PublicKey& subject);

  // The secretariat's amendment (the first anchor only, PermissionDenied
  // otherwise): signs the charter's next version with `change`, stores it
  // and shares it. InvalidArgument says what is wrong with the taxonomy
  // (e.g. an area removed) or the anchors (e.g. one removed that is none).
  Result<const Charter*> AmendNetwork(const CharterChange& change);
  // The anchor keys `change` leaves (first first); InvalidArgument says why
  // it cannot: an anchor removed that is none, or the first one, one added
  // twice, more than kMaxAnchors.
  Result<std::vector<crypto::PublicKey>> AnchorsAfter(const CharterChange& change) const;
  // This node's anchor key, made (and stored, this round) if it holds none:
  // the key another anchor adds to the charter to make this node one.
  Result<crypto::PublicKey> MakeAnchorKey(crypto::Random& random);
  // Whether this node holds the charter's first anchor key, the one that
  // signs amendments.
  bool is_first_anchor() const;

  // Key rotation (§9.6), in the offline `parleyd rotate-keys`, inside its
  // transaction: the owner hands over to `successor` -- a rotation statement,
  // and the owner's profile signed again by the successor with its card.
  // kNotFound when the node has joined no network; PermissionDenied when the
  // owner's key is revoked; kAlreadyExists when a rotation of it is known;
  // InvalidArgument when its lineage already holds kMaxLineage keys.
  Status HandOver(const crypto::SigningKeyPair& successor, crypto::ByteView successor_card);
  // The rotation that retired `key`, when one holds.
  const Statement* RotationOf(const crypto::PublicKey& key) const { return trust_.RotationOf(key); }

  const TrustGraph& trust() const { return trust_; }
  // The endorsements of `subject` that hold now.
  std::vector<const Statement*> EndorsementsOf(const crypto::PublicKey& subject) const {
    return trust_.EndorsementsOf(subject);
  }

  SearchPage Search(const SearchQuery& query) const { return index_.Search(query); }
  // The profile a search hit stands for.
  const Profile* ProfileOfHit(const SearchHit& hit) const;

  // A contact's profile of itself, received over its link: kept when it
  // verifies, is the contact's own and is newer than the one held.
  Result<bool> OnContactProfile(const crypto::PublicKey& owner, crypto::ByteView object) override;
  Status OnSyncMessage(std::int64_t contact_id, const wire::DirectorySync& message) override;
  Result<std::vector<crypto::PublicKey>> OnKeyRotation(crypto::ByteView statement,
                                                       const crypto::PublicKey& successor) override;
  // Begins an exchange with a contact whose link just came up, or whose
  // turn it is (kSyncIntervalMs).
  void StartSync(std::int64_t contact_id);
  const SyncSet& shared() const { return shared_; }

  Status Reload();
  // Round boundaries: after a rollback, memory is brought back to the store.
  void OnCommitted();
  Status OnRolledBack();
  // The owner's profile when a committed round changed it since the last
  // call: to be sent to every connected contact.
  std::optional<crypto::Bytes> TakeProfileToPush();
  // Link frames a committed round produced: sync answers to the contacts
  // that asked, and every object newly shared to each of `online` contacts
  // but the one it came from.
  std::vector<std::pair<std::int64_t, crypto::Bytes>> TakeFrames(
      const std::vector<std::int64_t>& online);
  bool HasFramesToTake() const { return !ready_replies_.empty() || !ready_fresh_.empty(); }
  // Whether a committed round kept a revocation since the last call: the
  // node then cuts the contacts it revoked (Messenger::IsRevoked).
  bool TakeRevocationsChanged() { return std::exchange(revocations_pending_, false); }

  // Use Load; public for make_unique.
  Directory(store::Store& store, const crypto::SigningKeyPair& owner, std::string owner_name,
            const Clock& clock);

 private:
  // Where an object came from, for pushing it on: not back to its sender.
  static constexpr std::int64_t kFromThisNode = -1;
  static constexpr std::int64_t kNoPush = -2;  // shared, but not news to push

  // Makes `charter`, checked as an amendment of the one held, this node's.
  Status Adopt(Charter charter, std::int64_t from);
  // Writes a verified profile to the store (this round) and keeps it.
  Status Save(Profile profile, std::int64_t from);
  // Holds a verified profile in memory, then shows and shares it as it may be.
  Status Keep(Profile profile, std::int64_t from);
  // Writes a statement that holds to the store, keeps it, and brings every
  // profile it may change up to date.
  Status SaveStatement(Statement statement, std::int64_t from);
  // Whether something other than a self-made revocation or rotation names
  // `key` or a key of its lineage here (kMaxUnvouchedStatements).
  bool IsVouchedFor(const crypto::PublicKey& key) const;
  // The revocations and rotations held about keys nothing vouches for.
  std::size_t UnvouchedStatements();
  // One object received by sync: kept when it checks (Result false when not).
  Result<bool> OnSyncedObject(const wire::DirectoryObject& object, std::int64_t from);
  // Whether every member may see the profile: an endorsement for its state
  // holds, or its owner is that state's contact point.
  bool IsSharedProfile(const Profile& profile) const;
  // `shared`: IsSharedProfile(profile), which the caller knows already.
  bool IsShown(const Profile& profile, bool shared) const;
  // Brings the search index and the shared set up to date for one profile.
  Status RefreshProfile(const crypto::PublicKey& subject, std::int64_t from);
  // ... for everything, after a suspension or a delegation changed.
  Status RefreshAll();
  // Loads the anchor key pair this node holds (`wanted`, when given);
  // PermissionDenied when none.
  Result<crypto::SigningKeyPair> AnchorKeyPair(const crypto::PublicKey* wanted = nullptr);
  // Every anchor key this node holds, named by the charter or not.
  Result<std::vector<crypto::PublicKey>> StoredAnchorKeys();
  // anchor_keys_ from the store: the held keys the charter names.
  Status LoadHeldAnchorKeys();
  Result<const Statement*> SignAndSave(const crypto::SigningKeyPair& signer, StatementKind kind,
                                       const crypto::PublicKey& subject, std::string state,
                                       std::string organisation);
  void Share(crypto::ByteView slot, ObjectType type, int check_order, const crypto::Bytes& encoded,
             std::int64_t from);

  store::DirectoryTable table_;
  const crypto::SigningKeyPair& owner_;
  std::string owner_name_;
  const Clock& clock_;
  std::optional<Charter> charter_;
  std::vector<crypto::PublicKey> anchor_keys_;     // held here, secrets stay in the store
  std::map<crypto::PublicKey, Profile> profiles_;  // by identity key
  std::map<std::string, crypto::PublicKey> by_fingerprint_;
  TrustGraph trust_;
  SyncSet shared_;
  SearchIndex index_;                                          // what this node may show
  std::map<crypto::PublicKey, std::uint64_t> shown_versions_;  // what index_ holds, by owner
  std::function<bool(const crypto::PublicKey&)> is_contact_ = [](const crypto::PublicKey&) {
    return false;
  };
  // This round's frames, taken after commit.
  std::vector<std::pair<std::int64_t, wire::DirectorySync>> round_replies_;
  std::vector<std::pair<std::int64_t, SharedObject>> round_fresh_;  // (from, object)
  std::vector<std::pair<std::int64_t, wire::DirectorySync>> ready_replies_;
  std::vector<std::pair<std::int64_t, SharedObject>> ready_fresh_;
  std::uint64_t own_version_floor_ = 0;              // of the owner's stored profile, even expired
  bool changed_ = false;                             // in this round
  bool own_changed_ = false;                         // in this round
  bool own_push_pending_ = false;                    // committed, not yet taken
  bool revoked_in_round_ = false;                    // a revocation was kept in this round
  bool revocations_pending_ = false;                 // committed, not yet taken
  std::optional<std::size_t> unvouched_statements_;  // counted when first needed
};

}  // namespace parley::directory
