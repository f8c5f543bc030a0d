#include "client/render/human.h"

#include <algorithm>
#include <vector>

#include "client/render/table.h"
#include "client/render/text.h"
#include "client/render/time.h"

namespace parley::client::render {

namespace {

using i18n::Lang;
using i18n::Text;

constexpr std::size_t kSafetyDigits = 60;
constexpr std::size_t kSafetyGroup = 5;
constexpr std::size_t kGroupsPerLine = 4;
constexpr std::size_t kWidth = 79;  // columns of wrapped explanations

std::string Safe(const std::string& text) { return ForTerminal(text); }

}  // namespace

std::string StateWord(api::MessageState state, Lang lang) {
  switch (state) {
    case api::SENT:
      return Text(lang, "state.sent");
    case api::DELIVERED:
      return Text(lang, "state.delivered");
    default:
      return Text(lang, "state.queued");
  }
}

std::string TrustWord(api::Trust trust, Lang lang) {
  return Text(lang, trust == api::TRUST_VERIFIED ? "trust.verified" : "trust.unverified");
}

std::string StatusText(const api::StatusReply& status, Lang lang) {
  std::vector<std::pair<std::string, std::string>> rows;
  if (!status.name().empty()) rows.emplace_back(Text(lang, "status.name"), Safe(status.name()));
  rows.emplace_back(Text(lang, "status.fingerprint"), Safe(status.fingerprint()));
  rows.emplace_back(Text(lang, "status.listen"), Safe(status.listen()));
  rows.emplace_back(Text(lang, "status.contacts"), std::to_string(status.contacts()));
  rows.emplace_back(Text(lang, "status.requests"), std::to_string(status.pending_requests()));
  rows.emplace_back(Text(lang, "status.queued"), std::to_string(status.queued_messages()));
  rows.emplace_back(Text(lang, "status.version"), Safe(status.version()));
  std::size_t width = 0;
  for (const auto& row : rows) width = std::max(width, DisplayWidth(row.first) + 1);
  std::string out;
  for (const auto& [label, value] : rows) out += PadRight(label + ":", width) + "  " + value + "\n";
  if (status.pending_requests() > 0) out += "\n" + Text(lang, "status.requests_hint") + "\n";
  return out;
}

std::string ContactAddedText(const api::Contact& contact, Lang lang) {
  return Wrap(
             Text(lang, "contacts.added",
                  {{"alias", Safe(contact.alias())}, {"fingerprint", Safe(contact.fingerprint())}}),
             kWidth) +
         "\n";
}

std::string ContactAcceptedText(const api::Contact& contact, Lang lang) {
  std::string name = contact.name().empty() ? contact.fingerprint() : contact.name();
  return Text(lang, "contacts.accepted", {{"alias", Safe(contact.alias())}, {"name", Safe(name)}}) +
         "\n";
}

std::string ContactsText(const api::ContactList& contacts, Lang lang) {
  if (contacts.contacts().empty()) return Text(lang, "contacts.none") + "\n";
  Table table({Text(lang, "col.alias"), Text(lang, "col.name"), Text(lang, "col.trust"),
               Text(lang, "col.online"), Text(lang, "col.fingerprint")});
  for (const auto& contact : contacts.contacts()) {
    table.AddRow({Safe(contact.alias()), Safe(contact.name()), TrustWord(contact.trust(), lang),
                  Text(lang, contact.online() ? "online.yes" : "online.no"),
                  Safe(contact.fingerprint())});
  }
  return table.Render();
}

std::string SafetyNumberLines(const std::string& safety_number) {
  std::string digits;
  for (char c : safety_number) {
    if (c >= '0' && c <= '9') digits += c;
  }
  if (digits.size() != kSafetyDigits) return "  " + Safe(safety_number) + "\n";
  std::string out;
  const std::size_t groups = kSafetyDigits / kSafetyGroup;
  for (std::size_t g = 0; g < groups; ++g) {
    out += g % kGroupsPerLine == 0 ? "  " : " ";
    out += digits.substr(g * kSafetyGroup, kSafetyGroup);
    if (g % kGroupsPerLine == kGroupsPerLine - 1) out += '\n';
  }
  return out;
}

std::string VerifyText(const api::VerifyContactReply& verify, bool confirmed, Lang lang) {
  const std::string alias = Safe(verify.alias());
  std::string out = Text(lang, "verify.title", {{"alias", alias}}) + "\n\n";
  out += SafetyNumberLines(verify.safety_number());
  out += "\n";
  if (confirmed && verify.trust() == api::TRUST_VERIFIED) {
    out += Text(lang, "verify.confirmed", {{"alias", alias}}) + "\n";
  } else if (verify.trust() == api::TRUST_VERIFIED) {
    out += Text(lang, "verify.already", {{"alias", alias}}) + "\n";
  } else {
    out += Wrap(Text(lang, "verify.compare", {{"alias", alias}}), kWidth) + "\n";
  }
  return out;
}

std::string RequestsText(const api::FirstContactList& requests, Lang lang) {
  if (requests.requests().empty()) return Text(lang, "requests.none") + "\n";
  Table table({Text(lang, "col.id"), Text(lang, "col.name"), Text(lang, "col.messages"),
               Text(lang, "col.received"), Text(lang, "col.fingerprint")});
  for (const auto& request : requests.requests()) {
    table.AddRow({std::to_string(request.id()), Safe(request.name()),
                  std::to_string(request.messages()), LocalDateTime(request.received_at_ms()),
                  Safe(request.fingerprint())});
  }
  return table.Render() + "\n" + Text(lang, "requests.hint") + "\n";
}

std::string SendText(const std::string& alias, const api::SendReply& send, Lang lang) {
  return Text(lang, "send.queued", {{"alias", Safe(alias)}, {"id", Safe(send.id())}}) + "\n";
}

std::string MessagesText(const std::string& alias, const api::MessageList& messages, Lang lang) {
  if (messages.messages().empty())
    return Text(lang, "messages.none", {{"alias", Safe(alias)}}) + "\n";
  Table table({Text(lang, "col.time"), Text(lang, "col.from"), Text(lang, "col.state"),
               Text(lang, "col.text")});
  const std::string me = Text(lang, "messages.me");
  for (const auto& message : messages.messages()) {
    const bool out = message.direction() == api::OUT;
    table.AddRow({LocalDateTime(message.time_ms()), out ? me : Safe(alias),
                  out ? StateWord(message.state(), lang) : std::string(),
                  ForTerminal(message.text(), /*keep_newlines=*/true)});
  }
  return table.Render();
}

}  // namespace parley::client::render
