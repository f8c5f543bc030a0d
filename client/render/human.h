// Human output of each reply, in the user's language. Everything that came
// from a peer or the daemon passes through render::ForTerminal. Every result
// ends with '\n'.
#pragma once

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

// "12345 67890 …" (60 digits) → three lines of four groups, each indented by
// two spaces. Anything else is returned as one indented line.
std::string SafetyNumberLines(const std::string& safety_number);

// The translated word for a state ("delivered"), trust and online flag.
std::string StateWord(api::MessageState state, i18n::Lang lang);
std::string TrustWord(api::Trust trust, i18n::Lang lang);

}  // namespace parley::client::render
