#include "daemon/app/command_line.h"

#include <gtest/gtest.h>

namespace parley::app {
namespace {

std::optional<CommandLine> Parse(const std::vector<std::string>& args, ParseError& error) {
  return ParseCommandLine(args, Language::kEnglish, error);
}

TEST(CommandLineTest, DurabilityIsCrashUnlessPowerLossIsAskedFor) {
  ParseError error{};
  auto plain = Parse({"--home", "/tmp/x"}, error);
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->command, CommandLine::Command::kRun);
  EXPECT_EQ(plain->durability, "crash");
  auto full = Parse({"--durability", "power-loss"}, error);
  ASSERT_TRUE(full);
  EXPECT_EQ(full->durability, "power-loss");
  auto inline_value = Parse({"--durability=crash"}, error);
  ASSERT_TRUE(inline_value);
  EXPECT_EQ(inline_value->durability, "crash");
}

TEST(CommandLineTest, AnUnknownDurabilityIsRefusedWithItsName) {
  ParseError error{};
  EXPECT_FALSE(Parse({"--durability", "fsync"}, error));
  EXPECT_EQ(error.text, Text::kUnknownDurability);
  EXPECT_EQ(error.argument, "fsync");
  EXPECT_NE(Message(Language::kRussian, error.text, error.argument).find("power-loss"),
            std::string::npos);
  EXPECT_FALSE(Parse({"--durability"}, error));
  EXPECT_EQ(error.text, Text::kMissingValue);
}

}  // namespace
}  // namespace parley::app
