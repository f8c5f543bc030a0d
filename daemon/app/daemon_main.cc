#include "daemon/app/daemon_main.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <spdlog/spdlog.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zmq.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "crypto/fingerprint.h"
#include "crypto/password_hash.h"
#include "crypto/random.h"
#include "daemon/app/command_line.h"
#include "daemon/app/messages.h"
#include "daemon/app/passphrase.h"
#include "daemon/directory/charter.h"
#include "daemon/directory/directory.h"
#include "daemon/identity/card.h"
#include "daemon/identity/node_identity.h"
#include "daemon/node/node.h"
#include "daemon/store/node_table.h"
#include "daemon/store/store.h"
#include "daemon/util/clock.h"
#include "daemon/util/log.h"
#include "proto/local_paths.h"

#ifndef PARLEY_VERSION
#define PARLEY_VERSION "0.0.0"
#endif

namespace parley::app {

namespace {

std::atomic<bool> g_stop{false};

void OnSignal(int) { g_stop.store(true); }

class Console {
 public:
  explicit Console(Language language) : language_(language) {}
  int Fail(int code, Text text, std::string_view a = {}, std::string_view b = {}) const {
    std::cerr << Message(language_, text, a, b) << std::endl;
    return code;
  }
  void Say(Text text, std::string_view a = {}, std::string_view b = {}) const {
    std::cout << Message(language_, text, a, b) << std::endl;
  }
  std::string Text_(Text text, std::string_view a = {}) const {
    return Message(language_, text, a);
  }
  Language language() const { return language_; }

 private:
  Language language_;
};

// "tcp://IP:PORT" for listening: port 0 asks for any free port.
bool SplitListen(const std::string& endpoint, std::string& host, int& port) {
  constexpr std::string_view kScheme = "tcp://";
  if (endpoint.rfind(kScheme, 0) != 0) return false;
  auto colon = endpoint.rfind(':');
  if (colon == std::string::npos || colon <= kScheme.size()) return false;
  host = endpoint.substr(kScheme.size(), colon - kScheme.size());
  std::string digits = endpoint.substr(colon + 1);
  if (digits.empty() || digits.size() > 5 ||
      digits.find_first_not_of("0123456789") != std::string::npos) {
    return false;
  }
  port = std::stoi(digits);
  return port <= 65535 &&
         (host == "*" || host == "0.0.0.0" || identity::IsValidEndpoint("tcp://" + host + ":1"));
}

// A free TCP port on `host` (IPv4), chosen by the kernel.
int PickFreePort(const std::string& host) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = 0;
  if (::inet_pton(AF_INET, host == "*" ? "0.0.0.0" : host.c_str(), &address.sin_addr) != 1 ||
      ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

bool EnsureHome(const std::string& home) {
  std::string partial;
  for (std::size_t at = 0; at != std::string::npos;) {
    at = home.find('/', at + 1);
    partial = home.substr(0, at);
    if (!partial.empty()) ::mkdir(partial.c_str(), 0700);
  }
  struct stat st {};
  if (::stat(home.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return false;
  return ::chmod(home.c_str(), 0700) == 0;
}

int FailFromStatus(const Console& console, const Status& status, const std::string& home) {
  switch (status.code()) {
    case Status::Code::kWrongPassphrase:
      return console.Fail(kExitWrongPassphrase, Text::kWrongPassphrase, home);
    case Status::Code::kNotFound:
      return console.Fail(kExitNoStore, Text::kNoStore, home);
    case Status::Code::kAlreadyExists:
      return console.Fail(kExitNoStore, Text::kStoreExists, home);
    case Status::Code::kCorrupt:
      return console.Fail(kExitFailure, Text::kStoreDamaged, home, status.message());
    case Status::Code::kDiskFull:
      return console.Fail(kExitFailure, Text::kDiskFull, status.message());
    default:
      return console.Fail(kExitFailure, Text::kFailed, status.message());
  }
}

std::optional<Passphrase> GetPassphrase(const Console& console, const CommandLine& line,
                                        const std::string& home, bool confirm, int& exit_code) {
  PassphraseSource tried = PassphraseSource::kNone;
  auto passphrase =
      ReadPassphrase(line.passphrase_file, console.Text_(Text::kPassphrasePrompt, home),
                     confirm ? console.Text_(Text::kPassphraseRepeat) : std::string(), tried);
  if (!passphrase) {
    if (tried == PassphraseSource::kTerminal && confirm) {
      exit_code = console.Fail(kExitUsage, Text::kPassphraseMismatch);
    } else if (tried == PassphraseSource::kFile) {
      exit_code = console.Fail(kExitUsage, Text::kFailed, "cannot read " + line.passphrase_file);
    } else {
      exit_code = console.Fail(kExitUsage, Text::kNoPassphrase);
    }
    return std::nullopt;
  }
  if (passphrase->bytes.empty()) {
    exit_code = console.Fail(kExitUsage, Text::kPassphraseEmpty);
    return std::nullopt;
  }
  return passphrase;
}

// The charter in `path`, verified; nullopt (and the user told why) otherwise.
std::optional<directory::Charter> ReadCharter(const Console& console, const std::string& path,
                                              int& exit_code) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    exit_code = console.Fail(kExitUsage, Text::kNotACharter, path, "cannot read the file");
    return std::nullopt;
  }
  std::string text(directory::kMaxCharterBytes * 2, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  auto charter = directory::ParseCharterText(text);
  if (!charter.ok()) {
    exit_code = console.Fail(kExitUsage, Text::kNotACharter, path, charter.status().message());
    return std::nullopt;
  }
  return std::move(charter.value());
}

int RunInit(const Console& console, const CommandLine& line, const std::string& home) {
  if (!EnsureHome(home)) return console.Fail(kExitFailure, Text::kFailed, "cannot create " + home);
  if (store::Store::Exists(home)) return console.Fail(kExitNoStore, Text::kStoreExists, home);
  std::optional<directory::Charter> charter;
  if (!line.charter.empty()) {
    int exit_code = kExitOk;
    charter = ReadCharter(console, line.charter, exit_code);
    if (!charter) return exit_code;
  }

  std::string listen = line.listen.empty() ? "tcp://127.0.0.1:0" : line.listen;
  std::string host;
  int port = 0;
  if (!SplitListen(listen, host, port))
    return console.Fail(kExitUsage, Text::kInvalidEndpoint, listen);
  if (port == 0) {
    port = PickFreePort(host);
    if (port <= 0) return console.Fail(kExitCannotListen, Text::kCannotListen, listen);
    listen = "tcp://" + host + ":" + std::to_string(port);
  }
  std::string announce = line.announce;
  if (announce.empty()) {
    if (host == "*" || host == "0.0.0.0")
      return console.Fail(kExitUsage, Text::kNeedsAnnounce, listen);
    announce = listen;
  }
  if (!identity::IsValidEndpoint(announce))
    return console.Fail(kExitUsage, Text::kInvalidEndpoint, announce);

  crypto::PasswordHashCost cost;
  if (line.kdf == "moderate") {
    cost = crypto::PasswordHashCost::Moderate();
  } else if (line.kdf == "interactive") {
    cost = crypto::PasswordHashCost::Interactive();
  } else {
    return console.Fail(kExitUsage, Text::kUnknownKdf);
  }
  int exit_code = kExitOk;
  auto passphrase = GetPassphrase(console, line, home, /*confirm=*/true, exit_code);
  if (!passphrase) return exit_code;

  auto store = store::Store::Create(home, passphrase->bytes.view(), cost, crypto::SystemRandom());
  if (!store.ok()) return FailFromStatus(console, store.status(), home);
  SystemClock clock;
  auto identity = identity::CreateNodeIdentity(*store.value(), line.name, listen, announce,
                                               clock.NowUnixMs(), crypto::SystemRandom());
  if (identity.ok() && charter) {
    Status joined = directory::Directory::JoinNetwork(*store.value(), *charter);
    if (!joined.ok()) identity = joined;
  }
  if (!identity.ok()) {
    store.value().reset();
    store::RemoveStoreFiles(home);
    if (identity.status().code() == Status::Code::kInvalidArgument) {
      return console.Fail(kExitUsage, Text::kFailed, identity.status().message());
    }
    return FailFromStatus(console, identity.status(), home);
  }
  console.Say(Text::kInitialized, line.name, home);
  if (charter) {
    console.Say(Text::kJoinedNetwork, charter->name, crypto::Fingerprint(charter->signer));
  }
  console.Say(Text::kInitNext, home);
  return kExitOk;
}

// Held for the daemon's lifetime: one node per home.
class HomeLock {
 public:
  explicit HomeLock(const std::string& home)
      : fd_(::open((home + "/parleyd.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600)) {}
  ~HomeLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  bool TryLock() { return fd_ >= 0 && ::flock(fd_, LOCK_EX | LOCK_NB) == 0; }

 private:
  int fd_;
};

// The home's store, opened with the user's passphrase; `lock` then holds
// the home for as long as the caller keeps it. Null (and `exit_code` set, the
// user told why) otherwise.
std::unique_ptr<store::Store> OpenOwnStore(const Console& console, const CommandLine& line,
                                           const std::string& home, std::unique_ptr<HomeLock>& lock,
                                           int& exit_code) {
  if (!store::Store::Exists(home)) {
    exit_code = console.Fail(kExitNoStore, Text::kNoStore, home);
    return nullptr;
  }
  if (::chmod(home.c_str(), 0700) != 0) {
    exit_code = console.Fail(kExitFailure, Text::kFailed, "chmod " + home);
    return nullptr;
  }
  lock = std::make_unique<HomeLock>(home);
  if (!lock->TryLock()) {
    exit_code = console.Fail(kExitAlreadyRunning, Text::kAlreadyRunning, home);
    return nullptr;
  }
  auto passphrase = GetPassphrase(console, line, home, /*confirm=*/false, exit_code);
  if (!passphrase) return nullptr;
  store::StoreOptions options;
  if (line.durability == "power-loss") options.durability = store::Durability::kPowerLoss;
  auto store = store::Store::Open(home, passphrase->bytes.view(), options);
  passphrase.reset();  // wiped: the derived key is all the store needs
  if (!store.ok()) {
    exit_code = FailFromStatus(console, store.status(), home);
    return nullptr;
  }
  return std::move(store.value());
}

// `parleyd network create`: this node's store gains an anchor key and the
// network's first charter, which is also written to --out for the members.
int RunNetworkCreate(const Console& console, const CommandLine& line, const std::string& home) {
  std::unique_ptr<HomeLock> lock;
  int exit_code = kExitOk;
  auto store = OpenOwnStore(console, line, home, lock, exit_code);
  if (!store) return exit_code;

  SystemClock clock;
  auto charter = directory::Directory::CreateNetwork(
      *store, line.name, static_cast<std::uint64_t>(clock.NowUnixMs()), crypto::SystemRandom());
  if (!charter.ok()) {
    if (charter.status().code() == Status::Code::kAlreadyExists)
      return console.Fail(kExitUsage, Text::kAlreadyInNetwork);
    if (charter.status().code() == Status::Code::kInvalidArgument)
      return console.Fail(kExitUsage, Text::kFailed, charter.status().message());
    return FailFromStatus(console, charter.status(), home);
  }
  // The charter is public: members need it to join.
  std::ofstream out(line.out, std::ios::trunc);
  out << charter->Text() << "\n";
  out.close();
  if (!out) return console.Fail(kExitFailure, Text::kCannotWrite, line.out);
  ::chmod(line.out.c_str(), 0644);
  console.Say(Text::kNetworkCreated, charter->name, line.out);
  console.Say(Text::kNetworkNext, crypto::Fingerprint(charter->signer), line.out);
  return kExitOk;
}

// `parleyd rotate-keys` (docs/protocol.md §9.6): new identity keys, handed
// over by the old ones in one transaction, while no daemon has the store.
int RunRotateKeys(const Console& console, const CommandLine& line, const std::string& home) {
  std::unique_ptr<HomeLock> lock;
  int exit_code = kExitOk;
  auto store = OpenOwnStore(console, line, home, lock, exit_code);
  if (!store) return exit_code;
  SystemClock clock;
  auto current = identity::LoadNodeIdentity(*store);
  if (!current.ok()) return FailFromStatus(console, current.status(), home);
  auto directory = directory::Directory::Load(*store, current.value()->identity.signing(),
                                              current.value()->name, clock);
  if (!directory.ok()) return FailFromStatus(console, directory.status(), home);
  if (!directory.value()->joined()) return console.Fail(kExitUsage, Text::kRotationNeedsNetwork);

  auto& db = store->db();
  Status status = db.Begin();
  if (!status.ok()) return FailFromStatus(console, status, home);
  auto rotated = identity::RotateNodeIdentity(*store, *current.value(), clock.NowUnixMs(),
                                              crypto::SystemRandom());
  status = rotated.ok() ? directory.value()->HandOver(rotated.value()->identity.signing(),
                                                      rotated.value()->Card().encoded)
                        : rotated.status();
  if (status.ok()) status = db.Commit();
  if (!status.ok()) {
    db.Rollback();
    if (status.code() == Status::Code::kPermissionDenied)
      return console.Fail(kExitUsage, Text::kRotationRevoked);
    if (status.code() == Status::Code::kAlreadyExists)
      return console.Fail(kExitUsage, Text::kRotationKnown);
    if (status.code() == Status::Code::kInvalidArgument)
      return console.Fail(kExitUsage, Text::kRotationLimit,
                          std::to_string(directory::kMaxLineage - 1));
    return FailFromStatus(console, status, home);
  }
  console.Say(Text::kKeysRotated,
              crypto::Fingerprint(current.value()->identity.public_identity().identity_key),
              crypto::Fingerprint(rotated.value()->identity.public_identity().identity_key));
  return kExitOk;
}

int RunNode(const Console& console, const CommandLine& line, const std::string& home) {
  std::unique_ptr<HomeLock> lock;
  int exit_code = kExitOk;
  auto store = OpenOwnStore(console, line, home, lock, exit_code);
  if (!store) return exit_code;
  auto identity = identity::LoadNodeIdentity(*store);
  if (!identity.ok()) return FailFromStatus(console, identity.status(), home);

  if (!line.listen.empty() && line.listen != identity.value()->listen) {
    std::string host;
    int port = 0;
    if (!SplitListen(line.listen, host, port) || port == 0) {
      return console.Fail(kExitUsage, Text::kInvalidEndpoint, line.listen);
    }
    auto& node_identity = *identity.value();
    if (node_identity.announce == node_identity.listen) node_identity.announce = line.listen;
    node_identity.listen = line.listen;
    Status updated =
        store::NodeTable(store->db()).UpdateEndpoints(node_identity.listen, node_identity.announce);
    if (!updated.ok()) return FailFromStatus(console, updated, home);
  }

  // Every connection and socket is a descriptor: allow as many as the system
  // lets this user have, not the default 1024.
  if (rlimit limit{}; ::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, rlim_t{1} << 20);
    ::setrlimit(RLIMIT_NOFILE, &limit);
  }
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  std::signal(SIGPIPE, SIG_IGN);

  spdlog::info(line.durability == "power-loss"
                   ? "durability: every commit is synced to disk (survives a power cut)"
                   : "durability: commits survive a crash of parleyd, not a power cut "
                     "(--durability power-loss for that)");
  SystemClock clock;
  node::NodeOptions options{home, PARLEY_VERSION,
                            std::getenv("PARLEY_TEST_DISABLE_ZAP") != nullptr};
  auto node = node::Node::Start(options, *store, *identity.value(), crypto::SystemRandom(), clock);
  if (!node.ok()) {
    if (node.status().code() == Status::Code::kUnavailable) {
      return console.Fail(kExitCannotListen, Text::kCannotListen, node.status().message());
    }
    return FailFromStatus(console, node.status(), home);
  }
  Status status = node.value()->Run(g_stop);
  if (!status.ok()) return FailFromStatus(console, status, home);
  return kExitOk;
}

}  // namespace

int DaemonMain(int argc, char** argv) {
  ::umask(077);  // every file the daemon creates is the owner's alone
  Language language = LanguageFromEnvironment();
  std::vector<std::string> args(argv + 1, argv + argc);
  ParseError error{};
  auto line = ParseCommandLine(args, language, error);
  if (!line) {
    for (std::size_t i = 0; i + 1 < args.size(); ++i) {
      if (args[i] == "--lang") language = ParseLanguage(args[i + 1], language);
    }
    return Console(language).Fail(kExitUsage, error.text, error.argument);
  }
  Console console(line->language);
  if (line->command == CommandLine::Command::kHelp) {
    std::cout << Message(line->language, Text::kUsage) << std::endl;
    return kExitOk;
  }
  if (line->command == CommandLine::Command::kVersion) {
    std::cout << "parleyd " << PARLEY_VERSION << std::endl;
    return kExitOk;
  }
  int major = 0, minor = 0, patch = 0;
  zmq_version(&major, &minor, &patch);
  if (ZMQ_MAKE_VERSION(major, minor, patch) < ZMQ_MAKE_VERSION(4, 3, 2)) {
    return console.Fail(
        kExitFailure, Text::kOldZmq,
        std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch));
  }
  auto home = paths::ResolveHome(line->home);
  if (!home) return console.Fail(kExitUsage, Text::kNoHome);
  if (!paths::SocketPathsFit(*home)) return console.Fail(kExitUsage, Text::kHomeTooLong, *home);
  log::Init(line->log_level);
  switch (line->command) {
    case CommandLine::Command::kInit:
      return RunInit(console, *line, *home);
    case CommandLine::Command::kNetworkCreate:
      return RunNetworkCreate(console, *line, *home);
    case CommandLine::Command::kRotateKeys:
      return RunRotateKeys(console, *line, *home);
    default:
      return RunNode(console, *line, *home);
  }
}

}  // namespace parley::app
