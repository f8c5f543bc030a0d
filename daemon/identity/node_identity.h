// NodeIdentity: this node's keys, signed prekeys, name and endpoints, as kept
// in the store's node and signed_prekeys tables.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "crypto/identity.h"
#include "crypto/prekey.h"
#include "crypto/random.h"
#include "daemon/identity/card.h"
#include "daemon/store/store.h"
#include "daemon/util/status.h"

namespace parley::identity {

// Signed prekey renewal (docs/protocol.md §3.3): a new signed prekey once the
// current one is kSignedPrekeyLifetimeMs old; one replaced more than
// kSignedPrekeyGraceMs ago is deleted (first messages made from it in that
// time still decrypt).
constexpr std::int64_t kSignedPrekeyLifetimeMs = 7LL * 24 * 3600 * 1000;
constexpr std::int64_t kSignedPrekeyGraceMs = 30LL * 24 * 3600 * 1000;

struct NodeIdentity {
  crypto::Identity identity;
  std::vector<crypto::SignedPrekey> signed_prekeys;  // newest (the card's) first
  // Identities this node rotated away from, newest first: what contacts sent
  // to them, and sessions begun under them, must still decrypt.
  std::vector<crypto::Identity> retired;
  std::string name;
  std::string listen;    // what the ROUTER binds
  std::string announce;  // what the card advertises
  std::int64_t created_at_ms = 0;

  const crypto::SignedPrekey& current_signed_prekey() const { return signed_prekeys.front(); }
  ContactCard Card() const;
};

// Generates the identity and first signed prekey and writes them in one
// transaction. `name` must be 1..kMaxNameBytes of UTF-8.
Result<std::unique_ptr<NodeIdentity>> CreateNodeIdentity(store::Store& store, std::string_view name,
                                                         const std::string& listen,
                                                         const std::string& announce,
                                                         std::int64_t now_ms,
                                                         crypto::Random& random);

Result<std::unique_ptr<NodeIdentity>> LoadNodeIdentity(store::Store& store);

// A key rotation's part in the node's own tables (inside the caller's
// transaction): a new identity and signed prekey replace the current ones,
// and `current` is kept as retired. Returns the node as it now is.
Result<std::unique_ptr<NodeIdentity>> RotateNodeIdentity(store::Store& store,
                                                         const NodeIdentity& current,
                                                         std::int64_t now_ms,
                                                         crypto::Random& random);

// Renews the signed prekey when it is due, and deletes those past their
// grace, in one transaction of its own. True when `identity` changed (its
// card then carries the new prekey).
Result<bool> RenewSignedPrekey(store::Store& store, NodeIdentity& identity, std::int64_t now_ms,
                               crypto::Random& random);

}  // namespace parley::identity
