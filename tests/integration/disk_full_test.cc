// A real parleyd whose home is on a small filesystem that fills up: the
// client says so in one line and exits non-zero, the daemon goes on serving,
// nothing it accepted is lost, and once space is freed everything flows.
//
// The filesystem is a tmpfs mounted in a mount namespace of this test
// process alone (its children, parleyd and parley, inherit it): nothing
// outside the test sees it, and it vanishes with the process.
#include <gtest/gtest.h>
#include <sched.h>
#include <sys/mount.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <string>

#include "tests/support/test_node.h"

namespace parley::testing {
namespace {

using nlohmann::json;

// A tmpfs of `megabytes` over `dir`, in a mount namespace of our own, until
// destroyed. mounted() is false (and why() says why) where that is not allowed.
class PrivateTmpfs {
 public:
  PrivateTmpfs(const std::string& dir, int megabytes) : dir_(dir) { mounted_ = Mount(megabytes); }
  ~PrivateTmpfs() {
    if (mounted_) ::umount2(dir_.c_str(), MNT_DETACH);
  }
  bool mounted() const { return mounted_; }
  const std::string& why() const { return why_; }

 private:
  bool Mount(int megabytes);
  std::string dir_;
  std::string why_;
  bool mounted_ = false;
};

bool PrivateTmpfs::Mount(int megabytes) {
  if (::unshare(CLONE_NEWNS) != 0) {
    why_ = std::string("unshare(CLONE_NEWNS): ") + std::strerror(errno);
    return false;
  }
  // Mounts made from here on stay in this namespace.
  if (::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
    why_ = std::string("make / private: ") + std::strerror(errno);
    return false;
  }
  const std::string options = "size=" + std::to_string(megabytes) + "m,mode=0700";
  if (::mount("parley-test", dir_.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) != 0) {
    why_ = std::string("mount tmpfs: ") + std::strerror(errno);
    return false;
  }
  return true;
}

// Writes `path` until the filesystem refuses more; the bytes written.
std::size_t FillUp(const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  const std::string block(64 * 1024, 'f');
  std::size_t written = 0;
  while (out.write(block.data(), static_cast<std::streamsize>(block.size()))) {
    out.flush();
    if (!out) break;
    written += block.size();
  }
  return written;
}

std::set<std::string> Texts(const json& messages, const std::string& direction) {
  std::set<std::string> texts;
  for (const auto& m : messages) {
    if (m["direction"] == direction) texts.insert(m["text"].get<std::string>());
  }
  return texts;
}

TEST(DiskFull, TheClientSaysSoTheDaemonServesOnAndNothingAcceptedIsLost) {
  TestNode anna("Anna Petrova");
  TestNode boris("Борис Иванов");
  PrivateTmpfs disk(anna.home(), 8);
  if (!disk.mounted()) GTEST_SKIP() << "needs root: " << disk.why();
  anna.Init();
  boris.Init();
  anna.Start();
  boris.Start();
  anna.AddContact(boris, "boris");
  boris.AddContact(anna, "anna");
  anna.Json({"send", "boris", "before the disk filled"});
  ASSERT_TRUE(WaitUntil([&] {
    return Texts(boris.Json({"messages", "anna"}), "in").count("before the disk filled") == 1;
  })) << anna.DaemonLog();

  const std::string filler = anna.home() + "/filler";
  ASSERT_GT(FillUp(filler), 0u);
  // Sends are accepted while the store still finds room in pages it has;
  // then one is refused, in one clear line, with a non-zero exit.
  std::set<std::string> accepted;
  RunResult refused;
  for (int i = 0; i < 2000 && refused.exit_code <= 0; ++i) {
    const std::string text = "while full " + std::to_string(i) + " " + std::string(2000, 'x');
    RunResult result = anna.Client({"send", "boris", text});
    if (result.exit_code == 0) {
      accepted.insert(text);
    } else {
      refused = result;
    }
  }
  ASSERT_GT(refused.exit_code, 0) << "the disk never filled";
  EXPECT_NE(refused.err.find("disk of your node is full"), std::string::npos) << refused.err;
  EXPECT_EQ(std::count(refused.err.begin(), refused.err.end(), '\n'), 1) << refused.err;
  auto ru = anna.Client({"send", "boris", "ещё одно"}, {{"LANG", "ru_RU.UTF-8"}});
  EXPECT_NE(ru.exit_code, 0);
  EXPECT_NE(ru.err.find("Диск вашего узла заполнен"), std::string::npos) << ru.err;

  // The daemon serves on: it answers, shows what it has, and Boris's
  // message waits with him (Anna cannot store it, so she does not ack it).
  EXPECT_TRUE(anna.running());
  EXPECT_EQ(anna.Json({"status"})["contacts"], 1);
  EXPECT_EQ(Texts(anna.Json({"messages", "boris", "--limit", "5000"}), "out").size(),
            accepted.size() + 1);
  const std::string id = boris.Json({"send", "anna", "written while Anna's disk is full"})["id"];

  // Space is freed: sending works again, and everything arrives once.
  ASSERT_EQ(std::remove(filler.c_str()), 0);
  anna.Json({"send", "boris", "after the disk was freed"});
  accepted.insert("after the disk was freed");
  accepted.insert("before the disk filled");
  ASSERT_TRUE(WaitUntil(
      [&] {
        auto received = boris.Json({"messages", "anna", "--limit", "5000"});
        return Texts(received, "in") == accepted && received.size() == accepted.size() + 1;
      },
      std::chrono::seconds(90)))
      << anna.DaemonLog();
  ASSERT_TRUE(WaitUntil(
      [&] {
        for (const auto& m : boris.Json({"messages", "anna"})) {
          if (m["id"] == id) return m["state"] == "delivered";
        }
        return false;
      },
      std::chrono::seconds(90)))
      << boris.DaemonLog();
  EXPECT_EQ(Texts(anna.Json({"messages", "boris", "--limit", "5000"}), "in"),
            (std::set<std::string>{"written while Anna's disk is full"}));
  anna.Stop();
  boris.Stop();
}

TEST(DiskFull, InitOnAFullDiskSaysSoAndLeavesNothingHalfMade) {
  TestNode carla("Carla");
  PrivateTmpfs disk(carla.home(), 1);
  if (!disk.mounted()) GTEST_SKIP() << "needs root: " << disk.why();
  const std::string filler = carla.home() + "/filler";
  FillUp(filler);
  auto result = carla.Parleyd({"init", "--name", "Carla", "--kdf", "interactive"});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find("disk is full"), std::string::npos) << result.err;
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
  // Space is freed: init works, as if the first attempt never happened.
  ASSERT_EQ(std::remove(filler.c_str()), 0);
  carla.Init();
  carla.Start();
  EXPECT_EQ(carla.Json({"status"})["contacts"], 0);
  carla.Stop();
}

}  // namespace
}  // namespace parley::testing
