// The prekey exchange before a first message (docs/protocol.md §3.3).
#include <gtest/gtest.h>

#include "crypto/ratchet_message.h"
#include "daemon/store/node_table.h"
#include "daemon/util/proto_bytes.h"
#include "proto/wire.pb.h"
#include "tests/daemon/messenger/messenger_fixture.h"

namespace parley::messenger {
namespace {

class PrekeyExchangeTest : public MessengerFixture {
 protected:
  wire::LinkFrame Parse(const crypto::Bytes& frame) {
    wire::LinkFrame parsed;
    EXPECT_TRUE(parsed.ParseFromArray(frame.data(), static_cast<int>(frame.size())));
    return parsed;
  }

  std::size_t StoredOneTimePrekeys(LocalNode& node) {
    auto rows = store::PrekeyTable(node.store().db()).LoadOneTime();
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? rows->size() : 0;
  }

  // `from` asks `to` for prekeys; the bundle `to` answers with.
  crypto::Bytes BundleFor(LocalNode& from, LocalNode& to, const crypto::Bytes& request) {
    std::optional<crypto::Bytes> bundle;
    to.Round([&] {
      std::vector<store::MessageId> acks;
      auto verdict = to.messenger().OnFrame(from.transport_key(), request, acks);
      ASSERT_TRUE(verdict.ok());
      EXPECT_EQ(verdict.value(), FrameVerdict::kPrekeysHandedOut);
      bundle = to.messenger().TakeReply();
    });
    EXPECT_TRUE(bundle.has_value());
    return bundle.value_or(crypto::Bytes{});
  }

  crypto::Bytes RequestFrom(LocalNode& node, std::int64_t contact_id) {
    node.messenger().OnPeerConnected(contact_id);
    auto frames = node.Transmit();
    EXPECT_EQ(frames.size(), 1u);
    return frames.empty() ? crypto::Bytes{} : frames[0].second;
  }
};

TEST_F(PrekeyExchangeTest, AFirstMessageWaitsForTheContactsPrekeysAndUsesAOneTimePrekey) {
  Befriend();
  auto id = Send(anna_, "boris", "Добрый день");
  EXPECT_TRUE(anna_.messenger().AwaitsSession(anna_boris_));
  EXPECT_EQ(History(anna_, "boris").at(0).state, store::MessageState::kQueued);
  EXPECT_EQ(anna_.messenger().CountUndelivered().value(), 1);
  EXPECT_TRUE(anna_.Transmit().empty());  // not connected: nothing to ask yet

  // Connected: Anna asks, naming the identity her card of Boris holds.
  const crypto::Bytes request = RequestFrom(anna_, anna_boris_);
  const wire::LinkFrame asked = Parse(request);
  ASSERT_EQ(asked.kind_case(), wire::LinkFrame::kPrekeyRequest);
  EXPECT_EQ(asked.prekey_request().identity_key(),
            AsString(boris_.identity().identity.public_identity().identity_key));
  EXPECT_TRUE(anna_.Transmit().empty());  // asked once per retry interval
  anna_.clock().Advance(kPrekeyRequestRetry);
  EXPECT_EQ(anna_.Transmit().size(), 1u);  // unanswered: asked again

  const crypto::Bytes bundle = BundleFor(anna_, boris_, request);
  EXPECT_EQ(StoredOneTimePrekeys(boris_), 1u);
  const wire::LinkFrame answered = Parse(bundle);
  ASSERT_EQ(answered.kind_case(), wire::LinkFrame::kPrekeyBundle);
  EXPECT_EQ(answered.prekey_bundle().signed_prekey_id(),
            boris_.identity().current_signed_prekey().id);
  const std::uint32_t one_time_id = answered.prekey_bundle().one_time_prekey_id();
  EXPECT_NE(one_time_id, 0u);

  std::vector<store::MessageId> acks;
  EXPECT_EQ(Deliver(boris_, anna_, bundle, acks), FrameVerdict::kSessionBegun);
  EXPECT_FALSE(anna_.messenger().AwaitsSession(anna_boris_));
  auto frames = anna_.Transmit();
  ASSERT_EQ(frames.size(), 1u);
  const wire::LinkFrame first = Parse(frames[0].second);
  ASSERT_EQ(first.envelope().type(), wire::PREKEY);
  auto message = crypto::DecodePrekeyMessage(crypto::AsBytes(first.envelope().payload()));
  ASSERT_TRUE(message.has_value());
  EXPECT_EQ(message->header.one_time_prekey_id, one_time_id);

  // Boris uses the one-time prekey once and deletes it with the session.
  EXPECT_EQ(Deliver(anna_, boris_, frames[0].second, acks), FrameVerdict::kAccepted);
  ASSERT_EQ(acks.size(), 1u);
  EXPECT_EQ(acks[0], id);
  EXPECT_EQ(History(boris_, "anna").at(0).body, "Добрый день");
  EXPECT_EQ(StoredOneTimePrekeys(boris_), 0u);
  // A second answer to Anna's repeated request changes nothing.
  EXPECT_EQ(Deliver(boris_, anna_, BundleFor(anna_, boris_, request), acks),
            FrameVerdict::kRefused);
  // Later messages of the same X3DH still decrypt without the prekey.
  Send(anna_, "boris", "и ещё");
  EXPECT_EQ(Deliver(anna_, boris_, anna_.Transmit().back().second, acks), FrameVerdict::kAccepted);
  EXPECT_EQ(History(boris_, "anna").size(), 2u);
}

TEST_F(PrekeyExchangeTest, AOneTimePrekeyBeginsOneSessionOnly) {
  Befriend();
  Send(anna_, "boris", "mine");
  const crypto::Bytes bundle = BundleFor(anna_, boris_, RequestFrom(anna_, anna_boris_));
  std::vector<store::MessageId> acks;
  ASSERT_EQ(Deliver(boris_, anna_, bundle, acks), FrameVerdict::kSessionBegun);
  ASSERT_EQ(Deliver(anna_, boris_, anna_.Transmit().at(0).second, acks), FrameVerdict::kAccepted);

  // Carla got hold of the same bundle (say, by replaying it on her own link).
  LocalNode carla("Carla", 3, "tcp://127.0.0.1:7003");
  carla.Round([&] {
    ASSERT_TRUE(carla.messenger().AddContact(boris_.messenger().CardText(), "boris").ok());
  });
  carla.Round([&] { ASSERT_TRUE(carla.messenger().SendText("boris", "me too").ok()); });
  const auto boris_at_carla = carla.messenger().directory().ByAlias("boris")->row.id;
  carla.messenger().OnPeerConnected(boris_at_carla);
  ASSERT_EQ(Deliver(boris_, carla, bundle, acks), FrameVerdict::kSessionBegun);
  acks.clear();
  EXPECT_EQ(Deliver(carla, boris_, carla.Transmit().at(0).second, acks),
            FrameVerdict::kUndecryptable);
  EXPECT_TRUE(acks.empty());
  EXPECT_EQ(boris_.messenger().directory().request_count(), 0u);
}

TEST_F(PrekeyExchangeTest, BundlesNobodyAskedForOrThatDoNotVerifyAreRefused) {
  Befriend();
  std::vector<store::MessageId> acks;
  anna_.messenger().OnPeerConnected(anna_boris_);
  EXPECT_TRUE(anna_.Transmit().empty());  // nothing waits: nothing asked
  Send(anna_, "boris", "waiting");
  const crypto::Bytes bundle = BundleFor(anna_, boris_, RequestFrom(anna_, anna_boris_));

  // From a stranger, and to Boris, who asked nothing.
  LocalNode carla("Carla", 3, "tcp://127.0.0.1:7003");
  EXPECT_EQ(Deliver(carla, anna_, bundle, acks), FrameVerdict::kRefused);
  EXPECT_EQ(Deliver(anna_, boris_, bundle, acks), FrameVerdict::kRefused);

  auto altered = [&](auto change) {
    wire::LinkFrame frame = Parse(bundle);
    change(*frame.mutable_prekey_bundle());
    const std::string bytes = frame.SerializeAsString();
    return crypto::Bytes(bytes.begin(), bytes.end());
  };
  EXPECT_EQ(Deliver(boris_, anna_, altered([](wire::PrekeyBundle& b) {
                      std::string key = b.signed_prekey();
                      key[0] ^= 1;
                      b.set_signed_prekey(key);
                    }),
                    acks),
            FrameVerdict::kRefused);  // the signature no longer covers it
  EXPECT_EQ(Deliver(boris_, anna_,
                    altered([](wire::PrekeyBundle& b) { b.set_one_time_prekey_id(0); }), acks),
            FrameVerdict::kMalformed);
  EXPECT_EQ(Deliver(boris_, anna_,
                    altered([](wire::PrekeyBundle& b) { b.set_one_time_prekey("short"); }), acks),
            FrameVerdict::kMalformed);
  EXPECT_EQ(Deliver(boris_, anna_, altered([](wire::PrekeyBundle& b) {
                      b.set_identity_key(std::string(32, 'x'));
                    }),
                    acks),
            FrameVerdict::kRefused);
  EXPECT_TRUE(anna_.messenger().AwaitsSession(anna_boris_));
  EXPECT_TRUE(acks.empty());

  // A request for an identity that is not Boris's gets nothing.
  wire::LinkFrame wrong;
  wrong.mutable_prekey_request()->set_identity_key(std::string(32, 'y'));
  EXPECT_EQ(Deliver(anna_, boris_, crypto::AsBytes(wrong.SerializeAsString()), acks),
            FrameVerdict::kNotForUs);
  EXPECT_FALSE(boris_.messenger().TakeReply().has_value());

  // The genuine bundle still works.
  EXPECT_EQ(Deliver(boris_, anna_, bundle, acks), FrameVerdict::kSessionBegun);
}

TEST_F(PrekeyExchangeTest, WhenBothWriteFirstTheWaitingMessagesGoOutOnTheSessionTheOtherBegan) {
  Befriend();
  Send(anna_, "boris", "from Anna");
  Send(boris_, "anna", "from Boris");
  boris_.Connect(boris_anna_, anna_);
  std::vector<store::MessageId> acks;
  ASSERT_EQ(Deliver(boris_, anna_, boris_.Transmit().at(0).second, acks), FrameVerdict::kAccepted);
  // Anna now has a session Boris began: no prekeys needed any more.
  EXPECT_FALSE(anna_.messenger().AwaitsSession(anna_boris_));
  anna_.messenger().OnPeerConnected(anna_boris_);
  auto frames = anna_.Transmit();
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(Parse(frames[0].second).envelope().type(), wire::RATCHET);
  EXPECT_EQ(Deliver(anna_, boris_, frames[0].second, acks), FrameVerdict::kAccepted);
  EXPECT_EQ(History(boris_, "anna").size(), 2u);
  EXPECT_EQ(History(anna_, "boris").size(), 2u);
}

TEST_F(PrekeyExchangeTest, WaitingMessagesSurviveARestartAndARolledBackRound) {
  Befriend();
  Send(anna_, "boris", "one");
  Send(anna_, "boris", "two");
  anna_.Restart();
  EXPECT_TRUE(anna_.messenger().AwaitsSession(anna_boris_));
  const crypto::Bytes bundle = BundleFor(anna_, boris_, RequestFrom(anna_, anna_boris_));

  // The round that began the session fails to commit: all of it is forgotten.
  ASSERT_TRUE(anna_.store().db().Begin().ok());
  std::vector<store::MessageId> acks;
  ASSERT_EQ(anna_.messenger().OnFrame(boris_.transport_key(), bundle, acks).value(),
            FrameVerdict::kSessionBegun);
  ASSERT_TRUE(anna_.messenger().FinishRound().ok());
  anna_.store().db().Rollback();
  ASSERT_TRUE(anna_.messenger().OnRolledBack().ok());
  EXPECT_TRUE(anna_.messenger().AwaitsSession(anna_boris_));
  for (const auto& [to, frame] : anna_.Transmit()) {  // no envelope: it asks again
    EXPECT_EQ(Parse(frame).kind_case(), wire::LinkFrame::kPrekeyRequest);
  }

  ASSERT_EQ(Deliver(boris_, anna_, bundle, acks), FrameVerdict::kSessionBegun);
  anna_.Restart();
  anna_.messenger().OnPeerConnected(anna_boris_);
  auto frames = anna_.Transmit();
  ASSERT_EQ(frames.size(), 2u);
  for (const auto& [to, frame] : frames) {
    EXPECT_EQ(Deliver(anna_, boris_, frame, acks), FrameVerdict::kAccepted);
  }
  auto received = History(boris_, "anna");
  ASSERT_EQ(received.size(), 2u);
  EXPECT_EQ(received[0].body, "one");
  EXPECT_EQ(received[1].body, "two");
}

TEST_F(PrekeyExchangeTest, ARequesterHoldsOnePrekeyAndStrangersMintWithinABudget) {
  Befriend();
  Send(anna_, "boris", "hello");
  const crypto::Bytes request = RequestFrom(anna_, anna_boris_);
  // Asking again (retries, a lost answer) gets the same prekey: a first
  // message in flight keeps its prekey however often its sender asks.
  const crypto::Bytes first = BundleFor(anna_, boris_, request);
  for (int i = 0; i < 3 * static_cast<int>(kPrekeyMintBurst); ++i) {
    EXPECT_EQ(BundleFor(anna_, boris_, request), first);
  }
  EXPECT_EQ(StoredOneTimePrekeys(boris_), 1u);

  // Strangers each get one, within a budget for all of them together.
  std::vector<std::unique_ptr<LocalNode>> strangers;
  std::size_t handed_out = 0;
  std::vector<store::MessageId> acks;
  for (std::size_t i = 0; i < 2 * static_cast<std::size_t>(kPrekeyMintBurst); ++i) {
    strangers.push_back(std::make_unique<LocalNode>("S" + std::to_string(i), 300 + i,
                                                    "tcp://127.0.0.1:" + std::to_string(8300 + i)));
    if (Deliver(*strangers.back(), boris_, request, acks) == FrameVerdict::kPrekeysHandedOut)
      ++handed_out;
    (void)boris_.messenger().TakeReply();
  }
  EXPECT_EQ(handed_out, static_cast<std::size_t>(kPrekeyMintBurst));
  EXPECT_EQ(StoredOneTimePrekeys(boris_), 1 + handed_out);
  // A contact is not held back by strangers' requests.
  LocalNode carol("Carol", 9, "tcp://127.0.0.1:7409");
  boris_.Round([&] {
    ASSERT_TRUE(boris_.messenger().AddContact(carol.messenger().CardText(), "carol").ok());
  });
  EXPECT_EQ(Deliver(carol, boris_, request, acks), FrameVerdict::kPrekeysHandedOut);
  (void)boris_.messenger().TakeReply();
  boris_.clock().Advance(std::chrono::seconds(1));
  EXPECT_EQ(Deliver(*strangers.back(), boris_, request, acks), FrameVerdict::kPrekeysHandedOut);
}

TEST_F(PrekeyExchangeTest, AFirstMessageInFlightKeepsItsPrekeyWhileOthersAsk) {
  Befriend();
  Send(anna_, "boris", "slow");
  const crypto::Bytes request = RequestFrom(anna_, anna_boris_);
  std::vector<store::MessageId> acks;
  ASSERT_EQ(Deliver(boris_, anna_, BundleFor(anna_, boris_, request), acks),
            FrameVerdict::kSessionBegun);
  const crypto::Bytes first_message = anna_.Transmit().at(0).second;
  // Meanwhile Anna's daemon, restarted and unsure, asks again; and strangers ask.
  (void)BundleFor(anna_, boris_, request);
  for (std::size_t i = 0; i < 10; ++i) {
    LocalNode stranger("S" + std::to_string(i), 500 + i,
                       "tcp://127.0.0.1:" + std::to_string(8500 + i));
    (void)Deliver(stranger, boris_, request, acks);
    (void)boris_.messenger().TakeReply();
  }
  EXPECT_EQ(Deliver(anna_, boris_, first_message, acks), FrameVerdict::kAccepted);
}

}  // namespace
}  // namespace parley::messenger
