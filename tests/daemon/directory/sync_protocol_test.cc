#include "daemon/directory/sync_protocol.h"

#include <gtest/gtest.h>

#include <deque>
#include <string>

namespace parley::directory {
namespace {

// A test object: its slot is its first 8 bytes, its version the rest.
crypto::Bytes Object(std::uint32_t id, std::uint32_t version, std::size_t size = 300) {
  crypto::Bytes bytes(size, static_cast<std::uint8_t>(version));
  for (int i = 0; i < 4; ++i)
    bytes[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(id >> (8 * i));
  for (int i = 4; i < 8; ++i) bytes[static_cast<std::size_t>(i)] = 0;
  bytes[8] = static_cast<std::uint8_t>(version);
  return bytes;
}

crypto::ByteView SlotOf(const crypto::Bytes& object) { return crypto::ByteView(object).first(8); }

void Put(SyncSet& set, const crypto::Bytes& object) {
  set.Put(SlotOf(object), SharedObject{ObjectType::kStatement, 0, object});
}

// Runs the exchange `from` starts until no message is left; every received
// object is kept (newer versions of a slot win). Returns the bytes moved.
std::size_t Exchange(SyncSet& from, SyncSet& to) {
  struct InFlight {
    bool to_second;
    wire::DirectorySync message;
  };
  std::deque<InFlight> queue;
  queue.push_back({true, MakeSummary(from)});
  std::size_t bytes = 0;
  while (!queue.empty()) {
    InFlight next = std::move(queue.front());
    queue.pop_front();
    bytes += next.message.ByteSizeLong();
    SyncSet& receiver = next.to_second ? to : from;
    std::vector<wire::DirectorySync> replies;
    std::vector<wire::DirectoryObject> received;
    EXPECT_TRUE(AnswerSync(receiver, next.message, replies, received).ok());
    for (const auto& object : received) {
      crypto::Bytes bytes_of(object.statement().begin(), object.statement().end());
      Put(receiver, bytes_of);
    }
    for (auto& reply : replies) queue.push_back({!next.to_second, std::move(reply)});
  }
  return bytes;
}

TEST(SyncProtocolTest, EqualSetsExchangeOnlyASummary) {
  SyncSet a, b;
  for (std::uint32_t i = 0; i < 100; ++i) {
    Put(a, Object(i, 1));
    Put(b, Object(i, 1));
  }
  EXPECT_EQ(a.Root(), b.Root());
  EXPECT_LT(Exchange(a, b), 40u);
}

TEST(SyncProtocolTest, OneChangeInTenThousandMovesUnderTenKibibytes) {
  SyncSet a, b;
  for (std::uint32_t i = 0; i < 10'000; ++i) {
    Put(a, Object(i, 1, 1000));
    Put(b, Object(i, 1, 1000));
  }
  Put(b, Object(4321, 2, 1000));  // b holds a newer version
  ASSERT_NE(a.Root(), b.Root());
  const std::size_t bytes = Exchange(a, b);
  EXPECT_EQ(a.Root(), b.Root());
  EXPECT_LT(bytes, 10u * 1024) << bytes;
}

TEST(SyncProtocolTest, BothSidesGetWhatTheyLack) {
  SyncSet a, b;
  for (std::uint32_t i = 0; i < 2'000; ++i) {
    Put(a, Object(i, 1));
    Put(b, Object(i, 1));
  }
  for (std::uint32_t i = 5'000; i < 5'050; ++i) Put(a, Object(i, 1));
  for (std::uint32_t i = 6'000; i < 6'070; ++i) Put(b, Object(i, 1));
  Exchange(a, b);
  EXPECT_EQ(a.Root(), b.Root());
  EXPECT_EQ(a.size(), 2'120u);
  EXPECT_EQ(b.size(), 2'120u);
}

TEST(SyncProtocolTest, AnEmptyNodeCatchesUpInFramesWithinTheLinkLimit) {
  SyncSet full, empty;
  for (std::uint32_t i = 0; i < 3'000; ++i) Put(full, Object(i, 1, 900));
  std::vector<wire::DirectorySync> replies;
  std::vector<wire::DirectoryObject> received;
  Exchange(empty, full);
  EXPECT_EQ(empty.Root(), full.Root());
  // Every message fits a link frame.
  wire::DirectorySync buckets;
  const crypto::Bytes hashes = full.BucketHashes();
  buckets.mutable_buckets()->set_hashes(hashes.data(), hashes.size());
  ASSERT_TRUE(AnswerSync(SyncSet(), buckets, replies, received).ok());
  replies.clear();
  std::vector<const SharedObject*> all;
  for (std::size_t bucket = 0; bucket < kSyncBuckets; ++bucket) {
    for (const auto& hash : full.HashesIn(static_cast<std::uint8_t>(bucket)))
      all.push_back(full.Find(hash));
  }
  AppendObjects(all, replies);
  EXPECT_GT(replies.size(), 1u);
  for (const auto& reply : replies) EXPECT_LE(reply.ByteSizeLong(), kMaxSyncMessageBytes + 4096);
}

TEST(SyncProtocolTest, ObjectsGoOutInCheckOrder) {
  SharedObject profile{ObjectType::kProfile, 2, crypto::Bytes{1}};
  SharedObject endorsement{ObjectType::kStatement, 1, crypto::Bytes{2}};
  SharedObject delegation{ObjectType::kStatement, 0, crypto::Bytes{3}};
  std::vector<wire::DirectorySync> out;
  AppendObjects({&profile, &endorsement, &delegation}, out);
  ASSERT_EQ(out.size(), 1u);
  ASSERT_EQ(out[0].objects().objects_size(), 3);
  EXPECT_EQ(out[0].objects().objects(0).statement(), std::string(1, '\3'));
  EXPECT_EQ(out[0].objects().objects(1).statement(), std::string(1, '\2'));
  EXPECT_EQ(out[0].objects().objects(2).profile(), std::string(1, '\1'));
}

TEST(SyncProtocolTest, MalformedMessagesAreRefusedAndAnswerNothing) {
  SyncSet set;
  Put(set, Object(1, 1));
  auto refused = [&](const wire::DirectorySync& message) {
    std::vector<wire::DirectorySync> replies;
    std::vector<wire::DirectoryObject> received;
    const bool ok = AnswerSync(set, message, replies, received).ok();
    return !ok && replies.empty() && received.empty();
  };
  wire::DirectorySync message;
  EXPECT_TRUE(refused(message));  // no kind
  message.mutable_summary()->set_root("short");
  EXPECT_TRUE(refused(message));
  message.mutable_buckets()->set_hashes(std::string(kSyncBuckets * kBucketHashBytes - 1, 'x'));
  EXPECT_TRUE(refused(message));
  message.mutable_entries()->add_buckets()->set_index(kSyncBuckets);
  EXPECT_TRUE(refused(message));
  message.mutable_entries()->mutable_buckets(0)->set_index(3);
  message.mutable_entries()->mutable_buckets(0)->set_hashes(std::string(17, 'x'));
  EXPECT_TRUE(refused(message));
  message.mutable_want()->set_hashes(std::string(15, 'x'));
  EXPECT_TRUE(refused(message));
  message.mutable_want()->set_hashes(std::string((kMaxSyncHashes + 1) * 16, 'x'));
  EXPECT_TRUE(refused(message));
  for (std::size_t i = 0; i <= kMaxSyncObjects; ++i)
    message.mutable_objects()->add_objects()->set_profile("x");
  EXPECT_TRUE(refused(message));
}

TEST(SyncProtocolTest, AWantForUnknownHashesAnswersNothing) {
  SyncSet set;
  Put(set, Object(1, 1));
  wire::DirectorySync want;
  want.mutable_want()->set_hashes(std::string(32, '\x5a'));
  std::vector<wire::DirectorySync> replies;
  std::vector<wire::DirectoryObject> received;
  ASSERT_TRUE(AnswerSync(set, want, replies, received).ok());
  EXPECT_TRUE(replies.empty());
}

TEST(SyncSetTest, ReplacingAndErasingASlotKeepsTheBucketSummaryExact) {
  SyncSet a, b;
  Put(a, Object(1, 1));
  Put(a, Object(2, 1));
  Put(a, Object(1, 2));  // replaces version 1
  EXPECT_EQ(a.size(), 2u);
  Put(b, Object(2, 1));
  Put(b, Object(1, 2));
  EXPECT_EQ(a.Root(), b.Root());
  const crypto::Bytes object = Object(2, 1);
  a.Erase(SlotOf(object));
  b.Erase(SlotOf(object));
  EXPECT_EQ(a.Root(), b.Root());
  EXPECT_EQ(a.size(), 1u);
  a.Clear();
  EXPECT_EQ(a.Root(), SyncSet().Root());
}

}  // namespace
}  // namespace parley::directory
