// The real `parley` executable: exit codes and the one-line no-daemon message.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "tests/client/test_support.h"

namespace parley::client {
namespace {

struct Output {
  int exit_code;
  std::string out;
  std::string err;
};

Output RunBinary(const std::string& args, const std::string& dir) {
  const std::string out = dir + "/out.txt";
  const std::string err = dir + "/err.txt";
  const std::string command = "env -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 " PARLEY_BINARY " " +
                              args + " >" + out + " 2>" + err + " </dev/null";
  int status = std::system(command.c_str());
  auto slurp = [](const std::string& path) {
    std::ifstream file(path);
    std::stringstream buffer;
    buffer << file.rdbuf();
    return buffer.str();
  };
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
}

TEST(BinaryTest, ExitCodesAndMessages) {
  testing::TempHome home;
  testing::TempHome scratch;
  auto no_daemon = RunBinary("status --home " + home.path(), scratch.path());
  EXPECT_EQ(no_daemon.exit_code, 3);
  EXPECT_EQ(no_daemon.err, "parley: no daemon is running for " + home.path() +
                               "; start it with: parleyd --home " + home.path() + "\n");

  auto usage = RunBinary("--home " + home.path() + " send", scratch.path());
  EXPECT_EQ(usage.exit_code, 2);
  EXPECT_NE(usage.err.find("see: parley help send"), std::string::npos);

  auto version = RunBinary("--version", scratch.path());
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out, "parley " PARLEY_TEST_VERSION "\n");

  auto help = RunBinary("help", scratch.path());
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("Exit codes:"), std::string::npos);
}

}  // namespace
}  // namespace parley::client
