// Whole-node fuzzing of the peer input: any frame, from a contact or from a
// stranger, must neither crash the node nor change what it has stored.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/daemon/fuzz_nodes.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto& nodes = parley::fuzzing::Nodes();
  std::vector<parley::store::MessageId> acks;
  parley::crypto::ByteView frame(data, size);
  nodes.RolledBackRound(nodes.boris, [&] {
    (void)nodes.boris.messenger().OnFrame(nodes.anna.transport_key(), frame, acks);
    (void)nodes.boris.messenger().OnFrame(nodes.stranger.transport_key(), frame, acks);
  });
  // Still the node it was: it knows exactly one contact and one message from her.
  if (nodes.boris.messenger().directory().contact_count() != 1 ||
      nodes.boris.messenger().directory().request_count() != 0) {
    __builtin_trap();
  }
  auto history = nodes.boris.messenger().Messages("anna", 10);
  if (!history.ok() || history->size() != 2) __builtin_trap();
  return 0;
}
