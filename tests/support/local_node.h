// LocalNode: a node's store, identity and messenger in this process, with
// deterministic randomness and a fake clock, for tests and fuzzers that
// exercise the messenger without sockets. Frames move between nodes by hand.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "crypto/random.h"
#include "daemon/identity/node_identity.h"
#include "daemon/messenger/messenger.h"
#include "daemon/store/store.h"
#include "daemon/util/clock.h"
#include "tests/support/temp_dir.h"

namespace parley::testing {

// The cheapest Argon2id libsodium allows: tests are not about the KDF.
crypto::PasswordHashCost CheapKdf();

class LocalNode {
 public:
  // `options` say how the store is opened, now and at every Open.
  LocalNode(const std::string& name, std::uint64_t seed, const std::string& endpoint,
            store::StoreOptions options = {});

  messenger::Messenger& messenger() { return *messenger_; }
  store::Store& store() { return *store_; }
  identity::NodeIdentity& identity() { return *identity_; }
  FakeClock& clock() { return clock_; }
  const crypto::PublicKey& transport_key() const {
    return identity_->identity.public_identity().transport_key;
  }
  const std::string& home() const { return home_.path(); }

  // Runs `work` as one reactor round: begin, work, finish, commit.
  template <typename Work>
  void Round(Work&& work) {
    Check(store_->db().Begin());
    work();
    Check(messenger_->FinishRound());
    Check(store_->db().Commit());
    messenger_->OnCommitted();
  }

  // As Round, but `work` returns a Status, and a failure anywhere (the work,
  // saving sessions, the commit) rolls the round back as the reactor does
  // (daemon/node/node.cc) and is returned instead of thrown.
  template <typename Work>
  Status TryRound(Work&& work) {
    auto& db = store_->db();
    Status status = db.Begin();
    if (!status.ok()) return status;
    status = work();
    if (status.ok()) status = messenger_->FinishRound();
    if (status.ok()) status = db.Commit();
    if (status.ok()) {
      messenger_->OnCommitted();
      return status;
    }
    db.Rollback();
    Status rolled_back = messenger_->OnRolledBack();
    return rolled_back.ok() ? status : rolled_back;
  }

  // Frames this node's link would transmit now (to a connected contact).
  std::vector<std::pair<std::int64_t, crypto::Bytes>> Transmit();

  // The link to contact `contact_id`, who is `peer`, came up. When messages
  // to it wait for a session, the prekey exchange runs as the two daemons
  // run it (request, bundle, session), so that Transmit then yields them.
  void Connect(std::int64_t contact_id, LocalNode& peer);

  // Closes and reopens the store and messenger, as after a restart.
  void Restart();
  // The two halves of Restart: the process ends (messenger, identity and
  // store are dropped) and starts again (the store is opened and checked).
  void Close();
  void Open();

 private:
  static void Check(const Status& status);
  TempDir home_;
  store::StoreOptions options_;
  FakeClock clock_;
  crypto::DeterministicRandom random_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<identity::NodeIdentity> identity_;
  std::unique_ptr<messenger::Messenger> messenger_;
};

}  // namespace parley::testing
