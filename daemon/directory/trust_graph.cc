#include "daemon/directory/trust_graph.h"

#include <algorithm>

namespace parley::directory {

namespace {}  // namespace

bool TrustGraph::IsAnchor(const crypto::PublicKey& key) const {
  return std::find(anchors_.begin(), anchors_.end(), key) != anchors_.end();
}

bool TrustGraph::IsSuspended(const crypto::PublicKey& key) const {
  const Statement* suspension = Find(SlotOf(StatementKind::kSuspension, key));
  return suspension != nullptr && IsAnchor(suspension->signer);
}

const Statement* TrustGraph::Delegation(const crypto::PublicKey& key) const {
  const Statement* delegation = Find(SlotOf(StatementKind::kContactPoint, key));
  if (delegation == nullptr || !IsAnchor(delegation->signer) || IsSuspended(key)) return nullptr;
  return delegation;
}

bool TrustGraph::IsRevoked(const crypto::PublicKey& key) const {
  const Statement* revocation = Find(SlotOf(StatementKind::kRevocation, key));
  return revocation != nullptr && Holds(*revocation);
}

const Statement* TrustGraph::ActiveContactPoint(const crypto::PublicKey& key) const {
  return IsRevoked(key) ? nullptr : Delegation(key);
}

bool TrustGraph::Holds(const Statement& statement) const {
  switch (statement.kind) {
    case StatementKind::kSuspension:
      return IsAnchor(statement.signer);
    case StatementKind::kRevocation: {
      if (statement.signer == statement.subject || IsAnchor(statement.signer)) return true;
      // The contact point that endorsed the key. Delegation(), not
      // ActiveContactPoint(): whether the revoker is itself revoked is not
      // asked, so two revocations can never depend on each other.
      return Delegation(statement.signer) != nullptr &&
             Find(SlotOf(StatementKind::kEndorsement, statement.subject, statement.signer)) !=
                 nullptr;
    }
    case StatementKind::kContactPoint:
      return IsAnchor(statement.signer) && !IsSuspended(statement.subject) &&
             !IsRevoked(statement.subject);
    case StatementKind::kEndorsement: {
      if (IsRevoked(statement.subject)) return false;
      if (IsAnchor(statement.signer)) return true;
      // A contact point speaks for its own state only.
      const Statement* delegation = ActiveContactPoint(statement.signer);
      return delegation != nullptr && delegation->state == statement.state;
    }
  }
  return false;
}

const Statement* TrustGraph::Find(crypto::ByteView slot) const {
  auto it = by_slot_.find(crypto::Bytes(slot.begin(), slot.end()));
  return it == by_slot_.end() ? nullptr : &it->second;
}

bool TrustGraph::Put(Statement statement) {
  crypto::Bytes slot = statement.Slot();
  auto it = by_slot_.find(slot);
  if (it != by_slot_.end()) {
    if (it->second.issued_at_ms >= statement.issued_at_ms) return false;
    it->second = std::move(statement);
    return true;
  }
  if (statement.kind == StatementKind::kEndorsement)
    endorsement_slots_[statement.subject].push_back(slot);
  by_slot_.emplace(std::move(slot), std::move(statement));
  return true;
}

std::vector<const Statement*> TrustGraph::EndorsementsOf(const crypto::PublicKey& subject) const {
  std::vector<const Statement*> held;
  auto slots = endorsement_slots_.find(subject);
  if (slots == endorsement_slots_.end()) return held;
  for (const auto& slot : slots->second) {
    const Statement* endorsement = Find(slot);
    if (endorsement != nullptr && Holds(*endorsement)) held.push_back(endorsement);
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
