// Link: the peer transport (docs/protocol.md §1).
//
// One ROUTER bound on the listen endpoint (CurveZMQ server, ZAP enforced) and
// one DEALER per contact (CurveZMQ client to the contact's transport key),
// each with a monitor so the link knows when a peer is reachable. The ZAP
// handler is bound before the ROUTER and answers from the reactor thread.
//
// The link knows nothing of envelopes: it moves opaque frames and reports who
// sent them, identified only by the Curve key ZAP saw (the message's User-Id).
// Not thread-safe: the reactor owns it.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>
#include <zmq.hpp>

#include "crypto/bytes.h"
#include "crypto/dh.h"
#include "crypto/secure_buffer.h"
#include "daemon/util/status.h"

namespace parley::net {

// A frame holds at most one envelope: a 96 KiB payload, a 4 KiB card, framing.
constexpr int kMaxFrameSize = 128 * 1024;
// Messages queued per connection and direction. Bounds memory to about
// kQueueLimit * kMaxFrameSize per peer however far the reactor falls behind.
constexpr int kQueueLimit = 1'000;
// Our own envelopes queued to one contact (bounded by what we sent).
constexpr int kOutgoingQueueLimit = 10'000;
constexpr int kHeartbeatIntervalMs = 5'000;
constexpr int kHeartbeatTimeoutMs = 15'000;
constexpr int kHeartbeatTtlMs = 30'000;
constexpr int kHandshakeTimeoutMs = 10'000;
constexpr int kReconnectIntervalMs = 100;
constexpr int kReconnectIntervalMaxMs = 30'000;
inline constexpr const char* kZapDomain = "parley";
inline constexpr const char* kZapEndpoint = "inproc://zeromq.zap.01";

enum class ZapVerdict { kContact, kUnknown, kRefuse };

// What the link reports to, from inside ProcessReady.
class LinkHandler {
 public:
  virtual ~LinkHandler() = default;
  // A CURVE client is handshaking with our ROUTER.
  virtual ZapVerdict Authenticate(const crypto::PublicKey& client_key) = 0;
  // A frame received on our ROUTER; `route` answers on the same connection.
  virtual void OnInboundFrame(const std::string& route, const crypto::PublicKey& client_key,
                              crypto::ByteView frame) = 0;
  // A frame the contact sent back on our DEALER to it.
  virtual void OnOutboundReply(std::int64_t contact_id, crypto::ByteView frame) = 0;
  virtual void OnConnected(std::int64_t contact_id) = 0;
  virtual void OnDisconnected(std::int64_t contact_id) = 0;
};

class Link {
 public:
  Link(zmq::context_t& context, LinkHandler& handler, const crypto::DhKeyPair& transport);
  ~Link();

  // Binds the ZAP handler, then the ROUTER. Returns the bound endpoint
  // (with the real port when `listen` asked for port 0).
  Result<std::string> Start(const std::string& listen);

  void AddPeer(std::int64_t contact_id, const std::string& endpoint,
               const crypto::PublicKey& server_key);
  // Connections open on our ROUTER now (including one being authenticated).
  int live_inbound_connections() const { return live_inbound_; }
  bool HasPeer(std::int64_t contact_id) const { return peers_.count(contact_id) != 0; }
  // Closes the connection to a contact (whose keys changed), dropping what
  // it still queues; no OnDisconnected follows. Not from inside ProcessReady.
  void RemovePeer(std::int64_t contact_id);
  bool IsConnected(std::int64_t contact_id) const;
  // Reconnects now instead of waiting for the backoff, when not connected.
  void KickReconnect(std::int64_t contact_id);

  // Non-blocking; false when there is no established connection or its
  // queue is full.
  bool Send(std::int64_t contact_id, crypto::ByteView frame);
  bool Reply(const std::string& route, crypto::ByteView frame);

  // The reactor polls these; ProcessReady handles what poll marked ready,
  // at most `budget` messages per socket.
  void AppendPollItems(std::vector<zmq::pollitem_t>& items);
  void ProcessReady(const zmq::pollitem_t* items, std::size_t count, std::size_t budget);

  // For tests: stop answering ZAP (libzmq must then refuse every client).
  void StopZapForTesting();

 private:
  struct Peer {
    std::int64_t contact_id;
    std::string endpoint;
    zmq::socket_t dealer;
    zmq::socket_t monitor;
    bool connected = false;
    std::chrono::steady_clock::time_point last_kick{};
  };

  void HandleZapRequests(std::size_t budget);
  // The Curve key ZAP reported for a received frame ("c<hex>" or "u<hex>").
  bool ClientKeyOf(zmq::message_t& message, crypto::PublicKey& key);
  void HandleInbound(std::size_t budget);
  void HandleReplies(Peer& peer, std::size_t budget);
  void HandleMonitor(Peer& peer);
  void HandleRouterMonitor();
  void ApplyCommonOptions(zmq::socket_t& socket);

  zmq::context_t& context_;
  LinkHandler& handler_;
  crypto::PublicKey public_key_;
  crypto::SecureBuffer secret_key_;
  zmq::socket_t zap_;
  zmq::socket_t router_;
  zmq::socket_t router_monitor_;
  int live_inbound_ = 0;
  std::map<std::int64_t, std::unique_ptr<Peer>> peers_;
  std::vector<Peer*> poll_order_;  // peers in the order their items were appended
  std::string last_user_key_hex_;  // of the last inbound frame, see ClientKeyOf
  crypto::PublicKey last_user_key_{};
  int next_monitor_ = 0;
};

}  // namespace parley::net
