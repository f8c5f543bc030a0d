// Writes valid seed inputs for the crypto fuzz targets into
// <dir>/<target>/: real messages, states and records, plus action scripts.
//   crypto_fuzz_seeds tests/fuzz/seeds
#include <cstdio>
#include <fstream>
#include <string>

#include "crypto/ratchet.h"
#include "crypto/session_record.h"
#include "tests/fuzz/crypto/fuzz_session.h"

using namespace parley::crypto;

namespace {

std::string g_dir;

void Write(const std::string& target, const std::string& name, ByteView bytes) {
  const std::string path = g_dir + "/" + target + "/" + name;
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
  if (!out) {
    std::fprintf(stderr, "cannot write %s\n", path.c_str());
    std::exit(1);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s SEEDS_DIR\n", argv[0]);
    return 2;
  }
  g_dir = argv[1];

  // ratchet_decrypt_fuzz: Alice's next messages to the fixed Bob, whole and
  // as the body behind a header.
  {
    fuzzing::FixedConversation fixed;
    for (int i = 0; i < 3; ++i) {
      Bytes message;
      const std::string text(i * 100, 'a');
      if (!fixed.sessions.alice.Encrypt(AsBytes(text), fixed.random, message)) return 1;
      Write("ratchet_decrypt_fuzz", "message" + std::to_string(i), message);
      Write("ratchet_decrypt_fuzz", "body" + std::to_string(i),
            ByteView(message).subspan(kRatchetHeaderSize));
      Write("ratchet_message_fuzz", "ratchet" + std::to_string(i), message);
    }
  }

  // ratchet_message_fuzz and session_state_fuzz: prekey messages, sessions
  // and records from a fresh SessionRecord conversation.
  {
    DeterministicRandom random(5);
    testing::Party alice(random), bob(random);
    SessionRecord alice_record, bob_record;
    if (!alice_record.Initiate(alice.identity(), bob.Bundle(bob.AddOneTimePrekey(random)),
                               random)) {
      return 1;
    }
    Write("session_state_fuzz", "record_pending", alice_record.Serialize().view());
    EncryptedPayload first, skipped, second;
    if (!alice_record.Encrypt(AsBytes("first"), random, first) ||
        !alice_record.Encrypt(AsBytes("skipped"), random, skipped) ||
        !alice_record.Encrypt(AsBytes("second"), random, second)) {
      return 1;
    }
    Write("ratchet_message_fuzz", "prekey", first.bytes);
    DecryptResult result;
    if (!bob_record.Decrypt(first.kind, first.bytes, bob.identity(), bob, random, std::nullopt,
                            result) ||
        !bob_record.Decrypt(second.kind, second.bytes, bob.identity(), bob, random, std::nullopt,
                            result)) {
      return 1;
    }
    Write("session_state_fuzz", "record_with_skipped_key", bob_record.Serialize().view());
    if (!alice_record.Initiate(alice.identity(), bob.Bundle(), random)) return 1;
    Write("session_state_fuzz", "record_two_sessions", alice_record.Serialize().view());

    auto pair = testing::MakeSessionPair(alice, bob, random);
    Write("session_state_fuzz", "session_initiator", pair.alice.Serialize().view());
    Write("session_state_fuzz", "session_responder", pair.bob.Serialize().view());
    Bytes m1, m2;
    if (!pair.alice.Encrypt(AsBytes("1"), random, m1) ||
        !pair.alice.Encrypt(AsBytes("2"), random, m2)) {
      return 1;
    }
    Bytes plaintext;
    if (!pair.bob.Decrypt(m2, random, plaintext)) return 1;
    Write("session_state_fuzz", "session_with_skipped_key", pair.bob.Serialize().view());
  }

  // ratchet_interaction_fuzz: 8 seed bytes, then (action, argument) pairs.
  {
    const Bytes scripts[] = {
        {0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 3, 0, 1, 0, 2, 0, 0, 0, 0, 0, 3, 1, 3, 0},
        {0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 1, 0, 0, 0, 1, 0, 5, 0, 5, 1, 3, 0, 2, 0, 3, 0, 2, 0},
        {0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 6, 1, 4, 1, 0, 0, 3, 1, 7, 0, 1, 0, 2, 0, 3, 0},
    };
    int i = 0;
    for (const Bytes& script : scripts) {
      Write("ratchet_interaction_fuzz", "script" + std::to_string(i++), script);
    }
  }
  return 0;
}
