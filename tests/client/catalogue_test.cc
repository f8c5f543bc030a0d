// client/i18n: both languages complete and consistent, every command and
// every api ErrorCode has its sentences, language selection.
#include "client/i18n/catalogue.h"

#include <gtest/gtest.h>

#include <algorithm>

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

TEST(CatalogueTest, AFullDiskIsSaidPlainlyInBothLanguages) {
  api::Error error;
  error.set_code(api::STORAGE_FAILED);
  error.set_detail("disk full");
  const Failure failure = DaemonFailure(error);
  EXPECT_EQ(failure.code, "storage_failed");
  EXPECT_EQ(Text(Lang::kEn, failure.key, failure.params),
            "The disk of your node is full, so nothing was saved. Free some disk space on this "
            "machine and try again.");
  EXPECT_NE(Text(Lang::kRu, failure.key, failure.params).find("Диск вашего узла заполнен"),
            std::string::npos);
  error.clear_detail();  // another storage failure keeps the general sentence
  EXPECT_EQ(DaemonFailure(error).key, "error.storage_failed");
}

TEST(CatalogueTest, IntroductionErrorsSayWhatToDo) {
  api::Error unknown;
  unknown.set_code(api::UNKNOWN_INTRODUCTION);
  unknown.set_detail("42");
  Failure failure = DaemonFailure(unknown);
  EXPECT_EQ(failure.code, "unknown_introduction");
  EXPECT_EQ(Text(Lang::kEn, failure.key, failure.params),
            "No introduction 42: see parley introductions.");
  EXPECT_EQ(Text(Lang::kRu, failure.key, failure.params),
            "Знакомства с номером 42 нет: см. parley introductions.");
  unknown.set_detail("");
  EXPECT_EQ(Text(Lang::kEn, DaemonFailure(unknown).key),
            "No such introduction: see parley introductions.");

  api::Error same;
  same.set_code(api::SAME_CONTACT);
  const Failure same_failure = DaemonFailure(same);
  EXPECT_EQ(same_failure.code, "same_contact");
  EXPECT_NE(Text(Lang::kEn, same_failure.key).find("two different contacts"), std::string::npos);
  EXPECT_TRUE(HasCyrillic(Text(Lang::kRu, same_failure.key)));

  // The sentences only the introduction commands use exist in both languages.
  for (std::string_view key :
       {"error.note_too_long", "error.introduction_invalid_card",
        "error.introduction_invalid_card_plain", "usage.bad_introduction_id", "introduce.done",
        "introductions.none", "introductions.hint", "introductions.accepted",
        "introductions.accepted_plain", "introductions.accepted_hint", "introductions.declined",
        "trust.introduced_by", "col.note", "help.introductions_group"}) {
    EXPECT_EQ(EnglishMessages().count(key), 1u) << key;
    EXPECT_EQ(RussianMessages().count(key), 1u) << key;
  }
}

TEST(CatalogueTest, InvalidTaxonomyNamesTheDaemonsReasonInBothLanguages) {
  api::Error error;
  error.set_code(api::INVALID_TAXONOMY);
  error.set_detail("the area integration is removed");
  const Failure failure = DaemonFailure(error);
  EXPECT_EQ(failure.kind, FailureKind::kDaemon);
  EXPECT_EQ(failure.code, "invalid_taxonomy");
  EXPECT_EQ(Text(Lang::kEn, failure.key, failure.params),
            "The taxonomy is not valid: the area integration is removed; fix the file and try "
            "again.");
  EXPECT_EQ(Text(Lang::kRu, failure.key, failure.params),
            "Таксономия недействительна: the area integration is removed; исправьте файл и "
            "повторите попытку.");
  error.clear_detail();
  EXPECT_EQ(Text(Lang::kEn, DaemonFailure(error).key),
            "The taxonomy is not valid; fix the file and try again.");

  // The sentences only `network amend` uses exist in both languages, one line each.
  for (std::string_view key :
       {"error.not_anchor_amend", "error.taxonomy_read", "error.taxonomy_too_large",
        "error.taxonomy_not_json", "error.taxonomy_no_areas", "error.taxonomy_empty",
        "error.taxonomy_not_list", "error.taxonomy_not_object", "error.taxonomy_missing",
        "error.taxonomy_not_string", "error.taxonomy_not_bool", "usage.network_amend_nothing",
        "usage.empty_network_name", "network.amended", "help.network_group"}) {
    for (const Messages* messages : {&EnglishMessages(), &RussianMessages()}) {
      ASSERT_EQ(messages->count(key), 1u) << key;
      EXPECT_EQ(messages->at(key).find('\n'), std::string_view::npos) << key;
    }
  }
}

TEST(CatalogueTest, EveryGroupHasATitleAndItsDefaultExists) {
  for (const auto& group : cli::CommandGroups()) {
    const std::string key = "help." + std::string(group.name) + "_group";
    EXPECT_EQ(EnglishMessages().count(key), 1u) << key;
    EXPECT_EQ(RussianMessages().count(key), 1u) << key;
    if (!group.default_command.empty()) {
      EXPECT_NE(cli::FindCommand(group.default_command), nullptr) << group.default_command;
    }
    bool has_command = false;
    for (const auto& command : cli::CommandTable()) {
      if (command.name.rfind(std::string(group.name) + " ", 0) == 0) has_command = true;
    }
    EXPECT_TRUE(has_command) << group.name;
  }
}

TEST(CatalogueTest, EveryInvalidProfileFieldSaysWhatIsExpectedInBothLanguages) {
  for (std::string_view field : kProfileFields) {
    api::Error error;
    error.set_code(api::INVALID_PROFILE);
    error.set_detail(std::string(field));
    const Failure failure = DaemonFailure(error);
    EXPECT_EQ(failure.code, "invalid_profile");
    EXPECT_EQ(failure.key, "error.invalid_profile." + std::string(field));
    EXPECT_EQ(EnglishMessages().count(failure.key), 1u) << failure.key;
    EXPECT_EQ(RussianMessages().count(failure.key), 1u) << failure.key;
    // Each names the option to fix.
    const std::string option = field == "organisation" ? "--org"
                               : field == "name"       ? "--name-latin"
                                                       : "--" + std::string(field);
    std::string dashed = option;
    std::replace(dashed.begin(), dashed.end(), '_', '-');
    EXPECT_NE(Text(Lang::kEn, failure.key).find(dashed), std::string::npos) << failure.key;
    EXPECT_NE(Text(Lang::kRu, failure.key).find(dashed), std::string::npos) << failure.key;
  }
  api::Error areas;
  areas.set_code(api::INVALID_PROFILE);
  areas.set_detail("areas");
  EXPECT_NE(Text(Lang::kEn, DaemonFailure(areas).key).find("parley network"), std::string::npos);

  api::Error other;  // a field this version does not know: named in the general sentence
  other.set_code(api::INVALID_PROFILE);
  other.set_detail("photo");
  const Failure general = DaemonFailure(other);
  EXPECT_EQ(general.key, "error.invalid_profile");
  EXPECT_EQ(Text(Lang::kEn, general.key, general.params),
            "The daemon did not accept the profile field 'photo'. What each field may hold: "
            "parley help profile set");
  EXPECT_EQ(Text(Lang::kRu, general.key, general.params),
            "Демон не принял поле профиля «photo». Что можно указывать в каждом поле: parley help "
            "profile set");
  other.clear_detail();
  EXPECT_EQ(DaemonFailure(other).key, "error.invalid_profile_plain");
}

TEST(CatalogueTest, NoProfileAndNoNetwork) {
  api::Error own;
  own.set_code(api::NO_PROFILE);
  EXPECT_EQ(DaemonFailure(own).code, "no_profile");
  EXPECT_EQ(Text(Lang::kEn, DaemonFailure(own).key, DaemonFailure(own).params)
                .rfind("You have no profile yet. Set one with: parley profile set", 0),
            0u);
  EXPECT_EQ(Text(Lang::kRu, DaemonFailure(own).key, DaemonFailure(own).params)
                .rfind("У вас ещё нет профиля.", 0),
            0u);
  api::Error someone;
  someone.set_code(api::NO_PROFILE);
  someone.set_detail("иван");
  const Failure failure = DaemonFailure(someone);
  EXPECT_EQ(Text(Lang::kEn, failure.key, failure.params).rfind("иван has not published", 0), 0u);
  EXPECT_EQ(Text(Lang::kRu, failure.key, failure.params).rfind("иван ещё не опубликовал", 0), 0u);

  api::Error network;
  network.set_code(api::NO_NETWORK);
  EXPECT_EQ(DaemonFailure(network).code, "no_network");
  EXPECT_EQ(DaemonFailure(network).kind, FailureKind::kDaemon);
  for (Lang lang : {Lang::kEn, Lang::kRu}) {
    const std::string text = Text(lang, DaemonFailure(network).key);
    EXPECT_NE(text.find("parleyd --home DIR init --name NAME --charter FILE"), std::string::npos);
    EXPECT_NE(text.find("parleyd --home DIR network create --name NAME --out FILE"),
              std::string::npos);
  }
}

TEST(CatalogueTest, TrustErrorsSayWhatToDoInBothLanguages) {
  struct Case {
    api::ErrorCode code;
    std::string detail;
    std::string name;
    std::string english;  // what the English sentence starts with
  };
  const std::vector<Case> cases = {
      {api::NOT_ANCHOR, "", "not_anchor",
       "Only the network's anchor (the secretariat's node) can name or suspend contact points."},
      {api::NOT_ENDORSER, "", "not_endorser",
       "Only the network's anchor or a National Contact Point can endorse members"},
      {api::WRONG_STATE, "AM", "wrong_state", "You are the contact point of AM; maria's profile"},
      {api::WRONG_STATE, "", "wrong_state", "This contact's profile names a state"},
      {api::NOT_CONTACT_POINT, "иван", "not_contact_point",
       "'иван' is not an active contact point."},
      {api::NOT_CONTACT_POINT, "", "not_contact_point", "That contact is not an active"},
      {api::INVALID_STATE, "Armenia", "invalid_state", "'Armenia' is not a state code"},
      {api::INVALID_STATE, "", "invalid_state", "--state needs the two-letter ISO 3166 code"},
      {api::ALREADY_SUSPENDED, "иван", "already_suspended",
       "иван is already suspended as a contact point"},
      {api::ALREADY_SUSPENDED, "", "already_suspended", "That contact point is already suspended"},
  };
  for (const auto& c : cases) {
    api::Error error;
    error.set_code(c.code);
    error.set_detail(c.detail);
    Failure failure = DaemonFailure(error);
    failure.params.emplace_back("alias", "maria");  // as `endorse` adds it
    EXPECT_EQ(failure.code, c.name);
    EXPECT_EQ(failure.kind, FailureKind::kDaemon);
    const std::string english = Text(Lang::kEn, failure.key, failure.params);
    const std::string russian = Text(Lang::kRu, failure.key, failure.params);
    EXPECT_EQ(english.rfind(c.english, 0), 0u) << english;
    EXPECT_TRUE(HasCyrillic(russian)) << russian;
    for (const std::string& text : {english, russian}) {
      EXPECT_EQ(text.find('{'), std::string::npos) << text;  // every placeholder filled
      if (!c.detail.empty()) {
        EXPECT_NE(text.find(c.detail), std::string::npos) << text;
      }
      // Each says what to do: a command to run, or whom to turn to.
      const bool points_on =
          text.find("parley ") != std::string::npos || text.find("--state") != std::string::npos ||
          text.find("anchor") != std::string::npos || text.find("якорь") != std::string::npos;
      EXPECT_TRUE(points_on) << text;
    }
  }
}

TEST(CatalogueTest, RevocationErrorsSayWhatToDoInBothLanguages) {
  struct Case {
    api::ErrorCode code;
    std::string detail;
    std::string name;
    std::string english;  // the whole English sentence
  };
  const std::vector<Case> cases = {
      {api::KEY_REVOKED, "иван", "key_revoked",
       "иван's key is revoked: messages to and from it are refused. Ask them for their new "
       "card."},
      {api::KEY_REVOKED, "", "key_revoked",
       "This node's key is revoked: other nodes refuse everything it signs. Create a new node "
       "(parleyd init) and share its card."},
      {api::INVALID_REVOCATION, "bad signature", "invalid_revocation",
       "This is not a valid revocation certificate for this network (bad signature). Publish the "
       "file that 'parley revoke --export FILE' wrote on the node whose key is to be revoked."},
      {api::INVALID_REVOCATION, "", "invalid_revocation",
       "This is not a valid revocation certificate for this network. Publish the file that "
       "'parley revoke --export FILE' wrote on the node whose key is to be revoked."},
      {api::NOT_REVOKER, "maria", "not_revoker",
       "Only the network's anchor or the contact point that endorsed maria can revoke their key, "
       "and this node is neither. Ask the secretariat or that contact point (parley profile show "
       "maria shows who endorsed them)."},
      {api::NOT_REVOKER, "", "not_revoker",
       "Only the network's anchor or the contact point that endorsed that contact can revoke "
       "their key, and this node is neither. Ask the secretariat or that contact point."},
  };
  for (const auto& c : cases) {
    api::Error error;
    error.set_code(c.code);
    error.set_detail(c.detail);
    const Failure failure = DaemonFailure(error);
    EXPECT_EQ(failure.code, c.name);
    EXPECT_EQ(failure.kind, FailureKind::kDaemon);
    const std::string english = Text(Lang::kEn, failure.key, failure.params);
    const std::string russian = Text(Lang::kRu, failure.key, failure.params);
    EXPECT_EQ(english, c.english);
    EXPECT_TRUE(HasCyrillic(russian)) << russian;
    for (const std::string& text : {english, russian}) {
      EXPECT_EQ(text.find('{'), std::string::npos) << text;
      EXPECT_EQ(text.find('\n'), std::string::npos) << text;  // one line each
      if (!c.detail.empty()) {
        EXPECT_NE(text.find(c.detail), std::string::npos) << text;
      }
    }
  }
}

TEST(CatalogueTest, RevokeSentencesInBothLanguages) {
  for (const char* key :
       {"error.file_exists", "error.file_write", "error.file_read", "error.not_a_certificate",
        "error.revoke_not_confirmed", "usage.revoke_one_mode", "trust.revoked",
        "directory.trust_revoked", "revoke.exported", "revoke.done", "revoke.done_contact",
        "revoke.own_key_hint", "summary.revoke", "help.revoke"}) {
    EXPECT_EQ(EnglishMessages().count(key), 1u) << key;
    EXPECT_EQ(RussianMessages().count(key), 1u) << key;
  }
  // The warning without --yes is one line, and says how to confirm.
  for (Lang lang : {Lang::kEn, Lang::kRu}) {
    const std::string warning = Text(lang, "error.revoke_not_confirmed");
    EXPECT_EQ(warning.find('\n'), std::string::npos) << warning;
    EXPECT_NE(warning.find("parley revoke --yes"), std::string::npos) << warning;
  }
  EXPECT_EQ(Text(Lang::kEn, "trust.revoked"), "REVOKED");
  EXPECT_EQ(Text(Lang::kRu, "trust.revoked"), "ОТОЗВАН");
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
