#include "client/cli/run.h"

#include <algorithm>
#include <exception>
#include <optional>

#include "client/cli/args.h"
#include "client/cli/help.h"
#include "client/render/spinner.h"
#include "proto/local_paths.h"

#ifndef PARLEY_VERSION
#define PARLEY_VERSION "unknown"
#endif

namespace parley::client::cli {

namespace {

using i18n::Lang;
using i18n::Text;

struct Resolved {
  const CommandSpec* command = nullptr;
  std::size_t words_used = 0;           // command words consumed from Args::words
  std::string name;                     // what the user typed as the command
  const CommandGroup* group = nullptr;  // a group's word alone ("contacts")
};

Resolved ResolveCommand(const std::vector<std::string>& words) {
  Resolved resolved;
  if (words.empty()) return resolved;
  if (const CommandSpec* command = CommandNamedBy(words)) {
    const std::size_t used = command->name.find(' ') == std::string_view::npos ? 1 : 2;
    return {command, used, std::string(command->name), nullptr};
  }
  if (const CommandGroup* group = FindGroup(words[0])) {
    if (words.size() == 1) {  // "parley contacts" lists them
      const CommandSpec* command =
          group->default_command.empty() ? nullptr : FindCommand(group->default_command);
      return {command, 1, words[0], group};
    }
    return {nullptr, 2, words[0] + " " + words[1], nullptr};
  }
  return {nullptr, 1, words[0], nullptr};
}

std::string OptionDisplay(std::string_view name) {
  for (const auto& option : KnownOptions()) {
    if (option.name == name && option.takes_value) {
      std::string upper(name);
      std::transform(upper.begin(), upper.end(), upper.begin(),
                     [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
      return "--" + std::string(name) + " " + upper;
    }
  }
  return "--" + std::string(name);
}

// What the dispatch table promises about `command`, checked against `args`.
Status CheckUsage(const CommandSpec& command, const Args& args,
                  const std::vector<std::string>& operands) {
  const std::string id = command.Id();
  const std::string name(command.name);
  if (args.error) {
    Failure failure = *args.error;
    failure.command = id;
    return failure;
  }
  if (args.json && !command.json) {
    return Failure::Usage("usage.no_json", {{"command", name}}, id);
  }
  for (const auto& [option, value] : args.options) {
    if (std::find(command.options.begin(), command.options.end(), option) ==
        command.options.end()) {
      return Failure::Usage("usage.option_not_for_command",
                            {{"option", "--" + option}, {"command", name}}, id);
    }
  }
  for (std::string_view option : command.required_options) {
    if (args.options.count(std::string(option)) == 0) {
      return Failure::Usage("usage.missing_option",
                            {{"option", OptionDisplay(option)}, {"command", name}}, id);
    }
  }
  if (operands.size() < command.required_operands) {
    return Failure::Usage(
        "usage.missing_argument",
        {{"argument", std::string(command.operands[operands.size()])}, {"command", name}}, id);
  }
  if (!command.rest && operands.size() > command.operands.size()) {
    return Failure::Usage("usage.too_many_arguments",
                          {{"argument", operands[command.operands.size()]}, {"command", name}}, id);
  }
  return {};
}

void PrintText(Io& io, bool json, std::string_view key, const std::string& text) {
  if (json) {
    io.out << render::Dump(render::Json{{key, text}}) << '\n';
  } else {
    io.out << text;
    if (!text.empty() && text.back() != '\n') io.out << '\n';
  }
  io.out.flush();
}

Status Dispatch(const Args& args, Lang lang, Io& io, const i18n::GetEnv& getenv) {
  if (!args.lang.empty() && !i18n::ParseLang(args.lang)) {
    return Failure::Usage("usage.bad_lang", {{"value", args.lang}});
  }
  if (args.version) {
    if (args.json) {
      io.out << render::Dump(render::Json{{"version", Version()}}) << '\n';
    } else {
      io.out << Text(lang, "version.line", {{"version", std::string(Version())}}) << '\n';
    }
    return {};
  }

  Resolved resolved = ResolveCommand(args.words);
  if (args.help) {  // --help wins over everything else on the line
    if (args.words.empty()) {
      PrintText(io, args.json, "help", OverviewHelp(lang));
      return {};
    }
    // "parley introductions --help": the word is both a command and a group.
    if (resolved.group == nullptr && args.words.size() == 1) {
      resolved.group = FindGroup(args.words[0]);
    }
    if (resolved.group != nullptr) {
      PrintText(io, args.json, "help", GroupHelp(resolved.group->name, lang));
      return {};
    }
    if (resolved.command == nullptr) {
      return Failure::Usage("usage.unknown_command", {{"command", resolved.name}});
    }
    std::string text = CommandHelp(*resolved.command, lang);
    if (resolved.command->name == "help" && args.words.size() > 1) {  // parley help send --help
      std::vector<std::string> rest(args.words.begin() + 1, args.words.end());
      auto topic = HelpFor(rest, lang);
      if (!topic) return Failure::Usage("usage.unknown_command", {{"command", rest[0]}});
      text = *topic;
    }
    PrintText(io, args.json, "help", text);
    return {};
  }
  if (args.words.empty()) {
    if (args.error) return *args.error;
    return Failure::Usage("usage.missing_command", {});
  }
  if (resolved.command == nullptr && resolved.group != nullptr) {  // "parley directory"
    return Failure::Usage("usage.incomplete_command", {{"command", resolved.name}},
                          std::string(resolved.group->name));
  }
  if (resolved.command == nullptr) {
    return Failure::Usage("usage.unknown_command", {{"command", resolved.name}});
  }
  const CommandSpec& command = *resolved.command;
  std::vector<std::string> operands(
      args.words.begin() + static_cast<std::ptrdiff_t>(resolved.words_used), args.words.end());
  if (Status usage = CheckUsage(command, args, operands); !usage.ok()) return usage;

  std::string home;
  if (command.daemon) {
    auto resolved_home = paths::ResolveHome(args.home);
    if (!resolved_home) return Failure::Local("no_home", "error.no_home");
    home = *resolved_home;
    if (!paths::SocketPathsFit(home)) {
      return Failure::Usage("error.home_too_long",
                            {{"home", home}, {"max", std::to_string(paths::kMaxSocketPathBytes)}},
                            command.Id());
    }
  }

  render::Spinner spinner(io.err, Text(lang, "spinner.waiting"),
                          io.stderr_tty && !args.json && command.name != "chat");
  api_client::ApiOptions options;
  options.timeout = api_client::TimeoutFromEnv(getenv);
  options.on_wait = [&spinner](std::chrono::milliseconds waited) { spinner.Update(waited); };
  api_client::ApiClient api(home, std::move(options));

  Invocation invocation{command, std::move(operands), args.options, args.json, lang, io, api};
  return command.handler(invocation);
}

}  // namespace

std::string_view Version() { return PARLEY_VERSION; }

void Report(const Failure& failure, bool json, Lang lang, Io& io) {
  const std::string message = Text(lang, failure.key, failure.params);
  std::string hint;
  if (failure.kind == FailureKind::kUsage) {
    hint = failure.command.empty()
               ? Text(lang, "usage.see_help_overview")
               : Text(lang, "usage.see_help", {{"command", [&] {
                                                  std::string name = failure.command;
                                                  std::replace(name.begin(), name.end(), '_', ' ');
                                                  return name;
                                                }()}});
  }
  if (json) {
    io.out << render::Dump(render::ErrorJson(failure.code,
                                             hint.empty() ? message : message + " (" + hint + ")"))
           << '\n';
    io.out.flush();
    return;
  }
  io.err << "parley: " << message << '\n';
  if (!hint.empty()) io.err << hint << '\n';
  io.err.flush();
}

int Run(const std::vector<std::string>& argv, Io& io, const i18n::GetEnv& getenv) {
  Args args = ParseArgs(argv);
  const Lang lang = i18n::SelectLang(args.lang, getenv);
  try {
    Status status = Dispatch(args, lang, io, getenv);
    if (status.ok()) return kExitOk;
    Report(status.failure(), args.json, lang, io);
    return ExitCode(status.failure().kind);
  } catch (const std::exception& error) {
    Report(Failure::Local("unexpected", "error.unexpected", {{"detail", error.what()}}), args.json,
           lang, io);
    return kExitError;
  }
}

}  // namespace parley::client::cli
