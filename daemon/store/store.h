// Store: a node's encrypted database in its home directory.
//
//   <home>/kdf          Argon2id salt, cost and key check (key_file.h)
//   <home>/parley.db    SQLCipher database (+ -wal, -shm), schema in schema.cc
//
// Create and Open either return a Store that is open, keyed and migrated, or
// an error with nothing left open and nothing half-written.
#pragma once

#include <memory>
#include <string>

#include "crypto/password_hash.h"
#include "crypto/random.h"
#include "daemon/store/database.h"
#include "daemon/store/store_options.h"
#include "daemon/util/status.h"

namespace parley::store {

std::string DatabasePath(const std::string& home);
std::string KeyFilePath(const std::string& home);
// Removes the key file and the database with its WAL: what undoes a Create
// whose node could not be completed.
void RemoveStoreFiles(const std::string& home);

class Store {
 public:
  // A new store in `home` (which must exist and hold no store yet).
  static Result<std::unique_ptr<Store>> Create(const std::string& home, crypto::ByteView passphrase,
                                               const crypto::PasswordHashCost& cost,
                                               crypto::Random& random,
                                               const StoreOptions& options = {});
  // The existing store of `home`; kWrongPassphrase, kNotFound or kCorrupt otherwise.
  static Result<std::unique_ptr<Store>> Open(const std::string& home, crypto::ByteView passphrase,
                                             const StoreOptions& options = {});

  static bool Exists(const std::string& home);

  Database& db() { return *db_; }

  explicit Store(std::unique_ptr<Database> db) : db_(std::move(db)) {}

 private:
  std::unique_ptr<Database> db_;
};

}  // namespace parley::store
