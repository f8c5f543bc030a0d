// The edge of parley: a command line in, output and an exit code out.
//
// Parses the arguments, chooses the language, finds the command in the
// dispatch table, checks its operands and options, connects to the daemon
// and runs the handler. Every failure, expected or thrown, is reported here
// (one JSON document on stdout in --json mode, else "parley: ..." on stderr)
// and turned into the exit code of failure.h.
#pragma once

#include <string>
#include <vector>

#include "client/cli/commands.h"
#include "client/i18n/catalogue.h"

namespace parley::client::cli {

// `argv` without the program name.
int Run(const std::vector<std::string>& argv, Io& io, const i18n::GetEnv& getenv);

// How a failure is shown (exposed for tests).
void Report(const Failure& failure, bool json, i18n::Lang lang, Io& io);

// The version of parley ("0.1.0").
std::string_view Version();

}  // namespace parley::client::cli
