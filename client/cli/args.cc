#include "client/cli/args.h"

#include <algorithm>

#include "client/cli/commands.h"
#include "client/render/text.h"

namespace parley::client::cli {

const std::vector<OptionSpec>& KnownOptions() {
  static const std::vector<OptionSpec> kOptions = {
      {"home", true, true},
      {"json", false, true},
      {"lang", true, true},
      {"help", false, true},
      {"version", false, true},
      {"qr", false, false},
      {"alias", true, false},
      {"confirm", false, false},
      {"limit", true, false},
      // profile set
      {"name-latin", true, false},
      {"name-cyrillic", true, false},
      {"state", true, false},
      {"org", true, false},
      {"role", true, false},
      {"areas", true, false},
      {"languages", true, false},
      {"bio", true, false},
      // directory search (with --state, --limit and its own --lang)
      {"area", true, false},
      {"offset", true, false},
      // revoke: one of these
      {"export", true, false},
      {"publish", true, false},
      {"member", true, false},
      {"yes", false, false},
      // introduce
      {"note", true, false},
      // network amend
      {"taxonomy", true, false},
      {"name", true, false},
      {"add-anchor", true, false},
      {"remove-anchor", true, false},
      {"first-anchor", true, false},
  };
  return kOptions;
}

namespace {

const OptionSpec* FindOption(std::string_view name) {
  for (const auto& option : KnownOptions()) {
    if (option.name == name) return &option;
  }
  return nullptr;
}

void Record(Args& args, Failure failure) {
  if (!args.error) args.error = std::move(failure);
}

// Whether the command named by the words so far takes `option` as its own.
bool CommandTakes(const std::vector<std::string>& words, std::string_view option) {
  const CommandSpec* command = CommandNamedBy(words);
  return command != nullptr && std::find(command->options.begin(), command->options.end(),
                                         option) != command->options.end();
}

void Apply(Args& args, const OptionSpec& option, std::string value) {
  if (option.global && CommandTakes(args.words, option.name)) {
    args.options[std::string(option.name)] = std::move(value);
  } else if (option.name == "home") {
    args.home = std::move(value);
  } else if (option.name == "json") {
    args.json = true;
  } else if (option.name == "lang") {
    args.lang = std::move(value);
  } else if (option.name == "help") {
    args.help = true;
  } else if (option.name == "version") {
    args.version = true;
  } else {
    args.options[std::string(option.name)] = std::move(value);
  }
}

}  // namespace

Args ParseArgs(const std::vector<std::string>& argv) {
  Args args;
  bool options_ended = false;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (options_ended || arg == "-" || arg.empty() || arg[0] != '-') {
      if (!render::IsValidUtf8(arg)) Record(args, Failure::Usage("usage.not_utf8", {}));
      args.words.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_ended = true;
      continue;
    }
    if (arg == "-h") {
      args.help = true;
      continue;
    }
    if (arg.rfind("--", 0) != 0) {  // "-x": parley has no short options but -h
      Record(args, Failure::Usage("usage.unknown_option", {{"option", arg}}));
      continue;
    }
    std::string name = arg.substr(2);
    std::optional<std::string> inline_value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name.resize(eq);
    }
    const OptionSpec* option = FindOption(name);
    if (option == nullptr) {
      Record(args, Failure::Usage("usage.unknown_option", {{"option", "--" + name}}));
      continue;
    }
    std::string value;
    if (option->takes_value) {
      if (inline_value) {
        value = *inline_value;
      } else if (i + 1 < argv.size()) {
        value = argv[++i];
      } else {
        Record(args, Failure::Usage("usage.option_needs_value", {{"option", "--" + name}}));
        continue;
      }
      if (!render::IsValidUtf8(value) && option->name != "home") {
        Record(args, Failure::Usage("usage.not_utf8", {}));
      }
    } else if (inline_value) {
      Record(args, Failure::Usage("usage.option_takes_no_value", {{"option", "--" + name}}));
      continue;
    }
    Apply(args, *option, std::move(value));
  }
  return args;
}

}  // namespace parley::client::cli
