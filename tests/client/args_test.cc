// cli/args.h and the usage checks of cli/run.cc: options anywhere, operands,
// usage errors (exit 2) with a pointer to the command's help.
#include "client/cli/args.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "client/cli/commands.h"
#include "client/failure.h"
#include "client/render/text.h"
#include "tests/client/test_support.h"

namespace parley::client {
namespace {

using cli::ParseArgs;
using testing::RunParley;
using testing::TempHome;

TEST(ArgsTest, GlobalOptionsBeforeAndAfterTheCommand) {
  auto before = ParseArgs({"--json", "--home", "/h", "--lang", "ru", "contacts", "list"});
  auto after = ParseArgs({"contacts", "list", "--json", "--home=/h", "--lang=ru"});
  auto between = ParseArgs({"contacts", "--home", "/h", "list", "--json", "--lang", "ru"});
  for (const auto& args : {before, after, between}) {
    EXPECT_FALSE(args.error.has_value());
    EXPECT_TRUE(args.json);
    EXPECT_EQ(args.home, "/h");
    EXPECT_EQ(args.lang, "ru");
    EXPECT_EQ(args.words, (std::vector<std::string>{"contacts", "list"}));
  }
}

TEST(ArgsTest, CommandOptionsWithValues) {
  auto args = ParseArgs({"contacts", "add", "parley:abc", "--alias", "bob"});
  EXPECT_FALSE(args.error.has_value());
  EXPECT_EQ(args.words, (std::vector<std::string>{"contacts", "add", "parley:abc"}));
  EXPECT_EQ(args.options.at("alias"), "bob");
  auto inline_value = ParseArgs({"messages", "bob", "--limit=5", "--confirm"});
  EXPECT_EQ(inline_value.options.at("limit"), "5");
  EXPECT_EQ(inline_value.options.at("confirm"), "");
}

TEST(ArgsTest, DoubleDashEndsOptionsAndDashIsAWord) {
  auto args = ParseArgs({"send", "bob", "--", "-5", "--json"});
  EXPECT_FALSE(args.error.has_value());
  EXPECT_FALSE(args.json);
  EXPECT_EQ(args.words, (std::vector<std::string>{"send", "bob", "-5", "--json"}));
  auto dash = ParseArgs({"send", "bob", "-"});
  EXPECT_EQ(dash.words.back(), "-");
}

TEST(ArgsTest, ProblemsAreRecordedNotThrown) {
  auto unknown = ParseArgs({"status", "--frobnicate"});
  ASSERT_TRUE(unknown.error.has_value());
  EXPECT_EQ(unknown.error->key, "usage.unknown_option");
  EXPECT_EQ(unknown.error->kind, FailureKind::kUsage);
  EXPECT_EQ(unknown.words, (std::vector<std::string>{"status"}));

  auto short_option = ParseArgs({"status", "-x"});
  ASSERT_TRUE(short_option.error.has_value());
  EXPECT_EQ(short_option.error->key, "usage.unknown_option");

  auto missing_value = ParseArgs({"messages", "bob", "--limit"});
  ASSERT_TRUE(missing_value.error.has_value());
  EXPECT_EQ(missing_value.error->key, "usage.option_needs_value");

  auto flag_with_value = ParseArgs({"status", "--json=yes"});
  ASSERT_TRUE(flag_with_value.error.has_value());
  EXPECT_EQ(flag_with_value.error->key, "usage.option_takes_no_value");

  auto not_utf8 = ParseArgs({"send", "bob", "\xff\xfe"});
  ASSERT_TRUE(not_utf8.error.has_value());
  EXPECT_EQ(not_utf8.error->key, "usage.not_utf8");
}

TEST(ArgsTest, LangAfterDirectorySearchIsTheCommandsFilter) {
  auto filter = ParseArgs({"directory", "search", "--lang", "ru"});
  EXPECT_FALSE(filter.error.has_value());
  EXPECT_EQ(filter.lang, "");
  EXPECT_EQ(filter.options.at("lang"), "ru");
  EXPECT_EQ(filter.words, (std::vector<std::string>{"directory", "search"}));

  auto after_text = ParseArgs({"directory", "search", "Иванова", "--lang=hy"});
  EXPECT_EQ(after_text.lang, "");
  EXPECT_EQ(after_text.options.at("lang"), "hy");

  auto interface = ParseArgs({"--lang", "ru", "directory", "search", "x"});
  EXPECT_EQ(interface.lang, "ru");
  EXPECT_EQ(interface.options.count("lang"), 0u);
  EXPECT_EQ(interface.words, (std::vector<std::string>{"directory", "search", "x"}));

  auto both = ParseArgs({"--lang=ru", "directory", "search", "x", "--lang", "en"});
  EXPECT_EQ(both.lang, "ru");
  EXPECT_EQ(both.options.at("lang"), "en");

  // Before the command's words are complete, --lang is still global.
  auto between = ParseArgs({"directory", "--lang", "ru", "search"});
  EXPECT_EQ(between.lang, "ru");
  EXPECT_EQ(between.options.count("lang"), 0u);

  // Commands without a --lang of their own leave it global wherever it is.
  for (const auto& argv :
       std::vector<std::vector<std::string>>{{"contacts", "list", "--lang", "ru"},
                                             {"profile", "show", "--lang", "ru"},
                                             {"help", "directory", "search", "--lang", "ru"}}) {
    auto args = ParseArgs(argv);
    EXPECT_EQ(args.lang, "ru") << argv[0];
    EXPECT_EQ(args.options.count("lang"), 0u) << argv[0];
  }

  // After "--", "--lang" is a word of the search text.
  auto text = ParseArgs({"directory", "search", "--", "--lang"});
  EXPECT_EQ(text.words, (std::vector<std::string>{"directory", "search", "--lang"}));
  EXPECT_EQ(text.options.count("lang"), 0u);
}

TEST(ArgsTest, ProfileAndSearchOptions) {
  auto set = ParseArgs({"profile", "set", "--name-latin", "Anna Petrova", "--name-cyrillic=Анна",
                        "--state", "UZ", "--org", "Ministry", "--role", "Head", "--areas", "",
                        "--languages", "ru,en", "--bio", "-5 °C"});
  EXPECT_FALSE(set.error.has_value());
  EXPECT_EQ(set.words, (std::vector<std::string>{"profile", "set"}));
  EXPECT_EQ(set.options, (std::map<std::string, std::string>{{"name-latin", "Anna Petrova"},
                                                             {"name-cyrillic", "Анна"},
                                                             {"state", "UZ"},
                                                             {"org", "Ministry"},
                                                             {"role", "Head"},
                                                             {"areas", ""},
                                                             {"languages", "ru,en"},
                                                             {"bio", "-5 °C"}}));

  auto search = ParseArgs({"directory", "search", "a", "--state", "AM", "--area", "integration",
                           "--limit", "5", "b", "--offset=10"});
  EXPECT_FALSE(search.error.has_value());
  EXPECT_EQ(search.words, (std::vector<std::string>{"directory", "search", "a", "b"}));
  EXPECT_EQ(search.options,
            (std::map<std::string, std::string>{
                {"state", "AM"}, {"area", "integration"}, {"limit", "5"}, {"offset", "10"}}));

  auto later_wins = ParseArgs({"directory", "search", "--offset", "0", "--offset", "20"});
  EXPECT_EQ(later_wins.options.at("offset"), "20");  // "repeat with --offset N" works

  auto missing = ParseArgs({"profile", "set", "--org"});
  ASSERT_TRUE(missing.error.has_value());
  EXPECT_EQ(missing.error->key, "usage.option_needs_value");
}

TEST(ArgsTest, ContactPointAndEndorseOptions) {
  auto add = ParseArgs({"contact-point", "add", "иван", "--state", "AM"});
  EXPECT_FALSE(add.error.has_value());
  EXPECT_EQ(add.words, (std::vector<std::string>{"contact-point", "add", "иван"}));
  EXPECT_EQ(add.options, (std::map<std::string, std::string>{{"state", "AM"}}));
  EXPECT_EQ(cli::CommandNamedBy(add.words), cli::FindCommand("contact-point add"));

  auto endorse = ParseArgs({"--json", "endorse", "--org=Министерство труда", "maria"});
  EXPECT_FALSE(endorse.error.has_value());
  EXPECT_TRUE(endorse.json);
  EXPECT_EQ(endorse.words, (std::vector<std::string>{"endorse", "maria"}));
  EXPECT_EQ(endorse.options.at("org"), "Министерство труда");
  EXPECT_EQ(cli::CommandNamedBy(endorse.words), cli::FindCommand("endorse"));

  EXPECT_EQ(cli::CommandNamedBy({"contact-point", "suspend", "иван"}),
            cli::FindCommand("contact-point suspend"));
  ASSERT_NE(cli::FindGroup("contact-point"), nullptr);
  EXPECT_EQ(cli::FindGroup("contact-point")->default_command, "contact-point list");
}

TEST(ArgsTest, RevokeOptions) {
  auto exported = ParseArgs({"revoke", "--export", "/media/usb/revocation.txt"});
  EXPECT_FALSE(exported.error.has_value());
  EXPECT_EQ(exported.words, (std::vector<std::string>{"revoke"}));
  EXPECT_EQ(exported.options,
            (std::map<std::string, std::string>{{"export", "/media/usb/revocation.txt"}}));
  EXPECT_EQ(cli::CommandNamedBy(exported.words), cli::FindCommand("revoke"));

  auto published = ParseArgs({"--json", "revoke", "--publish=revocation.txt"});
  EXPECT_TRUE(published.json);
  EXPECT_EQ(published.options.at("publish"), "revocation.txt");
  EXPECT_EQ(ParseArgs({"revoke", "--member", "иван"}).options.at("member"), "иван");
  EXPECT_EQ(ParseArgs({"revoke", "--yes"}).options.at("yes"), "");

  // Several forms parse; the command refuses them (UsageTest, commands_test).
  auto several = ParseArgs({"revoke", "--yes", "--member", "bob"});
  EXPECT_FALSE(several.error.has_value());
  EXPECT_EQ(several.options.size(), 2u);

  auto no_file = ParseArgs({"revoke", "--export"});
  ASSERT_TRUE(no_file.error.has_value());
  EXPECT_EQ(no_file.error->key, "usage.option_needs_value");
  auto yes_value = ParseArgs({"revoke", "--yes=please"});
  ASSERT_TRUE(yes_value.error.has_value());
  EXPECT_EQ(yes_value.error->key, "usage.option_takes_no_value");
}

TEST(ArgsTest, IntroductionOptions) {
  auto introduce =
      ParseArgs({"introduce", "anna", "--note", "Вы оба работаете с мигрантами", "иван"});
  EXPECT_FALSE(introduce.error.has_value());
  EXPECT_EQ(introduce.words, (std::vector<std::string>{"introduce", "anna", "иван"}));
  EXPECT_EQ(introduce.options,
            (std::map<std::string, std::string>{{"note", "Вы оба работаете с мигрантами"}}));
  EXPECT_EQ(cli::CommandNamedBy(introduce.words), cli::FindCommand("introduce"));
  EXPECT_EQ(ParseArgs({"introduce", "a", "b", "--note="}).options.at("note"), "");
  auto no_note = ParseArgs({"introduce", "a", "b", "--note"});
  ASSERT_TRUE(no_note.error.has_value());
  EXPECT_EQ(no_note.error->key, "usage.option_needs_value");

  // "introductions" is a command of its own and the word of a group.
  EXPECT_EQ(cli::CommandNamedBy({"introductions"}), cli::FindCommand("introductions"));
  EXPECT_EQ(cli::CommandNamedBy({"introductions", "accept", "3"}),
            cli::FindCommand("introductions accept"));
  EXPECT_EQ(cli::CommandNamedBy({"introductions", "decline", "3"}),
            cli::FindCommand("introductions decline"));
  ASSERT_NE(cli::FindGroup("introductions"), nullptr);
  EXPECT_EQ(cli::FindGroup("introductions")->default_command, "introductions");
  auto accept = ParseArgs({"--json", "introductions", "accept", "3", "--alias=пётр"});
  EXPECT_FALSE(accept.error.has_value());
  EXPECT_TRUE(accept.json);
  EXPECT_EQ(accept.words, (std::vector<std::string>{"introductions", "accept", "3"}));
  EXPECT_EQ(accept.options.at("alias"), "пётр");
}

TEST(ArgsTest, HelpAndVersionFlags) {
  EXPECT_TRUE(ParseArgs({"send", "--help"}).help);
  EXPECT_TRUE(ParseArgs({"-h"}).help);
  EXPECT_TRUE(ParseArgs({"--version"}).version);
}

// ------------------------------------------------------------ through cli::Run

struct UsageCase {
  std::vector<std::string> argv;
  std::string see;  // expected "see: ..." line
};

TEST(UsageTest, UsageErrorsExitTwoAndPointAtHelp) {
  const std::vector<UsageCase> cases = {
      {{"send"}, "see: parley help send"},
      {{"send", "bob"}, "see: parley help send"},
      {{"contacts", "add", "parley:x"}, "see: parley help contacts add"},  // --alias missing
      {{"contacts", "verify"}, "see: parley help contacts verify"},
      {{"messages", "bob", "extra"}, "see: parley help messages"},
      {{"messages", "bob", "--limit", "0"}, "see: parley help messages"},
      {{"messages", "bob", "--limit", "many"}, "see: parley help messages"},
      {{"contacts", "accept", "seven"}, "see: parley help contacts accept"},
      {{"status", "--qr"}, "see: parley help status"},
      {{"status", "--bogus"}, "see: parley help status"},
      {{"frobnicate"}, "see: parley help"},
      {{"contacts", "frobnicate"}, "see: parley help"},
      {{}, "see: parley help"},
      {{"--lang", "de", "status"}, "see: parley help"},
      {{"network", "extra"}, "see: parley help network"},
      {{"network", "--state", "UZ"}, "see: parley help network"},
      {{"profile", "set"}, "see: parley help profile set"},
      {{"profile", "set", "--area", "integration"}, "see: parley help profile set"},
      {{"profile", "set", "--limit", "3"}, "see: parley help profile set"},
      {{"profile", "show", "a", "b"}, "see: parley help profile show"},
      {{"profile", "show", "--org", "x"}, "see: parley help profile show"},
      {{"profile", "frobnicate"}, "see: parley help"},
      {{"directory"}, "see: parley help directory"},
      {{"directory", "frobnicate"}, "see: parley help"},
      {{"directory", "search", "--limit", "0"}, "see: parley help directory search"},
      {{"directory", "search", "--limit", "101"}, "see: parley help directory search"},
      {{"directory", "search", "--offset", "-1"}, "see: parley help directory search"},
      {{"directory", "search", "--offset", "10001"}, "see: parley help directory search"},
      {{"directory", "search", "--offset", "x"}, "see: parley help directory search"},
      {{"directory", "search", "--state", "Uzbekistan"}, "see: parley help directory search"},
      {{"directory", "search", "--state", "У3"}, "see: parley help directory search"},
      {{"directory", "search", "--lang", "russian"}, "see: parley help directory search"},
      {{"directory", "search", "--lang", "ру"}, "see: parley help directory search"},
      {{"directory", "search", "--org", "x"}, "see: parley help directory search"},
      {{"directory", "search", "--areas", "x"}, "see: parley help directory search"},
      {{"contact-point", "add", "иван"}, "see: parley help contact-point add"},
      {{"contact-point", "add", "--state", "AM"}, "see: parley help contact-point add"},
      {{"contact-point", "add", "a", "b", "--state", "AM"}, "see: parley help contact-point add"},
      {{"contact-point", "add", "a", "--state"}, "see: parley help contact-point add"},
      {{"contact-point", "suspend"}, "see: parley help contact-point suspend"},
      {{"contact-point", "suspend", "a", "--state", "AM"},
       "see: parley help contact-point suspend"},
      {{"contact-point", "list", "a"}, "see: parley help contact-point list"},
      {{"contact-point", "frobnicate"}, "see: parley help"},
      {{"endorse", "maria"}, "see: parley help endorse"},
      {{"endorse", "--org", "X"}, "see: parley help endorse"},
      {{"endorse", "maria", "--org", "X", "--state", "AM"}, "see: parley help endorse"},
      {{"revoke", "--yes", "--member", "bob"}, "see: parley help revoke"},
      {{"revoke", "--export", "a", "--publish", "b"}, "see: parley help revoke"},
      {{"revoke", "--member", "bob", "--export", "a"}, "see: parley help revoke"},
      {{"revoke", "--publish", "a", "--yes"}, "see: parley help revoke"},
      {{"revoke", "--export"}, "see: parley help revoke"},
      {{"revoke", "--yes=1"}, "see: parley help revoke"},
      {{"revoke", "bob"}, "see: parley help revoke"},
      {{"revoke", "--org", "x"}, "see: parley help revoke"},
      {{"status", "--yes"}, "see: parley help status"},
      {{"network", "amend"}, "see: parley help network amend"},
      {{"network", "amend", "--name", ""}, "see: parley help network amend"},
      {{"network", "amend", "--taxonomy"}, "see: parley help network amend"},
      {{"network", "amend", "taxonomy.json"}, "see: parley help network amend"},
      {{"network", "amend", "--name", "X", "--org", "Y"}, "see: parley help network amend"},
      {{"network", "--taxonomy", "taxonomy.json"}, "see: parley help network"},
  };
  TempHome home;  // no daemon: a usage error must be found before connecting
  for (const auto& c : cases) {
    std::vector<std::string> argv = c.argv;
    argv.insert(argv.begin(), {"--home", home.path()});
    auto result = RunParley(argv);
    EXPECT_EQ(result.exit_code, kExitUsage) << ::testing::PrintToString(c.argv);
    EXPECT_EQ(result.out, "");
    EXPECT_EQ(result.err.rfind("parley: ", 0), 0u) << result.err;
    EXPECT_NE(result.err.find("\n" + c.see + "\n"), std::string::npos) << result.err;
    // exactly two lines: the error and the pointer to help
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 2) << result.err;
  }
}

TEST(UsageTest, UsageErrorInJsonModeIsOneJsonDocument) {
  auto result = RunParley({"send", "--json"});
  EXPECT_EQ(result.exit_code, kExitUsage);
  EXPECT_EQ(result.err, "");
  auto document = nlohmann::json::parse(result.out);
  EXPECT_EQ(document["error"]["code"], "usage");
  EXPECT_NE(document["error"]["message"].get<std::string>().find("parley help send"),
            std::string::npos);
}

TEST(UsageTest, ChatHasNoJsonMode) {
  auto result = RunParley({"--json", "chat", "bob"});
  EXPECT_EQ(result.exit_code, kExitUsage);
  EXPECT_EQ(nlohmann::json::parse(result.out)["error"]["code"], "usage");
}

TEST(UsageTest, UsageErrorsAreTranslated) {
  auto result = RunParley({"send"}, {{"LANG", "ru_RU.UTF-8"}});
  EXPECT_EQ(result.exit_code, kExitUsage);
  EXPECT_NE(result.err.find("не указан аргумент ALIAS"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("см.: parley help send"), std::string::npos) << result.err;
}

TEST(UsageTest, NewUsageErrorsSayWhatIsExpected) {
  TempHome home;
  auto run = [&](std::vector<std::string> argv, const std::string& lang = "C.UTF-8") {
    argv.insert(argv.begin(), {"--home", home.path()});
    return RunParley(argv, {{"LANG", lang}});
  };
  EXPECT_EQ(run({"directory", "search", "--limit", "500"}).err,
            "parley: --limit needs a whole number from 1 to 100, not '500'.\n"
            "see: parley help directory search\n");
  EXPECT_EQ(run({"messages", "bob", "--limit", "20000"}).err,
            "parley: --limit needs a whole number from 1 to 10000, not '20000'.\n"
            "see: parley help messages\n");
  EXPECT_EQ(run({"directory", "search", "--offset", "x"}).err,
            "parley: --offset needs a whole number from 0 to 10000, not 'x'.\n"
            "see: parley help directory search\n");
  EXPECT_EQ(run({"directory", "search", "--state", "Uzbekistan"}).err,
            "parley: --state needs the two-letter ISO 3166 code of a state, such as UZ or AM, not "
            "'Uzbekistan'.\nsee: parley help directory search\n");
  EXPECT_EQ(run({"directory"}).err,
            "parley: 'directory' needs a command after it.\nsee: parley help directory\n");

  auto russian = run({"directory", "search", "--lang", "russian"}, "ru_RU.UTF-8");
  EXPECT_NE(russian.err.find("параметр --lang отбирает экспертов по языку"), std::string::npos)
      << russian.err;
  EXPECT_NE(russian.err.find("parley --lang ru directory search"), std::string::npos);
  EXPECT_NE(russian.err.find("см.: parley help directory search"), std::string::npos);
  auto nothing = run({"profile", "set"}, "ru_RU.UTF-8");
  EXPECT_NE(nothing.err.find("нужен хотя бы один параметр"), std::string::npos) << nothing.err;
}

TEST(HelpTest, HelpForms) {
  auto overview = RunParley({"help"});
  EXPECT_EQ(overview.exit_code, 0);
  EXPECT_NE(overview.out.find("contacts verify ALIAS [--confirm]"), std::string::npos);
  EXPECT_NE(overview.out.find("Exit codes:"), std::string::npos);
  EXPECT_EQ(RunParley({"--help"}).out, overview.out);

  auto command = RunParley({"help", "contacts", "add"});
  EXPECT_EQ(command.exit_code, 0);
  EXPECT_NE(command.out.find("Usage:\n  parley [--home DIR] [--json] [--lang en|ru] contacts add "
                             "CARD --alias ALIAS"),
            std::string::npos)
      << command.out;
  // COMMAND --help, even with otherwise incomplete arguments
  EXPECT_EQ(RunParley({"contacts", "add", "--help"}).out, command.out);
  EXPECT_EQ(RunParley({"contacts", "add", "--help"}).exit_code, 0);

  auto group = RunParley({"help", "contacts"});
  EXPECT_EQ(group.exit_code, 0);
  EXPECT_NE(group.out.find("contacts accept ID"), std::string::npos);

  auto unknown = RunParley({"help", "frobnicate"});
  EXPECT_EQ(unknown.exit_code, kExitUsage);

  auto russian = RunParley({"help", "send", "--lang", "ru"});
  EXPECT_NE(russian.out.find("Использование:"), std::string::npos);

  auto json = RunParley({"--json", "help", "send"});
  EXPECT_EQ(json.exit_code, 0);
  EXPECT_TRUE(nlohmann::json::parse(json.out)["help"].is_string());
}

TEST(HelpTest, NewCommandsInTheOverviewInBothLanguages) {
  auto english = RunParley({"help"});
  EXPECT_NE(english.out.find("  network                             your network: charter, "
                             "thematic areas\n"),
            std::string::npos)
      << english.out;
  EXPECT_NE(english.out.find("  profile set [OPTIONS]               publish or change your "
                             "profile\n"),
            std::string::npos);
  EXPECT_NE(english.out.find("  profile show [ALIAS]                show your profile or a "
                             "contact's\n"),
            std::string::npos);
  EXPECT_NE(english.out.find("  directory search [TEXT] [OPTIONS]   find experts in the "
                             "network's directory\n"),
            std::string::npos);
  EXPECT_NE(english.out.find("after \"directory search\", --lang filters"), std::string::npos);

  auto russian = RunParley({"--lang", "ru", "help"});
  EXPECT_NE(russian.out.find("  network                             ваша сеть: устав, "
                             "тематические области\n"),
            std::string::npos)
      << russian.out;
  EXPECT_NE(russian.out.find("  profile set [OPTIONS]               опубликовать или изменить "
                             "свой профиль\n"),
            std::string::npos);
  EXPECT_NE(russian.out.find("  directory search [TEXT] [OPTIONS]   найти экспертов в "
                             "справочнике сети\n"),
            std::string::npos);
  EXPECT_NE(russian.out.find("после «directory search» --lang — фильтр поиска"), std::string::npos);
}

TEST(HelpTest, NewCommandsHaveFullHelpAndGroups) {
  auto search = RunParley({"help", "directory", "search"});
  EXPECT_EQ(search.exit_code, 0);
  EXPECT_NE(
      search.out.find("Usage:\n"
                      "  parley [--home DIR] [--json] [--lang en|ru] directory search [TEXT]\n"
                      "         [--state XX] [--area SLUG] [--lang xx] [--limit N] "
                      "[--offset N]\n"),
      std::string::npos)
      << search.out;
  EXPECT_NE(search.out.find("parley --lang ru directory search ..."), std::string::npos);
  EXPECT_EQ(RunParley({"directory", "search", "--help"}).out, search.out);
  auto search_ru = RunParley({"--lang", "ru", "help", "directory", "search"});
  EXPECT_NE(search_ru.out.find("После команды --lang — это фильтр."), std::string::npos)
      << search_ru.out;

  auto set = RunParley({"help", "profile", "set"});
  for (const char* option : {"--name-latin S", "--name-cyrillic S", "--state XX", "--org S",
                             "--role S", "--areas SLUG,...", "--languages xx,...", "--bio S"}) {
    EXPECT_NE(set.out.find(std::string("\n  ") + option + " "), std::string::npos) << option;
  }
  EXPECT_NE(set.out.find("--areas \"\" clears them"), std::string::npos);
  auto set_ru = RunParley({"help", "profile", "set", "--lang", "ru"});
  EXPECT_NE(set_ru.out.find("--areas \"\" их очищает"), std::string::npos) << set_ru.out;

  auto network = RunParley({"help", "network"});
  EXPECT_NE(network.out.find("parley [--home DIR] [--json] [--lang en|ru] network\n"),
            std::string::npos);
  EXPECT_NE(RunParley({"--lang", "ru", "help", "network"}).out.find("якорем сети"),
            std::string::npos);

  auto profile = RunParley({"help", "profile"});
  EXPECT_EQ(profile.exit_code, 0);
  EXPECT_EQ(profile.out.rfind("Commands for your profile in the network's directory:\n", 0), 0u);
  EXPECT_NE(profile.out.find("profile set [--name-latin S]"), std::string::npos);
  EXPECT_NE(profile.out.find("profile show [ALIAS]"), std::string::npos);
  EXPECT_EQ(RunParley({"profile", "--help"}).out, profile.out);

  auto directory = RunParley({"--lang", "ru", "help", "directory"});
  EXPECT_EQ(directory.exit_code, 0);
  EXPECT_EQ(directory.out.rfind("Команды для справочника экспертов сети:\n", 0), 0u);
  EXPECT_EQ(RunParley({"--lang", "ru", "directory", "--help"}).out, directory.out);
}

TEST(HelpTest, TrustCommandsInTheOverviewAndTheirHelp) {
  auto english = RunParley({"help"});
  for (const char* line :
       {"  contact-point add ALIAS --state XX  anchor: name a state's contact point\n",
        "  contact-point suspend ALIAS         anchor: suspend a contact point\n",
        "  contact-point list                  list the network's contact points\n",
        "  endorse ALIAS --org ORG             endorse a contact as a member of ORG\n"}) {
    EXPECT_NE(english.out.find(line), std::string::npos) << line << english.out;
  }
  auto russian = RunParley({"--lang", "ru", "help"});
  EXPECT_NE(russian.out.find("  contact-point add ALIAS --state XX  якорь: назначить контактный "
                             "пункт\n"),
            std::string::npos)
      << russian.out;
  EXPECT_NE(russian.out.find("  endorse ALIAS --org ORG             заверить членство контакта в "
                             "организации\n"),
            std::string::npos);

  auto group = RunParley({"help", "contact-point"});
  EXPECT_EQ(group.exit_code, 0);
  EXPECT_EQ(group.out.rfind("Commands for the network's National Contact Points:\n", 0), 0u)
      << group.out;
  EXPECT_NE(group.out.find("contact-point add ALIAS\n         --state XX\n"), std::string::npos);
  EXPECT_NE(group.out.find("contact-point suspend ALIAS\n"), std::string::npos);
  EXPECT_NE(group.out.find("contact-point list\n"), std::string::npos);
  EXPECT_NE(group.out.find("  parley contact-point add ivanov --state AM\n"), std::string::npos);
  EXPECT_EQ(RunParley({"contact-point", "--help"}).out, group.out);
  auto group_ru = RunParley({"--lang", "ru", "help", "contact-point"});
  EXPECT_EQ(group_ru.out.rfind("Команды для национальных контактных пунктов сети:\n", 0), 0u)
      << group_ru.out;
  EXPECT_NE(group_ru.out.find("Примеры:\n  parley contact-point add ivanov --state AM\n"),
            std::string::npos);

  auto add = RunParley({"help", "contact-point", "add"});
  // Too wide for one line: broken before the option, kept with its value.
  EXPECT_NE(add.out.find("Usage:\n  parley [--home DIR] [--json] [--lang en|ru] contact-point add "
                         "ALIAS\n         --state XX\n"),
            std::string::npos)
      << add.out;
  EXPECT_NE(add.out.find("(the secretariat's node) can do this"), std::string::npos);
  EXPECT_EQ(RunParley({"contact-point", "add", "--help"}).out, add.out);
  auto suspend = RunParley({"help", "contact-point", "suspend"});
  EXPECT_NE(suspend.out.find("Every endorsement it made"), std::string::npos) << suspend.out;
  EXPECT_NE(suspend.out.find("  parley contact-point suspend ivanov\n"), std::string::npos);

  auto endorse = RunParley({"help", "endorse"});
  EXPECT_EQ(endorse.exit_code, 0);
  EXPECT_NE(endorse.out.find("Usage:\n  parley [--home DIR] [--json] [--lang en|ru] endorse ALIAS "
                             "--org ORG\n"),
            std::string::npos)
      << endorse.out;
  EXPECT_NE(endorse.out.find("visible to every member of the network"), std::string::npos);
  EXPECT_NE(endorse.out.find("  parley endorse ivanov --org \"State Migration Service\"\n"),
            std::string::npos);
  auto endorse_ru = RunParley({"--lang", "ru", "help", "endorse"});
  EXPECT_NE(endorse_ru.out.find("виден всем участникам сети"), std::string::npos) << endorse_ru.out;
  EXPECT_NE(endorse_ru.out.find("Примеры:\n  parley endorse ivanov"), std::string::npos);

  // The trust words of profiles and the directory name endorsements too.
  EXPECT_NE(RunParley({"help", "profile", "show"}).out.find("endorsed by the anchor"),
            std::string::npos);
  EXPECT_NE(RunParley({"--lang", "ru", "help", "directory", "search"}).out.find("заверен"),
            std::string::npos);
}

TEST(HelpTest, RevokeInTheOverviewAndItsHelp) {
  EXPECT_NE(RunParley({"help"}).out.find(
                "  revoke [OPTIONS]                    revoke a lost or stolen key, for good\n"),
            std::string::npos);
  EXPECT_NE(RunParley({"--lang", "ru", "help"})
                .out.find("  revoke [OPTIONS]                    отозвать утерянный или "
                          "украденный ключ\n"),
            std::string::npos);

  auto english = RunParley({"help", "revoke"});
  EXPECT_EQ(english.exit_code, 0);
  EXPECT_EQ(english.out.rfind("Usage:\n  parley [--home DIR] [--json] [--lang en|ru] revoke\n"
                              "         [--export FILE | --publish FILE | --member ALIAS | "
                              "--yes]\n",
                              0),
            0u)
      << english.out;
  for (const char* text :
       {"\n  --export FILE    ", "\n  --publish FILE   ", "\n  --member ALIAS   ",
        "\n  --yes            ", "cannot be undone", "USB stick",
        "\"parley revoke\" alone does nothing: it warns, and --yes confirms.",
        "\n  parley revoke --export revocation.txt\n",
        "\n  parley revoke --publish /media/usb/revocation.txt\n",
        "\n  parley revoke --member ivanov\n", "\n  parley revoke --yes\n"}) {
    EXPECT_NE(english.out.find(text), std::string::npos) << text << english.out;
  }
  EXPECT_EQ(RunParley({"revoke", "--help"}).out, english.out);
  EXPECT_EQ(RunParley({"revoke", "--yes", "--help"}).out, english.out);  // --help sends nothing

  auto russian = RunParley({"--lang", "ru", "help", "revoke"});
  EXPECT_EQ(russian.exit_code, 0);
  for (const char* text : {"Использование:", "\n  --export FILE    подписать отзыв",
                           "\n  --publish FILE   опубликовать сертификат",
                           "\n  --member ALIAS   отозвать ключ контакта ALIAS",
                           "\n  --yes            отозвать собственный ключ",
                           "Отзыв отменить нельзя", "Примеры:\n  parley revoke --export"}) {
    EXPECT_NE(russian.out.find(text), std::string::npos) << text << russian.out;
  }

  // The trust words of profiles, contacts and the directory name revocation too.
  EXPECT_NE(
      RunParley({"help", "profile", "show"}).out.find("key-changed, endorsed, revoked or unknown"),
      std::string::npos);
  EXPECT_NE(RunParley({"help", "contacts", "list"}).out.find("REVOKED"), std::string::npos);
  EXPECT_NE(RunParley({"--lang", "ru", "help", "directory", "search"}).out.find("ОТОЗВАН"),
            std::string::npos);
}

TEST(HelpTest, IntroductionsInTheOverviewAndTheirHelp) {
  auto english = RunParley({"help"});
  for (const char* line :
       {"  introduce ALIAS1 ALIAS2 [OPTIONS]   introduce two contacts to each other\n",
        "  introductions                       list introductions waiting for you\n",
        "  introductions accept ID [OPTIONS]   accept an introduction: a new contact\n",
        "  introductions decline ID            decline an introduction\n"}) {
    EXPECT_NE(english.out.find(line), std::string::npos) << line << english.out;
  }
  auto russian = RunParley({"--lang", "ru", "help"});
  EXPECT_NE(russian.out.find("  introduce ALIAS1 ALIAS2 [OPTIONS]   познакомить двух ваших "
                             "контактов\n"),
            std::string::npos)
      << russian.out;
  EXPECT_NE(russian.out.find("  introductions                       показать ожидающие "
                             "знакомства\n"),
            std::string::npos);

  auto introduce = RunParley({"help", "introduce"});
  EXPECT_EQ(introduce.exit_code, 0);
  EXPECT_EQ(introduce.out.rfind("Usage:\n  parley [--home DIR] [--json] [--lang en|ru] introduce "
                                "ALIAS1 ALIAS2\n         [--note TEXT]\n",
                                0),
            0u)
      << introduce.out;
  for (const char* text : {"\n  --note TEXT   ", "1024 bytes", "\"introduced by\"",
                           "\n  parley introduce anna ivanov --note "}) {
    EXPECT_NE(introduce.out.find(text), std::string::npos) << text << introduce.out;
  }
  EXPECT_EQ(RunParley({"introduce", "--help"}).out, introduce.out);
  auto introduce_ru = RunParley({"--lang", "ru", "help", "introduce"});
  EXPECT_NE(introduce_ru.out.find("Примеры:\n  parley introduce anna ivanov"), std::string::npos)
      << introduce_ru.out;

  // "help introductions": the list, then accept and decline.
  auto group = RunParley({"help", "introductions"});
  EXPECT_EQ(group.exit_code, 0);
  EXPECT_EQ(group.out.rfind("Commands for introductions:\n\nUsage:\n  parley [--home DIR] "
                            "[--json] [--lang en|ru] introductions\n",
                            0),
            0u)
      << group.out;
  for (const char* text :
       {"introductions accept ID\n         [--alias ALIAS]\n", "introductions decline ID\n",
        "\n  parley introductions\n", "\n  parley introductions accept 3 --alias petrov\n",
        "\n  parley introductions decline 3\n", "Compare safety numbers", "\"received_at\""}) {
    EXPECT_NE(group.out.find(text), std::string::npos) << text << group.out;
  }
  EXPECT_EQ(RunParley({"introductions", "--help"}).out, group.out);
  auto group_ru = RunParley({"--lang", "ru", "help", "introductions"});
  EXPECT_EQ(group_ru.out.rfind("Команды для знакомств:\n", 0), 0u) << group_ru.out;
  EXPECT_NE(group_ru.out.find("Примеры:\n  parley introductions\n"), std::string::npos);
  EXPECT_NE(group_ru.out.find("Пример:\n  parley introductions decline 3\n"), std::string::npos);

  auto accept = RunParley({"help", "introductions", "accept"});
  EXPECT_NE(accept.out.find("\n  --alias ALIAS   "), std::string::npos) << accept.out;
  EXPECT_EQ(RunParley({"introductions", "accept", "--help"}).out, accept.out);
}

TEST(HelpTest, NetworkAmendInTheOverviewAndItsHelp) {
  EXPECT_NE(RunParley({"help"}).out.find("  network                             your network: "
                                         "charter, thematic areas\n"
                                         "  network amend [OPTIONS]             anchor: amend "
                                         "taxonomy, name or anchors\n"),
            std::string::npos);
  EXPECT_NE(RunParley({"--lang", "ru", "help"})
                .out.find("  network amend [OPTIONS]             якорь: изменить таксономию, "
                          "имя, якоря\n"),
            std::string::npos);

  auto english = RunParley({"help", "network", "amend"});
  EXPECT_EQ(english.exit_code, 0);
  EXPECT_EQ(english.out.rfind("Usage:\n  parley [--home DIR] [--json] [--lang en|ru] network amend "
                              "[--taxonomy FILE]\n         [--name NAME] [--add-anchor KEY] "
                              "[--remove-anchor FINGERPRINT]\n",
                              0),
            0u)
      << english.out;
  for (const char* text :
       {"\n  parley --json network > taxonomy.json\n"
        "  parley network amend --taxonomy taxonomy.json\n",
        "can be added and renamed", "an area cannot be removed", "as the directory syncs",
        "At least\none option is needed.", "\n  --taxonomy FILE   ", "\n  --name NAME       ",
        "256 KiB", "\n  parley network amend --name \"Prague Process\"\n"}) {
    EXPECT_NE(english.out.find(text), std::string::npos) << text << english.out;
  }
  EXPECT_EQ(RunParley({"network", "amend", "--help"}).out, english.out);
  EXPECT_EQ(RunParley({"network", "amend", "--name", "X", "--help"}).out, english.out);

  auto russian = RunParley({"--lang", "ru", "help", "network", "amend"});
  EXPECT_EQ(russian.exit_code, 0);
  for (const char* text :
       {"Использование:", "\n  parley --json network > taxonomy.json\n",
        "можно добавлять и переименовывать", "удалить область нельзя", "при синхронизации",
        "\n  --taxonomy FILE   новая таксономия", "Примеры:\n  parley network amend"}) {
    EXPECT_NE(russian.out.find(text), std::string::npos) << text << russian.out;
  }

  // "help network": the network, then its amendment.
  auto group = RunParley({"help", "network"});
  EXPECT_EQ(group.exit_code, 0);
  EXPECT_EQ(group.out.rfind("Commands for the network and its charter:\n\nUsage:\n  parley "
                            "[--home DIR] [--json] [--lang en|ru] network\n",
                            0),
            0u)
      << group.out;
  EXPECT_NE(group.out.find("network amend [--taxonomy FILE]"), std::string::npos);
  EXPECT_EQ(RunParley({"network", "--help"}).out, group.out);
  EXPECT_EQ(RunParley({"--lang", "ru", "help", "network"})
                .out.rfind("Команды для сети и её устава:\n", 0),
            0u);
}

TEST(HelpTest, EveryHelpTextFitsSeventyNineColumns) {
  std::vector<std::vector<std::string>> topics = {
      {},          {"contacts"},      {"profile"},      {"directory"},
      {"network"}, {"contact-point"}, {"introductions"}};
  for (const auto& command : cli::CommandTable()) {
    std::vector<std::string> words;
    std::string name(command.name);
    for (std::size_t start = 0, end = 0; end != std::string::npos; start = end + 1) {
      end = name.find(' ', start);
      words.push_back(name.substr(start, end == std::string::npos ? end : end - start));
    }
    topics.push_back(words);
  }
  for (const std::string lang : {"en", "ru"}) {
    for (auto topic : topics) {
      topic.insert(topic.begin(), {"--lang", lang, "help"});
      const std::string text = RunParley(topic).out;
      ASSERT_FALSE(text.empty());
      std::size_t start = 0;
      while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        const std::string line = text.substr(start, end - start);
        EXPECT_LE(render::DisplayWidth(line), 79u) << lang << ": " << line;
        start = end + 1;
      }
    }
  }
}

TEST(HelpTest, Version) {
  auto human = RunParley({"--version"});
  EXPECT_EQ(human.exit_code, 0);
  EXPECT_EQ(human.out, "parley " PARLEY_TEST_VERSION "\n");
  auto json = RunParley({"--version", "--json"});
  EXPECT_EQ(nlohmann::json::parse(json.out)["version"], PARLEY_TEST_VERSION);
}

}  // namespace
}  // namespace parley::client
