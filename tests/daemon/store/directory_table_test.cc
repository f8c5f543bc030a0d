#include "daemon/store/directory_table.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "crypto/random.h"
#include "daemon/store/store.h"
#include "tests/support/local_node.h"
#include "tests/support/temp_dir.h"

namespace parley::store {
namespace {

using testing::CheapKdf;
using testing::TempDir;

crypto::Bytes Filled(std::size_t size, std::uint8_t value) { return crypto::Bytes(size, value); }

DirectoryObjectRow Row(std::uint8_t subject, std::int64_t version, std::int64_t expires_at,
                       DirectoryObjectKind kind = DirectoryObjectKind::kProfile) {
  return DirectoryObjectRow{kind, Filled(32, subject), version,
                            Filled(static_cast<std::size_t>(10 + version), subject), expires_at};
}

class DirectoryTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Store::Create(home_.path(), crypto::AsBytes("pass"), CheapKdf(), random_);
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(store.value());
    table_ = std::make_unique<DirectoryTable>(store_->db());
  }

  void Reopen() {
    table_.reset();
    store_.reset();
    auto store = Store::Open(home_.path(), crypto::AsBytes("pass"));
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(store.value());
    table_ = std::make_unique<DirectoryTable>(store_->db());
  }

  std::vector<DirectoryObjectRow> Objects(DirectoryObjectKind kind) {
    auto rows = table_->LoadObjects(kind);
    EXPECT_TRUE(rows.ok()) << rows.status().message();
    if (!rows.ok()) return {};
    auto sorted = std::move(rows.value());
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& a, const auto& b) { return a.subject < b.subject; });
    return sorted;
  }

  TempDir home_;
  crypto::DeterministicRandom random_{51};
  std::unique_ptr<Store> store_;
  std::unique_ptr<DirectoryTable> table_;
};

TEST_F(DirectoryTableTest, NoCharterUntilOneIsSaved) {
  auto none = table_->LoadCharter();
  ASSERT_TRUE(none.ok()) << none.status().message();
  EXPECT_FALSE(none->has_value());
}

TEST_F(DirectoryTableTest, TheCharterRoundTripsAndIsReplaced) {
  const crypto::Bytes first = {0x0a, 0x00, 0xff, 0x10, 0x00};
  ASSERT_TRUE(table_->SaveCharter(first).ok());
  auto loaded = table_->LoadCharter();
  ASSERT_TRUE(loaded.ok());
  ASSERT_TRUE(loaded->has_value());
  EXPECT_EQ(**loaded, first);

  // A newer version replaces it: there is one charter per node.
  const crypto::Bytes second = Filled(3000, 0x42);
  ASSERT_TRUE(table_->SaveCharter(second).ok());
  Reopen();
  auto reloaded = table_->LoadCharter();
  ASSERT_TRUE(reloaded.ok());
  ASSERT_TRUE(reloaded->has_value());
  EXPECT_EQ(**reloaded, second);
}

TEST_F(DirectoryTableTest, AnchorKeysRoundTrip) {
  auto none = table_->LoadAnchorKeys();
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());

  auto a = crypto::SigningKeyPair::Generate(random_);
  auto b = crypto::SigningKeyPair::Generate(random_);
  for (const auto* key : {&a, &b}) {
    AnchorKeyRow row{crypto::Bytes(key->public_key().begin(), key->public_key().end()),
                     crypto::SecureBuffer::CopyOf(key->secret())};
    ASSERT_TRUE(table_->InsertAnchorKey(row).ok());
  }
  Reopen();
  auto rows = table_->LoadAnchorKeys();
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 2u);
  for (const auto& row : rows.value()) {
    // Each secret comes back whole: it rebuilds the key pair it was.
    auto pair = crypto::SigningKeyPair::FromSecret(row.secret.view());
    ASSERT_TRUE(pair.has_value());
    EXPECT_EQ(crypto::Bytes(pair->public_key().begin(), pair->public_key().end()), row.public_key);
    EXPECT_TRUE(pair->public_key() == a.public_key() || pair->public_key() == b.public_key());
  }
  EXPECT_NE((*rows)[0].public_key, (*rows)[1].public_key);
  // Ordered by public key.
  EXPECT_LT((*rows)[0].public_key, (*rows)[1].public_key);
}

TEST_F(DirectoryTableTest, TheSameAnchorKeyIsNotInsertedTwice) {
  auto a = crypto::SigningKeyPair::Generate(random_);
  AnchorKeyRow row{crypto::Bytes(a.public_key().begin(), a.public_key().end()),
                   crypto::SecureBuffer::CopyOf(a.secret())};
  ASSERT_TRUE(table_->InsertAnchorKey(row).ok());
  EXPECT_FALSE(table_->InsertAnchorKey(row).ok());
  auto rows = table_->LoadAnchorKeys();
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->size(), 1u);
}

TEST_F(DirectoryTableTest, SaveObjectInsertsThenReplacesTheSameSubject) {
  ASSERT_TRUE(table_->SaveObject(Row(1, 1, 5000)).ok());
  ASSERT_TRUE(table_->SaveObject(Row(2, 1, 5000)).ok());
  ASSERT_EQ(Objects(DirectoryObjectKind::kProfile).size(), 2u);

  ASSERT_TRUE(table_->SaveObject(Row(1, 2, 9000)).ok());
  Reopen();
  auto rows = Objects(DirectoryObjectKind::kProfile);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].kind, DirectoryObjectKind::kProfile);
  EXPECT_EQ(rows[0].subject, Filled(32, 1));
  EXPECT_EQ(rows[0].version, 2);
  EXPECT_EQ(rows[0].object, Filled(12, 1));
  EXPECT_EQ(rows[0].expires_at, 9000);
  EXPECT_EQ(rows[1].subject, Filled(32, 2));
  EXPECT_EQ(rows[1].version, 1);
  EXPECT_EQ(rows[1].object, Filled(11, 2));
  EXPECT_EQ(rows[1].expires_at, 5000);
}

TEST_F(DirectoryTableTest, LoadObjectsReturnsOnlyTheKindAskedFor) {
  // Only profiles exist so far; a row of another kind (as a later version
  // would write) is kept apart, even for the same subject.
  const auto kOther = static_cast<DirectoryObjectKind>(2);
  ASSERT_TRUE(table_->SaveObject(Row(1, 1, 5000)).ok());
  ASSERT_TRUE(table_->SaveObject(Row(1, 7, 5000, kOther)).ok());
  ASSERT_TRUE(table_->SaveObject(Row(3, 8, 5000, kOther)).ok());

  auto profiles = Objects(DirectoryObjectKind::kProfile);
  ASSERT_EQ(profiles.size(), 1u);
  EXPECT_EQ(profiles[0].version, 1);
  auto others = Objects(kOther);
  ASSERT_EQ(others.size(), 2u);
  EXPECT_EQ(others[0].kind, kOther);
  EXPECT_EQ(others[0].subject, Filled(32, 1));
  EXPECT_EQ(others[0].version, 7);
  EXPECT_EQ(others[1].subject, Filled(32, 3));
  EXPECT_TRUE(Objects(static_cast<DirectoryObjectKind>(3)).empty());
}

TEST_F(DirectoryTableTest, DeleteExpiredRemovesRowsExpiringAtOrBeforeNow) {
  ASSERT_TRUE(table_->SaveObject(Row(1, 1, 999)).ok());
  ASSERT_TRUE(table_->SaveObject(Row(2, 1, 1000)).ok());
  ASSERT_TRUE(table_->SaveObject(Row(3, 1, 1001)).ok());
  ASSERT_TRUE(table_->SaveObject(Row(4, 1, 1000, static_cast<DirectoryObjectKind>(2))).ok());

  ASSERT_TRUE(table_->DeleteExpired(1000).ok());
  auto rows = Objects(DirectoryObjectKind::kProfile);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].subject, Filled(32, 3));
  EXPECT_TRUE(Objects(static_cast<DirectoryObjectKind>(2)).empty());

  ASSERT_TRUE(table_->DeleteExpired(1000).ok());  // nothing left to delete is fine
  EXPECT_EQ(Objects(DirectoryObjectKind::kProfile).size(), 1u);
  ASSERT_TRUE(table_->DeleteExpired(1001).ok());
  EXPECT_TRUE(Objects(DirectoryObjectKind::kProfile).empty());
}

TEST_F(DirectoryTableTest, ARolledBackWriteLeavesNothing) {
  ASSERT_TRUE(table_->SaveObject(Row(1, 1, 5000)).ok());
  ASSERT_TRUE(store_->db().Begin().ok());
  ASSERT_TRUE(table_->SaveObject(Row(1, 2, 6000)).ok());
  ASSERT_TRUE(table_->SaveObject(Row(2, 1, 6000)).ok());
  ASSERT_TRUE(table_->SaveCharter(Filled(10, 9)).ok());
  store_->db().Rollback();
  auto rows = Objects(DirectoryObjectKind::kProfile);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].version, 1);
  auto charter = table_->LoadCharter();
  ASSERT_TRUE(charter.ok());
  EXPECT_FALSE(charter->has_value());
}

}  // namespace
}  // namespace parley::store
