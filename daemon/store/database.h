// Database: one SQLCipher connection opened with a raw 256-bit key.
//
// Owns the sqlite3 handle (closed in the destructor). Statements prepared
// from it must not outlive it. Not thread-safe: the reactor owns it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "crypto/bytes.h"
#include "daemon/store/store_options.h"
#include "daemon/util/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace parley::store {

class Statement;

class Database {
 public:
  enum class Mode {
    kCreate,        // the file must not exist
    kOpenExisting,  // the file must exist
  };

  // Opens `path` keyed with `key` (32 bytes), checks the key by reading the
  // schema, and sets the pragmas of docs/protocol.md §7 (synchronous as
  // `options.durability` says). A wrong key gives kWrongPassphrase and
  // leaves no handle open.
  static Result<std::unique_ptr<Database>> Open(const std::string& path, crypto::ByteView key,
                                                Mode mode, const StoreOptions& options = {});
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Status Exec(const char* sql);
  Result<Statement> Prepare(const char* sql);

  Status Begin();
  Status Commit();
  void Rollback();  // no-op outside a transaction
  bool in_transaction() const;

  std::int64_t last_insert_rowid() const;
  int changes() const;
  int user_version();
  // PRAGMA integrity_check: Ok, or kCorrupt with SQLite's first complaint.
  Status CheckIntegrity();

  sqlite3* handle() { return db_; }

  // Only Open constructs; the token keeps the constructor usable by make_unique.
  class Token {
    friend class Database;
    Token() = default;
  };
  Database(Token, sqlite3* db) : db_(db) {}

  // Maps an SQLite result code to a Status (SQLITE_FULL → kDiskFull, ...).
  Status StatusFrom(int rc, std::string_view what) const;

 private:
  friend class Statement;
  // Begin succeeded and neither Commit nor Rollback followed, yet SQLite is
  // out of the transaction: an I/O error, a full disk or no memory made it
  // roll everything back. Statements that write are then refused (see Step):
  // otherwise each would commit on its own, half a round made durable.
  bool lost_transaction() const;
  sqlite3* db_;
  bool transaction_open_ = false;
};

// A prepared statement, reset after each Run or exhausted Step loop.
class Statement {
 public:
  Statement(Statement&&) noexcept = default;
  Statement& operator=(Statement&&) noexcept = default;

  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, crypto::ByteView blob);
  Statement& BindNull(int index);

  // Next row: true when a row is available, false when done (the statement
  // is then reset). Errors reset too.
  Result<bool> Step();
  // Steps to completion, ignoring rows.
  Status Run();
  void Reset();

  std::int64_t ColumnInt(int index) const;
  std::string ColumnText(int index) const;
  crypto::ByteView ColumnBlob(int index) const;  // valid until the next Step/Reset
  bool ColumnIsNull(int index) const;

 private:
  friend class Database;
  struct Finalizer {
    void operator()(sqlite3_stmt* stmt) const;
  };
  Statement(const Database* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  const Database* db_;
  std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
};

}  // namespace parley::store
