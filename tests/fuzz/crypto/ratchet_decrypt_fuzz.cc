// Decrypt arbitrary bytes with a fixed established session (Bob's side): a
// failure must leave the session byte-for-byte unchanged. The input is also
// tried as a RatchetMessage body under a valid header of the session, so the
// fuzzer reaches the AEAD and padding checks and not only the decoder.
#include <cstdint>
#include <cstdlib>

#include "tests/fuzz/crypto/fuzz_session.h"

using namespace parley::crypto;

namespace {

// Bob's established session (as bytes, loaded afresh for every input) and
// the header of Alice's next message to him.
struct Fixture {
  Bytes bob_session;
  RatchetHeader next_header;
};

const Fixture& GetFixture() {
  static const Fixture fixture = [] {
    fuzzing::FixedConversation conversation;
    Bytes next_message;
    if (!conversation.sessions.alice.Encrypt({}, conversation.random, next_message)) std::abort();
    const SecureBuffer bob = conversation.sessions.bob.Serialize();
    return Fixture{Bytes(bob.view().begin(), bob.view().end()),
                   DecodeRatchetMessage(next_message)->header};
  }();
  return fixture;
}

void DecryptMustNotChangeOnFailure(RatchetSession& session, ByteView message, Random& random) {
  const SecureBuffer before = session.Serialize();
  Bytes plaintext;
  if (!session.Decrypt(message, random, plaintext)) {
    if (!EqualConstantTime(before.view(), session.Serialize().view())) std::abort();
    if (!plaintext.empty()) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Fixture& fixture = GetFixture();
  std::optional<RatchetSession> bob = RatchetSession::Deserialize(fixture.bob_session);
  if (!bob) std::abort();
  DeterministicRandom random(1);
  DecryptMustNotChangeOnFailure(*bob, ByteView(data, size), random);

  // The same bytes behind a valid header of Alice's current chain, so that
  // inputs reach the AEAD and the padding checks.
  RatchetHeader header = fixture.next_header;
  if (size >= 2) {
    header.message_number += data[0] % 4;
    header.previous_chain_length += data[1] % 4;
  }
  Bytes message;
  EncodeRatchetHeader(header, message);
  message.insert(message.end(), data, data + size);
  DecryptMustNotChangeOnFailure(*bob, message, random);
  return 0;
}
