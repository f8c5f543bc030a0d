#include "client/cli/commands.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "client/chat.h"
#include "client/cli/help.h"
#include "client/i18n/errors.h"
#include "client/qr.h"
#include "client/render/human.h"
#include "client/render/text.h"

namespace parley::client::cli {

std::string Invocation::Option(std::string_view option) const {
  auto it = options.find(std::string(option));
  return it == options.end() ? std::string() : it->second;
}

void Invocation::Emit(const render::Json& document, const std::string& human) const {
  if (json) {
    io.out << render::Dump(document) << '\n';
  } else {
    io.out << human;
  }
  io.out.flush();
}

std::string CommandSpec::Id() const {
  std::string id(name);
  for (char& c : id) {
    if (c == ' ') c = '_';
  }
  return id;
}

namespace {

Failure TooLong() {
  api::Error error;
  error.set_code(api::MESSAGE_TOO_LONG);
  error.set_detail(std::to_string(kMaxTextBytes));
  return i18n::DaemonFailure(error);
}

// The whole of standard input, at most kMaxTextBytes, without trailing newlines.
Result<std::string> ReadText(int fd) {
  std::string text;
  char buffer[4096];
  while (true) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0)
      return Failure::Local("stdin", "error.stdin_read", {{"reason", std::strerror(errno)}});
    if (n == 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
    if (text.size() > kMaxTextBytes + 2) return TooLong();  // +2: a final "\r\n"
  }
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  if (!render::IsValidUtf8(text)) return Failure::Local("not_utf8", "error.stdin_not_utf8");
  return text;
}

// ------------------------------------------------------------------ handlers

Status RunStatus(Invocation& inv) {
  api::Request request;
  request.mutable_status();
  auto reply = inv.api.Call(std::move(request), api::Reply::kStatus);
  if (!reply.ok()) return reply.failure();
  inv.Emit(render::StatusJson(reply->status()), render::StatusText(reply->status(), inv.lang));
  return {};
}

Status RunInvite(Invocation& inv) {
  api::Request request;
  request.mutable_invite();
  auto reply = inv.api.Call(std::move(request), api::Reply::kInvite);
  if (!reply.ok()) return reply.failure();
  const std::string& card = reply->invite().card();
  if (inv.json) {  // --qr adds nothing to a JSON document
    inv.Emit(render::InviteJson(reply->invite()), {});
    return {};
  }
  std::string human = render::ForTerminal(card) + "\n";
  if (inv.Has("qr")) {
    if (auto qr = RenderQr(card)) {
      human += "\n" + *qr;
    } else {
      inv.io.err << "parley: " << i18n::Text(inv.lang, "warning.qr_too_long") << '\n';
    }
  }
  if (inv.io.stdout_tty) human += "\n" + i18n::Text(inv.lang, "invite.hint") + "\n";
  inv.Emit({}, human);
  return {};
}

Status RunContactsAdd(Invocation& inv) {
  api::Request request;
  request.mutable_add_contact()->set_card(inv.operands[0]);
  request.mutable_add_contact()->set_alias(inv.Option("alias"));
  auto reply = inv.api.Call(std::move(request), api::Reply::kContact);
  if (!reply.ok()) return reply.failure();
  inv.Emit(render::ContactJson(reply->contact()),
           render::ContactAddedText(reply->contact(), inv.lang));
  return {};
}

Status RunContactsList(Invocation& inv) {
  api::Request request;
  request.mutable_list_contacts();
  auto reply = inv.api.Call(std::move(request), api::Reply::kContacts);
  if (!reply.ok()) return reply.failure();
  inv.Emit(render::ContactsJson(reply->contacts()),
           render::ContactsText(reply->contacts(), inv.lang));
  return {};
}

Status RunContactsVerify(Invocation& inv) {
  api::Request request;
  request.mutable_verify_contact()->set_alias(inv.operands[0]);
  request.mutable_verify_contact()->set_confirm(inv.Has("confirm"));
  auto reply = inv.api.Call(std::move(request), api::Reply::kVerifyContact);
  if (!reply.ok()) return reply.failure();
  inv.Emit(render::VerifyJson(reply->verify_contact()),
           render::VerifyText(reply->verify_contact(), inv.Has("confirm"), inv.lang));
  return {};
}

// The ID operand of "contacts accept" and "contacts reject".
std::optional<std::uint64_t> RequestId(const std::string& text) {
  if (text.empty() || text.size() > 19) return std::nullopt;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  return std::stoull(text);
}

Status RunContactsAccept(Invocation& inv) {
  auto id = RequestId(inv.operands[0]);
  if (!id) {
    return Failure::Usage("usage.bad_request_id", {{"value", inv.operands[0]}}, inv.command.Id());
  }
  api::Request request;
  request.mutable_accept_request()->set_id(*id);
  request.mutable_accept_request()->set_alias(inv.Option("alias"));
  auto reply = inv.api.Call(std::move(request), api::Reply::kContact);
  if (!reply.ok()) return reply.failure();
  inv.Emit(render::ContactJson(reply->contact()),
           render::ContactAcceptedText(reply->contact(), inv.lang));
  return {};
}

Status RunContactsReject(Invocation& inv) {
  auto id = RequestId(inv.operands[0]);
  if (!id) {
    return Failure::Usage("usage.bad_request_id", {{"value", inv.operands[0]}}, inv.command.Id());
  }
  api::Request request;
  request.mutable_reject_request()->set_id(*id);
  auto reply = inv.api.Call(std::move(request), api::Reply::kRejected);
  if (!reply.ok()) return reply.failure();
  render::Json json = {{"id", reply->rejected().id()}, {"rejected", true}};
  inv.Emit(json, i18n::Text(inv.lang, "contacts.rejected",
                            {{"id", std::to_string(reply->rejected().id())}}));
  return {};
}

Status RunRequests(Invocation& inv) {
  api::Request request;
  request.mutable_list_requests();
  auto reply = inv.api.Call(std::move(request), api::Reply::kRequests);
  if (!reply.ok()) return reply.failure();
  inv.Emit(render::RequestsJson(reply->requests()),
           render::RequestsText(reply->requests(), inv.lang));
  return {};
}

Status RunSend(Invocation& inv) {
  const std::string& alias = inv.operands[0];
  std::string text;
  if (inv.operands.size() == 2 && inv.operands[1] == "-") {
    auto read = ReadText(inv.io.in_fd);
    if (!read.ok()) return read.failure();
    text = std::move(read.value());
  } else {
    for (std::size_t i = 1; i < inv.operands.size(); ++i) {
      if (i > 1) text += ' ';
      text += inv.operands[i];
    }
  }
  if (text.size() > kMaxTextBytes) return TooLong();
  api::Request request;
  request.mutable_send()->set_alias(alias);
  request.mutable_send()->set_text(text);
  auto reply = inv.api.Call(std::move(request), api::Reply::kSend);
  if (!reply.ok()) return reply.failure();
  inv.Emit(render::SendJson(reply->send()), render::SendText(alias, reply->send(), inv.lang));
  return {};
}

Status RunMessages(Invocation& inv) {
  std::uint32_t limit = 0;
  if (inv.Has("limit")) {
    const std::string value = inv.Option("limit");
    bool valid = !value.empty() && value.size() <= 5;
    for (char c : value) {
      if (c < '0' || c > '9') valid = false;
    }
    long parsed = valid ? std::stol(value) : 0;
    if (!valid || parsed < 1 || parsed > kMaxLimit) {
      return Failure::Usage("usage.bad_limit", {{"value", value}}, inv.command.Id());
    }
    limit = static_cast<std::uint32_t>(parsed);
  }
  api::Request request;
  request.mutable_list_messages()->set_alias(inv.operands[0]);
  request.mutable_list_messages()->set_limit(limit);
  auto reply = inv.api.Call(std::move(request), api::Reply::kMessages);
  if (!reply.ok()) return reply.failure();
  inv.Emit(render::MessagesJson(reply->messages()),
           render::MessagesText(inv.operands[0], reply->messages(), inv.lang));
  return {};
}

}  // namespace

const std::vector<CommandSpec>& CommandTable() {
  // name, synopsis, operands, required, rest, options, required options, json, daemon, handler
  static const std::vector<CommandSpec> kTable = {
      {"status", "", {}, 0, false, {}, {}, true, true, RunStatus},
      {"invite", "[--qr]", {}, 0, false, {"qr"}, {}, true, true, RunInvite},
      {"contacts add",
       "CARD --alias ALIAS",
       {"CARD"},
       1,
       false,
       {"alias"},
       {"alias"},
       true,
       true,
       RunContactsAdd},
      {"contacts list", "", {}, 0, false, {}, {}, true, true, RunContactsList},
      {"contacts verify",
       "ALIAS [--confirm]",
       {"ALIAS"},
       1,
       false,
       {"confirm"},
       {},
       true,
       true,
       RunContactsVerify},
      {"contacts accept",
       "ID [--alias ALIAS]",
       {"ID"},
       1,
       false,
       {"alias"},
       {},
       true,
       true,
       RunContactsAccept},
      {"contacts reject", "ID", {"ID"}, 1, false, {}, {}, true, true, RunContactsReject},
      {"requests", "", {}, 0, false, {}, {}, true, true, RunRequests},
      {"send", "ALIAS TEXT", {"ALIAS", "TEXT"}, 2, true, {}, {}, true, true, RunSend},
      {"messages",
       "ALIAS [--limit N]",
       {"ALIAS"},
       1,
       false,
       {"limit"},
       {},
       true,
       true,
       RunMessages},
      {"chat", "ALIAS", {"ALIAS"}, 1, false, {}, {}, false, true, RunChat},
      {"help", "[COMMAND]", {"COMMAND"}, 0, true, {}, {}, true, false, RunHelp},
  };
  return kTable;
}

const CommandSpec* FindCommand(std::string_view name) {
  for (const auto& command : CommandTable()) {
    if (command.name == name) return &command;
  }
  return nullptr;
}

}  // namespace parley::client::cli
