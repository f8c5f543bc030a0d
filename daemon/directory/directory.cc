#include "daemon/directory/directory.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>

#include "crypto/fingerprint.h"
#include "daemon/directory/iso_codes.h"
#include "daemon/directory/sync_protocol.h"
#include "daemon/util/proto_bytes.h"

namespace parley::directory {

namespace {

// Whether a name is written in Cyrillic: its first letter's UTF-8 lead byte
// is that of U+0400..U+04FF.
bool LooksCyrillic(std::string_view name) {
  for (unsigned char c : name) {
    if (c < 0x80) {
      if (std::isalpha(c)) return false;
      continue;
    }
    return c == 0xD0 || c == 0xD1 || c == 0xD2 || c == 0xD3;
  }
  return false;
}

DirectoryEntry EntryOf(const Profile& profile) {
  DirectoryEntry entry;
  entry.fingerprint = crypto::Fingerprint(profile.identity_key);
  entry.name_latin = profile.fields.name_latin;
  entry.name_cyrillic = profile.fields.name_cyrillic;
  entry.state = profile.fields.state;
  entry.org = profile.fields.organisation;
  entry.role = profile.fields.role;
  entry.bio = profile.fields.bio;
  entry.areas = profile.fields.areas;
  entry.languages = profile.fields.languages;
  return entry;
}

// The kinds a key may make about itself, with no one's authority: what a
// member minting throwaway keys could fill stores with (kMaxUnvouchedStatements).
bool AnyoneMayMake(StatementKind kind) {
  return kind == StatementKind::kRevocation || kind == StatementKind::kRotation;
}

// A profile's slot among shared objects: tag 0, then the owner's key.
crypto::Bytes ProfileSlot(const crypto::PublicKey& owner) {
  crypto::Bytes slot{0};
  slot.insert(slot.end(), owner.begin(), owner.end());
  return slot;
}

// The charter's slot: one per network, the single byte 2 (a statement's
// slot starts with its kind, 2 for an endorsement, but is 33 or 65 bytes
// long, so they never meet). Checked before anything else, since it says
// who the anchors are.
const crypto::Bytes kCharterSlot{2};
constexpr int kCharterCheckOrder = -1;

crypto::Bytes EncodeLinkFrame(const wire::DirectorySync& message) {
  wire::LinkFrame frame;
  *frame.mutable_directory_sync() = message;
  const std::string bytes = frame.SerializeAsString();
  return crypto::Bytes(bytes.begin(), bytes.end());
}

}  // namespace

Result<Charter> Directory::CreateNetwork(store::Store& store, std::string_view name,
                                         std::uint64_t now_ms, crypto::Random& random) {
  store::DirectoryTable table(store.db());
  auto existing = table.LoadCharter();
  if (!existing.ok()) return existing.status();
  if (existing.value()) return Status::AlreadyExists("this node has joined a network already");
  auto anchor = crypto::SigningKeyPair::Generate(random);
  auto charter = CreateCharter(anchor, name, DefaultTaxonomy(), now_ms, random);
  if (!charter.ok()) return charter.status();
  PARLEY_RETURN_IF_ERROR(store.db().Begin());
  Status status = table.SaveCharter(charter->encoded);
  if (status.ok()) {
    crypto::Bytes public_key(anchor.public_key().begin(), anchor.public_key().end());
    status = table.InsertAnchorKey(
        store::AnchorKeyRow{std::move(public_key), crypto::SecureBuffer::CopyOf(anchor.secret())});
  }
  if (status.ok()) status = store.db().Commit();
  if (!status.ok()) {
    store.db().Rollback();
    return status;
  }
  return charter;
}

Status Directory::JoinNetwork(store::Store& store, const Charter& charter) {
  store::DirectoryTable table(store.db());
  auto existing = table.LoadCharter();
  if (!existing.ok()) return existing.status();
  if (existing.value()) return Status::AlreadyExists("this node has joined a network already");
  return table.SaveCharter(charter.encoded);
}

Directory::Directory(store::Store& store, const crypto::SigningKeyPair& owner,
                     std::string owner_name, const Clock& clock)
    : table_(store.db()), owner_(owner), owner_name_(std::move(owner_name)), clock_(clock) {}

Result<std::unique_ptr<Directory>> Directory::Load(store::Store& store,
                                                   const crypto::SigningKeyPair& owner,
                                                   std::string owner_name, const Clock& clock) {
  auto directory = std::make_unique<Directory>(store, owner, std::move(owner_name), clock);
  PARLEY_RETURN_IF_ERROR(directory->Reload());
  return directory;
}

Status Directory::Reload() {
  charter_.reset();
  own_version_floor_ = 0;
  anchor_keys_.clear();
  profiles_.clear();
  by_fingerprint_.clear();
  trust_ = TrustGraph();
  shared_.Clear();
  index_ = SearchIndex();
  shown_versions_.clear();
  round_replies_.clear();
  round_fresh_.clear();
  unvouched_statements_.reset();
  auto stored_charter = table_.LoadCharter();
  if (!stored_charter.ok()) return stored_charter.status();
  if (!stored_charter.value()) return Status::Ok();
  auto charter = ParseCharterBytes(*stored_charter.value());
  if (!charter.ok()) return Status::Corrupt("the stored charter: " + charter.status().message());
  charter_ = std::move(charter.value());
  // Shared like any object, so that an amendment reaches every member.
  shared_.Put(kCharterSlot,
              SharedObject{ObjectType::kCharter, kCharterCheckOrder, charter_->encoded});

  PARLEY_RETURN_IF_ERROR(LoadHeldAnchorKeys());

  const auto now = static_cast<std::uint64_t>(clock_.NowUnixMs());
  trust_ = TrustGraph(charter_->anchor_keys);
  auto statements = table_.LoadObjects(store::DirectoryObjectKind::kStatement);
  if (!statements.ok()) return statements.status();
  for (const auto& row : statements.value()) {
    auto statement = ParseStatement(row.object, *charter_, now, Verification::kStored);
    if (!statement.ok()) {
      // Dated ahead of a clock that has since gone back; it is simply not used.
      spdlog::debug("a stored statement is not kept: {}", statement.status().message());
      continue;
    }
    trust_.Put(std::move(statement.value()));
  }
  auto objects = table_.LoadObjects(store::DirectoryObjectKind::kProfile);
  if (!objects.ok()) return objects.status();
  const crypto::PublicKey& own_key = owner_.public_key();
  for (const auto& row : objects.value()) {
    if (std::equal(row.subject.begin(), row.subject.end(), own_key.begin(), own_key.end())) {
      own_version_floor_ = static_cast<std::uint64_t>(row.version);  // even when it has expired
    }
    auto profile = ParseProfile(row.object, *charter_, now, Verification::kStored);
    if (!profile.ok()) {
      // Expired since it was stored, most likely; it is simply not shown.
      spdlog::debug("a stored profile is not kept: {}", profile.status().message());
      continue;
    }
    profiles_.insert_or_assign(profile->identity_key, std::move(profile.value()));
  }
  round_fresh_.clear();
  PARLEY_RETURN_IF_ERROR(RefreshAll());
  round_fresh_.clear();  // what was stored is no news
  return Status::Ok();
}

void Directory::OnCommitted() {
  changed_ = false;
  for (auto& reply : round_replies_) ready_replies_.push_back(std::move(reply));
  for (auto& fresh : round_fresh_) ready_fresh_.push_back(std::move(fresh));
  round_replies_.clear();
  round_fresh_.clear();
  own_push_pending_ = own_push_pending_ || own_changed_;
  own_changed_ = false;
  revocations_pending_ = revocations_pending_ || revoked_in_round_;
  revoked_in_round_ = false;
}

Status Directory::OnRolledBack() {
  own_changed_ = false;
  revoked_in_round_ = false;
  round_replies_.clear();
  round_fresh_.clear();
  if (!changed_) return Status::Ok();
  changed_ = false;
  return Reload();
}

std::optional<crypto::Bytes> Directory::TakeProfileToPush() {
  const Profile* own = OwnProfile();
  if (!own_push_pending_ || own == nullptr) return std::nullopt;
  own_push_pending_ = false;
  return own->encoded;
}

Result<bool> Directory::OnContactProfile(const crypto::PublicKey& owner, crypto::ByteView object) {
  if (!charter_) return false;
  auto profile = ParseProfile(object, *charter_, static_cast<std::uint64_t>(clock_.NowUnixMs()));
  if (!profile.ok()) {
    spdlog::debug("refused a contact's profile: {}", profile.status().message());
    return false;
  }
  if (profile->identity_key != owner) return false;  // one's own only (§9.3)
  if (const Profile* held = ProfileOf(owner);
      held != nullptr && held->version >= profile->version) {
    // Not news, but the sender may have become a contact since it was stored.
    PARLEY_RETURN_IF_ERROR(RefreshProfile(owner, kFromThisNode));
    return false;
  }
  PARLEY_RETURN_IF_ERROR(Save(std::move(profile.value()), kFromThisNode));
  return true;
}

Status Directory::Save(Profile profile, std::int64_t from) {
  changed_ = true;
  const crypto::PublicKey& owner = profile.identity_key;
  PARLEY_RETURN_IF_ERROR(table_.SaveObject(store::DirectoryObjectRow{
      store::DirectoryObjectKind::kProfile, crypto::Bytes(owner.begin(), owner.end()),
      static_cast<std::int64_t>(profile.version), profile.encoded,
      static_cast<std::int64_t>(profile.expires_at_ms)}));
  return Keep(std::move(profile), from);
}

Status Directory::Keep(Profile profile, std::int64_t from) {
  auto key = profile.identity_key;
  profiles_.insert_or_assign(key, std::move(profile));
  return RefreshProfile(key, from);
}

bool Directory::IsSharedProfile(const Profile& profile) const {
  if (trust_.IsRetired(profile.identity_key)) return false;  // its successor's is
  // A contact point is known to every member, so that its endorsements name someone.
  const Statement* delegation = trust_.ActiveContactPoint(profile.identity_key);
  if (delegation != nullptr && delegation->state == profile.fields.state) return true;
  const auto endorsements = trust_.EndorsementsOf(profile.identity_key);
  return std::any_of(endorsements.begin(), endorsements.end(), [&](const Statement* endorsement) {
    return endorsement->state == profile.fields.state;
  });
}

bool Directory::IsShown(const Profile& profile, bool shared) const {
  if (profile.identity_key == owner_.public_key()) return true;
  if (trust_.IsRevoked(profile.identity_key) || trust_.IsRetired(profile.identity_key))
    return false;
  return shared || is_contact_(profile.identity_key);
}

Status Directory::RefreshProfile(const crypto::PublicKey& subject, std::int64_t from) {
  const Profile* profile = ProfileOf(subject);
  if (profile == nullptr) return Status::Ok();
  // Re-indexing is the costly part (RefreshAll runs this for every profile):
  // done only when the shown version changes.
  auto shown = shown_versions_.find(subject);
  const bool shared = IsSharedProfile(*profile);
  if (IsShown(*profile, shared)) {
    if (shown == shown_versions_.end() || shown->second != profile->version) {
      const std::string fingerprint = crypto::Fingerprint(subject);
      PARLEY_RETURN_IF_ERROR(index_.Upsert(EntryOf(*profile)));
      by_fingerprint_[fingerprint] = subject;
      shown_versions_[subject] = profile->version;
    }
  } else if (shown != shown_versions_.end()) {
    const std::string fingerprint = crypto::Fingerprint(subject);
    index_.Remove(fingerprint);
    by_fingerprint_.erase(fingerprint);
    shown_versions_.erase(shown);
  }
  const crypto::Bytes slot = ProfileSlot(subject);
  if (!shared) {
    shared_.Erase(slot);
    return Status::Ok();
  }
  // The owner's own profile reaches its contacts by its own push (§9.3).
  const std::int64_t push_from = subject == owner_.public_key() ? kNoPush : from;
  Share(slot, ObjectType::kProfile, kProfileCheckOrder, profile->encoded, push_from);
  return Status::Ok();
}

void Directory::Share(crypto::ByteView slot, ObjectType type, int check_order,
                      const crypto::Bytes& encoded, std::int64_t from) {
  // Comparing bytes is much cheaper than hashing them, and RefreshAll asks
  // this of every object the node holds.
  if (const SharedObject* held = shared_.AtSlot(slot); held != nullptr && held->encoded == encoded)
    return;  // shared already
  SharedObject object{type, check_order, encoded};
  if (from != kNoPush) round_fresh_.emplace_back(from, object);
  shared_.Put(slot, std::move(object));
}

Status Directory::RefreshAll() {
  for (const Statement* statement : trust_.All()) {
    const crypto::Bytes slot = statement->Slot();
    if (trust_.Holds(*statement)) {
      Share(slot, ObjectType::kStatement, CheckOrderOf(statement->kind), statement->encoded,
            kFromThisNode);
    } else {
      shared_.Erase(slot);
    }
  }
  for (const auto& [key, profile] : profiles_) {
    PARLEY_RETURN_IF_ERROR(RefreshProfile(key, kFromThisNode));
  }
  return Status::Ok();
}

Status Directory::SaveStatement(Statement statement, std::int64_t from) {
  changed_ = true;
  const crypto::Bytes slot = statement.Slot();
  PARLEY_RETURN_IF_ERROR(table_.SaveObject(store::DirectoryObjectRow{
      store::DirectoryObjectKind::kStatement, slot,
      static_cast<std::int64_t>(statement.issued_at_ms), statement.encoded, 0}));
  const StatementKind kind = statement.kind;
  const crypto::PublicKey subject = statement.subject;
  if (kind == StatementKind::kRevocation) revoked_in_round_ = true;
  Share(slot, ObjectType::kStatement, CheckOrderOf(kind), statement.encoded, from);
  trust_.Put(std::move(statement));
  if (kind == StatementKind::kEndorsement) return RefreshProfile(subject, from);
  if (AnyoneMayMake(kind) && !IsVouchedFor(subject)) {
    // A key nothing here vouches for has no profile, endorsement or
    // delegation whose standing its revocation or rotation could change:
    // only the statement's own. (Junk from throwaway keys stays cheap.)
    const Statement* held = trust_.Find(slot);
    if (held == nullptr || !trust_.Holds(*held)) shared_.Erase(slot);
    return Status::Ok();
  }
  // A delegation, suspension, revocation or rotation can change what every
  // endorsement means.
  return RefreshAll();
}

Status Directory::SetContactCheck(std::function<bool(const crypto::PublicKey&)> is_contact) {
  is_contact_ = std::move(is_contact);
  unvouched_statements_.reset();
  PARLEY_RETURN_IF_ERROR(RefreshAll());
  round_fresh_.clear();  // who is shown changed; nothing new to share
  return Status::Ok();
}

Status Directory::OnContactRemoved(const crypto::PublicKey& identity_key) {
  return RefreshProfile(identity_key, kNoPush);
}

// ---------------------------------------------------------------- sync

void Directory::StartSync(std::int64_t contact_id) {
  if (!charter_) return;
  round_replies_.emplace_back(contact_id, MakeSummary(shared_));
}

Status Directory::OnSyncMessage(std::int64_t contact_id, const wire::DirectorySync& message) {
  if (!charter_) return Status::Ok();
  std::vector<wire::DirectorySync> replies;
  std::vector<wire::DirectoryObject> received;
  Status answered = AnswerSync(shared_, message, replies, received);
  if (!answered.ok()) {
    spdlog::debug("dropped a sync message from contact {}: {}", contact_id, answered.message());
    return Status::Ok();
  }
  for (auto& reply : replies) round_replies_.emplace_back(contact_id, std::move(reply));
  // Counted at admission, a key may be vouched for since (an endorsement
  // checked after its rotation): counted again, at most once a message.
  if (unvouched_statements_ >= kMaxUnvouchedStatements) unvouched_statements_.reset();
  for (const auto& object : received) {
    auto kept = OnSyncedObject(object, contact_id);
    if (!kept.ok()) return kept.status();
  }
  return Status::Ok();
}

Result<bool> Directory::OnSyncedObject(const wire::DirectoryObject& object, std::int64_t from) {
  const auto now = static_cast<std::uint64_t>(clock_.NowUnixMs());
  if (object.has_charter()) {
    auto charter = ParseCharterBytes(crypto::AsBytes(object.charter()));
    if (!charter.ok()) {
      spdlog::debug("refused a charter: {}", charter.status().message());
      return false;
    }
    if (charter->encoded == charter_->encoded) return false;
    if (Status amendment = CheckAmendment(*charter_, *charter); !amendment.ok()) {
      spdlog::debug("refused a charter: {}", amendment.message());
      return false;
    }
    PARLEY_RETURN_IF_ERROR(Adopt(std::move(charter.value()), from));
    return true;
  }
  if (object.has_statement()) {
    auto statement = ParseStatement(crypto::AsBytes(object.statement()), *charter_, now);
    if (!statement.ok()) {
      spdlog::debug("refused a statement: {}", statement.status().message());
      return false;
    }
    if (!trust_.Holds(*statement)) {
      spdlog::debug("refused a statement its signer may not make");
      return false;
    }
    const Statement* held = trust_.Find(statement->Slot());
    if (held != nullptr && !Supersedes(*statement, *held)) return false;
    if (AnyoneMayMake(statement->kind) && held == nullptr && !IsVouchedFor(statement->subject)) {
      if (UnvouchedStatements() >= kMaxUnvouchedStatements) {
        spdlog::debug("refused a statement about a key nothing vouches for: {} held already",
                      kMaxUnvouchedStatements);
        return false;
      }
      ++*unvouched_statements_;
    }
    PARLEY_RETURN_IF_ERROR(SaveStatement(std::move(statement.value()), from));
    return true;
  }
  if (object.has_profile()) {
    auto profile = ParseProfile(crypto::AsBytes(object.profile()), *charter_, now);
    if (!profile.ok()) {
      spdlog::debug("refused a synced profile: {}", profile.status().message());
      return false;
    }
    // Only endorsed profiles travel beyond their owner's contacts.
    if (!IsSharedProfile(*profile)) return false;
    if (const Profile* held = ProfileOf(profile->identity_key);
        held != nullptr && held->version >= profile->version) {
      return false;
    }
    PARLEY_RETURN_IF_ERROR(Save(std::move(profile.value()), from));
    return true;
  }
  return false;
}

bool Directory::IsVouchedFor(const crypto::PublicKey& key) const {
  const auto lineage = trust_.Lineage(trust_.LatestKey(key));
  return std::any_of(lineage.begin(), lineage.end(), [this](const crypto::PublicKey& member) {
    return member == owner_.public_key() || trust_.IsAnchor(member) ||
           trust_.IsNamedByAuthority(member) || profiles_.count(member) != 0 || is_contact_(member);
  });
}

std::size_t Directory::UnvouchedStatements() {
  if (!unvouched_statements_) {
    unvouched_statements_ = 0;
    for (const Statement* statement : trust_.All()) {
      if (AnyoneMayMake(statement->kind) && !IsVouchedFor(statement->subject))
        ++*unvouched_statements_;
    }
  }
  return *unvouched_statements_;
}

std::vector<std::pair<std::int64_t, crypto::Bytes>> Directory::TakeFrames(
    const std::vector<std::int64_t>& online) {
  std::vector<std::pair<std::int64_t, crypto::Bytes>> frames;
  for (const auto& [contact_id, reply] : ready_replies_)
    frames.emplace_back(contact_id, EncodeLinkFrame(reply));
  ready_replies_.clear();
  if (ready_fresh_.empty()) return frames;
  for (std::int64_t contact_id : online) {
    std::vector<const SharedObject*> objects;
    for (const auto& [from, object] : ready_fresh_) {
      if (from != contact_id) objects.push_back(&object);
    }
    std::vector<wire::DirectorySync> messages;
    AppendObjects(std::move(objects), messages);
    for (const auto& message : messages) frames.emplace_back(contact_id, EncodeLinkFrame(message));
  }
  ready_fresh_.clear();
  return frames;
}

// ---------------------------------------------------------------- trust

Result<std::vector<crypto::PublicKey>> Directory::StoredAnchorKeys() {
  auto rows = table_.LoadAnchorKeys();
  if (!rows.ok()) return rows.status();
  std::vector<crypto::PublicKey> keys;
  for (const auto& row : rows.value()) {
    crypto::PublicKey key{};
    if (row.public_key.size() != key.size()) return Status::Corrupt("a stored anchor key");
    std::copy(row.public_key.begin(), row.public_key.end(), key.begin());
    keys.push_back(key);
  }
  return keys;
}

Status Directory::LoadHeldAnchorKeys() {
  anchor_keys_.clear();
  auto stored = StoredAnchorKeys();
  if (!stored.ok()) return stored.status();
  for (const auto& key : stored.value()) {
    if (charter_->IsAnchor(key)) anchor_keys_.push_back(key);
  }
  return Status::Ok();
}

Result<crypto::SigningKeyPair> Directory::AnchorKeyPair(const crypto::PublicKey* wanted) {
  if (anchor_keys_.empty()) return Status::PermissionDenied("this node holds no anchor key");
  auto rows = table_.LoadAnchorKeys();
  if (!rows.ok()) return rows.status();
  for (const auto& row : rows.value()) {
    auto pair = crypto::SigningKeyPair::FromSecret(row.secret.view());
    if (!pair || !charter_->IsAnchor(pair->public_key())) continue;
    if (wanted == nullptr || pair->public_key() == *wanted) return std::move(*pair);
  }
  return Status::PermissionDenied("this node holds no such anchor key");
}

bool Directory::is_first_anchor() const {
  return charter_ && !charter_->anchor_keys.empty() &&
         std::find(anchor_keys_.begin(), anchor_keys_.end(), charter_->anchor_keys.front()) !=
             anchor_keys_.end();
}

Result<crypto::PublicKey> Directory::MakeAnchorKey(crypto::Random& random) {
  if (!charter_) return Status::NotFound("this node has joined no network");
  auto stored = StoredAnchorKeys();
  if (!stored.ok()) return stored.status();
  if (!stored->empty()) return stored->front();
  auto anchor = crypto::SigningKeyPair::Generate(random);
  crypto::Bytes public_key(anchor.public_key().begin(), anchor.public_key().end());
  PARLEY_RETURN_IF_ERROR(table_.InsertAnchorKey(
      store::AnchorKeyRow{std::move(public_key), crypto::SecureBuffer::CopyOf(anchor.secret())}));
  changed_ = true;  // a rolled-back round forgets it
  return anchor.public_key();
}

Result<const Statement*> Directory::SignAndSave(const crypto::SigningKeyPair& signer,
                                                StatementKind kind,
                                                const crypto::PublicKey& subject, std::string state,
                                                std::string organisation) {
  // Later than anything this slot holds, even when the clock went back.
  auto now = static_cast<std::uint64_t>(clock_.NowUnixMs());
  if (const Statement* held = trust_.Find(SlotOf(kind, subject, signer.public_key()));
      held != nullptr)
    now = std::max(now, held->issued_at_ms + 1);
  auto statement = SignStatement(signer, kind, subject, std::move(state), std::move(organisation),
                                 *charter_, now);
  if (!statement.ok()) return statement.status();
  if (!trust_.Holds(*statement)) return Status::PermissionDenied("the statement would not hold");
  const crypto::Bytes slot = statement->Slot();
  PARLEY_RETURN_IF_ERROR(SaveStatement(std::move(statement.value()), kFromThisNode));
  return trust_.Find(slot);
}

Result<const Statement*> Directory::AddContactPoint(const crypto::PublicKey& subject,
                                                    std::string state) {
  if (!charter_) return Status::NotFound("this node has joined no network");
  if (!IsStateCode(state)) return Status::InvalidArgument("state");
  auto anchor = AnchorKeyPair();
  if (!anchor.ok()) return anchor.status();
  if (trust_.IsSuspended(subject)) return Status::AlreadyExists("suspended");
  return SignAndSave(anchor.value(), StatementKind::kContactPoint, subject, std::move(state), "");
}

Result<const Statement*> Directory::SuspendContactPoint(const crypto::PublicKey& subject) {
  if (!charter_) return Status::NotFound("this node has joined no network");
  auto anchor = AnchorKeyPair();
  if (!anchor.ok()) return anchor.status();
  // The key the delegation names, which may be one `subject` succeeded.
  const Statement* delegation = trust_.DelegationOf(subject);
  if (delegation == nullptr) return Status::NotFound("no contact point");
  if (trust_.IsSuspended(subject)) return Status::AlreadyExists("suspended");
  return SignAndSave(anchor.value(), StatementKind::kSuspension, delegation->subject, "", "");
}

Result<const Statement*> Directory::RevokeOwnKey() {
  if (!charter_) return Status::NotFound("this node has joined no network");
  return SignAndSave(owner_, StatementKind::kRevocation, owner_.public_key(), "", "");
}

Result<Statement> Directory::ExportRevocation() const {
  if (!charter_) return Status::NotFound("this node has joined no network");
  return SignStatement(owner_, StatementKind::kRevocation, owner_.public_key(), "", "", *charter_,
                       static_cast<std::uint64_t>(clock_.NowUnixMs()));
}

Result<const Statement*> Directory::PublishRevocation(std::string_view certificate) {
  if (!charter_) return Status::NotFound("this node has joined no network");
  auto revocation =
      ParseRevocationText(certificate, *charter_, static_cast<std::uint64_t>(clock_.NowUnixMs()));
  if (!revocation.ok()) return revocation.status();
  if (!trust_.Holds(*revocation)) return Status::InvalidArgument("its signer may not revoke");
  const crypto::Bytes slot = revocation->Slot();
  if (!trust_.IsRevoked(revocation->subject)) {
    PARLEY_RETURN_IF_ERROR(SaveStatement(std::move(revocation.value()), kFromThisNode));
  }
  return trust_.Find(slot);
}

Result<const Statement*> Directory::RevokeMember(const crypto::PublicKey& subject) {
  if (!charter_) return Status::NotFound("this node has joined no network");
  if (is_anchor()) {
    auto anchor = AnchorKeyPair();
    if (!anchor.ok()) return anchor.status();
    return SignAndSave(anchor.value(), StatementKind::kRevocation, subject, "", "");
  }
  Statement probe;
  probe.kind = StatementKind::kRevocation;
  probe.subject = subject;
  probe.signer = owner_.public_key();
  if (!trust_.Holds(probe)) return Status::PermissionDenied("neither anchor nor its endorser");
  return SignAndSave(owner_, StatementKind::kRevocation, subject, "", "");
}

Result<const Charter*> Directory::AmendNetwork(const CharterChange& change) {
  if (!charter_) return Status::NotFound("this node has joined no network");
  if (!is_first_anchor()) return Status::PermissionDenied("not the first anchor");
  auto anchors = AnchorsAfter(change);
  if (!anchors.ok()) return anchors.status();
  auto anchor = AnchorKeyPair(&charter_->anchor_keys.front());
  if (!anchor.ok()) return anchor.status();
  auto amended =
      AmendCharter(*charter_, anchor.value(), change.name ? *change.name : charter_->name,
                   change.areas ? *change.areas : charter_->areas, anchors.value(),
                   static_cast<std::uint64_t>(clock_.NowUnixMs()));
  if (!amended.ok()) return amended.status();
  PARLEY_RETURN_IF_ERROR(Adopt(std::move(amended.value()), kFromThisNode));
  return &*charter_;
}

Result<std::vector<crypto::PublicKey>> Directory::AnchorsAfter(const CharterChange& change) const {
  if (!charter_) return Status::NotFound("this node has joined no network");
  std::vector<crypto::PublicKey> anchors = charter_->anchor_keys;
  for (const auto& key : change.remove_anchors) {
    auto it = std::find(anchors.begin(), anchors.end(), key);
    if (it == anchors.end())
      return Status::InvalidArgument(crypto::Fingerprint(key) + " is no anchor");
    if (key == charter_->anchor_keys.front())
      return Status::InvalidArgument("the first anchor cannot remove itself; make another first");
    anchors.erase(it);
  }
  for (const auto& key : change.add_anchors) {
    if (std::find(anchors.begin(), anchors.end(), key) != anchors.end())
      return Status::InvalidArgument(crypto::Fingerprint(key) + " is an anchor already");
    anchors.push_back(key);
  }
  if (anchors.size() > kMaxAnchors)
    return Status::InvalidArgument("at most " + std::to_string(kMaxAnchors) + " anchors");
  if (change.first_anchor) {
    auto it = std::find(anchors.begin(), anchors.end(), *change.first_anchor);
    if (it == anchors.end())
      return Status::InvalidArgument(crypto::Fingerprint(*change.first_anchor) + " is no anchor");
    std::rotate(anchors.begin(), it, it + 1);
  }
  return anchors;
}

Status Directory::Adopt(Charter charter, std::int64_t from) {
  changed_ = true;
  PARLEY_RETURN_IF_ERROR(table_.SaveCharter(charter.encoded));
  charter_ = std::move(charter);
  PARLEY_RETURN_IF_ERROR(LoadHeldAnchorKeys());  // this node may have become one, or ceased
  trust_.SetAnchors(charter_->anchor_keys);
  Share(kCharterSlot, ObjectType::kCharter, kCharterCheckOrder, charter_->encoded, from);
  // Who the anchors are may have changed, and with them what holds.
  return RefreshAll();
}

Status Directory::HandOver(const crypto::SigningKeyPair& successor,
                           crypto::ByteView successor_card) {
  if (!charter_) return Status::NotFound("this node has joined no network");
  if (trust_.IsRevoked(owner_.public_key())) return Status::PermissionDenied("revoked");
  // A key rotates once, and the earliest rotation wins everywhere: one made
  // elsewhere (by whoever else holds the key) leaves revocation as the answer.
  if (trust_.Find(SlotOf(StatementKind::kRotation, owner_.public_key())) != nullptr)
    return Status::AlreadyExists("a rotation of this key is known");
  if (trust_.Lineage(owner_.public_key()).size() >= kMaxLineage)
    return Status::InvalidArgument("this key's lineage is full");
  const auto now = static_cast<std::uint64_t>(clock_.NowUnixMs());
  auto rotation = SignRotation(owner_, successor, *charter_, now);
  if (!rotation.ok()) return rotation.status();
  PARLEY_RETURN_IF_ERROR(SaveStatement(std::move(rotation.value()), kFromThisNode));
  const Profile* own = OwnProfile();
  if (own == nullptr) return Status::Ok();
  const std::uint64_t version = std::max(own->version, own_version_floor_) + 1;
  auto profile = SignProfile(successor, own->fields, *charter_, version, now, successor_card);
  if (!profile.ok()) return profile.status();
  return Save(std::move(profile.value()), kFromThisNode);
}

Result<std::vector<crypto::PublicKey>> Directory::OnKeyRotation(
    crypto::ByteView encoded, const crypto::PublicKey& successor) {
  if (!charter_) return std::vector<crypto::PublicKey>();
  auto rotation =
      ParseStatement(encoded, *charter_, static_cast<std::uint64_t>(clock_.NowUnixMs()));
  // Kept only about a contact's key, or a key that succeeded one: a stranger
  // must not be able to fill every node's store with throwaway rotations.
  auto concerns_a_contact = [this](const crypto::PublicKey& subject) {
    const auto lineage = trust_.LiveLineage(subject);
    return std::any_of(lineage.begin(), lineage.end(), is_contact_);
  };
  if (rotation.ok() && rotation->kind == StatementKind::kRotation && trust_.Holds(*rotation) &&
      concerns_a_contact(rotation->subject)) {
    const Statement* held = trust_.Find(rotation->Slot());
    if (held == nullptr || Supersedes(*rotation, *held))
      PARLEY_RETURN_IF_ERROR(SaveStatement(std::move(rotation.value()), kFromThisNode));
  }
  if (trust_.IsRetired(successor) || trust_.IsRevoked(successor))
    return std::vector<crypto::PublicKey>();
  std::vector<crypto::PublicKey> predecessors = trust_.LiveLineage(successor);
  predecessors.erase(predecessors.begin());  // `successor` itself
  return predecessors;
}

Result<std::string> Directory::EndorsementState(const crypto::PublicKey& subject) const {
  if (!charter_) return Status::NotFound("this node has joined no network");
  const Profile* profile = ProfileOf(subject);
  const Statement* delegation = trust_.ActiveContactPoint(owner_.public_key());
  if (!is_anchor() && delegation == nullptr)
    return Status::PermissionDenied("neither anchor nor contact point");
  if (profile == nullptr) return Status::NotFound("no profile");
  if (is_anchor()) {
    if (profile->fields.state.empty()) return Status::InvalidArgument("");
    return profile->fields.state;
  }
  if (profile->fields.state != delegation->state) return Status::InvalidArgument(delegation->state);
  return delegation->state;
}

Result<const Statement*> Directory::Endorse(const crypto::PublicKey& subject,
                                            std::string organisation) {
  auto state = EndorsementState(subject);
  if (!state.ok()) return state.status();
  if (is_anchor()) {
    auto anchor = AnchorKeyPair();
    if (!anchor.ok()) return anchor.status();
    return SignAndSave(anchor.value(), StatementKind::kEndorsement, subject,
                       std::move(state.value()), std::move(organisation));
  }
  return SignAndSave(owner_, StatementKind::kEndorsement, subject, std::move(state.value()),
                     std::move(organisation));
}

const Profile* Directory::ProfileOf(const crypto::PublicKey& identity_key) const {
  auto it = profiles_.find(identity_key);
  return it == profiles_.end() ? nullptr : &it->second;
}

const Profile* Directory::ProfileOfHit(const SearchHit& hit) const {
  auto key = by_fingerprint_.find(hit.entry->fingerprint);
  return key == by_fingerprint_.end() ? nullptr : ProfileOf(key->second);
}

Result<const Profile*> Directory::UpdateOwnProfile(const ProfileUpdate& update,
                                                   crypto::ByteView own_card) {
  if (!charter_) return Status::NotFound("this node has joined no network");
  const Profile* current = OwnProfile();
  ProfileFields fields = current ? current->fields : ProfileFields{};
  auto apply = [](auto& field, const auto& value) {
    if (value) field = *value;
  };
  apply(fields.name_latin, update.name_latin);
  apply(fields.name_cyrillic, update.name_cyrillic);
  apply(fields.state, update.state);
  apply(fields.organisation, update.organisation);
  apply(fields.role, update.role);
  apply(fields.bio, update.bio);
  apply(fields.areas, update.areas);
  apply(fields.languages, update.languages);
  if (!current) {
    // A first profile takes the node's name for the script it is written in,
    // unless that name is given.
    std::string& name = LooksCyrillic(owner_name_) ? fields.name_cyrillic : fields.name_latin;
    if (name.empty()) name = owner_name_;
  }
  PARLEY_RETURN_IF_ERROR(NormaliseProfileFields(fields, *charter_));

  // Higher than any version this node ever signed, so that contacts holding
  // an expired one still take the renewal.
  const std::uint64_t version = std::max(current ? current->version : 0, own_version_floor_) + 1;
  auto profile = SignProfile(owner_, fields, *charter_, version,
                             static_cast<std::uint64_t>(clock_.NowUnixMs()), own_card);
  if (!profile.ok()) return profile.status();
  own_changed_ = true;
  PARLEY_RETURN_IF_ERROR(Save(std::move(profile.value()), kFromThisNode));
  return OwnProfile();
}

}  // namespace parley::directory
