// A node's Directory that has joined the fixed network and holds its fixed
// web of trust (fuzz_directory.h), in a store of its own under /tmp: what
// directory_sync_fuzz feeds, and the set the seeds of make_directory_seeds.cc
// are made against (their hashes name its objects).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "daemon/directory/directory.h"
#include "daemon/store/store.h"
#include "daemon/util/clock.h"
#include "proto/directory.pb.h"
#include "tests/fuzz/daemon/fuzz_directory.h"
#include "tests/support/local_node.h"
#include "tests/support/temp_dir.h"

namespace parley::fuzzing {

constexpr std::uint64_t kFuzzSyncSeed = 0x5E7C;

// One sync message carrying `statements`, then `profiles`, in that order.
inline wire::DirectorySync ObjectsMessage(
    const std::vector<const directory::Statement*>& statements,
    const std::vector<const directory::Profile*>& profiles) {
  wire::DirectorySync message;
  auto* objects = message.mutable_objects();
  for (const auto* statement : statements) {
    objects->add_objects()->set_statement(statement->encoded.data(), statement->encoded.size());
  }
  for (const auto* profile : profiles) {
    objects->add_objects()->set_profile(profile->encoded.data(), profile->encoded.size());
  }
  return message;
}

// Every object of the fixed web of trust, as one sync message.
inline wire::DirectorySync TrustMessage(const FixedTrust& trust) {
  return ObjectsMessage({&trust.delegation, &trust.old_delegation, &trust.suspension,
                         &trust.endorsement, &trust.anchor_endorsement},
                        {&trust.member_profile, &trust.expert_profile});
}

struct SyncedDirectory {
  static constexpr std::int64_t kPeer = 1;   // the contact every message comes from
  static constexpr std::int64_t kOther = 2;  // another contact online meanwhile
  // Shared: the charter, the contact point's delegation, the suspension,
  // both endorsements and both endorsed profiles; not the delegation
  // suspended.
  static constexpr std::size_t kSharedObjects = 7;

  SyncedDirectory(const FixedNetwork& network, const FixedTrust& trust) {
    auto created = store::Store::Create(home.path(), crypto::AsBytes(std::string("fuzz")),
                                        testing::CheapKdf(), random);
    if (!created.ok()) __builtin_trap();
    store = std::move(created.value());
    if (!directory::Directory::JoinNetwork(*store, network.charter).ok()) __builtin_trap();
    auto loaded = directory::Directory::Load(*store, owner, "Fuzz Node", clock);
    if (!loaded.ok()) __builtin_trap();
    directory = std::move(loaded.value());
    // The web of trust arrives from a contact, in one committed round.
    if (!store->db().Begin().ok()) __builtin_trap();
    if (!directory->OnSyncMessage(kPeer, TrustMessage(trust)).ok()) __builtin_trap();
    if (!store->db().Commit().ok()) __builtin_trap();
    directory->OnCommitted();
    (void)directory->TakeFrames({});
    // As after a restart: what the store holds.
    if (!directory->Reload().ok()) __builtin_trap();
    if (directory->ProfileOf(trust.member.signing().public_key()) == nullptr ||
        directory->ProfileOf(trust.expert.signing().public_key()) == nullptr ||
        directory->shared().size() != kSharedObjects) {
      __builtin_trap();
    }
  }

  testing::TempDir home;
  FakeClock clock{static_cast<std::int64_t>(kFuzzNowMs)};
  crypto::DeterministicRandom random{kFuzzSyncSeed};
  crypto::SigningKeyPair owner = crypto::SigningKeyPair::Generate(random);
  std::unique_ptr<store::Store> store;
  std::unique_ptr<directory::Directory> directory;
};

}  // namespace parley::fuzzing
