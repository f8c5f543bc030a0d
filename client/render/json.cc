#include "client/render/json.h"

#include "client/render/time.h"

namespace parley::client::render {

std::string_view TrustName(api::Trust trust) {
  return trust == api::TRUST_VERIFIED ? "verified" : "unverified";
}

std::string_view DirectionName(api::Direction direction) {
  return direction == api::OUT ? "out" : "in";
}

std::string_view StateName(api::MessageState state) {
  switch (state) {
    case api::SENT:
      return "sent";
    case api::DELIVERED:
      return "delivered";
    default:
      return "queued";
  }
}

Json StatusJson(const api::StatusReply& status) {
  return Json{{"fingerprint", status.fingerprint()},
              {"listen", status.listen()},
              {"contacts", status.contacts()},
              {"version", status.version()},
              {"name", status.name()},
              {"pending_requests", status.pending_requests()},
              {"queued_messages", status.queued_messages()}};
}

Json InviteJson(const api::InviteReply& invite) { return Json{{"card", invite.card()}}; }

Json ContactJson(const api::Contact& contact) {
  return Json{{"alias", contact.alias()},
              {"fingerprint", contact.fingerprint()},
              {"trust", TrustName(contact.trust())},
              {"online", contact.online()},
              {"name", contact.name()},
              {"endpoint", contact.endpoint()}};
}

Json ContactsJson(const api::ContactList& contacts) {
  Json list = Json::array();
  for (const auto& contact : contacts.contacts()) list.push_back(ContactJson(contact));
  return list;
}

Json VerifyJson(const api::VerifyContactReply& verify) {
  return Json{{"alias", verify.alias()},
              {"safety_number", verify.safety_number()},
              {"trust", TrustName(verify.trust())}};
}

Json RequestsJson(const api::FirstContactList& requests) {
  Json list = Json::array();
  for (const auto& request : requests.requests()) {
    list.push_back(Json{{"id", request.id()},
                        {"name", request.name()},
                        {"fingerprint", request.fingerprint()},
                        {"messages", request.messages()},
                        {"time", IsoUtc(request.received_at_ms())}});
  }
  return list;
}

Json SendJson(const api::SendReply& send) { return Json{{"id", send.id()}}; }

Json MessageJson(const api::Message& message) {
  return Json{{"id", message.id()},
              {"direction", DirectionName(message.direction())},
              {"text", message.text()},
              {"state", StateName(message.state())},
              {"time", IsoUtc(message.time_ms())}};
}

Json MessagesJson(const api::MessageList& messages) {
  Json list = Json::array();
  for (const auto& message : messages.messages()) list.push_back(MessageJson(message));
  return list;
}

Json ErrorJson(std::string_view code, std::string_view message) {
  return Json{{"error", Json{{"code", code}, {"message", message}}}};
}

std::string Dump(const Json& document) {
  return document.dump(2, ' ', false, Json::error_handler_t::replace);
}

}  // namespace parley::client::render
