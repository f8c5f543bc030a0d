#include "daemon/directory/directory.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>

#include "crypto/fingerprint.h"

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
  index_ = SearchIndex();
  auto stored_charter = table_.LoadCharter();
  if (!stored_charter.ok()) return stored_charter.status();
  if (!stored_charter.value()) return Status::Ok();
  auto charter = ParseCharterBytes(*stored_charter.value());
  if (!charter.ok()) return Status::Corrupt("the stored charter: " + charter.status().message());
  charter_ = std::move(charter.value());

  auto anchors = table_.LoadAnchorKeys();
  if (!anchors.ok()) return anchors.status();
  for (const auto& row : anchors.value()) {
    crypto::PublicKey key{};
    if (row.public_key.size() != key.size()) return Status::Corrupt("a stored anchor key");
    std::copy(row.public_key.begin(), row.public_key.end(), key.begin());
    if (charter_->IsAnchor(key)) anchor_keys_.push_back(key);
  }

  const auto now = static_cast<std::uint64_t>(clock_.NowUnixMs());
  auto objects = table_.LoadObjects(store::DirectoryObjectKind::kProfile);
  if (!objects.ok()) return objects.status();
  const crypto::PublicKey& own_key = owner_.public_key();
  for (const auto& row : objects.value()) {
    if (std::equal(row.subject.begin(), row.subject.end(), own_key.begin(), own_key.end())) {
      own_version_floor_ = static_cast<std::uint64_t>(row.version);  // even when it has expired
    }
    auto profile = ParseProfile(row.object, *charter_, now);
    if (!profile.ok()) {
      // Expired since it was stored, most likely; it is simply not shown.
      spdlog::debug("a stored profile is not kept: {}", profile.status().message());
      continue;
    }
    PARLEY_RETURN_IF_ERROR(Keep(std::move(profile.value())));
  }
  return Status::Ok();
}

void Directory::OnCommitted() {
  changed_ = false;
  own_push_pending_ = own_push_pending_ || own_changed_;
  own_changed_ = false;
}

Status Directory::OnRolledBack() {
  own_changed_ = false;
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
  if (profile->identity_key != owner) return false;  // only one's own, for now (§9.3)
  if (const Profile* held = ProfileOf(owner); held != nullptr && held->version >= profile->version)
    return false;
  PARLEY_RETURN_IF_ERROR(Save(std::move(profile.value())));
  return true;
}

Status Directory::Save(Profile profile) {
  changed_ = true;
  const crypto::PublicKey& owner = profile.identity_key;
  PARLEY_RETURN_IF_ERROR(table_.SaveObject(store::DirectoryObjectRow{
      store::DirectoryObjectKind::kProfile, crypto::Bytes(owner.begin(), owner.end()),
      static_cast<std::int64_t>(profile.version), profile.encoded,
      static_cast<std::int64_t>(profile.expires_at_ms)}));
  return Keep(std::move(profile));
}

Status Directory::Keep(Profile profile) {
  PARLEY_RETURN_IF_ERROR(index_.Upsert(EntryOf(profile)));
  by_fingerprint_[crypto::Fingerprint(profile.identity_key)] = profile.identity_key;
  auto key = profile.identity_key;
  profiles_.insert_or_assign(key, std::move(profile));
  return Status::Ok();
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
  PARLEY_RETURN_IF_ERROR(Save(std::move(profile.value())));
  return OwnProfile();
}

}  // namespace parley::directory
