// parley_load: two real parleyd processes on loopback, driven over their
// local APIs, measured next to raw CurveZMQ in the same run.
//
//   parley_load [--bin DIR] [--reps N] [--messages N] [--samples N] [--window N]
//
// Prints per-repetition lines and "SUMMARY <name> median= min= max= (N=)"
// lines (the format of ../shared/anchors), for:
//   raw curve      DEALER -> ROUTER, CURVE, 256 B messages, msgs/s (the ceiling)
//   connect        A adds B's card and sends; until B has committed it, ms
//   latency        one message at a time, API call at A -> committed at B, p50/p99 ms
//   throughput     pipelined sends, 256 B, delivered-and-committed at B per second,
//                  and p50/p99 latency under that load
// "Committed at B" is B's MessageEvent, which B publishes after its commit.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>
#include <zmq.hpp>

#include "proto/api.pb.h"
#include "proto/local_paths.h"
#include "tests/support/subprocess.h"
#include "tests/support/temp_dir.h"

namespace {

using Clock = std::chrono::steady_clock;
using parley::testing::Subprocess;
using parley::testing::TempDir;

// CPU time (user + system) this process (the load tool) has used, in ms.
double OwnCpuMs() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  auto ms = [](const timeval& t) { return t.tv_sec * 1000.0 + t.tv_usec / 1000.0; };
  return ms(usage.ru_utime) + ms(usage.ru_stime);
}

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

struct Options {
  std::string bin = "build/bin";
  int reps = 3;
  int messages = 50'000;
  int samples = 500;
  int window = 4'000;
};

double Percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(index, values.size() - 1)];
}

void Summary(const std::string& name, const std::vector<double>& values, const char* unit) {
  std::printf("SUMMARY %-44s median= %10.3f min= %10.3f max= %10.3f %s (N=%zu)\n", name.c_str(),
              Percentile(values, 0.5), *std::min_element(values.begin(), values.end()),
              *std::max_element(values.begin(), values.end()), unit, values.size());
  std::fflush(stdout);
}

// ------------------------------------------------------------------ raw CurveZMQ

double RawCurveThroughput(int messages) {
  char server_public[41], server_secret[41], client_public[41], client_secret[41];
  zmq_curve_keypair(server_public, server_secret);
  zmq_curve_keypair(client_public, client_secret);
  zmq::context_t server_context(1);
  zmq::socket_t router(server_context, zmq::socket_type::router);
  router.set(zmq::sockopt::curve_server, true);
  router.set(zmq::sockopt::curve_secretkey, std::string(server_secret));
  router.set(zmq::sockopt::rcvhwm, 0);
  router.bind("tcp://127.0.0.1:*");
  std::string endpoint = router.get(zmq::sockopt::last_endpoint);

  std::thread sender([&] {
    zmq::context_t context(1);
    zmq::socket_t dealer(context, zmq::socket_type::dealer);
    dealer.set(zmq::sockopt::curve_serverkey, std::string(server_public));
    dealer.set(zmq::sockopt::curve_publickey, std::string(client_public));
    dealer.set(zmq::sockopt::curve_secretkey, std::string(client_secret));
    dealer.set(zmq::sockopt::sndhwm, 0);
    dealer.set(zmq::sockopt::linger, -1);
    dealer.connect(endpoint);
    std::string payload(256, 'x');
    for (int i = 0; i < messages; ++i) dealer.send(zmq::buffer(payload));
    zmq::message_t done;
    (void)dealer.recv(done);  // wait for the receiver before tearing down
  });
  zmq::message_t id, body;
  Clock::time_point start;
  for (int i = 0; i < messages; ++i) {
    (void)router.recv(id);
    (void)router.recv(body);
    if (i == 0) start = Clock::now();
  }
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  router.send(id, zmq::send_flags::sndmore);
  router.send(zmq::str_buffer("done"));
  sender.join();
  return (messages - 1) / seconds;
}

// ------------------------------------------------------------------ nodes

class Node {
 public:
  // Subscribes to the daemon's events only when `watch_events`: a
  // subscription that is never read still costs the daemon its events.
  Node(const Options& options, const std::string& name, bool watch_events) : bin_(options.bin) {
    env_ = {{"PARLEY_PASSPHRASE", "load test"}, {"LANG", "C.UTF-8"}};
    auto init = parley::testing::RunProcess(
        {bin_ + "/parleyd", "--home", home_.path(), "init", "--name", name, "--kdf", "interactive"},
        env_);
    if (init.exit_code != 0) Die("init failed: " + init.err);
    daemon_ = std::make_unique<Subprocess>(
        std::vector<std::string>{bin_ + "/parleyd", "--home", home_.path(), "--log-level", "warn"},
        env_);
    requests_.set(zmq::sockopt::linger, 0);
    requests_.set(zmq::sockopt::sndhwm, 0);
    requests_.set(zmq::sockopt::rcvhwm, 0);
    events_.set(zmq::sockopt::rcvhwm, 0);
    if (watch_events) events_.set(zmq::sockopt::subscribe, "");
    for (int i = 0; i < 200 && !Exists(parley::paths::ApiSocketPath(home_.path())); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    requests_.connect("ipc://" + parley::paths::ApiSocketPath(home_.path()));
    events_.connect("ipc://" + parley::paths::EventSocketPath(home_.path()));
    Call(Status());                                               // ready
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // SUB joined
  }

  static parley::api::Request Status() {
    parley::api::Request request;
    request.mutable_status();
    return request;
  }

  void Send(parley::api::Request request, std::uint64_t id) {
    request.set_id(id);
    std::string body = request.SerializeAsString();
    requests_.send(zmq::buffer(body));
  }

  parley::api::Reply Call(parley::api::Request request) {
    Send(std::move(request), ++next_id_);
    for (;;) {
      zmq::message_t message;
      if (!requests_.recv(message)) Die("no reply");
      parley::api::Reply reply;
      reply.ParseFromArray(message.data(), static_cast<int>(message.size()));
      if (reply.id() != next_id_) continue;
      if (reply.has_error() && reply.error().code() != parley::api::OK) {
        Die("request failed: " + reply.error().detail());
      }
      return reply;
    }
  }

  std::string Card() {
    parley::api::Request request;
    request.mutable_invite();
    return Call(request).invite().card();
  }

  void Add(const std::string& card, const std::string& alias) {
    parley::api::Request request;
    request.mutable_add_contact()->set_card(card);
    request.mutable_add_contact()->set_alias(alias);
    Call(request);
  }

  static parley::api::Request SendText(const std::string& alias, const std::string& text) {
    parley::api::Request request;
    request.mutable_send()->set_alias(alias);
    request.mutable_send()->set_text(text);
    return request;
  }

  // CPU time (user + system) the daemon has used so far, in ms.
  double CpuMs() const {
    std::ifstream stat("/proc/" + std::to_string(daemon_->pid()) + "/stat");
    std::string line;
    std::getline(stat, line);
    std::istringstream fields(line.substr(line.rfind(')') + 2));
    std::string field;
    double ticks = 0;
    for (int i = 3; i <= 15 && fields >> field; ++i) {
      if (i == 14 || i == 15) ticks += std::stod(field);  // utime, stime
    }
    return ticks * 1000.0 / static_cast<double>(::sysconf(_SC_CLK_TCK));
  }

  zmq::socket_t& requests() { return requests_; }
  zmq::socket_t& events() { return events_; }

  static void Die(const std::string& why) {
    std::fprintf(stderr, "parley_load: %s\n", why.c_str());
    std::exit(1);
  }

 private:
  static bool Exists(const std::string& path) { return ::access(path.c_str(), F_OK) == 0; }
  std::string bin_;
  TempDir home_;
  std::map<std::string, std::string> env_;
  std::unique_ptr<Subprocess> daemon_;
  zmq::context_t context_{1};
  zmq::socket_t requests_{context_, zmq::socket_type::dealer};
  zmq::socket_t events_{context_, zmq::socket_type::sub};
  std::uint64_t next_id_ = 0;
};

// Reads B's events and returns the ids of messages it committed.
void DrainCommitted(Node& b, std::vector<std::string>& ids) {
  for (;;) {
    zmq::message_t message;
    if (!b.events().recv(message, zmq::recv_flags::dontwait)) return;
    parley::api::Event event;
    if (event.ParseFromArray(message.data(), static_cast<int>(message.size())) &&
        event.has_message()) {
      ids.push_back(event.message().message().id());
    }
  }
}

std::string Text(std::mt19937& random, int n) {
  std::string text(256, ' ');
  std::uniform_int_distribution<int> letter('a', 'z');
  for (auto& c : text) c = static_cast<char>(letter(random));
  std::string tag = std::to_string(n) + ":";
  std::copy(tag.begin(), tag.end(), text.begin());
  return text;
}

// A adds B's card (B has A's already) and sends at once: ms until B committed it.
double ConnectTime(const Options& options) {
  Node a(options, "Load A", /*watch_events=*/false), b(options, "Load B", /*watch_events=*/true);
  b.Add(a.Card(), "a");
  std::string card = b.Card();
  auto start = Clock::now();
  a.Add(card, "b");
  a.Call(Node::SendText("b", "first"));
  std::vector<std::string> committed;
  while (committed.empty()) {
    zmq::pollitem_t item{b.events().handle(), 0, ZMQ_POLLIN, 0};
    zmq::poll(&item, 1, std::chrono::milliseconds(10'000));
    DrainCommitted(b, committed);
    if (Ms(Clock::now() - start) > 10'000) Node::Die("first message not delivered in 10 s");
  }
  return Ms(Clock::now() - start);
}

struct Pair {
  std::unique_ptr<Node> a, b;
};

Pair Befriended(const Options& options) {
  Pair pair{std::make_unique<Node>(options, "Load A", /*watch_events=*/false),
            std::make_unique<Node>(options, "Load B", /*watch_events=*/true)};
  pair.a->Add(pair.b->Card(), "b");
  pair.b->Add(pair.a->Card(), "a");
  // Warm up: the link is connected and the session established both ways.
  pair.a->Call(Node::SendText("b", "warm up"));
  pair.b->Call(Node::SendText("a", "warm up"));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  std::vector<std::string> ignored;
  DrainCommitted(*pair.b, ignored);
  return pair;
}

// Pipelines `count` sends (at most `window` unanswered) and waits until B committed all.
// Returns msgs/s; fills per-message latency (send call -> committed at B) in ms.
double Pipeline(Pair& pair, int count, int window, std::vector<double>& latency) {
  std::mt19937 random(42);
  std::unordered_map<std::uint64_t, Clock::time_point> sent_at;   // by request id
  std::unordered_map<std::string, Clock::time_point> id_sent_at;  // by message id
  std::unordered_map<std::string, Clock::time_point> early;       // committed before the reply
  int sent = 0, answered = 0, committed = 0;
  latency.clear();
  auto start = Clock::now();
  std::vector<std::string> ids;
  while (committed < count) {
    while (sent < count && sent - answered < window) {
      ++sent;
      sent_at[static_cast<std::uint64_t>(sent)] = Clock::now();
      pair.a->Send(Node::SendText("b", Text(random, sent)), static_cast<std::uint64_t>(sent));
    }
    zmq::pollitem_t items[] = {{pair.a->requests().handle(), 0, ZMQ_POLLIN, 0},
                               {pair.b->events().handle(), 0, ZMQ_POLLIN, 0}};
    zmq::poll(items, 2, std::chrono::milliseconds(100));
    for (;;) {
      zmq::message_t message;
      if (!pair.a->requests().recv(message, zmq::recv_flags::dontwait)) break;
      parley::api::Reply reply;
      reply.ParseFromArray(message.data(), static_cast<int>(message.size()));
      if (reply.has_error() && reply.error().code() != parley::api::OK) {
        Node::Die("send failed: " + std::to_string(reply.error().code()));
      }
      ++answered;
      auto at = sent_at[reply.id()];
      sent_at.erase(reply.id());
      const std::string& id = reply.send().id();
      if (auto it = early.find(id); it != early.end()) {
        latency.push_back(Ms(it->second - at));
        early.erase(it);
      } else {
        id_sent_at[id] = at;
      }
    }
    ids.clear();
    DrainCommitted(*pair.b, ids);
    auto now = Clock::now();
    for (const auto& id : ids) {
      ++committed;
      if (auto it = id_sent_at.find(id); it != id_sent_at.end()) {
        latency.push_back(Ms(now - it->second));
        id_sent_at.erase(it);
      } else {
        early[id] = now;
      }
    }
    if (Ms(now - start) > 600'000) Node::Die("throughput run did not finish in 10 minutes");
  }
  return count / std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    std::string value = argv[i + 1];
    if (flag == "--bin")
      options.bin = value;
    else if (flag == "--reps")
      options.reps = std::stoi(value);
    else if (flag == "--messages")
      options.messages = std::stoi(value);
    else if (flag == "--samples")
      options.samples = std::stoi(value);
    else if (flag == "--window")
      options.window = std::stoi(value);
    else
      Node::Die("unknown option " + flag);
  }
  std::vector<double> raw, connect, light_p50, light_p99, throughput, load_p50, load_p99;
  std::vector<double> sender_cpu, receiver_cpu, tool_cpu;
  for (int rep = 1; rep <= options.reps; ++rep) {
    raw.push_back(RawCurveThroughput(500'000));
    std::printf("rep %d raw curve DEALER->ROUTER 256 B: %.0f msgs/s\n", rep, raw.back());

    connect.push_back(ConnectTime(options));
    std::printf("rep %d card added -> first message committed at B: %.1f ms\n", rep,
                connect.back());

    Pair pair = Befriended(options);
    std::vector<double> latency;
    Pipeline(pair, options.samples, 1, latency);
    light_p50.push_back(Percentile(latency, 0.5));
    light_p99.push_back(Percentile(latency, 0.99));
    std::printf("rep %d light load (1 in flight), %d msgs: p50 %.3f ms p99 %.3f ms\n", rep,
                options.samples, light_p50.back(), light_p99.back());

    const double cpu_a = pair.a->CpuMs(), cpu_b = pair.b->CpuMs(), cpu_tool = OwnCpuMs();
    throughput.push_back(Pipeline(pair, options.messages, options.window, latency));
    sender_cpu.push_back((pair.a->CpuMs() - cpu_a) * 1000.0 / options.messages);
    receiver_cpu.push_back((pair.b->CpuMs() - cpu_b) * 1000.0 / options.messages);
    tool_cpu.push_back((OwnCpuMs() - cpu_tool) * 1000.0 / options.messages);
    load_p50.push_back(Percentile(latency, 0.5));
    load_p99.push_back(Percentile(latency, 0.99));
    std::printf(
        "rep %d pipelined (window %d), %d msgs: %.0f msgs/s committed at B, latency p50 %.1f ms "
        "p99 %.1f ms\n",
        rep, options.window, options.messages, throughput.back(), load_p50.back(), load_p99.back());
    std::printf(
        "rep %d CPU per message: sender daemon %.1f us, receiver daemon %.1f us, "
        "load tool %.1f us\n",
        rep, sender_cpu.back(), receiver_cpu.back(), tool_cpu.back());
    std::fflush(stdout);
  }
  Summary("raw curve DEALER->ROUTER 256B", raw, "msgs/s");
  Summary("parley card added -> first message committed", connect, "ms");
  Summary("parley light load latency p50", light_p50, "ms");
  Summary("parley light load latency p99", light_p99, "ms");
  Summary("parley delivered-and-committed 256B", throughput, "msgs/s");
  Summary("parley latency under load p50", load_p50, "ms");
  Summary("parley latency under load p99", load_p99, "ms");
  Summary("parley sender daemon CPU per message", sender_cpu, "us");
  Summary("parley receiver daemon CPU per message", receiver_cpu, "us");
  Summary("parley load tool CPU per message", tool_cpu, "us");
  std::vector<double> ratio;
  for (std::size_t i = 0; i < raw.size(); ++i) ratio.push_back(raw[i] / throughput[i]);
  Summary("raw curve / parley throughput", ratio, "x");
  return 0;
}
