#include "client/render/json.h"

#include "client/render/time.h"

namespace parley::client::render {

namespace {

Json StringList(const google::protobuf::RepeatedPtrField<std::string>& items) {
  Json list = Json::array();
  for (const auto& item : items) list.push_back(item);
  return list;
}

}  // namespace

std::string_view TrustName(api::Trust trust) {
  switch (trust) {
    case api::TRUST_VERIFIED:
      return "verified";
    case api::TRUST_KEY_CHANGED:
      return "key-changed";
    default:
      return "unverified";
  }
}

std::string_view DirectoryTrustName(api::DirectoryTrust trust) {
  switch (trust) {
    case api::DIRECTORY_TRUST_SELF:
      return "self";
    case api::DIRECTORY_TRUST_VERIFIED:
      return "verified";
    case api::DIRECTORY_TRUST_CONTACT:
      return "contact";
    case api::DIRECTORY_TRUST_ENDORSED:
      return "endorsed";
    case api::DIRECTORY_TRUST_REVOKED:
      return "revoked";
    case api::DIRECTORY_TRUST_KEY_CHANGED:
      return "key-changed";
    default:
      return "unknown";
  }
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
  Json json{{"alias", contact.alias()},
            {"fingerprint", contact.fingerprint()},
            {"trust", TrustName(contact.trust())},
            {"online", contact.online()},
            {"name", contact.name()},
            {"endpoint", contact.endpoint()},
            {"endorsements", EndorsementsJson(contact.endorsements())},
            {"revoked", contact.revoked()}};
  if (!contact.introduced_by().empty()) json["introduced_by"] = contact.introduced_by();
  return json;
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

Json NetworkJson(const api::NetworkReply& network) {
  Json areas = Json::array();
  for (const auto& area : network.areas()) {
    Json topics = Json::array();
    for (const auto& topic : area.topics()) {
      topics.push_back(
          Json{{"slug", topic.slug()}, {"name_en", topic.name_en()}, {"name_ru", topic.name_ru()}});
    }
    areas.push_back(Json{{"slug", area.slug()},
                         {"name_en", area.name_en()},
                         {"name_ru", area.name_ru()},
                         {"priority", area.priority()},
                         {"topics", std::move(topics)}});
  }
  return Json{{"name", network.name()},
              {"network_id", network.network_id()},
              {"charter_version", network.charter_version()},
              {"anchor", network.anchor()},
              {"first_anchor", network.first_anchor()},
              {"charter_fingerprint", network.charter_fingerprint()},
              {"anchors", Json(std::vector<std::string>(network.anchor_fingerprints().begin(),
                                                        network.anchor_fingerprints().end()))},
              {"areas", std::move(areas)}};
}

// The contract's directory entry: who, where, what; the full profile adds
// the rest.
Json DirectoryEntryJson(const api::Profile& profile) {
  Json json{{"fingerprint", profile.fingerprint()},
            {"name_latin", profile.name_latin()},
            {"name_cyrillic", profile.name_cyrillic()},
            {"state", profile.state()},
            {"org", profile.organisation()},
            {"role", profile.role()},
            {"areas", StringList(profile.areas())},
            {"languages", StringList(profile.languages())},
            {"trust", DirectoryTrustName(profile.trust())},
            {"endorsements", EndorsementsJson(profile.endorsements())}};
  if (!profile.contact_point_of().empty()) json["contact_point_of"] = profile.contact_point_of();
  if (!profile.introduced_by().empty()) json["introduced_by"] = profile.introduced_by();
  return json;
}

Json ProfileJson(const api::Profile& profile) {
  Json json = DirectoryEntryJson(profile);
  json["bio"] = profile.bio();
  json["version"] = profile.version();
  json["updated"] = IsoUtc(profile.updated_at_ms());
  json["expires"] = IsoUtc(profile.expires_at_ms());
  json["alias"] = profile.alias();
  return json;
}

Json DirectoryJson(const api::DirectoryPage& page) {
  Json list = Json::array();
  for (const auto& profile : page.profiles()) list.push_back(DirectoryEntryJson(profile));
  return list;
}

Json EndorsementJson(const api::Endorsement& endorsement) {
  return Json{{"subject", endorsement.subject_fingerprint()},
              {"organisation", endorsement.organisation()},
              {"state", endorsement.state()},
              {"endorser", endorsement.endorser_fingerprint()},
              {"endorser_name", endorsement.endorser_name()},
              {"endorser_is_anchor", endorsement.endorser_is_anchor()},
              {"anchor", endorsement.anchor_fingerprint()},
              {"issued_at", IsoUtc(endorsement.issued_at_ms())}};
}

Json EndorsementsJson(const google::protobuf::RepeatedPtrField<api::Endorsement>& endorsements) {
  Json list = Json::array();
  for (const auto& endorsement : endorsements) list.push_back(EndorsementJson(endorsement));
  return list;
}

Json ContactPointJson(const api::ContactPoint& contact_point) {
  return Json{{"fingerprint", contact_point.fingerprint()},
              {"name", contact_point.name()},
              {"alias", contact_point.alias()},
              {"state", contact_point.state()},
              {"suspended", contact_point.suspended()},
              {"issued_at", IsoUtc(contact_point.issued_at_ms())},
              {"anchor", contact_point.anchor_fingerprint()}};
}

Json ContactPointsJson(const api::ContactPointList& contact_points) {
  Json list = Json::array();
  for (const auto& contact_point : contact_points.contact_points()) {
    list.push_back(ContactPointJson(contact_point));
  }
  return list;
}

Json RevokeExportJson(const api::RevokeReply& revoke, const std::string& file) {
  return Json{{"fingerprint", revoke.fingerprint()}, {"file", file}};
}

Json RevokedJson(const api::RevokeReply& revoke) {
  Json json{{"fingerprint", revoke.fingerprint()}, {"published", revoke.published()}};
  if (!revoke.alias().empty()) json["alias"] = revoke.alias();
  return json;
}

Json IntroduceJson(const api::IntroduceReply& introduce) {
  return Json{{"id1", introduce.id1()}, {"id2", introduce.id2()}};
}

Json IntroductionsJson(const api::IntroductionList& introductions) {
  Json list = Json::array();
  for (const auto& introduction : introductions.introductions()) {
    list.push_back(Json{{"id", introduction.id()},
                        {"introducer", introduction.introducer()},
                        {"name", introduction.name()},
                        {"fingerprint", introduction.fingerprint()},
                        {"note", introduction.note()},
                        {"received_at", IsoUtc(introduction.received_at_ms())}});
  }
  return list;
}

Json ErrorJson(std::string_view code, std::string_view message) {
  return Json{{"error", Json{{"code", code}, {"message", message}}}};
}

std::string Dump(const Json& document) {
  return document.dump(2, ' ', false, Json::error_handler_t::replace);
}

}  // namespace parley::client::render
