// The interaction simulation of tests/crypto/interaction_sim.h driven by the
// input: the first 8 bytes seed the keys, then each pair of bytes is one
// action (send, deliver, drop, shuffle, duplicate, reload) and its argument.
// Any violated property (a message not decrypting exactly once) aborts.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "tests/crypto/interaction_sim.h"

using parley::crypto::testing::Conversation;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::uint64_t seed = 0;
  std::size_t i = 0;
  for (; i < 8 && i < size; ++i) seed = (seed << 8) | data[i];
  Conversation conversation(seed);
  for (; i + 1 < size; i += 2) {
    const auto action = static_cast<Conversation::Action>(data[i] % Conversation::kActionCount);
    if (std::optional<std::string> error = conversation.Step(action, data[i + 1])) {
      std::fprintf(stderr, "step at byte %zu: %s\n", i, error->c_str());
      std::abort();
    }
  }
  if (std::optional<std::string> error = conversation.DeliverAll()) {
    std::fprintf(stderr, "final delivery: %s\n", error->c_str());
    std::abort();
  }
  return 0;
}
