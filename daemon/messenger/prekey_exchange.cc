// The prekey exchange before a first message (docs/protocol.md §3.3). A node
// that has no session with a contact keeps what it sends waiting, asks the
// contact's daemon for prekeys over the link, and begins the session from the
// answer: the contact's current signed prekey and a one-time prekey made for
// this request. Part of the Messenger.
#include <spdlog/spdlog.h>

#include "daemon/messenger/messenger.h"
#include "daemon/util/proto_bytes.h"

namespace parley::messenger {

namespace {

crypto::Bytes SerializeFrame(const wire::LinkFrame& frame) {
  std::string bytes = frame.SerializeAsString();
  return crypto::Bytes(bytes.begin(), bytes.end());
}

}  // namespace

// ---------------------------------------------------------------- asking

crypto::Bytes Messenger::PrekeyRequestFrame(const Contact& contact) const {
  wire::LinkFrame frame;
  frame.mutable_prekey_request()->set_identity_key(AsString(contact.row.identity_key));
  return SerializeFrame(frame);
}

void Messenger::AskForPrekeys(const delivery::TransmitFn& transmit) {
  const auto now = clock_.Now();
  for (auto& [contact_id, next_request] : awaiting_) {
    if (now < next_request || !scheduler_.IsConnected(contact_id)) continue;
    const Contact* contact = directory_.ById(contact_id);
    if (contact == nullptr) continue;
    // Not sooner even when the link refused it (full): no busy loop.
    (void)transmit(contact_id, PrekeyRequestFrame(*contact));
    next_request = now + kPrekeyRequestRetry;
  }
}

std::optional<std::chrono::steady_clock::time_point> Messenger::NextDeadline() const {
  auto deadline = scheduler_.NextDeadline();
  for (const auto& [contact_id, next_request] : awaiting_) {
    if (!scheduler_.IsConnected(contact_id)) continue;
    if (!deadline || next_request < *deadline) deadline = next_request;
  }
  return deadline;
}

Status Messenger::LoadAwaiting() {
  auto contacts = messages_.ContactsAwaiting();
  if (!contacts.ok()) return contacts.status();
  std::map<std::int64_t, std::chrono::steady_clock::time_point> reloaded;
  for (std::int64_t contact_id : contacts.value()) {
    auto known = awaiting_.find(contact_id);
    reloaded.emplace(contact_id, known == awaiting_.end() ? std::chrono::steady_clock::time_point{}
                                                          : known->second);
  }
  awaiting_ = std::move(reloaded);
  return Status::Ok();
}

// ---------------------------------------------------------------- answering

Result<FrameVerdict> Messenger::OnPrekeyRequest(const crypto::PublicKey& transport_key,
                                                const wire::PrekeyRequest& request) {
  crypto::PublicKey asked{};
  if (!CopyExact(request.identity_key(), asked)) return FrameVerdict::kMalformed;
  const crypto::Identity* addressed = OwnIdentity(asked);
  if (addressed == nullptr) return FrameVerdict::kNotForUs;
  // A requester asking again (its retries, a lost answer) gets the prekey it
  // holds: a first message in flight keeps its prekey, and repeating asks
  // mints nothing. New requesters are new connections, which the node
  // limits for strangers; minting is budgeted for strangers on top.
  const crypto::OneTimePrekey* prekey = one_time_prekeys_.HandedTo(transport_key);
  if (prekey == nullptr) {
    const Contact* requester = directory_.ByTransportKey(transport_key);
    const bool from_contact = requester != nullptr && !requester->is_request();
    if (!from_contact && !mint_budget_.TryTake(clock_.Now())) return FrameVerdict::kOverQuota;
    prekeys_changed_ = true;  // before: a failed mint may have evicted some
    auto minted = one_time_prekeys_.Mint(transport_key, random_, clock_.NowUnixMs());
    if (!minted.ok()) return minted.status();
    prekey = minted.value();
  }

  wire::LinkFrame frame;
  wire::PrekeyBundle* bundle = frame.mutable_prekey_bundle();
  bundle->set_identity_key(request.identity_key());
  // The signed prekey is the current identity's; a requester holding a card
  // from before a rotation keeps the card's (kept, §9.6) and gets only the
  // one-time prekey.
  if (addressed == &identity_.identity) {
    const crypto::SignedPrekey& signed_prekey = identity_.current_signed_prekey();
    bundle->set_signed_prekey_id(signed_prekey.id);
    bundle->set_signed_prekey(AsString(signed_prekey.key.public_key()));
    bundle->set_signed_prekey_signature(AsString(signed_prekey.signature));
  }
  bundle->set_one_time_prekey_id(prekey->id);
  bundle->set_one_time_prekey(AsString(prekey->key.public_key()));
  reply_ = SerializeFrame(frame);
  return FrameVerdict::kPrekeysHandedOut;
}

std::optional<crypto::Bytes> Messenger::TakeReply() {
  std::optional<crypto::Bytes> taken;
  taken.swap(reply_);
  return taken;
}

Status Messenger::ConsumeOneTimePrekey(std::uint32_t id) {
  if (id == 0) return Status::Ok();
  prekeys_changed_ = true;
  return one_time_prekeys_.Consume(id);
}

// ---------------------------------------------------------------- beginning

Result<FrameVerdict> Messenger::OnPrekeyBundle(Contact* sender, const wire::PrekeyBundle& bundle) {
  if (sender == nullptr || sender->is_request()) return FrameVerdict::kRefused;
  if (awaiting_.count(sender->row.id) == 0) return FrameVerdict::kRefused;  // not asked for
  crypto::PublicKey identity_key{};
  if (!CopyExact(bundle.identity_key(), identity_key)) return FrameVerdict::kMalformed;
  // An answer to a request made before the contact's keys changed.
  if (identity_key != sender->row.identity_key) return FrameVerdict::kRefused;
  crypto::PrekeyBundle them = sender->card.Bundle();
  if (bundle.signed_prekey_id() != 0) {
    them.signed_prekey_id = bundle.signed_prekey_id();
    if (!CopyExact(bundle.signed_prekey(), them.signed_prekey) ||
        !CopyExact(bundle.signed_prekey_signature(), them.signed_prekey_signature)) {
      return FrameVerdict::kMalformed;
    }
  }
  them.one_time_prekey_id = bundle.one_time_prekey_id();
  if (them.one_time_prekey_id == 0 || !CopyExact(bundle.one_time_prekey(), them.one_time_prekey)) {
    return FrameVerdict::kMalformed;
  }

  auto record = sessions_.Get(sender->row.id);
  if (!record.ok()) {
    if (record.status().code() != Status::Code::kCorrupt) return record.status();
    spdlog::error("the stored session of contact {} is damaged", sender->row.id);
    return FrameVerdict::kUndecryptable;
  }
  // A session may have begun meanwhile (the contact wrote first, or an
  // earlier answer): then the waiting messages already went out on it.
  if (record.value()->has_session()) return FrameVerdict::kRefused;
  // Initiate verifies the signed prekey's signature under the card's identity.
  if (!record.value()->Initiate(identity_.identity, them, random_)) {
    spdlog::warn("contact {} answered with prekeys that do not verify", sender->row.id);
    return FrameVerdict::kRefused;
  }
  sessions_.MarkDirty(sender->row.id);
  PARLEY_RETURN_IF_ERROR(EncryptAwaiting(*sender, *record.value()));
  return FrameVerdict::kSessionBegun;
}

Status Messenger::EncryptAwaiting(Contact& contact, crypto::SessionRecord& record) {
  auto waiting = messages_.AwaitingOf(contact.row.id);
  if (!waiting.ok()) return waiting.status();
  for (const auto& message : waiting.value()) {
    wire::Content content;
    store::MessageId id{};
    if (!content.ParseFromArray(message.content.data(), static_cast<int>(message.content.size())) ||
        !CopyExact(content.message_id(), id)) {
      return Status::Corrupt("a waiting message is malformed");
    }
    auto frame = SealEnvelope(contact, record, id, message.content.view());
    if (!frame.ok()) return frame.status();
    PARLEY_RETURN_IF_ERROR(messages_.MoveToOutbox(message.seq, contact.row.id, frame.value()));
    queued_.push_back(Queued{contact.row.id, message.seq, id, std::move(frame.value())});
  }
  awaiting_.erase(contact.row.id);
  awaiting_changed_ = true;
  return Status::Ok();
}

}  // namespace parley::messenger
