// A fixed, deterministic network charter for the directory fuzz targets and
// their seed generator (make_directory_seeds.cc): the same bytes on every run
// and every machine, so committed profile seeds stay valid against it.
#pragma once

#include <cstdint>
#include <utility>

#include "crypto/random.h"
#include "crypto/sign.h"
#include "daemon/directory/charter.h"

namespace parley::fuzzing {

// The time profile_fuzz parses at; seeds are signed a day before it.
constexpr std::uint64_t kFuzzNowMs = 1'767'225'600'000;
constexpr std::uint64_t kFuzzCharterCreatedMs = kFuzzNowMs - 30ULL * 24 * 3600 * 1000;
constexpr std::uint64_t kFuzzCharterSeed = 0xC4A7;

struct FixedNetwork {
  crypto::DeterministicRandom random{kFuzzCharterSeed};
  crypto::SigningKeyPair anchor = crypto::SigningKeyPair::Generate(random);
  directory::Charter charter = Make(anchor, random);

 private:
  static directory::Charter Make(const crypto::SigningKeyPair& anchor, crypto::Random& random) {
    auto charter = directory::CreateCharter(anchor, "Prague Process", directory::DefaultTaxonomy(),
                                            kFuzzCharterCreatedMs, random);
    if (!charter.ok()) __builtin_trap();
    return std::move(charter.value());
  }
};

}  // namespace parley::fuzzing
