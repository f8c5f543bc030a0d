#include "daemon/net/link.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstring>
#include <zmq_addon.hpp>

#include "daemon/util/routed_message.h"

namespace parley::net {

namespace {

// ZMQ_ZAP_ENFORCE_DOMAIN is a draft option in libzmq 4.3 headers, but the
// library honours it: without it a CURVE server accepts any client when no
// ZAP handler answers (libzmq#2594).
constexpr int kZmqZapEnforceDomain = 93;

crypto::ByteView View(const zmq::message_t& message) {
  return {static_cast<const std::uint8_t*>(message.data()), message.size()};
}

std::string BindableEndpoint(const std::string& listen) {
  if (listen.size() > 2 && listen.compare(listen.size() - 2, 2, ":0") == 0) {
    return listen.substr(0, listen.size() - 1) + "*";
  }
  return listen;
}

}  // namespace

Link::Link(zmq::context_t& context, LinkHandler& handler, const crypto::DhKeyPair& transport)
    : context_(context),
      handler_(handler),
      public_key_(transport.public_key()),
      secret_key_(crypto::SecureBuffer::CopyOf(transport.secret())) {}

Link::~Link() {
  if (router_) zmq_socket_monitor(router_.handle(), nullptr, 0);
  for (auto& [id, peer] : peers_) {
    zmq_socket_monitor(peer->dealer.handle(), nullptr, 0);
  }
}

void Link::ApplyCommonOptions(zmq::socket_t& socket) {
  socket.set(zmq::sockopt::maxmsgsize, std::int64_t{kMaxFrameSize});
  socket.set(zmq::sockopt::sndhwm, kQueueLimit);
  socket.set(zmq::sockopt::rcvhwm, kQueueLimit);
  socket.set(zmq::sockopt::heartbeat_ivl, kHeartbeatIntervalMs);
  socket.set(zmq::sockopt::heartbeat_timeout, kHeartbeatTimeoutMs);
  socket.set(zmq::sockopt::heartbeat_ttl, kHeartbeatTtlMs);
  socket.set(zmq::sockopt::handshake_ivl, kHandshakeTimeoutMs);
  socket.set(zmq::sockopt::reconnect_ivl, kReconnectIntervalMs);
  socket.set(zmq::sockopt::reconnect_ivl_max, kReconnectIntervalMaxMs);
  socket.set(zmq::sockopt::linger, 0);
  socket.set(zmq::sockopt::curve_secretkey,
             zmq::const_buffer(secret_key_.data(), secret_key_.size()));
  socket.set(zmq::sockopt::curve_publickey,
             zmq::const_buffer(public_key_.data(), public_key_.size()));
}

Result<std::string> Link::Start(const std::string& listen) {
  try {
    // The ZAP handler first: the ROUTER must never exist without it.
    zap_ = zmq::socket_t(context_, zmq::socket_type::rep);
    zap_.set(zmq::sockopt::linger, 0);
    zap_.bind(kZapEndpoint);

    router_ = zmq::socket_t(context_, zmq::socket_type::router);
    ApplyCommonOptions(router_);
    router_.set(zmq::sockopt::curve_server, true);
    router_.set(zmq::sockopt::zap_domain, kZapDomain);
    int enforce = 1;
    if (zmq_setsockopt(router_.handle(), kZmqZapEnforceDomain, &enforce, sizeof enforce) != 0) {
      return Status::Unavailable("this libzmq cannot enforce ZAP; refusing to listen");
    }
    router_.set(zmq::sockopt::router_mandatory, true);
    // Counts live connections, so that strangers cannot use up the node's
    // file descriptors (each stays open on heartbeats once admitted).
    zmq_socket_monitor(router_.handle(), "inproc://parley-router-monitor",
                       ZMQ_EVENT_ACCEPTED | ZMQ_EVENT_DISCONNECTED);
    router_monitor_ = zmq::socket_t(context_, zmq::socket_type::pair);
    router_monitor_.connect("inproc://parley-router-monitor");
    router_.bind(BindableEndpoint(listen));
    return router_.get(zmq::sockopt::last_endpoint);
  } catch (const zmq::error_t& e) {
    if (e.num() == EADDRINUSE) return Status::Unavailable("address in use: " + listen);
    return Status::Unavailable("cannot listen on " + listen + ": " + e.what());
  }
}

void Link::AddPeer(std::int64_t contact_id, const std::string& endpoint,
                   const crypto::PublicKey& server_key) {
  if (HasPeer(contact_id)) return;
  auto peer = std::make_unique<Peer>(Peer{contact_id,
                                          endpoint,
                                          zmq::socket_t(context_, zmq::socket_type::dealer),
                                          zmq::socket_t(context_, zmq::socket_type::pair),
                                          false,
                                          {}});
  ApplyCommonOptions(peer->dealer);
  peer->dealer.set(zmq::sockopt::curve_serverkey,
                   zmq::const_buffer(server_key.data(), server_key.size()));
  peer->dealer.set(zmq::sockopt::immediate, true);
  peer->dealer.set(zmq::sockopt::sndhwm, kOutgoingQueueLimit);

  std::string monitor_endpoint = "inproc://parley-monitor-" + std::to_string(next_monitor_++);
  zmq_socket_monitor(peer->dealer.handle(), monitor_endpoint.c_str(),
                     ZMQ_EVENT_HANDSHAKE_SUCCEEDED | ZMQ_EVENT_DISCONNECTED);
  peer->monitor.connect(monitor_endpoint);
  try {
    peer->dealer.connect(endpoint);
  } catch (const zmq::error_t& e) {
    spdlog::warn("cannot connect to contact {}: {}", contact_id, e.what());
  }
  peers_.emplace(contact_id, std::move(peer));
}

void Link::RemovePeer(std::int64_t contact_id) {
  auto it = peers_.find(contact_id);
  if (it == peers_.end()) return;
  zmq_socket_monitor(it->second->dealer.handle(), nullptr, 0);
  it->second->dealer.set(zmq::sockopt::linger, 0);
  poll_order_.clear();  // its pointers are rebuilt at the next poll
  peers_.erase(it);
}

bool Link::IsConnected(std::int64_t contact_id) const {
  auto it = peers_.find(contact_id);
  return it != peers_.end() && it->second->connected;
}

void Link::KickReconnect(std::int64_t contact_id) {
  auto it = peers_.find(contact_id);
  if (it == peers_.end() || it->second->connected) return;
  Peer& peer = *it->second;
  auto now = std::chrono::steady_clock::now();
  if (now - peer.last_kick < std::chrono::seconds(1)) return;
  peer.last_kick = now;
  try {
    peer.dealer.disconnect(peer.endpoint);
    peer.dealer.connect(peer.endpoint);
  } catch (const zmq::error_t& e) {
    spdlog::debug("reconnect to contact {} failed: {}", contact_id, e.what());
  }
}

bool Link::Send(std::int64_t contact_id, crypto::ByteView frame) {
  auto it = peers_.find(contact_id);
  if (it == peers_.end() || !it->second->connected) return false;
  try {
    auto sent = it->second->dealer.send(zmq::const_buffer(frame.data(), frame.size()),
                                        zmq::send_flags::dontwait);
    return sent.has_value();
  } catch (const zmq::error_t&) {
    return false;
  }
}

bool Link::Reply(const std::string& route, crypto::ByteView frame) {
  try {
    if (!router_.send(zmq::buffer(route), zmq::send_flags::sndmore | zmq::send_flags::dontwait)) {
      return false;
    }
    return router_.send(zmq::const_buffer(frame.data(), frame.size()), zmq::send_flags::dontwait)
        .has_value();
  } catch (const zmq::error_t&) {
    return false;  // the peer went away (ROUTER_MANDATORY): it will resend
  }
}

void Link::AppendPollItems(std::vector<zmq::pollitem_t>& items) {
  // A closed ZAP socket (tests only) is polled as an ignored fd.
  items.push_back(zap_ ? zmq::pollitem_t{zap_.handle(), 0, ZMQ_POLLIN, 0}
                       : zmq::pollitem_t{nullptr, -1, 0, 0});
  items.push_back({router_.handle(), 0, ZMQ_POLLIN, 0});
  items.push_back({router_monitor_.handle(), 0, ZMQ_POLLIN, 0});
  poll_order_.clear();
  for (auto& [id, peer] : peers_) {
    items.push_back({peer->dealer.handle(), 0, ZMQ_POLLIN, 0});
    items.push_back({peer->monitor.handle(), 0, ZMQ_POLLIN, 0});
    poll_order_.push_back(peer.get());
  }
}

void Link::ProcessReady(const zmq::pollitem_t* items, std::size_t count, std::size_t budget) {
  constexpr std::size_t kFixed = 3;  // ZAP, ROUTER, ROUTER monitor; then 2 per peer
  if (count < kFixed) return;
  // Connection counts first: ZAP decides on them.
  if (items[2].revents & ZMQ_POLLIN) HandleRouterMonitor();
  if (items[0].revents & ZMQ_POLLIN) HandleZapRequests(budget);
  if (items[1].revents & ZMQ_POLLIN) HandleInbound(budget);
  for (std::size_t i = 0; i < poll_order_.size() && kFixed + 2 * i + 1 < count; ++i) {
    if (items[kFixed + 2 * i].revents & ZMQ_POLLIN) HandleReplies(*poll_order_[i], budget);
    if (items[kFixed + 2 * i + 1].revents & ZMQ_POLLIN) HandleMonitor(*poll_order_[i]);
  }
}

void Link::HandleZapRequests(std::size_t budget) {
  for (std::size_t n = 0; n < budget; ++n) {
    std::vector<zmq::message_t> request;
    if (!zmq::recv_multipart(zap_, std::back_inserter(request), zmq::recv_flags::dontwait)) return;
    // version, request id, domain, address, identity, mechanism, credentials
    std::string status = "400";
    std::string user_id;
    if (request.size() == 7 && request[0].to_string_view() == "1.0" &&
        request[2].to_string_view() == kZapDomain && request[5].to_string_view() == "CURVE" &&
        request[6].size() == crypto::kPublicKeySize) {
      crypto::PublicKey key{};
      std::memcpy(key.data(), request[6].data(), key.size());
      switch (handler_.Authenticate(key)) {
        case ZapVerdict::kContact:
          status = "200";
          user_id = "c" + crypto::ToHex(key);
          break;
        case ZapVerdict::kUnknown:
          status = "200";
          user_id = "u" + crypto::ToHex(key);
          break;
        case ZapVerdict::kRefuse:
          break;
      }
    }
    std::string request_id = request.size() > 1 ? request[1].to_string() : std::string();
    std::array<zmq::const_buffer, 6> reply = {
        zmq::buffer(std::string_view("1.0")),
        zmq::buffer(request_id),
        zmq::buffer(status),
        zmq::buffer(std::string_view(status == "200" ? "OK" : "refused")),
        zmq::buffer(user_id),
        zmq::const_buffer(nullptr, 0)};
    zmq::send_multipart(zap_, reply);
  }
}

bool Link::ClientKeyOf(zmq::message_t& message, crypto::PublicKey& key) {
  const char* user_id = zmq_msg_gets(message.handle(), "User-Id");
  if (user_id == nullptr) return false;
  std::string_view text(user_id);
  if (text.size() != 1 + 2 * key.size() || (text[0] != 'c' && text[0] != 'u')) return false;
  // Frames arrive in runs from one peer: decode its (public) key once per run.
  std::string_view hex = text.substr(1);
  if (hex != last_user_key_hex_) {
    crypto::PublicKey decoded{};
    if (!crypto::FromHex(hex, decoded)) return false;
    last_user_key_hex_.assign(hex);
    last_user_key_ = decoded;
  }
  key = last_user_key_;
  return true;
}

void Link::HandleInbound(std::size_t budget) {
  for (std::size_t n = 0; n < budget; ++n) {
    zmq::message_t route, frame;
    if (!ReceiveRouted(router_, route, frame)) return;
    crypto::PublicKey client_key{};
    if (!ClientKeyOf(frame, client_key)) {
      // No ZAP verdict on this connection: never trust it.
      spdlog::warn("dropped a frame that ZAP did not authenticate");
      continue;
    }
    handler_.OnInboundFrame(route.to_string(), client_key, View(frame));
  }
}

void Link::HandleReplies(Peer& peer, std::size_t budget) {
  for (std::size_t n = 0; n < budget; ++n) {
    zmq::message_t frame;
    if (!peer.dealer.recv(frame, zmq::recv_flags::dontwait)) return;
    handler_.OnOutboundReply(peer.contact_id, View(frame));
  }
}

void Link::HandleMonitor(Peer& peer) {
  for (;;) {
    std::vector<zmq::message_t> event;
    if (!zmq::recv_multipart(peer.monitor, std::back_inserter(event), zmq::recv_flags::dontwait)) {
      return;
    }
    if (event.empty() || event[0].size() < sizeof(std::uint16_t)) continue;
    std::uint16_t code = 0;
    std::memcpy(&code, event[0].data(), sizeof code);
    if (code == ZMQ_EVENT_HANDSHAKE_SUCCEEDED && !peer.connected) {
      peer.connected = true;
      handler_.OnConnected(peer.contact_id);
    } else if (code == ZMQ_EVENT_DISCONNECTED && peer.connected) {
      peer.connected = false;
      handler_.OnDisconnected(peer.contact_id);
    }
  }
}

void Link::HandleRouterMonitor() {
  for (;;) {
    std::vector<zmq::message_t> event;
    if (!zmq::recv_multipart(router_monitor_, std::back_inserter(event),
                             zmq::recv_flags::dontwait)) {
      return;
    }
    if (event.empty() || event[0].size() < sizeof(std::uint16_t)) continue;
    std::uint16_t code = 0;
    std::memcpy(&code, event[0].data(), sizeof code);
    if (code == ZMQ_EVENT_ACCEPTED) ++live_inbound_;
    if (code == ZMQ_EVENT_DISCONNECTED && live_inbound_ > 0) --live_inbound_;
  }
}

void Link::StopZapForTesting() { zap_.close(); }

}  // namespace parley::net
