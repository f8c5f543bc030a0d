// Double Ratchet benchmarks, 256-byte plaintexts, both ends in one process
// (as the reference harnesses in anchors/ do; compare.py runs all three).
//   stream:    A -> B only, encrypt + decrypt per message (symmetric steps)
//   pingpong:  the direction alternates, so every message is a DH ratchet step
//   establish: OPK + X3DH + first (prekey) message + reply, via SessionRecord
// Each reports the median of repetitions (real time per message or session).
#include <benchmark/benchmark.h>

#include <cstdlib>

#include "crypto/random.h"
#include "crypto/session_record.h"
#include "tests/crypto/test_support.h"

namespace parley::crypto {
namespace {

constexpr std::size_t kPlaintextSize = 256;
constexpr int kRepetitions = 5;

// Encrypts with `from` and decrypts with `to`, reusing the caller's buffers.
void SendOne(RatchetSession& from, RatchetSession& to, Bytes& plaintext, Bytes& wire,
             Bytes& decrypted, Random& random) {
  wire.clear();
  if (!from.Encrypt(plaintext, random, wire) || !to.Decrypt(wire, random, decrypted) ||
      decrypted.size() != kPlaintextSize || decrypted[0] != plaintext[0]) {
    std::abort();
  }
  ++plaintext[0];
}

void BM_Stream(benchmark::State& state) {
  Random& random = SystemRandom();
  testing::Party alice(random), bob(random);
  testing::SessionPair pair = testing::MakeEstablishedPair(alice, bob, random);
  Bytes plaintext(kPlaintextSize, 'p'), wire, decrypted;
  for (auto _ : state) SendOne(pair.alice, pair.bob, plaintext, wire, decrypted, random);
  state.counters["wire_bytes"] = static_cast<double>(wire.size());
}

void BM_PingPong(benchmark::State& state) {
  Random& random = SystemRandom();
  testing::Party alice(random), bob(random);
  testing::SessionPair pair = testing::MakeEstablishedPair(alice, bob, random);
  Bytes plaintext(kPlaintextSize, 'p'), wire, decrypted;
  bool alice_sends = true;
  for (auto _ : state) {
    if (alice_sends) {
      SendOne(pair.alice, pair.bob, plaintext, wire, decrypted, random);
    } else {
      SendOne(pair.bob, pair.alice, plaintext, wire, decrypted, random);
    }
    alice_sends = !alice_sends;
  }
}

void BM_Establish(benchmark::State& state) {
  Random& random = SystemRandom();
  testing::Party alice(random), bob(random);
  const Bytes hello = {'h', 'e', 'l', 'l', 'o'};
  for (auto _ : state) {
    SessionRecord alice_record, bob_record;
    const std::uint32_t opk = bob.AddOneTimePrekey(random);
    EncryptedPayload first, reply;
    DecryptResult result;
    if (!alice_record.Initiate(alice.identity(), bob.Bundle(opk), random) ||
        !alice_record.Encrypt(hello, random, first) ||
        !bob_record.Decrypt(first.kind, first.bytes, bob.identity(), bob, random, std::nullopt,
                            result) ||
        !bob_record.Encrypt(hello, random, reply) ||
        !alice_record.Decrypt(reply.kind, reply.bytes, alice.identity(), alice, random,
                              std::nullopt, result)) {
      std::abort();
    }
    bob.DeleteOneTimePrekey(opk);
  }
}

BENCHMARK(BM_Stream)
    ->Unit(benchmark::kMicrosecond)
    ->UseRealTime()
    ->Repetitions(kRepetitions)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_PingPong)
    ->Unit(benchmark::kMicrosecond)
    ->UseRealTime()
    ->Repetitions(kRepetitions)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_Establish)
    ->Unit(benchmark::kMicrosecond)
    ->UseRealTime()
    ->Repetitions(kRepetitions)
    ->ReportAggregatesOnly(true);

}  // namespace
}  // namespace parley::crypto

BENCHMARK_MAIN();
