// Human output of each reply, in the user's language. Everything that came
// from a peer or the daemon passes through render::ForTerminal. Every result
// ends with '\n'.
#pragma once

#include <cstdint>
#include <string>

#include "client/i18n/catalogue.h"
#include "proto/api.pb.h"

namespace parley::client::render {

std::string StatusText(const api::StatusReply& status, i18n::Lang lang);
std::string ContactAddedText(const api::Contact& contact, i18n::Lang lang);
std::string ContactAcceptedText(const api::Contact& contact, i18n::Lang lang);
std::string ContactsText(const api::ContactList& contacts, i18n::Lang lang);
std::string VerifyText(const api::VerifyContactReply& verify, bool confirmed, i18n::Lang lang);
std::string RequestsText(const api::FirstContactList& requests, i18n::Lang lang);
std::string SendText(const std::string& alias, const api::SendReply& send, i18n::Lang lang);
std::string MessagesText(const std::string& alias, const api::MessageList& messages,
                         i18n::Lang lang);
// The network, then its areas with their names in `lang` and their topics.
std::string NetworkText(const api::NetworkReply& network, i18n::Lang lang);
// One profile, a field a line ("—" for an empty one).
std::string ProfileText(const api::Profile& profile, i18n::Lang lang);
// After `profile set`: a line saying it was saved, then ProfileText.
std::string ProfileSavedText(const api::Profile& profile, i18n::Lang lang);
// One page of search results, numbered from `offset` + 1, then "N–M of TOTAL"
// and, when there are more, how to get the next page. A friendly line when
// nothing matches.
std::string DirectoryText(const api::DirectoryPage& page, std::uint32_t offset, i18n::Lang lang);

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
