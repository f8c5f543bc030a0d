// Introductions (docs/protocol.md §3.5): a contact of two people hands each
// the other's card, signed, over its end-to-end sessions; each accepts or
// declines. Part of the Messenger: they travel and are stored as messages.
#include <spdlog/spdlog.h>

#include "crypto/fingerprint.h"
#include "daemon/messenger/messenger.h"
#include "daemon/util/proto_bytes.h"

namespace parley::messenger {

namespace {

// What the introducer signs: the recipient, so that it cannot be shown to
// someone else as theirs; the card; the note.
crypto::Bytes SignedPart(const crypto::PublicKey& recipient, const std::string& card,
                         const std::string& note) {
  crypto::Bytes message(recipient.begin(), recipient.end());
  const auto size = static_cast<std::uint32_t>(card.size());
  for (int shift = 24; shift >= 0; shift -= 8)
    message.push_back(static_cast<std::uint8_t>(size >> shift));
  message.insert(message.end(), card.begin(), card.end());
  message.insert(message.end(), note.begin(), note.end());
  return message;
}

// What the conversation's history shows for an introduction, either way.
std::string HistoryLine(const std::string& name, const std::string& note) {
  std::string line = "[introduction] " + name;
  if (!note.empty()) line += " — " + note;
  return line;
}

}  // namespace

Result<std::pair<store::MessageId, store::MessageId>> Messenger::Introduce(std::string_view alias1,
                                                                           std::string_view alias2,
                                                                           std::string_view note) {
  Contact* first = directory_.ByAlias(alias1);
  if (first == nullptr || first->is_request()) return Status::NotFound(std::string(alias1));
  Contact* second = directory_.ByAlias(alias2);
  if (second == nullptr || second->is_request()) return Status::NotFound(std::string(alias2));
  if (first == second) return Status::InvalidArgument("same");
  // Checked for both before either is sent: an introduction goes to both or neither.
  for (const Contact* contact : {first, second}) {
    if (contact->row.key_changed) return Status::FailedPrecondition(contact->row.alias);
  }
  if (note.size() > kMaxIntroductionNoteBytes) return Status::InvalidArgument("too long");
  if (!identity::IsValidUtf8(note)) return Status::InvalidArgument("not UTF-8");

  // Each learns the other; the ids are those of the two messages.
  const std::string note_text(note);
  auto introduce = [&](Contact* to, const Contact* other) -> Result<store::MessageId> {
    wire::Content content;
    auto* introduction = content.mutable_introduction();
    introduction->set_card(other->card.encoded.data(), other->card.encoded.size());
    introduction->set_note(note_text);
    const crypto::Bytes signed_part =
        SignedPart(to->row.identity_key, introduction->card(), note_text);
    introduction->set_signature(AsString(
        identity_.identity.signing().Sign(crypto::SignContext::kIntroduction, signed_part)));
    return SendContent(to, std::move(content), HistoryLine(other->row.name, note_text));
  };
  auto id1 = introduce(first, second);
  if (!id1.ok()) return id1.status();
  auto id2 = introduce(directory_.ByAlias(alias2), directory_.ByAlias(alias1));
  if (!id2.ok()) return id2.status();
  return std::make_pair(id1.value(), id2.value());
}

Result<FrameVerdict> Messenger::StoreIntroduction(Contact& sender, const store::MessageId& id,
                                                  const wire::Content& content,
                                                  std::vector<store::MessageId>& acks) {
  const auto& introduction = content.introduction();
  // Authenticated (the session is the sender's) but unusable: consumed and
  // acknowledged, so that the sender stops resending it.
  auto unusable = [&](const char* why) -> Result<FrameVerdict> {
    spdlog::debug("an introduction from contact {} is not used: {}", sender.row.id, why);
    acks.push_back(id);
    return FrameVerdict::kMalformed;
  };
  if (sender.is_request()) return unusable("a request may not introduce");
  crypto::Signature signature{};
  if (!CopyExact(introduction.signature(), signature) ||
      !crypto::VerifySignature(crypto::SignContext::kIntroduction, sender.row.identity_key,
                               SignedPart(identity_.identity.public_identity().identity_key,
                                          introduction.card(), introduction.note()),
                               signature)) {
    return unusable("bad signature");
  }
  auto card = identity::ParseCardBytes(crypto::AsBytes(introduction.card()));
  if (!card.ok()) return unusable("bad card");
  const auto& introduced = card->identity.identity_key;
  if (introduced == identity_.identity.public_identity().identity_key)
    return unusable("it introduces us to ourselves");
  if (is_revoked_(introduced)) return unusable("it introduces a revoked key");

  const Contact* known = directory_.ByIdentityKey(introduced);
  if (known == nullptr || known->is_request()) {
    auto pending = introductions_.Count();
    if (!pending.ok()) return pending.status();
    if (static_cast<std::size_t>(pending.value()) >= kMaxPendingIntroductions)
      return FrameVerdict::kOverQuota;  // not acknowledged: it comes again later
    store::IntroductionRow row;
    row.introducer_id = sender.row.id;
    row.message_id = id;
    row.card.assign(introduction.card().begin(), introduction.card().end());
    row.note = introduction.note();
    row.received_at = clock_.NowUnixMs();
    auto inserted = introductions_.Insert(row);
    if (!inserted.ok()) return inserted.status();
  }
  // Either way, the conversation with the introducer shows it.
  wire::Content history;
  history.mutable_text()->set_body(HistoryLine(card->name, introduction.note()));
  history.set_sent_at_ms(content.sent_at_ms());
  return StoreContent(sender, id, history, acks);
}

Result<std::vector<store::IntroductionRow>> Messenger::Introductions() {
  return introductions_.LoadAll();
}

Result<const Contact*> Messenger::AcceptIntroduction(std::int64_t id, std::string_view alias) {
  auto found = introductions_.Find(id);
  if (!found.ok()) return found.status();
  if (!found.value()) return Status::NotFound(std::to_string(id));
  const store::IntroductionRow& row = *found.value();
  // An introducer whose key changed unconfirmed may not be its owner: what
  // it vouches for waits until the user has confirmed the new key.
  if (const Contact* introducer = directory_.ById(row.introducer_id);
      introducer != nullptr && introducer->row.key_changed) {
    return Status::FailedPrecondition(introducer->row.alias);
  }
  auto card = identity::ParseCardBytes(row.card);
  if (!card.ok())
    return Status::Corrupt("a stored introduction's card: " + card.status().message());
  const std::string chosen = alias.empty() ? AliasFromName(card->name) : std::string(alias);
  auto added = AddContact(card->Text(), chosen);
  if (!added.ok()) return added.status();
  PARLEY_RETURN_IF_ERROR(contacts_.SetIntroducedBy(added.value()->row.id, row.introducer_id));
  PARLEY_RETURN_IF_ERROR(introductions_.Delete(id));
  Contact* contact = directory_.ById(added.value()->row.id);
  contact->row.introduced_by = row.introducer_id;
  return contact;
}

Status Messenger::DeclineIntroduction(std::int64_t id) {
  auto found = introductions_.Find(id);
  if (!found.ok()) return found.status();
  if (!found.value()) return Status::NotFound(std::to_string(id));
  return introductions_.Delete(id);
}

}  // namespace parley::messenger
