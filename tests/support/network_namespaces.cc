#include "tests/support/network_namespaces.h"

#include <unistd.h>

#include <atomic>
#include <chrono>

#include "tests/support/subprocess.h"

namespace parley::testing {

namespace {

// iproute2's `ip`, wherever the distribution puts it (execve needs a path).
std::string IpPath() {
  for (const char* path : {"/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"}) {
    if (::access(path, X_OK) == 0) return path;
  }
  return {};
}

// Runs `ip args...`; empty when it succeeded, else what it said.
std::string Ip(const std::vector<std::string>& args) {
  const std::string ip = IpPath();
  if (ip.empty()) return "iproute2 (ip) is not installed";
  std::vector<std::string> argv{ip};
  argv.insert(argv.end(), args.begin(), args.end());
  RunResult result = RunProcess(argv, {}, std::chrono::seconds(10));
  if (result.exit_code == 0) return {};
  std::string what = "ip";
  for (const auto& arg : args) what += " " + arg;
  return what + ": " + result.err + result.out;
}

}  // namespace

std::unique_ptr<TwoNamespaces> TwoNamespaces::Create(std::string& why_not) {
  static std::atomic<int> made{0};
  const int n = made++;
  const std::string base = std::to_string(::getpid() % 100000) + "-" + std::to_string(n);
  std::unique_ptr<TwoNamespaces> net(new TwoNamespaces(base));
  for (int side : {0, 1}) {
    why_not = Ip({"netns", "add", net->Name(side)});
    if (!why_not.empty()) return nullptr;  // the destructor removes what was made
    net->made_[side] = true;
    if (!(why_not = Ip({"-n", net->Name(side), "link", "set", "lo", "up"})).empty()) return nullptr;
  }
  // The cable: made in side 0, one end moved to side 1.
  if (!(why_not = Ip({"-n", net->Name(0), "link", "add", net->Device(0), "type", "veth", "peer",
                      "name", net->Device(1), "netns", net->Name(1)}))
           .empty()) {
    return nullptr;
  }
  for (int side : {0, 1}) {
    if (!(why_not = Ip({"-n", net->Name(side), "addr", "add", net->Address(side) + "/30", "dev",
                        net->Device(side)}))
             .empty() ||
        !(why_not = Ip({"-n", net->Name(side), "link", "set", net->Device(side), "up"})).empty()) {
      return nullptr;
    }
  }
  return net;
}

TwoNamespaces::~TwoNamespaces() {
  for (int side : {0, 1}) {
    if (made_[side]) Ip({"netns", "delete", Name(side)});
  }
}

std::vector<std::string> TwoNamespaces::Exec(int side) const {
  return {IpPath(), "netns", "exec", Name(side)};
}

std::string TwoNamespaces::Address(int side) const {
  // Each pair of namespaces is a world of its own: every test may use the same.
  return "10.231.0." + std::to_string(side + 1);
}

bool TwoNamespaces::SetCable(bool plugged) {
  // Down at either end drops the carrier at both; both, to be sure.
  bool ok = true;
  for (int side : {0, 1}) {
    ok = Ip({"-n", Name(side), "link", "set", Device(side), plugged ? "up" : "down"}).empty() && ok;
  }
  return ok;
}

std::string TwoNamespaces::Name(int side) const {
  return "parley-test-" + base_ + (side == 0 ? "-a" : "-b");
}

std::string TwoNamespaces::Device(int side) const {
  // Interface names have at most 15 bytes.
  return "pv" + base_.substr(0, 11) + (side == 0 ? "a" : "b");
}

}  // namespace parley::testing
