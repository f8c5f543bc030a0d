#include "daemon/delivery/outbox_scheduler.h"

#include <algorithm>

namespace parley::delivery {

namespace {
// How soon to try again when a link refused a frame (its queue was full).
constexpr std::chrono::milliseconds kBlockedRetry{10};
}  // namespace

Status OutboxScheduler::Restore() {
  auto contacts = table_.ContactsWithOutbox();
  if (!contacts.ok()) return contacts.status();
  for (std::int64_t contact_id : contacts.value()) {
    Peer& peer = peers_[contact_id];
    peer.backlog = true;
    peer.awaiting_ack = true;
  }
  return Status::Ok();
}

void OutboxScheduler::OnConnected(std::int64_t contact_id) {
  Peer& peer = peers_[contact_id];
  peer.connected = true;
  peer.blocked = false;
  // Whatever the previous connection carried may be lost: start over.
  peer.cursor = 0;
  peer.backlog = true;
  peer.fresh.clear();
  peer.backoff = kFirstRetryInterval;
  due_.insert(contact_id);
}

void OutboxScheduler::OnDisconnected(std::int64_t contact_id) {
  Peer& peer = peers_[contact_id];
  peer.connected = false;
  peer.backlog = true;
  peer.fresh.clear();
  due_.erase(contact_id);
}

bool OutboxScheduler::IsConnected(std::int64_t contact_id) const {
  auto it = peers_.find(contact_id);
  return it != peers_.end() && it->second.connected;
}

void OutboxScheduler::OnCommitted(std::int64_t contact_id, std::int64_t seq,
                                  const store::MessageId& id, crypto::Bytes frame) {
  Peer& peer = peers_[contact_id];
  peer.awaiting_ack = true;
  if (!peer.connected || peer.backlog) {
    peer.backlog = true;  // it will be read back from the store
    return;
  }
  peer.fresh.push_back(Fresh{seq, id, std::move(frame)});
  due_.insert(contact_id);
}

void OutboxScheduler::OnAckProgress(std::int64_t contact_id) {
  Peer& peer = peers_[contact_id];
  peer.backoff = kFirstRetryInterval;
  peer.retry_at = clock_.Now() + peer.backoff;
}

void OutboxScheduler::MarkTransmitted(Peer& peer) {
  if (!peer.awaiting_ack || peer.retry_at < clock_.Now()) {
    peer.retry_at = clock_.Now() + peer.backoff;
  }
  peer.awaiting_ack = true;
}

Status OutboxScheduler::Pump(const TransmitFn& transmit, std::vector<Transmitted>& transmitted) {
  const auto now = clock_.Now();
  for (auto& [contact_id, peer] : peers_) {
    if (peer.connected && peer.awaiting_ack && now >= peer.retry_at &&
        peer.retry_at.time_since_epoch().count() != 0) {
      // Nothing acknowledged for a whole interval: send everything unacknowledged again.
      peer.cursor = 0;
      peer.backlog = true;
      peer.fresh.clear();
      peer.backoff = std::min(peer.backoff * 2, kMaxRetryInterval);
      peer.retry_at = now + peer.backoff;
      due_.insert(contact_id);
    }
    if (peer.blocked && peer.connected) due_.insert(contact_id);
  }
  std::vector<std::int64_t> due(due_.begin(), due_.end());
  due_.clear();
  for (std::int64_t contact_id : due) {
    Peer& peer = peers_[contact_id];
    if (!peer.connected) continue;
    PARLEY_RETURN_IF_ERROR(PumpPeer(contact_id, peer, transmit, transmitted));
  }
  return Status::Ok();
}

Status OutboxScheduler::PumpPeer(std::int64_t contact_id, Peer& peer, const TransmitFn& transmit,
                                 std::vector<Transmitted>& transmitted) {
  peer.blocked = false;
  if (peer.backlog) {
    auto entries = table_.Outbox(contact_id, peer.cursor, kOutboxBatch);
    if (!entries.ok()) return entries.status();
    if (entries->empty() && peer.cursor == 0) peer.awaiting_ack = false;
    for (const auto& entry : entries.value()) {
      if (!transmit(contact_id, entry.envelope)) {
        peer.blocked = true;
        return Status::Ok();
      }
      peer.cursor = entry.seq;
      transmitted.push_back({contact_id, entry.id});
      MarkTransmitted(peer);
    }
    if (entries->size() < kOutboxBatch) {
      peer.backlog = false;
      // Fresh envelopes the store already returned are done.
      while (!peer.fresh.empty() && peer.fresh.front().seq <= peer.cursor) peer.fresh.pop_front();
    } else {
      due_.insert(contact_id);  // more next round
      return Status::Ok();
    }
  }
  while (!peer.fresh.empty()) {
    Fresh& next = peer.fresh.front();
    if (!transmit(contact_id, next.frame)) {
      peer.blocked = true;
      peer.backlog = true;
      peer.fresh.clear();
      return Status::Ok();
    }
    peer.cursor = next.seq;
    transmitted.push_back({contact_id, next.id});
    MarkTransmitted(peer);
    peer.fresh.pop_front();
  }
  return Status::Ok();
}

std::optional<std::chrono::steady_clock::time_point> OutboxScheduler::NextDeadline() const {
  std::optional<std::chrono::steady_clock::time_point> next;
  const auto now = clock_.Now();
  for (const auto& [contact_id, peer] : peers_) {
    if (!peer.connected) continue;
    std::optional<std::chrono::steady_clock::time_point> at;
    if (peer.blocked) at = now + kBlockedRetry;
    if (peer.awaiting_ack && peer.retry_at.time_since_epoch().count() != 0) {
      at = at ? std::min(*at, peer.retry_at) : peer.retry_at;
    }
    if (at && (!next || *at < *next)) next = at;
  }
  return next;
}

}  // namespace parley::delivery
