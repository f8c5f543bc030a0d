// Messages, both directions, and the outbox: the encrypted envelope of each
// outgoing message until the recipient acknowledges it. Hot path: statements
// are prepared once, and deletions go by ranges of seq.
//
// The envelopes a round commits to one contact are stored together, as one
// outbox_batches row (written by FlushOutbox before the round commits), with
// one small outbox_entries row per message saying where its envelope lies.
// Acknowledged entries are deleted; a batch goes when its last one does, and
// dropping it whole frees its pages without writing them again.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crypto/bytes.h"
#include "crypto/secure_buffer.h"
#include "daemon/store/database.h"

namespace parley::store {

constexpr std::size_t kMessageIdSize = 16;
// A round's envelopes to one contact beyond this start a new batch.
constexpr std::size_t kMaxOutboxBatchBytes = 1 << 20;
using MessageId = std::array<std::uint8_t, kMessageIdSize>;

enum class Direction { kIn = 1, kOut = 2 };
// An outgoing message is kQueued while its envelope is in the outbox (or its
// content awaits a session), kDelivered once acknowledged: Latest derives it
// from those tables (messages.state keeps what was inserted and is not read).
// kSent (handed to a live link) is known in memory only
// (OutboxScheduler::WasSent).
enum class MessageState { kQueued = 1, kSent = 2, kDelivered = 3 };

struct MessageRow {
  std::int64_t seq = 0;
  MessageId id{};
  std::int64_t contact_id = 0;
  Direction direction = Direction::kOut;
  std::string body;
  MessageState state = MessageState::kQueued;
  std::int64_t sent_at = 0;      // sender's clock
  std::int64_t received_at = 0;  // incoming only
};

struct OutboxEntry {
  std::int64_t seq = 0;
  MessageId id{};
  crypto::Bytes envelope;
};

class MessageTable {
 public:
  static Result<MessageTable> Prepare(Database& db);

  // Sets row.seq. The envelope is written by FlushOutbox.
  Status InsertOutgoing(MessageRow& row, crypto::ByteView envelope);
  // Writes the envelopes added since the last flush; every round that added
  // any must call it before it commits (Messenger::FinishRound does).
  Status FlushOutbox();
  // The round was rolled back: its envelopes are forgotten with it. After a
  // partial failure of FlushOutbox only a rollback may follow.
  void OnRolledBack();
  // The contact was deleted (with its rows): forgets what is kept of it here.
  void ForgetContact(std::int64_t contact_id);
  // An outgoing message that cannot be encrypted yet (no session with the
  // contact): its serialized content waits. Sets row.seq.
  Status InsertAwaiting(MessageRow& row, crypto::ByteView content);
  struct Awaiting {
    std::int64_t seq = 0;
    crypto::SecureBuffer content;
  };
  // The waiting contents of a contact, oldest first.
  Result<std::vector<Awaiting>> AwaitingOf(std::int64_t contact_id);
  // Contacts with waiting contents.
  Result<std::vector<std::int64_t>> ContactsAwaiting();
  // A waiting message is now encrypted: its envelope joins the outbox.
  Status MoveToOutbox(std::int64_t seq, std::int64_t contact_id, crypto::ByteView envelope);
  // False (and nothing written) when (contact, id) was already received.
  Result<bool> InsertIncoming(MessageRow& row);
  // Ids are time-ordered, so an id above the newest one received from the
  // contact is answered without a lookup.
  Result<bool> HasIncoming(std::int64_t contact_id, const MessageId& id);
  // Outgoing messages of `contact_id` with seq in [first, last] -> delivered:
  // their envelopes are dropped. The caller knows every one was acknowledged.
  Status MarkDeliveredRange(std::int64_t contact_id, std::int64_t first, std::int64_t last);

  // Undelivered outgoing envelopes of a contact with seq > after, oldest first.
  Result<std::vector<OutboxEntry>> Outbox(std::int64_t contact_id, std::int64_t after,
                                          std::size_t limit);
  // Every undelivered outgoing message, by seq: (contact, seq, id).
  struct Outstanding {
    std::int64_t contact_id;
    std::int64_t seq;
    MessageId id;
  };
  Result<std::vector<Outstanding>> AllOutstanding();
  // The newest `limit` messages of a contact, oldest first.
  Result<std::vector<MessageRow>> Latest(std::int64_t contact_id, std::size_t limit);
  Result<std::int64_t> CountUndelivered();
  Result<std::int64_t> CountForContact(std::int64_t contact_id);

 private:
  struct Statements;
  struct PendingBatch;
  explicit MessageTable(std::shared_ptr<Statements> statements) : s_(std::move(statements)) {}
  Status InsertOutgoingMessage(MessageRow& row);  // the messages row only; sets row.seq
  Status AddToOutbox(std::int64_t seq, std::int64_t contact_id, crypto::ByteView envelope);
  Status WriteBatch(std::int64_t contact_id, const PendingBatch& batch);
  std::shared_ptr<Statements> s_;
};

class SessionTable {
 public:
  static Result<SessionTable> Prepare(Database& db);
  // nullopt when the contact has no session yet. The record holds secrets,
  // so it comes back in locked memory.
  Result<std::optional<crypto::SecureBuffer>> Load(std::int64_t contact_id);
  Status Save(std::int64_t contact_id, crypto::ByteView record);

 private:
  struct Statements;
  explicit SessionTable(std::shared_ptr<Statements> statements) : s_(std::move(statements)) {}
  std::shared_ptr<Statements> s_;
};

}  // namespace parley::store
