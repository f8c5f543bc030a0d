#include "client/cli/commands.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <optional>

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

// Reads the file `path` into `text`, stopping once it holds more than `max`
// bytes (so that a longer file is told by its size, without reading it all).
// Returns 0, or the errno of the failed open() or read().
int ReadFileUpTo(const std::string& path, std::size_t max, std::string& text) {
  text.clear();
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno;
  char buffer[4096];
  int error = 0;
  while (text.size() <= max) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) error = errno;
    if (n <= 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return error;
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

// The ID operand of "contacts accept", "contacts reject" and "introductions
// accept" / "decline".
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

Status RunContactsRemove(Invocation& inv) {
  const std::string& alias = inv.operands[0];
  // It deletes the whole conversation: it takes --yes, and nothing is sent without.
  if (!inv.Has("yes")) {
    return Failure::Local("not_confirmed", "error.remove_not_confirmed", {{"alias", alias}});
  }
  api::Request request;
  request.mutable_remove_contact()->set_alias(alias);
  auto reply = inv.api.Call(std::move(request), api::Reply::kRemovedContact);
  if (!reply.ok()) return reply.failure();
  const api::RemoveContactReply& removed = reply->removed_contact();
  render::Json json = {
      {"alias", removed.alias()}, {"fingerprint", removed.fingerprint()}, {"removed", true}};
  inv.Emit(json, i18n::Text(inv.lang, "contacts.removed", {{"alias", removed.alias()}}));
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

// A whole number written in decimal digits, from `min` to `max`; nullopt otherwise.
std::optional<long> ParseCount(const std::string& value, long min, long max) {
  if (value.empty() || value.size() > 9) return std::nullopt;
  for (char c : value) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  const long parsed = std::stol(value);
  if (parsed < min || parsed > max) return std::nullopt;
  return parsed;
}

Status RunMessages(Invocation& inv) {
  std::uint32_t limit = 0;
  if (inv.Has("limit")) {
    auto parsed = ParseCount(inv.Option("limit"), 1, kMaxLimit);
    if (!parsed) {
      return Failure::Usage("usage.bad_limit",
                            {{"value", inv.Option("limit")}, {"max", std::to_string(kMaxLimit)}},
                            inv.command.Id());
    }
    limit = static_cast<std::uint32_t>(*parsed);
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

Status RunNetwork(Invocation& inv) {
  api::Request request;
  request.mutable_network();
  auto reply = inv.api.Call(std::move(request), api::Reply::kNetwork);
  if (!reply.ok()) return reply.failure();
  inv.Emit(render::NetworkJson(reply->network()), render::NetworkText(reply->network(), inv.lang));
  return {};
}

// ------------------------------------------------------------ network amend

// What is wrong with the taxonomy file `file`: the sentence
// "error.taxonomy_<problem>" about `field` ("areas[2].slug").
Failure TaxonomyProblem(std::string_view problem, const std::string& file,
                        const std::string& field) {
  return Failure::Local("not_a_taxonomy", "error.taxonomy_" + std::string(problem),
                        {{"file", file}, {"field", field}});
}

// `object[key]` into `out`: a string, which must be there.
std::optional<Failure> TaxonomyString(const render::Json& object, const std::string& path,
                                      const char* key, const std::string& file, std::string& out) {
  const auto it = object.find(key);
  if (it == object.end()) return TaxonomyProblem("missing", file, path + "." + key);
  if (!it->is_string()) return TaxonomyProblem("not_string", file, path + "." + key);
  out = it->get<std::string>();
  return std::nullopt;
}

// The slug and names of an area or topic `object`, named `path` in failures.
template <typename Item>
std::optional<Failure> TaxonomyNames(const render::Json& object, const std::string& path,
                                     const std::string& file, Item& out) {
  if (!object.is_object()) return TaxonomyProblem("not_object", file, path);
  if (auto failure = TaxonomyString(object, path, "slug", file, *out.mutable_slug())) {
    return failure;
  }
  if (auto failure = TaxonomyString(object, path, "name_en", file, *out.mutable_name_en())) {
    return failure;
  }
  return TaxonomyString(object, path, "name_ru", file, *out.mutable_name_ru());
}

// One area of the file (`path` "areas[2]") into `out`. "priority" and
// "topics" may be left out (false, none), as for an area just added.
std::optional<Failure> TaxonomyArea(const render::Json& area, const std::string& path,
                                    const std::string& file, api::Area& out) {
  if (auto failure = TaxonomyNames(area, path, file, out)) return failure;
  if (const auto priority = area.find("priority"); priority != area.end()) {
    if (!priority->is_boolean()) return TaxonomyProblem("not_bool", file, path + ".priority");
    out.set_priority(priority->get<bool>());
  }
  const auto topics = area.find("topics");
  if (topics == area.end()) return std::nullopt;
  if (!topics->is_array()) return TaxonomyProblem("not_list", file, path + ".topics");
  for (std::size_t i = 0; i < topics->size(); ++i) {
    const std::string topic_path = path + ".topics[" + std::to_string(i) + "]";
    if (auto failure = TaxonomyNames((*topics)[i], topic_path, file, *out.add_topics())) {
      return failure;
    }
  }
  return std::nullopt;
}

// Where a JSON syntax error is: the line and column (in characters, as an
// editor counts them) where the parser stopped, from its count of the bytes
// it read; for an unexpected token, that is the token's last character.
std::pair<std::size_t, std::size_t> LineAndColumn(const std::string& text, std::size_t bytes_read) {
  const std::size_t at = std::min(bytes_read > 0 ? bytes_read - 1 : 0, text.size());
  const std::string_view before(text.data(), at);
  const std::size_t line =
      1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t newline = before.rfind('\n');
  const std::string_view line_start =
      before.substr(newline == std::string_view::npos ? 0 : newline + 1);
  const std::size_t column =
      1 + static_cast<std::size_t>(std::count_if(line_start.begin(), line_start.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      }));
  return {line, column};
}

// The taxonomy in the file `file` into `amend`'s areas. The file holds what
// `parley --json network` prints (keys other than "areas" are ignored), or
// only its "areas" list. Only the shape is checked here: whether the slugs
// and names are valid, and that no area is removed, is the daemon's to say.
Status ReadTaxonomy(const std::string& file, api::AmendNetworkRequest& amend) {
  std::string text;
  if (const int error = ReadFileUpTo(file, kMaxTaxonomyBytes, text); error != 0) {
    return Failure::Local("file_read", "error.taxonomy_read",
                          {{"file", file}, {"reason", std::strerror(error)}});
  }
  if (text.size() > kMaxTaxonomyBytes) {
    return Failure::Local("file_too_large", "error.taxonomy_too_large",
                          {{"file", file}, {"limit", std::to_string(kMaxTaxonomyBytes / 1024)}});
  }
  render::Json document;
  try {
    document = render::Json::parse(text);  // also refuses invalid UTF-8
  } catch (const render::Json::parse_error& error) {
    const auto [line, column] = LineAndColumn(text, error.byte);
    return Failure::Local(
        "not_json", "error.taxonomy_not_json",
        {{"file", file}, {"line", std::to_string(line)}, {"column", std::to_string(column)}});
  }
  const render::Json* areas = &document;
  if (document.is_object()) {
    const auto it = document.find("areas");
    if (it == document.end()) return TaxonomyProblem("no_areas", file, "areas");
    areas = &*it;
  }
  if (!areas->is_array()) {
    return TaxonomyProblem(document.is_object() ? "not_list" : "no_areas", file, "areas");
  }
  // No areas would mean "keep the taxonomy" to the daemon: not what a file says.
  if (areas->empty()) return TaxonomyProblem("empty", file, "areas");
  for (std::size_t i = 0; i < areas->size(); ++i) {
    const std::string path = "areas[" + std::to_string(i) + "]";
    if (auto failure = TaxonomyArea((*areas)[i], path, file, *amend.add_areas())) {
      return *failure;
    }
  }
  return {};
}

Status RunNetworkAmend(Invocation& inv) {
  const bool anchors = inv.Has("add-anchor") || inv.Has("remove-anchor") || inv.Has("first-anchor");
  if (!inv.Has("taxonomy") && !inv.Has("name") && !anchors) {
    return Failure::Usage("usage.network_amend_nothing", {}, inv.command.Id());
  }
  if (inv.Has("name") && inv.Option("name").empty()) {
    return Failure::Usage("usage.empty_network_name", {}, inv.command.Id());
  }
  api::Request request;
  api::AmendNetworkRequest& amend = *request.mutable_amend_network();
  if (inv.Has("name")) amend.set_name(inv.Option("name"));
  // Without --taxonomy no areas are sent, which the daemon takes as "keep the
  // taxonomy" (a charter never has none); an absent name likewise keeps it.
  if (inv.Has("taxonomy")) {
    if (Status read = ReadTaxonomy(inv.Option("taxonomy"), amend); !read.ok()) return read;
  }
  if (inv.Has("add-anchor")) amend.add_add_anchors(inv.Option("add-anchor"));
  if (inv.Has("remove-anchor")) amend.add_remove_anchors(inv.Option("remove-anchor"));
  if (inv.Has("first-anchor")) amend.set_first_anchor(inv.Option("first-anchor"));
  auto reply = inv.api.Call(std::move(request), api::Reply::kNetwork);
  if (!reply.ok()) {
    // NOT_ANCHOR's general sentence is about contact points.
    Failure failure = reply.failure();
    if (failure.code == "not_anchor") failure.key = "error.not_anchor_amend";
    return failure;
  }
  inv.Emit(render::NetworkJson(reply->network()),
           render::NetworkAmendedText(reply->network(), inv.lang));
  return {};
}

// ------------------------------------------------------ network anchor-key

Status RunNetworkAnchorKey(Invocation& inv) {
  api::Request request;
  request.mutable_anchor_key();
  auto reply = inv.api.Call(std::move(request), api::Reply::kAnchorKey);
  if (!reply.ok()) return reply.failure();
  const api::AnchorKeyReply& key = reply->anchor_key();
  inv.Emit(
      render::Json{
          {"key", key.key()}, {"fingerprint", key.fingerprint()}, {"anchor", key.anchor()}},
      i18n::Text(inv.lang,
                 key.anchor() ? "network.anchor_key_is_anchor" : "network.anchor_key_made",
                 {{"key", key.key()}, {"fingerprint", key.fingerprint()}}) +
          "\n");
  return {};
}

// "legal-migration, integration" → {"legal-migration", "integration"}: items
// trimmed, empty ones dropped, so "" is the empty list (which clears).
std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    std::string item = text.substr(start, end - start);
    const auto first = item.find_first_not_of(' ');
    const auto last = item.find_last_not_of(' ');
    if (first != std::string::npos) items.push_back(item.substr(first, last - first + 1));
    start = end + 1;
  }
  return items;
}

Status RunProfileSet(Invocation& inv) {
  // Every option of `profile set` is a field; without one there is nothing to sign.
  if (inv.options.empty()) {
    return Failure::Usage("usage.profile_set_nothing", {}, inv.command.Id());
  }
  api::Request request;
  api::SetProfileRequest& set = *request.mutable_set_profile();
  if (inv.Has("name-latin")) set.set_name_latin(inv.Option("name-latin"));
  if (inv.Has("name-cyrillic")) set.set_name_cyrillic(inv.Option("name-cyrillic"));
  if (inv.Has("state")) set.set_state(inv.Option("state"));
  if (inv.Has("org")) set.set_organisation(inv.Option("org"));
  if (inv.Has("role")) set.set_role(inv.Option("role"));
  if (inv.Has("bio")) set.set_bio(inv.Option("bio"));
  if (inv.Has("areas")) {
    set.set_set_areas(true);
    for (auto& area : SplitList(inv.Option("areas"))) set.add_areas(std::move(area));
  }
  if (inv.Has("languages")) {
    set.set_set_languages(true);
    for (auto& language : SplitList(inv.Option("languages"))) {
      set.add_languages(std::move(language));
    }
  }
  auto reply = inv.api.Call(std::move(request), api::Reply::kProfile);
  if (!reply.ok()) return reply.failure();
  inv.Emit(render::ProfileJson(reply->profile()),
           render::ProfileSavedText(reply->profile(), inv.lang));
  return {};
}

Status RunProfileShow(Invocation& inv) {
  api::Request request;
  request.mutable_show_profile()->set_alias(inv.operands.empty() ? "" : inv.operands[0]);
  auto reply = inv.api.Call(std::move(request), api::Reply::kProfile);
  if (!reply.ok()) return reply.failure();
  inv.Emit(render::ProfileJson(reply->profile()), render::ProfileText(reply->profile(), inv.lang));
  return {};
}

// A search filter of two ASCII letters ("uz", "RU") in the case the daemon
// stores (`upper` for states, lower for languages); nullopt for anything else.
std::optional<std::string> TwoLetterCode(const std::string& value, bool upper) {
  if (value.size() != 2) return std::nullopt;
  std::string code = value;
  for (char& c : code) {
    const auto u = static_cast<unsigned char>(c);
    if (!std::isalpha(u) || u >= 0x80) return std::nullopt;
    c = static_cast<char>(upper ? std::toupper(u) : std::tolower(u));
  }
  return code;
}

Status RunDirectorySearch(Invocation& inv) {
  const std::string id = inv.command.Id();
  api::Request request;
  api::SearchDirectoryRequest& search = *request.mutable_search_directory();
  std::string text;
  for (const auto& word : inv.operands) text += (text.empty() ? "" : " ") + word;
  search.set_text(text);
  if (!inv.Option("state").empty()) {
    auto state = TwoLetterCode(inv.Option("state"), /*upper=*/true);
    if (!state) {
      return Failure::Usage("usage.bad_state_filter", {{"value", inv.Option("state")}}, id);
    }
    search.set_state(*state);
  }
  if (!inv.Option("lang").empty()) {
    auto language = TwoLetterCode(inv.Option("lang"), /*upper=*/false);
    if (!language) {
      return Failure::Usage("usage.bad_language_filter", {{"value", inv.Option("lang")}}, id);
    }
    search.set_language(*language);
  }
  search.set_area(inv.Option("area"));
  if (inv.Has("limit")) {
    auto limit = ParseCount(inv.Option("limit"), 1, kMaxSearchLimit);
    if (!limit) {
      return Failure::Usage(
          "usage.bad_limit",
          {{"value", inv.Option("limit")}, {"max", std::to_string(kMaxSearchLimit)}}, id);
    }
    search.set_limit(static_cast<std::uint32_t>(*limit));
  }
  std::uint32_t offset = 0;
  if (inv.Has("offset")) {
    auto parsed = ParseCount(inv.Option("offset"), 0, kMaxSearchOffset);
    if (!parsed) {
      return Failure::Usage(
          "usage.bad_offset",
          {{"value", inv.Option("offset")}, {"max", std::to_string(kMaxSearchOffset)}}, id);
    }
    offset = static_cast<std::uint32_t>(*parsed);
  }
  search.set_offset(offset);
  auto reply = inv.api.Call(std::move(request), api::Reply::kDirectory);
  if (!reply.ok()) return reply.failure();
  inv.Emit(render::DirectoryJson(reply->directory()),
           render::DirectoryText(reply->directory(), offset, inv.lang));
  return {};
}

Status RunContactPointAdd(Invocation& inv) {
  api::Request request;
  api::AddContactPointRequest& add = *request.mutable_add_contact_point();
  add.set_alias(inv.operands[0]);
  // Two letters go in upper case, as the daemon stores states; anything else
  // goes as typed, so that the daemon's INVALID_STATE names what was given.
  const std::string state = inv.Option("state");
  add.set_state(TwoLetterCode(state, /*upper=*/true).value_or(state));
  auto reply = inv.api.Call(std::move(request), api::Reply::kContactPoint);
  if (!reply.ok()) return reply.failure();
  inv.Emit(render::ContactPointJson(reply->contact_point()),
           render::ContactPointAddedText(reply->contact_point(), inv.lang));
  return {};
}

Status RunContactPointSuspend(Invocation& inv) {
  api::Request request;
  request.mutable_suspend_contact_point()->set_alias(inv.operands[0]);
  auto reply = inv.api.Call(std::move(request), api::Reply::kContactPoint);
  if (!reply.ok()) return reply.failure();
  inv.Emit(render::ContactPointJson(reply->contact_point()),
           render::ContactPointSuspendedText(reply->contact_point(), inv.lang));
  return {};
}

Status RunContactPointList(Invocation& inv) {
  api::Request request;
  request.mutable_list_contact_points();
  auto reply = inv.api.Call(std::move(request), api::Reply::kContactPoints);
  if (!reply.ok()) return reply.failure();
  inv.Emit(render::ContactPointsJson(reply->contact_points()),
           render::ContactPointsText(reply->contact_points(), inv.lang));
  return {};
}

Status RunEndorse(Invocation& inv) {
  const std::string& alias = inv.operands[0];
  api::Request request;
  request.mutable_endorse()->set_alias(alias);
  request.mutable_endorse()->set_organisation(inv.Option("org"));
  auto reply = inv.api.Call(std::move(request), api::Reply::kEndorsement);
  if (!reply.ok()) {
    // WRONG_STATE's detail is the endorser's state; its sentence names the
    // contact too, whom only the command line knows.
    Failure failure = reply.failure();
    const bool has_alias = std::any_of(failure.params.begin(), failure.params.end(),
                                       [](const auto& param) { return param.first == "alias"; });
    if (!has_alias) failure.params.emplace_back("alias", alias);
    return failure;
  }
  inv.Emit(render::EndorsementJson(reply->endorsement()),
           render::EndorsedText(alias, reply->endorsement(), inv.lang));
  return {};
}

// ------------------------------------------------------------ introductions

// MESSAGE_TOO_LONG of `introduce`: told as the note's, with the daemon's limit
// (kMaxNoteBytes when it gave none).
Failure NoteTooLong(Failure failure) {
  failure.key = "error.note_too_long";
  const bool has_limit = std::any_of(failure.params.begin(), failure.params.end(),
                                     [](const auto& param) { return param.first == "limit"; });
  if (!has_limit) failure.params.emplace_back("limit", std::to_string(kMaxNoteBytes));
  return failure;
}

Status RunIntroduce(Invocation& inv) {
  const std::string note = inv.Option("note");
  if (note.size() > kMaxNoteBytes) {
    api::Error error;
    error.set_code(api::MESSAGE_TOO_LONG);
    error.set_detail(std::to_string(kMaxNoteBytes));
    return NoteTooLong(i18n::DaemonFailure(error));
  }
  api::Request request;
  api::IntroduceRequest& introduce = *request.mutable_introduce();
  introduce.set_alias1(inv.operands[0]);
  introduce.set_alias2(inv.operands[1]);
  introduce.set_note(note);
  auto reply = inv.api.Call(std::move(request), api::Reply::kIntroduce);
  if (!reply.ok()) {
    Failure failure = reply.failure();
    if (failure.code == "message_too_long") return NoteTooLong(std::move(failure));
    return failure;
  }
  inv.Emit(render::IntroduceJson(reply->introduce()),
           render::IntroducedText(inv.operands[0], inv.operands[1], inv.lang));
  return {};
}

Status RunIntroductions(Invocation& inv) {
  api::Request request;
  request.mutable_list_introductions();
  auto reply = inv.api.Call(std::move(request), api::Reply::kIntroductions);
  if (!reply.ok()) return reply.failure();
  inv.Emit(render::IntroductionsJson(reply->introductions()),
           render::IntroductionsText(reply->introductions(), inv.lang));
  return {};
}

// Accepts (`accept`) or declines the introduction named by the ID operand.
Result<api::AnswerIntroductionReply> AnswerIntroduction(Invocation& inv, bool accept) {
  auto id = RequestId(inv.operands[0]);
  if (!id) {
    return Failure::Usage("usage.bad_introduction_id", {{"value", inv.operands[0]}},
                          inv.command.Id());
  }
  api::Request request;
  api::AnswerIntroductionRequest& answer = *request.mutable_answer_introduction();
  answer.set_id(*id);
  answer.set_accept(accept);
  if (accept) answer.set_alias(inv.Option("alias"));
  auto reply = inv.api.Call(std::move(request), api::Reply::kAnswerIntroduction);
  if (!reply.ok()) {
    // The card is the introducer's relay of it, not one the user copied.
    Failure failure = reply.failure();
    if (failure.code == "invalid_card") {
      failure.key = failure.key == "error.invalid_card" ? "error.introduction_invalid_card"
                                                        : "error.introduction_invalid_card_plain";
    }
    return failure;
  }
  return reply->answer_introduction();
}

Status RunIntroductionsAccept(Invocation& inv) {
  auto answer = AnswerIntroduction(inv, /*accept=*/true);
  if (!answer.ok()) return answer.failure();
  inv.Emit(render::ContactJson(answer->contact()),
           render::IntroductionAcceptedText(answer->contact(), inv.lang));
  return {};
}

Status RunIntroductionsDecline(Invocation& inv) {
  auto answer = AnswerIntroduction(inv, /*accept=*/false);
  if (!answer.ok()) return answer.failure();
  inv.Emit(render::Json{{"id", answer->id()}, {"accepted", false}},
           render::IntroductionDeclinedText(answer->id(), inv.lang));
  return {};
}

// ------------------------------------------------------------------ revoke

// The file `revoke --export` writes: created new (an existing file is never
// overwritten), readable and writable by the owner only, and removed again
// unless the certificate was written to it whole.
class CertificateFile {
 public:
  explicit CertificateFile(std::string path) : path_(std::move(path)) {
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd_ < 0) open_error_ = errno;
  }
  ~CertificateFile() { Discard(); }
  CertificateFile(const CertificateFile&) = delete;
  CertificateFile& operator=(const CertificateFile&) = delete;

  // Whether the file was created.
  Status Opened() const {
    if (fd_ >= 0) return {};
    if (open_error_ == EEXIST) {
      return Failure::Local("file_exists", "error.file_exists", {{"file", path_}});
    }
    return WriteFailure(open_error_);
  }

  // Writes `text` whole and keeps the file.
  Status Keep(const std::string& text) {
    // The mode asked of open() is narrowed by the umask; make it exactly 0600.
    if (::fchmod(fd_, S_IRUSR | S_IWUSR) != 0) return WriteFailure(errno);
    std::size_t written = 0;
    while (written < text.size()) {
      const ssize_t n = ::write(fd_, text.data() + written, text.size() - written);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return WriteFailure(errno);
      written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd_) != 0) return WriteFailure(errno);
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) {
      const int error = errno;
      ::unlink(path_.c_str());
      return WriteFailure(error);
    }
    return {};
  }

 private:
  Failure WriteFailure(int error) const {
    return Failure::Local("file_write", "error.file_write",
                          {{"file", path_}, {"reason", std::strerror(error)}});
  }
  void Discard() {
    if (fd_ < 0) return;
    ::close(fd_);
    ::unlink(path_.c_str());
    fd_ = -1;
  }

  std::string path_;
  int fd_ = -1;
  int open_error_ = 0;
};

// The revocation certificate in the file `path`: its text without the white
// space around it, at most kMaxCertificateBytes.
Result<std::string> ReadCertificate(const std::string& path) {
  const Failure not_a_certificate =
      Failure::Local("not_a_certificate", "error.not_a_certificate", {{"file", path}});
  std::string text;
  if (const int error = ReadFileUpTo(path, kMaxCertificateBytes, text); error != 0) {
    return Failure::Local("file_read", "error.file_read",
                          {{"file", path}, {"reason", std::strerror(error)}});
  }
  if (text.size() > kMaxCertificateBytes) return not_a_certificate;
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return not_a_certificate;
  text = text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
  if (!render::IsValidUtf8(text)) return not_a_certificate;
  return text;
}

Status RunRevokeExport(Invocation& inv) {
  const std::string file = inv.Option("export");
  CertificateFile out(file);  // first: nothing is signed without a new file to keep it in
  if (Status opened = out.Opened(); !opened.ok()) return opened;
  api::Request request;
  request.mutable_revoke()->set_mode(api::RevokeRequest::EXPORT);
  auto reply = inv.api.Call(std::move(request), api::Reply::kRevoke);
  if (!reply.ok()) return reply.failure();
  const api::RevokeReply& revoke = reply->revoke();
  if (revoke.certificate().empty()) return Failure::Local("bad_reply", "error.bad_reply");
  if (Status kept = out.Keep(revoke.certificate() + "\n"); !kept.ok()) return kept;
  inv.Emit(render::RevokeExportJson(revoke, file),
           render::RevokeExportedText(revoke, file, inv.lang));
  return {};
}

Status RunRevoke(Invocation& inv) {
  std::vector<std::string> given;
  for (std::string_view mode : {"export", "publish", "member", "yes"}) {
    if (inv.Has(mode)) given.push_back("--" + std::string(mode));
  }
  if (given.size() > 1) {
    return Failure::Usage("usage.revoke_one_mode", {{"first", given[0]}, {"second", given[1]}},
                          inv.command.Id());
  }
  // Revoking one's own key is final: it takes --yes, and nothing is sent without.
  if (given.empty()) return Failure::Local("not_confirmed", "error.revoke_not_confirmed");
  if (inv.Has("export")) return RunRevokeExport(inv);

  api::Request request;
  api::RevokeRequest& revoke = *request.mutable_revoke();
  if (inv.Has("publish")) {
    auto certificate = ReadCertificate(inv.Option("publish"));
    if (!certificate.ok()) return certificate.failure();
    revoke.set_mode(api::RevokeRequest::PUBLISH);
    revoke.set_certificate(std::move(certificate.value()));
  } else if (inv.Has("member")) {
    revoke.set_mode(api::RevokeRequest::MEMBER);
    revoke.set_alias(inv.Option("member"));
  } else {
    revoke.set_mode(api::RevokeRequest::OWN_KEY_NOW);
  }
  const bool own_key = revoke.mode() == api::RevokeRequest::OWN_KEY_NOW;
  auto reply = inv.api.Call(std::move(request), api::Reply::kRevoke);
  if (!reply.ok()) return reply.failure();
  api::RevokeReply revoked = reply->revoke();
  if (revoked.alias().empty()) revoked.set_alias(inv.Option("member"));  // "" unless --member
  inv.Emit(render::RevokedJson(revoked), render::RevokedText(revoked, own_key, inv.lang));
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
      {"contacts remove",
       "ALIAS --yes",
       {"ALIAS"},
       1,
       false,
       {"yes"},
       {},
       true,
       true,
       RunContactsRemove},
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
      {"network", "", {}, 0, false, {}, {}, true, true, RunNetwork},
      {"network amend",
       "[--taxonomy FILE] [--name NAME] [--add-anchor KEY] [--remove-anchor FINGERPRINT] "
       "[--first-anchor FINGERPRINT]",
       {},
       0,
       false,
       {"taxonomy", "name", "add-anchor", "remove-anchor", "first-anchor"},
       {},
       true,
       true,
       RunNetworkAmend},
      {"network anchor-key", "", {}, 0, false, {}, {}, true, true, RunNetworkAnchorKey},
      {"profile set",
       "[--name-latin S] [--name-cyrillic S] [--state XX] [--org S] [--role S] "
       "[--areas SLUG,...] [--languages xx,...] [--bio S]",
       {},
       0,
       false,
       {"name-latin", "name-cyrillic", "state", "org", "role", "areas", "languages", "bio"},
       {},
       true,
       true,
       RunProfileSet},
      {"profile show", "[ALIAS]", {"ALIAS"}, 0, false, {}, {}, true, true, RunProfileShow},
      {"directory search",
       "[TEXT] [--state XX] [--area SLUG] [--lang xx] [--limit N] [--offset N]",
       {"TEXT"},
       0,
       true,
       {"state", "area", "lang", "limit", "offset"},
       {},
       true,
       true,
       RunDirectorySearch},
      {"contact-point add",
       "ALIAS --state XX",
       {"ALIAS"},
       1,
       false,
       {"state"},
       {"state"},
       true,
       true,
       RunContactPointAdd},
      {"contact-point suspend",
       "ALIAS",
       {"ALIAS"},
       1,
       false,
       {},
       {},
       true,
       true,
       RunContactPointSuspend},
      {"contact-point list", "", {}, 0, false, {}, {}, true, true, RunContactPointList},
      {"endorse", "ALIAS --org ORG", {"ALIAS"}, 1, false, {"org"}, {"org"}, true, true, RunEndorse},
      {"revoke",
       "[--export FILE | --publish FILE | --member ALIAS | --yes]",
       {},
       0,
       false,
       {"export", "publish", "member", "yes"},
       {},
       true,
       true,
       RunRevoke},
      {"introduce",
       "ALIAS1 ALIAS2 [--note TEXT]",
       {"ALIAS1", "ALIAS2"},
       2,
       false,
       {"note"},
       {},
       true,
       true,
       RunIntroduce},
      {"introductions", "", {}, 0, false, {}, {}, true, true, RunIntroductions},
      {"introductions accept",
       "ID [--alias ALIAS]",
       {"ID"},
       1,
       false,
       {"alias"},
       {},
       true,
       true,
       RunIntroductionsAccept},
      {"introductions decline",
       "ID",
       {"ID"},
       1,
       false,
       {},
       {},
       true,
       true,
       RunIntroductionsDecline},
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

const CommandSpec* CommandNamedBy(const std::vector<std::string>& words) {
  if (words.empty()) return nullptr;
  if (words.size() >= 2) {
    if (const CommandSpec* command = FindCommand(words[0] + " " + words[1])) return command;
  }
  return FindCommand(words[0]);
}

const std::vector<CommandGroup>& CommandGroups() {
  // "directory" alone has no default: it would be unclear whether a --lang
  // after it filters (as after "directory search") or chooses the language.
  static const std::vector<CommandGroup> kGroups = {
      {"contacts", "contacts list"},
      {"profile", "profile show"},
      {"directory", ""},
      {"contact-point", "contact-point list"},
      {"introductions", "introductions"},
      {"network", "network"},
  };
  return kGroups;
}

const CommandGroup* FindGroup(std::string_view name) {
  for (const auto& group : CommandGroups()) {
    if (group.name == name) return &group;
  }
  return nullptr;
}

}  // namespace parley::client::cli
