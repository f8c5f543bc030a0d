// StoreOptions: how a store reaches its files and how durable a commit is.
#pragma once

#include <string>

namespace parley::store {

// What a committed transaction survives (docs/decisions.md #5).
enum class Durability {
  // synchronous = NORMAL in WAL mode: a commit survives any crash of the
  // process (kill -9 included) but may be lost to a power cut before the
  // next checkpoint. No fsync per commit.
  kProcessCrash,
  // synchronous = FULL: every commit fsyncs the WAL before it returns, so it
  // also survives a power cut or a kernel crash. Costs one fsync per commit.
  kPowerLoss,
};

struct StoreOptions {
  // Default: kProcessCrash.
  Durability durability = Durability::kProcessCrash;
  // The SQLite VFS the database's files are reached through. Empty (the
  // default) is SQLite's own; tests name a fault-injecting one
  // (tests/support/fault_vfs.h).
  std::string vfs;
};

}  // namespace parley::store
