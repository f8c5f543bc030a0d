// Human output of each reply, in the user's language. Everything that came
// from a peer or the daemon passes through render::ForTerminal. Every result
// ends with '\n'.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "client/i18n/catalogue.h"
#include "proto/api.pb.h"

namespace parley::client::render {

std::string StatusText(const api::StatusReply& status, i18n::Lang lang);
std::string ContactAddedText(const api::Contact& contact, i18n::Lang lang);
std::string ContactAcceptedText(const api::Contact& contact, i18n::Lang lang);
// A table of the contacts; when any of them is endorsed, a last column says by whom.
// A contact whose key is revoked says so in the trust column; one made through
// an introduction says by whom ("unverified, introduced by anna").
std::string ContactsText(const api::ContactList& contacts, i18n::Lang lang);
std::string VerifyText(const api::VerifyContactReply& verify, bool confirmed, i18n::Lang lang);
std::string RequestsText(const api::FirstContactList& requests, i18n::Lang lang);
std::string SendText(const std::string& alias, const api::SendReply& send, i18n::Lang lang);
std::string MessagesText(const std::string& alias, const api::MessageList& messages,
                         i18n::Lang lang);
// The network, then its areas with their names in `lang` and their topics.
std::string NetworkText(const api::NetworkReply& network, i18n::Lang lang);
// After `network amend`: a line saying the charter is signed in its new
// version and reaches members as they sync, then NetworkText.
std::string NetworkAmendedText(const api::NetworkReply& network, i18n::Lang lang);
// One profile, a field a line ("—" for an empty one); the trust row names who
// endorsed the person, up to the anchor.
std::string ProfileText(const api::Profile& profile, i18n::Lang lang);
// After `profile set`: a line saying it was saved, then ProfileText.
std::string ProfileSavedText(const api::Profile& profile, i18n::Lang lang);
// One page of search results, numbered from `offset` + 1, then "N–M of TOTAL"
// and, when there are more, how to get the next page. A friendly line when
// nothing matches.
std::string DirectoryText(const api::DirectoryPage& page, std::uint32_t offset, i18n::Lang lang);

// After `contact-point add`: who is now the contact point of which state, and
// the anchor that delegated them, then what they can do now.
std::string ContactPointAddedText(const api::ContactPoint& contact_point, i18n::Lang lang);
// After `contact-point suspend`: it is suspended, and its endorsements no longer hold.
std::string ContactPointSuspendedText(const api::ContactPoint& contact_point, i18n::Lang lang);
// A table of the network's contact points, or how the anchor names one.
std::string ContactPointsText(const api::ContactPointList& contact_points, i18n::Lang lang);
// After `endorse ALIAS`: "Endorsed ALIAS as a member of ORG (STATE)", and who sees it now.
std::string EndorsedText(const std::string& alias, const api::Endorsement& endorsement,
                         i18n::Lang lang);
// After `revoke --export FILE`: where the certificate is, what it does, to
// keep it offline, and how to publish it.
std::string RevokeExportedText(const api::RevokeReply& revoke, const std::string& file,
                               i18n::Lang lang);
// After `revoke --publish`, `--member` or `--yes` (`own_key`): which key is
// revoked, and that every node stops trusting it as it syncs.
std::string RevokedText(const api::RevokeReply& revoke, bool own_key, i18n::Lang lang);

// After `introduce A B`: both were introduced, and how each accepts.
std::string IntroducedText(const std::string& alias1, const std::string& alias2, i18n::Lang lang);
// A table of the introductions waiting (ID, who introduces, the name and
// fingerprint prefix of the one introduced, the note), then how to answer; a
// friendly line when there are none.
std::string IntroductionsText(const api::IntroductionList& introductions, i18n::Lang lang);
// After `introductions accept`: "NAME is now your contact ALIAS, introduced by
// INTRODUCER.", then how to verify them.
std::string IntroductionAcceptedText(const api::Contact& contact, i18n::Lang lang);
// After `introductions decline`.
std::string IntroductionDeclinedText(std::uint64_t id, i18n::Lang lang);
// `trust` ("verified", "contact, not verified"), followed by ", introduced by
// ALIAS" when `introduced_by` is set.
std::string WithIntroducer(const std::string& trust, const std::string& introduced_by,
                           i18n::Lang lang);

// The chain of one endorsement: "endorsed by NAME (contact point of AM) ←
// anchor 3f2a 91c0", or "endorsed by the anchor 3f2a 91c0".
std::string EndorsementText(const api::Endorsement& endorsement, i18n::Lang lang);
// How a person is trusted, a line each: the trust word ("verified contact"),
// unless the endorsements alone are the reason (DIRECTORY_TRUST_ENDORSED),
// then one EndorsementText per endorsement (none for a revoked key: they no
// longer vouch for anything).
std::vector<std::string> TrustLines(
    api::DirectoryTrust trust,
    const google::protobuf::RepeatedPtrField<api::Endorsement>& endorsements, i18n::Lang lang);

// The first two groups of a fingerprint ("3f2a 91c0 …" → "3f2a 91c0"): enough
// to tell anchors apart at a glance; --json and `parley network` give it whole.
std::string FingerprintPrefix(const std::string& fingerprint);

// The name of an area or topic in `lang`, else in the other language.
std::string LocalName(const std::string& name_en, const std::string& name_ru, i18n::Lang lang);

// "12345 67890 …" (60 digits) → three lines of four groups, each indented by
// two spaces. Anything else is returned as one indented line.
std::string SafetyNumberLines(const std::string& safety_number);

// The translated word for a state ("delivered"), trust and online flag.
std::string StateWord(api::MessageState state, i18n::Lang lang);
std::string TrustWord(api::Trust trust, i18n::Lang lang);
std::string DirectoryTrustWord(api::DirectoryTrust trust, i18n::Lang lang);

}  // namespace parley::client::render
