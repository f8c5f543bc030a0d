#include "crypto/ratchet.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "crypto/limits.h"
#include "test_support.h"

namespace parley::crypto {
namespace {

using testing::DecryptText;
using testing::MakeEstablishedPair;
using testing::MakeSessionPair;
using testing::MustEncrypt;
using testing::Party;
using testing::SerializedBytes;

// Serialised session: fixed part, pending prekey, skipped-key count, entries.
constexpr std::size_t kFixedPart = 366;
constexpr std::size_t kPendingPart = 136;
constexpr std::size_t kSkippedEntry = 68;

struct RatchetTest : ::testing::Test {
  DeterministicRandom random{2024};
  Party alice{random};
  Party bob{random};

  // Expects `message` to be refused and `session` to be byte-for-byte unchanged.
  void ExpectRefusedUnchanged(RatchetSession& session, ByteView message) {
    const Bytes before = SerializedBytes(session);
    Bytes plaintext = {1, 2, 3};
    EXPECT_FALSE(session.Decrypt(message, random, plaintext));
    EXPECT_TRUE(plaintext.empty());
    EXPECT_EQ(SerializedBytes(session), before);
  }

  static std::uint32_t MessageNumber(const Bytes& message) {
    return (std::uint32_t{message[37]} << 24) | (std::uint32_t{message[38]} << 16) |
           (std::uint32_t{message[39]} << 8) | message[40];
  }
  static PublicKey RatchetKey(const Bytes& message) {
    PublicKey key{};
    std::copy(message.begin() + 1, message.begin() + 33, key.begin());
    return key;
  }
};

TEST_F(RatchetTest, InOrderBothDirections) {
  auto [a, b] = MakeSessionPair(alice, bob, random);
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 3; ++i) {
      const std::string text = "a" + std::to_string(round) + std::to_string(i);
      EXPECT_EQ(DecryptText(b, MustEncrypt(a, text, random), random), text);
    }
    for (int i = 0; i < 3; ++i) {
      const std::string text = "b" + std::to_string(round) + std::to_string(i);
      EXPECT_EQ(DecryptText(a, MustEncrypt(b, text, random), random), text);
    }
  }
}

TEST_F(RatchetTest, EmptyAndLargestPlaintexts) {
  auto [a, b] = MakeEstablishedPair(alice, bob, random);
  EXPECT_EQ(DecryptText(b, MustEncrypt(a, "", random), random), "");
  const std::string largest(kMaxPlaintextSize, 'x');
  EXPECT_EQ(DecryptText(b, MustEncrypt(a, largest, random), random), largest);
  Bytes out = {7};
  const Bytes too_large(kMaxPlaintextSize + 1, 'y');
  EXPECT_FALSE(a.Encrypt(too_large, random, out));
  EXPECT_EQ(out, Bytes{7});
}

TEST_F(RatchetTest, CiphertextLengthsArePadded) {
  auto [a, b] = MakeEstablishedPair(alice, bob, random);
  const std::pair<std::size_t, std::size_t> cases[] = {
      {0, 64},    {63, 64},       {64, 128},      {255, 256},
      {256, 512}, {16383, 16384}, {16384, 32768}, {40000, 49152}};
  for (auto [plaintext_size, padded] : cases) {
    Bytes out;
    ASSERT_TRUE(a.Encrypt(Bytes(plaintext_size, 'p'), random, out));
    EXPECT_EQ(out.size(), 41 + padded + 16) << plaintext_size;
    Bytes plaintext;
    ASSERT_TRUE(b.Decrypt(out, random, plaintext));
    EXPECT_EQ(plaintext.size(), plaintext_size);
  }
}

TEST_F(RatchetTest, ResponderCannotSendBeforeReceiving) {
  auto [a, b] = MakeSessionPair(alice, bob, random);
  Bytes out;
  EXPECT_FALSE(b.Encrypt(AsBytes("too early"), random, out));
  EXPECT_TRUE(out.empty());
  ASSERT_TRUE(DecryptText(b, MustEncrypt(a, "first", random), random));
  EXPECT_TRUE(b.Encrypt(AsBytes("now"), random, out));
}

TEST_F(RatchetTest, PendingPrekeyUntilFirstReply) {
  auto [a, b] = MakeSessionPair(alice, bob, random);
  ASSERT_TRUE(a.pending_prekey());
  EXPECT_EQ(a.pending_prekey()->base_key, a.base_key());
  EXPECT_EQ(a.pending_prekey()->identity_key, alice.identity().public_identity().identity_key);
  EXPECT_FALSE(b.pending_prekey());
  EXPECT_EQ(a.base_key(), b.base_key());
  ASSERT_TRUE(DecryptText(b, MustEncrypt(a, "1", random), random));
  EXPECT_TRUE(a.pending_prekey());  // sending alone does not clear it
  ASSERT_TRUE(DecryptText(a, MustEncrypt(b, "2", random), random));
  EXPECT_FALSE(a.pending_prekey());
}

TEST_F(RatchetTest, OutOfOrderWithinChain) {
  auto [a, b] = MakeEstablishedPair(alice, bob, random);
  std::vector<Bytes> messages;
  for (int i = 0; i < 6; ++i) messages.push_back(MustEncrypt(a, "m" + std::to_string(i), random));
  for (int i : {4, 1, 5, 0, 3, 2}) {
    EXPECT_EQ(DecryptText(b, messages[i], random), "m" + std::to_string(i));
  }
}

TEST_F(RatchetTest, LateMessagesFromEarlierChains) {
  auto [a, b] = MakeEstablishedPair(alice, bob, random);
  const Bytes old1 = MustEncrypt(a, "old1", random);
  const Bytes old2 = MustEncrypt(a, "old2", random);
  const Bytes seen = MustEncrypt(a, "seen", random);
  ASSERT_EQ(DecryptText(b, seen, random), "seen");
  ASSERT_TRUE(DecryptText(a, MustEncrypt(b, "reply", random), random));
  const Bytes newer = MustEncrypt(a, "newer", random);  // a new DH step
  EXPECT_NE(RatchetKey(newer), RatchetKey(seen));
  const Bytes unseen_old = MustEncrypt(b, "b-late", random);
  ASSERT_EQ(DecryptText(b, newer, random), "newer");
  EXPECT_EQ(DecryptText(b, old2, random), "old2");
  EXPECT_EQ(DecryptText(b, old1, random), "old1");
  EXPECT_EQ(DecryptText(a, unseen_old, random), "b-late");
}

TEST_F(RatchetTest, MessagesOfAPreviousChainSkippedAtTheDhStep) {
  // Bob never sees Alice's last messages of a chain before her next chain
  // starts: pn tells him how many keys to keep.
  auto [a, b] = MakeEstablishedPair(alice, bob, random);
  ASSERT_TRUE(DecryptText(b, MustEncrypt(a, "x", random), random));
  const Bytes lost1 = MustEncrypt(a, "lost1", random);
  const Bytes lost2 = MustEncrypt(a, "lost2", random);
  ASSERT_TRUE(DecryptText(a, MustEncrypt(b, "turn", random), random));
  ASSERT_EQ(DecryptText(b, MustEncrypt(a, "next chain", random), random), "next chain");
  EXPECT_EQ(DecryptText(b, lost2, random), "lost2");
  EXPECT_EQ(DecryptText(b, lost1, random), "lost1");
}

TEST_F(RatchetTest, SkipUpToTheBoundIsAccepted) {
  auto [a, b] = MakeEstablishedPair(alice, bob, random);
  std::vector<Bytes> messages;
  for (std::uint32_t i = 0; i <= kMaxSkip; ++i) messages.push_back(MustEncrypt(a, "s", random));
  // Bob's next expected number is 0 on this chain; skipping kMaxSkip keys is fine.
  EXPECT_TRUE(DecryptText(b, messages.back(), random));
  EXPECT_TRUE(DecryptText(b, messages.front(), random));
}

TEST_F(RatchetTest, SkipBeyondBoundOnCurrentChainRejectedUnchanged) {
  auto [a, b] = MakeEstablishedPair(alice, bob, random);
  ASSERT_TRUE(DecryptText(b, MustEncrypt(a, "x", random), random));  // same chain as below
  std::vector<Bytes> messages;
  for (std::uint32_t i = 0; i <= kMaxSkip + 1; ++i) {
    messages.push_back(MustEncrypt(a, "s", random));
  }
  // Nr is 1; the last message has n = kMaxSkip + 2: kMaxSkip + 1 keys to skip.
  ExpectRefusedUnchanged(b, messages.back());
  EXPECT_TRUE(DecryptText(b, messages[messages.size() - 2], random));
}

TEST_F(RatchetTest, SkipBeyondBoundOnNewChainRejectedUnchanged) {
  auto [a, b] = MakeEstablishedPair(alice, bob, random);
  ASSERT_TRUE(DecryptText(b, MustEncrypt(a, "x", random), random));
  ASSERT_TRUE(DecryptText(a, MustEncrypt(b, "turn", random), random));
  // Alice's new chain: the first message Bob sees has n = kMaxSkip + 1.
  std::vector<Bytes> messages;
  for (std::uint32_t i = 0; i <= kMaxSkip + 1; ++i) {
    messages.push_back(MustEncrypt(a, "s", random));
  }
  ASSERT_EQ(MessageNumber(messages.back()), kMaxSkip + 1);
  ExpectRefusedUnchanged(b, messages.back());
  EXPECT_TRUE(DecryptText(b, messages[kMaxSkip], random));
}

TEST_F(RatchetTest, SkipBeyondBoundOnPreviousChainRejectedUnchanged) {
  auto [a, b] = MakeEstablishedPair(alice, bob, random);
  ASSERT_TRUE(DecryptText(b, MustEncrypt(a, "x", random), random));  // Bob's Nr = 1
  for (std::uint32_t i = 0; i <= kMaxSkip + 1; ++i) MustEncrypt(a, "lost", random);
  // Alice's chain now has kMaxSkip + 3 messages; Bob has read one.
  ASSERT_TRUE(DecryptText(a, MustEncrypt(b, "turn", random), random));
  const Bytes next = MustEncrypt(a, "next", random);  // pn = kMaxSkip + 3
  ExpectRefusedUnchanged(b, next);
}

TEST_F(RatchetTest, ReplayRejectedUnchanged) {
  auto [a, b] = MakeEstablishedPair(alice, bob, random);
  const Bytes m0 = MustEncrypt(a, "zero", random);
  const Bytes m1 = MustEncrypt(a, "one", random);
  ASSERT_TRUE(DecryptText(b, m0, random));
  ExpectRefusedUnchanged(b, m0);
  // A skipped key is used once.
  const Bytes m2 = MustEncrypt(a, "two", random);
  ASSERT_TRUE(DecryptText(b, m2, random));
  ASSERT_TRUE(DecryptText(b, m1, random));
  ExpectRefusedUnchanged(b, m1);
  ExpectRefusedUnchanged(b, m2);
  // The very first message of the conversation, replayed after DH steps.
  auto [a2, b2] = MakeSessionPair(alice, bob, random);
  const Bytes first = MustEncrypt(a2, "first", random);
  ASSERT_TRUE(DecryptText(b2, first, random));
  ASSERT_TRUE(DecryptText(a2, MustEncrypt(b2, "r", random), random));
  ASSERT_TRUE(DecryptText(b2, MustEncrypt(a2, "s", random), random));
  ExpectRefusedUnchanged(b2, first);
}

TEST_F(RatchetTest, TamperedHeaderOrCiphertextRejectedUnchanged) {
  auto [a, b] = MakeEstablishedPair(alice, bob, random);
  const Bytes message = MustEncrypt(a, "integrity", random);
  for (std::size_t i = 0; i < message.size(); ++i) {
    Bytes tampered = message;
    tampered[i] ^= 0x80;
    ExpectRefusedUnchanged(b, tampered);
  }
  Bytes truncated(message.begin(), message.end() - 1);
  ExpectRefusedUnchanged(b, truncated);
  Bytes extended = message;
  extended.push_back(0);
  ExpectRefusedUnchanged(b, extended);
  ExpectRefusedUnchanged(b, {});
  EXPECT_EQ(DecryptText(b, message, random), "integrity");
}

TEST_F(RatchetTest, TamperedMessageOnANewChainRejectedUnchanged) {
  // The DH-step path: tampering must not leave a half-done ratchet step.
  auto [a, b] = MakeEstablishedPair(alice, bob, random);
  const Bytes message = MustEncrypt(b, "new chain", random);
  for (std::size_t i : {1u, 20u, 34u, 38u, 41u, 100u}) {
    Bytes tampered = message;
    tampered[i] ^= 0x01;
    ExpectRefusedUnchanged(a, tampered);
  }
  EXPECT_EQ(DecryptText(a, message, random), "new chain");
}

TEST_F(RatchetTest, MessageReaddressedToThirdPartyFails) {
  Party carol(random);
  const std::uint32_t opk = bob.AddOneTimePrekey(random);
  std::optional<X3dhInitiation> x3dh = X3dhInitiate(alice.identity(), bob.Bundle(opk), random);
  ASSERT_TRUE(x3dh);
  const PrekeyHeader pending{bob.signed_prekey().id, opk, {}, {}, {}, x3dh->ephemeral.public_key()};
  RatchetSession a =
      RatchetSession::Initiate(*x3dh, bob.signed_prekey().key.public_key(), pending, random);
  std::optional<SecureBuffer> sk =
      X3dhRespond(bob.identity(), bob.signed_prekey(), bob.FindOneTimePrekey(opk),
                  alice.identity().public_identity(), x3dh->ephemeral.public_key());
  ASSERT_TRUE(sk);
  const Bytes message = MustEncrypt(a, "for bob only", random);

  // Same keys, but the AD names Carol as the responder (or the roles swapped):
  // the tag does not verify.
  const AssociatedData to_carol =
      MakeAssociatedData(alice.identity().public_identity(), carol.identity().public_identity());
  RatchetSession carol_view = RatchetSession::Respond(sk->view(), to_carol, bob.signed_prekey().key,
                                                      x3dh->ephemeral.public_key());
  ExpectRefusedUnchanged(carol_view, message);
  const AssociatedData swapped =
      MakeAssociatedData(bob.identity().public_identity(), alice.identity().public_identity());
  RatchetSession swapped_view = RatchetSession::Respond(
      sk->view(), swapped, bob.signed_prekey().key, x3dh->ephemeral.public_key());
  ExpectRefusedUnchanged(swapped_view, message);

  RatchetSession b = RatchetSession::Respond(sk->view(), x3dh->associated_data,
                                             bob.signed_prekey().key, x3dh->ephemeral.public_key());
  EXPECT_EQ(DecryptText(b, message, random), "for bob only");
}

TEST_F(RatchetTest, PingPongStepsTheDhRatchetEveryTurn) {
  auto [a, b] = MakeSessionPair(alice, bob, random);
  std::vector<PublicKey> keys_seen;
  for (int i = 0; i < 20; ++i) {
    RatchetSession& sender = i % 2 == 0 ? a : b;
    RatchetSession& receiver = i % 2 == 0 ? b : a;
    const std::string text = "turn " + std::to_string(i);
    const Bytes message = MustEncrypt(sender, text, random);
    EXPECT_EQ(MessageNumber(message), 0u);  // every message starts a new chain
    const PublicKey key = RatchetKey(message);
    for (const PublicKey& earlier : keys_seen) EXPECT_NE(key, earlier);
    keys_seen.push_back(key);
    EXPECT_EQ(DecryptText(receiver, message, random), text);
  }
}

TEST_F(RatchetTest, SkippedKeyStoreIsBounded) {
  auto [a, b] = MakeEstablishedPair(alice, bob, random);
  // Two chains of 1500 messages of which Bob reads only the last: 2998 keys
  // skipped, 2000 kept, the oldest dropped first.
  std::vector<Bytes> chain1, chain2;
  for (int i = 0; i < 1500; ++i)
    chain1.push_back(MustEncrypt(a, "c1-" + std::to_string(i), random));
  ASSERT_TRUE(DecryptText(b, chain1.back(), random));
  ASSERT_TRUE(DecryptText(a, MustEncrypt(b, "turn", random), random));
  for (int i = 0; i < 1500; ++i)
    chain2.push_back(MustEncrypt(a, "c2-" + std::to_string(i), random));
  ASSERT_TRUE(DecryptText(b, chain2.back(), random));

  EXPECT_EQ(SerializedBytes(b).size(), kFixedPart + 4 + kMaxSkippedKeys * kSkippedEntry);
  // 2998 - 2000 = 998 oldest dropped: chain1[0..997] are gone.
  ExpectRefusedUnchanged(b, chain1[0]);
  ExpectRefusedUnchanged(b, chain1[997]);
  EXPECT_EQ(DecryptText(b, chain1[998], random), "c1-998");
  EXPECT_EQ(DecryptText(b, chain2[0], random), "c2-0");
  EXPECT_EQ(SerializedBytes(b).size(), kFixedPart + 4 + (kMaxSkippedKeys - 2) * kSkippedEntry);
}

TEST_F(RatchetTest, SerializeRoundTripMidConversationThenContinue) {
  auto [a, b] = MakeSessionPair(alice, bob, random);
  ASSERT_TRUE(DecryptText(b, MustEncrypt(a, "1", random), random));
  const Bytes skipped = MustEncrypt(a, "skipped", random);
  ASSERT_TRUE(DecryptText(b, MustEncrypt(a, "3", random), random));
  const Bytes reply = MustEncrypt(b, "reply", random);

  // Alice is still pending; Bob holds one skipped key.
  const Bytes alice_blob = SerializedBytes(a);
  const Bytes bob_blob = SerializedBytes(b);
  EXPECT_EQ(alice_blob.size(), kFixedPart + kPendingPart + 4);
  EXPECT_EQ(bob_blob.size(), kFixedPart + 4 + kSkippedEntry);
  std::optional<RatchetSession> a2 = RatchetSession::Deserialize(alice_blob);
  std::optional<RatchetSession> b2 = RatchetSession::Deserialize(bob_blob);
  ASSERT_TRUE(a2 && b2);
  EXPECT_EQ(SerializedBytes(*a2), alice_blob);
  EXPECT_EQ(SerializedBytes(*b2), bob_blob);
  ASSERT_TRUE(a2->pending_prekey());
  EXPECT_EQ(a2->pending_prekey()->base_key, a.base_key());
  EXPECT_EQ(a2->associated_data(), a.associated_data());

  EXPECT_EQ(DecryptText(*a2, reply, random), "reply");
  EXPECT_FALSE(a2->pending_prekey());
  EXPECT_EQ(DecryptText(*b2, skipped, random), "skipped");
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(DecryptText(*b2, MustEncrypt(*a2, "a" + std::to_string(i), random), random),
              "a" + std::to_string(i));
    EXPECT_EQ(DecryptText(*a2, MustEncrypt(*b2, "b" + std::to_string(i), random), random),
              "b" + std::to_string(i));
  }
}

TEST_F(RatchetTest, SerializedLayout) {
  auto [a, b] = MakeSessionPair(alice, bob, random);
  const Bytes blob = SerializedBytes(a);
  EXPECT_EQ(blob[0], 1);
  EXPECT_TRUE(std::equal(a.associated_data().begin(), a.associated_data().end(), blob.begin() + 1));
  const std::uint8_t flags = blob[1 + 128 + 32 + 64];
  EXPECT_EQ(flags, 0b1011);  // DHr, sending chain, pending prekey
  EXPECT_TRUE(std::equal(a.base_key().begin(), a.base_key().end(), blob.begin() + 334));
  const Bytes bob_blob = SerializedBytes(b);
  EXPECT_EQ(bob_blob[1 + 128 + 32 + 64], 0);  // nothing set yet
}

TEST_F(RatchetTest, BadBlobsRefused) {
  auto [a, b] = MakeEstablishedPair(alice, bob, random);
  MustEncrypt(a, "skip me", random);
  ASSERT_TRUE(DecryptText(b, MustEncrypt(a, "x", random), random));
  const Bytes blob = SerializedBytes(b);
  ASSERT_TRUE(RatchetSession::Deserialize(blob));

  for (std::size_t size = 0; size < blob.size(); ++size) {
    EXPECT_FALSE(RatchetSession::Deserialize(ByteView(blob).first(size))) << size;
  }
  Bytes longer = blob;
  longer.push_back(0);
  EXPECT_FALSE(RatchetSession::Deserialize(longer));
  Bytes wrong_version = blob;
  wrong_version[0] = 2;
  EXPECT_FALSE(RatchetSession::Deserialize(wrong_version));
  Bytes unknown_flag = blob;
  unknown_flag[225] |= 0x10;
  EXPECT_FALSE(RatchetSession::Deserialize(unknown_flag));
  Bytes receiving_without_dhr = blob;
  receiving_without_dhr[225] &= static_cast<std::uint8_t>(~1);
  EXPECT_FALSE(RatchetSession::Deserialize(receiving_without_dhr));
  // k above the bound, with a matching length.
  Bytes too_many(kFixedPart, 0);
  std::copy(blob.begin(), blob.begin() + kFixedPart, too_many.begin());
  const std::uint32_t k = kMaxSkippedKeys + 1;
  too_many.push_back(static_cast<std::uint8_t>(k >> 24));
  too_many.push_back(static_cast<std::uint8_t>(k >> 16));
  too_many.push_back(static_cast<std::uint8_t>(k >> 8));
  too_many.push_back(static_cast<std::uint8_t>(k));
  too_many.resize(too_many.size() + k * kSkippedEntry, 0);
  EXPECT_FALSE(RatchetSession::Deserialize(too_many));
  // An unset field that is not zero is not canonical.
  const Bytes bob_fresh = SerializedBytes(MakeSessionPair(alice, bob, random).bob);
  ASSERT_TRUE(RatchetSession::Deserialize(bob_fresh));
  Bytes stray_chain_key = bob_fresh;
  stray_chain_key[226 + 32] = 1;  // sending chain key without its flag
  EXPECT_FALSE(RatchetSession::Deserialize(stray_chain_key));
}

TEST_F(RatchetTest, ForeignSessionCannotRead) {
  auto [a, b] = MakeEstablishedPair(alice, bob, random);
  Party carol(random);
  auto [a2, c] = MakeEstablishedPair(alice, carol, random);
  ExpectRefusedUnchanged(c, MustEncrypt(a, "to bob", random));
}

}  // namespace
}  // namespace parley::crypto

namespace parley::crypto {
namespace {

// The daemon binds the envelope id as context: a payload moved under another
// id must not decrypt, and must not change the session.
TEST(RatchetContextTest, ContextIsAuthenticatedAndAMismatchChangesNothing) {
  DeterministicRandom random(77);
  testing::Party alice(random), bob(random);
  auto [a, b] = testing::MakeEstablishedPair(alice, bob, random);
  const Bytes id_one(16, 0x01), id_two(16, 0x02);
  Bytes message;
  ASSERT_TRUE(a.Encrypt(testing::ToBytes("bound to id one"), random, message, id_one));

  const Bytes before = testing::SerializedBytes(b);
  Bytes plaintext;
  EXPECT_FALSE(b.Decrypt(message, random, plaintext, id_two));
  EXPECT_FALSE(b.Decrypt(message, random, plaintext));  // no context at all
  EXPECT_EQ(testing::SerializedBytes(b), before);
  ASSERT_TRUE(b.Decrypt(message, random, plaintext, id_one));
  EXPECT_EQ(std::string(plaintext.begin(), plaintext.end()), "bound to id one");

  Bytes too_long(kMaxMessageContextSize + 1, 0);
  EXPECT_FALSE(a.Encrypt(testing::ToBytes("x"), random, message, too_long));
}

}  // namespace
}  // namespace parley::crypto
