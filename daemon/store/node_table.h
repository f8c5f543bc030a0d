// The node's own row: name, secret identity, endpoints.
#pragma once

#include <cstdint>
#include <string>

#include "crypto/secure_buffer.h"
#include "daemon/store/database.h"

namespace parley::store {

struct NodeRow {
  std::string name;
  crypto::SecureBuffer identity;  // crypto::Identity::Serialize()
  std::string listen;             // what the ROUTER binds
  std::string announce;           // what the card advertises
  std::int64_t created_at = 0;
};

class NodeTable {
 public:
  explicit NodeTable(Database& db) : db_(db) {}
  Status Insert(const NodeRow& row);
  Result<NodeRow> Load();
  Status UpdateEndpoints(const std::string& listen, const std::string& announce);
  // A key rotation: `identity` replaces the node's, which is kept as retired.
  Status ReplaceIdentity(const crypto::SecureBuffer& identity, std::int64_t now_ms);
  // Every identity replaced so far (Identity::Serialize()), newest first.
  Result<std::vector<crypto::SecureBuffer>> LoadRetired();

 private:
  Database& db_;
};

struct SignedPrekeyRow {
  std::uint32_t id = 0;
  crypto::SecureBuffer secret;
  crypto::Bytes signature;
  std::int64_t created_at = 0;
};

struct OneTimePrekeyRow {
  std::uint32_t id = 0;
  crypto::SecureBuffer secret;
  std::int64_t minted_at = 0;  // Unix ms
  crypto::Bytes requester;     // the transport key it was handed to
};

class PrekeyTable {
 public:
  explicit PrekeyTable(Database& db) : db_(db) {}
  Status InsertSigned(const SignedPrekeyRow& row);
  Result<std::vector<SignedPrekeyRow>> LoadSigned();  // newest first
  Status DeleteSigned(std::uint32_t id);

  Status InsertOneTime(const OneTimePrekeyRow& row);
  Result<std::vector<OneTimePrekeyRow>> LoadOneTime();  // oldest first
  Status DeleteOneTime(std::uint32_t id);

 private:
  Database& db_;
};

}  // namespace parley::store
