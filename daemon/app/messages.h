// The daemon's own user-facing lines (start-up and command-line errors), in
// English and Russian. Chosen by --lang, else LC_ALL, LC_MESSAGES, LANG.
#pragma once

#include <string>
#include <string_view>

namespace parley::app {

enum class Language { kEnglish, kRussian };

Language LanguageFromEnvironment();
// "en" or "ru"; anything else keeps `fallback`.
Language ParseLanguage(std::string_view name, Language fallback);

enum class Text {
  kUsage,
  kUnknownOption,
  kMissingValue,
  kNameRequired,
  kNoHome,
  kStoreExists,
  kNoStore,
  kWrongPassphrase,
  kStoreDamaged,
  kAlreadyRunning,
  kCannotListen,
  kHomeTooLong,
  kNoPassphrase,
  kPassphraseMismatch,
  kPassphraseEmpty,
  kPassphrasePrompt,
  kPassphraseRepeat,
  kInitialized,
  kInitNext,
  kNeedsAnnounce,
  kInvalidEndpoint,
  kFailed,
  kDiskFull,
  kUnknownKdf,
  kUnknownDurability,
  kOldZmq,
  kOutRequired,
  kNotACharter,
  kNetworkCreated,
  kNetworkNext,
  kJoinedNetwork,
  kAlreadyInNetwork,
  kCannotWrite,
  kRotationNeedsNetwork,
  kRotationRevoked,
  kRotationKnown,
  kRotationLimit,
  kKeysRotated,
};

// The sentence for `text`, with {0}, {1} replaced by the arguments.
std::string Message(Language language, Text text, std::string_view arg0 = {},
                    std::string_view arg1 = {});

}  // namespace parley::app
