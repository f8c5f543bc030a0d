#include "client/api/api_client.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <random>
#include <vector>

#include "client/api/socket_probe.h"
#include "client/i18n/errors.h"
#include "proto/local_paths.h"

namespace parley::client::api_client {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr milliseconds kWaitSlice{100};

Failure NoDaemon(const std::string& home) {
  return {FailureKind::kNoDaemon, "daemon_not_running", "error.no_daemon", {{"home", home}}, {}};
}

Failure Unreachable(const std::string& home, const std::string& socket, int error) {
  return {FailureKind::kNoDaemon,
          "daemon_unreachable",
          "error.daemon_unreachable",
          {{"home", home}, {"socket", socket}, {"reason", std::strerror(error)}},
          {}};
}

Failure BadReply() { return Failure::Local("bad_reply", "error.bad_reply"); }

Failure ZmqFailure(const zmq::error_t& error) {
  return Failure::Local("transport", "error.transport", {{"reason", error.what()}});
}

std::uint64_t RandomStartId() {
  std::random_device device;
  return (static_cast<std::uint64_t>(device()) << 20) | 1;
}

// Connects `socket` to `endpoint` and waits, at most `limit`, until the ZMTP
// handshake completed (for a SUB: its subscription is on its way). Handshake
// events are only reported to a monitor attached before connect().
void ConnectAndAwaitHandshake(zmq::context_t& context, zmq::socket_t& socket,
                              const std::string& endpoint, milliseconds limit) {
  const std::string monitor_endpoint =
      "inproc://parley-monitor-" + std::to_string(reinterpret_cast<std::uintptr_t>(&socket));
  if (zmq_socket_monitor(socket.handle(), monitor_endpoint.c_str(),
                         ZMQ_EVENT_HANDSHAKE_SUCCEEDED) != 0) {
    socket.connect(endpoint);
    return;
  }
  {
    zmq::socket_t monitor(context, zmq::socket_type::pair);
    monitor.set(zmq::sockopt::linger, 0);
    monitor.connect(monitor_endpoint);
    socket.connect(endpoint);
    const auto deadline = Clock::now() + limit;
    bool done = false;
    while (!done) {
      auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
      if (left <= milliseconds(0)) break;
      zmq::pollitem_t item{monitor.handle(), 0, ZMQ_POLLIN, 0};
      if (zmq::poll(&item, 1, left) == 0) break;
      zmq::message_t event;
      if (!monitor.recv(event, zmq::recv_flags::dontwait)) continue;
      std::uint16_t kind = 0;
      if (event.size() >= sizeof kind) std::memcpy(&kind, event.data(), sizeof kind);
      while (event.more()) {  // the endpoint part
        if (!monitor.recv(event, zmq::recv_flags::dontwait)) break;
      }
      done = kind == ZMQ_EVENT_HANDSHAKE_SUCCEEDED;
    }
  }
  zmq_socket_monitor(socket.handle(), nullptr, 0);
}

}  // namespace

milliseconds TimeoutFromEnv(const i18n::GetEnv& getenv) {
  const char* value = getenv("PARLEY_TIMEOUT_MS");
  if (value == nullptr || *value == '\0') return kDefaultTimeout;
  char* end = nullptr;
  errno = 0;
  long long ms = std::strtoll(value, &end, 10);
  if (errno != 0 || *end != '\0' || ms <= 0) return kDefaultTimeout;
  return milliseconds(ms);
}

ApiClient::ApiClient(std::string home, ApiOptions options)
    : home_(std::move(home)), options_(std::move(options)), next_id_(RandomStartId()) {}

ApiClient::~ApiClient() = default;

Failure ApiClient::NotResponding() const {
  const auto ms = options_.timeout.count();
  std::string seconds = std::to_string(ms / 1000);
  if (ms % 1000 != 0) seconds += "." + std::to_string(ms % 1000 / 100);  // "2.5"
  return {FailureKind::kNotResponding,
          "daemon_not_responding",
          "error.not_responding",
          {{"home", home_}, {"seconds", seconds}},
          {}};
}

Status ApiClient::Connect() {
  if (requests_) return {};
  const std::string path = paths::ApiSocketPath(home_);
  Probe probe = ProbeUnixSocket(path);
  switch (probe.state) {
    case SocketState::kListening:
      break;
    case SocketState::kMissing:
    case SocketState::kRefused:
      return NoDaemon(home_);
    case SocketState::kDenied:
    case SocketState::kOther:
      return Unreachable(home_, path, probe.error);
  }
  try {
    zmq::socket_t socket(context_, zmq::socket_type::dealer);
    socket.set(zmq::sockopt::linger, 0);
    socket.connect("ipc://" + path);
    requests_.emplace(std::move(socket));
  } catch (const zmq::error_t& error) {
    return ZmqFailure(error);
  }
  return {};
}

Result<api::Reply> ApiClient::Call(api::Request request, api::Reply::ResultCase expected) {
  if (Status connected = Connect(); !connected.ok()) return connected.failure();
  const std::uint64_t id = next_id_++;
  request.set_id(id);
  std::string frame;
  if (!request.SerializeToString(&frame)) return BadReply();

  struct WaitDone {  // tells the progress display that the wait is over, however it ends
    const ApiOptions& options;
    ~WaitDone() {
      if (options.on_wait) options.on_wait(milliseconds(-1));
    }
  } wait_done{options_};

  try {
    zmq::socket_t& socket = *requests_;
    const auto start = Clock::now();
    const auto deadline = start + options_.timeout;
    if (!socket.send(zmq::buffer(frame), zmq::send_flags::none)) return NotResponding();
    while (true) {
      const auto now = Clock::now();
      if (now >= deadline) return NotResponding();
      auto slice = std::min(kWaitSlice, std::chrono::duration_cast<milliseconds>(deadline - now));
      zmq::pollitem_t item{socket.handle(), 0, ZMQ_POLLIN, 0};
      if (zmq::poll(&item, 1, std::max(slice, milliseconds(1))) == 0) {
        if (options_.on_wait) {
          options_.on_wait(std::chrono::duration_cast<milliseconds>(Clock::now() - start));
        }
        continue;
      }
      // One part per reply; should an envelope ever precede it, the last part is the Reply.
      zmq::message_t part;
      if (!socket.recv(part, zmq::recv_flags::dontwait)) continue;
      while (part.more()) {
        if (!socket.recv(part, zmq::recv_flags::dontwait)) break;
      }
      api::Reply reply;
      if (!reply.ParseFromArray(part.data(), static_cast<int>(part.size()))) return BadReply();
      if (reply.id() != id) continue;  // a late answer to an earlier request
      if (reply.has_error() && reply.error().code() != api::OK) {
        return i18n::DaemonFailure(reply.error());
      }
      if (reply.result_case() != expected) return BadReply();
      return reply;
    }
  } catch (const zmq::error_t& error) {
    return ZmqFailure(error);
  }
}

Status ApiClient::Subscribe() {
  if (events_) return {};
  const std::string path = paths::EventSocketPath(home_);
  try {
    zmq::socket_t socket(context_, zmq::socket_type::sub);
    socket.set(zmq::sockopt::linger, 0);
    socket.set(zmq::sockopt::subscribe, "");
    events_.emplace(std::move(socket));
    if (ProbeUnixSocket(path).state == SocketState::kListening) {
      ConnectAndAwaitHandshake(context_, *events_, "ipc://" + path,
                               std::min(options_.timeout, kMaxSubscribeWait));
    } else {
      events_->connect("ipc://" + path);  // ZeroMQ keeps retrying; events start when it is up
    }
  } catch (const zmq::error_t& error) {
    events_.reset();
    return ZmqFailure(error);
  }
  return {};
}

std::optional<api::Event> ApiClient::NextEvent() {
  if (!events_) return std::nullopt;
  try {
    zmq::message_t part;
    while (events_->recv(part, zmq::recv_flags::dontwait)) {
      while (part.more()) {
        if (!events_->recv(part, zmq::recv_flags::dontwait)) break;
      }
      api::Event event;
      if (event.ParseFromArray(part.data(), static_cast<int>(part.size()))) return event;
    }
  } catch (const zmq::error_t&) {
    // EINTR and friends: no event now.
  }
  return std::nullopt;
}

}  // namespace parley::client::api_client
