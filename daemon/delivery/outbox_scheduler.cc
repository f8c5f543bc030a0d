#include "daemon/delivery/outbox_scheduler.h"

#include <algorithm>

namespace parley::delivery {

namespace {
// How soon to try again when a link refused a frame (its queue was full).
constexpr std::chrono::milliseconds kBlockedRetry{10};
}  // namespace

Status OutboxScheduler::Restore() {
  auto outstanding = table_.AllOutstanding();
  if (!outstanding.ok()) return outstanding.status();
  for (auto& [contact_id, peer] : peers_) {
    peer.unacknowledged.clear();
    peer.seq_of.clear();
    peer.fresh.clear();
    peer.cursor = 0;
    peer.backlog = true;
    if (peer.sending()) due_.insert(contact_id);
  }
  for (const auto& entry : outstanding.value()) {
    Peer& peer = peers_[entry.contact_id];
    peer.unacknowledged.emplace(entry.seq, entry.id);
    peer.seq_of.emplace(entry.id, entry.seq);
    if (peer.sending()) due_.insert(entry.contact_id);
  }
  return Status::Ok();
}

void OutboxScheduler::OnConnected(std::int64_t contact_id) {
  Peer& peer = peers_[contact_id];
  peer.connected = true;
  StartOver(contact_id, peer);
}

void OutboxScheduler::StartOver(std::int64_t contact_id, Peer& peer) {
  peer.blocked = false;
  // Whatever the previous connection carried may be lost: start over.
  peer.cursor = 0;
  peer.backlog = true;
  peer.fresh.clear();
  peer.backoff = kFirstRetryInterval;
  peer.retry_at = clock_.Now() + peer.backoff;
  if (peer.sending()) due_.insert(contact_id);
}

void OutboxScheduler::SetHeld(std::int64_t contact_id, bool held) {
  auto found = peers_.find(contact_id);
  if (found == peers_.end() && !held) return;  // not held already (start-up asks of every contact)
  Peer& peer = found == peers_.end() ? peers_[contact_id] : found->second;
  if (peer.held == held) return;
  peer.held = held;
  StartOver(contact_id, peer);
  if (held) due_.erase(contact_id);
}

bool OutboxScheduler::IsHeld(std::int64_t contact_id) const {
  auto it = peers_.find(contact_id);
  return it != peers_.end() && it->second.held;
}

void OutboxScheduler::Forget(std::int64_t contact_id) {
  peers_.erase(contact_id);
  due_.erase(contact_id);
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
  peer.unacknowledged.emplace(seq, id);
  peer.seq_of.emplace(id, seq);
  if (!peer.sending() || peer.backlog) {
    peer.backlog = true;  // it will be read back from the store
    return;
  }
  peer.fresh.push_back(Fresh{seq, id, std::move(frame)});
  due_.insert(contact_id);
}

void OutboxScheduler::Acknowledge(std::int64_t contact_id, const std::vector<store::MessageId>& ids,
                                  std::vector<SeqRun>& delivered) {
  auto found = peers_.find(contact_id);
  if (found == peers_.end()) return;
  Peer& peer = found->second;
  std::vector<std::int64_t> seqs;
  for (const auto& id : ids) {
    if (auto it = peer.seq_of.find(id); it != peer.seq_of.end()) seqs.push_back(it->second);
  }
  if (seqs.empty()) return;
  std::sort(seqs.begin(), seqs.end());
  seqs.erase(std::unique(seqs.begin(), seqs.end()), seqs.end());

  // Runs of seqs that are neighbours among the unacknowledged: the store can
  // mark each with one range statement.
  auto previous = peer.unacknowledged.end();
  for (std::int64_t seq : seqs) {
    auto it = peer.unacknowledged.find(seq);
    if (previous != peer.unacknowledged.end() && std::next(previous) == it) {
      delivered.back().last = seq;
    } else {
      delivered.push_back(SeqRun{contact_id, seq, seq, {}});
    }
    delivered.back().ids.push_back(it->second);
    previous = it;
  }
  for (std::int64_t seq : seqs) {
    peer.seq_of.erase(peer.unacknowledged.at(seq));
    peer.unacknowledged.erase(seq);
  }
  // Progress: the peer is alive and reading.
  peer.backoff = kFirstRetryInterval;
  peer.retry_at = clock_.Now() + peer.backoff;
}

void OutboxScheduler::Handed(Peer& peer, std::int64_t seq, const store::MessageId& id,
                             SeqRun& run) {
  peer.cursor = seq;
  if (seq > peer.sent_up_to) {
    peer.sent_up_to = seq;
    if (run.ids.empty()) run.first = seq;
    run.last = seq;
    run.ids.push_back(id);
  }
  if (peer.retry_at <= clock_.Now()) peer.retry_at = clock_.Now() + peer.backoff;
}

Status OutboxScheduler::Pump(const TransmitFn& transmit, std::vector<SeqRun>& newly_sent) {
  const auto now = clock_.Now();
  for (auto& [contact_id, peer] : peers_) {
    if (!peer.sending()) continue;
    if (!peer.unacknowledged.empty() && now >= peer.retry_at) {
      // Nothing acknowledged for a whole interval: send everything unacknowledged again.
      peer.cursor = 0;
      peer.backlog = true;
      peer.fresh.clear();
      peer.backoff = std::min(peer.backoff * 2, kMaxRetryInterval);
      peer.retry_at = now + peer.backoff;
      due_.insert(contact_id);
    }
    if (peer.blocked) due_.insert(contact_id);
  }
  std::vector<std::int64_t> due(due_.begin(), due_.end());
  due_.clear();
  for (std::int64_t contact_id : due) {
    Peer& peer = peers_[contact_id];
    if (!peer.sending()) continue;
    PARLEY_RETURN_IF_ERROR(PumpPeer(contact_id, peer, transmit, newly_sent));
  }
  return Status::Ok();
}

Status OutboxScheduler::PumpPeer(std::int64_t contact_id, Peer& peer, const TransmitFn& transmit,
                                 std::vector<SeqRun>& newly_sent) {
  peer.blocked = false;
  SeqRun run{contact_id, 0, 0, {}};
  auto finish = [&] {
    if (!run.ids.empty()) newly_sent.push_back(std::move(run));
    return Status::Ok();
  };
  if (peer.backlog) {
    if (peer.unacknowledged.empty() || peer.unacknowledged.rbegin()->first <= peer.cursor) {
      peer.backlog = false;  // nothing in the store after the cursor
    } else {
      auto entries = table_.Outbox(contact_id, peer.cursor, kOutboxBatch);
      if (!entries.ok()) return entries.status();
      for (const auto& entry : entries.value()) {
        if (!transmit(contact_id, entry.envelope)) {
          peer.blocked = true;
          return finish();
        }
        Handed(peer, entry.seq, entry.id, run);
      }
      if (entries->size() == kOutboxBatch) {
        due_.insert(contact_id);  // more next round
        return finish();
      }
      peer.backlog = false;
    }
    // Fresh envelopes the store already returned are done.
    while (!peer.fresh.empty() && peer.fresh.front().seq <= peer.cursor) peer.fresh.pop_front();
  }
  while (!peer.fresh.empty()) {
    Fresh& next = peer.fresh.front();
    if (!transmit(contact_id, next.frame)) {
      peer.blocked = true;
      peer.backlog = true;
      peer.fresh.clear();
      return finish();
    }
    Handed(peer, next.seq, next.id, run);
    peer.fresh.pop_front();
  }
  return finish();
}

bool OutboxScheduler::WasSent(std::int64_t contact_id, std::int64_t seq) const {
  auto it = peers_.find(contact_id);
  return it != peers_.end() && seq <= it->second.sent_up_to;
}

std::optional<std::chrono::steady_clock::time_point> OutboxScheduler::NextDeadline() const {
  std::optional<std::chrono::steady_clock::time_point> next;
  const auto now = clock_.Now();
  for (const auto& [contact_id, peer] : peers_) {
    if (!peer.sending()) continue;
    std::optional<std::chrono::steady_clock::time_point> at;
    if (peer.blocked) at = now + kBlockedRetry;
    if (!peer.unacknowledged.empty()) at = at ? std::min(*at, peer.retry_at) : peer.retry_at;
    if (at && (!next || *at < *next)) next = at;
  }
  return next;
}

}  // namespace parley::delivery
