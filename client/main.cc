// parley: the command-line client of Parley. Everything is in cli/run.h.
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "client/cli/run.h"

int main(int argc, char** argv) {
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
  parley::client::cli::Io io{std::cout,
                             std::cerr,
                             STDIN_FILENO,
                             ::isatty(STDIN_FILENO) == 1,
                             ::isatty(STDOUT_FILENO) == 1,
                             ::isatty(STDERR_FILENO) == 1};
  return parley::client::cli::Run(args, io, parley::client::i18n::ProcessEnv());
}
