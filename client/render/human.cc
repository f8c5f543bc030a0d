#include "client/render/human.h"

#include <algorithm>
#include <cctype>
#include <string_view>
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
constexpr std::size_t kWidth = 79;       // columns of wrapped explanations
constexpr std::size_t kAreaIndent = 4;   // an area's name under its slug (network)
constexpr std::size_t kTopicIndent = 6;  // its topics under the name

constexpr std::size_t kFingerprintPrefixGroups = 2;  // FingerprintPrefix
constexpr std::size_t kNoteWidth = 36;               // the note column of `introductions`

constexpr std::string_view kEmptyField = "—";
constexpr std::string_view kSeparator = " · ";

std::string Safe(const std::string& text) { return ForTerminal(text); }

// `text` as is, or "—" when empty (an unset profile field).
std::string OrDash(const std::string& text) {
  return text.empty() ? std::string(kEmptyField) : Safe(text);
}

// The non-empty parts, joined by `separator`.
std::string Joined(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const auto& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

std::string List(const google::protobuf::RepeatedPtrField<std::string>& items) {
  std::vector<std::string> safe;
  for (const auto& item : items) safe.push_back(Safe(item));
  return Joined(safe, ", ");
}

// Every line of `text` wrapped to `width` columns on its own (Wrap alone
// would join the lines of a paragraph).
std::string WrapLines(const std::string& text, std::size_t width) {
  std::string out;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find('\n', start);
    const std::string line = text.substr(start, end == std::string::npos ? end : end - start);
    if (!out.empty() || start > 0) out += '\n';
    // Leading spaces would make Wrap keep the line unwrapped; they carry no meaning here.
    const auto first = line.find_first_not_of(' ');
    out += first == std::string::npos ? std::string() : Wrap(line.substr(first), width);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

// `text` with every line after the first indented by `indent` spaces.
std::string IndentFollowing(const std::string& text, std::size_t indent) {
  std::string out;
  for (char c : text) {
    out += c;
    if (c == '\n') out.append(indent, ' ');
  }
  return out;
}

// "Label:  value" lines with the values aligned; a value's further lines are
// indented to its column.
std::string LabelledRows(const std::vector<std::pair<std::string, std::string>>& rows) {
  std::size_t width = 0;
  for (const auto& row : rows) width = std::max(width, DisplayWidth(row.first) + 1);
  std::string out;
  for (const auto& [label, value] : rows) {
    out += PadRight(label + ":", width) + "  " + IndentFollowing(value, width + 2) + "\n";
  }
  return out;
}

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
  switch (trust) {
    case api::TRUST_VERIFIED:
      return Text(lang, "trust.verified");
    case api::TRUST_KEY_CHANGED:
      return Text(lang, "trust.key_changed");
    default:
      return Text(lang, "trust.unverified");
  }
}

std::string DirectoryTrustWord(api::DirectoryTrust trust, Lang lang) {
  switch (trust) {
    case api::DIRECTORY_TRUST_SELF:
      return Text(lang, "directory.trust_self");
    case api::DIRECTORY_TRUST_VERIFIED:
      return Text(lang, "directory.trust_verified");
    case api::DIRECTORY_TRUST_CONTACT:
      return Text(lang, "directory.trust_contact");
    case api::DIRECTORY_TRUST_ENDORSED:
      return Text(lang, "directory.trust_endorsed");
    case api::DIRECTORY_TRUST_REVOKED:
      return Text(lang, "directory.trust_revoked");
    case api::DIRECTORY_TRUST_KEY_CHANGED:
      return Text(lang, "directory.trust_key_changed");
    default:
      return Text(lang, "directory.trust_unknown");
  }
}

std::string FingerprintPrefix(const std::string& fingerprint) {
  std::size_t end = 0;
  std::size_t from = 0;
  for (std::size_t group = 0; group < kFingerprintPrefixGroups; ++group) {
    end = fingerprint.find(' ', from);
    if (end == std::string::npos) return Safe(fingerprint);
    from = end + 1;
  }
  return Safe(fingerprint.substr(0, end));
}

std::string EndorsementText(const api::Endorsement& endorsement, Lang lang) {
  const std::string anchor = FingerprintPrefix(endorsement.anchor_fingerprint());
  if (endorsement.endorser_is_anchor()) {
    return Text(lang, "trust.endorsed_by_anchor", {{"anchor", anchor}});
  }
  const std::string name = endorsement.endorser_name().empty()
                               ? FingerprintPrefix(endorsement.endorser_fingerprint())
                               : Safe(endorsement.endorser_name());
  return Text(lang, "trust.endorsed_by_contact_point",
              {{"name", name}, {"state", Safe(endorsement.state())}, {"anchor", anchor}});
}

std::vector<std::string> TrustLines(
    api::DirectoryTrust trust,
    const google::protobuf::RepeatedPtrField<api::Endorsement>& endorsements, Lang lang) {
  std::vector<std::string> lines;
  if (trust != api::DIRECTORY_TRUST_ENDORSED || endorsements.empty()) {
    lines.push_back(DirectoryTrustWord(trust, lang));
  }
  if (trust == api::DIRECTORY_TRUST_REVOKED) return lines;
  for (const auto& endorsement : endorsements) lines.push_back(EndorsementText(endorsement, lang));
  return lines;
}

std::string WithIntroducer(const std::string& trust, const std::string& introduced_by, Lang lang) {
  if (introduced_by.empty()) return trust;
  return Text(lang, "trust.introduced_by", {{"trust", trust}, {"alias", Safe(introduced_by)}});
}

std::string LocalName(const std::string& name_en, const std::string& name_ru, Lang lang) {
  const std::string& preferred = lang == Lang::kRu ? name_ru : name_en;
  return preferred.empty() ? (lang == Lang::kRu ? name_en : name_ru) : preferred;
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
  std::string out = LabelledRows(rows);
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
  // The endorsement column only when someone is endorsed: it is the widest,
  // so it comes last, where the table allows a cell of several lines.
  const bool endorsed =
      std::any_of(contacts.contacts().begin(), contacts.contacts().end(),
                  [](const api::Contact& contact) { return !contact.endorsements().empty(); });
  std::vector<std::string> headers = {Text(lang, "col.alias"), Text(lang, "col.name"),
                                      Text(lang, "col.trust"), Text(lang, "col.online"),
                                      Text(lang, "col.fingerprint")};
  if (endorsed) headers.push_back(Text(lang, "col.endorsement"));
  Table table(std::move(headers));
  for (const auto& contact : contacts.contacts()) {
    std::vector<std::string> row = {
        Safe(contact.alias()), Safe(contact.name()),
        contact.revoked()
            ? Text(lang, "trust.revoked")
            : WithIntroducer(TrustWord(contact.trust(), lang), contact.introduced_by(), lang),
        Text(lang, contact.online() ? "online.yes" : "online.no"), Safe(contact.fingerprint())};
    if (endorsed) {
      std::vector<std::string> lines;
      for (const auto& endorsement : contact.endorsements()) {
        if (contact.revoked()) break;  // a revoked key's endorsements vouch for nothing
        lines.push_back(EndorsementText(endorsement, lang));
      }
      row.push_back(Joined(lines, "\n"));
    }
    table.AddRow(std::move(row));
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
  } else if (verify.trust() == api::TRUST_KEY_CHANGED) {
    out += Wrap(Text(lang, "verify.key_changed", {{"alias", alias}}), kWidth) + "\n";
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

// The charter's anchors, a line each, the first (which signs amendments) marked.
std::string AnchorLines(const api::NetworkReply& network, Lang lang) {
  if (network.anchor_fingerprints().empty()) return OrDash(network.charter_fingerprint());
  std::vector<std::string> lines;
  for (const auto& fingerprint : network.anchor_fingerprints()) {
    lines.push_back(lines.empty() && network.anchor_fingerprints_size() > 1
                        ? Text(lang, "network.anchor_first", {{"fingerprint", Safe(fingerprint)}})
                        : Safe(fingerprint));
  }
  return Joined(lines, "\n");
}

std::string NetworkText(const api::NetworkReply& network, Lang lang) {
  std::string out = LabelledRows({
      {Text(lang, "network.name"), OrDash(network.name())},
      {Text(lang, "network.id"), OrDash(network.network_id())},
      {Text(lang, "network.charter_version"), std::to_string(network.charter_version())},
      {Text(lang, "network.anchor"), Text(lang, network.first_anchor() ? "network.anchor_first_yes"
                                                : network.anchor()     ? "network.anchor_yes"
                                                                       : "network.anchor_no")},
      {Text(lang, network.anchor_fingerprints_size() > 1 ? "network.anchors"
                                                         : "network.charter_fingerprint"),
       AnchorLines(network, lang)},
  });
  out += "\n";
  if (network.areas().empty()) return out + Text(lang, "network.no_areas") + "\n";
  out += Text(lang, "network.areas_title") + "\n";
  for (const auto& area : network.areas()) {
    out += "\n";
    out += (area.priority() ? "* " : "  ") + Safe(area.slug()) + "\n";
    const std::string name = Safe(LocalName(area.name_en(), area.name_ru(), lang));
    if (!name.empty()) {
      out += std::string(kAreaIndent, ' ') +
             IndentFollowing(Wrap(name, kWidth - kAreaIndent), kAreaIndent) + "\n";
    }
    std::size_t slug_width = 0;
    for (const auto& topic : area.topics()) {
      slug_width = std::max(slug_width, DisplayWidth(Safe(topic.slug())));
    }
    for (const auto& topic : area.topics()) {
      std::string line = std::string(kTopicIndent, ' ') + PadRight(Safe(topic.slug()), slug_width) +
                         "  " + Safe(LocalName(topic.name_en(), topic.name_ru(), lang));
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n";
    }
  }
  out += "\n" + Wrap(Text(lang, "network.slugs_hint"), kWidth) + "\n";
  return out;
}

std::string NetworkAmendedText(const api::NetworkReply& network, Lang lang) {
  return Wrap(Text(lang, "network.amended",
                   {{"version", std::to_string(network.charter_version())}}),
              kWidth) +
         "\n\n" + NetworkText(network, lang);
}

std::string ProfileText(const api::Profile& profile, Lang lang) {
  std::vector<std::pair<std::string, std::string>> rows;
  rows.emplace_back(Text(lang, "profile.name_latin"), OrDash(profile.name_latin()));
  rows.emplace_back(Text(lang, "profile.name_cyrillic"), OrDash(profile.name_cyrillic()));
  if (!profile.alias().empty()) {
    rows.emplace_back(Text(lang, "profile.alias"), Safe(profile.alias()));
  }
  rows.emplace_back(Text(lang, "profile.fingerprint"), OrDash(profile.fingerprint()));
  rows.emplace_back(Text(lang, "profile.state"), OrDash(profile.state()));
  rows.emplace_back(Text(lang, "profile.org"), OrDash(profile.organisation()));
  rows.emplace_back(Text(lang, "profile.role"), OrDash(profile.role()));
  const std::string areas = List(profile.areas());
  rows.emplace_back(Text(lang, "profile.areas"), areas.empty() ? std::string(kEmptyField) : areas);
  const std::string languages = List(profile.languages());
  rows.emplace_back(Text(lang, "profile.languages"),
                    languages.empty() ? std::string(kEmptyField) : languages);
  std::vector<std::string> trust = TrustLines(profile.trust(), profile.endorsements(), lang);
  if (profile.trust() != api::DIRECTORY_TRUST_REVOKED) {
    trust.front() = WithIntroducer(trust.front(), profile.introduced_by(), lang);
  }
  rows.emplace_back(Text(lang, "profile.trust"), Joined(trust, "\n"));
  if (!profile.endorsements().empty() && profile.trust() != api::DIRECTORY_TRUST_REVOKED) {
    std::vector<std::string> memberships;
    for (const auto& endorsement : profile.endorsements()) {
      memberships.push_back(Text(lang, "profile.endorsed_member",
                                 {{"organisation", Safe(endorsement.organisation())},
                                  {"state", Safe(endorsement.state())}}));
    }
    rows.emplace_back(Text(lang, "profile.endorsed_as"), Joined(memberships, "\n"));
  }
  if (!profile.contact_point_of().empty()) {
    rows.emplace_back(
        Text(lang, "profile.network_role"),
        Text(lang, "profile.contact_point_of", {{"state", Safe(profile.contact_point_of())}}));
  }
  rows.emplace_back(Text(lang, "profile.version"), std::to_string(profile.version()));
  rows.emplace_back(Text(lang, "profile.updated"), LocalDateTime(profile.updated_at_ms()));
  rows.emplace_back(Text(lang, "profile.expires"), LocalDateTime(profile.expires_at_ms()));
  rows.emplace_back(Text(lang, "profile.bio"), std::string());
  std::size_t width = 0;
  for (const auto& row : rows) width = std::max(width, DisplayWidth(row.first) + 1);
  // The bio last: it may run over several lines, wrapped to the value column.
  const std::string bio = ForTerminal(profile.bio(), /*keep_newlines=*/true);
  rows.back().second = bio.empty() ? std::string(kEmptyField) : WrapLines(bio, kWidth - width - 2);
  return LabelledRows(rows);
}

std::string ProfileSavedText(const api::Profile& profile, Lang lang) {
  return Text(lang, "profile.saved", {{"version", std::to_string(profile.version())}}) + "\n\n" +
         ProfileText(profile, lang);
}

std::string DirectoryText(const api::DirectoryPage& page, std::uint32_t offset, Lang lang) {
  const std::string total = std::to_string(page.total());
  if (page.profiles().empty()) {
    if (offset > 0 && page.total() > 0) {
      return Wrap(Text(lang, "directory.past_end", {{"total", total}}), kWidth) + "\n";
    }
    return Wrap(Text(lang, "directory.none"), kWidth) + "\n";
  }
  const std::uint64_t last = std::uint64_t{offset} + page.profiles().size();
  const std::size_t number_width = std::to_string(last).size() + 1;  // "12."
  const std::string indent(number_width + 1, ' ');
  std::string out;
  std::uint64_t number = offset;
  for (const auto& profile : page.profiles()) {
    ++number;
    if (number > std::uint64_t{offset} + 1) out += "\n";
    std::string names =
        Joined({Safe(profile.name_latin()), Safe(profile.name_cyrillic())}, kSeparator);
    if (profile.name_latin() == profile.name_cyrillic()) names = Safe(profile.name_latin());
    out += PadRight(std::to_string(number) + ".", number_width) + " " +
           Joined({names.empty() ? std::string(kEmptyField) : names, Safe(profile.state())},
                  kSeparator) +
           "\n";
    const std::string contact_point =
        profile.contact_point_of().empty()
            ? std::string()
            : Text(lang, "profile.contact_point_of", {{"state", Safe(profile.contact_point_of())}});
    for (const std::string& line :
         {Joined({Safe(profile.organisation()), Safe(profile.role())}, kSeparator), contact_point,
          Joined({List(profile.areas()), List(profile.languages())}, kSeparator)}) {
      if (!line.empty()) out += indent + line + "\n";
    }
    // The first way of knowing the person shares a line with the fingerprint;
    // further endorsements follow, one a line.
    const std::vector<std::string> trust =
        TrustLines(profile.trust(), profile.endorsements(), lang);
    std::string first = trust.front();
    if (!profile.alias().empty()) first += " (" + Safe(profile.alias()) + ")";
    if (profile.trust() != api::DIRECTORY_TRUST_REVOKED) {
      first = WithIntroducer(first, profile.introduced_by(), lang);
    }
    out += indent + Joined({first, Safe(profile.fingerprint())}, kSeparator) + "\n";
    for (std::size_t i = 1; i < trust.size(); ++i) out += indent + trust[i] + "\n";
  }
  out += "\n" + Text(lang, "directory.count",
                     {{"from", std::to_string(std::uint64_t{offset} + 1)},
                      {"to", std::to_string(last)},
                      {"total", total}});
  if (last < page.total()) {
    out += " " + Text(lang, "directory.next", {{"offset", std::to_string(last)}});
  }
  return out + "\n";
}

namespace {

// "Ivan Petrov (ivan)", or whichever of the two is known, else the fingerprint.
std::string ContactPointWho(const api::ContactPoint& contact_point) {
  if (!contact_point.name().empty() && !contact_point.alias().empty()) {
    return Safe(contact_point.name()) + " (" + Safe(contact_point.alias()) + ")";
  }
  if (!contact_point.name().empty()) return Safe(contact_point.name());
  if (!contact_point.alias().empty()) return Safe(contact_point.alias());
  return Safe(contact_point.fingerprint());
}

}  // namespace

std::string ContactPointAddedText(const api::ContactPoint& contact_point, Lang lang) {
  const std::string state = Safe(contact_point.state());
  return Wrap(Text(lang, "contact_point.added",
                   {{"who", ContactPointWho(contact_point)},
                    {"state", state},
                    {"anchor", OrDash(contact_point.anchor_fingerprint())}}),
              kWidth) +
         "\n" + Wrap(Text(lang, "contact_point.added_hint", {{"state", state}}), kWidth) + "\n";
}

std::string ContactPointSuspendedText(const api::ContactPoint& contact_point, Lang lang) {
  return Wrap(Text(lang, "contact_point.suspended",
                   {{"who", ContactPointWho(contact_point)},
                    {"state", Safe(contact_point.state())}}),
              kWidth) +
         "\n";
}

std::string ContactPointsText(const api::ContactPointList& contact_points, Lang lang) {
  if (contact_points.contact_points().empty()) {
    return Wrap(Text(lang, "contact_point.none"), kWidth) + "\n";
  }
  Table table({Text(lang, "col.member_state"), Text(lang, "col.name"), Text(lang, "col.alias"),
               Text(lang, "col.status"), Text(lang, "col.delegated"),
               Text(lang, "col.fingerprint")});
  for (const auto& contact_point : contact_points.contact_points()) {
    table.AddRow({Safe(contact_point.state()), Safe(contact_point.name()),
                  Safe(contact_point.alias()),
                  Text(lang, contact_point.suspended() ? "contact_point.status_suspended"
                                                       : "contact_point.status_active"),
                  LocalDateTime(contact_point.issued_at_ms()), Safe(contact_point.fingerprint())});
  }
  return table.Render();
}

std::string EndorsedText(const std::string& alias, const api::Endorsement& endorsement, Lang lang) {
  return Wrap(Text(lang, "endorse.done",
                   {{"alias", Safe(alias)},
                    {"organisation", Safe(endorsement.organisation())},
                    {"state", Safe(endorsement.state())}}),
              kWidth) +
         "\n";
}

namespace {

// `word` as one word for a shell: as it is when that is safe, else in single quotes.
std::string ShellWord(const std::string& word) {
  const bool plain = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || u >= 0x80 ||
           std::string_view("_./-+:@%,=").find(c) != std::string_view::npos;
  });
  if (plain) return word;
  std::string quoted = "'";
  for (char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

}  // namespace

std::string RevokeExportedText(const api::RevokeReply& revoke, const std::string& file, Lang lang) {
  return Wrap(Text(lang, "revoke.exported",
                   {{"fingerprint", OrDash(revoke.fingerprint())},
                    {"file", Safe(file)},
                    {"file_arg", Safe(ShellWord(file))}}),
              kWidth) +
         "\n";
}

std::string RevokedText(const api::RevokeReply& revoke, bool own_key, Lang lang) {
  const std::string fingerprint = OrDash(revoke.fingerprint());
  std::string out;
  if (revoke.alias().empty()) {
    out = Text(lang, "revoke.done", {{"fingerprint", fingerprint}});
  } else {
    out = Text(lang, "revoke.done_contact",
               {{"fingerprint", fingerprint}, {"alias", Safe(revoke.alias())}});
  }
  out = Wrap(out, kWidth) + "\n";
  if (own_key) out += Wrap(Text(lang, "revoke.own_key_hint"), kWidth) + "\n";
  return out;
}

std::string IntroducedText(const std::string& alias1, const std::string& alias2, Lang lang) {
  return Wrap(Text(lang, "introduce.done", {{"alias1", Safe(alias1)}, {"alias2", Safe(alias2)}}),
              kWidth) +
         "\n";
}

std::string IntroductionsText(const api::IntroductionList& introductions, Lang lang) {
  if (introductions.introductions().empty()) {
    return Wrap(Text(lang, "introductions.none"), kWidth) + "\n";
  }
  // The note last: the only column a cell of several lines may take.
  Table table({Text(lang, "col.id"), Text(lang, "col.from"), Text(lang, "col.name"),
               Text(lang, "col.fingerprint"), Text(lang, "col.note")});
  for (const auto& introduction : introductions.introductions()) {
    table.AddRow({std::to_string(introduction.id()), Safe(introduction.introducer()),
                  OrDash(introduction.name()), FingerprintPrefix(introduction.fingerprint()),
                  WrapLines(ForTerminal(introduction.note(), /*keep_newlines=*/true), kNoteWidth)});
  }
  return table.Render() + "\n" + Wrap(Text(lang, "introductions.hint"), kWidth) + "\n";
}

std::string IntroductionAcceptedText(const api::Contact& contact, Lang lang) {
  const std::string name = Safe(contact.name().empty() ? contact.fingerprint() : contact.name());
  const std::string alias = Safe(contact.alias());
  std::string out =
      contact.introduced_by().empty()
          ? Text(lang, "introductions.accepted_plain", {{"name", name}, {"alias", alias}})
          : Text(lang, "introductions.accepted",
                 {{"name", name}, {"alias", alias}, {"introducer", Safe(contact.introduced_by())}});
  return Wrap(out, kWidth) + "\n" +
         Wrap(Text(lang, "introductions.accepted_hint", {{"alias", alias}}), kWidth) + "\n";
}

std::string IntroductionDeclinedText(std::uint64_t id, Lang lang) {
  return Wrap(Text(lang, "introductions.declined", {{"id", std::to_string(id)}}), kWidth) + "\n";
}

}  // namespace parley::client::render
