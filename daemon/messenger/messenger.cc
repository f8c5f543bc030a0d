#include "daemon/messenger/messenger.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "crypto/fingerprint.h"
#include "crypto/limits.h"
#include "daemon/util/proto_bytes.h"

namespace parley::messenger {

namespace {

constexpr std::uint32_t kEnvelopeVersion = 1;
constexpr std::size_t kDefaultMessageLimit = 50;
constexpr std::size_t kMaxMessageLimit = 10'000;

crypto::Bytes Serialize(const google::protobuf::MessageLite& message) {
  crypto::Bytes out(message.ByteSizeLong());
  message.SerializeWithCachedSizesToArray(out.data());
  return out;
}

// A contact row for the owner of `card`: its keys, name and first endpoint.
store::ContactRow RowFromCard(const identity::ContactCard& card, store::ContactStatus status,
                              std::string alias, std::int64_t now_ms) {
  store::ContactRow row;
  row.alias = std::move(alias);
  row.status = status;
  row.identity_key = card.identity.identity_key;
  row.transport_key = card.identity.transport_key;
  row.name = card.name;
  row.endpoint = card.endpoints.front();
  row.card = card.encoded;
  row.created_at = now_ms;
  return row;
}

// Events are built in place: converting a temporary into the variant trips
// GCC 12's -Wmaybe-uninitialized on the inactive alternatives.
template <typename E, typename... Args>
void Emit(std::vector<Event>& events, Args&&... args) {
  events.emplace_back(std::in_place_type<E>, std::forward<Args>(args)...);
}

// Prekeys of this node, as X3DH looks them up.
class NodePrekeys final : public crypto::PrekeyStore {
 public:
  NodePrekeys(const identity::NodeIdentity& identity, const OneTimePrekeys& one_time)
      : identity_(identity), one_time_(one_time) {}
  const crypto::SignedPrekey* FindSignedPrekey(std::uint32_t id) const override {
    for (const auto& prekey : identity_.signed_prekeys) {
      if (prekey.id == id) return &prekey;
    }
    return nullptr;
  }
  const crypto::OneTimePrekey* FindOneTimePrekey(std::uint32_t id) const override {
    return one_time_.Find(id);
  }

 private:
  const identity::NodeIdentity& identity_;
  const OneTimePrekeys& one_time_;
};

}  // namespace

store::MessageId NewMessageId(std::int64_t now_ms, crypto::Random& random) {
  store::MessageId id{};
  const auto ms = static_cast<std::uint64_t>(now_ms);
  for (int i = 0; i < 6; ++i)
    id[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(ms >> (40 - 8 * i));
  random.Fill(crypto::MutableByteView(id).subspan(6));
  return id;
}

Result<std::unique_ptr<Messenger>> Messenger::Create(store::Store& store,
                                                     const identity::NodeIdentity& identity,
                                                     crypto::Random& random, const Clock& clock) {
  auto messages = store::MessageTable::Prepare(store.db());
  if (!messages.ok()) return messages.status();
  auto sessions = store::SessionTable::Prepare(store.db());
  if (!sessions.ok()) return sessions.status();
  auto messenger = std::make_unique<Messenger>(
      store, identity, random, clock, std::move(messages.value()), std::move(sessions.value()));
  PARLEY_RETURN_IF_ERROR(messenger->directory_.Load(messenger->contacts_));
  PARLEY_RETURN_IF_ERROR(messenger->scheduler_.Restore());
  messenger->HoldChangedKeys();
  PARLEY_RETURN_IF_ERROR(messenger->one_time_prekeys_.Load());
  PARLEY_RETURN_IF_ERROR(messenger->LoadAwaiting());
  return messenger;
}

Messenger::Messenger(store::Store& store, const identity::NodeIdentity& identity,
                     crypto::Random& random, const Clock& clock, store::MessageTable messages,
                     store::SessionTable sessions)
    : identity_(identity),
      random_(random),
      clock_(clock),
      contacts_(store.db()),
      introductions_(store.db()),
      messages_(std::move(messages)),
      sessions_(std::move(sessions)),
      scheduler_(messages_, clock),
      one_time_prekeys_(store.db()) {
  OnOwnCardChanged();
}

void Messenger::OnOwnCardChanged() {
  auto card = identity_.Card();
  own_card_ = card.encoded;
  card_text_ = card.Text();
}

// ---------------------------------------------------------------- contacts

bool Messenger::IsValidAlias(std::string_view alias) {
  if (alias.empty() || alias.size() > kMaxAliasBytes || !identity::IsValidUtf8(alias) ||
      alias.front() == '-') {
    return false;
  }
  return std::none_of(alias.begin(), alias.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u == 0x7f;
  });
}

Result<const Contact*> Messenger::AddContact(std::string_view card_text, std::string_view alias) {
  if (!IsValidAlias(alias)) return Status::InvalidArgument("invalid alias");
  auto card = identity::ParseCardText(card_text);
  if (!card.ok()) return card.status();
  const auto& key = card->identity.identity_key;
  if (OwnIdentity(key) != nullptr) return Status::PermissionDenied("this is your own card");
  if (Contact* existing = directory_.ByIdentityKey(key)) {
    if (!existing->is_request()) return Status::AlreadyExists(existing->row.alias);
    // They wrote first; adding their card accepts them, and the card handed
    // over out of band replaces the one that came with their first message.
    if (existing->card.encoded != card->encoded) {
      store::ContactRow updated =
          RowFromCard(*card, existing->row.status, existing->row.alias, existing->row.created_at);
      updated.id = existing->row.id;
      updated.former_identity_keys = existing->row.former_identity_keys;
      PARLEY_RETURN_IF_ERROR(contacts_.UpdateCard(updated));
      directory_.ReplaceCard(*existing, std::move(card.value()));
      directory_changed_ = true;
    }
    return AcceptRequest(existing->row.id, alias);
  }
  if (directory_.ByAlias(alias) != nullptr) return Status::AlreadyExists(std::string(alias));
  if (directory_.ByTransportKey(card->identity.transport_key) != nullptr) {
    return Status::InvalidArgument("card reuses another contact's transport key");
  }

  store::ContactRow row =
      RowFromCard(*card, store::ContactStatus::kContact, std::string(alias), clock_.NowUnixMs());
  PARLEY_RETURN_IF_ERROR(contacts_.Insert(row));
  Contact& added = directory_.Add(Contact{std::move(row), std::move(card.value())});
  directory_changed_ = true;
  Emit<ContactChanged>(round_events_, added.row.id, ContactChanged::Change::kAdded);
  return &added;
}

std::string Messenger::AliasFromName(std::string_view name) {
  std::string base;
  for (char c : name) {
    auto u = static_cast<unsigned char>(c);
    base += (u <= 0x20 || u == 0x7f) ? '-' : c;
    if (base.size() >= kMaxAliasBytes - 4) break;
  }
  while (!base.empty() && base.front() == '-') base.erase(base.begin());
  if (base.empty() || !identity::IsValidUtf8(base)) base = "contact";
  std::string alias = base;
  for (int n = 2; directory_.ByAlias(alias) != nullptr; ++n) alias = base + "-" + std::to_string(n);
  return alias;
}

Result<const Contact*> Messenger::AcceptRequest(std::int64_t request_id, std::string_view alias) {
  Contact* request = directory_.ById(request_id);
  if (request == nullptr || !request->is_request()) {
    return Status::NotFound(std::to_string(request_id));
  }
  std::string chosen = alias.empty() ? AliasFromName(request->card.name) : std::string(alias);
  if (!IsValidAlias(chosen)) return Status::InvalidArgument("invalid alias");
  if (directory_.ByAlias(chosen) != nullptr) return Status::AlreadyExists(chosen);
  PARLEY_RETURN_IF_ERROR(contacts_.Accept(request->row.id, chosen));
  request->row.status = store::ContactStatus::kContact;
  directory_.Rename(*request, chosen);
  directory_changed_ = true;
  Emit<ContactChanged>(round_events_, request->row.id, ContactChanged::Change::kAdded);
  return request;
}

Status Messenger::RejectRequest(std::int64_t request_id) {
  Contact* request = directory_.ById(request_id);
  if (request == nullptr || !request->is_request()) {
    return Status::NotFound(std::to_string(request_id));
  }
  PARLEY_RETURN_IF_ERROR(contacts_.Delete(request_id));
  messages_.ForgetContact(request_id);
  sessions_.Forget(request_id);
  directory_.Remove(request_id);
  directory_changed_ = true;
  return Status::Ok();
}

Status Messenger::RemoveContact(std::string_view alias) {
  Contact* contact = directory_.ByAlias(alias);
  if (contact == nullptr) return Status::NotFound(std::string(alias));
  const std::int64_t id = contact->row.id;
  PARLEY_RETURN_IF_ERROR(contacts_.Delete(id));
  messages_.ForgetContact(id);  // its rows went with it
  // The store forgot who they introduced (ON DELETE SET NULL); so does memory,
  // before a later contact could be given the same id.
  for (const Contact* other : directory_.Contacts()) {
    if (other->row.introduced_by == id) directory_.ById(other->row.id)->row.introduced_by = 0;
  }
  sessions_.Forget(id);
  directory_.Remove(id);
  directory_changed_ = true;
  scheduler_.Forget(id);
  scheduler_changed_this_round_ = true;
  queued_.erase(std::remove_if(queued_.begin(), queued_.end(),
                               [id](const Queued& queued) { return queued.contact_id == id; }),
                queued_.end());
  if (awaiting_.erase(id) != 0) awaiting_changed_ = true;
  contact_budgets_.erase(id);
  shown_keys_.erase(id);
  over_budget_.erase(id);
  round_removed_.push_back(id);
  return Status::Ok();
}

Result<VerifyResult> Messenger::Verify(std::string_view alias, bool confirm) {
  Contact* contact = directory_.ByAlias(alias);
  if (contact == nullptr) return Status::NotFound(std::string(alias));
  if (!confirm) shown_keys_[contact->row.id] = contact->row.identity_key;
  if (confirm && contact->row.key_changed) {
    auto shown = shown_keys_.find(contact->row.id);
    if (shown == shown_keys_.end() || shown->second != contact->row.identity_key)
      return Status::FailedPrecondition(contact->row.alias);
  }
  if (confirm && (!contact->row.verified || contact->row.key_changed)) {
    PARLEY_RETURN_IF_ERROR(contacts_.SetVerified(contact->row.id));
    contact->row.verified = true;
    contact->row.key_changed = false;
    directory_changed_ = true;
    scheduler_.SetHeld(contact->row.id, false);
  }
  return VerifyResult{crypto::SafetyNumber(identity_.identity.public_identity().identity_key,
                                           contact->row.identity_key),
                      contact->row.verified, contact->row.key_changed};
}

void Messenger::HoldChangedKeys() {
  for (const Contact* contact : directory_.Contacts())
    scheduler_.SetHeld(contact->row.id, contact->row.key_changed);
}

Result<std::vector<store::MessageRow>> Messenger::Messages(std::string_view alias,
                                                           std::size_t limit) {
  Contact* contact = directory_.ByAlias(alias);
  if (contact == nullptr) return Status::NotFound(std::string(alias));
  if (limit == 0) limit = kDefaultMessageLimit;
  auto rows = messages_.Latest(contact->row.id, std::min(limit, kMaxMessageLimit));
  if (!rows.ok()) return rows;
  // The store says queued or delivered; whether a queued one has left is
  // known only here (see OutboxScheduler).
  for (auto& row : rows.value()) {
    if (row.direction == store::Direction::kOut && row.state == store::MessageState::kQueued &&
        scheduler_.WasSent(row.contact_id, row.seq)) {
      row.state = store::MessageState::kSent;
    }
  }
  return rows;
}

Result<std::int64_t> Messenger::CountUndelivered() { return messages_.CountUndelivered(); }

Result<std::int64_t> Messenger::MessageCount(std::int64_t contact_id) {
  return messages_.CountForContact(contact_id);
}

// ---------------------------------------------------------------- sending

Result<store::MessageId> Messenger::SendText(std::string_view alias, std::string_view text) {
  Contact* contact = directory_.ByAlias(alias);
  if (contact == nullptr) return Status::NotFound(std::string(alias));
  if (text.empty()) return Status::InvalidArgument("empty");
  if (text.size() > kMaxTextBytes) return Status::InvalidArgument("too long");
  if (!identity::IsValidUtf8(text)) return Status::InvalidArgument("not UTF-8");
  wire::Content content;
  content.mutable_text()->set_body(std::string(text));
  return SendContent(contact, std::move(content), std::string(text));
}

Result<store::MessageId> Messenger::SendContent(Contact* contact, wire::Content content,
                                                std::string history) {
  if (contact->row.key_changed) return Status::FailedPrecondition(contact->row.alias);
  auto record = sessions_.Get(contact->row.id);
  if (!record.ok()) {
    if (record.status().code() != Status::Code::kCorrupt) return record.status();
    // One contact's damaged record fails this request only, not the round.
    return Status::Unavailable("the session with " + contact->row.alias + " is damaged");
  }

  store::MessageRow row;
  row.id = NewMessageId(clock_.NowUnixMs(), random_);
  row.contact_id = contact->row.id;
  row.direction = store::Direction::kOut;
  row.body = std::move(history);
  row.state = store::MessageState::kQueued;
  row.sent_at = clock_.NowUnixMs();

  content.set_message_id(AsString(row.id));
  content.set_sent_at_ms(static_cast<std::uint64_t>(row.sent_at));
  crypto::Bytes plaintext = Serialize(content);

  if (!record.value()->has_session()) {
    // No session yet: the message waits for the contact's prekeys (§3.3).
    Status stored = messages_.InsertAwaiting(row, plaintext);
    crypto::Wipe(plaintext);
    PARLEY_RETURN_IF_ERROR(stored);
    awaiting_.emplace(contact->row.id, std::chrono::steady_clock::time_point{});
    awaiting_changed_ = true;
    return row.id;
  }
  auto frame = SealEnvelope(*contact, *record.value(), row.id, plaintext);
  crypto::Wipe(plaintext);
  if (!frame.ok()) return frame.status();
  PARLEY_RETURN_IF_ERROR(messages_.InsertOutgoing(row, frame.value()));
  queued_.push_back(Queued{contact->row.id, row.seq, row.id, std::move(frame.value())});
  return row.id;
}

Result<crypto::Bytes> Messenger::SealEnvelope(const Contact& contact, crypto::SessionRecord& record,
                                              const store::MessageId& id,
                                              crypto::ByteView plaintext) {
  crypto::EncryptedPayload payload;
  // The envelope id is bound into the ciphertext: a receiver given this
  // payload under another id cannot decrypt it.
  if (!record.Encrypt(plaintext, random_, payload, id)) {
    return Status::Unavailable("cannot encrypt for " + contact.row.alias);
  }
  sessions_.MarkDirty(contact.row.id);

  wire::LinkFrame frame;
  wire::Envelope* envelope = frame.mutable_envelope();
  envelope->set_version(kEnvelopeVersion);
  envelope->set_id(AsString(id));
  envelope->set_recipient(AsString(contact.row.identity_key));
  envelope->set_payload(payload.bytes.data(), payload.bytes.size());
  if (payload.kind == crypto::PayloadKind::kPrekey) {
    envelope->set_type(wire::PREKEY);
    envelope->set_sender_card(own_card_.data(), own_card_.size());
  } else {
    envelope->set_type(wire::RATCHET);
  }
  return Serialize(frame);
}

// ---------------------------------------------------------------- receiving

bool Messenger::IsContactTransportKey(const crypto::PublicKey& transport_key) {
  Contact* contact = directory_.ByTransportKey(transport_key);
  return contact != nullptr && !contact->is_request();
}

Result<FrameVerdict> Messenger::OnFrame(const crypto::PublicKey& transport_key,
                                        crypto::ByteView frame,
                                        std::vector<store::MessageId>& acks) {
  wire::LinkFrame parsed;
  if (!parsed.ParseFromArray(frame.data(), static_cast<int>(frame.size()))) {
    return FrameVerdict::kMalformed;
  }
  Contact* sender = directory_.ByTransportKey(transport_key);
  // A revoked key may be in anyone's hands: nothing it sends is taken.
  if (sender != nullptr && IsRevoked(*sender)) return FrameVerdict::kRefused;
  switch (parsed.kind_case()) {
    case wire::LinkFrame::kEnvelope:
      return OnEnvelope(sender, transport_key, parsed.envelope(), acks);
    case wire::LinkFrame::kAck:
      return OnAck(sender, parsed.ack());
    case wire::LinkFrame::kOwnProfile: {
      if (sender == nullptr || sender->is_request()) return FrameVerdict::kRefused;
      if (directory_sink_ == nullptr) return FrameVerdict::kProfileIgnored;
      auto stored = directory_sink_->OnContactProfile(sender->row.identity_key,
                                                      crypto::AsBytes(parsed.own_profile()));
      if (!stored.ok()) return stored.status();
      return stored.value() ? FrameVerdict::kProfileStored : FrameVerdict::kProfileIgnored;
    }
    case wire::LinkFrame::kKeyRotation:
      return OnKeyRotation(transport_key, parsed.key_rotation());
    case wire::LinkFrame::kPrekeyRequest:
      return OnPrekeyRequest(transport_key, parsed.prekey_request());
    case wire::LinkFrame::kPrekeyBundle:
      return OnPrekeyBundle(sender, parsed.prekey_bundle());
    case wire::LinkFrame::kDirectorySync: {
      if (sender == nullptr || sender->is_request()) return FrameVerdict::kRefused;
      if (directory_sink_ != nullptr) {
        PARLEY_RETURN_IF_ERROR(
            directory_sink_->OnSyncMessage(sender->row.id, parsed.directory_sync()));
      }
      return FrameVerdict::kDirectorySync;
    }
    default:
      return FrameVerdict::kMalformed;
  }
}

Result<FrameVerdict> Messenger::OnAck(Contact* sender, const wire::Ack& ack) {
  if (sender == nullptr || sender->is_request()) return FrameVerdict::kRefused;
  if (static_cast<std::size_t>(ack.envelope_ids_size()) > kMaxAckIds)
    return FrameVerdict::kMalformed;
  std::vector<store::MessageId> ids;
  ids.reserve(static_cast<std::size_t>(ack.envelope_ids_size()));
  for (const auto& raw_id : ack.envelope_ids()) {
    store::MessageId id{};
    if (CopyExact(raw_id, id)) ids.push_back(id);
  }
  // Only ids of our own unacknowledged messages to this contact count.
  std::vector<delivery::SeqRun> delivered;
  scheduler_.Acknowledge(sender->row.id, ids, delivered);
  for (const auto& run : delivered) {
    PARLEY_RETURN_IF_ERROR(messages_.MarkDeliveredRange(run.contact_id, run.first, run.last));
    for (const auto& id : run.ids) {
      Emit<DeliveryChanged>(round_events_, run.contact_id, id, store::MessageState::kDelivered);
    }
  }
  scheduler_changed_this_round_ = scheduler_changed_this_round_ || !delivered.empty();
  return FrameVerdict::kAckProcessed;
}

namespace {

// The Content of a decrypted payload, if it is one a user can be shown:
// its id is the envelope's and a text is valid UTF-8 within the bound.
std::optional<wire::Content> ReadContent(crypto::Bytes& plaintext, const store::MessageId& id) {
  wire::Content content;
  bool parsed = content.ParseFromArray(plaintext.data(), static_cast<int>(plaintext.size()));
  crypto::Wipe(plaintext);
  store::MessageId content_id{};
  if (!parsed || !CopyExact(content.message_id(), content_id) || content_id != id) {
    return std::nullopt;
  }
  if (content.body_case() == wire::Content::kText) {
    const std::string& body = content.text().body();
    if (body.empty() || body.size() > kMaxTextBytes || !identity::IsValidUtf8(body)) {
      return std::nullopt;
    }
  }
  if (content.body_case() == wire::Content::kIntroduction) {
    const auto& introduction = content.introduction();
    if (introduction.note().size() > kMaxIntroductionNoteBytes ||
        !identity::IsValidUtf8(introduction.note()) ||
        introduction.card().size() > identity::kMaxCardTextBytes) {
      return std::nullopt;
    }
  }
  return content;
}

}  // namespace

Result<FrameVerdict> Messenger::OnEnvelope(Contact* sender, const crypto::PublicKey& transport_key,
                                           const wire::Envelope& envelope,
                                           std::vector<store::MessageId>& acks) {
  store::MessageId id{};
  crypto::PublicKey recipient{};
  if (envelope.version() != kEnvelopeVersion || !CopyExact(envelope.id(), id) ||
      !CopyExact(envelope.recipient(), recipient) ||
      envelope.payload().size() > crypto::kMaxPayloadSize ||
      (envelope.type() != wire::RATCHET && envelope.type() != wire::PREKEY)) {
    return FrameVerdict::kMalformed;
  }
  const crypto::Identity* addressed = OwnIdentity(recipient);
  if (addressed == nullptr) return FrameVerdict::kNotForUs;
  const bool prekey = envelope.type() == wire::PREKEY;
  // Someone who is not a contact may only send first-contact (PREKEY) messages.
  if (sender == nullptr) {
    return prekey ? OnFirstContact(transport_key, *addressed, envelope, id, acks)
                  : FrameVerdict::kRefused;
  }
  if (sender->is_request() && !prekey) return FrameVerdict::kRefused;

  // Cheapest checks first: a duplicate, then the request quota, then crypto.
  auto seen = messages_.HasIncoming(sender->row.id, id);
  if (!seen.ok()) return seen.status();
  if (seen.value()) {
    acks.push_back(id);  // committed before; the sender missed our ack
    return FrameVerdict::kAccepted;
  }
  if (sender->is_request()) {
    auto stored = messages_.CountForContact(sender->row.id);
    if (!stored.ok()) return stored.status();
    if (static_cast<std::size_t>(stored.value()) >= kMaxMessagesPerRequest) {
      return FrameVerdict::kOverQuota;
    }
  }

  if (!TakeContactBudget(sender->row.id, envelope.payload().size())) {
    return FrameVerdict::kOverQuota;  // not acknowledged: it waits at the sender
  }

  auto record = sessions_.Get(sender->row.id);
  if (!record.ok()) {
    if (record.status().code() != Status::Code::kCorrupt) return record.status();
    // One damaged record must not stop the node: this contact's messages wait.
    spdlog::error("the stored session of contact {} is damaged", sender->row.id);
    return FrameVerdict::kUndecryptable;
  }
  crypto::DecryptResult decrypted;
  if (!DecryptFromContact(*sender, *record.value(), prekey, recipient,
                          crypto::AsBytes(envelope.payload()), id, decrypted)) {
    return FrameVerdict::kUndecryptable;
  }
  sessions_.MarkDirty(sender->row.id);
  PARLEY_RETURN_IF_ERROR(ConsumeOneTimePrekey(decrypted.used_one_time_prekey_id));
  if (awaiting_.count(sender->row.id) != 0) {
    // The contact began a session first: what waited for one goes out on it.
    PARLEY_RETURN_IF_ERROR(EncryptAwaiting(*sender, *record.value()));
  }
  auto content = ReadContent(decrypted.plaintext, id);
  if (!content) {
    // Authenticated but unusable (the sender's own bug): consume it, and
    // acknowledge it so the sender stops resending it.
    acks.push_back(id);
    return FrameVerdict::kMalformed;
  }
  return StoreContent(*sender, id, *content, acks);
}

void Messenger::SetContactBudget(double burst_bytes, double bytes_per_second) {
  contact_budget_burst_ = burst_bytes;
  contact_budget_per_second_ = bytes_per_second;
  contact_budgets_.clear();
  over_budget_.clear();
}

bool Messenger::TakeContactBudget(std::int64_t contact_id, std::size_t bytes) {
  auto bucket =
      contact_budgets_.try_emplace(contact_id, contact_budget_burst_, contact_budget_per_second_);
  if (bucket.first->second.TryTake(clock_.Now(), static_cast<double>(bytes))) {
    over_budget_.erase(contact_id);
    return true;
  }
  if (over_budget_.insert(contact_id).second) {
    spdlog::warn(
        "contact {} sends more than its storage budget allows; its messages wait at "
        "its node until the budget refills",
        contact_id);
  }
  return false;
}

bool Messenger::DecryptFromContact(Contact& sender, crypto::SessionRecord& record, bool prekey,
                                   const crypto::PublicKey& recipient, crypto::ByteView payload,
                                   const store::MessageId& id, crypto::DecryptResult& decrypted) {
  const auto kind = prekey ? crypto::PayloadKind::kPrekey : crypto::PayloadKind::kRatchet;
  NodePrekeys prekeys(identity_, one_time_prekeys_);
  auto decrypts = [&](const crypto::Identity& me, const crypto::PublicKey& sender_key) {
    return record.Decrypt(kind, payload, me, prekeys, random_, sender_key, decrypted, id);
  };
  // The usual case first, and alone when neither side ever rotated.
  const crypto::Identity* addressed = OwnIdentity(recipient);
  if (decrypts(*addressed, sender.row.identity_key)) return true;
  if (identity_.retired.empty() && sender.row.former_identity_keys.empty()) return false;
  // A session begun before a rotation names the keys of then, whichever key
  // the message is addressed to (a PREKEY message too: a contact that
  // followed our rotation addresses the new key while its pending session
  // was begun under an old one). Theirs are tried newest first.
  std::vector<const crypto::Identity*> mine{&identity_.identity};
  for (const auto& retired : identity_.retired) mine.push_back(&retired);
  std::vector<crypto::PublicKey> theirs{sender.row.identity_key};
  theirs.insert(theirs.end(), sender.row.former_identity_keys.rbegin(),
                sender.row.former_identity_keys.rend());
  for (const crypto::Identity* me : mine) {
    for (const auto& sender_key : theirs) {
      if ((me != addressed || sender_key != sender.row.identity_key) && decrypts(*me, sender_key))
        return true;
    }
  }
  return false;
}

const crypto::Identity* Messenger::OwnIdentity(const crypto::PublicKey& identity_key) const {
  if (identity_.identity.public_identity().identity_key == identity_key) return &identity_.identity;
  for (const auto& retired : identity_.retired) {
    if (retired.public_identity().identity_key == identity_key) return &retired;
  }
  return nullptr;
}

Result<FrameVerdict> Messenger::OnFirstContact(const crypto::PublicKey& transport_key,
                                               const crypto::Identity& addressed,
                                               const wire::Envelope& envelope,
                                               const store::MessageId& id,
                                               std::vector<store::MessageId>& acks) {
  // Cheapest first: the cap, then the card's four signatures, then X3DH.
  // When the cap is reached the message is not acknowledged: its sender keeps
  // it queued and tries again, so nothing is lost while the user decides.
  if (directory_.request_count() >= kMaxPendingRequests) return FrameVerdict::kOverQuota;
  auto card = identity::ParseCardBytes(crypto::AsBytes(envelope.sender_card()));
  if (!card.ok() || card->identity.transport_key != transport_key) return FrameVerdict::kRefused;
  if (is_revoked_(card->identity.identity_key)) return FrameVerdict::kRefused;
  if (directory_.ByIdentityKey(card->identity.identity_key) != nullptr) {
    // A known identity on a new transport key: key change is not supported
    // yet, and must not silently replace the verified key.
    spdlog::warn("refused a first contact claiming a known identity from a new key");
    return FrameVerdict::kRefused;
  }
  if (directory_.ByFormerIdentityKey(card->identity.identity_key) != nullptr) {
    // A contact's key from before its rotation, writing as a stranger: its
    // owner has moved on, so whoever holds it now must not get around the
    // contact's hold (or its revocation) as a new request.
    spdlog::warn("refused a first contact from a key a contact rotated away from");
    return FrameVerdict::kRefused;
  }
  // Decrypt on a record of its own: nothing is stored unless it decrypts.
  crypto::SessionRecord record;
  NodePrekeys prekeys(identity_, one_time_prekeys_);
  crypto::DecryptResult decrypted;
  if (!record.Decrypt(crypto::PayloadKind::kPrekey, crypto::AsBytes(envelope.payload()), addressed,
                      prekeys, random_, card->identity.identity_key, decrypted, id)) {
    return FrameVerdict::kUndecryptable;
  }
  auto content = ReadContent(decrypted.plaintext, id);
  if (!content) return FrameVerdict::kMalformed;
  PARLEY_RETURN_IF_ERROR(ConsumeOneTimePrekey(decrypted.used_one_time_prekey_id));

  store::ContactRow row =
      RowFromCard(*card, store::ContactStatus::kRequest, {}, clock_.NowUnixMs());
  PARLEY_RETURN_IF_ERROR(contacts_.Insert(row));
  Contact& added = directory_.Add(Contact{std::move(row), std::move(card.value())});
  directory_changed_ = true;
  sessions_.Put(added.row.id, std::move(record));
  Emit<ContactChanged>(round_events_, added.row.id, ContactChanged::Change::kRequest);
  return StoreContent(added, id, *content, acks);
}

Result<FrameVerdict> Messenger::StoreContent(Contact& sender, const store::MessageId& id,
                                             const wire::Content& content,
                                             std::vector<store::MessageId>& acks) {
  if (content.body_case() == wire::Content::kIntroduction) {
    return StoreIntroduction(sender, id, content, acks);
  }
  if (content.body_case() == wire::Content::kText) {
    store::MessageRow row;
    row.id = id;
    row.contact_id = sender.row.id;
    row.body = content.text().body();
    row.sent_at = static_cast<std::int64_t>(content.sent_at_ms());
    row.received_at = clock_.NowUnixMs();
    auto inserted = messages_.InsertIncoming(row);
    if (!inserted.ok()) return inserted.status();
    if (inserted.value()) Emit<MessageReceived>(round_events_, sender.row.id, std::move(row));
  }
  acks.push_back(id);
  return FrameVerdict::kAccepted;
}

std::vector<crypto::Bytes> Messenger::EncodeAcks(const std::vector<store::MessageId>& ids) {
  std::vector<crypto::Bytes> frames;
  for (std::size_t start = 0; start < ids.size(); start += kMaxAckIds) {
    wire::LinkFrame frame;
    auto* ack = frame.mutable_ack();
    for (std::size_t i = start; i < std::min(ids.size(), start + kMaxAckIds); ++i) {
      ack->add_envelope_ids(AsString(ids[i]));
    }
    frames.push_back(Serialize(frame));
  }
  return frames;
}

// ---------------------------------------------------------------- link and rounds

void Messenger::OnPeerConnected(std::int64_t contact_id) {
  connected_.insert(contact_id);
  scheduler_.OnConnected(contact_id);
  // A new connection: ask for prekeys at once, not after the retry interval.
  if (auto it = awaiting_.find(contact_id); it != awaiting_.end()) it->second = {};
  Emit<ContactChanged>(events_, contact_id, ContactChanged::Change::kOnline);
}

void Messenger::OnPeerDisconnected(std::int64_t contact_id) {
  connected_.erase(contact_id);
  scheduler_.OnDisconnected(contact_id);
  Emit<ContactChanged>(events_, contact_id, ContactChanged::Change::kOffline);
}

Status Messenger::FinishRound() {
  PARLEY_RETURN_IF_ERROR(messages_.FlushOutbox());
  return sessions_.SaveDirty();
}

void Messenger::OnCommitted() {
  sessions_.ForgetDirtyMarks();
  scheduler_changed_this_round_ = false;
  for (auto& queued : queued_) {
    scheduler_.OnCommitted(queued.contact_id, queued.seq, queued.id, std::move(queued.frame));
  }
  queued_.clear();
  events_.insert(events_.end(), std::make_move_iterator(round_events_.begin()),
                 std::make_move_iterator(round_events_.end()));
  round_events_.clear();
  rekeyed_.insert(rekeyed_.end(), round_rekeyed_.begin(), round_rekeyed_.end());
  round_rekeyed_.clear();
  // The node closes a removed contact's link without a disconnection.
  for (std::int64_t id : round_removed_) connected_.erase(id);
  removed_.insert(removed_.end(), round_removed_.begin(), round_removed_.end());
  round_removed_.clear();
  directory_changed_ = false;
  awaiting_changed_ = false;
  prekeys_changed_ = false;
}

Status Messenger::OnRolledBack() {
  messages_.OnRolledBack();
  sessions_.EvictDirty();
  queued_.clear();
  round_events_.clear();
  round_rekeyed_.clear();
  round_removed_.clear();
  if (scheduler_changed_this_round_) {
    // Acknowledged or forgotten in memory but not in the store: reload what
    // is outstanding.
    scheduler_changed_this_round_ = false;
    PARLEY_RETURN_IF_ERROR(scheduler_.Restore());
    // A contact forgotten this round (removed) is back, its link still up.
    for (std::int64_t id : connected_) {
      if (!scheduler_.IsConnected(id)) scheduler_.OnConnected(id);
    }
  }
  if (directory_changed_) {
    directory_changed_ = false;
    PARLEY_RETURN_IF_ERROR(directory_.Load(contacts_));
    HoldChangedKeys();
  }
  reply_.reset();
  if (awaiting_changed_) {
    awaiting_changed_ = false;
    PARLEY_RETURN_IF_ERROR(LoadAwaiting());
  }
  if (prekeys_changed_) {
    prekeys_changed_ = false;
    PARLEY_RETURN_IF_ERROR(one_time_prekeys_.Load());
  }
  return Status::Ok();
}

Status Messenger::Transmit(const delivery::TransmitFn& transmit) {
  AskForPrekeys(transmit);
  std::vector<delivery::SeqRun> newly_sent;
  Status pumped = scheduler_.Pump(transmit, newly_sent);
  for (const auto& run : newly_sent) {
    for (const auto& id : run.ids) {
      Emit<DeliveryChanged>(events_, run.contact_id, id, store::MessageState::kSent);
    }
  }
  return pumped;
}

std::vector<std::int64_t> Messenger::TakeRemovedContacts() {
  std::vector<std::int64_t> taken;
  taken.swap(removed_);
  return taken;
}

std::vector<std::int64_t> Messenger::TakeRekeyedContacts() {
  std::vector<std::int64_t> taken;
  taken.swap(rekeyed_);
  return taken;
}

std::vector<Event> Messenger::TakeEvents() {
  std::vector<Event> taken;
  taken.swap(events_);
  return taken;
}

}  // namespace parley::messenger
