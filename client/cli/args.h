// The command line, split into global options, command options and words.
//
// Options may appear anywhere, before or after the command words, as
// "--name value" or "--name=value"; "--" ends the options (so a TEXT may
// start with '-'), and "-" alone is a word. Parsing never fails outright: the
// first problem is recorded in `error`, so the caller can still find the
// command and point at its help.
//
// A global option that a command also takes as its own (the dispatch table's
// CommandSpec::options) belongs to the command when it comes after the
// command's words, and is global before them: in
// "parley --lang ru directory search --lang uz" the first --lang chooses the
// language of parley's messages, the second filters the directory.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "client/failure.h"

namespace parley::client::cli {

struct OptionSpec {
  std::string_view name;  // without "--"
  bool takes_value;
  bool global;  // accepted by every command
};

// Every option parley knows. Commands list which non-global ones they take.
const std::vector<OptionSpec>& KnownOptions();

struct Args {
  // Global options.
  std::string home;  // --home DIR ("" = default, proto/local_paths.h)
  bool json = false;
  std::string lang;      // --lang as given ("" = from the environment)
  bool help = false;     // --help / -h
  bool version = false;  // --version

  std::vector<std::string> words;              // command words and operands, in order
  std::map<std::string, std::string> options;  // command options: name → value ("" for flags);
                                               // a later occurrence replaces an earlier one
  std::optional<Failure> error;                // the first usage problem
};

// `argv` without the program name.
Args ParseArgs(const std::vector<std::string>& argv);

}  // namespace parley::client::cli
