// A fixed, deterministic pair of established sessions for the fuzz targets
// and their seed generator: the same bytes on every run and every machine.
#pragma once

#include "crypto/random.h"
#include "tests/crypto/test_support.h"

namespace parley::crypto::fuzzing {

struct FixedConversation {
  DeterministicRandom random{0xF022};
  testing::Party alice{random};
  testing::Party bob{random};
  testing::SessionPair sessions = testing::MakeEstablishedPair(alice, bob, random);
};

}  // namespace parley::crypto::fuzzing
