#include "daemon/store/database.h"

#define SQLITE_HAS_CODEC 1
#include <sqlite3.h>
#include <sys/stat.h>

#include <string>

#include "crypto/bytes.h"
#include "crypto/secure_buffer.h"

namespace parley::store {

namespace {

bool FileExists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

// SQLCipher takes a raw key as the text x'<64 hex digits>'; it is built in
// locked memory and wiped when this returns.
int ApplyRawKey(sqlite3* db, crypto::ByteView key) {
  static constexpr char kHex[] = "0123456789abcdef";
  crypto::SecureBuffer text(3 + 2 * key.size());
  std::uint8_t* out = text.data();
  *out++ = 'x';
  *out++ = '\'';
  for (std::uint8_t byte : key) {
    *out++ = static_cast<std::uint8_t>(kHex[byte >> 4]);
    *out++ = static_cast<std::uint8_t>(kHex[byte & 0x0f]);
  }
  *out = '\'';
  return sqlite3_key(db, text.data(), static_cast<int>(text.size()));
}

// SQLite's allocation statistics take a global mutex on every malloc and
// free (Debian's SQLCipher has no lookaside, so that is every object);
// nothing here reads them. Must run before SQLite initialises.
// (A test's fault VFS initialises it first; nothing depends on the setting.)
void TurnOffAllocationStatistics() {
  static const int done = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)done;
}

}  // namespace

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, crypto::ByteView key,
                                                 Mode mode, const StoreOptions& options) {
  const bool exists = FileExists(path);
  if (mode == Mode::kCreate && exists)
    return Status::AlreadyExists("store already exists: " + path);
  if (mode == Mode::kOpenExisting && !exists) return Status::NotFound("no store at " + path);
  if (key.size() != 32) return Status::Internal("store key must be 32 bytes");

  TurnOffAllocationStatistics();
  sqlite3* raw = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
                    (mode == Mode::kCreate ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags,
                           options.vfs.empty() ? nullptr : options.vfs.c_str());
  auto db = std::make_unique<Database>(Token{}, raw);  // owns raw even when open failed
  if (rc != SQLITE_OK) return db->StatusFrom(rc, "open store");
  if (ApplyRawKey(raw, key) != SQLITE_OK) return Status::Internal("sqlite3_key failed");

  // cipher_page_size must be set before the first read; 4 KiB pages nearly
  // double insert speed over SQLCipher 3's 1 KiB default (DESIGN.md).
  PARLEY_RETURN_IF_ERROR(db->Exec("PRAGMA cipher_page_size = 4096"));
  rc = sqlite3_exec(raw, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
  if (rc == SQLITE_NOTADB) return Status::WrongPassphrase("the store cannot be decrypted");
  if (rc != SQLITE_OK) return db->StatusFrom(rc, "read store");

  // One process owns the store (parleyd holds <home>/parleyd.lock), so WAL
  // can run without the shared-memory index and per-transaction file locks.
  PARLEY_RETURN_IF_ERROR(db->Exec("PRAGMA locking_mode = EXCLUSIVE"));
  PARLEY_RETURN_IF_ERROR(db->Exec("PRAGMA journal_mode = WAL"));
  PARLEY_RETURN_IF_ERROR(db->Exec(options.durability == Durability::kPowerLoss
                                      ? "PRAGMA synchronous = FULL"
                                      : "PRAGMA synchronous = NORMAL"));
  PARLEY_RETURN_IF_ERROR(db->Exec("PRAGMA temp_store = MEMORY"));
  PARLEY_RETURN_IF_ERROR(db->Exec("PRAGMA foreign_keys = ON"));
  // Every page read from disk is decrypted and every page written encrypted
  // (AES + HMAC per 4 KiB): keep the working set decrypted in memory.
  PARLEY_RETURN_IF_ERROR(db->Exec("PRAGMA cache_size = -65536"));
  // Hot pages (the tables' last leaves, session rows) change every round; a
  // checkpoint every 32 MiB of WAL instead of 4 MiB copies and syncs them
  // an eighth as often.
  PARLEY_RETURN_IF_ERROR(db->Exec("PRAGMA wal_autocheckpoint = 8192"));
  sqlite3_busy_timeout(raw, 2000);
  return db;
}

Database::~Database() {
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

Status Database::StatusFrom(int rc, std::string_view what) const {
  std::string message(what);
  message += ": ";
  message += db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
  switch (rc & 0xff) {
    case SQLITE_OK:
    case SQLITE_DONE:
    case SQLITE_ROW:
      return Status::Ok();
    case SQLITE_FULL:
      return Status::DiskFull(message);
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::IoError(message);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::Corrupt(message);
    case SQLITE_CONSTRAINT:
      return Status::AlreadyExists(message);
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return Status::PermissionDenied(message);
    default:
      return Status::Internal(message);
  }
}

Status Database::Exec(const char* sql) {
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
  return StatusFrom(rc, "sql");
}

Result<Statement> Database::Prepare(const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr);
  if (rc != SQLITE_OK) return StatusFrom(rc, std::string("prepare ") + sql);
  return Statement(this, stmt);
}

Status Database::Begin() {
  PARLEY_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  transaction_open_ = true;
  return Status::Ok();
}

Status Database::Commit() {
  PARLEY_RETURN_IF_ERROR(Exec("COMMIT"));
  transaction_open_ = false;
  return Status::Ok();
}

void Database::Rollback() {
  transaction_open_ = false;
  if (in_transaction()) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

bool Database::lost_transaction() const {
  return transaction_open_ && sqlite3_get_autocommit(db_) != 0;
}

bool Database::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

int Database::changes() const { return sqlite3_changes(db_); }

int Database::user_version() {
  sqlite3_stmt* stmt = nullptr;
  int version = -1;
  if (sqlite3_prepare_v2(db_, "PRAGMA user_version", -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    version = sqlite3_column_int(stmt, 0);
  }
  sqlite3_finalize(stmt);
  return version;
}

Status Database::CheckIntegrity() {
  auto check = Prepare("PRAGMA integrity_check");
  if (!check.ok()) return check.status();
  auto row = check->Step();
  if (!row.ok()) return row.status();
  std::string verdict = row.value() ? check->ColumnText(0) : std::string("no answer");
  check->Reset();
  if (verdict != "ok") return Status::Corrupt("integrity check: " + verdict);
  return Status::Ok();
}

void Statement::Finalizer::operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }

Statement& Statement::Bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_.get(), index, value);
  return *this;
}

Statement& Statement::Bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_.get(), index, text.data(), static_cast<int>(text.size()),
                    SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::Bind(int index, crypto::ByteView blob) {
  // An empty view may have no data pointer, which SQLite would bind as NULL.
  if (blob.empty()) {
    sqlite3_bind_zeroblob(stmt_.get(), index, 0);
    return *this;
  }
  sqlite3_bind_blob(stmt_.get(), index, blob.data(), static_cast<int>(blob.size()),
                    SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(stmt_.get(), index);
  return *this;
}

Result<bool> Statement::Step() {
  if (db_->lost_transaction() && sqlite3_stmt_readonly(stmt_.get()) == 0) {
    return Status::IoError("the store rolled this round back after an error");
  }
  int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  Status status = db_->StatusFrom(rc, "step");
  Reset();
  if (!status.ok()) return status;
  return false;
}

Status Statement::Run() {
  for (;;) {
    Result<bool> row = Step();
    if (!row.ok()) return row.status();
    if (!row.value()) return Status::Ok();
  }
}

void Statement::Reset() {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
}

std::int64_t Statement::ColumnInt(int index) const {
  return sqlite3_column_int64(stmt_.get(), index);
}

std::string Statement::ColumnText(int index) const {
  const auto* text = sqlite3_column_text(stmt_.get(), index);
  int size = sqlite3_column_bytes(stmt_.get(), index);
  return text != nullptr
             ? std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size))
             : std::string();
}

crypto::ByteView Statement::ColumnBlob(int index) const {
  const void* blob = sqlite3_column_blob(stmt_.get(), index);
  int size = sqlite3_column_bytes(stmt_.get(), index);
  if (blob == nullptr) return {};
  return {static_cast<const std::uint8_t*>(blob), static_cast<std::size_t>(size)};
}

bool Statement::ColumnIsNull(int index) const {
  return sqlite3_column_type(stmt_.get(), index) == SQLITE_NULL;
}

}  // namespace parley::store
