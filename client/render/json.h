// --json output: one JSON document per command, with the keys and value
// types of the command-line contract (see `parley help`). Times are ISO 8601
// UTC strings; text is UTF-8 as the daemon stored it (Cyrillic unescaped).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "proto/api.pb.h"

namespace parley::client::render {

using Json = nlohmann::json;

// {"fingerprint","listen","contacts","version","name","pending_requests","queued_messages"}
Json StatusJson(const api::StatusReply& status);
// {"card"}
Json InviteJson(const api::InviteReply& invite);
// {"alias","fingerprint","trust","online","name","endpoint","endorsements":[endorsement, ...],
//  "revoked"[,"introduced_by"]}; "introduced_by" (the introducer's alias) only for a
// contact made through an introduction.
Json ContactJson(const api::Contact& contact);
// [contact, ...]
Json ContactsJson(const api::ContactList& contacts);
// {"alias","safety_number","trust"}
Json VerifyJson(const api::VerifyContactReply& verify);
// [{"id","name","fingerprint","messages","time"}]
Json RequestsJson(const api::FirstContactList& requests);
// {"id"}
Json SendJson(const api::SendReply& send);
// {"id","direction","text","state","time"}
Json MessageJson(const api::Message& message);
// [message, ...]
Json MessagesJson(const api::MessageList& messages);
// {"name","network_id","charter_version","anchor","charter_fingerprint",
//  "areas":[{"slug","name_en","name_ru","priority","topics":[{"slug","name_en","name_ru"}]}]}
Json NetworkJson(const api::NetworkReply& network);
// {"fingerprint","name_latin","name_cyrillic","state","org","role","areas","languages",
//  "bio","version","updated","expires","trust","alias","endorsements"[,"contact_point_of"]
//  [,"introduced_by"]}
Json ProfileJson(const api::Profile& profile);
// One search result: {"fingerprint","name_latin","name_cyrillic","state","org","role",
//  "areas","languages","trust","endorsements"[,"contact_point_of"][,"introduced_by"]};
// "contact_point_of" (the state) only for an active National Contact Point,
// "introduced_by" (the introducer's alias) only for a contact made through an introduction.
Json DirectoryEntryJson(const api::Profile& profile);
// [entry, ...], best first (the contract of `directory search`: a list, no total).
Json DirectoryJson(const api::DirectoryPage& page);
// {"subject","organisation","state","endorser","endorser_name","endorser_is_anchor","anchor",
//  "issued_at"}: fingerprints in full, "issued_at" an ISO time.
Json EndorsementJson(const api::Endorsement& endorsement);
// [endorsement, ...]
Json EndorsementsJson(const google::protobuf::RepeatedPtrField<api::Endorsement>& endorsements);
// {"fingerprint","name","alias","state","suspended","issued_at","anchor"}
Json ContactPointJson(const api::ContactPoint& contact_point);
// [contact point, ...]
Json ContactPointsJson(const api::ContactPointList& contact_points);
// After `revoke --export FILE`: {"fingerprint","file"}.
Json RevokeExportJson(const api::RevokeReply& revoke, const std::string& file);
// After the other forms of `revoke`: {"fingerprint"[,"alias"],"published"}; "alias"
// only when the key is a contact's.
Json RevokedJson(const api::RevokeReply& revoke);
// After `introduce`: {"id1","id2"}, the ids of the two messages that carry it.
Json IntroduceJson(const api::IntroduceReply& introduce);
// [{"id","introducer","name","fingerprint","note","received_at"}]
Json IntroductionsJson(const api::IntroductionList& introductions);
// {"error": {"code", "message"}}
Json ErrorJson(std::string_view code, std::string_view message);

// "verified" | "unverified" | "key-changed"
std::string_view TrustName(api::Trust trust);
// "self" | "verified" | "contact" | "endorsed" | "revoked" | "unknown"
std::string_view DirectoryTrustName(api::DirectoryTrust trust);
// "in" | "out"
std::string_view DirectionName(api::Direction direction);
// "queued" | "sent" | "delivered"
std::string_view StateName(api::MessageState state);

// The document as printed: indented, UTF-8 unescaped; invalid UTF-8 from the
// daemon becomes U+FFFD instead of failing.
std::string Dump(const Json& document);

}  // namespace parley::client::render
