// The expert directory's rows: the network's charter, the anchor keys this
// node holds, and the signed directory objects (profiles) it keeps. What is
// stored here was verified before it was written, and is verified again
// when it is read (directory/).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "crypto/bytes.h"
#include "crypto/secure_buffer.h"
#include "daemon/store/database.h"

namespace parley::store {

// kProfile rows: subject is the owner's identity key; kStatement rows:
// subject is the statement's slot (directory/statement.h), expires_at 0.
enum class DirectoryObjectKind { kProfile = 1, kStatement = 2 };

struct DirectoryObjectRow {
  DirectoryObjectKind kind = DirectoryObjectKind::kProfile;
  crypto::Bytes subject;
  std::int64_t version = 0;
  crypto::Bytes object;
  std::int64_t expires_at = 0;
};

struct AnchorKeyRow {
  crypto::Bytes public_key;
  crypto::SecureBuffer secret;
};

class DirectoryTable {
 public:
  explicit DirectoryTable(Database& db) : db_(db) {}

  // nullopt when the node has not joined a network.
  Result<std::optional<crypto::Bytes>> LoadCharter();
  Status SaveCharter(crypto::ByteView charter);

  Status InsertAnchorKey(const AnchorKeyRow& row);
  Result<std::vector<AnchorKeyRow>> LoadAnchorKeys();

  // Inserts, or replaces the row of the same (kind, subject).
  Status SaveObject(const DirectoryObjectRow& row);
  Result<std::vector<DirectoryObjectRow>> LoadObjects(DirectoryObjectKind kind);
  // Rows whose expires_at is set (not 0) and has passed.
  Status DeleteExpired(std::int64_t now_ms);

 private:
  Database& db_;
};

}  // namespace parley::store
