// ApiServer: the owner's local API (docs/protocol.md §6).
//
// A ROUTER on ipc://<home>/api.sock takes one api.proto Request per message
// and answers one Reply; an XPUB on ipc://<home>/events.sock streams Events
// (XPUB rather than PUB: it tells the daemon whether anyone is listening, so
// no event is built for nobody).
// Both sockets are mode 0600 inside the 0700 home, and refuse peers of
// another uid (ZMQ_IPC_FILTER_UID, which checks SO_PEERCRED).
#pragma once

#include <set>
#include <string>
#include <vector>
#include <zmq.hpp>

#include "daemon/util/status.h"
#include "proto/api.pb.h"

namespace parley::api_server {

struct ApiCall {
  std::string route;  // which client connection to answer
  api::Request request;
};

class ApiServer {
 public:
  ApiServer(zmq::context_t& context, std::string home);
  ~ApiServer();

  Status Start();

  // Appends kPollItems items; ProcessReady takes them back after the poll.
  static constexpr std::size_t kPollItems = 2;
  void AppendPollItems(std::vector<zmq::pollitem_t>& items);
  // Reads up to `budget` requests (a request that does not decode is
  // answered with BAD_REQUEST here) and notes (un)subscriptions.
  void ProcessReady(const zmq::pollitem_t* items, std::size_t budget, std::vector<ApiCall>& calls);
  bool HasSubscribers() const { return !topics_.empty(); }
  void Reply(const std::string& route, const api::Reply& reply);
  void Publish(const api::Event& event);

 private:
  zmq::context_t& context_;
  std::string home_;
  zmq::socket_t requests_;
  zmq::socket_t events_;
  std::set<std::string> topics_;  // subscribed prefixes (XPUB reports first and last)
};

}  // namespace parley::api_server
