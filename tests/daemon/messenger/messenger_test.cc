#include "daemon/messenger/messenger.h"

#include <gtest/gtest.h>

#include "crypto/bytes.h"
#include "proto/wire.pb.h"
#include "tests/daemon/messenger/messenger_fixture.h"

namespace parley::messenger {
namespace {

class MessengerTest : public MessengerFixture {};

TEST_F(MessengerTest, MessageIsQueuedUntilConnectedThenDeliveredAndAcknowledged) {
  Befriend();
  auto id = Send(anna_, "boris", "Привет");
  EXPECT_TRUE(anna_.Transmit().empty());  // not connected: stays queued
  EXPECT_EQ(History(anna_, "boris")[0].state, store::MessageState::kQueued);

  anna_.Connect(anna_boris_, boris_);
  auto frames = anna_.Transmit();
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].first, anna_boris_);

  std::vector<store::MessageId> acks;
  EXPECT_EQ(Deliver(anna_, boris_, frames[0].second, acks), FrameVerdict::kAccepted);
  ASSERT_EQ(acks.size(), 1u);
  EXPECT_EQ(acks[0], id);
  auto received = History(boris_, "anna");
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].body, "Привет");
  EXPECT_EQ(received[0].direction, store::Direction::kIn);

  anna_.Round([] {});  // persists "sent"
  EXPECT_EQ(History(anna_, "boris")[0].state, store::MessageState::kSent);
  DeliverAcks(boris_, anna_, acks);
  EXPECT_EQ(History(anna_, "boris")[0].state, store::MessageState::kDelivered);
}

TEST_F(MessengerTest, DuplicateEnvelopeIsAcknowledgedAgainButStoredOnce) {
  Befriend();
  Send(anna_, "boris", "once");
  anna_.Connect(anna_boris_, boris_);
  auto frame = anna_.Transmit().at(0).second;
  std::vector<store::MessageId> acks;
  EXPECT_EQ(Deliver(anna_, boris_, frame, acks), FrameVerdict::kAccepted);
  EXPECT_EQ(Deliver(anna_, boris_, frame, acks), FrameVerdict::kAccepted);
  EXPECT_EQ(acks.size(), 2u);
  EXPECT_EQ(History(boris_, "anna").size(), 1u);

  boris_.Restart();  // the memory of it survives a restart
  std::vector<store::MessageId> again;
  EXPECT_EQ(Deliver(anna_, boris_, frame, again), FrameVerdict::kAccepted);
  EXPECT_EQ(again.size(), 1u);
  EXPECT_EQ(History(boris_, "anna").size(), 1u);
}

TEST_F(MessengerTest, OutOfOrderDeliveryKeepsEveryMessage) {
  Befriend();
  for (int i = 0; i < 5; ++i) Send(anna_, "boris", "m" + std::to_string(i));
  anna_.Connect(anna_boris_, boris_);
  auto frames = anna_.Transmit();
  ASSERT_EQ(frames.size(), 5u);
  std::vector<store::MessageId> acks;
  for (int i : {4, 0, 3, 1, 2}) {
    EXPECT_EQ(Deliver(anna_, boris_, frames[static_cast<std::size_t>(i)].second, acks),
              FrameVerdict::kAccepted);
  }
  EXPECT_EQ(History(boris_, "anna").size(), 5u);
}

TEST_F(MessengerTest, TamperedPayloadIsNotAcknowledgedAndChangesNothing) {
  Befriend();
  Send(anna_, "boris", "intact");
  anna_.Connect(anna_boris_, boris_);
  auto frame = anna_.Transmit().at(0).second;
  wire::LinkFrame parsed;
  ASSERT_TRUE(parsed.ParseFromArray(frame.data(), static_cast<int>(frame.size())));
  std::string payload = parsed.envelope().payload();
  payload[payload.size() / 2] ^= 0x01;
  parsed.mutable_envelope()->set_payload(payload);
  std::string tampered = parsed.SerializeAsString();

  std::vector<store::MessageId> acks;
  EXPECT_EQ(Deliver(anna_, boris_, crypto::AsBytes(tampered), acks), FrameVerdict::kUndecryptable);
  EXPECT_TRUE(acks.empty());
  EXPECT_TRUE(History(boris_, "anna").empty());
  // The genuine frame still decrypts: the failure left the session as it was.
  EXPECT_EQ(Deliver(anna_, boris_, frame, acks), FrameVerdict::kAccepted);
  EXPECT_EQ(History(boris_, "anna").size(), 1u);
}

TEST_F(MessengerTest, SwappedEnvelopeIdsAreRefusedAndLoseNothing) {
  // The id is outside the ciphertext (so duplicates can be dropped unread) but
  // bound into its associated data: moving a payload under another id fails.
  Befriend();
  Send(anna_, "boris", "first");
  Send(anna_, "boris", "second");
  anna_.Connect(anna_boris_, boris_);
  auto frames = anna_.Transmit();
  ASSERT_EQ(frames.size(), 2u);
  wire::LinkFrame one, two;
  ASSERT_TRUE(
      one.ParseFromArray(frames[0].second.data(), static_cast<int>(frames[0].second.size())));
  ASSERT_TRUE(
      two.ParseFromArray(frames[1].second.data(), static_cast<int>(frames[1].second.size())));
  std::string id_one = one.envelope().id();
  one.mutable_envelope()->set_id(two.envelope().id());
  two.mutable_envelope()->set_id(id_one);

  std::vector<store::MessageId> acks;
  EXPECT_EQ(Deliver(anna_, boris_, crypto::AsBytes(one.SerializeAsString()), acks),
            FrameVerdict::kUndecryptable);
  EXPECT_EQ(Deliver(anna_, boris_, crypto::AsBytes(two.SerializeAsString()), acks),
            FrameVerdict::kUndecryptable);
  EXPECT_TRUE(acks.empty());
  // The genuine frames still decrypt: nothing was consumed.
  EXPECT_EQ(Deliver(anna_, boris_, frames[0].second, acks), FrameVerdict::kAccepted);
  EXPECT_EQ(Deliver(anna_, boris_, frames[1].second, acks), FrameVerdict::kAccepted);
  EXPECT_EQ(History(boris_, "anna").size(), 2u);
}

TEST_F(MessengerTest, EnvelopeForSomeoneElseOrMalformedIsDropped) {
  Befriend();
  Send(anna_, "boris", "hi");
  anna_.Connect(anna_boris_, boris_);
  auto frame = anna_.Transmit().at(0).second;
  wire::LinkFrame parsed;
  ASSERT_TRUE(parsed.ParseFromArray(frame.data(), static_cast<int>(frame.size())));
  parsed.mutable_envelope()->set_recipient(std::string(32, 'x'));
  std::vector<store::MessageId> acks;
  EXPECT_EQ(Deliver(anna_, boris_, crypto::AsBytes(parsed.SerializeAsString()), acks),
            FrameVerdict::kNotForUs);
  EXPECT_EQ(Deliver(anna_, boris_, crypto::AsBytes(std::string("\xff\xff\xff")), acks),
            FrameVerdict::kMalformed);
  EXPECT_TRUE(acks.empty());
}

TEST_F(MessengerTest, StrangerMayOnlySendAFirstContactRequestWithinQuota) {
  // Only Boris knows Anna.
  boris_.Round([&] {
    ASSERT_TRUE(boris_.messenger().AddContact(anna_.messenger().CardText(), "anna").ok());
  });
  boris_anna_ = boris_.messenger().directory().ByAlias("anna")->row.id;
  for (std::size_t i = 0; i < kMaxMessagesPerRequest + 3; ++i)
    Send(boris_, "anna", "knock " + std::to_string(i));
  boris_.Connect(boris_anna_, anna_);
  auto frames = boris_.Transmit();
  ASSERT_EQ(frames.size(), kMaxMessagesPerRequest + 3);

  std::vector<store::MessageId> acks;
  EXPECT_EQ(Deliver(boris_, anna_, frames[0].second, acks), FrameVerdict::kAccepted);
  ASSERT_EQ(anna_.messenger().directory().Requests().size(), 1u);
  EXPECT_EQ(anna_.messenger().directory().contact_count(), 0u);
  for (std::size_t i = 1; i < kMaxMessagesPerRequest; ++i) {
    EXPECT_EQ(Deliver(boris_, anna_, frames[i].second, acks), FrameVerdict::kAccepted);
  }
  EXPECT_EQ(Deliver(boris_, anna_, frames[kMaxMessagesPerRequest].second, acks),
            FrameVerdict::kOverQuota);

  auto request_id = anna_.messenger().directory().Requests()[0]->row.id;
  anna_.Round([&] { ASSERT_TRUE(anna_.messenger().AcceptRequest(request_id, "").ok()); });
  EXPECT_NE(anna_.messenger().directory().ByAlias("Boris"), nullptr);
  EXPECT_EQ(History(anna_, "Boris").size(), kMaxMessagesPerRequest);
  // Accepted: the rest now go through.
  EXPECT_EQ(Deliver(boris_, anna_, frames[kMaxMessagesPerRequest].second, acks),
            FrameVerdict::kAccepted);
}

// A first-contact frame from a new stranger who has Boris's card.
crypto::Bytes FirstContactFrom(LocalNode& stranger, LocalNode& to, const std::string& text) {
  stranger.Round([&] { (void)stranger.messenger().AddContact(to.messenger().CardText(), "them"); });
  stranger.Round([&] { (void)stranger.messenger().SendText("them", text); });
  stranger.Connect(stranger.messenger().directory().ByAlias("them")->row.id, to);
  return stranger.Transmit().at(0).second;
}

TEST_F(MessengerTest, NothingFromARevokedKeyIsTakenNeitherFromAContactNorAStranger) {
  Befriend();
  Send(anna_, "boris", "sent before the revocation reached Boris");
  anna_.Connect(anna_boris_, boris_);
  auto frame = anna_.Transmit().at(0).second;
  const auto anna_key = anna_.identity().identity.public_identity().identity_key;
  boris_.messenger().SetRevocationCheck(
      [&](const crypto::PublicKey& key) { return key == anna_key; });
  std::vector<store::MessageId> acks;
  EXPECT_EQ(Deliver(anna_, boris_, frame, acks), FrameVerdict::kRefused);
  EXPECT_TRUE(acks.empty());
  EXPECT_TRUE(History(boris_, "anna").empty());

  // A stranger whose key is revoked cannot even knock.
  LocalNode carol("Carol", 9, "tcp://127.0.0.1:7409");
  const auto carol_key = carol.identity().identity.public_identity().identity_key;
  boris_.messenger().SetRevocationCheck(
      [&](const crypto::PublicKey& key) { return key == carol_key; });
  auto knock = FirstContactFrom(carol, boris_, "hello");
  EXPECT_EQ(Deliver(carol, boris_, knock, acks), FrameVerdict::kRefused);
  EXPECT_TRUE(boris_.messenger().directory().Requests().empty());
  // Anna's frame, no longer revoked in this test, goes through.
  EXPECT_EQ(Deliver(anna_, boris_, frame, acks), FrameVerdict::kAccepted);
}

TEST_F(MessengerTest, AnIntroductionLeadsToAContactIntroducedByTheIntroducer) {
  // Anna knows Boris and Carol; Boris and Carol do not know each other.
  Befriend();
  LocalNode carol("Carol Ionescu", 9, "tcp://127.0.0.1:7409");
  anna_.Round([&] {
    ASSERT_TRUE(anna_.messenger().AddContact(carol.messenger().CardText(), "carol").ok());
  });
  carol.Round([&] {
    ASSERT_TRUE(carol.messenger().AddContact(anna_.messenger().CardText(), "anna").ok());
  });

  EXPECT_EQ(anna_.messenger().Introduce("boris", "boris", "").status().message(), "same");
  EXPECT_EQ(anna_.messenger().Introduce("boris", "nobody", "").status().code(),
            Status::Code::kNotFound);
  EXPECT_EQ(anna_.messenger()
                .Introduce("boris", "carol", std::string(kMaxIntroductionNoteBytes + 1, 'x'))
                .status()
                .code(),
            Status::Code::kInvalidArgument);
  anna_.Round([&] {
    ASSERT_TRUE(anna_.messenger().Introduce("boris", "carol", "Both work on readmission").ok());
  });
  anna_.Connect(anna_boris_, boris_);
  anna_.Connect(anna_.messenger().directory().ByAlias("carol")->row.id, carol);
  auto frames = anna_.Transmit();
  ASSERT_EQ(frames.size(), 2u);
  std::vector<store::MessageId> acks;
  const auto boris_id = anna_boris_;
  for (const auto& [to, frame] : frames) {
    LocalNode& receiver = to == boris_id ? boris_ : carol;
    EXPECT_EQ(Deliver(anna_, receiver, frame, acks), FrameVerdict::kAccepted);
    // A resent envelope is not a second introduction.
    EXPECT_EQ(Deliver(anna_, receiver, frame, acks), FrameVerdict::kAccepted);
  }
  auto at_boris = boris_.messenger().Introductions();
  ASSERT_TRUE(at_boris.ok());
  ASSERT_EQ(at_boris->size(), 1u);
  EXPECT_EQ(at_boris->at(0).note, "Both work on readmission");
  EXPECT_EQ(History(boris_, "anna").size(), 1u);  // and the conversation shows it

  const Contact* carol_at_boris = nullptr;
  boris_.Round([&] {
    auto accepted = boris_.messenger().AcceptIntroduction(at_boris->at(0).id, "");
    ASSERT_TRUE(accepted.ok()) << accepted.status().message();
    carol_at_boris = accepted.value();
  });
  ASSERT_NE(carol_at_boris, nullptr);
  EXPECT_EQ(carol_at_boris->row.alias, "Carol-Ionescu");
  EXPECT_EQ(carol_at_boris->row.introduced_by,
            boris_.messenger().directory().ByAlias("anna")->row.id);
  EXPECT_TRUE(boris_.messenger().Introductions()->empty());
  // Kept across a restart.
  boris_.Restart();
  EXPECT_EQ(boris_.messenger().directory().ByAlias("Carol-Ionescu")->row.introduced_by,
            boris_.messenger().directory().ByAlias("anna")->row.id);

  // Removing the introducer keeps the contact it introduced, introduced by no one.
  boris_.Round([&] { ASSERT_TRUE(boris_.messenger().RemoveContact("anna").ok()); });
  ASSERT_NE(boris_.messenger().directory().ByAlias("Carol-Ionescu"), nullptr);
  EXPECT_EQ(boris_.messenger().directory().ByAlias("Carol-Ionescu")->row.introduced_by, 0);
  boris_.Restart();
  EXPECT_EQ(boris_.messenger().directory().ByAlias("Carol-Ionescu")->row.introduced_by, 0);

  auto at_carol = carol.messenger().Introductions();
  ASSERT_TRUE(at_carol.ok());
  ASSERT_EQ(at_carol->size(), 1u);
  carol.Round([&] { ASSERT_TRUE(carol.messenger().DeclineIntroduction(at_carol->at(0).id).ok()); });
  EXPECT_TRUE(carol.messenger().Introductions()->empty());
  EXPECT_EQ(carol.messenger().DeclineIntroduction(at_carol->at(0).id).code(),
            Status::Code::kNotFound);
}

TEST_F(MessengerTest, ARemovedContactIsForgottenAndCanComeBackOnlyAsARequest) {
  Befriend();
  Send(anna_, "boris", "before");
  anna_.Connect(anna_boris_, boris_);
  boris_.Connect(boris_anna_, anna_);
  std::vector<store::MessageId> acks;
  for (const auto& [to, frame] : anna_.Transmit()) Deliver(anna_, boris_, frame, acks);
  Send(anna_, "boris", "still queued when removed");
  EXPECT_EQ(boris_.messenger().RemoveContact("nobody").code(), Status::Code::kNotFound);

  boris_.Round([&] { ASSERT_TRUE(boris_.messenger().RemoveContact("anna").ok()); });
  EXPECT_EQ(boris_.messenger().TakeRemovedContacts(), std::vector<std::int64_t>{boris_anna_});
  EXPECT_TRUE(boris_.messenger().TakeRemovedContacts().empty());  // taken once
  EXPECT_EQ(boris_.messenger().directory().ByAlias("anna"), nullptr);
  EXPECT_EQ(boris_.messenger().Messages("anna", 10).status().code(), Status::Code::kNotFound);
  EXPECT_EQ(boris_.messenger().CountUndelivered().value(), 0);
  EXPECT_EQ(boris_.messenger().MessageCount(boris_anna_).value(), 0);

  // Anna's node was not told: what she sends on the old session (here still
  // a PREKEY message, whose one-time prekey is spent) is refused,
  // unacknowledged, and leaves no trace (not even a request).
  auto frames = anna_.Transmit();
  ASSERT_EQ(frames.size(), 1u);
  std::vector<store::MessageId> none;
  EXPECT_NE(Deliver(anna_, boris_, frames[0].second, none), FrameVerdict::kAccepted);
  EXPECT_TRUE(none.empty());
  EXPECT_TRUE(boris_.messenger().directory().Requests().empty());
  boris_.Restart();
  EXPECT_EQ(boris_.messenger().directory().ByAlias("anna"), nullptr);
  EXPECT_EQ(boris_.messenger().directory().contact_count(), 0u);
}

TEST_F(MessengerTest, ARemovalInARoundThatRollsBackIsUndone) {
  Befriend();
  Send(boris_, "anna", "kept");
  ASSERT_TRUE(boris_.store().db().Begin().ok());
  ASSERT_TRUE(boris_.messenger().RemoveContact("anna").ok());
  boris_.store().db().Rollback();
  ASSERT_TRUE(boris_.messenger().OnRolledBack().ok());
  ASSERT_NE(boris_.messenger().directory().ByAlias("anna"), nullptr);
  EXPECT_TRUE(boris_.messenger().TakeRemovedContacts().empty());
  EXPECT_EQ(boris_.messenger().CountUndelivered().value(), 1);
  boris_.Connect(boris_anna_, anna_);
  EXPECT_EQ(boris_.Transmit().size(), 1u);  // still queued, still sent
}

TEST_F(MessengerTest, FirstContactThatDoesNotDecryptLeavesNoTrace) {
  LocalNode carla("Carla", 3, "tcp://127.0.0.1:7003");
  auto frame = FirstContactFrom(carla, boris_, "hello");
  wire::LinkFrame junk;
  ASSERT_TRUE(junk.ParseFromArray(frame.data(), static_cast<int>(frame.size())));
  junk.mutable_envelope()->set_payload(std::string(400, 'x'));  // a valid card, garbage inside
  std::vector<store::MessageId> acks;
  EXPECT_EQ(Deliver(carla, boris_, crypto::AsBytes(junk.SerializeAsString()), acks),
            FrameVerdict::kUndecryptable);
  EXPECT_TRUE(acks.empty());
  EXPECT_EQ(boris_.messenger().directory().request_count(), 0u);
  boris_.Restart();
  EXPECT_EQ(boris_.messenger().directory().request_count(), 0u);
  // The genuine one is admitted.
  EXPECT_EQ(Deliver(carla, boris_, frame, acks), FrameVerdict::kAccepted);
  EXPECT_EQ(boris_.messenger().directory().request_count(), 1u);
}

TEST_F(MessengerTest, WhenRequestsAreFullNewOnesWaitWithTheirSendersUntilThereIsRoom) {
  std::vector<std::unique_ptr<LocalNode>> strangers;
  std::vector<crypto::Bytes> frames;
  for (std::size_t i = 0; i <= kMaxPendingRequests; ++i) {
    strangers.push_back(std::make_unique<LocalNode>("S" + std::to_string(i), 100 + i,
                                                    "tcp://127.0.0.1:" + std::to_string(8000 + i)));
    boris_.clock().Advance(std::chrono::seconds(1));  // within the prekey minting budget
    frames.push_back(FirstContactFrom(*strangers.back(), boris_, "knock"));
  }
  std::vector<store::MessageId> acks;
  for (std::size_t i = 0; i < kMaxPendingRequests; ++i) {
    ASSERT_EQ(Deliver(*strangers[i], boris_, frames[i], acks), FrameVerdict::kAccepted);
  }
  acks.clear();
  auto& last = *strangers.back();
  EXPECT_EQ(Deliver(last, boris_, frames.back(), acks), FrameVerdict::kOverQuota);
  EXPECT_TRUE(acks.empty());  // not acknowledged: its sender keeps it and retries

  auto first = boris_.messenger().directory().Requests().front()->row.id;
  boris_.Round([&] { ASSERT_TRUE(boris_.messenger().RejectRequest(first).ok()); });
  EXPECT_EQ(boris_.messenger().directory().request_count(), kMaxPendingRequests - 1);
  EXPECT_EQ(Deliver(last, boris_, frames.back(), acks), FrameVerdict::kAccepted);
  boris_.Restart();  // the rejected one is gone for good, with its messages
  EXPECT_EQ(boris_.messenger().directory().request_count(), kMaxPendingRequests);
  EXPECT_EQ(boris_.messenger().directory().ById(first), nullptr);
  EXPECT_EQ(boris_.messenger().RejectRequest(first).code(), Status::Code::kNotFound);
}

TEST_F(MessengerTest, AContactOverItsStorageBudgetWaitsAtItsNodeAndNothingIsLost) {
  Befriend();
  for (int i = 0; i < 4; ++i) Send(anna_, "boris", std::string(1000, static_cast<char>('a' + i)));
  anna_.Connect(anna_boris_, boris_);
  auto frames = anna_.Transmit();
  ASSERT_EQ(frames.size(), 4u);
  wire::LinkFrame first;
  ASSERT_TRUE(
      first.ParseFromArray(frames[0].second.data(), static_cast<int>(frames[0].second.size())));
  const double payload = static_cast<double>(first.envelope().payload().size());
  // Room for two and a half of them now, and one more every ten seconds.
  boris_.messenger().SetContactBudget(2.5 * payload, payload / 10);

  std::vector<store::MessageId> acks;
  EXPECT_EQ(Deliver(anna_, boris_, frames[0].second, acks), FrameVerdict::kAccepted);
  EXPECT_EQ(Deliver(anna_, boris_, frames[1].second, acks), FrameVerdict::kAccepted);
  EXPECT_EQ(Deliver(anna_, boris_, frames[2].second, acks), FrameVerdict::kOverQuota);
  EXPECT_EQ(Deliver(anna_, boris_, frames[3].second, acks), FrameVerdict::kOverQuota);
  EXPECT_EQ(acks.size(), 2u);  // the others wait, unacknowledged, with Anna
  EXPECT_EQ(History(boris_, "anna").size(), 2u);
  // A repeat of what is stored costs nothing: it is only acknowledged again.
  EXPECT_EQ(Deliver(anna_, boris_, frames[0].second, acks), FrameVerdict::kAccepted);

  boris_.clock().Advance(std::chrono::seconds(10));  // room for one more
  EXPECT_EQ(Deliver(anna_, boris_, frames[2].second, acks), FrameVerdict::kAccepted);
  EXPECT_EQ(Deliver(anna_, boris_, frames[3].second, acks), FrameVerdict::kOverQuota);
  boris_.clock().Advance(std::chrono::seconds(10));
  EXPECT_EQ(Deliver(anna_, boris_, frames[3].second, acks), FrameVerdict::kAccepted);
  auto received = History(boris_, "anna");
  ASSERT_EQ(received.size(), 4u);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(received[static_cast<std::size_t>(i)].body,
              std::string(1000, static_cast<char>('a' + i)));
  }
}

TEST_F(MessengerTest, ARequestMaySendOnlyFirstContactMessages) {
  LocalNode carla("Carla", 3, "tcp://127.0.0.1:7003");
  auto frame = FirstContactFrom(carla, boris_, "hello");
  std::vector<store::MessageId> acks;
  ASSERT_EQ(Deliver(carla, boris_, frame, acks), FrameVerdict::kAccepted);
  wire::LinkFrame ratchet;
  ASSERT_TRUE(ratchet.ParseFromArray(frame.data(), static_cast<int>(frame.size())));
  ratchet.mutable_envelope()->set_type(wire::RATCHET);
  EXPECT_EQ(Deliver(carla, boris_, crypto::AsBytes(ratchet.SerializeAsString()), acks),
            FrameVerdict::kRefused);
}

TEST_F(MessengerTest, StrangerCannotSendRatchetMessagesOrAcks) {
  Befriend();
  LocalNode carla("Carla", 3, "tcp://127.0.0.1:7003");
  // Carla pretends to be a contact by replaying Anna's frame from her own key.
  Send(anna_, "boris", "for boris only");
  anna_.Connect(anna_boris_, boris_);
  auto frame = anna_.Transmit().at(0).second;
  std::vector<store::MessageId> acks;
  EXPECT_EQ(Deliver(carla, boris_, frame, acks), FrameVerdict::kRefused);
  EXPECT_EQ(Deliver(carla, anna_, Messenger::EncodeAcks({store::MessageId{}})[0], acks),
            FrameVerdict::kRefused);
  EXPECT_TRUE(History(boris_, "anna").empty());
}

TEST_F(MessengerTest, RolledBackRoundForgetsItsSessionChanges) {
  Befriend();
  Send(anna_, "boris", "survives a failed commit");
  anna_.Connect(anna_boris_, boris_);
  auto frame = anna_.Transmit().at(0).second;

  ASSERT_TRUE(boris_.store().db().Begin().ok());
  std::vector<store::MessageId> acks;
  ASSERT_TRUE(boris_.messenger().OnFrame(anna_.transport_key(), frame, acks).ok());
  ASSERT_TRUE(boris_.messenger().FinishRound().ok());
  boris_.store().db().Rollback();  // as if the disk were full
  ASSERT_TRUE(boris_.messenger().OnRolledBack().ok());
  EXPECT_TRUE(History(boris_, "anna").empty());

  std::vector<store::MessageId> retry;
  EXPECT_EQ(Deliver(anna_, boris_, frame, retry), FrameVerdict::kAccepted);
  EXPECT_EQ(History(boris_, "anna").size(), 1u);
}

TEST_F(MessengerTest, UnacknowledgedEnvelopesAreResentAfterTheRetryInterval) {
  Befriend();
  Send(anna_, "boris", "are you there?");
  anna_.Connect(anna_boris_, boris_);
  EXPECT_EQ(anna_.Transmit().size(), 1u);
  EXPECT_TRUE(anna_.Transmit().empty());
  anna_.clock().Advance(std::chrono::milliseconds(1100));
  EXPECT_EQ(anna_.Transmit().size(), 1u);  // resent
  anna_.messenger().OnPeerDisconnected(anna_boris_);
  anna_.Connect(anna_boris_, boris_);
  EXPECT_EQ(anna_.Transmit().size(), 1u);  // and again on a new connection
}

TEST_F(MessengerTest, ContactsAreCheckedBeforeTheyAreSaved) {
  EXPECT_EQ(anna_.messenger().AddContact(anna_.messenger().CardText(), "me").status().code(),
            Status::Code::kPermissionDenied);
  EXPECT_EQ(anna_.messenger().AddContact("parley:AAAA", "x").status().code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(
      anna_.messenger().AddContact(boris_.messenger().CardText(), "has space").status().code(),
      Status::Code::kInvalidArgument);
  Befriend();
  EXPECT_EQ(anna_.messenger().AddContact(boris_.messenger().CardText(), "boris2").status().code(),
            Status::Code::kAlreadyExists);
  EXPECT_EQ(anna_.messenger().SendText("nobody", "hi").status().code(), Status::Code::kNotFound);
  EXPECT_TRUE(Messenger::IsValidAlias("борис"));
  EXPECT_FALSE(Messenger::IsValidAlias("-x"));
  EXPECT_FALSE(Messenger::IsValidAlias(""));
}

TEST_F(MessengerTest, SafetyNumbersMatchAndConfirmationPersists) {
  Befriend();
  auto a = anna_.messenger().Verify("boris", false);
  auto b = boris_.messenger().Verify("anna", false);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->safety_number, b->safety_number);
  EXPECT_FALSE(a->verified);
  anna_.Round([&] { ASSERT_TRUE(anna_.messenger().Verify("boris", true).ok()); });
  anna_.Restart();
  EXPECT_TRUE(anna_.messenger().directory().ByAlias("boris")->row.verified);
}

// The directory's verdict on a rotation statement, as a test decides it:
// the keys the successor succeeded.
class FakeRotationSink final : public DirectoryFrameSink {
 public:
  Result<bool> OnContactProfile(const crypto::PublicKey&, crypto::ByteView) override {
    return false;
  }
  Status OnSyncMessage(std::int64_t, const wire::DirectorySync&) override { return Status::Ok(); }
  Result<std::vector<crypto::PublicKey>> OnKeyRotation(crypto::ByteView,
                                                       const crypto::PublicKey& new_key) override {
    if (new_key != successor) return std::vector<crypto::PublicKey>();
    return predecessors;
  }
  void Hands(std::vector<crypto::PublicKey> keys, const crypto::PublicKey& to) {
    predecessors = std::move(keys);
    successor = to;
  }
  crypto::PublicKey successor{};
  std::vector<crypto::PublicKey> predecessors;
};

bool HasText(const std::vector<store::MessageRow>& history, const std::string& text) {
  return std::any_of(history.begin(), history.end(),
                     [&](const store::MessageRow& row) { return row.body == text; });
}

crypto::PublicKey IdentityKeyOf(LocalNode& node) {
  return node.identity().identity.public_identity().identity_key;
}

// Rotates `node`'s identity as `parleyd rotate-keys` does, and restarts it.
void RotateKeys(LocalNode& node) {
  static std::uint64_t seed = 77;  // new keys every time
  crypto::DeterministicRandom random(seed++);
  node.Round([&] {
    ASSERT_TRUE(identity::RotateNodeIdentity(node.store(), node.identity(),
                                             node.clock().NowUnixMs(), random)
                    .ok());
  });
  node.Restart();
}

// Anna rotates her keys and tells Boris, whose directory (`sink`, which must
// outlive the test's use of Boris) agrees: he follows her new key.
void AnnaRotatesAndBorisFollows(LocalNode& anna, LocalNode& boris, FakeRotationSink& sink) {
  const crypto::PublicKey old_key = IdentityKeyOf(anna);
  RotateKeys(anna);
  sink.Hands({old_key}, IdentityKeyOf(anna));
  boris.messenger().SetDirectorySink(&sink);
  std::vector<store::MessageId> acks;
  FrameVerdict verdict = FrameVerdict::kMalformed;
  boris.Round([&] {
    auto result = boris.messenger().OnFrame(
        anna.transport_key(), anna.messenger().KeyRotationFrame(crypto::AsBytes("r")), acks);
    ASSERT_TRUE(result.ok());
    verdict = result.value();
  });
  ASSERT_EQ(verdict, FrameVerdict::kKeyRotated);
}

// A removal whose round fails is undone whole: the contact is back, and so is
// what the link knows of it -- its outbox goes on without a reconnection.
TEST_F(MessengerTest, ARolledBackRemovalLeavesTheContactConnectedAndItsOutboxFlowing) {
  Befriend();
  Converse(anna_, "boris", anna_boris_, boris_, "hello");
  Send(anna_, "boris", "still here");
  Status failed = anna_.TryRound([&] {
    EXPECT_TRUE(anna_.messenger().RemoveContact("boris").ok());
    return Status::IoError("injected");
  });
  EXPECT_EQ(failed.code(), Status::Code::kIoError);
  ASSERT_NE(anna_.messenger().directory().ByAlias("boris"), nullptr);
  EXPECT_TRUE(anna_.messenger().IsOnline(anna_boris_));
  const auto frames = anna_.Transmit();
  ASSERT_FALSE(frames.empty());
  std::vector<store::MessageId> acks;
  ASSERT_EQ(Deliver(anna_, boris_, frames.back().second, acks), FrameVerdict::kAccepted);
  EXPECT_TRUE(HasText(History(boris_, "anna"), "still here"));
}

TEST_F(MessengerTest, AMessageAndItsContactsRemovalInOneRoundCommitAndLeaveNothing) {
  Befriend();
  Converse(anna_, "boris", anna_boris_, boris_, "hello");
  Status round = anna_.TryRound([&] {
    PARLEY_RETURN_IF_ERROR(anna_.messenger().SendText("boris", "last words").status());
    return anna_.messenger().RemoveContact("boris");
  });
  ASSERT_TRUE(round.ok()) << round.message();
  EXPECT_EQ(anna_.messenger().directory().ByAlias("boris"), nullptr);
  EXPECT_EQ(anna_.messenger().CountUndelivered().value(), 0);
}

TEST_F(MessengerTest, AContactFollowsARotationAndTheSessionGoesOnBothWays) {
  Befriend();
  std::vector<store::MessageId> acks;
  Converse(anna_, "boris", anna_boris_, boris_, "before");
  // Boris writes to Anna's old key, in their session of before.
  Send(boris_, "anna", "in flight");
  boris_.Connect(boris_anna_, anna_);
  const auto in_flight = boris_.Transmit().at(0).second;

  const crypto::PublicKey old_key = IdentityKeyOf(anna_);
  RotateKeys(anna_);
  const crypto::PublicKey new_key = IdentityKeyOf(anna_);
  ASSERT_NE(new_key, old_key);
  ASSERT_EQ(anna_.identity().retired.size(), 1u);

  FakeRotationSink sink;
  sink.Hands({old_key}, new_key);
  boris_.messenger().SetDirectorySink(&sink);
  const auto rotation = anna_.messenger().KeyRotationFrame(crypto::AsBytes("rotation"));
  EXPECT_EQ(Deliver(anna_, boris_, rotation, acks), FrameVerdict::kKeyRotated);
  const Contact* anna = boris_.messenger().directory().ByAlias("anna");
  ASSERT_NE(anna, nullptr);
  EXPECT_EQ(anna->row.identity_key, new_key);
  EXPECT_EQ(anna->row.transport_key, anna_.transport_key());
  EXPECT_EQ(anna->row.former_identity_keys, std::vector<crypto::PublicKey>{old_key});
  EXPECT_EQ(boris_.messenger().TakeRekeyedContacts(), std::vector<std::int64_t>{boris_anna_});
  // Told again at the next connection: nothing changes.
  EXPECT_EQ(Deliver(anna_, boris_, rotation, acks), FrameVerdict::kKeyRotated);
  EXPECT_TRUE(boris_.messenger().TakeRekeyedContacts().empty());

  // What Boris sent to the old key decrypts; Anna's reply, from her new key
  // in the same session, too -- also after Boris restarts.
  EXPECT_EQ(Deliver(boris_, anna_, in_flight, acks), FrameVerdict::kAccepted);
  EXPECT_TRUE(HasText(History(anna_, "boris"), "in flight"));
  boris_.Restart();
  Send(anna_, "boris", "after");
  anna_.Connect(anna_boris_, boris_);
  // (The last frame: the ones before are resends of what was never acknowledged here.)
  ASSERT_EQ(Deliver(anna_, boris_, anna_.Transmit().back().second, acks), FrameVerdict::kAccepted);
  EXPECT_TRUE(HasText(History(boris_, "anna"), "after"));
  EXPECT_EQ(boris_.messenger().directory().ByAlias("anna")->row.identity_key, new_key);
  ASSERT_TRUE(boris_.messenger().Verify("anna", false).ok());  // shown, compared
  boris_.Round([&] { ASSERT_TRUE(boris_.messenger().Verify("anna", true).ok()); });
  Send(boris_, "anna", "to the new key");
  boris_.Connect(boris_anna_, anna_);
  ASSERT_EQ(Deliver(boris_, anna_, boris_.Transmit().back().second, acks), FrameVerdict::kAccepted);
  EXPECT_TRUE(HasText(History(anna_, "boris"), "to the new key"));
}

// SECURITY.md: "a changed identity key blocks sending until re-verified".
// The old key vouched for the new one, but a thief of the old key could have.
TEST_F(MessengerTest, AChangedKeyHoldsSendingUntilTheNewSafetyNumberIsConfirmed) {
  Befriend();
  std::vector<store::MessageId> acks;
  Converse(anna_, "boris", anna_boris_, boris_, "hello");
  boris_.Round([&] { ASSERT_TRUE(boris_.messenger().Verify("anna", true).ok()); });
  auto before = boris_.messenger().Verify("anna", false);
  ASSERT_TRUE(before.ok());
  // Queued while Anna is away: it must not reach her new key unconfirmed.
  Send(boris_, "anna", "queued before the rotation");

  FakeRotationSink sink;
  AnnaRotatesAndBorisFollows(anna_, boris_, sink);

  auto changed = boris_.messenger().Verify("anna", false);
  ASSERT_TRUE(changed.ok());
  EXPECT_FALSE(changed->verified);
  EXPECT_TRUE(changed->key_changed);
  EXPECT_NE(changed->safety_number, before->safety_number);
  LocalNode carol("Carol", 9, "tcp://127.0.0.1:7409");
  boris_.Round([&] {
    ASSERT_TRUE(boris_.messenger().AddContact(carol.messenger().CardText(), "carol").ok());
    auto sent = boris_.messenger().SendText("anna", "new message");
    EXPECT_EQ(sent.status().code(), Status::Code::kFailedPrecondition);
    // Nor is she introduced, to anyone: neither side gets anything.
    auto introduced = boris_.messenger().Introduce("carol", "anna", "");
    EXPECT_EQ(introduced.status().code(), Status::Code::kFailedPrecondition);
    EXPECT_EQ(introduced.status().message(), "anna");
  });
  EXPECT_TRUE(History(boris_, "carol").empty());
  boris_.Connect(boris_anna_, anna_);
  EXPECT_TRUE(boris_.Transmit().empty());
  // Held across a restart too, and what she sends still arrives.
  boris_.Restart();
  boris_.messenger().SetDirectorySink(&sink);
  EXPECT_TRUE(boris_.messenger().directory().ByAlias("anna")->row.key_changed);
  boris_.Connect(boris_anna_, anna_);
  EXPECT_TRUE(boris_.Transmit().empty());
  Send(anna_, "boris", "from my new key");
  anna_.Connect(anna_boris_, boris_);
  ASSERT_EQ(Deliver(anna_, boris_, anna_.Transmit().back().second, acks), FrameVerdict::kAccepted);
  EXPECT_TRUE(boris_.Transmit().empty());

  // Only a number Boris was shown can be confirmed (the one before the restart
  // counts no more); then what waited goes out.
  boris_.Round([&] {
    EXPECT_EQ(boris_.messenger().Verify("anna", true).status().code(),
              Status::Code::kFailedPrecondition);
  });
  EXPECT_EQ(boris_.messenger().Verify("anna", false)->safety_number, changed->safety_number);
  boris_.Round([&] {
    auto confirmed = boris_.messenger().Verify("anna", true);
    ASSERT_TRUE(confirmed.ok());
    EXPECT_TRUE(confirmed->verified);
    EXPECT_FALSE(confirmed->key_changed);
  });
  const auto released = boris_.Transmit();
  ASSERT_EQ(released.size(), 1u);
  ASSERT_EQ(Deliver(boris_, anna_, released.at(0).second, acks), FrameVerdict::kAccepted);
  EXPECT_TRUE(HasText(History(anna_, "boris"), "queued before the rotation"));
  Send(boris_, "anna", "confirmed");
  boris_.Restart();
  EXPECT_FALSE(boris_.messenger().directory().ByAlias("anna")->row.key_changed);
  EXPECT_TRUE(boris_.messenger().directory().ByAlias("anna")->row.verified);
}

// What a contact whose key changed vouches for waits until the user has
// confirmed the new key: its introductions cannot be accepted before.
TEST_F(MessengerTest, AnIntroductionWaitsWhileTheIntroducersNewKeyIsUnconfirmed) {
  Befriend();
  LocalNode carol("Carol Ionescu", 9, "tcp://127.0.0.1:7409");
  anna_.Round([&] {
    ASSERT_TRUE(anna_.messenger().AddContact(carol.messenger().CardText(), "carol").ok());
    ASSERT_TRUE(anna_.messenger().Introduce("boris", "carol", "").ok());
  });
  anna_.Connect(anna_boris_, boris_);
  std::vector<store::MessageId> acks;
  for (const auto& [to, frame] : anna_.Transmit()) {
    if (to == anna_boris_) {
      ASSERT_EQ(Deliver(anna_, boris_, frame, acks), FrameVerdict::kAccepted);
    }
  }
  auto introductions = boris_.messenger().Introductions();
  ASSERT_TRUE(introductions.ok());
  ASSERT_EQ(introductions->size(), 1u);
  const std::int64_t introduction = introductions->at(0).id;

  FakeRotationSink sink;
  AnnaRotatesAndBorisFollows(anna_, boris_, sink);
  boris_.Round([&] {
    auto accepted = boris_.messenger().AcceptIntroduction(introduction, "");
    EXPECT_EQ(accepted.status().code(), Status::Code::kFailedPrecondition);
    EXPECT_EQ(accepted.status().message(), "anna");
  });
  EXPECT_EQ(boris_.messenger().directory().ByAlias("carol"), nullptr);
  ASSERT_TRUE(boris_.messenger().Verify("anna", false).ok());
  boris_.Round([&] {
    ASSERT_TRUE(boris_.messenger().Verify("anna", true).ok());
    ASSERT_TRUE(boris_.messenger().AcceptIntroduction(introduction, "carol").ok());
  });
  EXPECT_NE(boris_.messenger().directory().ByAlias("carol"), nullptr);
}

// Whoever still holds a key a contact rotated away from (its old laptop)
// cannot get around the contact's hold by writing as a new stranger.
TEST_F(MessengerTest, AKeyAContactRotatedAwayFromCannotWriteAsAStranger) {
  Befriend();
  Converse(anna_, "boris", anna_boris_, boris_, "before");
  const crypto::PublicKey old_key = IdentityKeyOf(anna_);
  LocalNode old_laptop("Anna", 1, "tcp://127.0.0.1:7011");  // Anna's first keys, as a copy
  ASSERT_EQ(IdentityKeyOf(old_laptop), old_key);
  FakeRotationSink sink;
  AnnaRotatesAndBorisFollows(anna_, boris_, sink);
  std::vector<store::MessageId> acks;

  old_laptop.Round([&] {
    ASSERT_TRUE(old_laptop.messenger().AddContact(boris_.messenger().CardText(), "boris").ok());
    ASSERT_TRUE(old_laptop.messenger().SendText("boris", "it is still me").ok());
  });
  old_laptop.Connect(old_laptop.messenger().directory().ByAlias("boris")->row.id, boris_);
  const auto frames = old_laptop.Transmit();
  ASSERT_FALSE(frames.empty());
  EXPECT_EQ(Deliver(old_laptop, boris_, frames.back().second, acks), FrameVerdict::kRefused);
  EXPECT_TRUE(acks.empty());
  EXPECT_TRUE(boris_.messenger().directory().Requests().empty());
}

TEST_F(MessengerTest, AContactThatMissedTwoRotationsFollowsThemBoth) {
  Befriend();
  std::vector<store::MessageId> acks;
  Converse(anna_, "boris", anna_boris_, boris_, "before");
  const crypto::PublicKey first = IdentityKeyOf(anna_);
  RotateKeys(anna_);
  const crypto::PublicKey second = IdentityKeyOf(anna_);
  RotateKeys(anna_);
  const crypto::PublicKey third = IdentityKeyOf(anna_);
  ASSERT_EQ(anna_.identity().retired.size(), 2u);

  FakeRotationSink sink;
  sink.Hands({second, first}, third);
  boris_.messenger().SetDirectorySink(&sink);
  EXPECT_EQ(Deliver(anna_, boris_, anna_.messenger().KeyRotationFrame(crypto::AsBytes("r")), acks),
            FrameVerdict::kKeyRotated);
  const Contact* anna = boris_.messenger().directory().ByAlias("anna");
  EXPECT_EQ(anna->row.identity_key, third);
  EXPECT_EQ(anna->row.former_identity_keys, (std::vector<crypto::PublicKey>{first, second}));
  // Their session, begun under the first keys, goes on.
  Send(anna_, "boris", "after two rotations");
  anna_.Connect(anna_boris_, boris_);
  ASSERT_EQ(Deliver(anna_, boris_, anna_.Transmit().back().second, acks), FrameVerdict::kAccepted);
  EXPECT_TRUE(HasText(History(boris_, "anna"), "after two rotations"));
}

// Revoking a key a contact had before a rotation voids that rotation, which
// may have been a thief's: the contact is cut off under its new key too.
TEST_F(MessengerTest, RevokingTheKeyBeforeARotationCutsTheContactOff) {
  Befriend();
  std::vector<store::MessageId> acks;
  const crypto::PublicKey old_key = IdentityKeyOf(anna_);
  RotateKeys(anna_);
  const crypto::PublicKey new_key = IdentityKeyOf(anna_);
  FakeRotationSink sink;
  sink.Hands({old_key}, new_key);
  boris_.messenger().SetDirectorySink(&sink);
  ASSERT_EQ(Deliver(anna_, boris_, anna_.messenger().KeyRotationFrame(crypto::AsBytes("r")), acks),
            FrameVerdict::kKeyRotated);
  Send(anna_, "boris", "from the new key");
  anna_.Connect(anna_boris_, boris_);
  const auto frame = anna_.Transmit().back().second;
  const Contact* anna = boris_.messenger().directory().ByAlias("anna");
  ASSERT_NE(anna, nullptr);
  EXPECT_FALSE(boris_.messenger().IsRevoked(*anna));

  boris_.messenger().SetRevocationCheck(
      [&](const crypto::PublicKey& key) { return key == old_key; });
  EXPECT_TRUE(boris_.messenger().IsRevoked(*anna));
  EXPECT_EQ(Deliver(anna_, boris_, frame, acks), FrameVerdict::kRefused);
  EXPECT_TRUE(acks.empty());
  EXPECT_FALSE(HasText(History(boris_, "anna"), "from the new key"));
  // Not even another rotation frame is taken from it.
  EXPECT_EQ(Deliver(anna_, boris_, anna_.messenger().KeyRotationFrame(crypto::AsBytes("r")), acks),
            FrameVerdict::kRefused);

  // A revocation of some unrelated key changes nothing.
  boris_.messenger().SetRevocationCheck([](const crypto::PublicKey&) { return false; });
  EXPECT_FALSE(boris_.messenger().IsRevoked(*anna));
  EXPECT_EQ(Deliver(anna_, boris_, frame, acks), FrameVerdict::kAccepted);
}

TEST_F(MessengerTest, AStrangerHoldingACardFromBeforeARotationCanStillWrite) {
  LocalNode carol("Carol", 9, "tcp://127.0.0.1:7409");
  carol.Round([&] {
    ASSERT_TRUE(carol.messenger().AddContact(anna_.messenger().CardText(), "anna").ok());
  });
  RotateKeys(anna_);
  carol.Round([&] { ASSERT_TRUE(carol.messenger().SendText("anna", "hello").ok()); });
  carol.Connect(carol.messenger().directory().ByAlias("anna")->row.id, anna_);
  std::vector<store::MessageId> acks;
  EXPECT_EQ(Deliver(carol, anna_, carol.Transmit().at(0).second, acks), FrameVerdict::kAccepted);
  ASSERT_EQ(anna_.messenger().directory().Requests().size(), 1u);
  EXPECT_EQ(acks.size(), 1u);
}

TEST_F(MessengerTest, ARotationIsFollowedOnlyWhenEverythingAgrees) {
  Befriend();
  const crypto::PublicKey old_key = IdentityKeyOf(anna_);
  RotateKeys(anna_);
  const crypto::PublicKey new_key = IdentityKeyOf(anna_);
  const auto rotation = anna_.messenger().KeyRotationFrame(crypto::AsBytes("rotation"));
  FakeRotationSink sink;
  boris_.messenger().SetDirectorySink(&sink);
  std::vector<store::MessageId> acks;
  auto unchanged = [&] {
    EXPECT_EQ(boris_.messenger().directory().ByAlias("anna")->row.identity_key, old_key);
    EXPECT_TRUE(boris_.messenger().TakeRekeyedContacts().empty());
  };

  // No rotation of Anna's key holds.
  EXPECT_EQ(Deliver(anna_, boris_, rotation, acks), FrameVerdict::kRefused);
  unchanged();
  // The rotation that holds names another successor than the card.
  LocalNode carol("Carol", 9, "tcp://127.0.0.1:7409");
  sink.Hands({old_key}, IdentityKeyOf(carol));
  EXPECT_EQ(Deliver(anna_, boris_, rotation, acks), FrameVerdict::kRefused);
  unchanged();
  // The card came from a connection with another transport key.
  sink.Hands({old_key}, new_key);
  EXPECT_EQ(Deliver(carol, boris_, rotation, acks), FrameVerdict::kRefused);
  unchanged();
  // It hands over a key that is none of Boris's contacts.
  sink.Hands({IdentityKeyOf(carol)}, new_key);
  EXPECT_EQ(Deliver(anna_, boris_, rotation, acks), FrameVerdict::kRefused);
  unchanged();
  // A revoked successor is not followed.
  sink.Hands({old_key}, new_key);
  boris_.messenger().SetRevocationCheck(
      [&](const crypto::PublicKey& key) { return key == new_key; });
  EXPECT_EQ(Deliver(anna_, boris_, rotation, acks), FrameVerdict::kRefused);
  unchanged();
  // Garbage in place of the card.
  wire::LinkFrame garbled;
  garbled.mutable_key_rotation()->set_card("not a card");
  EXPECT_EQ(Deliver(anna_, boris_, crypto::AsBytes(garbled.SerializeAsString()), acks),
            FrameVerdict::kRefused);
  unchanged();
  EXPECT_TRUE(acks.empty());
}

}  // namespace
}  // namespace parley::messenger
