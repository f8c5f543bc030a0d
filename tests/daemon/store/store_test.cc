#include "daemon/store/store.h"

#include <gtest/gtest.h>

#include <fstream>

#define SQLITE_HAS_CODEC 1
#include <sqlite3.h>

#include "crypto/random.h"
#include "daemon/store/key_file.h"
#include "daemon/store/schema.h"
#include "tests/support/local_node.h"
#include "tests/support/temp_dir.h"

namespace parley::store {
namespace {

using testing::CheapKdf;
using testing::ReadFile;
using testing::TempDir;

TEST(StoreTest, CreateThenOpenWithTheSamePassphrase) {
  TempDir home;
  crypto::DeterministicRandom random(7);
  {
    auto store = Store::Create(home.path(), crypto::AsBytes("pass"), CheapKdf(), random);
    ASSERT_TRUE(store.ok()) << store.status().message();
    ASSERT_TRUE(store.value()->db().Exec("CREATE TABLE probe (x TEXT)").ok());
    ASSERT_TRUE(store.value()->db().Exec("INSERT INTO probe VALUES ('kept')").ok());
  }
  auto reopened = Store::Open(home.path(), crypto::AsBytes("pass"));
  ASSERT_TRUE(reopened.ok()) << reopened.status().message();
  auto stmt = reopened.value()->db().Prepare("SELECT x FROM probe");
  ASSERT_TRUE(stmt.ok());
  ASSERT_TRUE(stmt->Step().value());
  EXPECT_EQ(stmt->ColumnText(0), "kept");
  EXPECT_EQ(reopened.value()->db().user_version(), CurrentSchemaVersion());
}

TEST(StoreTest, WrongPassphraseIsRefusedAndTouchesNothing) {
  TempDir home;
  crypto::DeterministicRandom random(7);
  ASSERT_TRUE(Store::Create(home.path(), crypto::AsBytes("right"), CheapKdf(), random).ok());
  std::string before = ReadFile(DatabasePath(home.path()));
  auto opened = Store::Open(home.path(), crypto::AsBytes("wrong"));
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().code(), Status::Code::kWrongPassphrase);
  EXPECT_EQ(ReadFile(DatabasePath(home.path())), before);
}

TEST(StoreTest, CreateRefusesAnExistingStoreAndOpenAMissingOne) {
  TempDir home;
  crypto::DeterministicRandom random(7);
  EXPECT_EQ(Store::Open(home.path(), crypto::AsBytes("x")).status().code(),
            Status::Code::kNotFound);
  ASSERT_TRUE(Store::Create(home.path(), crypto::AsBytes("x"), CheapKdf(), random).ok());
  EXPECT_EQ(Store::Create(home.path(), crypto::AsBytes("x"), CheapKdf(), random).status().code(),
            Status::Code::kAlreadyExists);
}

TEST(StoreTest, DamagedDatabaseIsReportedAsDamagedNotAsAWrongPassphrase) {
  TempDir home;
  crypto::DeterministicRandom random(7);
  ASSERT_TRUE(Store::Create(home.path(), crypto::AsBytes("pass"), CheapKdf(), random).ok());
  {
    std::fstream file(DatabasePath(home.path()), std::ios::in | std::ios::out | std::ios::binary);
    std::string garbage(4096, '\x5a');
    file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  auto opened = Store::Open(home.path(), crypto::AsBytes("pass"));
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().code(), Status::Code::kCorrupt);
}

TEST(StoreTest, NewerSchemaIsRefused) {
  TempDir home;
  crypto::DeterministicRandom random(7);
  {
    auto store = Store::Create(home.path(), crypto::AsBytes("pass"), CheapKdf(), random);
    ASSERT_TRUE(store.ok());
    std::string pragma = "PRAGMA user_version = " + std::to_string(CurrentSchemaVersion() + 1);
    ASSERT_TRUE(store.value()->db().Exec(pragma.c_str()).ok());
  }
  auto opened = Store::Open(home.path(), crypto::AsBytes("pass"));
  ASSERT_FALSE(opened.ok());
  EXPECT_NE(opened.status().message().find("newer"), std::string::npos);
}

TEST(StoreTest, AfterSqliteRolledTheRoundBackNothingMoreIsWrittenUntilItEnds) {
  TempDir home;
  crypto::DeterministicRandom random(7);
  auto store = Store::Create(home.path(), crypto::AsBytes("pass"), CheapKdf(), random);
  ASSERT_TRUE(store.ok());
  auto& db = store.value()->db();
  ASSERT_TRUE(db.Exec("CREATE TABLE probe (x INTEGER)").ok());
  auto insert = db.Prepare("INSERT INTO probe VALUES (?)");
  auto count = db.Prepare("SELECT count(*) FROM probe");
  ASSERT_TRUE(insert.ok() && count.ok());

  ASSERT_TRUE(db.Begin().ok());
  ASSERT_TRUE(insert->Bind(1, 1).Run().ok());
  // What SQLite does on an I/O error, a full disk or no memory mid-statement.
  ASSERT_EQ(sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr), SQLITE_OK);
  // A later write of the round would commit on its own: it is refused; reads go on.
  EXPECT_EQ(insert->Bind(1, 2).Run().code(), Status::Code::kIoError);
  auto row = count->Step();
  ASSERT_TRUE(row.ok() && row.value());
  EXPECT_EQ(count->ColumnInt(0), 0);
  count->Reset();
  EXPECT_FALSE(db.Commit().ok());
  db.Rollback();

  // The next round writes again.
  ASSERT_TRUE(db.Begin().ok());
  ASSERT_TRUE(insert->Bind(1, 3).Run().ok());
  ASSERT_TRUE(db.Commit().ok());
  row = count->Step();
  ASSERT_TRUE(row.ok() && row.value());
  EXPECT_EQ(count->ColumnInt(0), 1);
  count->Reset();
}

TEST(StoreTest, NoPlaintextReachesAnyFile) {
  TempDir home;
  crypto::DeterministicRandom random(7);
  auto store = Store::Create(home.path(), crypto::AsBytes("pass"), CheapKdf(), random);
  ASSERT_TRUE(store.ok());
  auto& db = store.value()->db();
  ASSERT_TRUE(db.Exec("CREATE TABLE probe (x TEXT)").ok());
  for (int i = 0; i < 200; ++i)
    ASSERT_TRUE(db.Exec("INSERT INTO probe VALUES ('CANARY-store-913')").ok());
  for (const auto& file : testing::ListFiles(home.path())) {  // database and WAL, store open
    EXPECT_EQ(ReadFile(file).find("CANARY-store-913"), std::string::npos) << file;
  }
}

TEST(KeyFileTest, RoundTripsAndRejectsMalformedFiles) {
  crypto::DeterministicRandom random(3);
  KeyFile file;
  auto key = NewStoreKey(crypto::AsBytes("pw"), CheapKdf(), random, file);
  ASSERT_TRUE(key.ok());
  auto parsed = ParseKeyFile(FormatKeyFile(file));
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->salt, file.salt);
  EXPECT_EQ(parsed->check, file.check);
  EXPECT_EQ(parsed->cost.opslimit, file.cost.opslimit);
  auto again = UnlockStoreKey(parsed.value(), crypto::AsBytes("pw"));
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(crypto::EqualConstantTime(again->view(), key->view()));
  EXPECT_EQ(UnlockStoreKey(parsed.value(), crypto::AsBytes("pW")).status().code(),
            Status::Code::kWrongPassphrase);

  for (const char* bad :
       {"", "version=2\n", "version=1\nsalt=zz\n",
        "version=1\nsalt=00\nopslimit=1\nmemlimit=8192\ncheck=00\n", "garbage without equals"}) {
    EXPECT_FALSE(ParseKeyFile(bad).ok()) << bad;
  }
  std::string text = FormatKeyFile(file);
  text.replace(text.find("opslimit=1"), 10, "opslimit=x");
  EXPECT_FALSE(ParseKeyFile(text).ok());
  // Twenty digits above 2^64 - 1 (found by key_file_fuzz): an error, not a throw.
  std::string huge = FormatKeyFile(file);
  huge.replace(huge.find("opslimit=1"), 10, "opslimit=67733333333333333340");
  auto refused = ParseKeyFile(huge);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), Status::Code::kCorrupt);
}

}  // namespace
}  // namespace parley::store
