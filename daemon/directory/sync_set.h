// SyncSet: the directory objects a node shares with the whole network, kept
// in the shape anti-entropy compares (docs/protocol.md §9.5): every object
// named by a 16-byte hash, placed in one of 256 buckets by its slot, each
// bucket summarised by the XOR of its hashes. Two nodes whose sets differ by
// one object differ in one bucket, so they find it by exchanging that
// bucket's hashes instead of the whole directory's.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <vector>

#include "crypto/bytes.h"

namespace parley::directory {

using ObjectHash = std::array<std::uint8_t, 16>;
constexpr std::size_t kSyncBuckets = 256;
constexpr std::size_t kBucketHashBytes = 8;  // as sent; a bucket's XOR truncated

enum class ObjectType : std::uint8_t { kProfile = 0, kStatement = 1, kCharter = 2 };

struct SharedObject {
  ObjectType type = ObjectType::kProfile;
  int check_order = 0;  // lower first: what a receiver needs to check the rest
  crypto::Bytes encoded;
};

class SyncSet {
 public:
  static ObjectHash HashOf(ObjectType type, crypto::ByteView encoded);
  static std::uint8_t BucketOf(crypto::ByteView slot);

  // Shares `encoded` as the object of `slot`, in place of the one before.
  void Put(crypto::ByteView slot, SharedObject object);
  // Stops sharing the object of `slot`, if any.
  void Erase(crypto::ByteView slot);
  void Clear();

  const SharedObject* Find(const ObjectHash& hash) const;
  // The object shared as `slot`'s, if any.
  const SharedObject* AtSlot(crypto::ByteView slot) const;
  std::size_t size() const { return objects_.size(); }

  ObjectHash Root() const;
  // kSyncBuckets × kBucketHashBytes.
  crypto::Bytes BucketHashes() const;
  const std::set<ObjectHash>& HashesIn(std::uint8_t bucket) const { return members_[bucket]; }

 private:
  struct Held {
    SharedObject object;
    std::uint8_t bucket = 0;
  };
  std::map<ObjectHash, Held> objects_;
  std::map<crypto::Bytes, ObjectHash> by_slot_;
  std::array<std::set<ObjectHash>, kSyncBuckets> members_{};
  std::array<ObjectHash, kSyncBuckets> bucket_xor_{};
};

}  // namespace parley::directory
