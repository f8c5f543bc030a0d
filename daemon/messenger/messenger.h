// Messenger: what a node does with contacts, sessions and messages.
//
// It sits between the link (which it never sees: it consumes and produces
// frame bytes) and the local API. Every operation runs inside the reactor's
// round transaction; its effects (frames to transmit, events) are released by
// OnCommitted only after that transaction committed, or dropped by
// OnRolledBack, which also forgets every in-memory change of the round.
//
// Not thread-safe: the reactor thread owns it.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "crypto/random.h"
#include "crypto/session_record.h"
#include "daemon/delivery/outbox_scheduler.h"
#include "daemon/identity/node_identity.h"
#include "daemon/messenger/contact_directory.h"
#include "daemon/messenger/one_time_prekeys.h"
#include "daemon/messenger/session_cache.h"
#include "daemon/net/rate_limiter.h"
#include "daemon/store/contact_table.h"
#include "daemon/store/introduction_table.h"
#include "daemon/store/message_table.h"
#include "daemon/store/store.h"
#include "daemon/util/clock.h"
#include "daemon/util/status.h"
#include "proto/wire.pb.h"

namespace parley::messenger {

constexpr std::size_t kMaxTextBytes = 64 * 1024;
constexpr std::size_t kMaxAliasBytes = 64;
constexpr std::size_t kMaxIntroductionNoteBytes = 1024;
// Introductions waiting for an answer; more are refused (not acknowledged)
// until the user answers some.
constexpr std::size_t kMaxPendingIntroductions = 256;
constexpr std::size_t kMaxAckIds = 4096;
constexpr std::size_t kMaxPendingRequests = 100;
constexpr std::size_t kMaxMessagesPerRequest = 20;
// A contact with first messages waiting asks for its prekeys again this long
// after an unanswered request (docs/protocol.md §3.3).
constexpr std::chrono::milliseconds kPrekeyRequestRetry{2'000};
// What the messages of one contact may add to this node's store, in payload
// bytes: a burst, refilled at a daily rate. Beyond it the contact's envelopes
// are not acknowledged: they wait in its outbox and come again later, so a
// contact cannot fill the disk, and nothing is lost (docs/protocol.md §8).
constexpr double kContactBytesBurst = 1024.0 * 1024 * 1024;
constexpr double kContactBytesPerDay = 1024.0 * 1024 * 1024;
// One-time prekeys minted for requests, all requesters together.
constexpr double kPrekeyMintBurst = 20;
constexpr double kPrekeyMintsPerSecond = 5;

// Something that happened, published to clients after commit.
// (Constructors, not aggregates: the variant builds them in place.)
struct MessageReceived {
  MessageReceived(std::int64_t contact, store::MessageRow row)
      : contact_id(contact), message(std::move(row)) {}
  std::int64_t contact_id;
  store::MessageRow message;
};
struct DeliveryChanged {
  DeliveryChanged(std::int64_t contact, const store::MessageId& message_id,
                  store::MessageState new_state)
      : contact_id(contact), id(message_id), state(new_state) {}
  std::int64_t contact_id;
  store::MessageId id;
  store::MessageState state;
};
struct ContactChanged {
  enum class Change { kOnline, kOffline, kAdded, kRequest };
  ContactChanged(std::int64_t contact, Change what) : contact_id(contact), change(what) {}
  std::int64_t contact_id;
  Change change;
};
using Event = std::variant<MessageReceived, DeliveryChanged, ContactChanged>;

struct VerifyResult {
  std::string safety_number;
  bool verified = false;
  bool key_changed = false;  // the key changed since the user last confirmed it
};

// Why a received frame was not used (for logs and tests; peers learn nothing).
enum class FrameVerdict {
  kAccepted,  // committed (or a duplicate) and to be acknowledged
  kAckProcessed,
  kMalformed,
  kNotForUs,
  kRefused,  // from a key that may not send this
  kUndecryptable,
  kOverQuota,
  kProfileStored,     // a contact's newer profile of itself
  kProfileIgnored,    // not newer, or not valid (a verdict, not an error)
  kDirectorySync,     // handed to the directory
  kKeyRotated,        // a contact's new keys replaced its old ones (or had already)
  kPrekeysHandedOut,  // a bundle answers the request: TakeReply
  kSessionBegun,      // a contact's bundle began the session first messages waited for
};

// Where the directory frames contacts send go (the directory).
class DirectoryFrameSink {
 public:
  virtual ~DirectoryFrameSink() = default;
  // `object` arrived over the authenticated link of the contact whose
  // identity key is `owner`. True when it was stored; a storage failure is
  // the only error.
  virtual Result<bool> OnContactProfile(const crypto::PublicKey& owner,
                                        crypto::ByteView object) = 0;
  // An anti-entropy message from contact `contact_id`. A storage failure is
  // the only error; a malformed message is dropped.
  virtual Status OnSyncMessage(std::int64_t contact_id, const wire::DirectorySync& message) = 0;
  // A rotation statement the new key `successor` sent (§9.6), checked and
  // kept: the keys `successor` succeeded through rotations that hold,
  // nearest first (empty when none, or when `successor` is retired itself).
  // A storage failure is the only error.
  virtual Result<std::vector<crypto::PublicKey>> OnKeyRotation(
      crypto::ByteView statement, const crypto::PublicKey& successor) = 0;
};

// A new envelope id: 48-bit Unix milliseconds, big-endian, then 80 random
// bits. Ids from one sender mostly increase, so the store's index on them
// grows at its end instead of touching a random page per message.
store::MessageId NewMessageId(std::int64_t now_ms, crypto::Random& random);

class Messenger {
 public:
  // `identity` and `store` must outlive the messenger.
  static Result<std::unique_ptr<Messenger>> Create(store::Store& store,
                                                   const identity::NodeIdentity& identity,
                                                   crypto::Random& random, const Clock& clock);

  // --- local API operations (inside a round) ---
  Result<const Contact*> AddContact(std::string_view card_text, std::string_view alias);
  // FailedPrecondition while the contact's key changed and is not confirmed.
  Result<store::MessageId> SendText(std::string_view alias, std::string_view text);
  Result<std::vector<store::MessageRow>> Messages(std::string_view alias, std::size_t limit);
  // `confirm`: the user compared the safety number; sending to a contact
  // whose key changed resumes -- FailedPrecondition when the number of its
  // present key was not shown since the daemon started (the key changed
  // again after the user looked, say).
  Result<VerifyResult> Verify(std::string_view alias, bool confirm);
  Result<const Contact*> AcceptRequest(std::int64_t request_id, std::string_view alias);
  // Forgets a waiting request and everything it sent. kNotFound when `request_id`
  // is no waiting request.
  Status RejectRequest(std::int64_t request_id);
  // Forgets a contact: its card, session, conversation and queued messages,
  // and the introductions it made (contacts it introduced stay, introduced
  // by no one). If it writes again it is a stranger: its first contact
  // becomes a request. kNotFound when no contact has `alias`.
  Status RemoveContact(std::string_view alias);
  Result<std::int64_t> CountUndelivered();
  Result<std::int64_t> MessageCount(std::int64_t contact_id);

  // --- introductions (docs/protocol.md §3.5; introductions.cc) ---
  // Sends each of two contacts the other's card and `note`, signed. Ids of
  // the two messages. kNotFound names an unknown alias; InvalidArgument for
  // the same contact twice ("same") or a note too long ("too long").
  Result<std::pair<store::MessageId, store::MessageId>> Introduce(std::string_view alias1,
                                                                  std::string_view alias2,
                                                                  std::string_view note);
  Result<std::vector<store::IntroductionRow>> Introductions();
  // Adds the introduced person as a contact introduced by the introducer,
  // under `alias` or one made from their name; the introduction is done.
  // kNotFound for no such introduction; AddContact's errors otherwise.
  Result<const Contact*> AcceptIntroduction(std::int64_t id, std::string_view alias);
  Status DeclineIntroduction(std::int64_t id);

  // An alias is 1..kMaxAliasBytes of UTF-8 without spaces or control
  // characters, not starting with '-'.
  static bool IsValidAlias(std::string_view alias);

  // Use Create; public so that make_unique can construct it.
  Messenger(store::Store& store, const identity::NodeIdentity& identity, crypto::Random& random,
            const Clock& clock, store::MessageTable messages, store::SessionTable sessions);

  const ContactDirectory& directory() const { return directory_; }
  void SetDirectorySink(DirectoryFrameSink* sink) { directory_sink_ = sink; }
  // Whether an identity key is revoked (the directory's answer): envelopes
  // from revoked keys are refused.
  void SetRevocationCheck(std::function<bool(const crypto::PublicKey&)> is_revoked) {
    is_revoked_ = std::move(is_revoked);
  }
  // Whether a contact is cut off: its key is revoked, or a key it had
  // before a rotation we followed is -- the revocation voids that rotation,
  // which may have been a thief's (docs/protocol.md §9.6). Nothing goes to
  // a revoked contact and nothing from it is taken.
  bool IsRevoked(const Contact& contact) const;
  bool IsOnline(std::int64_t contact_id) const { return scheduler_.IsConnected(contact_id); }
  // Replaces the per-contact storage budget (kContactBytesBurst,
  // kContactBytesPerDay); every contact starts again with a full one.
  void SetContactBudget(double burst_bytes, double bytes_per_second);
  // Whether messages to a contact wait for its prekeys (no session yet).
  bool AwaitsSession(std::int64_t contact_id) const { return awaiting_.count(contact_id) != 0; }
  std::string CardText() const { return card_text_; }
  crypto::ByteView CardBytes() const { return own_card_; }

  // --- peer input (inside a round) ---
  // A frame from the peer whose Curve key is `transport_key`, as ZAP
  // authenticated it. Envelope ids to acknowledge (after commit) are
  // appended to `acks`. A storage error is returned; anything a peer did
  // wrong is a verdict.
  Result<FrameVerdict> OnFrame(const crypto::PublicKey& transport_key, crypto::ByteView frame,
                               std::vector<store::MessageId>& acks);
  // The frame that answers the last one OnFrame judged kPrekeysHandedOut, to
  // be sent back to its sender once the round committed. Taken once.
  std::optional<crypto::Bytes> TakeReply();
  bool IsContactTransportKey(const crypto::PublicKey& transport_key);

  // --- link state (outside rounds) ---
  void OnPeerConnected(std::int64_t contact_id);
  // This node's card changed (a renewed signed prekey).
  void OnOwnCardChanged();
  void OnPeerDisconnected(std::int64_t contact_id);

  // --- round boundaries ---
  Status FinishRound();  // writes the round's envelopes and changed sessions
  void OnCommitted();
  // Forgets the round's changes. An error means memory and store could not be
  // brought back into agreement: the node must stop.
  Status OnRolledBack();

  // After a commit: hand due envelopes to the link.
  Status Transmit(const delivery::TransmitFn& transmit);
  std::optional<std::chrono::steady_clock::time_point> NextDeadline() const;

  std::vector<Event> TakeEvents();
  // Contacts whose keys a committed round replaced (a rotation, §9.6): the
  // link must dial them anew. Taken once.
  std::vector<std::int64_t> TakeRekeyedContacts();
  // Contacts a committed round removed: the link must drop them. Taken once.
  std::vector<std::int64_t> TakeRemovedContacts();
  // The frame that tells a contact this node's new keys (sent at every
  // connection after a rotation); `rotation` is the encoded statement.
  crypto::Bytes KeyRotationFrame(crypto::ByteView rotation) const;
  // Builds the Ack frame for `ids` (at most kMaxAckIds each).
  static std::vector<crypto::Bytes> EncodeAcks(const std::vector<store::MessageId>& ids);

 private:
  Result<FrameVerdict> OnEnvelope(Contact* sender, const crypto::PublicKey& transport_key,
                                  const wire::Envelope& envelope,
                                  std::vector<store::MessageId>& acks);
  Result<FrameVerdict> OnAck(Contact* sender, const wire::Ack& ack);
  // prekey_exchange.cc (docs/protocol.md §3.3)
  crypto::Bytes PrekeyRequestFrame(const Contact& contact) const;
  Result<FrameVerdict> OnPrekeyRequest(const crypto::PublicKey& transport_key,
                                       const wire::PrekeyRequest& request);
  Result<FrameVerdict> OnPrekeyBundle(Contact* sender, const wire::PrekeyBundle& bundle);
  // The contact's record has a session now: its waiting first messages are
  // encrypted and join the outbox, oldest first.
  Status EncryptAwaiting(Contact& contact, crypto::SessionRecord& record);
  void AskForPrekeys(const delivery::TransmitFn& transmit);
  Status ConsumeOneTimePrekey(std::uint32_t id);  // 0: none was used
  // Takes `bytes` from the contact's storage budget; false (and the owner
  // told in the log, once) when it has not that much left.
  bool TakeContactBudget(std::int64_t contact_id, std::size_t bytes);
  Status LoadAwaiting();
  // Encrypts `plaintext` (a serialized Content whose id is `id`) on the
  // contact's session into a LinkFrame carrying the envelope.
  Result<crypto::Bytes> SealEnvelope(const Contact& contact, crypto::SessionRecord& record,
                                     const store::MessageId& id, crypto::ByteView plaintext);
  // key_rotation.cc
  Result<FrameVerdict> OnKeyRotation(const crypto::PublicKey& transport_key,
                                     const wire::KeyRotation& rotation);
  // Decrypts a contact's payload to `recipient` (this node's identity key,
  // current or retired). Sessions begun before either side rotated its
  // identity are bound to the keys of then: those are tried after the
  // current ones.
  bool DecryptFromContact(Contact& sender, crypto::SessionRecord& record, bool prekey,
                          const crypto::PublicKey& recipient, crypto::ByteView payload,
                          const store::MessageId& id, crypto::DecryptResult& decrypted);
  // This node's identity, current or retired, whose key is `identity_key`.
  const crypto::Identity* OwnIdentity(const crypto::PublicKey& identity_key) const;
  // `addressed`: the identity the first message was made for (a stranger
  // may hold a card from before a rotation).
  Result<FrameVerdict> OnFirstContact(const crypto::PublicKey& transport_key,
                                      const crypto::Identity& addressed,
                                      const wire::Envelope& envelope, const store::MessageId& id,
                                      std::vector<store::MessageId>& acks);
  Result<FrameVerdict> StoreContent(Contact& sender, const store::MessageId& id,
                                    const wire::Content& content,
                                    std::vector<store::MessageId>& acks);
  std::string AliasFromName(std::string_view name);
  // The scheduler holds exactly the contacts whose key changed.
  void HoldChangedKeys();
  // Encrypts `content` (its id and time are set here) for `contact`, stores
  // the outgoing message with `history` as what the user sees, and queues it.
  Result<store::MessageId> SendContent(Contact* contact, wire::Content content,
                                       std::string history);
  Result<FrameVerdict> StoreIntroduction(Contact& sender, const store::MessageId& id,
                                         const wire::Content& content,
                                         std::vector<store::MessageId>& acks);

  const identity::NodeIdentity& identity_;
  crypto::Random& random_;
  const Clock& clock_;
  store::ContactTable contacts_;
  store::IntroductionTable introductions_;
  store::MessageTable messages_;
  SessionCache sessions_;
  ContactDirectory directory_;
  delivery::OutboxScheduler scheduler_;
  crypto::Bytes own_card_;
  std::string card_text_;
  OneTimePrekeys one_time_prekeys_;
  net::TokenBucket mint_budget_{kPrekeyMintBurst, kPrekeyMintsPerSecond};
  double contact_budget_burst_ = kContactBytesBurst;
  double contact_budget_per_second_ = kContactBytesPerDay / 86'400;
  std::map<std::int64_t, net::TokenBucket> contact_budgets_;
  std::set<std::int64_t> over_budget_;  // told in the log, not yet back under
  // The identity key whose safety number Verify last showed, per contact: a
  // changed key is confirmed only once its own number was shown.
  std::map<std::int64_t, crypto::PublicKey> shown_keys_;
  // Contacts whose first messages wait for a session, and when to ask them
  // for prekeys next (when connected).
  std::map<std::int64_t, std::chrono::steady_clock::time_point> awaiting_;
  bool awaiting_changed_ = false;  // this round
  bool prekeys_changed_ = false;   // this round
  std::optional<crypto::Bytes> reply_;

  struct Queued {
    std::int64_t contact_id;
    std::int64_t seq;
    store::MessageId id;
    crypto::Bytes frame;
  };
  std::vector<Queued> queued_;       // this round, released on commit
  std::vector<Event> round_events_;  // this round, released on commit
  std::vector<Event> events_;        // committed, not yet taken
  // Contacts the link reported connected: a rolled-back removal brings the
  // contact back, and the scheduler must know its link is still up.
  std::set<std::int64_t> connected_;
  std::vector<std::int64_t> round_rekeyed_;  // this round, released on commit
  std::vector<std::int64_t> rekeyed_;        // committed, not yet taken
  std::vector<std::int64_t> round_removed_;  // this round, released on commit
  std::vector<std::int64_t> removed_;        // committed, not yet taken
  DirectoryFrameSink* directory_sink_ = nullptr;
  std::function<bool(const crypto::PublicKey&)> is_revoked_ = [](const crypto::PublicKey&) {
    return false;
  };
  // The scheduler changed in this round in ways a rollback must undo (it
  // then reloads from the store): acknowledgements, a removed contact.
  bool scheduler_changed_this_round_ = false;
  bool directory_changed_ = false;
};

}  // namespace parley::messenger
