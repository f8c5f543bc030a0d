#include "client/cli/help.h"

#include <algorithm>
#include <vector>

#include "client/render/text.h"

namespace parley::client::cli {

using i18n::Text;

namespace {

constexpr std::size_t kHelpWidth = 79;  // columns of help paragraphs
// Commands whose name and synopsis are wider than this are shown in the
// overview with their options as "[OPTIONS]" (their help has them all).
constexpr std::size_t kOverviewNameWidth = 36;
// Continuation lines of a usage line start under the word after "parley".
constexpr std::size_t kUsageIndent = 2;
constexpr std::size_t kUsageContinuation = kUsageIndent + 7;

// "a [--b C] D --e F" → {"a", "[--b C]", "D", "--e F"}: words, with bracketed
// groups and a required option with its value kept whole.
std::vector<std::string> SynopsisTokens(std::string_view text) {
  std::vector<std::string> tokens;
  std::string token;
  int depth = 0;
  for (char c : text) {
    if (c == ' ' && depth == 0) {
      if (!token.empty()) tokens.push_back(std::move(token));
      token.clear();
      continue;
    }
    if (c == '[') ++depth;
    if (c == ']' && depth > 0) --depth;
    token += c;
  }
  if (!token.empty()) tokens.push_back(std::move(token));
  std::vector<std::string> joined;
  for (auto& word : tokens) {
    const bool is_value = !joined.empty() && joined.back().rfind("--", 0) == 0 &&
                          joined.back().find(' ') == std::string::npos && word[0] != '-' &&
                          word[0] != '[';
    if (is_value) {
      joined.back() += " " + word;
    } else {
      joined.push_back(std::move(word));
    }
  }
  return joined;
}

// The overview's left column: the name, and the synopsis unless too wide.
std::string OverviewName(const CommandSpec& command) {
  std::string text(command.name);
  if (command.synopsis.empty()) return text;
  std::string full = text + " " + std::string(command.synopsis);
  if (render::DisplayWidth(full) <= kOverviewNameWidth) return full;
  bool options_shown = false;
  for (const auto& token : SynopsisTokens(command.synopsis)) {
    if (token.rfind("[--", 0) == 0) {
      if (!options_shown) text += " [OPTIONS]";
      options_shown = true;
    } else {
      text += " " + token;
    }
  }
  return text;
}

}  // namespace

std::string UsageLine(const CommandSpec& command) {
  std::string line = "parley [--home DIR] ";
  if (command.json) line += "[--json] ";
  line += "[--lang en|ru] ";
  line += command.name;
  if (!command.synopsis.empty()) {
    line += ' ';
    line += command.synopsis;
  }
  return line;
}

std::string OverviewHelp(i18n::Lang lang) {
  std::string out = render::Wrap(Text(lang, "help.intro"), kHelpWidth) + "\n\n" +
                    Text(lang, "help.usage_overview") + "\n\n" + Text(lang, "help.commands_title") +
                    "\n";
  std::size_t width = 0;
  for (const auto& command : CommandTable()) {
    width = std::max(width, render::DisplayWidth(OverviewName(command)));
  }
  for (const auto& command : CommandTable()) {
    out += "  " + render::PadRight(OverviewName(command), width) + "  " +
           Text(lang, command.SummaryKey()) + "\n";
  }
  out += "\n" + Text(lang, "help.global_options") + "\n\n" + Text(lang, "help.exit_codes") +
         "\n\n" + Text(lang, "help.environment") + "\n\n" + Text(lang, "help.more") + "\n";
  return out;
}

std::string WrappedUsageLine(const CommandSpec& command) {
  std::string out(kUsageIndent, ' ');
  std::size_t column = kUsageIndent;
  bool first = true;
  for (const auto& token : SynopsisTokens(UsageLine(command))) {
    const std::size_t width = render::DisplayWidth(token);
    if (!first && column + 1 + width > kHelpWidth) {
      out += "\n" + std::string(kUsageContinuation, ' ');
      column = kUsageContinuation;
    } else if (!first) {
      out += ' ';
      ++column;
    }
    out += token;
    column += width;
    first = false;
  }
  return out;
}

std::string CommandHelp(const CommandSpec& command, i18n::Lang lang) {
  return Text(lang, "help.usage_label") + "\n" + WrappedUsageLine(command) + "\n\n" +
         render::Wrap(Text(lang, command.HelpKey()), kHelpWidth) + "\n";
}

std::string GroupHelp(std::string_view group, i18n::Lang lang) {
  std::string out = Text(lang, "help." + std::string(group) + "_group") + "\n";
  // The group's word may be a command of its own ("introductions" lists
  // them); it comes first.
  for (const auto& command : CommandTable()) {
    if (command.name == group ||
        command.name.substr(0, group.size() + 1) == std::string(group) + " ") {
      out += "\n" + CommandHelp(command, lang);
    }
  }
  return out;
}

std::optional<std::string> HelpFor(const std::vector<std::string>& words, i18n::Lang lang) {
  if (words.empty()) return OverviewHelp(lang);
  std::string name;
  for (const auto& word : words) name += (name.empty() ? "" : " ") + word;
  if (FindGroup(name) != nullptr) return GroupHelp(name, lang);
  if (const CommandSpec* command = FindCommand(name)) return CommandHelp(*command, lang);
  return std::nullopt;
}

Status RunHelp(Invocation& inv) {
  auto text = HelpFor(inv.operands, inv.lang);
  if (!text) {
    std::string name;
    for (const auto& word : inv.operands) name += (name.empty() ? "" : " ") + word;
    return Failure::Usage("usage.unknown_command", {{"command", name}});
  }
  inv.Emit(render::Json{{"help", *text}}, *text);
  return {};
}

}  // namespace parley::client::cli
