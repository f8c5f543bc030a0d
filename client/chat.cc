#include "client/chat.h"

#include <unistd.h>

#include <cerrno>
#include <unordered_map>

#include "client/i18n/errors.h"
#include "client/render/text.h"
#include "client/render/time.h"

namespace parley::client {

namespace {

using i18n::Text;

constexpr std::size_t kSnippetWidth = 40;
constexpr std::size_t kReadChunk = 4096;

class ChatSession {
 public:
  ChatSession(cli::Invocation& inv, std::string alias) : inv_(inv), alias_(std::move(alias)) {}

  Status Run() {
    if (Status connected = inv_.api.Connect(); !connected.ok()) return connected;
    if (Status subscribed = inv_.api.Subscribe(); !subscribed.ok()) return subscribed;
    if (Status history = ShowHistory(); !history.ok()) return history;
    if (inv_.io.stdin_tty) Print(Text(inv_.lang, "chat.header", {{"alias", SafeAlias()}}));
    return Loop();
  }

 private:
  struct Known {
    bool outgoing;
    api::MessageState state;
    std::string snippet;
  };

  std::string SafeAlias() const { return render::ForTerminal(alias_); }

  void Print(const std::string& line) { inv_.io.out << line << std::endl; }

  void PrintError(const Failure& failure) {
    inv_.io.err << "parley: " << Text(inv_.lang, failure.key, failure.params) << std::endl;
  }

  std::string Stamp(std::uint64_t time_ms) const {
    const std::uint64_t now = render::NowMs();
    if (render::LocalDateTime(time_ms).substr(0, 10) == render::LocalDateTime(now).substr(0, 10)) {
      return "[" + render::LocalClock(time_ms) + "]";
    }
    return "[" + render::LocalDateTime(time_ms) + "]";
  }

  std::string Body(const std::string& text) const {
    std::string body = render::ForTerminal(text, /*keep_newlines=*/true);
    std::string out;
    for (char c : body) {
      out += c;
      if (c == '\n') out += "    ";
    }
    return out;
  }

  static std::string Marks(api::MessageState state) {
    switch (state) {
      case api::SENT:
        return "  ✓";
      case api::DELIVERED:
        return "  ✓✓";
      default:
        return "";
    }
  }

  void Remember(const api::Message& message) {
    known_[message.id()] = {message.direction() == api::OUT, message.state(),
                            render::Shorten(render::ForTerminal(message.text()), kSnippetWidth)};
  }

  void PrintMessage(const api::Message& message, bool with_marks) {
    const bool outgoing = message.direction() == api::OUT;
    const std::string who = outgoing ? Text(inv_.lang, "messages.me") : SafeAlias();
    std::string line = Stamp(message.time_ms()) + " " + who + ": " + Body(message.text());
    if (outgoing && with_marks) line += Marks(message.state());
    Print(line);
  }

  Status ShowHistory() {
    api::Request request;
    request.mutable_list_messages()->set_alias(alias_);
    request.mutable_list_messages()->set_limit(cli::kChatHistory);
    auto reply = inv_.api.Call(std::move(request), api::Reply::kMessages);
    if (!reply.ok()) return reply.failure();
    for (const auto& message : reply->messages().messages()) {
      if (known_.count(message.id()) > 0) continue;
      Remember(message);
      PrintMessage(message, /*with_marks=*/true);
    }
    // Events that raced the history are handled (and de-duplicated) now.
    DrainEvents();
    return {};
  }

  void DrainEvents() {
    while (auto event = inv_.api.NextEvent()) HandleEvent(*event);
  }

  void HandleEvent(const api::Event& event) {
    switch (event.kind_case()) {
      case api::Event::kMessage: {
        const auto& received = event.message();
        if (received.alias() != alias_) return;
        if (known_.count(received.message().id()) > 0) return;
        Remember(received.message());
        PrintMessage(received.message(), /*with_marks=*/false);
        return;
      }
      case api::Event::kDelivery: {
        const auto& delivery = event.delivery();
        if (delivery.alias() != alias_) return;
        auto it = known_.find(delivery.id());
        std::string snippet;
        if (it != known_.end()) {
          if (!it->second.outgoing || delivery.state() <= it->second.state) return;
          it->second.state = delivery.state();
          snippet = it->second.snippet;
        } else {
          known_[delivery.id()] = {true, delivery.state(), ""};
          snippet = "id " + render::ForTerminal(delivery.id().substr(0, 8));
        }
        if (delivery.state() == api::SENT) {
          Print(Text(inv_.lang, "chat.sent", {{"text", snippet}}));
        } else if (delivery.state() == api::DELIVERED) {
          Print(Text(inv_.lang, "chat.delivered", {{"text", snippet}}));
        }
        return;
      }
      case api::Event::kContact: {
        const auto& contact = event.contact();
        if (contact.alias() != alias_) return;
        if (contact.change() == api::ContactEvent::ONLINE) {
          Print(Text(inv_.lang, "chat.online", {{"alias", SafeAlias()}}));
        } else if (contact.change() == api::ContactEvent::OFFLINE) {
          Print(Text(inv_.lang, "chat.offline", {{"alias", SafeAlias()}}));
        }
        return;
      }
      default:
        return;
    }
  }

  // Sends `text`; a failure is returned only when the chat cannot go on.
  Status Send(const std::string& text) {
    if (text.size() > cli::kMaxTextBytes || !render::IsValidUtf8(text)) {
      api::Error error;
      error.set_code(api::MESSAGE_TOO_LONG);
      error.set_detail(std::to_string(cli::kMaxTextBytes));
      PrintError(render::IsValidUtf8(text) ? i18n::DaemonFailure(error)
                                           : Failure::Local("not_utf8", "error.stdin_not_utf8"));
      return {};
    }
    api::Request request;
    request.mutable_send()->set_alias(alias_);
    request.mutable_send()->set_text(text);
    auto reply = inv_.api.Call(std::move(request), api::Reply::kSend);
    if (!reply.ok()) {
      if (reply.failure().kind != FailureKind::kDaemon) return reply.failure();
      PrintError(reply.failure());
      return {};
    }
    api::Message message;
    message.set_id(reply->send().id());
    message.set_direction(api::OUT);
    message.set_text(text);
    message.set_state(api::QUEUED);
    message.set_time_ms(render::NowMs());
    if (known_.count(message.id()) == 0) Remember(message);
    PrintMessage(message, /*with_marks=*/false);
    return {};
  }

  // One line typed by the user. Sets quit_ to leave.
  Status HandleLine(std::string line) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) return {};
    if (line == "/quit" || line == "/exit") {
      quit_ = true;
      return {};
    }
    if (line == "/help") {
      Print(Text(inv_.lang, "chat.help"));
      return {};
    }
    if (line.rfind("//", 0) == 0) return Send(line.substr(1));
    if (line[0] == '/') {
      std::string command = line.substr(0, line.find(' '));
      inv_.io.err << "parley: "
                  << Text(inv_.lang, "chat.unknown_command",
                          {{"command", render::ForTerminal(command)}})
                  << std::endl;
      return {};
    }
    return Send(line);
  }

  // Feeds bytes read from standard input; complete lines are handled.
  Status Feed(std::string_view bytes) {
    for (char c : bytes) {
      if (c != '\n') {
        // A line longer than any message can be is dropped, not buffered forever.
        if (pending_.size() > cli::kMaxTextBytes) {
          overlong_ = true;
          pending_.clear();
        }
        pending_ += c;
        continue;
      }
      std::string line;
      line.swap(pending_);
      if (overlong_) {
        overlong_ = false;
        api::Error error;
        error.set_code(api::MESSAGE_TOO_LONG);
        error.set_detail(std::to_string(cli::kMaxTextBytes));
        PrintError(i18n::DaemonFailure(error));
        continue;
      }
      if (Status status = HandleLine(std::move(line)); !status.ok()) return status;
      if (quit_) return {};
    }
    return {};
  }

  Status Loop() {
    char buffer[kReadChunk];
    while (!quit_) {
      zmq::pollitem_t items[] = {
          {inv_.api.events_socket().handle(), 0, ZMQ_POLLIN, 0},
          {nullptr, inv_.io.in_fd, ZMQ_POLLIN, 0},
      };
      try {
        zmq::poll(items, 2, std::chrono::milliseconds(-1));
      } catch (const zmq::error_t& error) {
        if (error.num() == EINTR) continue;
        throw;
      }
      if (items[0].revents & ZMQ_POLLIN) DrainEvents();
      if (items[1].revents & (ZMQ_POLLIN | ZMQ_POLLERR)) {
        ssize_t n = ::read(inv_.io.in_fd, buffer, sizeof buffer);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (n <= 0) {  // end of input (or an unreadable stdin): send what is left, then leave
          if (!pending_.empty() && !overlong_) {
            if (Status status = HandleLine(std::move(pending_)); !status.ok()) return status;
          }
          DrainEvents();
          return {};
        }
        if (Status status = Feed(std::string_view(buffer, static_cast<std::size_t>(n)));
            !status.ok()) {
          return status;
        }
      }
    }
    return {};
  }

  cli::Invocation& inv_;
  std::string alias_;
  std::unordered_map<std::string, Known> known_;  // by message id
  std::string pending_;                           // a partial input line
  bool overlong_ = false;  // the pending line was too long and is being dropped
  bool quit_ = false;
};

}  // namespace

Status RunChat(cli::Invocation& inv) {
  ChatSession session(inv, inv.operands[0]);
  return session.Run();
}

}  // namespace parley::client
