// TrustGraph: the statements a node holds, and what they mean together
// (docs/protocol.md §9.4).
//
//   anchor ──CONTACT_POINT(state)──▶ contact point ──ENDORSEMENT(state, org)──▶ member
//   anchor ──ENDORSEMENT(state, org)──▶ member
//   anchor ──SUSPENSION──▶ contact point: its delegation and every endorsement it made stop holding
//   key itself, anchor, or its endorsing contact point ──REVOCATION──▶ key: nothing about
//     it or by it holds any more
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

class TrustGraph {
 public:
  TrustGraph() = default;
  explicit TrustGraph(std::vector<crypto::PublicKey> anchors) : anchors_(std::move(anchors)) {}

  bool IsAnchor(const crypto::PublicKey& key) const;

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
  // The delegation that makes `key` a contact point, when it holds.
  const Statement* ActiveContactPoint(const crypto::PublicKey& key) const;
  // The endorsements of `subject` that hold now.
  std::vector<const Statement*> EndorsementsOf(const crypto::PublicKey& subject) const;
  // Every delegation held, suspended or not.
  std::vector<const Statement*> ContactPoints() const;
  // Every statement held, in the order a receiver can check them (CheckOrderOf).
  std::vector<const Statement*> All() const;

 private:
  std::vector<crypto::PublicKey> anchors_;
  // The anchor's delegation of `key`, unless suspended (revocation not asked).
  const Statement* Delegation(const crypto::PublicKey& key) const;

  std::map<crypto::Bytes, Statement> by_slot_;
  std::map<crypto::PublicKey, std::vector<crypto::Bytes>> endorsement_slots_;  // by subject
};

}  // namespace parley::directory
