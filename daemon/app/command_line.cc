#include "daemon/app/command_line.h"

#include <map>

namespace parley::app {

std::optional<CommandLine> ParseCommandLine(const std::vector<std::string>& args, Language language,
                                            ParseError& error) {
  CommandLine line;
  line.language = language;
  const std::map<std::string, std::string CommandLine::*> kValued = {
      {"--home", &CommandLine::home},
      {"--listen", &CommandLine::listen},
      {"--announce", &CommandLine::announce},
      {"--name", &CommandLine::name},
      {"--charter", &CommandLine::charter},
      {"--out", &CommandLine::out},
      {"--passphrase-file", &CommandLine::passphrase_file},
      {"--kdf", &CommandLine::kdf},
      {"--log-level", &CommandLine::log_level},
      {"--durability", &CommandLine::durability},
  };
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    std::string option = arg;
    std::optional<std::string> inline_value;
    if (auto eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
      option = arg.substr(0, eq);
      inline_value = arg.substr(eq + 1);
    }
    if (option == "--lang") {
      if (!inline_value && i + 1 >= args.size()) {
        error = {Text::kMissingValue, option};
        return std::nullopt;
      }
      line.language = ParseLanguage(inline_value ? *inline_value : args[++i], line.language);
    } else if (auto it = kValued.find(option); it != kValued.end()) {
      if (!inline_value && i + 1 >= args.size()) {
        error = {Text::kMissingValue, option};
        return std::nullopt;
      }
      line.*(it->second) = inline_value ? *inline_value : args[++i];
    } else if (arg == "--help" || arg == "-h" || arg == "help") {
      line.command = CommandLine::Command::kHelp;
    } else if (arg == "--version") {
      line.command = CommandLine::Command::kVersion;
    } else if (arg == "init" && line.command == CommandLine::Command::kRun) {
      line.command = CommandLine::Command::kInit;
    } else if (arg == "network" && line.command == CommandLine::Command::kRun &&
               i + 1 < args.size() && args[i + 1] == "create") {
      line.command = CommandLine::Command::kNetworkCreate;
      ++i;
    } else if (arg == "rotate-keys" && line.command == CommandLine::Command::kRun) {
      line.command = CommandLine::Command::kRotateKeys;
    } else {
      error = {Text::kUnknownOption, arg};
      return std::nullopt;
    }
  }
  const bool needs_name = line.command == CommandLine::Command::kInit ||
                          line.command == CommandLine::Command::kNetworkCreate;
  if (needs_name && line.name.empty()) {
    error = {Text::kNameRequired, {}};
    return std::nullopt;
  }
  if (line.command == CommandLine::Command::kNetworkCreate && line.out.empty()) {
    error = {Text::kOutRequired, {}};
    return std::nullopt;
  }
  if (line.durability != "crash" && line.durability != "power-loss") {
    error = {Text::kUnknownDurability, line.durability};
    return std::nullopt;
  }
  if (!line.charter.empty() && line.command != CommandLine::Command::kInit) {
    error = {Text::kUnknownOption, "--charter"};
    return std::nullopt;
  }
  return line;
}

}  // namespace parley::app
