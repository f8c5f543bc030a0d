// OutboxScheduler: decides which committed envelopes to hand to which peer
// link, and when to hand them again; and remembers, per contact, which
// outgoing messages are still unacknowledged.
//
// Per contact, envelopes go out in commit order (seq). New messages to a
// connected peer that is caught up go out straight from memory; anything else
// (a fresh connection, a peer that was blocked, a retry) is read back from the
// outbox in the store. Unacknowledged envelopes are sent again when a
// connection is established, and when no acknowledgement has arrived for the
// retry interval (1 s, doubling to 60 s while nothing is acknowledged).
//
// Because every contact's messages are sent in seq order and acknowledged
// ones are known, acknowledged envelopes leave the store as runs of
// consecutive seqs (a few range statements per round, not one per message).
// "Sent" (handed to a live link) is not written at all: it is known here, and
// after a restart every unacknowledged envelope is sent again anyway
// (docs/decisions.md).
#pragma once

#include <chrono>
#include <cstdint>
#include <cstring>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

#include "crypto/bytes.h"
#include "daemon/store/message_table.h"
#include "daemon/util/clock.h"
#include "daemon/util/status.h"

namespace parley::delivery {

// Hands one frame to the live link to a contact; false when it would block
// or there is no established connection.
using TransmitFn = std::function<bool(std::int64_t contact_id, crypto::ByteView frame)>;

// Outgoing messages of one contact with seq in [first, last]: every one of
// them that is not yet delivered is in `ids`.
struct SeqRun {
  std::int64_t contact_id = 0;
  std::int64_t first = 0;
  std::int64_t last = 0;
  std::vector<store::MessageId> ids;
};

constexpr std::chrono::milliseconds kFirstRetryInterval{1000};
constexpr std::chrono::milliseconds kMaxRetryInterval{60'000};
constexpr std::size_t kOutboxBatch = 1024;

class OutboxScheduler {
 public:
  OutboxScheduler(store::MessageTable& table, const Clock& clock) : table_(table), clock_(clock) {}

  // Loads the unacknowledged messages from the store (at start-up, and after
  // a failed commit made memory and store disagree). Everything is resent.
  Status Restore();

  void OnConnected(std::int64_t contact_id);
  void OnDisconnected(std::int64_t contact_id);
  // The contact is gone, and with it its outbox: nothing more is sent to it.
  void Forget(std::int64_t contact_id);
  bool IsConnected(std::int64_t contact_id) const;
  // A held contact is sent nothing, connected or not, until released; its
  // messages stay unacknowledged in the outbox (a changed identity key waits
  // for the user to confirm it). Releasing a connected contact sends
  // everything unacknowledged at once.
  void SetHeld(std::int64_t contact_id, bool held);
  bool IsHeld(std::int64_t contact_id) const;

  // A new envelope was committed to the outbox.
  void OnCommitted(std::int64_t contact_id, std::int64_t seq, const store::MessageId& id,
                   crypto::Bytes frame);

  // The contact acknowledged `ids`. Those still unacknowledged are forgotten
  // and appended to `delivered` as runs of consecutive unacknowledged seqs;
  // other ids (unknown, repeated) are ignored.
  void Acknowledge(std::int64_t contact_id, const std::vector<store::MessageId>& ids,
                   std::vector<SeqRun>& delivered);

  // Hands due envelopes to `transmit`; appends one run per contact of what
  // it handed over for the first time since the daemon started.
  Status Pump(const TransmitFn& transmit, std::vector<SeqRun>& newly_sent);

  // Whether the outgoing message `seq` to `contact_id` was handed to a link
  // since the daemon started.
  bool WasSent(std::int64_t contact_id, std::int64_t seq) const;

  // When Pump should next run even if nothing else happens.
  std::optional<std::chrono::steady_clock::time_point> NextDeadline() const;

 private:
  struct IdHash {
    std::size_t operator()(const store::MessageId& id) const {
      std::size_t h = 0;
      std::memcpy(&h, id.data() + id.size() - sizeof h, sizeof h);  // the random part
      return h;
    }
  };
  struct Fresh {
    std::int64_t seq;
    store::MessageId id;
    crypto::Bytes frame;
  };
  struct Peer {
    bool connected = false;
    bool held = false;
    bool backlog = true;          // the store may hold envelopes after `cursor` not yet handed over
    bool blocked = false;         // the link refused the last frame
    std::int64_t cursor = 0;      // last seq handed to the current connection
    std::int64_t sent_up_to = 0;  // highest seq ever handed to a link
    std::deque<Fresh> fresh;      // committed after the cursor, while caught up
    std::map<std::int64_t, store::MessageId> unacknowledged;  // by seq
    std::unordered_map<store::MessageId, std::int64_t, IdHash> seq_of;
    std::chrono::milliseconds backoff = kFirstRetryInterval;
    std::chrono::steady_clock::time_point retry_at{};
    bool sending() const { return connected && !held; }
  };

  void StartOver(std::int64_t contact_id, Peer& peer);
  Status PumpPeer(std::int64_t contact_id, Peer& peer, const TransmitFn& transmit,
                  std::vector<SeqRun>& newly_sent);
  void Handed(Peer& peer, std::int64_t seq, const store::MessageId& id, SeqRun& run);

  store::MessageTable& table_;
  const Clock& clock_;
  std::unordered_map<std::int64_t, Peer> peers_;
  std::set<std::int64_t> due_;
};

}  // namespace parley::delivery
