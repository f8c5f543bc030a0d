// Profiles arrive from peers (directory sync) and from the store: the input
// is the wire.Signed bytes, parsed against a fixed charter.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "daemon/directory/profile.h"
#include "daemon/identity/card.h"
#include "daemon/util/log.h"
#include "tests/fuzz/daemon/fuzz_directory.h"

// As in the daemon: protobuf's complaints about malformed strings go to the
// (here silent) debug log rather than to stderr once per input.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  parley::log::Init("off");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace parley;
  using namespace parley::directory;
  static const fuzzing::FixedNetwork network;  // built once per fuzzing process
  const Charter& charter = network.charter;

  // The store's reader (no signature checks) is bounded on any input too.
  auto stored = ParseProfile({data, size}, charter, fuzzing::kFuzzNowMs, Verification::kStored);
  auto profile = ParseProfile({data, size}, charter, fuzzing::kFuzzNowMs);
  if (!profile.ok()) return 0;
  // What passes every check reads back from the store as the same profile.
  if (!stored.ok() || stored->identity_key != profile->identity_key ||
      stored->version != profile->version || !(stored->fields == profile->fields) ||
      stored->card != profile->card || stored->expires_at_ms != profile->expires_at_ms) {
    __builtin_trap();
  }

  if (profile->encoded.size() != size ||
      !std::equal(profile->encoded.begin(), profile->encoded.end(), data)) {
    __builtin_trap();
  }
  if (profile->network_id != charter.network_id || profile->version == 0) __builtin_trap();
  if (profile->expires_at_ms <= fuzzing::kFuzzNowMs ||
      profile->expires_at_ms > profile->created_at_ms + kProfileLifetimeMs) {
    __builtin_trap();
  }
  // Its fields are in normal form: normalising changes nothing.
  ProfileFields fields = profile->fields;
  if (!NormaliseProfileFields(fields, charter).ok() || !(fields == profile->fields))
    __builtin_trap();
  // Its card is its owner's.
  auto card = identity::ParseCardBytes(profile->card);
  if (!card.ok() || card->identity.identity_key != profile->identity_key) __builtin_trap();
  // It parses again from its own bytes, to the same profile.
  auto again = ParseProfile(profile->encoded, charter, fuzzing::kFuzzNowMs);
  if (!again.ok() || again->identity_key != profile->identity_key ||
      again->version != profile->version || !(again->fields == profile->fields)) {
    __builtin_trap();
  }
  // And it is refused once it has expired, and by another network.
  if (ParseProfile(profile->encoded, charter, profile->expires_at_ms).ok()) __builtin_trap();
  Charter other = charter;
  other.network_id[0] ^= 0x01;
  if (ParseProfile(profile->encoded, other, fuzzing::kFuzzNowMs).ok()) __builtin_trap();
  return 0;
}
