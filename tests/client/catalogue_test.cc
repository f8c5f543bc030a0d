// client/i18n: both languages complete and consistent, every command and
// every api ErrorCode has its sentences, language selection.
#include "client/i18n/catalogue.h"

#include <gtest/gtest.h>

#include "client/cli/commands.h"
#include "client/i18n/errors.h"

namespace parley::client::i18n {
namespace {

bool HasCyrillic(std::string_view text) {
  return text.find("\xD0") != std::string_view::npos || text.find("\xD1") != std::string_view::npos;
}

TEST(CatalogueTest, SameKeysInBothLanguages) {
  for (const auto& [key, text] : EnglishMessages()) {
    EXPECT_EQ(RussianMessages().count(key), 1u) << "missing in ru: " << key;
    EXPECT_FALSE(text.empty()) << key;
  }
  for (const auto& [key, text] : RussianMessages()) {
    EXPECT_EQ(EnglishMessages().count(key), 1u) << "missing in en: " << key;
    EXPECT_FALSE(text.empty()) << key;
  }
}

TEST(CatalogueTest, SamePlaceholdersInBothLanguages) {
  for (const auto& [key, english] : EnglishMessages()) {
    auto russian = RussianMessages().find(key);
    if (russian == RussianMessages().end()) continue;  // reported above
    EXPECT_EQ(Placeholders(english), Placeholders(russian->second)) << key;
  }
}

TEST(CatalogueTest, RussianIsActuallyRussian) {
  std::size_t translated = 0;
  for (const auto& [key, russian] : RussianMessages()) {
    if (HasCyrillic(russian)) ++translated;
  }
  // Only a handful are language-neutral ("ID", "parley {version}", ...).
  EXPECT_GE(translated + 3, RussianMessages().size());
  EXPECT_TRUE(HasCyrillic(Text(Lang::kRu, "error.no_daemon", {{"home", "/h"}})));
}

TEST(CatalogueTest, EveryCommandHasHelpInBothLanguages) {
  for (const auto& command : cli::CommandTable()) {
    for (const Messages* messages : {&EnglishMessages(), &RussianMessages()}) {
      EXPECT_EQ(messages->count(command.HelpKey()), 1u) << command.HelpKey();
      EXPECT_EQ(messages->count(command.SummaryKey()), 1u) << command.SummaryKey();
    }
    EXPECT_NE(command.handler, nullptr) << command.name;
  }
}

TEST(CatalogueTest, EveryApiErrorCodeHasASentenceInBothLanguages) {
  const auto* descriptor = api::ErrorCode_descriptor();
  ASSERT_GT(descriptor->value_count(), 10);
  for (int i = 0; i < descriptor->value_count(); ++i) {
    const auto code = static_cast<api::ErrorCode>(descriptor->value(i)->number());
    const ErrorSentence sentence = SentenceFor(code);
    for (const Messages* messages : {&EnglishMessages(), &RussianMessages()}) {
      ASSERT_EQ(messages->count(sentence.key), 1u) << sentence.key;
      ASSERT_EQ(messages->count(sentence.key_without_detail), 1u) << sentence.key_without_detail;
      if (!sentence.placeholder.empty()) {
        EXPECT_EQ(Placeholders(messages->at(sentence.key)).count(std::string(sentence.placeholder)),
                  1u)
            << sentence.key;
      }
    }
    if (code == api::OK) continue;
    EXPECT_EQ(ErrorCodeName(code), [&] {
      std::string name = descriptor->value(i)->name();
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return name;
    }());
  }
}

TEST(CatalogueTest, DaemonFailureFillsTheDetail) {
  api::Error error;
  error.set_code(api::UNKNOWN_CONTACT);
  error.set_detail("иван");
  Failure failure = DaemonFailure(error);
  EXPECT_EQ(failure.kind, FailureKind::kDaemon);
  EXPECT_EQ(failure.code, "unknown_contact");
  EXPECT_EQ(Text(Lang::kEn, failure.key, failure.params),
            "No contact named 'иван'. See your contacts with: parley contacts list");
  EXPECT_EQ(Text(Lang::kRu, failure.key, failure.params),
            "Контакт «иван» не найден. Список контактов: parley contacts list");

  api::Error limit;
  limit.set_code(api::MESSAGE_TOO_LONG);
  limit.set_detail("65536");
  EXPECT_NE(Text(Lang::kEn, DaemonFailure(limit).key, DaemonFailure(limit).params).find("65536"),
            std::string::npos);

  api::Error future;
  future.set_code(static_cast<api::ErrorCode>(99));
  EXPECT_EQ(DaemonFailure(future).code, "error_99");
  EXPECT_EQ(DaemonFailure(future).key, "error.unknown_code");
}

TEST(CatalogueTest, FormatAndFallbacks) {
  EXPECT_EQ(Format("a {x} b {y} {z}", {{"x", "1"}, {"y", "{x}"}}), "a 1 b {x} {z}");
  EXPECT_EQ(Format("{unclosed", {{"unclosed", "v"}}), "{unclosed");
  EXPECT_EQ(Placeholders("{alias} and {home} and {alias} {Not} {}"),
            (std::set<std::string>{"alias", "home"}));
  EXPECT_EQ(Text(Lang::kRu, "no.such.key"), "no.such.key");
}

TEST(LanguageTest, FlagThenLcAllThenLcMessagesThenLang) {
  auto env = [](std::vector<std::pair<std::string, std::string>> vars) {
    auto shared = std::make_shared<decltype(vars)>(std::move(vars));
    return GetEnv([shared](const char* name) -> const char* {
      for (const auto& [key, value] : *shared) {
        if (key == name) return value.c_str();
      }
      return nullptr;
    });
  };
  EXPECT_EQ(SelectLang("", env({})), Lang::kEn);
  EXPECT_EQ(SelectLang("", env({{"LANG", "ru_RU.UTF-8"}})), Lang::kRu);
  EXPECT_EQ(SelectLang("", env({{"LANG", "ru"}})), Lang::kRu);
  EXPECT_EQ(SelectLang("", env({{"LANG", "C.UTF-8"}})), Lang::kEn);
  EXPECT_EQ(SelectLang("", env({{"LANG", "ru_RU.UTF-8"}, {"LC_MESSAGES", "en_US.UTF-8"}})),
            Lang::kEn);
  EXPECT_EQ(SelectLang("", env({{"LC_MESSAGES", "en_US"}, {"LC_ALL", "ru_UA.UTF-8"}})), Lang::kRu);
  EXPECT_EQ(SelectLang("", env({{"LC_ALL", ""}, {"LANG", "ru_RU"}})), Lang::kRu);  // empty skipped
  EXPECT_EQ(SelectLang("en", env({{"LC_ALL", "ru_RU.UTF-8"}})), Lang::kEn);
  EXPECT_EQ(SelectLang("ru", env({{"LC_ALL", "en_GB.UTF-8"}})), Lang::kRu);
  EXPECT_EQ(SelectLang("de", env({{"LANG", "ru_RU.UTF-8"}})), Lang::kRu);  // invalid flag: env
  EXPECT_FALSE(ParseLang("RU").has_value());
}

}  // namespace
}  // namespace parley::client::i18n
