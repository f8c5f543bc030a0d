#include "daemon/api/introduction_handlers.h"

#include "crypto/bytes.h"
#include "crypto/fingerprint.h"
#include "daemon/api/handler_support.h"
#include "daemon/identity/card.h"

namespace parley::api_server {

void Introduce(ApiContext& context, const api::Request& request, api::Reply& reply,
               Status& storage) {
  const auto& introduce = request.introduce();
  // Nothing goes to, or introduces, a revoked key; nothing is signed by one.
  for (const auto* alias : {&introduce.alias1(), &introduce.alias2()}) {
    const auto* contact = context.messenger.directory().ByAlias(*alias);
    if (contact != nullptr && context.messenger.IsRevoked(*contact))
      return Fail(reply, api::KEY_REVOKED, *alias);
  }
  if (context.directory.trust().IsRevoked(
          context.identity.identity.public_identity().identity_key)) {
    return Fail(reply, api::KEY_REVOKED);
  }
  auto ids = context.messenger.Introduce(introduce.alias1(), introduce.alias2(), introduce.note());
  if (ids.ok()) {
    reply.mutable_introduce()->set_id1(crypto::ToHex(ids->first));
    reply.mutable_introduce()->set_id2(crypto::ToHex(ids->second));
    return;
  }
  const Status& status = ids.status();
  if (StorageFailed(status, reply, storage)) return;
  switch (status.code()) {
    case Status::Code::kNotFound:
      return Fail(reply, api::UNKNOWN_CONTACT, status.message());
    case Status::Code::kFailedPrecondition:
      return Fail(reply, api::KEY_CHANGED, status.message());
    case Status::Code::kInvalidArgument:
      if (status.message() == "same") return Fail(reply, api::SAME_CONTACT);
      return Fail(reply, api::MESSAGE_TOO_LONG,
                  std::to_string(messenger::kMaxIntroductionNoteBytes));
    default:
      return Fail(reply, api::INTERNAL, status.message());
  }
}

void ListIntroductions(ApiContext& context, const api::Request&, api::Reply& reply,
                       Status& storage) {
  auto rows = context.messenger.Introductions();
  if (!rows.ok()) {
    if (StorageFailed(rows.status(), reply, storage)) return;
    return Fail(reply, api::INTERNAL, rows.status().message());
  }
  auto* list = reply.mutable_introductions();
  for (const auto& row : rows.value()) {
    auto card = identity::ParseCardBytes(row.card);
    const auto* introducer = context.messenger.directory().ById(row.introducer_id);
    if (!card.ok() || introducer == nullptr) continue;
    auto* out = list->add_introductions();
    out->set_id(static_cast<std::uint64_t>(row.id));
    out->set_introducer(introducer->row.alias);
    out->set_name(card->name);
    out->set_fingerprint(crypto::Fingerprint(card->identity.identity_key));
    out->set_note(row.note);
    out->set_received_at_ms(static_cast<std::uint64_t>(row.received_at));
  }
}

void AnswerIntroduction(ApiContext& context, const api::Request& request, api::Reply& reply,
                        Status& storage) {
  const auto& answer = request.answer_introduction();
  const auto id = static_cast<std::int64_t>(answer.id());
  auto* out = reply.mutable_answer_introduction();
  if (!answer.accept()) {
    Status declined = context.messenger.DeclineIntroduction(id);
    if (StorageFailed(declined, reply, storage)) return;
    if (!declined.ok()) return Fail(reply, api::UNKNOWN_INTRODUCTION, std::to_string(answer.id()));
    out->set_id(answer.id());
    return;
  }
  if (!answer.alias().empty()) {
    if (!messenger::Messenger::IsValidAlias(answer.alias()))
      return Fail(reply, api::INVALID_ALIAS, answer.alias());
    if (context.messenger.directory().ByAlias(answer.alias()) != nullptr)
      return Fail(reply, api::ALIAS_TAKEN, answer.alias());
  }
  auto accepted = context.messenger.AcceptIntroduction(id, answer.alias());
  if (accepted.ok()) {
    out->set_id(answer.id());
    out->set_accepted(true);
    FillContact(context, *accepted.value(), *out->mutable_contact());
    return;
  }
  const Status& status = accepted.status();
  if (StorageFailed(status, reply, storage)) return;
  switch (status.code()) {
    case Status::Code::kNotFound:
      return Fail(reply, api::UNKNOWN_INTRODUCTION, std::to_string(answer.id()));
    case Status::Code::kAlreadyExists:
      return Fail(reply, api::CONTACT_EXISTS, status.message());
    case Status::Code::kFailedPrecondition:
      return Fail(reply, api::KEY_CHANGED, status.message());
    case Status::Code::kInvalidArgument:
      return Fail(reply, api::INVALID_CARD, status.message());
    default:
      return Fail(reply, api::INTERNAL, status.message());
  }
}

}  // namespace parley::api_server
