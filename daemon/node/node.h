// Node: the reactor. One thread owns every ZeroMQ socket (peer link, ZAP,
// local API, events) and runs rounds:
//
//   poll → BEGIN → API requests, peer frames → save sessions → COMMIT
//        → replies, acknowledgements, events, transmissions
//
// Nothing leaves the node before the transaction that justifies it has
// committed: a reply to `send` means the message is in the outbox, an Ack
// means the message is stored. When the commit fails, every reply of the
// round says STORAGE_FAILED and no Ack is sent (peers resend).
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>
#include <zmq.hpp>

#include "crypto/random.h"
#include "daemon/api/api_server.h"
#include "daemon/api/request_handlers.h"
#include "daemon/directory/directory.h"
#include "daemon/identity/node_identity.h"
#include "daemon/messenger/messenger.h"
#include "daemon/net/link.h"
#include "daemon/net/rate_limiter.h"
#include "daemon/store/store.h"
#include "daemon/util/clock.h"
#include "daemon/util/status.h"

namespace parley::node {

struct NodeOptions {
  std::string home;
  std::string version;
  // Test-only fault: never answer ZAP (libzmq must then refuse every peer).
  bool disable_zap_for_testing = false;
};

// Frames from keys that are no contact: first-contact handshakes overall and
// frames per key (docs/protocol.md §1).
constexpr double kUnknownHandshakeBurst = 20;
constexpr double kUnknownHandshakesPerSecond = 2;
constexpr double kUnknownFramesBurst = 30;
constexpr double kUnknownFramesPerSecond = 0.5;
constexpr std::size_t kUnknownKeysTracked = 1024;
// Strangers (and waiting requests) are refused once this many connections
// beyond one per contact are open: each holds a file descriptor for as long
// as it lives.
constexpr int kMaxStrangerConnections = 64;
// Frames from keys that are no contact taken in one round (each may cost an
// X3DH and a decryption); the rest wait in their queue.
constexpr std::size_t kMaxStrangerFramesPerRound = 64;
constexpr int kMaxZmqSockets = 32'768;
// Work taken from one socket in one round: bounds latency for everyone else.
constexpr std::size_t kRoundBudget = 2048;

class Node final : public net::LinkHandler {
 public:
  // Starts the link and the local API. `store` and `identity` must outlive it.
  static Result<std::unique_ptr<Node>> Start(const NodeOptions& options, store::Store& store,
                                             identity::NodeIdentity& identity,
                                             crypto::Random& random, const Clock& clock);
  ~Node() override;

  // Serves until `stop` becomes true.
  Status Run(const std::atomic<bool>& stop);

  const std::string& listen_endpoint() const { return listen_; }

  // net::LinkHandler
  net::ZapVerdict Authenticate(const crypto::PublicKey& client_key) override;
  void OnInboundFrame(const std::string& route, const crypto::PublicKey& client_key,
                      crypto::ByteView frame) override;
  void OnOutboundReply(std::int64_t contact_id, crypto::ByteView frame) override;
  void OnConnected(std::int64_t contact_id) override;
  void OnDisconnected(std::int64_t contact_id) override;

  Node(const NodeOptions& options, store::Store& store, identity::NodeIdentity& identity,
       const Clock& clock);

 private:
  Status RunRound(std::vector<zmq::pollitem_t>& items);
  // Sends the owner's profile to a contact if the link to it is up.
  void PushOwnProfile(std::int64_t contact_id);
  // This node's rotations (§9.6), to a contact that may know only old keys.
  void SendRotations(std::int64_t contact_id);
  // Dials every contact that is not dialled yet and not revoked.
  void AddPeers();
  // After a revocation: closes the links of the contacts it revoked (their
  // queued messages stay queued, and nothing more goes to them).
  void CutRevokedContacts();
  std::vector<std::int64_t> OnlineContacts() const;
  void PublishEvents();
  int PollTimeoutMs() const;
  void NoteStorageFailure(const Status& status);
  // A frame OnFrame asked to answer (a prekey bundle), kept until the commit.
  void KeepReply(messenger::FrameVerdict verdict, std::vector<crypto::Bytes>& replies);
  // Renews the signed prekey when due (its own transaction, between rounds).
  void RenewSignedPrekeyWhenDue();

  NodeOptions options_;
  store::Store& store_;
  identity::NodeIdentity& identity_;
  const Clock& clock_;
  zmq::context_t context_;
  std::unique_ptr<messenger::Messenger> messenger_;
  std::unique_ptr<directory::Directory> directory_;
  std::unique_ptr<net::Link> link_;
  std::unique_ptr<api_server::ApiServer> api_;
  std::string listen_;

  net::TokenBucket unknown_handshakes_{kUnknownHandshakeBurst, kUnknownHandshakesPerSecond};
  net::KeyedRateLimiter unknown_frames_{kUnknownFramesBurst, kUnknownFramesPerSecond,
                                        kUnknownKeysTracked};

  // Per round.
  std::map<std::string, std::vector<store::MessageId>> acks_by_route_;
  std::map<std::int64_t, std::vector<store::MessageId>> acks_by_contact_;
  std::map<std::string, std::vector<crypto::Bytes>> replies_by_route_;
  std::map<std::int64_t, std::vector<crypto::Bytes>> replies_by_contact_;
  std::size_t stranger_frames_ = 0;
  Status round_storage_;
  std::chrono::steady_clock::time_point next_sync_{};  // of every online contact's directory
  // Contacts that dialled us since the start: they know our current keys.
  std::set<std::int64_t> dialled_us_;
  crypto::Random* random_ = nullptr;
  std::chrono::steady_clock::time_point next_prekey_renewal_{};
};

}  // namespace parley::node
