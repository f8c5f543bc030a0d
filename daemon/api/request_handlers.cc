#include "daemon/api/request_handlers.h"

#include <functional>
#include <unordered_map>

#include "crypto/bytes.h"
#include "crypto/fingerprint.h"
#include "daemon/api/directory_handlers.h"
#include "daemon/api/handler_support.h"
#include "daemon/api/introduction_handlers.h"

namespace parley::api_server {

namespace {
api::Trust TrustOf(bool verified, bool key_changed) {
  if (key_changed) return api::TRUST_KEY_CHANGED;
  return verified ? api::TRUST_VERIFIED : api::TRUST_UNVERIFIED;
}
}  // namespace

void FillContact(const ApiContext& context, const messenger::Contact& contact, api::Contact& out) {
  out.set_alias(contact.row.alias);
  out.set_fingerprint(crypto::Fingerprint(contact.row.identity_key));
  out.set_trust(TrustOf(contact.row.verified, contact.row.key_changed));
  out.set_online(context.messenger.IsOnline(contact.row.id));
  out.set_name(contact.row.name);
  out.set_endpoint(contact.row.endpoint);
  AddEndorsements(context, contact.row.identity_key, *out.mutable_endorsements());
  out.set_revoked(context.messenger.IsRevoked(contact));
  if (const auto* introducer = context.messenger.directory().ById(contact.row.introduced_by))
    out.set_introduced_by(introducer->row.alias);
}

namespace {

void Status_(ApiContext& context, const api::Request&, api::Reply& reply, Status& storage) {
  auto undelivered = context.messenger.CountUndelivered();
  if (!undelivered.ok() && StorageFailed(undelivered.status(), reply, storage)) return;
  auto* status = reply.mutable_status();
  status->set_fingerprint(
      crypto::Fingerprint(context.identity.identity.public_identity().identity_key));
  status->set_listen(context.listen);
  status->set_contacts(static_cast<std::uint32_t>(context.messenger.directory().contact_count()));
  status->set_version(context.version);
  status->set_name(context.identity.name);
  status->set_pending_requests(
      static_cast<std::uint32_t>(context.messenger.directory().request_count()));
  status->set_queued_messages(
      static_cast<std::uint32_t>(undelivered.ok() ? undelivered.value() : 0));
}

void Invite(ApiContext& context, const api::Request&, api::Reply& reply, Status&) {
  reply.mutable_invite()->set_card(context.messenger.CardText());
}

void AddContact(ApiContext& context, const api::Request& request, api::Reply& reply,
                Status& storage) {
  const auto& add = request.add_contact();
  if (!messenger::Messenger::IsValidAlias(add.alias())) {
    return Fail(reply, api::INVALID_ALIAS, add.alias());
  }
  if (context.messenger.directory().ByAlias(add.alias()) != nullptr) {
    return Fail(reply, api::ALIAS_TAKEN, add.alias());
  }
  auto added = context.messenger.AddContact(add.card(), add.alias());
  if (added.ok()) return FillContact(context, *added.value(), *reply.mutable_contact());
  const Status& status = added.status();
  if (StorageFailed(status, reply, storage)) return;
  switch (status.code()) {
    case Status::Code::kAlreadyExists:
      return Fail(reply, api::CONTACT_EXISTS, status.message());
    case Status::Code::kPermissionDenied:
      return Fail(reply, api::OWN_CARD);
    case Status::Code::kInvalidArgument:
      return Fail(reply, api::INVALID_CARD, status.message());
    default:
      return Fail(reply, api::INTERNAL, status.message());
  }
}

void ListContacts(ApiContext& context, const api::Request&, api::Reply& reply, Status&) {
  auto* list = reply.mutable_contacts();
  for (const auto* contact : context.messenger.directory().Contacts()) {
    FillContact(context, *contact, *list->add_contacts());
  }
}

void VerifyContact(ApiContext& context, const api::Request& request, api::Reply& reply,
                   Status& storage) {
  const auto& verify = request.verify_contact();
  auto result = context.messenger.Verify(verify.alias(), verify.confirm());
  if (!result.ok()) {
    if (StorageFailed(result.status(), reply, storage)) return;
    if (result.status().code() == Status::Code::kFailedPrecondition)
      return Fail(reply, api::NUMBER_NOT_SHOWN, verify.alias());
    return Fail(reply, api::UNKNOWN_CONTACT, verify.alias());
  }
  auto* out = reply.mutable_verify_contact();
  out->set_alias(verify.alias());
  out->set_safety_number(result->safety_number);
  out->set_trust(TrustOf(result->verified, result->key_changed));
}

void ListRequests(ApiContext& context, const api::Request&, api::Reply& reply, Status& storage) {
  auto* list = reply.mutable_requests();
  for (const auto* request : context.messenger.directory().Requests()) {
    auto* out = list->add_requests();
    out->set_id(static_cast<std::uint64_t>(request->row.id));
    out->set_name(request->row.name);
    out->set_fingerprint(crypto::Fingerprint(request->row.identity_key));
    out->set_received_at_ms(static_cast<std::uint64_t>(request->row.created_at));
    auto messages = context.messenger.MessageCount(request->row.id);
    if (!messages.ok()) {
      if (StorageFailed(messages.status(), reply, storage)) return;
      continue;
    }
    out->set_messages(static_cast<std::uint32_t>(messages.value()));
  }
}

void AcceptRequest(ApiContext& context, const api::Request& request, api::Reply& reply,
                   Status& storage) {
  const auto& accept = request.accept_request();
  if (!accept.alias().empty() && !messenger::Messenger::IsValidAlias(accept.alias())) {
    return Fail(reply, api::INVALID_ALIAS, accept.alias());
  }
  auto accepted =
      context.messenger.AcceptRequest(static_cast<std::int64_t>(accept.id()), accept.alias());
  if (accepted.ok()) return FillContact(context, *accepted.value(), *reply.mutable_contact());
  const Status& status = accepted.status();
  if (StorageFailed(status, reply, storage)) return;
  switch (status.code()) {
    case Status::Code::kNotFound:
      return Fail(reply, api::UNKNOWN_REQUEST, std::to_string(accept.id()));
    case Status::Code::kAlreadyExists:
      return Fail(reply, api::ALIAS_TAKEN, accept.alias());
    case Status::Code::kInvalidArgument:
      return Fail(reply, api::INVALID_ALIAS, accept.alias());
    default:
      return Fail(reply, api::INTERNAL, status.message());
  }
}

void RejectRequest(ApiContext& context, const api::Request& request, api::Reply& reply,
                   Status& storage) {
  const auto id = request.reject_request().id();
  Status rejected = context.messenger.RejectRequest(static_cast<std::int64_t>(id));
  if (rejected.ok()) {
    reply.mutable_rejected()->set_id(id);
    return;
  }
  if (StorageFailed(rejected, reply, storage)) return;
  return Fail(reply, api::UNKNOWN_REQUEST, std::to_string(id));
}

void RemoveContact(ApiContext& context, const api::Request& request, api::Reply& reply,
                   Status& storage) {
  const std::string& alias = request.remove_contact().alias();
  const auto* contact = context.messenger.directory().ByAlias(alias);
  if (contact == nullptr) return Fail(reply, api::UNKNOWN_CONTACT, alias);
  const crypto::PublicKey identity_key = contact->row.identity_key;
  Status removed = context.messenger.RemoveContact(alias);
  if (removed.ok()) removed = context.directory.OnContactRemoved(identity_key);
  if (StorageFailed(removed, reply, storage)) return;
  if (!removed.ok()) return Fail(reply, api::INTERNAL, removed.message());
  auto* out = reply.mutable_removed_contact();
  out->set_alias(alias);
  out->set_fingerprint(crypto::Fingerprint(identity_key));
}

void Send(ApiContext& context, const api::Request& request, api::Reply& reply, Status& storage) {
  const auto& send = request.send();
  if (send.text().empty()) return Fail(reply, api::EMPTY_MESSAGE);
  if (send.text().size() > messenger::kMaxTextBytes) {
    return Fail(reply, api::MESSAGE_TOO_LONG, std::to_string(messenger::kMaxTextBytes));
  }
  // Nothing goes to a revoked key (anyone may hold it now), nor from one.
  if (const auto* contact = context.messenger.directory().ByAlias(send.alias());
      contact != nullptr && context.messenger.IsRevoked(*contact)) {
    return Fail(reply, api::KEY_REVOKED, send.alias());
  }
  if (context.directory.trust().IsRevoked(
          context.identity.identity.public_identity().identity_key)) {
    return Fail(reply, api::KEY_REVOKED);
  }
  auto id = context.messenger.SendText(send.alias(), send.text());
  if (id.ok()) {
    reply.mutable_send()->set_id(crypto::ToHex(id.value()));
    return;
  }
  const Status& status = id.status();
  if (StorageFailed(status, reply, storage)) return;
  if (status.code() == Status::Code::kNotFound)
    return Fail(reply, api::UNKNOWN_CONTACT, send.alias());
  if (status.code() == Status::Code::kFailedPrecondition)
    return Fail(reply, api::KEY_CHANGED, send.alias());
  return Fail(reply, api::BAD_REQUEST, status.message());
}

void ListMessages(ApiContext& context, const api::Request& request, api::Reply& reply,
                  Status& storage) {
  const auto& list = request.list_messages();
  auto rows = context.messenger.Messages(list.alias(), list.limit());
  if (!rows.ok()) {
    if (StorageFailed(rows.status(), reply, storage)) return;
    return Fail(reply, api::UNKNOWN_CONTACT, list.alias());
  }
  auto* out = reply.mutable_messages();
  for (const auto& row : rows.value()) *out->add_messages() = ToApiMessage(row);
}

const std::unordered_map<int, Handler>& DispatchTable() {
  static const std::unordered_map<int, Handler> kTable = {
      {api::Request::kStatus, Status_},
      {api::Request::kInvite, Invite},
      {api::Request::kAddContact, AddContact},
      {api::Request::kListContacts, ListContacts},
      {api::Request::kVerifyContact, VerifyContact},
      {api::Request::kListRequests, ListRequests},
      {api::Request::kAcceptRequest, AcceptRequest},
      {api::Request::kRejectRequest, RejectRequest},
      {api::Request::kRemoveContact, RemoveContact},
      {api::Request::kSend, Send},
      {api::Request::kListMessages, ListMessages},
      {api::Request::kNetwork, Network},
      {api::Request::kAmendNetwork, AmendNetwork},
      {api::Request::kAnchorKey, AnchorKey},
      {api::Request::kSetProfile, SetProfile},
      {api::Request::kShowProfile, ShowProfile},
      {api::Request::kSearchDirectory, SearchDirectory},
      {api::Request::kAddContactPoint, AddContactPoint},
      {api::Request::kSuspendContactPoint, SuspendContactPoint},
      {api::Request::kListContactPoints, ListContactPoints},
      {api::Request::kEndorse, Endorse},
      {api::Request::kRevoke, Revoke},
      {api::Request::kIntroduce, Introduce},
      {api::Request::kListIntroductions, ListIntroductions},
      {api::Request::kAnswerIntroduction, AnswerIntroduction},
  };
  return kTable;
}

}  // namespace

api::Message ToApiMessage(const store::MessageRow& row) {
  api::Message message;
  message.set_id(crypto::ToHex(row.id));
  message.set_direction(row.direction == store::Direction::kIn ? api::IN : api::OUT);
  message.set_text(row.body);
  message.set_state(static_cast<api::MessageState>(static_cast<int>(row.state)));
  message.set_time_ms(static_cast<std::uint64_t>(
      row.direction == store::Direction::kIn ? row.received_at : row.sent_at));
  return message;
}

api::Reply HandleRequest(ApiContext& context, const api::Request& request, Status& storage) {
  api::Reply reply;
  reply.set_id(request.id());
  auto it = DispatchTable().find(request.op_case());
  if (it == DispatchTable().end()) {
    Fail(reply, api::BAD_REQUEST, "unknown operation");
    return reply;
  }
  it->second(context, request, reply, storage);
  return reply;
}

bool ToApiEvent(const messenger::Messenger& messenger, const messenger::Event& event,
                api::Event& out) {
  const auto& directory = messenger.directory();
  auto alias_of = [&](std::int64_t contact_id) -> std::string {
    const messenger::Contact* contact = directory.ById(contact_id);
    if (contact == nullptr) return {};
    return contact->is_request() ? contact->row.name : contact->row.alias;
  };
  if (const auto* received = std::get_if<messenger::MessageReceived>(&event)) {
    const messenger::Contact* contact = directory.ById(received->contact_id);
    if (contact == nullptr || contact->is_request())
      return false;  // requests are listed, not streamed
    auto* message = out.mutable_message();
    message->set_alias(contact->row.alias);
    *message->mutable_message() = ToApiMessage(received->message);
    return true;
  }
  if (const auto* delivery = std::get_if<messenger::DeliveryChanged>(&event)) {
    auto* changed = out.mutable_delivery();
    changed->set_alias(alias_of(delivery->contact_id));
    changed->set_id(crypto::ToHex(delivery->id));
    changed->set_state(static_cast<api::MessageState>(static_cast<int>(delivery->state)));
    return true;
  }
  if (const auto* contact = std::get_if<messenger::ContactChanged>(&event)) {
    auto* changed = out.mutable_contact();
    changed->set_alias(alias_of(contact->contact_id));
    switch (contact->change) {
      case messenger::ContactChanged::Change::kOnline:
        changed->set_change(api::ContactEvent::ONLINE);
        break;
      case messenger::ContactChanged::Change::kOffline:
        changed->set_change(api::ContactEvent::OFFLINE);
        break;
      case messenger::ContactChanged::Change::kAdded:
        changed->set_change(api::ContactEvent::ADDED);
        break;
      case messenger::ContactChanged::Change::kRequest:
        changed->set_change(api::ContactEvent::REQUEST);
        break;
    }
    return true;
  }
  return false;
}

}  // namespace parley::api_server
