#include "daemon/directory/statement.h"

#include <algorithm>

#include "crypto/base64.h"
#include "daemon/directory/iso_codes.h"
#include "daemon/directory/profile.h"
#include "daemon/directory/signed_object.h"
#include "daemon/util/proto_bytes.h"
#include "proto/directory.pb.h"

namespace parley::directory {

namespace {

bool IsValidOrganisation(const std::string& text) {
  return !text.empty() && text == Trimmed(text) && IsValidText(text, kMaxOrganisationBytes, false);
}

// The fields each kind carries, and only those.
Status CheckKindFields(StatementKind kind, const std::string& state,
                       const std::string& organisation) {
  switch (kind) {
    case StatementKind::kContactPoint:
      if (!IsStateCode(state)) return Status::InvalidArgument("state");
      if (!organisation.empty()) return Status::InvalidArgument("organisation");
      return Status::Ok();
    case StatementKind::kEndorsement:
      if (!IsStateCode(state)) return Status::InvalidArgument("state");
      if (!IsValidOrganisation(organisation)) return Status::InvalidArgument("organisation");
      return Status::Ok();
    case StatementKind::kSuspension:
    case StatementKind::kRevocation:
    case StatementKind::kRotation:
      if (!state.empty()) return Status::InvalidArgument("state");
      if (!organisation.empty()) return Status::InvalidArgument("organisation");
      return Status::Ok();
  }
  return Status::InvalidArgument("kind");
}

// What a rotation's successor signs: network_id || subject || successor.
crypto::Bytes RotationAgreement(const NetworkId& network_id, const crypto::PublicKey& subject,
                                const crypto::PublicKey& successor) {
  crypto::Bytes message(network_id.begin(), network_id.end());
  message.insert(message.end(), subject.begin(), subject.end());
  message.insert(message.end(), successor.begin(), successor.end());
  return message;
}

wire::StatementBody BodyOf(StatementKind kind, const crypto::PublicKey& subject,
                           const Charter& charter, std::uint64_t now_ms) {
  wire::StatementBody body;
  body.set_format(1);
  body.set_network_id(AsString(charter.network_id));
  body.set_kind(static_cast<wire::StatementKind>(kind));
  body.set_subject(AsString(subject));
  body.set_issued_at_ms(now_ms);
  return body;
}

Result<Statement> SignBody(const crypto::SigningKeyPair& signer, const wire::StatementBody& body,
                           const Charter& charter, std::uint64_t now_ms) {
  const std::string encoded = EncodeSigned(signer, crypto::SignContext::kStatement, body);
  return ParseStatement(crypto::AsBytes(encoded), charter, now_ms);
}

// A rotation's own rules: said by the key about itself, to another key
// that agreed. Every other kind carries no successor.
Status CheckSuccessor(const wire::StatementBody& body, const Charter& charter, bool verify,
                      Statement& statement) {
  if (statement.kind != StatementKind::kRotation) {
    if (!body.successor().empty() || !body.successor_signature().empty())
      return Status::InvalidArgument("only a rotation names a successor");
    return Status::Ok();
  }
  crypto::Signature agreement{};
  if (!CopyExact(body.successor(), statement.successor) ||
      !CopyExact(body.successor_signature(), agreement)) {
    return Status::InvalidArgument("statement field has the wrong size");
  }
  if (statement.signer != statement.subject)
    return Status::InvalidArgument("only a key itself can rotate it");
  if (statement.successor == statement.subject)
    return Status::InvalidArgument("a key cannot rotate to itself");
  if (verify && !crypto::VerifySignature(
                    crypto::SignContext::kKeyRotation, statement.successor,
                    RotationAgreement(charter.network_id, statement.subject, statement.successor),
                    agreement)) {
    return Status::InvalidArgument("the successor's agreement does not verify");
  }
  return Status::Ok();
}

}  // namespace

crypto::Bytes Statement::Slot() const { return SlotOf(kind, subject, signer); }

crypto::Bytes SlotOf(StatementKind kind, const crypto::PublicKey& subject,
                     const crypto::PublicKey& signer) {
  crypto::Bytes slot;
  slot.reserve(1 + 2 * subject.size());
  slot.push_back(static_cast<std::uint8_t>(kind));
  slot.insert(slot.end(), subject.begin(), subject.end());
  if (kind == StatementKind::kEndorsement) slot.insert(slot.end(), signer.begin(), signer.end());
  return slot;
}

bool Supersedes(const Statement& candidate, const Statement& held) {
  if (candidate.kind != StatementKind::kRotation) return candidate.issued_at_ms > held.issued_at_ms;
  if (candidate.issued_at_ms != held.issued_at_ms)
    return candidate.issued_at_ms < held.issued_at_ms;
  return candidate.encoded < held.encoded;
}

Result<Statement> SignStatement(const crypto::SigningKeyPair& signer, StatementKind kind,
                                const crypto::PublicKey& subject, std::string state,
                                std::string organisation, const Charter& charter,
                                std::uint64_t now_ms) {
  if (kind == StatementKind::kRotation) return Status::InvalidArgument("kind");
  organisation = Trimmed(organisation);
  PARLEY_RETURN_IF_ERROR(CheckKindFields(kind, state, organisation));
  wire::StatementBody body = BodyOf(kind, subject, charter, now_ms);
  body.set_state(state);
  body.set_organisation(organisation);
  return SignBody(signer, body, charter, now_ms);
}

Result<Statement> SignRotation(const crypto::SigningKeyPair& old_key,
                               const crypto::SigningKeyPair& new_key, const Charter& charter,
                               std::uint64_t now_ms) {
  wire::StatementBody body =
      BodyOf(StatementKind::kRotation, old_key.public_key(), charter, now_ms);
  body.set_successor(AsString(new_key.public_key()));
  body.set_successor_signature(AsString(new_key.Sign(
      crypto::SignContext::kKeyRotation,
      RotationAgreement(charter.network_id, old_key.public_key(), new_key.public_key()))));
  return SignBody(old_key, body, charter, now_ms);
}

Result<Statement> ParseStatement(crypto::ByteView encoded, const Charter& charter,
                                 std::uint64_t now_ms, Verification verification) {
  if (encoded.size() > kMaxStatementBytes) return Status::InvalidArgument("statement too long");
  wire::Signed signed_statement;
  if (!signed_statement.ParseFromArray(encoded.data(), static_cast<int>(encoded.size())))
    return Status::InvalidArgument("statement is not readable");
  if (!IsCanonicalEncoding(signed_statement, encoded))
    return Status::InvalidArgument("statement is not canonical");
  wire::StatementBody body;
  if (!body.ParseFromString(signed_statement.body()) ||
      !IsCanonicalEncoding(body, crypto::AsBytes(signed_statement.body()))) {
    return Status::InvalidArgument("statement body is not readable");
  }
  if (body.format() != 1) return Status::InvalidArgument("unsupported statement format");

  Statement statement;
  NetworkId network_id{};
  crypto::Signature signature{};
  if (!CopyExact(body.network_id(), network_id) || !CopyExact(body.subject(), statement.subject) ||
      !CopyExact(signed_statement.signer(), statement.signer) ||
      !CopyExact(signed_statement.signature(), signature)) {
    return Status::InvalidArgument("statement field has the wrong size");
  }
  if (network_id != charter.network_id)
    return Status::InvalidArgument("statement belongs to another network");
  const bool verify = verification == Verification::kFull;
  if (verify && !crypto::VerifySignature(crypto::SignContext::kStatement, statement.signer,
                                         crypto::AsBytes(signed_statement.body()), signature)) {
    return Status::InvalidArgument("statement signature does not verify");
  }
  switch (body.kind()) {
    case wire::CONTACT_POINT:
    case wire::ENDORSEMENT:
    case wire::SUSPENSION:
    case wire::REVOCATION:
    case wire::ROTATION:
      statement.kind = static_cast<StatementKind>(body.kind());
      break;
    default:
      return Status::InvalidArgument("unknown statement kind");
  }
  Status fields = CheckKindFields(statement.kind, body.state(), body.organisation());
  if (!fields.ok())
    return Status::InvalidArgument("statement field is invalid: " + fields.message());
  if (body.issued_at_ms() == 0) return Status::InvalidArgument("statement has no date");
  if (body.issued_at_ms() > now_ms + kMaxClockSkewMs)
    return Status::InvalidArgument("statement is dated in the future");
  // A key may revoke or rotate itself, and say nothing else about itself.
  if (statement.subject == statement.signer && statement.kind != StatementKind::kRevocation &&
      statement.kind != StatementKind::kRotation) {
    return Status::InvalidArgument("a key cannot make a statement about itself");
  }
  PARLEY_RETURN_IF_ERROR(CheckSuccessor(body, charter, verify, statement));

  statement.state = body.state();
  statement.organisation = body.organisation();
  statement.issued_at_ms = body.issued_at_ms();
  statement.encoded.assign(encoded.begin(), encoded.end());
  return statement;
}

}  // namespace parley::directory

namespace parley::directory {

std::string RevocationText(const Statement& revocation) {
  return std::string(kRevocationPrefix) + crypto::ToBase64Url(revocation.encoded);
}

Result<Statement> ParseRevocationText(std::string_view text, const Charter& charter,
                                      std::uint64_t now_ms) {
  const auto first = text.find_first_not_of(" \t\r\n");
  const auto last = text.find_last_not_of(" \t\r\n");
  if (first == std::string_view::npos) return Status::InvalidArgument("empty certificate");
  text = text.substr(first, last - first + 1);
  if (text.substr(0, kRevocationPrefix.size()) != kRevocationPrefix)
    return Status::InvalidArgument("not a revocation certificate");
  text.remove_prefix(kRevocationPrefix.size());
  if (text.size() > 2 * kMaxStatementBytes) return Status::InvalidArgument("certificate too long");
  auto bytes = crypto::FromBase64Url(text);
  if (!bytes) return Status::InvalidArgument("certificate is not base64url");
  auto statement = ParseStatement(*bytes, charter, now_ms);
  if (!statement.ok()) return statement.status();
  if (statement->kind != StatementKind::kRevocation)
    return Status::InvalidArgument("not a revocation certificate");
  return statement;
}

}  // namespace parley::directory
