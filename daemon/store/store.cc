#include "daemon/store/store.h"

#include <unistd.h>

#include "daemon/store/key_file.h"
#include "daemon/store/schema.h"

namespace parley::store {

std::string DatabasePath(const std::string& home) { return home + "/parley.db"; }
std::string KeyFilePath(const std::string& home) { return home + "/kdf"; }

void RemoveStoreFiles(const std::string& home) {
  ::unlink(KeyFilePath(home).c_str());
  for (const char* suffix : {"", "-wal", "-shm"}) ::unlink((DatabasePath(home) + suffix).c_str());
}

bool Store::Exists(const std::string& home) {
  return ::access(KeyFilePath(home).c_str(), F_OK) == 0 ||
         ::access(DatabasePath(home).c_str(), F_OK) == 0;
}

Result<std::unique_ptr<Store>> Store::Create(const std::string& home, crypto::ByteView passphrase,
                                             const crypto::PasswordHashCost& cost,
                                             crypto::Random& random, const StoreOptions& options) {
  if (Exists(home)) return Status::AlreadyExists("a store already exists in " + home);
  KeyFile key_file;
  auto key = NewStoreKey(passphrase, cost, random, key_file);
  if (!key.ok()) return key.status();

  auto db = Database::Open(DatabasePath(home), key->view(), Database::Mode::kCreate, options);
  Status status = db.ok() ? Migrate(*db.value()) : db.status();
  // The key file is written last: a store without one was never completed
  // and Create can be run again after removing the database.
  if (status.ok()) status = WriteKeyFile(KeyFilePath(home), key_file);
  if (!status.ok()) {
    if (db.ok()) db.value().reset();  // closed before its files go
    RemoveStoreFiles(home);
    return status;
  }
  return std::make_unique<Store>(std::move(db.value()));
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& home, crypto::ByteView passphrase,
                                           const StoreOptions& options) {
  auto key_file = ReadKeyFile(KeyFilePath(home));
  if (!key_file.ok()) return key_file.status();
  auto key = UnlockStoreKey(key_file.value(), passphrase);
  if (!key.ok()) return key.status();
  auto db = Database::Open(DatabasePath(home), key->view(), Database::Mode::kOpenExisting, options);
  if (!db.ok()) {
    // The key passed its check, so the database itself is damaged.
    if (db.status().code() == Status::Code::kWrongPassphrase) {
      return Status::Corrupt("the store is damaged: " + DatabasePath(home));
    }
    return db.status();
  }
  PARLEY_RETURN_IF_ERROR(Migrate(*db.value()));
  return std::make_unique<Store>(std::move(db.value()));
}

}  // namespace parley::store
