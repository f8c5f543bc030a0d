// Statements arrive from peers (directory sync) and from the store: the input
// is the wire.Signed bytes, parsed against a fixed charter and then put to a
// trust graph that holds the fixed web of trust.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "daemon/directory/iso_codes.h"
#include "daemon/directory/profile.h"
#include "daemon/directory/statement.h"
#include "daemon/directory/trust_graph.h"
#include "daemon/util/log.h"
#include "tests/fuzz/daemon/fuzz_directory.h"

namespace {

using namespace parley::directory;

// The fields each kind carries, and only those (statement.cc).
bool FitsItsKind(const Statement& statement) {
  const bool organisation_ok = !statement.organisation.empty() &&
                               statement.organisation == Trimmed(statement.organisation) &&
                               IsValidText(statement.organisation, kMaxOrganisationBytes, false);
  switch (statement.kind) {
    case StatementKind::kContactPoint:
      return IsStateCode(statement.state) && statement.organisation.empty();
    case StatementKind::kEndorsement:
      return IsStateCode(statement.state) && organisation_ok;
    case StatementKind::kSuspension:
    case StatementKind::kRevocation:
    case StatementKind::kRotation:
      return statement.state.empty() && statement.organisation.empty();
  }
  return false;
}

bool SameStatement(const Statement& a, const Statement& b) {
  return a.kind == b.kind && a.subject == b.subject && a.signer == b.signer && a.state == b.state &&
         a.organisation == b.organisation && a.successor == b.successor &&
         a.issued_at_ms == b.issued_at_ms && a.encoded == b.encoded;
}

struct Fixture {
  parley::fuzzing::FixedNetwork network;
  parley::fuzzing::FixedTrust trust{network};
  TrustGraph graph = Graph(network, trust);

 private:
  static TrustGraph Graph(const parley::fuzzing::FixedNetwork& network,
                          const parley::fuzzing::FixedTrust& trust) {
    TrustGraph graph(network.charter.anchor_keys);
    for (const Statement* statement :
         {&trust.delegation, &trust.old_delegation, &trust.suspension, &trust.endorsement,
          &trust.anchor_endorsement, &trust.rotated_delegation, &trust.rotation}) {
      if (!graph.Holds(*statement)) __builtin_trap();
      if (!graph.Put(*statement)) __builtin_trap();
    }
    // The rotated contact point speaks with its new key only.
    if (!graph.IsRetired(trust.rotated.public_key()) ||
        graph.ActiveContactPoint(trust.rotated.public_key()) != nullptr ||
        graph.ActiveContactPoint(trust.successor.public_key()) !=
            graph.DelegationOf(trust.rotated.public_key())) {
      __builtin_trap();
    }
    return graph;
  }
};

// Whether `candidate` takes the slot `held` is in (docs/protocol.md §9.4):
// a newer statement does, but a rotation only when earlier (on a tie, when
// its encoding is smaller).
bool TakesTheSlot(const Statement& candidate, const Statement* held) {
  if (held == nullptr) return true;
  if (candidate.kind != StatementKind::kRotation)
    return held->issued_at_ms < candidate.issued_at_ms;
  if (candidate.issued_at_ms != held->issued_at_ms)
    return candidate.issued_at_ms < held->issued_at_ms;
  return std::lexicographical_compare(candidate.encoded.begin(), candidate.encoded.end(),
                                      held->encoded.begin(), held->encoded.end());
}

bool Contains(const std::vector<parley::crypto::PublicKey>& keys,
              const parley::crypto::PublicKey& key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// What must be true of any key in a graph as small as the fuzzed one (far
// fewer rotations than kMaxLineage, so no lineage is cut short): its lineage
// is bounded, starts with it and repeats no key; whatever suspends or
// delegates a key it succeeded counts for it too; a retired or revoked key is
// no contact point, and nothing endorses a revoked one.
void CheckKey(const TrustGraph& graph, const parley::crypto::PublicKey& key) {
  const auto lineage = graph.Lineage(key);
  if (lineage.empty() || lineage.size() > kMaxLineage || lineage.front() != key) __builtin_trap();
  for (auto it = lineage.begin(); it != lineage.end(); ++it) {
    if (std::find(it + 1, lineage.end(), *it) != lineage.end()) __builtin_trap();
    if (graph.IsSuspended(*it) && !graph.IsSuspended(key)) __builtin_trap();
    if (graph.DelegationOf(*it) != nullptr && graph.DelegationOf(key) == nullptr) __builtin_trap();
  }
  if (const Statement* rotation = graph.RotationOf(key)) {
    if (rotation->kind != StatementKind::kRotation || rotation->subject != key ||
        rotation->signer != key || rotation->successor == key || graph.IsRevoked(key) ||
        !graph.IsRetired(key)) {
      __builtin_trap();
    }
  }
  if (const Statement* delegation = graph.ActiveContactPoint(key)) {
    if (delegation->kind != StatementKind::kContactPoint || graph.IsSuspended(key) ||
        graph.IsRevoked(key) || graph.IsRetired(key) || !Contains(lineage, delegation->subject)) {
      __builtin_trap();
    }
  }
  const auto endorsements = graph.EndorsementsOf(key);
  if (graph.IsRevoked(key) && !endorsements.empty()) __builtin_trap();
  for (const Statement* endorsement : endorsements) {
    if (endorsement->kind != StatementKind::kEndorsement ||
        !Contains(lineage, endorsement->subject) || !graph.Holds(*endorsement)) {
      __builtin_trap();
    }
  }
}

// What a trust graph must make of any statement that parses.
void CheckTrust(TrustGraph graph, const Statement& statement) {
  const bool holds = graph.Holds(statement);
  // Only anchors delegate and suspend; an anchor may endorse anyone.
  if ((statement.kind == StatementKind::kContactPoint ||
       statement.kind == StatementKind::kSuspension) &&
      holds && !graph.IsAnchor(statement.signer)) {
    __builtin_trap();
  }
  if (graph.IsAnchor(statement.signer) && statement.kind != StatementKind::kContactPoint && !holds)
    __builtin_trap();
  // A key may always revoke itself; a rotation holds unless its key is revoked.
  if (statement.kind == StatementKind::kRevocation && statement.signer == statement.subject &&
      !holds) {
    __builtin_trap();
  }
  if (statement.kind == StatementKind::kRotation && holds == graph.IsRevoked(statement.subject))
    __builtin_trap();

  const parley::crypto::Bytes slot = statement.Slot();
  const Statement* before = graph.Find(slot);
  const bool newer = TakesTheSlot(statement, before);
  if (before != nullptr && Supersedes(statement, *before) != newer) __builtin_trap();
  if (graph.Put(statement) != newer) __builtin_trap();
  const Statement* held = graph.Find(slot);
  if (held == nullptr || (newer && !SameStatement(*held, statement))) __builtin_trap();
  if (graph.Put(statement)) __builtin_trap();  // not newer than itself

  // One rotation per key, the one held: it retires its key, unless revoked,
  // and its successor descends from it.
  if (statement.kind == StatementKind::kRotation && newer) {
    const Statement* rotation = graph.RotationOf(statement.subject);
    if (graph.IsRevoked(statement.subject) ? rotation != nullptr : rotation != held)
      __builtin_trap();
    if (!Contains(graph.Lineage(statement.successor), statement.subject)) __builtin_trap();
  }

  CheckKey(graph, statement.subject);
  CheckKey(graph, statement.signer);
  if (statement.kind == StatementKind::kRotation) CheckKey(graph, statement.successor);
  for (const Statement* delegation : graph.ContactPoints()) {
    if (delegation->kind != StatementKind::kContactPoint) __builtin_trap();
  }
  // In the order a receiver can check them.
  const auto all = graph.All();
  if (!std::is_sorted(all.begin(), all.end(), [](const Statement* a, const Statement* b) {
        return CheckOrderOf(a->kind) < CheckOrderOf(b->kind);
      })) {
    __builtin_trap();
  }
}

}  // namespace

// As in the daemon: protobuf's complaints about malformed strings go to the
// (here silent) debug log rather than to stderr once per input.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  parley::log::Init("off");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using parley::fuzzing::kFuzzNowMs;
  static const Fixture fixture;  // built once per fuzzing process
  const Charter& charter = fixture.network.charter;

  // The store's reader (no signature checks) is bounded on any input too.
  auto stored = ParseStatement({data, size}, charter, kFuzzNowMs, Verification::kStored);
  auto statement = ParseStatement({data, size}, charter, kFuzzNowMs);
  if (!statement.ok()) return 0;
  // What passes every check reads back from the store as the same statement.
  if (!stored.ok() || !SameStatement(*stored, *statement)) __builtin_trap();

  if (statement->encoded.size() != size ||
      !std::equal(statement->encoded.begin(), statement->encoded.end(), data)) {
    __builtin_trap();
  }
  if (size > kMaxStatementBytes || !FitsItsKind(*statement)) __builtin_trap();
  // Only a revocation or a rotation may be about its own signer; a rotation
  // always is, to another key. No other kind names a successor.
  const bool self_signed = statement->subject == statement->signer;
  if ((self_signed && statement->kind != StatementKind::kRevocation &&
       statement->kind != StatementKind::kRotation) ||
      statement->issued_at_ms == 0 || statement->issued_at_ms > kFuzzNowMs + kMaxClockSkewMs) {
    __builtin_trap();
  }
  if (statement->kind == StatementKind::kRotation
          ? !self_signed || statement->successor == statement->subject
          : statement->successor != parley::crypto::PublicKey{}) {
    __builtin_trap();
  }
  // Its slot is its kind and subject (and, for an endorsement, its signer):
  // one byte and one key, two keys for an endorsement.
  const parley::crypto::Bytes slot = statement->Slot();
  const std::size_t slot_size =
      1 + statement->subject.size() *
              (statement->kind == StatementKind::kEndorsement ? std::size_t{2} : std::size_t{1});
  if (slot != statement->Slot() || slot.size() != slot_size ||
      slot != SlotOf(statement->kind, statement->subject, statement->signer) ||
      slot[0] != static_cast<std::uint8_t>(statement->kind) ||
      !std::equal(statement->subject.begin(), statement->subject.end(), slot.begin() + 1)) {
    __builtin_trap();
  }
  // It parses again from its own bytes, to the same statement.
  auto again = ParseStatement(statement->encoded, charter, kFuzzNowMs);
  if (!again.ok() || !SameStatement(*again, *statement) || again->Slot() != slot) __builtin_trap();
  // And it is refused by another network, and before it was (nearly) made.
  Charter other = charter;
  other.network_id[0] ^= 0x01;
  if (ParseStatement(statement->encoded, other, kFuzzNowMs).ok()) __builtin_trap();
  if (statement->issued_at_ms > kMaxClockSkewMs + 1 &&
      ParseStatement(statement->encoded, charter, statement->issued_at_ms - kMaxClockSkewMs - 1)
          .ok()) {
    __builtin_trap();
  }

  CheckTrust(fixture.graph, statement.value());
  return 0;
}
