// Anti-entropy messages arrive from every contact (LinkFrame.directory_sync):
// the input is one wire.DirectorySync, answered from the shared set of a
// Directory that holds the fixed web of trust, then handled by that Directory
// in a round that is rolled back, so every input meets the same directory.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "daemon/directory/sync_protocol.h"
#include "daemon/net/link.h"
#include "daemon/util/log.h"
#include "proto/wire.pb.h"
#include "tests/fuzz/daemon/fuzz_sync_directory.h"

namespace {

using namespace parley;
using namespace parley::directory;

struct Fixture {
  fuzzing::FixedNetwork network;
  fuzzing::FixedTrust trust{network};
  fuzzing::SyncedDirectory node{network, trust};
  const ObjectHash root = node.directory->shared().Root();
};

bool IsAsBefore(const Fixture& fixture) {
  const SyncSet& shared = fixture.node.directory->shared();
  return shared.size() == fuzzing::SyncedDirectory::kSharedObjects && shared.Root() == fixture.root;
}

}  // namespace

// As in the daemon: protobuf's complaints about malformed strings go to the
// (here silent) debug log rather than to stderr once per input.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  parley::log::Init("off");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Fixture fixture;  // built once per fuzzing process
  Directory& directory = *fixture.node.directory;
  store::Database& db = fixture.node.store->db();
  constexpr std::int64_t kPeer = fuzzing::SyncedDirectory::kPeer;
  constexpr std::int64_t kOther = fuzzing::SyncedDirectory::kOther;

  wire::DirectorySync message;
  if (!message.ParseFromArray(data, static_cast<int>(size))) return 0;

  // The protocol alone: answers fit a link frame; nothing is answered to a
  // message out of bounds.
  std::vector<wire::DirectorySync> replies;
  std::vector<wire::DirectoryObject> received;
  const Status answered = AnswerSync(directory.shared(), message, replies, received);
  if (!answered.ok() && (!replies.empty() || !received.empty())) __builtin_trap();
  if (received.size() > kMaxSyncObjects) __builtin_trap();
  for (const auto& reply : replies) {
    if (reply.kind_case() == wire::DirectorySync::KIND_NOT_SET ||
        reply.ByteSizeLong() > static_cast<std::size_t>(net::kMaxFrameSize)) {
      __builtin_trap();
    }
  }

  // The directory: whatever a contact sends, it fails only on its store.
  if (!db.Begin().ok()) __builtin_trap();
  if (!directory.OnSyncMessage(kPeer, message).ok()) __builtin_trap();
  bool changed = !IsAsBefore(fixture);
  // The frames it would send (answers to the peer, news to the others) fit
  // the link.
  directory.OnCommitted();
  for (const auto& [contact_id, frame] : directory.TakeFrames({kPeer, kOther})) {
    if (frame.size() > static_cast<std::size_t>(net::kMaxFrameSize)) __builtin_trap();
    wire::LinkFrame parsed;
    if (!parsed.ParseFromArray(frame.data(), static_cast<int>(frame.size())) ||
        !parsed.has_directory_sync()) {
      __builtin_trap();
    }
    if (contact_id == kOther) changed = true;  // news: something was kept
  }
  // Back to the directory every input starts from.
  db.Rollback();
  if (changed && (!directory.Reload().ok() || !IsAsBefore(fixture))) __builtin_trap();
  return 0;
}
