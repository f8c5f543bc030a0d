#include "tests/client/test_support.h"

#include <dirent.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <stdexcept>
#include <zmq.hpp>

#include "client/cli/run.h"
#include "proto/local_paths.h"

namespace parley::client::testing {

TempHome::TempHome() {
  char pattern[] = "/tmp/pctXXXXXX";
  if (::mkdtemp(pattern) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempHome::~TempHome() {
  if (DIR* dir = ::opendir(path_.c_str())) {
    while (dirent* entry = ::readdir(dir)) {
      std::string name = entry->d_name;
      if (name != "." && name != "..") ::unlink((path_ + "/" + name).c_str());
    }
    ::closedir(dir);
  }
  ::rmdir(path_.c_str());
}

i18n::GetEnv FakeEnv(std::vector<std::pair<std::string, std::string>> variables) {
  auto shared =
      std::make_shared<std::vector<std::pair<std::string, std::string>>>(std::move(variables));
  return [shared](const char* name) -> const char* {
    for (const auto& [key, value] : *shared) {
      if (key == name) return value.c_str();
    }
    return nullptr;
  };
}

std::string LockedBuffer::Snapshot() const {
  std::lock_guard lock(mutex_);
  return data_;
}

LockedBuffer::int_type LockedBuffer::overflow(int_type c) {
  if (c != traits_type::eof()) {
    std::lock_guard lock(mutex_);
    data_ += traits_type::to_char_type(c);
  }
  return c;
}

std::streamsize LockedBuffer::xsputn(const char* s, std::streamsize n) {
  std::lock_guard lock(mutex_);
  data_.append(s, static_cast<std::size_t>(n));
  return n;
}

RunResult RunParley(const std::vector<std::string>& argv,
                    std::vector<std::pair<std::string, std::string>> env,
                    std::optional<std::string> stdin_text) {
  std::ostringstream out;
  std::ostringstream err;
  static const bool kIgnoreSigpipe = [] {  // a writer whose reader left gets EPIPE instead
    std::signal(SIGPIPE, SIG_IGN);
    return true;
  }();
  (void)kIgnoreSigpipe;
  int fds[2] = {-1, -1};
  if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
  // A writer thread, so that inputs larger than the pipe buffer work too.
  std::thread writer([fd = fds[1], text = stdin_text.value_or("")] {
    std::size_t done = 0;
    while (done < text.size()) {
      ssize_t n = ::write(fd, text.data() + done, text.size() - done);
      if (n <= 0) break;  // the reader is gone
      done += static_cast<std::size_t>(n);
    }
    ::close(fd);
  });
  cli::Io io{out, err, fds[0], false, false, false};
  int code = cli::Run(argv, io, FakeEnv(std::move(env)));
  ::close(fds[0]);  // unblocks the writer should the command not read everything
  writer.join();
  return {code, out.str(), err.str()};
}

FakeDaemon::FakeDaemon(const std::string& home, Handler handler) : handler_(std::move(handler)) {
  thread_ = std::thread([this, home] { Serve(home); });
  if (!Eventually([this] { return ready_.load(); })) throw std::runtime_error("fake daemon");
}

FakeDaemon::~FakeDaemon() {
  stop_ = true;
  thread_.join();
}

void FakeDaemon::Publish(const api::Event& event) {
  std::lock_guard lock(mutex_);
  to_publish_.push_back(event.SerializeAsString());
}

void FakeDaemon::SendFirst(api::Reply reply) {
  std::lock_guard lock(mutex_);
  first_ = std::move(reply);
}

std::vector<api::Request> FakeDaemon::Requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

bool FakeDaemon::WaitForRequests(std::size_t count, int timeout_ms) const {
  return Eventually([&] { return Requests().size() >= count; }, timeout_ms);
}

void FakeDaemon::Serve(const std::string& home) {
  zmq::context_t context;
  zmq::socket_t router(context, zmq::socket_type::router);
  zmq::socket_t publisher(context, zmq::socket_type::pub);
  router.set(zmq::sockopt::linger, 0);
  publisher.set(zmq::sockopt::linger, 0);
  router.bind("ipc://" + paths::ApiSocketPath(home));
  publisher.bind("ipc://" + paths::EventSocketPath(home));
  ready_ = true;
  while (!stop_) {
    {
      std::vector<std::string> pending;
      {
        std::lock_guard lock(mutex_);
        pending.swap(to_publish_);
      }
      for (const auto& frame : pending) publisher.send(zmq::buffer(frame), zmq::send_flags::none);
    }
    zmq::pollitem_t item{router.handle(), 0, ZMQ_POLLIN, 0};
    if (zmq::poll(&item, 1, std::chrono::milliseconds(10)) == 0) continue;
    zmq::message_t route;
    zmq::message_t body;
    if (!router.recv(route, zmq::recv_flags::dontwait)) continue;
    if (!route.more() || !router.recv(body, zmq::recv_flags::dontwait)) continue;
    const std::string route_id = route.to_string();
    api::Request request;
    if (!request.ParseFromArray(body.data(), static_cast<int>(body.size()))) continue;
    std::optional<api::Reply> reply = handler_(request);
    std::optional<api::Reply> first;
    {
      std::lock_guard lock(mutex_);
      requests_.push_back(request);
      first.swap(first_);
    }
    if (first) {
      router.send(zmq::buffer(route_id), zmq::send_flags::sndmore);
      router.send(zmq::buffer(first->SerializeAsString()), zmq::send_flags::none);
    }
    if (!reply) continue;
    if (reply->id() == 0) reply->set_id(request.id());
    router.send(zmq::buffer(route_id), zmq::send_flags::sndmore);
    router.send(zmq::buffer(reply->SerializeAsString()), zmq::send_flags::none);
  }
}

api::Reply ErrorReply(api::ErrorCode code, const std::string& detail) {
  api::Reply reply;
  reply.mutable_error()->set_code(code);
  reply.mutable_error()->set_detail(detail);
  return reply;
}

bool Eventually(const std::function<bool()>& predicate, int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    if (predicate()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return predicate();
}

}  // namespace parley::client::testing
