#include "daemon/node/node.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "proto/wire.pb.h"

namespace parley::node {

namespace {

std::string KeyString(const crypto::PublicKey& key) { return {key.begin(), key.end()}; }

crypto::Bytes ProfileFrame(const crypto::Bytes& profile) {
  wire::LinkFrame frame;
  frame.set_own_profile(profile.data(), profile.size());
  std::string bytes = frame.SerializeAsString();
  return crypto::Bytes(bytes.begin(), bytes.end());
}

// See OnConnected.
constexpr std::chrono::milliseconds kSyncAfterConnectMs{3'000};
// How often the signed prekey's age is checked, and retried after a failure.
constexpr std::chrono::hours kPrekeyRenewalCheck{1};
constexpr std::chrono::minutes kPrekeyRenewalRetry{1};

}  // namespace

Node::Node(const NodeOptions& options, store::Store& store, identity::NodeIdentity& identity,
           const Clock& clock)
    : options_(options), store_(store), identity_(identity), clock_(clock), context_(1) {}

Node::~Node() {
  // Sockets close before the context terminates.
  api_.reset();
  link_.reset();
}

Result<std::unique_ptr<Node>> Node::Start(const NodeOptions& options, store::Store& store,
                                          identity::NodeIdentity& identity, crypto::Random& random,
                                          const Clock& clock) {
  auto node = std::make_unique<Node>(options, store, identity, clock);
  node->random_ = &random;
  auto messenger = messenger::Messenger::Create(store, identity, random, clock);
  if (!messenger.ok()) return messenger.status();
  node->messenger_ = std::move(messenger.value());
  auto directory =
      directory::Directory::Load(store, identity.identity.signing(), identity.name, clock);
  if (!directory.ok()) return directory.status();
  node->directory_ = std::move(directory.value());
  node->messenger_->SetDirectorySink(node->directory_.get());
  const directory::Directory* directory_view = node->directory_.get();
  node->messenger_->SetRevocationCheck([directory_view](const crypto::PublicKey& key) {
    return directory_view->trust().IsRevoked(key);
  });
  const messenger::Messenger* messenger_view = node->messenger_.get();
  PARLEY_RETURN_IF_ERROR(
      node->directory_->SetContactCheck([messenger_view](const crypto::PublicKey& key) {
        const auto* contact = messenger_view->directory().ByIdentityKey(key);
        return contact != nullptr && !contact->is_request() && !messenger_view->IsRevoked(*contact);
      }));

  node->link_ = std::make_unique<net::Link>(node->context_, *node, identity.identity.transport());
  auto bound = node->link_->Start(identity.listen);
  if (!bound.ok()) return bound.status();
  node->listen_ = bound.value();
  if (options.disable_zap_for_testing) node->link_->StopZapForTesting();

  node->api_ = std::make_unique<api_server::ApiServer>(node->context_, options.home);
  PARLEY_RETURN_IF_ERROR(node->api_->Start());
  node->AddPeers();
  return node;
}

void Node::AddPeers() {
  for (const auto* contact : messenger_->directory().Contacts()) {
    if (!link_->HasPeer(contact->row.id) && !messenger_->IsRevoked(*contact)) {
      link_->AddPeer(contact->row.id, contact->row.endpoint, contact->row.transport_key);
    }
  }
}

void Node::CutRevokedContacts() {
  for (const auto* contact : messenger_->directory().Contacts()) {
    if (!messenger_->IsRevoked(*contact) || !link_->HasPeer(contact->row.id)) continue;
    spdlog::info("contact {} is revoked: its link is closed", contact->row.id);
    link_->RemovePeer(contact->row.id);
    messenger_->OnPeerDisconnected(contact->row.id);
    dialled_us_.erase(contact->row.id);
  }
}

// ---------------------------------------------------------------- LinkHandler

net::ZapVerdict Node::Authenticate(const crypto::PublicKey& client_key) {
  const auto* contact = messenger_->directory().ByTransportKey(client_key);
  if (contact != nullptr && messenger_->IsRevoked(*contact)) return net::ZapVerdict::kRefuse;
  if (contact != nullptr && !contact->is_request()) {
    // The contact is up and dialling us: dial back now rather than after
    // backoff. It may have just added us, and refused what we sent before.
    link_->KickReconnect(contact->row.id);
    PushOwnProfile(contact->row.id);
    dialled_us_.insert(contact->row.id);
    return net::ZapVerdict::kContact;
  }
  // A stranger, or a request that may write again: both hold a descriptor for
  // as long as they stay connected, so both count against the same limits.
  const int allowed =
      kMaxStrangerConnections + static_cast<int>(messenger_->directory().contact_count());
  if (link_->live_inbound_connections() > allowed) return net::ZapVerdict::kRefuse;
  return unknown_handshakes_.TryTake(clock_.Now()) ? net::ZapVerdict::kUnknown
                                                   : net::ZapVerdict::kRefuse;
}

void Node::NoteStorageFailure(const Status& status) {
  if (round_storage_.ok()) round_storage_ = status;
}

void Node::OnInboundFrame(const std::string& route, const crypto::PublicKey& client_key,
                          crypto::ByteView frame) {
  if (!messenger_->IsContactTransportKey(client_key) &&
      (++stranger_frames_ > kMaxStrangerFramesPerRound ||
       !unknown_frames_.TryTake(KeyString(client_key), clock_.Now()))) {
    return;  // not acknowledged: a genuine sender tries again later
  }
  std::vector<store::MessageId>& acks = acks_by_route_[route];
  auto verdict = messenger_->OnFrame(client_key, frame, acks);
  if (!verdict.ok()) {
    NoteStorageFailure(verdict.status());
    return;
  }
  KeepReply(verdict.value(), replies_by_route_[route]);
  if (verdict.value() != messenger::FrameVerdict::kAccepted &&
      verdict.value() != messenger::FrameVerdict::kAckProcessed &&
      verdict.value() != messenger::FrameVerdict::kPrekeysHandedOut) {
    spdlog::debug("ignored a frame (verdict {})", static_cast<int>(verdict.value()));
  }
}

void Node::KeepReply(messenger::FrameVerdict verdict, std::vector<crypto::Bytes>& replies) {
  if (verdict != messenger::FrameVerdict::kPrekeysHandedOut) return;
  if (auto reply = messenger_->TakeReply()) replies.push_back(std::move(*reply));
}

void Node::OnOutboundReply(std::int64_t contact_id, crypto::ByteView frame) {
  const auto* contact = messenger_->directory().ById(contact_id);
  if (contact == nullptr) return;
  std::vector<store::MessageId>& acks = acks_by_contact_[contact_id];
  auto verdict = messenger_->OnFrame(contact->row.transport_key, frame, acks);
  if (!verdict.ok()) {
    NoteStorageFailure(verdict.status());
    return;
  }
  KeepReply(verdict.value(), replies_by_contact_[contact_id]);
}

// Presence is metadata: it is logged at debug level only, by contact number.
void Node::OnConnected(std::int64_t contact_id) {
  spdlog::debug("contact {} is reachable", contact_id);
  messenger_->OnPeerConnected(contact_id);
  // After a rotation the contact may know only our old keys (§9.6): it is
  // told first, so that what follows comes from a contact again.
  SendRotations(contact_id);
  // Contacts see each other's profiles (§9.3): a fresh connection gets ours,
  // and the directories are compared (§9.5).
  PushOwnProfile(contact_id);
  directory_->StartSync(contact_id);
  // And once more shortly: a reply the contact sent while its own link to us
  // was still coming back up may have been dropped, and sync is stateless.
  next_sync_ = std::min(next_sync_, clock_.Now() + kSyncAfterConnectMs);
}

void Node::SendRotations(std::int64_t contact_id) {
  // Every rotation, oldest first, in case the contact missed more than one.
  for (auto retired = identity_.retired.rbegin(); retired != identity_.retired.rend(); ++retired) {
    const auto& key = retired->public_identity().identity_key;
    if (const auto* rotation = directory_->RotationOf(key); rotation != nullptr) {
      link_->Send(contact_id, messenger_->KeyRotationFrame(rotation->encoded));
    }
  }
}

void Node::PushOwnProfile(std::int64_t contact_id) {
  if (const auto* own = directory_->OwnProfile(); own != nullptr) {
    link_->Send(contact_id, ProfileFrame(own->encoded));
  }
}

void Node::OnDisconnected(std::int64_t contact_id) {
  spdlog::debug("contact {} is unreachable", contact_id);
  messenger_->OnPeerDisconnected(contact_id);
}

// ---------------------------------------------------------------- reactor

int Node::PollTimeoutMs() const {
  constexpr int kIdleMs = 1000;
  auto deadline = messenger_->NextDeadline();
  if (!deadline) return kIdleMs;
  auto wait =
      std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - clock_.Now()).count();
  return static_cast<int>(std::clamp<long long>(wait, 0, kIdleMs));
}

Status Node::Run(const std::atomic<bool>& stop) {
  spdlog::info("listening on {}", listen_);
  std::vector<zmq::pollitem_t> items;
  while (!stop.load()) {
    items.clear();
    api_->AppendPollItems(items);
    link_->AppendPollItems(items);
    try {
      zmq::poll(items, std::chrono::milliseconds(PollTimeoutMs()));
    } catch (const zmq::error_t& e) {
      if (e.num() == EINTR) continue;
      return Status::Internal(std::string("poll failed: ") + e.what());
    }
    Status status;
    try {
      status = RunRound(items);
    } catch (const zmq::error_t& e) {
      // A socket failed mid-round (out of descriptors, say): keep nothing of
      // the round, as if its commit had failed, and go on serving.
      spdlog::error("a socket failed; the round was rolled back: {}", e.what());
      store_.db().Rollback();
      status = messenger_->OnRolledBack();
      if (status.ok()) status = directory_->OnRolledBack();
    }
    if (!status.ok()) return status;
  }
  spdlog::info("stopping");
  return Status::Ok();
}

void Node::RenewSignedPrekeyWhenDue() {
  if (clock_.Now() < next_prekey_renewal_) return;
  auto renewed = identity::RenewSignedPrekey(store_, identity_, clock_.NowUnixMs(), *random_);
  if (!renewed.ok()) {
    spdlog::error("cannot renew the signed prekey: {}", renewed.status().message());
    next_prekey_renewal_ = clock_.Now() + kPrekeyRenewalRetry;
    return;
  }
  next_prekey_renewal_ = clock_.Now() + kPrekeyRenewalCheck;
  if (renewed.value()) {
    spdlog::info("renewed the signed prekey");
    messenger_->OnOwnCardChanged();
  }
}

Status Node::RunRound(std::vector<zmq::pollitem_t>& items) {
  auto& db = store_.db();
  RenewSignedPrekeyWhenDue();
  round_storage_ = Status::Ok();
  acks_by_route_.clear();
  acks_by_contact_.clear();
  replies_by_route_.clear();
  replies_by_contact_.clear();
  stranger_frames_ = 0;
  if (clock_.Now() >= next_sync_) {
    next_sync_ = clock_.Now() + std::chrono::milliseconds(directory::kSyncIntervalMs);
    for (std::int64_t contact_id : OnlineContacts()) {
      directory_->StartSync(contact_id);
      // Told again until it dials us, which it can only do with our new keys
      // (the frame at connection may have been dropped).
      if (!identity_.retired.empty() && dialled_us_.count(contact_id) == 0)
        SendRotations(contact_id);
    }
  }

  Status begun = db.Begin();
  if (!begun.ok()) {
    spdlog::error("cannot start a transaction: {}", begun.message());
    return Status::Ok();  // try again next round
  }

  std::vector<api_server::ApiCall> calls;
  api_->ProcessReady(items.data(), kRoundBudget, calls);
  api_server::ApiContext context{*messenger_, *directory_, identity_, listen_, options_.version};
  std::vector<std::pair<std::string, api::Reply>> replies;
  replies.reserve(calls.size());
  for (const auto& call : calls) {
    Status storage;
    replies.emplace_back(call.route, api_server::HandleRequest(context, call.request, storage));
    if (!storage.ok()) NoteStorageFailure(storage);
  }
  const std::size_t api_items = api_server::ApiServer::kPollItems;
  link_->ProcessReady(items.data() + api_items, items.size() - api_items, kRoundBudget);

  if (round_storage_.ok()) NoteStorageFailure(messenger_->FinishRound());
  Status committed = round_storage_.ok() ? db.Commit() : round_storage_;
  if (!committed.ok()) {
    db.Rollback();
    PARLEY_RETURN_IF_ERROR(messenger_->OnRolledBack());
    PARLEY_RETURN_IF_ERROR(directory_->OnRolledBack());
    spdlog::error("could not commit; nothing of this round was kept: {}", committed.message());
    for (auto& [route, reply] : replies) {
      api::Reply failed;
      failed.set_id(reply.id());
      failed.mutable_error()->set_code(api::STORAGE_FAILED);
      failed.mutable_error()->set_detail(committed.code() == Status::Code::kDiskFull ? "disk full"
                                                                                     : "");
      api_->Reply(route, failed);
    }
    return Status::Ok();
  }

  messenger_->OnCommitted();
  directory_->OnCommitted();
  // Committed: what the round produced may now leave, peers' traffic first
  // (it is what someone is waiting for), then the local clients'. A contact
  // whose keys changed is dialled anew.
  for (std::int64_t contact_id : messenger_->TakeRekeyedContacts()) {
    link_->RemovePeer(contact_id);
    messenger_->OnPeerDisconnected(contact_id);
  }
  for (std::int64_t contact_id : messenger_->TakeRemovedContacts()) {
    link_->RemovePeer(contact_id);
    dialled_us_.erase(contact_id);
  }
  if (directory_->TakeRevocationsChanged()) CutRevokedContacts();
  AddPeers();
  Status transmitted =
      messenger_->Transmit([this](std::int64_t contact_id, crypto::ByteView frame) {
        return link_->Send(contact_id, frame);
      });
  if (!transmitted.ok()) spdlog::error("cannot read the outbox: {}", transmitted.message());
  for (const auto& [route, ids] : acks_by_route_) {
    for (const auto& frame : messenger::Messenger::EncodeAcks(ids)) link_->Reply(route, frame);
  }
  for (const auto& [contact_id, ids] : acks_by_contact_) {
    for (const auto& frame : messenger::Messenger::EncodeAcks(ids)) link_->Send(contact_id, frame);
  }
  for (const auto& [route, frames] : replies_by_route_) {
    for (const auto& frame : frames) link_->Reply(route, frame);
  }
  for (const auto& [contact_id, frames] : replies_by_contact_) {
    for (const auto& frame : frames) link_->Send(contact_id, frame);
  }
  auto profile = directory_->TakeProfileToPush();
  if (profile || directory_->HasFramesToTake()) {
    const std::vector<std::int64_t> online = OnlineContacts();
    if (profile) {
      const crypto::Bytes frame = ProfileFrame(*profile);
      for (std::int64_t contact_id : online) link_->Send(contact_id, frame);
    }
    for (const auto& [contact_id, frame] : directory_->TakeFrames(online)) {
      link_->Send(contact_id, frame);
    }
  }
  PublishEvents();
  for (const auto& [route, reply] : replies) api_->Reply(route, reply);
  return Status::Ok();
}

std::vector<std::int64_t> Node::OnlineContacts() const {
  std::vector<std::int64_t> online;
  for (const auto* contact : messenger_->directory().Contacts()) {
    if (messenger_->IsOnline(contact->row.id)) online.push_back(contact->row.id);
  }
  return online;
}

void Node::PublishEvents() {
  auto events = messenger_->TakeEvents();
  if (!api_->HasSubscribers()) return;
  for (const auto& event : events) {
    api::Event out;
    if (api_server::ToApiEvent(*messenger_, event, out)) api_->Publish(out);
  }
}

}  // namespace parley::node
