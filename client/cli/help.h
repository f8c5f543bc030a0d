// `parley help`, `parley help COMMAND`, `parley --help`, `parley COMMAND --help`.
// All text comes from the catalogue; usage lines from the dispatch table.
#pragma once

#include <string>
#include <string_view>

#include "client/cli/commands.h"
#include "client/i18n/catalogue.h"

namespace parley::client::cli {

// "parley [--home DIR] [--json] [--lang en|ru] contacts add CARD --alias ALIAS"
std::string UsageLine(const CommandSpec& command);

// The overview: what parley is, every command with its summary, the global
// options, exit codes and environment.
std::string OverviewHelp(i18n::Lang lang);

// UsageLine, indented, and broken before an option group where it would be
// wider than the help's 79 columns.
std::string WrappedUsageLine(const CommandSpec& command);

// Usage line and the command's help text.
std::string CommandHelp(const CommandSpec& command, i18n::Lang lang);

// Help for every command under `group` ("contacts", "profile", "directory"),
// after the command named `group` itself when there is one ("introductions").
std::string GroupHelp(std::string_view group, i18n::Lang lang);

// Help for the command named by `words` ({} → overview, {"contacts"} → the
// group, {"contacts", "add"} → that command). nullopt for an unknown name.
std::optional<std::string> HelpFor(const std::vector<std::string>& words, i18n::Lang lang);

// The `help` command's handler. --json: {"help": TEXT}.
Status RunHelp(Invocation& inv);

}  // namespace parley::client::cli
