// parleyd's command line: `parleyd [options] init ...` or `parleyd [options]`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "daemon/app/messages.h"

namespace parley::app {

struct CommandLine {
  enum class Command { kRun, kInit, kNetworkCreate, kRotateKeys, kHelp, kVersion };
  Command command = Command::kRun;
  std::string home;              // --home, empty: resolved from the environment
  std::string listen;            // --listen
  std::string announce;          // --announce (init)
  std::string name;              // --name (init, network create)
  std::string charter;           // --charter FILE (init): join that network
  std::string out;               // --out FILE (network create): where the charter goes
  std::string passphrase_file;   // --passphrase-file
  std::string kdf = "moderate";  // --kdf (init)
  std::string log_level = "info";
  std::string durability = "crash";  // --durability crash|power-loss (run)
  Language language = Language::kEnglish;
};

struct ParseError {
  Text text;
  std::string argument;
};

// Parses argv; options may come before or after `init` / `network create`.
std::optional<CommandLine> ParseCommandLine(const std::vector<std::string>& args, Language language,
                                            ParseError& error);

}  // namespace parley::app
