// cli/args.h and the usage checks of cli/run.cc: options anywhere, operands,
// usage errors (exit 2) with a pointer to the command's help.
#include "client/cli/args.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "client/failure.h"
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

TEST(HelpTest, Version) {
  auto human = RunParley({"--version"});
  EXPECT_EQ(human.exit_code, 0);
  EXPECT_EQ(human.out, "parley " PARLEY_TEST_VERSION "\n");
  auto json = RunParley({"--version", "--json"});
  EXPECT_EQ(nlohmann::json::parse(json.out)["version"], PARLEY_TEST_VERSION);
}

}  // namespace
}  // namespace parley::client
