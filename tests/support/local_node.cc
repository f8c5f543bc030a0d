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

LocalNode::LocalNode(const std::string& name, std::uint64_t seed, const std::string& endpoint,
                     store::StoreOptions options)
    : options_(std::move(options)), random_(seed) {
  auto store = store::Store::Create(home_.path(), crypto::AsBytes(kPassphrase), CheapKdf(), random_,
                                    options_);
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
  Close();
  Open();
}

void LocalNode::Close() {
  messenger_.reset();
  identity_.reset();
  store_.reset();
}

void LocalNode::Open() {
  auto store = store::Store::Open(home_.path(), crypto::AsBytes(kPassphrase), options_);
  Check(store.status());
  store_ = std::move(store.value());
  Check(store_->db().CheckIntegrity());
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

void LocalNode::Connect(std::int64_t contact_id, LocalNode& peer) {
  messenger_->OnPeerConnected(contact_id);
  if (!messenger_->AwaitsSession(contact_id)) return;
  std::vector<crypto::Bytes> requests;
  Check(messenger_->Transmit([&](std::int64_t to, crypto::ByteView frame) {
    if (to == contact_id) requests.emplace_back(frame.begin(), frame.end());
    return to == contact_id;
  }));
  for (const auto& request : requests) {
    std::vector<store::MessageId> acks;
    std::optional<crypto::Bytes> bundle;
    peer.Round([&] {
      Check(peer.messenger().OnFrame(transport_key(), request, acks).status());
      bundle = peer.messenger().TakeReply();
    });
    if (!bundle) continue;
    // As the link reports a reply on the DEALER: from the key it dialled.
    const auto& dialled = messenger_->directory().ById(contact_id)->row.transport_key;
    Round([&] { Check(messenger_->OnFrame(dialled, *bundle, acks).status()); });
  }
}

}  // namespace parley::testing
