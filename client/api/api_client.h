// The connection of one parley invocation to its own parleyd
// (docs/protocol.md §6): a DEALER on ipc://<home>/api.sock for requests, and
// optionally a SUB on ipc://<home>/events.sock for events.
//
// Requests are synchronous: Call() sends one Request and waits, at most
// `timeout`, for the Reply carrying the same id. A missing or stale api.sock
// is detected before ZeroMQ is involved (api/socket_probe.h), so "no daemon"
// is immediate. Not thread-safe; one ApiClient per thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <zmq.hpp>

#include "client/failure.h"
#include "client/i18n/catalogue.h"
#include "proto/api.pb.h"

namespace parley::client::api_client {

constexpr std::chrono::milliseconds kDefaultTimeout{15000};
// How long Subscribe() waits for the events socket's handshake at most.
constexpr std::chrono::milliseconds kMaxSubscribeWait{2000};

struct ApiOptions {
  // How long to wait for each reply (env PARLEY_TIMEOUT_MS overrides the default).
  std::chrono::milliseconds timeout = kDefaultTimeout;
  // Called about every 100 ms while a reply is awaited, with the time waited
  // so far, and once with -1 ms when the wait is over (progress display).
  std::function<void(std::chrono::milliseconds)> on_wait;
};

// PARLEY_TIMEOUT_MS if it is a positive number, else kDefaultTimeout.
std::chrono::milliseconds TimeoutFromEnv(const i18n::GetEnv& getenv);

class ApiClient {
 public:
  ApiClient(std::string home, ApiOptions options);
  ~ApiClient();
  ApiClient(const ApiClient&) = delete;
  ApiClient& operator=(const ApiClient&) = delete;

  // Checks that a daemon listens on api.sock and connects the DEALER.
  // Idempotent. Failures: kNoDaemon.
  Status Connect();

  // Sends `request` (its id is chosen here) and returns the reply, which
  // holds a result of kind `expected`. Connects first if needed.
  // Failures: kNoDaemon, kNotResponding, kDaemon (the daemon's error),
  // kLocal "bad_reply" (a reply that does not decode or is of another kind).
  Result<api::Reply> Call(api::Request request, api::Reply::ResultCase expected);

  // Connects a SUB to events.sock, subscribed to everything, and waits (at
  // most kMaxSubscribeWait) until the connection is established, so that
  // events published after this returns are received.
  Status Subscribe();
  // The next event already received, without blocking; nullopt when none.
  // Events that do not decode are skipped.
  std::optional<api::Event> NextEvent();
  // For zmq::poll; REQUIRES: Subscribe() succeeded.
  zmq::socket_t& events_socket() { return *events_; }

  const std::string& home() const { return home_; }

 private:
  Failure NotResponding() const;

  std::string home_;
  ApiOptions options_;
  zmq::context_t context_;  // declared before the sockets: destroyed after them
  std::optional<zmq::socket_t> requests_;
  std::optional<zmq::socket_t> events_;
  std::uint64_t next_id_;
};

}  // namespace parley::client::api_client
