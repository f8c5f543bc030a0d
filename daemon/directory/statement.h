// Statements (docs/protocol.md §9.4): what an anchor or a National Contact
// Point says about a member's key -- a contact point's delegation, an
// endorsement, a suspension -- a revocation, which a key may also say about
// itself, and a rotation, which only a key says about itself (handing over
// to a successor key that signs its agreement).
//
// A Statement only exists well-formed and signed: ParseStatement checks its
// bounds, its network and its signature (verification.h: not again for what
// this node's store holds). Whether its signer may say it is
// the trust graph's question (trust_graph.h), since that depends on the
// other statements a node holds.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "crypto/bytes.h"
#include "crypto/sign.h"
#include "daemon/directory/charter.h"
#include "daemon/directory/verification.h"
#include "daemon/util/status.h"

namespace parley::directory {

constexpr std::size_t kMaxStatementBytes = 1024;

enum class StatementKind {
  kContactPoint = 1,
  kEndorsement = 2,
  kSuspension = 3,
  kRevocation = 4,
  kRotation = 5,
};

// The text form of a revocation certificate kept offline (`parley revoke
// --export`): this prefix, then base64url (no padding) of the Signed bytes.
inline constexpr std::string_view kRevocationPrefix = "parley-revocation:";

struct Statement {
  StatementKind kind = StatementKind::kEndorsement;
  crypto::PublicKey subject{};
  crypto::PublicKey signer{};
  std::string state;              // kContactPoint, kEndorsement
  std::string organisation;       // kEndorsement
  crypto::PublicKey successor{};  // kRotation: the key `subject` hands over to
  std::uint64_t issued_at_ms = 0;
  crypto::Bytes encoded;  // the Signed protobuf exactly as signed

  crypto::Bytes Slot() const;
};

// What a newer statement replaces: one delegation, suspension, revocation and
// rotation per subject, one endorsement per (subject, signer). A tag byte, then keys;
// `signer` counts for endorsements only.
crypto::Bytes SlotOf(StatementKind kind, const crypto::PublicKey& subject,
                     const crypto::PublicKey& signer = {});

// Whether `candidate` takes the slot `held` is in: when it is newer -- except
// rotations, where the earliest (then the smaller encoding) stays. A key
// rotates once; a second rotation can only come from someone else holding
// the old key, and must not win by being later. Every node converges.
bool Supersedes(const Statement& candidate, const Statement& held);

// The order in which a receiver checks what it is sent, lowest first, so that
// what a statement depends on is held when it arrives: delegations and
// suspensions; endorsements (a contact point's need its delegation);
// revocations (an endorser's needs its endorsement); then profiles
// (network-visible through the statements before them).
inline int CheckOrderOf(StatementKind kind) {
  switch (kind) {
    case StatementKind::kEndorsement:
      return 1;
    case StatementKind::kRevocation:
      return 2;
    default:
      return 0;
  }
}
constexpr int kProfileCheckOrder = 3;

// Signed by `old_key` about itself, with `new_key`'s agreement.
Result<Statement> SignRotation(const crypto::SigningKeyPair& old_key,
                               const crypto::SigningKeyPair& new_key, const Charter& charter,
                               std::uint64_t now_ms);

// `kind` is no rotation (SignRotation makes those). `state` must be an ISO
// 3166 code (upper case); `organisation` is trimmed and bounded like a
// profile's. InvalidArgument names the offending field.
Result<Statement> SignStatement(const crypto::SigningKeyPair& signer, StatementKind kind,
                                const crypto::PublicKey& subject, std::string state,
                                std::string organisation, const Charter& charter,
                                std::uint64_t now_ms);

Result<Statement> ParseStatement(crypto::ByteView encoded, const Charter& charter,
                                 std::uint64_t now_ms,
                                 Verification verification = Verification::kFull);

std::string RevocationText(const Statement& revocation);
// A revocation certificate's text (surrounding whitespace ignored);
// InvalidArgument when it is not one, of this network.
Result<Statement> ParseRevocationText(std::string_view text, const Charter& charter,
                                      std::uint64_t now_ms);

}  // namespace parley::directory
