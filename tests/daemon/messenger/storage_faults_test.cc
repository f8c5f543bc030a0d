// A conversation survives storage faults at every single point: Boris's
// store (tests/support/fault_vfs.h) dies, fills up or loses power at the
// nth change it makes, for every n the conversation reaches. Whatever
// happens, nothing acknowledged or accepted is lost and nothing is shown
// twice (DEVELOPERS.md: "Nothing lost"; SECURITY.md, Storage).
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "daemon/messenger/messenger.h"
#include "tests/support/fault_vfs.h"
#include "tests/support/local_node.h"

namespace parley::messenger {
namespace {

using store::Direction;
using store::MessageId;
using testing::FaultVfs;
using testing::LocalNode;

constexpr int kSteps = 4;

void Check(const Status& status) { ASSERT_TRUE(status.ok()) << status.message(); }

// Anna's store is healthy; Boris's goes through the fault VFS. Frames move
// by hand, and an acknowledgement moves only once the round that produced
// it committed, as the reactor does (daemon/node/node.cc).
class Conversation {
 public:
  explicit Conversation(store::Durability durability)
      : boris_("Boris", 2, "tcp://127.0.0.1:7002", FaultVfs::Get().Options(durability)) {}

  // Contacts with a session both ways; from here on Boris's store is watched.
  void Begin() {
    anna_.Round([&] {
      Check(anna_.messenger().AddContact(boris_.messenger().CardText(), "boris").status());
    });
    boris_.Round([&] {
      Check(boris_.messenger().AddContact(anna_.messenger().CardText(), "anna").status());
    });
    anna_boris_ = anna_.messenger().directory().ByAlias("boris")->row.id;
    boris_anna_ = boris_.messenger().directory().ByAlias("anna")->row.id;
    AnnaSends("hello");
    anna_.Connect(anna_boris_, boris_);
    boris_.Connect(boris_anna_, anna_);
    ASSERT_TRUE(AnnaToBoris());
    ASSERT_TRUE(BorisSends("hello back"));
    ASSERT_TRUE(BorisToAnna());
    FaultVfs::Get().Watch(boris_.home());
  }

  // One exchange of the script; false as soon as one of Boris's rounds failed.
  bool Step(int i) {
    AnnaSends("a" + std::to_string(i));
    return AnnaToBoris() && BorisSends("b" + std::to_string(i)) && BorisToAnna();
  }

  // Boris's process ended at the fault; it starts again on a healed disk
  // (after the power came back, when `power_cut`).
  void RestartBoris(bool power_cut) {
    boris_.Close();
    if (power_cut) FaultVfs::Get().CutPower();
    FaultVfs::Get().Heal();
    boris_.Open();  // and checks the store's integrity
    // Acknowledged means stored: the acknowledgement left after the commit.
    for (const auto& id : boris_acknowledged_) EXPECT_EQ(Received(boris_, "anna").count(id), 1u);
    anna_.messenger().OnPeerDisconnected(anna_boris_);
    anna_.Connect(anna_boris_, boris_);
    boris_.Connect(boris_anna_, anna_);
  }

  // Frames go both ways, retries included, until nothing is outstanding.
  void Settle() {
    for (int pass = 0; pass < 20; ++pass) {
      ASSERT_TRUE(AnnaToBoris());
      ASSERT_TRUE(BorisToAnna());
      if (Undelivered(anna_) == 0 && Undelivered(boris_) == 0) return;
      anna_.clock().Advance(delivery::kMaxRetryInterval);
      boris_.clock().Advance(delivery::kMaxRetryInterval);
    }
    ADD_FAILURE() << "still undelivered: Anna " << Undelivered(anna_) << ", Boris "
                  << Undelivered(boris_);
  }

  // Each message either side accepted is in the other's history exactly
  // once, and delivered; a message Boris's failed round refused is nowhere,
  // unless its commit reached the disk before the failure (then it is kept
  // and delivered, once).
  void ExpectEverythingOnceAndDelivered() {
    EXPECT_EQ(Received(boris_, "anna"), anna_sent_);
    const std::set<MessageId> boris_out = Sent(boris_, "anna");
    for (const auto& id : boris_sent_) EXPECT_EQ(boris_out.count(id), 1u) << "accepted, lost";
    for (const auto& id : boris_out) {
      EXPECT_TRUE(boris_sent_.count(id) == 1 || boris_attempted_.count(id) == 1) << "never sent";
    }
    EXPECT_EQ(Received(anna_, "boris"), boris_out);
    EXPECT_EQ(Undelivered(anna_), 0);
    EXPECT_EQ(Undelivered(boris_), 0);
  }

 private:
  void AnnaSends(const std::string& text) {
    anna_.Round([&] {
      auto id = anna_.messenger().SendText("boris", text);
      Check(id.status());
      if (id.ok()) anna_sent_.insert(id.value());
    });
  }

  bool BorisSends(const std::string& text) {
    MessageId id{};
    Status round = boris_.TryRound([&]() -> Status {
      auto sent = boris_.messenger().SendText("anna", text);
      if (sent.ok()) id = sent.value();
      return sent.status();
    });
    (round.ok() ? boris_sent_ : boris_attempted_).insert(id);
    return round.ok();
  }

  // Anna's due frames reach Boris in one round; its acknowledgements reach
  // Anna if it committed.
  bool AnnaToBoris() {
    auto frames = anna_.Transmit();
    std::vector<MessageId> acks;
    Status round = boris_.TryRound([&]() -> Status {
      for (const auto& [contact, frame] : frames) {
        PARLEY_RETURN_IF_ERROR(
            boris_.messenger().OnFrame(anna_.transport_key(), frame, acks).status());
      }
      return Status::Ok();
    });
    if (!round.ok()) return false;
    boris_acknowledged_.insert(acks.begin(), acks.end());
    for (const auto& frame : Messenger::EncodeAcks(acks)) {
      std::vector<MessageId> none;
      anna_.Round(
          [&] { Check(anna_.messenger().OnFrame(boris_.transport_key(), frame, none).status()); });
    }
    return true;
  }

  bool BorisToAnna() {
    std::vector<std::pair<std::int64_t, crypto::Bytes>> frames;
    frames = boris_.Transmit();
    std::vector<MessageId> acks;
    anna_.Round([&] {
      for (const auto& [contact, frame] : frames)
        Check(anna_.messenger().OnFrame(boris_.transport_key(), frame, acks).status());
    });
    return boris_
        .TryRound([&]() -> Status {
          for (const auto& frame : Messenger::EncodeAcks(acks)) {
            std::vector<MessageId> none;
            PARLEY_RETURN_IF_ERROR(
                boris_.messenger().OnFrame(anna_.transport_key(), frame, none).status());
          }
          return Status::Ok();
        })
        .ok();
  }

  // Ids of a direction in `alias`'s history; a duplicate fails the test.
  static std::set<MessageId> IdsOf(LocalNode& node, const std::string& alias, Direction direction) {
    auto rows = node.messenger().Messages(alias, 10'000);
    EXPECT_TRUE(rows.ok());
    std::set<MessageId> ids;
    if (!rows.ok()) return ids;
    for (const auto& row : rows.value()) {
      if (row.direction != direction) continue;
      EXPECT_TRUE(ids.insert(row.id).second) << "shown twice: " << row.body;
    }
    return ids;
  }
  static std::set<MessageId> Received(LocalNode& node, const std::string& alias) {
    return IdsOf(node, alias, Direction::kIn);
  }
  static std::set<MessageId> Sent(LocalNode& node, const std::string& alias) {
    return IdsOf(node, alias, Direction::kOut);
  }
  static std::int64_t Undelivered(LocalNode& node) {
    auto count = node.messenger().CountUndelivered();
    return count.ok() ? count.value() : -1;
  }

  LocalNode anna_{"Anna", 1, "tcp://127.0.0.1:7001"};
  LocalNode boris_;
  std::int64_t anna_boris_ = 0;
  std::int64_t boris_anna_ = 0;
  std::set<MessageId> anna_sent_;
  std::set<MessageId> boris_sent_;       // Boris's send committed
  std::set<MessageId> boris_attempted_;  // its round failed
  std::set<MessageId> boris_acknowledged_;
};

// Changes Boris's store makes during the script when nothing fails.
std::int64_t ChangesOfTheScript(store::Durability durability) {
  Conversation conversation(durability);
  conversation.Begin();
  for (int i = 0; i < kSteps; ++i) EXPECT_TRUE(conversation.Step(i));
  return FaultVfs::Get().changes();
}

enum class Fault { kProcessDies, kPowerCut, kDiskFills };

// The script with Boris's `n`th change (and every later one, until he
// restarts or space is freed) failing as `fault` says.
void FaultAtChange(store::Durability durability, Fault fault, std::int64_t n) {
  Conversation conversation(durability);
  ASSERT_NO_FATAL_FAILURE(conversation.Begin());
  FaultVfs::Get().FailFrom(
      n, fault == Fault::kDiskFills ? FaultVfs::Failure::kDiskFull : FaultVfs::Failure::kIoError);
  int step = 0;
  while (step < kSteps && conversation.Step(step)) ++step;
  ASSERT_TRUE(FaultVfs::Get().failed()) << "change " << n << " was never reached";
  if (fault == Fault::kDiskFills) {
    FaultVfs::Get().Heal();  // the daemon went on serving; space is freed
  } else {
    conversation.RestartBoris(fault == Fault::kPowerCut);
  }
  for (++step; step < kSteps; ++step) conversation.Step(step);
  ASSERT_NO_FATAL_FAILURE(conversation.Settle());
  conversation.ExpectEverythingOnceAndDelivered();
}

void FaultAtEveryChange(store::Durability durability, Fault fault) {
  const std::int64_t changes = ChangesOfTheScript(durability);
  ASSERT_GT(changes, 3 * kSteps);  // three of Boris's rounds per step write
  for (std::int64_t n = 1; n <= changes; ++n) {
    SCOPED_TRACE("fault at change " + std::to_string(n) + " of " + std::to_string(changes));
    FaultAtChange(durability, fault, n);
    if (::testing::Test::HasFailure()) return;
  }
}

TEST(StorageFaultsTest, TheRecipientDyingAtAnyWriteLosesAndRepeatsNothing) {
  FaultAtEveryChange(store::Durability::kProcessCrash, Fault::kProcessDies);
}

TEST(StorageFaultsTest, AFullDiskAtAnyWriteFailsThatRoundOnlyAndTheNodeGoesOn) {
  FaultAtEveryChange(store::Durability::kProcessCrash, Fault::kDiskFills);
}

TEST(StorageFaultsTest, WithPowerLossDurabilityAPowerCutAtAnyWriteLosesAndRepeatsNothing) {
  FaultAtEveryChange(store::Durability::kPowerLoss, Fault::kPowerCut);
}

}  // namespace
}  // namespace parley::messenger
