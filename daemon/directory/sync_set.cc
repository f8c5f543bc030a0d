#include "daemon/directory/sync_set.h"

#include "crypto/kdf.h"

namespace parley::directory {

namespace {

void XorInto(ObjectHash& into, const ObjectHash& hash) {
  for (std::size_t i = 0; i < into.size(); ++i) into[i] ^= hash[i];
}

}  // namespace

ObjectHash SyncSet::HashOf(ObjectType type, crypto::ByteView encoded) {
  crypto::Bytes message;
  message.reserve(1 + encoded.size());
  message.push_back(static_cast<std::uint8_t>(type));
  message.insert(message.end(), encoded.begin(), encoded.end());
  ObjectHash hash{};
  crypto::DeriveKey(crypto::kLabelDirectoryObject, {}, message, hash);
  return hash;
}

std::uint8_t SyncSet::BucketOf(crypto::ByteView slot) {
  std::array<std::uint8_t, 16> digest{};
  crypto::DeriveKey(crypto::kLabelDirectorySlot, {}, slot, digest);
  return digest[0];
}

void SyncSet::Put(crypto::ByteView slot, SharedObject object) {
  Erase(slot);
  const ObjectHash hash = HashOf(object.type, object.encoded);
  const std::uint8_t bucket = BucketOf(slot);
  if (!members_[bucket].insert(hash).second) return;  // the same object under another slot
  XorInto(bucket_xor_[bucket], hash);
  objects_.emplace(hash, Held{std::move(object), bucket});
  by_slot_.emplace(crypto::Bytes(slot.begin(), slot.end()), hash);
}

void SyncSet::Erase(crypto::ByteView slot) {
  auto it = by_slot_.find(crypto::Bytes(slot.begin(), slot.end()));
  if (it == by_slot_.end()) return;
  auto held = objects_.find(it->second);
  if (held != objects_.end()) {
    members_[held->second.bucket].erase(it->second);
    XorInto(bucket_xor_[held->second.bucket], it->second);
    objects_.erase(held);
  }
  by_slot_.erase(it);
}

void SyncSet::Clear() { *this = SyncSet(); }

const SharedObject* SyncSet::Find(const ObjectHash& hash) const {
  auto it = objects_.find(hash);
  return it == objects_.end() ? nullptr : &it->second.object;
}

const SharedObject* SyncSet::AtSlot(crypto::ByteView slot) const {
  auto at = by_slot_.find(crypto::Bytes(slot.begin(), slot.end()));
  return at == by_slot_.end() ? nullptr : Find(at->second);
}

ObjectHash SyncSet::Root() const {
  crypto::Bytes all;
  all.reserve(kSyncBuckets * sizeof(ObjectHash));
  for (const auto& hash : bucket_xor_) all.insert(all.end(), hash.begin(), hash.end());
  ObjectHash root{};
  crypto::DeriveKey(crypto::kLabelDirectoryObject, {}, all, root);
  return root;
}

crypto::Bytes SyncSet::BucketHashes() const {
  crypto::Bytes out;
  out.reserve(kSyncBuckets * kBucketHashBytes);
  for (const auto& hash : bucket_xor_)
    out.insert(out.end(), hash.begin(), hash.begin() + kBucketHashBytes);
  return out;
}

}  // namespace parley::directory
