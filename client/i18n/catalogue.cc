#include "client/i18n/catalogue.h"

#include <cstdlib>

namespace parley::client::i18n {

const Messages& MessagesFor(Lang lang) {
  return lang == Lang::kRu ? RussianMessages() : EnglishMessages();
}

std::string Format(std::string_view pattern, const Params& params) {
  std::string out;
  out.reserve(pattern.size());
  std::size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] == '{') {
      std::size_t close = pattern.find('}', i + 1);
      if (close != std::string_view::npos) {
        std::string_view name = pattern.substr(i + 1, close - i - 1);
        bool replaced = false;
        for (const auto& [param, value] : params) {
          if (param == name) {
            out += value;
            replaced = true;
            break;
          }
        }
        if (replaced) {
          i = close + 1;
          continue;
        }
      }
    }
    out += pattern[i++];
  }
  return out;
}

std::set<std::string> Placeholders(std::string_view pattern) {
  std::set<std::string> names;
  std::size_t i = 0;
  while ((i = pattern.find('{', i)) != std::string_view::npos) {
    std::size_t close = pattern.find('}', i + 1);
    if (close == std::string_view::npos) break;
    std::string_view name = pattern.substr(i + 1, close - i - 1);
    bool is_name = !name.empty();
    for (char c : name) {
      if (!((c >= 'a' && c <= 'z') || c == '_')) is_name = false;
    }
    if (is_name) names.emplace(name);
    i = close + 1;
  }
  return names;
}

std::string Text(Lang lang, std::string_view key, const Params& params) {
  const Messages& messages = MessagesFor(lang);
  if (auto it = messages.find(key); it != messages.end()) return Format(it->second, params);
  if (auto it = EnglishMessages().find(key); it != EnglishMessages().end()) {
    return Format(it->second, params);
  }
  return std::string(key);
}

std::optional<Lang> ParseLang(std::string_view value) {
  if (value == "en") return Lang::kEn;
  if (value == "ru") return Lang::kRu;
  return std::nullopt;
}

Lang LangFromLocale(std::string_view locale) {
  return locale.substr(0, 2) == "ru" ? Lang::kRu : Lang::kEn;
}

Lang SelectLang(std::string_view flag, const GetEnv& getenv) {
  if (auto lang = ParseLang(flag)) return *lang;
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = getenv(name);
    if (value != nullptr && *value != '\0') return LangFromLocale(value);
  }
  return Lang::kEn;
}

GetEnv ProcessEnv() {
  return [](const char* name) -> const char* { return std::getenv(name); };
}

}  // namespace parley::client::i18n
