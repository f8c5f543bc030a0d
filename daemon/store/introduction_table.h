// Introductions a node received and has not answered yet (docs/protocol.md
// §3.5). What is stored here was verified before it was written.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crypto/bytes.h"
#include "daemon/store/database.h"
#include "daemon/store/message_table.h"

namespace parley::store {

struct IntroductionRow {
  std::int64_t id = 0;
  std::int64_t introducer_id = 0;
  MessageId message_id{};
  crypto::Bytes card;
  std::string note;
  std::int64_t received_at = 0;
};

class IntroductionTable {
 public:
  explicit IntroductionTable(Database& db) : db_(db) {}

  // Keeps `row` (its id is set); false when the same envelope's was kept before.
  Result<bool> Insert(IntroductionRow& row);
  Result<std::vector<IntroductionRow>> LoadAll();
  Result<std::optional<IntroductionRow>> Find(std::int64_t id);
  Status Delete(std::int64_t id);
  Result<std::int64_t> Count();

 private:
  Database& db_;
};

}  // namespace parley::store
