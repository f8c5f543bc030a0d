// Statements (docs/protocol.md §9.4): what an anchor or a National Contact
// Point says about a member's key -- a contact point's delegation, an
// endorsement, a suspension -- and a revocation, which a key may also say
// about itself.
//
// A Statement only exists well-formed and signed: ParseStatement checks its
// bounds, its network and its signature. Whether its signer may say it is
// the trust graph's question (trust_graph.h), since that depends on the
// other statements a node holds.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "crypto/bytes.h"
#include "crypto/sign.h"
#include "daemon/directory/charter.h"
#include "daemon/util/status.h"

namespace parley::directory {

constexpr std::size_t kMaxStatementBytes = 1024;

enum class StatementKind { kContactPoint = 1, kEndorsement = 2, kSuspension = 3, kRevocation = 4 };

// The text form of a revocation certificate kept offline (`parley revoke
// --export`): this prefix, then base64url (no padding) of the Signed bytes.
inline constexpr std::string_view kRevocationPrefix = "parley-revocation:";

struct Statement {
  StatementKind kind = StatementKind::kEndorsement;
  crypto::PublicKey subject{};
  crypto::PublicKey signer{};
  std::string state;         // kContactPoint, kEndorsement
  std::string organisation;  // kEndorsement
  std::uint64_t issued_at_ms = 0;
  crypto::Bytes encoded;  // the Signed protobuf exactly as signed

  crypto::Bytes Slot() const;
};

// What a newer statement replaces: one delegation, suspension and revocation
// per subject, one endorsement per (subject, signer). A tag byte, then keys;
// `signer` counts for endorsements only.
crypto::Bytes SlotOf(StatementKind kind, const crypto::PublicKey& subject,
                     const crypto::PublicKey& signer = {});

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

// `state` must be an ISO 3166 code (upper case); `organisation` is trimmed
// and bounded like a profile's. InvalidArgument names the offending field.
Result<Statement> SignStatement(const crypto::SigningKeyPair& signer, StatementKind kind,
                                const crypto::PublicKey& subject, std::string state,
                                std::string organisation, const Charter& charter,
                                std::uint64_t now_ms);

Result<Statement> ParseStatement(crypto::ByteView encoded, const Charter& charter,
                                 std::uint64_t now_ms);

std::string RevocationText(const Statement& revocation);
// A revocation certificate's text (surrounding whitespace ignored);
// InvalidArgument when it is not one, of this network.
Result<Statement> ParseRevocationText(std::string_view text, const Charter& charter,
                                      std::uint64_t now_ms);

}  // namespace parley::directory
