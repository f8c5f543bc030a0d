#include "tests/support/local_node.h"

#include <stdexcept>

namespace parley::testing {

namespace {
constexpr char kPassphrase[] = "test passphrase";
}

crypto::PasswordHashCost CheapKdf() { return {1, 8192}; }

void LocalNode::Check(const Status& status) {
  if (!status.ok()) throw std::runtime_error(status.message());
}

LocalNode::LocalNode(const std::string& name, std::uint64_t seed, const std::string& endpoint)
    : random_(seed) {
  auto store =
      store::Store::Create(home_.path(), crypto::AsBytes(kPassphrase), CheapKdf(), random_);
  Check(store.status());
  store_ = std::move(store.value());
  auto identity =
      identity::CreateNodeIdentity(*store_, name, endpoint, endpoint, clock_.NowUnixMs(), random_);
  Check(identity.status());
  identity_ = std::move(identity.value());
  auto messenger = messenger::Messenger::Create(*store_, *identity_, random_, clock_);
  Check(messenger.status());
  messenger_ = std::move(messenger.value());
}

void LocalNode::Restart() {
  messenger_.reset();
  identity_.reset();
  store_.reset();
  auto store = store::Store::Open(home_.path(), crypto::AsBytes(kPassphrase));
  Check(store.status());
  store_ = std::move(store.value());
  auto identity = identity::LoadNodeIdentity(*store_);
  Check(identity.status());
  identity_ = std::move(identity.value());
  auto messenger = messenger::Messenger::Create(*store_, *identity_, random_, clock_);
  Check(messenger.status());
  messenger_ = std::move(messenger.value());
}

std::vector<std::pair<std::int64_t, crypto::Bytes>> LocalNode::Transmit() {
  std::vector<std::pair<std::int64_t, crypto::Bytes>> frames;
  Check(messenger_->Transmit([&](std::int64_t contact_id, crypto::ByteView frame) {
    frames.emplace_back(contact_id, crypto::Bytes(frame.begin(), frame.end()));
    return true;
  }));
  return frames;
}

}  // namespace parley::testing
