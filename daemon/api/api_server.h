// ApiServer: the owner's local API (docs/protocol.md §6).
//
// A ROUTER on ipc://<home>/api.sock takes one api.proto Request per message
// and answers one Reply; a PUB on ipc://<home>/events.sock streams Events.
// Both sockets are mode 0600 inside the 0700 home, and refuse peers of
// another uid (ZMQ_IPC_FILTER_UID, which checks SO_PEERCRED).
#pragma once

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

  void AppendPollItems(std::vector<zmq::pollitem_t>& items);
  // Reads up to `budget` requests from a ready socket. A request that does
  // not decode is answered with BAD_REQUEST here.
  void Receive(const zmq::pollitem_t& item, std::size_t budget, std::vector<ApiCall>& calls);
  void Reply(const std::string& route, const api::Reply& reply);
  void Publish(const api::Event& event);

 private:
  zmq::context_t& context_;
  std::string home_;
  zmq::socket_t requests_;
  zmq::socket_t events_;
};

}  // namespace parley::api_server
