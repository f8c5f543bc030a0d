// TrustGraph: the statements a node holds, and what they mean together
// (docs/protocol.md §9.4).
//
//   anchor ──CONTACT_POINT(state)──▶ contact point ──ENDORSEMENT(state, org)──▶ member
//   anchor ──ENDORSEMENT(state, org)──▶ member
//   anchor ──SUSPENSION──▶ contact point: its delegation and every endorsement it made stop holding
//   key itself, anchor, or its endorsing contact point ──REVOCATION──▶ key: nothing about
//     it or by it holds any more
//   key itself ──ROTATION──▶ successor: the key is retired (what it says from then
//     on does not hold) and its successor inherits its delegation and
//     endorsements, unless the retired key is revoked
//
// A key's lineage is the key and, through held rotations, the keys it
// succeeded (at most kMaxLineage; a rotation that would make one longer does
// not hold, so nobody can chain rotations into every store without end).
// Suspending any of them suspends all.
//
// A statement holds when its signer may say it given the other statements
// held now; the answer can change when a suspension arrives. Not a store:
// the Directory keeps the rows and feeds them in.
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "crypto/bytes.h"
#include "daemon/directory/statement.h"

namespace parley::directory {

constexpr std::size_t kMaxLineage = 8;

class TrustGraph {
 public:
  TrustGraph() = default;
  explicit TrustGraph(std::vector<crypto::PublicKey> anchors) : anchors_(std::move(anchors)) {}

  bool IsAnchor(const crypto::PublicKey& key) const;
  // After a charter amendment.
  void SetAnchors(std::vector<crypto::PublicKey> anchors) { anchors_ = std::move(anchors); }

  // Whether `statement` holds -- or, not yet held, would -- with what is
  // held now: the test a statement must pass before it is stored, and
  // again whenever it is shown or shared.
  bool Holds(const Statement& statement) const;

  // Keeps `statement` unless one of the same slot is as new or newer; true
  // when it was kept.
  bool Put(Statement statement);
  // The statement held in `slot`, if any.
  const Statement* Find(crypto::ByteView slot) const;

  bool IsSuspended(const crypto::PublicKey& key) const;
  bool IsRevoked(const crypto::PublicKey& key) const;
  // The rotation that retired `key`, when it holds.
  const Statement* RotationOf(const crypto::PublicKey& key) const;
  bool IsRetired(const crypto::PublicKey& key) const { return RotationOf(key) != nullptr; }
  // The key `key` was last handed over to (itself when never rotated).
  crypto::PublicKey LatestKey(const crypto::PublicKey& key) const;
  // `key`, then the keys it succeeded, nearest first.
  std::vector<crypto::PublicKey> Lineage(const crypto::PublicKey& key) const;
  // Lineage(key) without the keys that reach `key` only through a revoked one.
  std::vector<crypto::PublicKey> LiveLineage(const crypto::PublicKey& key) const;
  // The anchor's delegation of `key` or of a key it succeeded, suspended
  // or not: the one a suspension must name.
  const Statement* DelegationOf(const crypto::PublicKey& key) const;
  // The delegation that makes `key` a contact point, when it holds (never
  // for a retired key: its successor speaks now).
  const Statement* ActiveContactPoint(const crypto::PublicKey& key) const;
  // The endorsements of `subject`, and of the keys it succeeded, that hold now.
  std::vector<const Statement*> EndorsementsOf(const crypto::PublicKey& subject) const;
  // Whether an endorsement or a delegation held names `key`, holding or not:
  // the network vouches, or once vouched, for it.
  bool IsNamedByAuthority(const crypto::PublicKey& key) const;
  // Every delegation held, suspended or not.
  std::vector<const Statement*> ContactPoints() const;
  // Every statement held, in the order a receiver can check them (CheckOrderOf).
  std::vector<const Statement*> All() const;

 private:
  std::vector<crypto::PublicKey> anchors_;
  // DelegationOf(key), unless suspended (revocation not asked).
  const Statement* Delegation(const crypto::PublicKey& key) const;
  // Whether `key` is, or was when it spoke (retired or not), a contact point:
  // its delegation, inherited through no revoked key, unless suspended.
  const Statement* ContactPointOf(const crypto::PublicKey& key) const;
  // Whether `statement` was made by a key after it was retired.
  bool IsSignedAfterRetirement(const Statement& statement) const;
  // Whether `signer` or a key it succeeded endorsed `subject` or a key it succeeded.
  bool IsEndorser(const crypto::PublicKey& signer, const crypto::PublicKey& subject) const;

  std::map<crypto::Bytes, Statement> by_slot_;
  std::map<crypto::PublicKey, std::vector<crypto::Bytes>> endorsement_slots_;  // by subject
  std::map<crypto::PublicKey, std::vector<crypto::PublicKey>> predecessors_;   // by successor
};

}  // namespace parley::directory
