// The message catalogue: every user-facing sentence of parley, in English and
// Russian, looked up by a stable key ("error.unknown_contact", "help.send").
//
// Sentences carry named placeholders ("{alias}", "{home}") that Text() fills
// in; both languages of a key use exactly the same placeholder set
// (tests/client/catalogue_test.cc checks it).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley::client::i18n {

enum class Lang { kEn, kRu };

using Messages = std::map<std::string_view, std::string_view>;
using Params = std::vector<std::pair<std::string, std::string>>;  // placeholder → value
// How the environment is read (injectable for tests): returns nullptr when unset.
using GetEnv = std::function<const char*(const char*)>;

const Messages& EnglishMessages();  // messages_en.cc
const Messages& RussianMessages();  // messages_ru.cc
const Messages& MessagesFor(Lang lang);

// The sentence `key` in `lang` with its placeholders filled from `params`.
// A key missing from `lang` falls back to English, then to the key itself
// (never throws, never aborts: a missing sentence must not hide an error).
std::string Text(Lang lang, std::string_view key, const Params& params = {});

// Replaces every "{name}" in `pattern` whose name is in `params`; other braces
// are kept as they are.
std::string Format(std::string_view pattern, const Params& params);

// The placeholder names used in `pattern` ("{alias}" → "alias").
std::set<std::string> Placeholders(std::string_view pattern);

// "en" / "ru" (as given to --lang); nullopt for anything else.
std::optional<Lang> ParseLang(std::string_view value);

// A POSIX locale name ("ru_RU.UTF-8", "ru", "C.UTF-8") → Russian for ru*,
// English for everything else.
Lang LangFromLocale(std::string_view locale);

// --lang if valid, else the first non-empty of LC_ALL, LC_MESSAGES, LANG.
Lang SelectLang(std::string_view flag, const GetEnv& getenv);

// The process environment, for SelectLang and friends.
GetEnv ProcessEnv();

}  // namespace parley::client::i18n
