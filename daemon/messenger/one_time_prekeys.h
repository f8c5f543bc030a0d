// OneTimePrekeys: the one-time prekeys this node handed out and has not yet
// seen used (docs/protocol.md §3.3). A requester (a transport key) holds at
// most one: its first request mints it, later ones get the same again. The
// first message that uses it deletes it, in the transaction that stores the
// session it began. At most kMaxOneTimePrekeys are kept: minting one more
// deletes the oldest, so requests cannot fill the store.
//
// Changes go to the store inside the caller's round; after a rolled-back
// round, Load brings memory back to what was committed.
#pragma once

#include <cstdint>
#include <deque>
#include <map>

#include "crypto/prekey.h"
#include "crypto/random.h"
#include "daemon/store/node_table.h"
#include "daemon/util/status.h"

namespace parley::messenger {

constexpr std::size_t kMaxOneTimePrekeys = 1'000;

class OneTimePrekeys {
 public:
  explicit OneTimePrekeys(store::Database& db) : table_(db) {}

  Status Load();
  // The prekey handed to `requester` and not yet used; null when none.
  const crypto::OneTimePrekey* HandedTo(const crypto::PublicKey& requester) const;
  // A new prekey for `requester` (which holds none) with a fresh random id, stored.
  Result<const crypto::OneTimePrekey*> Mint(const crypto::PublicKey& requester,
                                            crypto::Random& random, std::int64_t now_ms);
  // Null for an id never minted, or used, or evicted.
  const crypto::OneTimePrekey* Find(std::uint32_t id) const;
  // Deletes a used prekey (no-op for an unknown id).
  Status Consume(std::uint32_t id);
  std::size_t size() const { return keys_.size(); }

 private:
  struct Handed {
    crypto::OneTimePrekey prekey;
    crypto::PublicKey requester;
  };
  store::PrekeyTable table_;
  std::map<std::uint32_t, Handed> keys_;
  std::map<crypto::PublicKey, std::uint32_t> by_requester_;
  std::deque<std::uint32_t> minted_order_;  // oldest first; may name consumed ids
};

}  // namespace parley::messenger
