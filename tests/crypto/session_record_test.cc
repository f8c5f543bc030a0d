#include "crypto/session_record.h"

#include <gtest/gtest.h>

#include <string>

#include "crypto/limits.h"
#include "crypto/ratchet_message.h"
#include "test_support.h"

namespace parley::crypto {
namespace {

using testing::Copy;
using testing::Party;

struct SessionRecordTest : ::testing::Test {
  DeterministicRandom random{99};
  Party alice{random};
  Party bob{random};
  SessionRecord alice_record;
  SessionRecord bob_record;

  const PublicKey& IdentityKey(const Party& party) {
    return party.identity().public_identity().identity_key;
  }

  EncryptedPayload Send(SessionRecord& record, std::string_view text) {
    EncryptedPayload payload;
    if (!record.Encrypt(AsBytes(text), random, payload)) std::abort();
    return payload;
  }

  // Decrypts as `me` from `sender`, deleting a used OPK as the daemon would.
  std::optional<std::string> Receive(SessionRecord& record, Party& me, const Party& sender,
                                     const EncryptedPayload& payload) {
    DecryptResult result;
    if (!record.Decrypt(payload.kind, payload.bytes, me.identity(), me, random, IdentityKey(sender),
                        result)) {
      return std::nullopt;
    }
    EXPECT_EQ(result.sender_identity_key, IdentityKey(sender));
    if (result.used_one_time_prekey_id != 0) me.DeleteOneTimePrekey(result.used_one_time_prekey_id);
    return std::string(result.plaintext.begin(), result.plaintext.end());
  }

  void ExpectRefusedUnchanged(SessionRecord& record, Party& me, PayloadKind kind, ByteView payload,
                              std::optional<PublicKey> expected_sender) {
    const Bytes before = Copy(record.Serialize());
    DecryptResult result;
    result.plaintext = {1};
    EXPECT_FALSE(record.Decrypt(kind, payload, me.identity(), me, random, expected_sender, result));
    EXPECT_TRUE(result.plaintext.empty());
    EXPECT_EQ(Copy(record.Serialize()), before);
  }
};

TEST_F(SessionRecordTest, NoSessionCannotEncrypt) {
  EncryptedPayload payload;
  EXPECT_FALSE(alice_record.has_session());
  EXPECT_FALSE(alice_record.Encrypt(AsBytes("x"), random, payload));
}

TEST_F(SessionRecordTest, PrekeyMessagesUntilFirstReplyThenRatchetMessages) {
  const std::uint32_t opk = bob.AddOneTimePrekey(random);
  ASSERT_TRUE(alice_record.Initiate(alice.identity(), bob.Bundle(opk), random));
  const EncryptedPayload first = Send(alice_record, "one");
  const EncryptedPayload second = Send(alice_record, "two");
  EXPECT_EQ(first.kind, PayloadKind::kPrekey);
  EXPECT_EQ(second.kind, PayloadKind::kPrekey);
  // Both carry the same X3DH header.
  EXPECT_TRUE(std::equal(first.bytes.begin(), first.bytes.begin() + kPrekeyHeaderSize,
                         second.bytes.begin()));

  DecryptResult result;
  ASSERT_TRUE(bob_record.Decrypt(first.kind, first.bytes, bob.identity(), bob, random,
                                 IdentityKey(alice), result));
  EXPECT_EQ(result.used_one_time_prekey_id, opk);
  bob.DeleteOneTimePrekey(opk);
  EXPECT_EQ(Receive(bob_record, bob, alice, second), "two");  // same session, by base key

  const EncryptedPayload reply = Send(bob_record, "reply");
  EXPECT_EQ(reply.kind, PayloadKind::kRatchet);
  EXPECT_EQ(Receive(alice_record, alice, bob, reply), "reply");
  const EncryptedPayload third = Send(alice_record, "three");
  EXPECT_EQ(third.kind, PayloadKind::kRatchet);
  EXPECT_EQ(Receive(bob_record, bob, alice, third), "three");
}

TEST_F(SessionRecordTest, WorksWithoutOneTimePrekey) {
  ASSERT_TRUE(alice_record.Initiate(alice.identity(), bob.Bundle(), random));
  DecryptResult result;
  const EncryptedPayload first = Send(alice_record, "no opk");
  ASSERT_TRUE(bob_record.Decrypt(first.kind, first.bytes, bob.identity(), bob, random, std::nullopt,
                                 result));
  EXPECT_EQ(result.used_one_time_prekey_id, 0u);
  EXPECT_EQ(result.sender_identity_key, IdentityKey(alice));
}

TEST_F(SessionRecordTest, InitiateRefusesForgedBundle) {
  PrekeyBundle bundle = bob.Bundle();
  bundle.signed_prekey_signature[0] ^= 1;
  EXPECT_FALSE(alice_record.Initiate(alice.identity(), bundle, random));
  EXPECT_FALSE(alice_record.has_session());
}

TEST_F(SessionRecordTest, ReplayedPrekeyMessageRefused) {
  const std::uint32_t opk = bob.AddOneTimePrekey(random);
  ASSERT_TRUE(alice_record.Initiate(alice.identity(), bob.Bundle(opk), random));
  const EncryptedPayload first = Send(alice_record, "once");
  ASSERT_EQ(Receive(bob_record, bob, alice, first), "once");
  // Replay while the session exists: the message key is spent.
  ExpectRefusedUnchanged(bob_record, bob, first.kind, first.bytes, IdentityKey(alice));
  // Replay to a node that has lost the session: the OPK is gone.
  SessionRecord fresh;
  ExpectRefusedUnchanged(fresh, bob, first.kind, first.bytes, IdentityKey(alice));
}

TEST_F(SessionRecordTest, WrongSenderOrForgedHeaderRefused) {
  ASSERT_TRUE(alice_record.Initiate(alice.identity(), bob.Bundle(), random));
  const EncryptedPayload first = Send(alice_record, "hello");
  Party mallory(random);
  ExpectRefusedUnchanged(bob_record, bob, first.kind, first.bytes, IdentityKey(mallory));
  // Mallory claims the message with her identity but cannot certify Alice's AK.
  Bytes forged = first.bytes;
  const PublicKey& mallory_key = IdentityKey(mallory);
  std::copy(mallory_key.begin(), mallory_key.end(), forged.begin() + 9);
  ExpectRefusedUnchanged(bob_record, bob, PayloadKind::kPrekey, forged, std::nullopt);
  // A prekey message presented as a ratchet message, and the reverse.
  ExpectRefusedUnchanged(bob_record, bob, PayloadKind::kRatchet, first.bytes, std::nullopt);
  EXPECT_EQ(Receive(bob_record, bob, alice, first), "hello");
  const EncryptedPayload reply = Send(bob_record, "reply");
  ExpectRefusedUnchanged(alice_record, alice, PayloadKind::kPrekey, reply.bytes, std::nullopt);
  // A ratchet message from Bob is refused when Mallory is expected.
  ExpectRefusedUnchanged(alice_record, alice, reply.kind, reply.bytes, IdentityKey(mallory));
}

TEST_F(SessionRecordTest, SimultaneousInitiationConverges) {
  ASSERT_TRUE(
      alice_record.Initiate(alice.identity(), bob.Bundle(bob.AddOneTimePrekey(random)), random));
  ASSERT_TRUE(
      bob_record.Initiate(bob.identity(), alice.Bundle(alice.AddOneTimePrekey(random)), random));
  const EncryptedPayload from_alice = Send(alice_record, "a1");
  const EncryptedPayload from_bob = Send(bob_record, "b1");
  EXPECT_EQ(from_alice.kind, PayloadKind::kPrekey);
  EXPECT_EQ(from_bob.kind, PayloadKind::kPrekey);
  EXPECT_EQ(Receive(bob_record, bob, alice, from_alice), "a1");
  EXPECT_EQ(Receive(alice_record, alice, bob, from_bob), "b1");

  // Each now sends on the session the other started; each can read it.
  std::vector<EncryptedPayload> to_bob, to_alice;
  for (int i = 0; i < 3; ++i) {
    to_bob.push_back(Send(alice_record, "a" + std::to_string(i + 2)));
    to_alice.push_back(Send(bob_record, "b" + std::to_string(i + 2)));
  }
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(Receive(bob_record, bob, alice, to_bob[i]), "a" + std::to_string(i + 2));
    EXPECT_EQ(Receive(alice_record, alice, bob, to_alice[i]), "b" + std::to_string(i + 2));
  }
  // And the conversation settles: ratchet messages both ways from here on.
  for (int i = 0; i < 3; ++i) {
    const EncryptedPayload a = Send(alice_record, "x");
    EXPECT_EQ(a.kind, PayloadKind::kRatchet);
    EXPECT_EQ(Receive(bob_record, bob, alice, a), "x");
    const EncryptedPayload b = Send(bob_record, "y");
    EXPECT_EQ(b.kind, PayloadKind::kRatchet);
    EXPECT_EQ(Receive(alice_record, alice, bob, b), "y");
  }
}

TEST_F(SessionRecordTest, ArchiveIsBounded) {
  // An established first session, with one message from Alice held back.
  ASSERT_TRUE(alice_record.Initiate(alice.identity(), bob.Bundle(), random));
  ASSERT_TRUE(Receive(bob_record, bob, alice, Send(alice_record, "s1")));
  ASSERT_TRUE(Receive(alice_record, alice, bob, Send(bob_record, "r1")));
  const EncryptedPayload held_back = Send(alice_record, "late");
  ASSERT_EQ(held_back.kind, PayloadKind::kRatchet);

  // Alice starts over kMaxArchivedSessions + 1 times; Bob follows each time.
  for (std::size_t i = 0; i <= kMaxArchivedSessions; ++i) {
    ASSERT_TRUE(alice_record.Initiate(alice.identity(), bob.Bundle(), random));
    ASSERT_TRUE(Receive(bob_record, bob, alice, Send(alice_record, "again")));
  }
  for (SessionRecord* record : {&alice_record, &bob_record}) {
    const Bytes blob = Copy(record->Serialize());
    EXPECT_EQ(blob[1], 1 + kMaxArchivedSessions);
  }
  // The first session was dropped on both sides.
  ExpectRefusedUnchanged(bob_record, bob, held_back.kind, held_back.bytes, IdentityKey(alice));
}

TEST_F(SessionRecordTest, ArchivedSessionStillDecryptsAndBecomesCurrent) {
  ASSERT_TRUE(alice_record.Initiate(alice.identity(), bob.Bundle(), random));
  ASSERT_TRUE(Receive(bob_record, bob, alice, Send(alice_record, "s1")));
  ASSERT_TRUE(Receive(alice_record, alice, bob, Send(bob_record, "r1")));
  const EncryptedPayload late = Send(alice_record, "late on first session");
  SessionRecord alice_copy = *SessionRecord::Deserialize(Copy(alice_record.Serialize()));
  ASSERT_TRUE(alice_record.Initiate(alice.identity(), bob.Bundle(), random));
  ASSERT_TRUE(Receive(bob_record, bob, alice, Send(alice_record, "second session")));
  // Bob's current is the second session; the late message needs the first.
  EXPECT_EQ(Receive(bob_record, bob, alice, late), "late on first session");
  // Bob now answers on the first session, which Alice's old copy can read.
  const EncryptedPayload answer = Send(bob_record, "answer");
  EXPECT_EQ(answer.kind, PayloadKind::kRatchet);
  EXPECT_EQ(Receive(alice_copy, alice, bob, answer), "answer");
}

TEST_F(SessionRecordTest, SerializeRoundTrip) {
  const Bytes empty = Copy(SessionRecord().Serialize());
  EXPECT_EQ(empty, (Bytes{1, 0}));
  std::optional<SessionRecord> loaded_empty = SessionRecord::Deserialize(empty);
  ASSERT_TRUE(loaded_empty);
  EXPECT_FALSE(loaded_empty->has_session());

  ASSERT_TRUE(alice_record.Initiate(alice.identity(), bob.Bundle(), random));
  ASSERT_TRUE(alice_record.Initiate(alice.identity(), bob.Bundle(), random));
  const EncryptedPayload message = Send(alice_record, "after reload");
  const Bytes blob = Copy(alice_record.Serialize());
  EXPECT_EQ(blob[1], 2);
  std::optional<SessionRecord> loaded = SessionRecord::Deserialize(blob);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(Copy(loaded->Serialize()), blob);
  EXPECT_EQ(Receive(bob_record, bob, alice, message), "after reload");
  EXPECT_EQ(Receive(bob_record, bob, alice, Send(*loaded, "from loaded")), "from loaded");
}

TEST_F(SessionRecordTest, BadBlobsRefused) {
  ASSERT_TRUE(alice_record.Initiate(alice.identity(), bob.Bundle(), random));
  const Bytes blob = Copy(alice_record.Serialize());
  for (std::size_t size = 0; size < blob.size(); ++size) {
    EXPECT_FALSE(SessionRecord::Deserialize(ByteView(blob).first(size))) << size;
  }
  Bytes trailing = blob;
  trailing.push_back(0);
  EXPECT_FALSE(SessionRecord::Deserialize(trailing));
  Bytes wrong_version = blob;
  wrong_version[0] = 0;
  EXPECT_FALSE(SessionRecord::Deserialize(wrong_version));
  Bytes too_many = {1, static_cast<std::uint8_t>(kMaxArchivedSessions + 2)};
  for (std::size_t i = 0; i < kMaxArchivedSessions + 2; ++i) {
    too_many.insert(too_many.end(), blob.begin() + 2, blob.end());
  }
  EXPECT_FALSE(SessionRecord::Deserialize(too_many));
  Bytes huge_length = blob;
  huge_length[2] = 0xFF;
  EXPECT_FALSE(SessionRecord::Deserialize(huge_length));
}

}  // namespace
}  // namespace parley::crypto
