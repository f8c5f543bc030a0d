#include "daemon/directory/sync_protocol.h"

#include <algorithm>
#include <cstring>

namespace parley::directory {

namespace {

// Splits n × 16 bytes into hashes; false when the length is no multiple.
bool ReadHashes(const std::string& bytes, std::vector<ObjectHash>& out) {
  if (bytes.size() % sizeof(ObjectHash) != 0) return false;
  if (bytes.size() / sizeof(ObjectHash) > kMaxSyncHashes) return false;
  for (std::size_t at = 0; at < bytes.size(); at += sizeof(ObjectHash)) {
    ObjectHash hash{};
    std::memcpy(hash.data(), bytes.data() + at, hash.size());
    out.push_back(hash);
  }
  return true;
}

void AppendHash(std::string& to, const ObjectHash& hash) {
  to.append(reinterpret_cast<const char*>(hash.data()), hash.size());
}

void AnswerBuckets(const SyncSet& set, const wire::SyncBuckets& theirs,
                   std::vector<wire::DirectorySync>& replies) {
  const crypto::Bytes mine = set.BucketHashes();
  wire::DirectorySync reply;
  std::size_t hashes_in_reply = 0;
  for (std::size_t bucket = 0; bucket < kSyncBuckets; ++bucket) {
    const std::size_t at = bucket * kBucketHashBytes;
    if (std::equal(mine.begin() + static_cast<std::ptrdiff_t>(at),
                   mine.begin() + static_cast<std::ptrdiff_t>(at + kBucketHashBytes),
                   theirs.hashes().begin() + static_cast<std::ptrdiff_t>(at),
                   [](std::uint8_t a, char b) { return a == static_cast<std::uint8_t>(b); })) {
      continue;
    }
    const auto& hashes = set.HashesIn(static_cast<std::uint8_t>(bucket));
    if (hashes_in_reply + hashes.size() > kMaxSyncHashes && hashes_in_reply > 0) {
      replies.push_back(std::move(reply));
      reply = wire::DirectorySync();
      hashes_in_reply = 0;
    }
    auto* entry = reply.mutable_entries()->add_buckets();
    entry->set_index(static_cast<std::uint32_t>(bucket));
    std::string* out = entry->mutable_hashes();
    for (const auto& hash : hashes) {
      if (hashes_in_reply == kMaxSyncHashes) break;  // the rest waits for the next exchange
      AppendHash(*out, hash);
      ++hashes_in_reply;
    }
  }
  if (reply.has_entries()) replies.push_back(std::move(reply));
}

Status AnswerEntries(const SyncSet& set, const wire::SyncEntries& theirs,
                     std::vector<wire::DirectorySync>& replies) {
  if (static_cast<std::size_t>(theirs.buckets_size()) > kSyncBuckets)
    return Status::InvalidArgument("too many buckets");
  std::vector<const SharedObject*> to_send;
  wire::DirectorySync want;
  std::string* wanted = want.mutable_want()->mutable_hashes();
  for (const auto& bucket : theirs.buckets()) {
    if (bucket.index() >= kSyncBuckets) return Status::InvalidArgument("no such bucket");
    std::vector<ObjectHash> their_hashes;
    if (!ReadHashes(bucket.hashes(), their_hashes)) return Status::InvalidArgument("bucket hashes");
    std::sort(their_hashes.begin(), their_hashes.end());
    const auto& mine = set.HashesIn(static_cast<std::uint8_t>(bucket.index()));
    for (const auto& hash : mine) {
      if (!std::binary_search(their_hashes.begin(), their_hashes.end(), hash))
        to_send.push_back(set.Find(hash));
    }
    for (const auto& hash : their_hashes) {
      if (mine.count(hash) == 0 && wanted->size() < kMaxSyncHashes * sizeof(ObjectHash))
        AppendHash(*wanted, hash);
    }
  }
  AppendObjects(std::move(to_send), replies);
  if (!wanted->empty()) replies.push_back(std::move(want));
  return Status::Ok();
}

}  // namespace

wire::DirectorySync MakeSummary(const SyncSet& set) {
  wire::DirectorySync summary;
  const ObjectHash root = set.Root();
  summary.mutable_summary()->set_root(root.data(), root.size());
  summary.mutable_summary()->set_count(static_cast<std::uint32_t>(set.size()));
  return summary;
}

void AppendObjects(std::vector<const SharedObject*> objects,
                   std::vector<wire::DirectorySync>& out) {
  objects.erase(std::remove(objects.begin(), objects.end(), nullptr), objects.end());
  std::stable_sort(
      objects.begin(), objects.end(),
      [](const SharedObject* a, const SharedObject* b) { return a->check_order < b->check_order; });
  wire::DirectorySync message;
  std::size_t bytes = 0;
  for (const SharedObject* object : objects) {
    if (message.has_objects() &&
        (bytes + object->encoded.size() > kMaxSyncMessageBytes ||
         static_cast<std::size_t>(message.objects().objects_size()) == kMaxSyncObjects)) {
      out.push_back(std::move(message));
      message = wire::DirectorySync();
      bytes = 0;
    }
    auto* added = message.mutable_objects()->add_objects();
    const char* data = reinterpret_cast<const char*>(object->encoded.data());
    switch (object->type) {
      case ObjectType::kProfile:
        added->set_profile(data, object->encoded.size());
        break;
      case ObjectType::kStatement:
        added->set_statement(data, object->encoded.size());
        break;
      case ObjectType::kCharter:
        added->set_charter(data, object->encoded.size());
        break;
    }
    bytes += object->encoded.size();
  }
  if (message.has_objects()) out.push_back(std::move(message));
}

Status AnswerSync(const SyncSet& set, const wire::DirectorySync& in,
                  std::vector<wire::DirectorySync>& replies,
                  std::vector<wire::DirectoryObject>& received) {
  switch (in.kind_case()) {
    case wire::DirectorySync::kSummary: {
      const ObjectHash root = set.Root();
      const std::string& theirs = in.summary().root();
      if (theirs.size() != root.size()) return Status::InvalidArgument("summary root");
      if (std::memcmp(theirs.data(), root.data(), root.size()) == 0) return Status::Ok();
      wire::DirectorySync buckets;
      const crypto::Bytes hashes = set.BucketHashes();
      buckets.mutable_buckets()->set_hashes(hashes.data(), hashes.size());
      replies.push_back(std::move(buckets));
      return Status::Ok();
    }
    case wire::DirectorySync::kBuckets:
      if (in.buckets().hashes().size() != kSyncBuckets * kBucketHashBytes)
        return Status::InvalidArgument("bucket hashes");
      AnswerBuckets(set, in.buckets(), replies);
      return Status::Ok();
    case wire::DirectorySync::kEntries:
      return AnswerEntries(set, in.entries(), replies);
    case wire::DirectorySync::kWant: {
      std::vector<ObjectHash> hashes;
      if (!ReadHashes(in.want().hashes(), hashes)) return Status::InvalidArgument("wanted hashes");
      std::vector<const SharedObject*> objects;
      for (const auto& hash : hashes) objects.push_back(set.Find(hash));
      AppendObjects(std::move(objects), replies);
      return Status::Ok();
    }
    case wire::DirectorySync::kObjects:
      if (static_cast<std::size_t>(in.objects().objects_size()) > kMaxSyncObjects)
        return Status::InvalidArgument("too many objects");
      received.assign(in.objects().objects().begin(), in.objects().objects().end());
      return Status::Ok();
    default:
      return Status::InvalidArgument("unknown sync message");
  }
}

}  // namespace parley::directory
