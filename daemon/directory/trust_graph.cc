#include "daemon/directory/trust_graph.h"

#include <algorithm>

namespace parley::directory {

bool TrustGraph::IsAnchor(const crypto::PublicKey& key) const {
  return std::find(anchors_.begin(), anchors_.end(), key) != anchors_.end();
}

std::vector<crypto::PublicKey> TrustGraph::Lineage(const crypto::PublicKey& key) const {
  // Structure only (who signed a handover to whom), never whether a key is
  // revoked: revocations ask about lineages, so the reverse would loop.
  std::vector<crypto::PublicKey> lineage{key};
  for (std::size_t next = 0; next < lineage.size() && lineage.size() < kMaxLineage; ++next) {
    auto predecessors = predecessors_.find(lineage[next]);
    if (predecessors == predecessors_.end()) continue;
    for (const auto& predecessor : predecessors->second) {
      const Statement* rotation = Find(SlotOf(StatementKind::kRotation, predecessor));
      if (rotation == nullptr || rotation->successor != lineage[next]) continue;  // lost the slot
      if (std::find(lineage.begin(), lineage.end(), predecessor) != lineage.end()) continue;
      if (lineage.size() == kMaxLineage) break;
      lineage.push_back(predecessor);
    }
  }
  return lineage;
}

crypto::PublicKey TrustGraph::LatestKey(const crypto::PublicKey& key) const {
  crypto::PublicKey latest = key;
  for (std::size_t step = 1; step < kMaxLineage; ++step) {
    const Statement* rotation = RotationOf(latest);
    if (rotation == nullptr) break;
    latest = rotation->successor;
  }
  return latest;
}

bool TrustGraph::IsSuspended(const crypto::PublicKey& key) const {
  for (const auto& ancestor : Lineage(key)) {
    const Statement* suspension = Find(SlotOf(StatementKind::kSuspension, ancestor));
    if (suspension != nullptr && IsAnchor(suspension->signer)) return true;
  }
  return false;
}

const Statement* TrustGraph::DelegationOf(const crypto::PublicKey& key) const {
  for (const auto& ancestor : Lineage(key)) {
    const Statement* delegation = Find(SlotOf(StatementKind::kContactPoint, ancestor));
    if (delegation != nullptr && IsAnchor(delegation->signer)) return delegation;
  }
  return nullptr;
}

const Statement* TrustGraph::Delegation(const crypto::PublicKey& key) const {
  return IsSuspended(key) ? nullptr : DelegationOf(key);
}

bool TrustGraph::IsRevoked(const crypto::PublicKey& key) const {
  const Statement* revocation = Find(SlotOf(StatementKind::kRevocation, key));
  return revocation != nullptr && Holds(*revocation);
}

const Statement* TrustGraph::RotationOf(const crypto::PublicKey& key) const {
  const Statement* rotation = Find(SlotOf(StatementKind::kRotation, key));
  return rotation != nullptr && Holds(*rotation) ? rotation : nullptr;
}

std::vector<crypto::PublicKey> TrustGraph::LiveLineage(const crypto::PublicKey& key) const {
  const auto lineage = Lineage(key);
  std::vector<crypto::PublicKey> live{key};
  for (std::size_t i = 1; i < lineage.size(); ++i) {
    // Lineage() lists a key after its successor: cut below a revoked key.
    const Statement* rotation = Find(SlotOf(StatementKind::kRotation, lineage[i]));
    if (IsRevoked(lineage[i]) ||
        std::find(live.begin(), live.end(), rotation->successor) == live.end()) {
      continue;
    }
    live.push_back(lineage[i]);
  }
  return live;
}

const Statement* TrustGraph::ContactPointOf(const crypto::PublicKey& key) const {
  if (IsRevoked(key) || IsSuspended(key)) return nullptr;
  for (const auto& ancestor : LiveLineage(key)) {
    const Statement* delegation = Find(SlotOf(StatementKind::kContactPoint, ancestor));
    if (delegation != nullptr && IsAnchor(delegation->signer)) return delegation;
  }
  return nullptr;
}

const Statement* TrustGraph::ActiveContactPoint(const crypto::PublicKey& key) const {
  return IsRetired(key) ? nullptr : ContactPointOf(key);
}

bool TrustGraph::IsSignedAfterRetirement(const Statement& statement) const {
  const Statement* rotation = Find(SlotOf(StatementKind::kRotation, statement.signer));
  return rotation != nullptr && rotation->issued_at_ms <= statement.issued_at_ms;
}

bool TrustGraph::IsEndorser(const crypto::PublicKey& signer,
                            const crypto::PublicKey& subject) const {
  for (const auto& endorser : Lineage(signer)) {
    for (const auto& endorsed : Lineage(subject)) {
      if (Find(SlotOf(StatementKind::kEndorsement, endorsed, endorser)) != nullptr) return true;
    }
  }
  return false;
}

bool TrustGraph::Holds(const Statement& statement) const {
  switch (statement.kind) {
    case StatementKind::kSuspension:
      return IsAnchor(statement.signer);
    case StatementKind::kRevocation: {
      // A key may still revoke itself once retired ("my old key was stolen").
      if (statement.signer == statement.subject || IsAnchor(statement.signer)) return true;
      if (IsSignedAfterRetirement(statement)) return false;
      // The contact point that endorsed the key. Delegation(), not
      // ActiveContactPoint(): whether the revoker is itself revoked is not
      // asked, so two revocations can never depend on each other.
      return Delegation(statement.signer) != nullptr &&
             IsEndorser(statement.signer, statement.subject);
    }
    case StatementKind::kRotation:
      return !IsRevoked(statement.subject) && Lineage(statement.subject).size() < kMaxLineage;
    case StatementKind::kContactPoint:
      return IsAnchor(statement.signer) && !IsSuspended(statement.subject) &&
             !IsRevoked(statement.subject);
    case StatementKind::kEndorsement: {
      if (IsRevoked(statement.subject)) return false;
      if (IsAnchor(statement.signer)) return true;
      if (IsSignedAfterRetirement(statement)) return false;
      // A contact point speaks for its own state only.
      const Statement* delegation = ContactPointOf(statement.signer);
      return delegation != nullptr && delegation->state == statement.state;
    }
  }
  return false;
}

bool TrustGraph::IsNamedByAuthority(const crypto::PublicKey& key) const {
  auto endorsements = endorsement_slots_.find(key);
  return (endorsements != endorsement_slots_.end() && !endorsements->second.empty()) ||
         Find(SlotOf(StatementKind::kContactPoint, key)) != nullptr;
}

const Statement* TrustGraph::Find(crypto::ByteView slot) const {
  auto it = by_slot_.find(crypto::Bytes(slot.begin(), slot.end()));
  return it == by_slot_.end() ? nullptr : &it->second;
}

bool TrustGraph::Put(Statement statement) {
  crypto::Bytes slot = statement.Slot();
  auto it = by_slot_.find(slot);
  if (it != by_slot_.end()) {
    if (!Supersedes(statement, it->second)) return false;
    if (statement.kind == StatementKind::kRotation)
      predecessors_[statement.successor].push_back(statement.subject);
    it->second = std::move(statement);
    return true;
  }
  if (statement.kind == StatementKind::kEndorsement)
    endorsement_slots_[statement.subject].push_back(slot);
  if (statement.kind == StatementKind::kRotation)
    predecessors_[statement.successor].push_back(statement.subject);
  by_slot_.emplace(std::move(slot), std::move(statement));
  return true;
}

std::vector<const Statement*> TrustGraph::EndorsementsOf(const crypto::PublicKey& subject) const {
  std::vector<const Statement*> held;
  if (IsRevoked(subject)) return held;
  // A revoked key hands nothing on: its rotation could be a thief's.
  for (const auto& endorsed : LiveLineage(subject)) {
    auto slots = endorsement_slots_.find(endorsed);
    if (slots == endorsement_slots_.end()) continue;
    for (const auto& slot : slots->second) {
      const Statement* endorsement = Find(slot);
      if (endorsement != nullptr && Holds(*endorsement)) held.push_back(endorsement);
    }
  }
  return held;
}

std::vector<const Statement*> TrustGraph::ContactPoints() const {
  std::vector<const Statement*> delegations;
  for (const auto& [slot, statement] : by_slot_) {
    if (statement.kind == StatementKind::kContactPoint) delegations.push_back(&statement);
  }
  return delegations;
}

std::vector<const Statement*> TrustGraph::All() const {
  std::vector<const Statement*> all;
  all.reserve(by_slot_.size());
  for (const auto& [slot, statement] : by_slot_) all.push_back(&statement);
  std::stable_sort(all.begin(), all.end(), [](const Statement* a, const Statement* b) {
    return CheckOrderOf(a->kind) < CheckOrderOf(b->kind);
  });
  return all;
}

}  // namespace parley::directory
