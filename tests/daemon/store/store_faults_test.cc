// The store under storage faults, injected where its files meet the system
// (tests/support/fault_vfs.h): a full disk, a failing disk, the process dying
// at every single write, and power cuts. What a commit promises
// (store::Durability) is checked against each.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "crypto/random.h"
#include "daemon/store/store.h"
#include "tests/support/fault_vfs.h"
#include "tests/support/local_node.h"
#include "tests/support/temp_dir.h"

namespace parley::store {
namespace {

using testing::CheapKdf;
using testing::FaultVfs;
using testing::TempDir;

constexpr char kPassphrase[] = "pass";
constexpr int kTransactions = 12;

// A store in its own home, opened through the fault VFS, with a table in
// which every transaction writes two rows (so a half-kept one shows).
class FaultyStore {
 public:
  explicit FaultyStore(Durability durability) : options_(FaultVfs::Get().Options(durability)) {
    crypto::DeterministicRandom random(7);
    auto store =
        Store::Create(home_.path(), crypto::AsBytes(kPassphrase), CheapKdf(), random, options_);
    EXPECT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(store.value());
    EXPECT_TRUE(db().Exec("CREATE TABLE probe (txn INTEGER, half INTEGER, pad BLOB)").ok());
    FaultVfs::Get().Watch(home_.path());
  }

  Database& db() { return store_->db(); }
  const std::string& home() const { return home_.path(); }

  // Transaction `txn`: two rows, the second with a page's worth of padding.
  Status Write(int txn) {
    PARLEY_RETURN_IF_ERROR(db().Begin());
    std::string sql = "INSERT INTO probe VALUES (" + std::to_string(txn) + ", 0, zeroblob(16)), (" +
                      std::to_string(txn) + ", 1, zeroblob(3000))";
    Status status = db().Exec(sql.c_str());
    if (status.ok()) status = db().Commit();
    if (!status.ok()) db().Rollback();
    return status;
  }

  void Close() { store_.reset(); }

  // The transactions found after opening the store anew with SQLite's own
  // VFS; a transaction with one row of two fails the test.
  std::set<int> Reopen() {
    store_.reset();
    auto store = Store::Open(home_.path(), crypto::AsBytes(kPassphrase));
    EXPECT_TRUE(store.ok()) << store.status().message();
    if (!store.ok()) return {};
    store_ = std::move(store.value());
    EXPECT_TRUE(db().CheckIntegrity().ok()) << db().CheckIntegrity().message();
    std::set<int> found;
    auto rows = db().Prepare("SELECT txn, count(*) FROM probe GROUP BY txn");
    EXPECT_TRUE(rows.ok());
    while (rows.ok() && rows->Step().value()) {
      EXPECT_EQ(rows->ColumnInt(1), 2) << "transaction " << rows->ColumnInt(0) << " half kept";
      found.insert(static_cast<int>(rows->ColumnInt(0)));
    }
    return found;
  }

 private:
  TempDir home_;
  StoreOptions options_;
  std::unique_ptr<Store> store_;
};

// Changes the workload of kTransactions makes when nothing fails.
std::int64_t ChangesOfTheWorkload(Durability durability) {
  FaultyStore store(durability);
  for (int txn = 0; txn < kTransactions; ++txn) EXPECT_TRUE(store.Write(txn).ok());
  return FaultVfs::Get().changes();
}

enum class Death { kProcessCrash, kPowerCut };

// Runs the workload with every change from the `n`th on failing, as if the
// process (or the machine) died there; reopens. Every transaction whose
// commit returned must be there; the one in flight may be, whole; no other.
void DieAtChange(Durability durability, Death death, std::int64_t n) {
  FaultyStore store(durability);
  FaultVfs::Get().FailFrom(n, FaultVfs::Failure::kIoError);
  std::set<int> committed;
  int in_flight = -1;
  for (int txn = 0; txn < kTransactions; ++txn) {
    if (!store.Write(txn).ok()) {
      in_flight = txn;
      break;
    }
    committed.insert(txn);
  }
  ASSERT_TRUE(FaultVfs::Get().failed()) << "change " << n << " was never reached";
  store.Close();  // its last writes fail too: the process is gone
  if (death == Death::kPowerCut) FaultVfs::Get().CutPower();
  FaultVfs::Get().Heal();
  std::set<int> found = store.Reopen();
  for (int txn : committed) EXPECT_EQ(found.count(txn), 1u) << "committed " << txn << " lost";
  for (int txn : found) {
    EXPECT_TRUE(committed.count(txn) == 1 || txn == in_flight) << "never committed: " << txn;
  }
}

TEST(StoreFaultsTest, AFullDiskFailsTheCommitKeepsEverythingBeforeAndRecovers) {
  FaultyStore store(Durability::kProcessCrash);
  ASSERT_TRUE(store.Write(0).ok());
  FaultVfs::Get().FailFrom(1, FaultVfs::Failure::kDiskFull);
  Status full = store.Write(1);
  EXPECT_EQ(full.code(), Status::Code::kDiskFull) << full.message();
  EXPECT_FALSE(store.db().in_transaction());
  // Space is freed: the same connection goes on.
  FaultVfs::Get().Heal();
  ASSERT_TRUE(store.Write(2).ok());
  EXPECT_EQ(store.Reopen(), (std::set<int>{0, 2}));
}

TEST(StoreFaultsTest, AFailingDiskIsAnIoErrorAndTheStoreStaysIntact) {
  FaultyStore store(Durability::kPowerLoss);
  ASSERT_TRUE(store.Write(0).ok());
  FaultVfs::Get().FailFrom(1, FaultVfs::Failure::kIoError);
  EXPECT_EQ(store.Write(1).code(), Status::Code::kIoError);
  FaultVfs::Get().Heal();
  ASSERT_TRUE(store.Write(2).ok());
  EXPECT_EQ(store.Reopen(), (std::set<int>{0, 2}));
}

TEST(StoreFaultsTest, TheProcessDyingAtEveryChangeKeepsEveryCommitWhole) {
  const std::int64_t changes = ChangesOfTheWorkload(Durability::kProcessCrash);
  ASSERT_GT(changes, kTransactions);
  for (std::int64_t n = 1; n <= changes; ++n) {
    SCOPED_TRACE("dies at change " + std::to_string(n) + " of " + std::to_string(changes));
    DieAtChange(Durability::kProcessCrash, Death::kProcessCrash, n);
    if (HasFailure()) return;
  }
}

TEST(StoreFaultsTest, WithPowerLossDurabilityAPowerCutAtEveryChangeKeepsEveryCommit) {
  const std::int64_t changes = ChangesOfTheWorkload(Durability::kPowerLoss);
  ASSERT_GT(changes, 2 * kTransactions);  // a sync per commit at least
  for (std::int64_t n = 1; n <= changes; ++n) {
    SCOPED_TRACE("power cut at change " + std::to_string(n) + " of " + std::to_string(changes));
    DieAtChange(Durability::kPowerLoss, Death::kPowerCut, n);
    if (HasFailure()) return;
  }
}

TEST(StoreFaultsTest, WithProcessCrashDurabilityAPowerCutLosesRecentCommits) {
  // The documented limit of the default (docs/decisions.md #5), and the
  // proof that the power cut of the tests above takes back what it should.
  FaultyStore store(Durability::kProcessCrash);
  for (int txn = 0; txn < kTransactions; ++txn) ASSERT_TRUE(store.Write(txn).ok());
  FaultVfs::Get().FailFrom(1, FaultVfs::Failure::kIoError);
  store.Close();
  FaultVfs::Get().CutPower();
  FaultVfs::Get().Heal();
  EXPECT_LT(store.Reopen().size(), static_cast<std::size_t>(kTransactions));
}

TEST(StoreFaultsTest, ACleanCloseMakesEveryCommitSurviveAPowerCut) {
  // Closing checkpoints and syncs, whatever the durability.
  FaultyStore store(Durability::kProcessCrash);
  for (int txn = 0; txn < kTransactions; ++txn) ASSERT_TRUE(store.Write(txn).ok());
  store.Close();
  FaultVfs::Get().CutPower();
  EXPECT_EQ(store.Reopen().size(), static_cast<std::size_t>(kTransactions));
}

}  // namespace
}  // namespace parley::store
