// FaultVfs: an SQLite VFS over the default one that counts every change a
// store makes to its files (write, truncate, sync, delete) and, when told,
// makes one change and every later one fail: a disk that filled up, a disk
// that failed, or a process that died at that point. It also remembers what
// was written since each file's last sync, so that CutPower can undo it as a
// power cut would (the worst case: nothing unsynced survives).
//
// This is the storage half of the Env seam (store::StoreOptions::vfs):
// SQLite's VFS is where its files meet the operating system, so faults
// injected here reach the store exactly as real ones would.
//
// One per process (SQLite's VFS registry is global); not thread-safe.
#pragma once

#include <cstdint>
#include <string>

#include "daemon/store/store_options.h"

namespace parley::testing {

class FaultVfs {
 public:
  static constexpr char kName[] = "parley-fault";

  enum class Failure {
    kDiskFull,  // writes fail with SQLITE_FULL; syncs and deletes still work
    kIoError,   // every change fails (SQLITE_IOERR_*): a failing disk, or a dead process
  };

  // Registers the VFS with SQLite on first use.
  static FaultVfs& Get();

  // Options that open a store through this VFS.
  store::StoreOptions Options(store::Durability durability = store::Durability::kProcessCrash);

  // From now on, counts and fails only changes to files under `dir` (a
  // store's home). Forgets counts, failures and unsynced writes.
  void Watch(const std::string& dir);
  // The `n`th change from now (1: the very next) and every later one fail.
  void FailFrom(std::int64_t n, Failure failure);
  // Changes succeed again (space was freed); counting goes on.
  void Heal();

  // Changes to watched files since Watch.
  std::int64_t changes() const;
  // Whether a change failed since the last FailFrom.
  bool failed() const;

  // Undoes every write to watched files since each one's last successful
  // sync, and truncates them back to their size then. A power cut at a
  // given point: FailFrom(n, kIoError) (nothing reaches the disk after it),
  // close the store, CutPower, Heal, open the store again.
  // REQUIRES: no change reaches the files between the cut and the next
  // open (every change fails, or no connection has them open).
  void CutPower();
};

}  // namespace parley::testing
