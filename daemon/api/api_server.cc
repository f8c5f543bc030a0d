#include "daemon/api/api_server.h"

#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include "daemon/util/routed_message.h"
#include "proto/local_paths.h"

namespace parley::api_server {

namespace {

// Requests larger than this are not API requests (the largest is a card or
// a 64 KiB text).
constexpr int kMaxRequestSize = 256 * 1024;
// ZMQ_IPC_FILTER_UID: deprecated in libzmq 4.3 headers, still honoured.
constexpr int kZmqIpcFilterUid = 59;

void RestrictToOwner(zmq::socket_t& socket) {
  uid_t uid = ::getuid();
  int filter = static_cast<int>(uid);
  zmq_setsockopt(socket.handle(), kZmqIpcFilterUid, &filter, sizeof filter);
}

}  // namespace

ApiServer::ApiServer(zmq::context_t& context, std::string home)
    : context_(context), home_(std::move(home)) {}

ApiServer::~ApiServer() {
  requests_.close();
  events_.close();
  ::unlink(paths::ApiSocketPath(home_).c_str());
  ::unlink(paths::EventSocketPath(home_).c_str());
}

Status ApiServer::Start() {
  if (!paths::SocketPathsFit(home_)) {
    return Status::InvalidArgument("home path too long for a Unix socket (at most " +
                                   std::to_string(paths::kMaxSocketPathBytes - 12) +
                                   " bytes): " + home_);
  }
  try {
    requests_ = zmq::socket_t(context_, zmq::socket_type::router);
    requests_.set(zmq::sockopt::linger, 0);
    requests_.set(zmq::sockopt::maxmsgsize, std::int64_t{kMaxRequestSize});
    requests_.set(zmq::sockopt::router_mandatory, true);
    requests_.set(zmq::sockopt::sndhwm, 10'000);
    requests_.set(zmq::sockopt::rcvhwm, 10'000);
    RestrictToOwner(requests_);
    requests_.bind("ipc://" + paths::ApiSocketPath(home_));

    events_ = zmq::socket_t(context_, zmq::socket_type::xpub);
    events_.set(zmq::sockopt::linger, 0);
    events_.set(zmq::sockopt::sndhwm, 10'000);  // per subscriber; a stalled one loses events
    RestrictToOwner(events_);
    events_.bind("ipc://" + paths::EventSocketPath(home_));
  } catch (const zmq::error_t& e) {
    return Status::Unavailable(std::string("cannot open the local API: ") + e.what());
  }
  for (const auto& path : {paths::ApiSocketPath(home_), paths::EventSocketPath(home_)}) {
    if (::chmod(path.c_str(), 0600) != 0) return Status::IoError("chmod " + path);
  }
  return Status::Ok();
}

void ApiServer::AppendPollItems(std::vector<zmq::pollitem_t>& items) {
  items.push_back({requests_.handle(), 0, ZMQ_POLLIN, 0});
  items.push_back({events_.handle(), 0, ZMQ_POLLIN, 0});
}

void ApiServer::ProcessReady(const zmq::pollitem_t* items, std::size_t budget,
                             std::vector<ApiCall>& calls) {
  if (items[1].revents & ZMQ_POLLIN) {
    for (;;) {
      zmq::message_t subscription;
      if (!events_.recv(subscription, zmq::recv_flags::dontwait)) break;
      if (subscription.size() == 0) continue;
      const auto* bytes = static_cast<const char*>(subscription.data());
      std::string topic(bytes + 1, subscription.size() - 1);
      if (bytes[0] == 1) {
        topics_.insert(topic);
      } else if (bytes[0] == 0) {
        topics_.erase(topic);
      }
    }
  }
  if (!(items[0].revents & ZMQ_POLLIN)) return;
  for (std::size_t n = 0; n < budget; ++n) {
    zmq::message_t route, body;
    if (!ReceiveRouted(requests_, route, body)) return;
    ApiCall call{route.to_string(), {}};
    if (!call.request.ParseFromArray(body.data(), static_cast<int>(body.size()))) {
      api::Reply reply;
      reply.mutable_error()->set_code(api::BAD_REQUEST);
      reply.mutable_error()->set_detail("the request does not decode");
      Reply(call.route, reply);
      continue;
    }
    calls.push_back(std::move(call));
  }
}

void ApiServer::Reply(const std::string& route, const api::Reply& reply) {
  std::string body = reply.SerializeAsString();
  try {
    // Never block the reactor on a client that stopped reading.
    if (!requests_.send(zmq::buffer(route), zmq::send_flags::sndmore | zmq::send_flags::dontwait)) {
      return;
    }
    requests_.send(zmq::buffer(body), zmq::send_flags::dontwait);
  } catch (const zmq::error_t& e) {
    spdlog::debug("a client left before its reply: {}", e.what());
  }
}

void ApiServer::Publish(const api::Event& event) {
  std::string body = event.SerializeAsString();
  events_.send(zmq::buffer(body), zmq::send_flags::dontwait);
}

}  // namespace parley::api_server
