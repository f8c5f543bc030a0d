// The dispatch table: command names → handler, operands, options, help keys
// (after Bitcoin Core's bitcoin-cli). A handler turns its operands into one
// api.proto Request and the Reply into output, nothing more.
//
// Everything the table promises (operand counts, allowed and required
// options, --json support) is checked by cli/run.cc before a handler runs.
#pragma once

#include <cstddef>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "client/api/api_client.h"
#include "client/failure.h"
#include "client/i18n/catalogue.h"
#include "client/render/json.h"

namespace parley::client::cli {

// Where an invocation reads and writes (std::cin/cout/cerr in main.cc).
struct Io {
  std::ostream& out;
  std::ostream& err;
  int in_fd = 0;  // standard input, read by `send ALIAS -` and `chat`
  bool stdin_tty = false;
  bool stdout_tty = false;
  bool stderr_tty = false;
};

struct CommandSpec;

// One command being run: its operands and options, already checked.
struct Invocation {
  const CommandSpec& command;
  std::vector<std::string> operands;
  std::map<std::string, std::string> options;
  bool json = false;
  i18n::Lang lang = i18n::Lang::kEn;
  Io& io;
  api_client::ApiClient& api;

  bool Has(std::string_view option) const { return options.count(std::string(option)) > 0; }
  std::string Option(std::string_view option) const;
  // Prints `document` in --json mode, else `human`.
  void Emit(const render::Json& document, const std::string& human) const;
};

using Handler = Status (*)(Invocation&);

struct CommandSpec {
  std::string_view name;                   // "contacts add"
  std::string_view synopsis;               // what follows the name: "CARD --alias ALIAS"
  std::vector<std::string_view> operands;  // operand names in order: {"CARD"}
  std::size_t required_operands = 0;
  bool rest = false;                      // the last operand takes all remaining words (send TEXT)
  std::vector<std::string_view> options;  // command options it accepts
  std::vector<std::string_view> required_options;  // ... of which these are required
  bool json = true;                                // supports --json
  bool daemon = true;                              // talks to parleyd
  Handler handler = nullptr;

  // "contacts add" → "contacts_add"; the catalogue has "summary.<id>" and "help.<id>".
  std::string Id() const;
  std::string SummaryKey() const { return "summary." + Id(); }
  std::string HelpKey() const { return "help." + Id(); }
};

const std::vector<CommandSpec>& CommandTable();
const CommandSpec* FindCommand(std::string_view name);

// The command that the leading `words` name: the first two words, else the
// first one ({"send", "bob", "hi"} → send; {"contacts", "add", "x"} →
// contacts add); nullptr when they name none.
const CommandSpec* CommandNamedBy(const std::vector<std::string>& words);

// Commands under one first word ("contacts add", "contacts list", ...). The
// word alone runs `default_command` ("parley contacts" lists the contacts),
// or, when it has none, is a usage error that points at the group's help.
// The catalogue has "help.<name>_group", the title of `parley help <name>`.
struct CommandGroup {
  std::string_view name;             // "contacts"
  std::string_view default_command;  // "contacts list"; "" for none
};
const std::vector<CommandGroup>& CommandGroups();
const CommandGroup* FindGroup(std::string_view name);

// Longest text `send` and `chat` pass on (docs/protocol.md §8 kMaxTextBytes);
// checked here too so that a huge standard input is refused before it is sent.
constexpr std::size_t kMaxTextBytes = 64 * 1024;

// Messages `chat` shows before streaming.
constexpr std::uint32_t kChatHistory = 20;

// Bounds of `messages --limit`.
constexpr long kMaxLimit = 10000;

// Bounds of `directory search --limit` and `--offset`: the daemon answers at
// most 100 profiles a page (api.proto SearchDirectoryRequest) and no page
// that starts deeper than 10000, so larger values are refused here.
constexpr long kMaxSearchLimit = 100;
constexpr long kMaxSearchOffset = 10000;

// Longest note `introduce --note` passes on (api.proto IntroduceRequest);
// checked here too so that a long one is refused before it is sent.
constexpr std::size_t kMaxNoteBytes = 1024;

// Longest file `revoke --publish` reads: a revocation certificate is one
// line of a few hundred bytes, so anything longer is not one.
constexpr std::size_t kMaxCertificateBytes = 4 * 1024;

// Longest file `network amend --taxonomy` reads. A charter is at most 64 KiB
// of protobuf (docs/protocol.md §9.1); its taxonomy as indented JSON, with
// the keys repeated and Cyrillic in UTF-8, stays well under this.
constexpr std::size_t kMaxTaxonomyBytes = 256 * 1024;

}  // namespace parley::client::cli
