#include "client/cli/help.h"

#include <algorithm>

#include "client/render/text.h"

namespace parley::client::cli {

using i18n::Text;

namespace {
constexpr std::size_t kHelpWidth = 79;  // columns of help paragraphs
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
  auto left = [](const CommandSpec& command) {
    std::string text(command.name);
    if (!command.synopsis.empty()) text += " " + std::string(command.synopsis);
    return text;
  };
  std::size_t width = 0;
  for (const auto& command : CommandTable()) width = std::max(width, left(command).size());
  for (const auto& command : CommandTable()) {
    out += "  " + render::PadRight(left(command), width) + "  " + Text(lang, command.SummaryKey()) +
           "\n";
  }
  out += "\n" + Text(lang, "help.global_options") + "\n\n" + Text(lang, "help.exit_codes") +
         "\n\n" + Text(lang, "help.environment") + "\n\n" + Text(lang, "help.more") + "\n";
  return out;
}

std::string CommandHelp(const CommandSpec& command, i18n::Lang lang) {
  return Text(lang, "help.usage_label") + "\n  " + UsageLine(command) + "\n\n" +
         render::Wrap(Text(lang, command.HelpKey()), kHelpWidth) + "\n";
}

std::string GroupHelp(std::string_view group, i18n::Lang lang) {
  std::string out = Text(lang, "help.contacts_group") + "\n";
  for (const auto& command : CommandTable()) {
    if (command.name.substr(0, group.size() + 1) == std::string(group) + " ") {
      out += "\n" + CommandHelp(command, lang);
    }
  }
  return out;
}

std::optional<std::string> HelpFor(const std::vector<std::string>& words, i18n::Lang lang) {
  if (words.empty()) return OverviewHelp(lang);
  std::string name;
  for (const auto& word : words) name += (name.empty() ? "" : " ") + word;
  if (name == kContactsGroup) return GroupHelp(kContactsGroup, lang);
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
