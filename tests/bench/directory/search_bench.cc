// directory_search_bench: the expert directory's search over synthetic
// profiles (issue 3: search over 100,000 profiles, p99 under 5 ms).
//
//   directory_search_bench [--profiles N] [--queries N] [--reps N] [--seed N]
//
// Generates N realistic profiles deterministically — names in Latin and
// Cyrillic from the naming patterns of ~47 Prague Process states, ministries
// and agencies, roles, bios of ~30 words in English or Russian, 1–3 thematic
// areas and 1–3 languages — builds the index, then runs the same mix of
// queries `reps` times: surnames, first and last names, other-script and
// other-romanisation spellings, type-ahead prefixes (down to one letter),
// organisation and bio words, with and without filters, and filters alone.
// Prints the build time, latency percentiles per repetition, and
// "SUMMARY <name> median= min= max= <unit> (N=reps)" lines.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/directory/search_index.h"

namespace {

using parley::directory::DirectoryEntry;
using parley::directory::SearchIndex;
using parley::directory::SearchQuery;
using Clock = std::chrono::steady_clock;

struct Options {
  std::size_t profiles = 100'000;
  std::size_t queries = 2'000;
  int reps = 3;
  std::uint64_t seed = 20'230'627;
};

// SplitMix64: small, fast, and the same sequence on every platform.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t Below(std::size_t n) { return static_cast<std::size_t>(Next() % n); }
  // Skewed towards the front of a list, as word frequencies are.
  std::size_t Skewed(std::size_t n) {
    const double u = static_cast<double>(Next() >> 11) / 9007199254740992.0;
    return std::min(n - 1, static_cast<std::size_t>(static_cast<double>(n) * u * u));
  }
  bool Chance(int percent) { return Below(100) < static_cast<std::size_t>(percent); }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(items.size())];
  }

 private:
  std::uint64_t state_;
};

// ------------------------------------------------------------------ names

struct Pair {
  std::string latin, cyrillic;
};

// How a state's people are named: script(s) and surname endings.
enum class Naming {
  kEastSlavic,
  kCentralAsian,
  kCaucasus,
  kBalkan,
  kBulgarian,
  kTurkish,
  kWestern
};

struct State {
  const char* code;
  Naming naming;
  const char* western_suffixes;  // for kWestern: space-separated surname endings
};

const std::vector<State> kStates = {
    {"RU", Naming::kEastSlavic, ""},
    {"BY", Naming::kEastSlavic, ""},
    {"UA", Naming::kEastSlavic, ""},
    {"MD", Naming::kEastSlavic, ""},
    {"KZ", Naming::kCentralAsian, ""},
    {"KG", Naming::kCentralAsian, ""},
    {"TJ", Naming::kCentralAsian, ""},
    {"TM", Naming::kCentralAsian, ""},
    {"UZ", Naming::kCentralAsian, ""},
    {"AZ", Naming::kCaucasus, ""},
    {"AM", Naming::kCaucasus, ""},
    {"GE", Naming::kCaucasus, ""},
    {"RS", Naming::kBalkan, ""},
    {"ME", Naming::kBalkan, ""},
    {"BA", Naming::kBalkan, ""},
    {"MK", Naming::kBalkan, ""},
    {"BG", Naming::kBulgarian, ""},
    {"TR", Naming::kTurkish, ""},
    {"AL", Naming::kWestern, "aj i a"},
    {"AT", Naming::kWestern, "er mann bauer"},
    {"BE", Naming::kWestern, "ens aert s"},
    {"HR", Naming::kWestern, "ić ović ec"},
    {"CY", Naming::kWestern, "ou ides is"},
    {"CZ", Naming::kWestern, "ová ák ek"},
    {"DK", Naming::kWestern, "sen gaard"},
    {"EE", Naming::kWestern, "mets berg"},
    {"FI", Naming::kWestern, "nen la"},
    {"FR", Naming::kWestern, "et ier eau"},
    {"DE", Naming::kWestern, "er mann ner"},
    {"GR", Naming::kWestern, "opoulos akis ou"},
    {"HU", Naming::kWestern, "i ás ó"},
    {"IE", Naming::kWestern, "an ey"},
    {"IT", Naming::kWestern, "i etti ini"},
    {"LV", Naming::kWestern, "s is ša"},
    {"LT", Naming::kWestern, "as aitė ienė"},
    {"LU", Naming::kWestern, "er en"},
    {"MT", Naming::kWestern, "a u"},
    {"NL", Naming::kWestern, "sma ink"},
    {"PL", Naming::kWestern, "ski ska wicz"},
    {"PT", Naming::kWestern, "es eira"},
    {"RO", Naming::kWestern, "escu eanu u"},
    {"SK", Naming::kWestern, "ová ák"},
    {"SI", Naming::kWestern, "ič nik"},
    {"ES", Naming::kWestern, "ez ero"},
    {"SE", Naming::kWestern, "sson ström"},
    {"CH", Naming::kWestern, "er li"},
    {"NO", Naming::kWestern, "sen dal"},
};

const std::vector<Pair> kSlavicFirst = {
    {"Olena", "Олена"},         {"Maria", "Мария"},       {"Yulia", "Юлия"},
    {"Natalia", "Наталья"},     {"Olga", "Ольга"},        {"Elena", "Елена"},
    {"Tatiana", "Татьяна"},     {"Irina", "Ирина"},       {"Anna", "Анна"},
    {"Svetlana", "Светлана"},   {"Zhanna", "Жанна"},      {"Oksana", "Оксана"},
    {"Ekaterina", "Екатерина"}, {"Daria", "Дарья"},       {"Victoria", "Виктория"},
    {"Ivan", "Иван"},           {"Sergey", "Сергей"},     {"Aleksandr", "Александр"},
    {"Dmitry", "Дмитрий"},      {"Andrei", "Андрей"},     {"Mykola", "Микола"},
    {"Oleksandr", "Олександр"}, {"Vladimir", "Владимир"}, {"Pavel", "Павел"},
    {"Yevgeny", "Евгений"},     {"Mikhail", "Михаил"},    {"Alexei", "Алексей"},
    {"Igor", "Игорь"},          {"Yuriy", "Юрий"},        {"Vasile", "Василе"},
};
const std::vector<Pair> kCentralAsianFirst = {
    {"Rustam", "Рустам"},     {"Jamshid", "Джамшид"},  {"Farrukh", "Фаррух"},
    {"Bakhtiyor", "Бахтиёр"}, {"Nurlan", "Нурлан"},    {"Yerlan", "Ерлан"},
    {"Aibek", "Айбек"},       {"Timur", "Тимур"},      {"Gulnara", "Гульнара"},
    {"Aigerim", "Айгерим"},   {"Dilnoza", "Дильноза"}, {"Nigora", "Нигора"},
    {"Sherzod", "Шерзод"},    {"Zarina", "Зарина"},    {"Azamat", "Азамат"},
    {"Kairat", "Кайрат"},     {"Madina", "Мадина"},    {"Shakhlo", "Шахло"},
};
const std::vector<Pair> kCaucasusFirst = {
    {"Giorgi", "Гиорги"}, {"Davit", "Давит"},   {"Nino", "Нино"},     {"Ani", "Ани"},
    {"Armen", "Армен"},   {"Tigran", "Тигран"}, {"Mariam", "Мариам"}, {"Elchin", "Эльчин"},
    {"Rashad", "Рашад"},  {"Vusal", "Вусал"},   {"Leyla", "Лейла"},   {"Aynur", "Айнур"},
};
const std::vector<Pair> kBalkanFirst = {
    {"Jelena", "Јелена"}, {"Milica", "Милица"}, {"Ana", "Ана"},     {"Ivana", "Ивана"},
    {"Milan", "Милан"},   {"Nikola", "Никола"}, {"Marko", "Марко"}, {"Stefan", "Стефан"},
    {"Dragan", "Драган"}, {"Saša", "Саша"},     {"Đorđe", "Ђорђе"}, {"Snežana", "Снежана"},
};
const std::vector<std::string> kWesternFirst = {
    "Thomas",  "Anna",   "Lukas", "Sophie", "Marco",  "Giulia", "Jan",    "Katarzyna",
    "Piotr",   "Eva",    "Peter", "Maria",  "Jean",   "Claire", "Javier", "Lucia",
    "Miguel",  "Ines",   "Erik",  "Ingrid", "Mikael", "Annika", "Janis",  "Laura",
    "Andrius", "Ruta",   "Tamás", "Zsófia", "Nikos",  "Eleni",  "Mehmet", "Ayşe",
    "Emre",    "Zeynep", "Mihai", "Ioana",  "Luka",   "Petra",  "Klaus",  "Sinéad",
};

// Syllables for surname stems, with their Cyrillic spelling: enough of them
// for tens of thousands of distinct surnames, as a real directory has.
const std::vector<Pair> kSyllables = {
    {"ka", "ка"},  {"ra", "ра"},  {"mo", "мо"},  {"li", "ли"},    {"sha", "ша"}, {"zhu", "жу"},
    {"khi", "хи"}, {"to", "то"},  {"ne", "не"},  {"vo", "во"},    {"lo", "ло"},  {"pe", "пе"},
    {"tr", "тр"},  {"ba", "ба"},  {"ku", "ку"},  {"zne", "зне"},  {"so", "со"},  {"ko", "ко"},
    {"di", "ди"},  {"ma", "ма"},  {"ru", "ру"},  {"ga", "га"},    {"sa", "са"},  {"yu", "ю"},
    {"ya", "я"},   {"tse", "це"}, {"cha", "ча"}, {"shche", "ще"}, {"ro", "ро"},  {"bo", "бо"},
    {"da", "да"},  {"na", "на"},  {"fe", "фе"},  {"gu", "гу"},    {"le", "ле"},  {"mi", "ми"},
    {"za", "за"},  {"te", "те"},  {"ve", "ве"},  {"khu", "ху"},   {"ti", "ти"},  {"ni", "ни"},
};

struct Suffix {
  Pair male, female;
};
const std::vector<Suffix> kEastSlavicSuffixes = {
    {{"ov", "ов"}, {"ova", "ова"}},         {{"ev", "ев"}, {"eva", "ева"}},
    {{"in", "ин"}, {"ina", "ина"}},         {{"enko", "енко"}, {"enko", "енко"}},
    {{"uk", "ук"}, {"uk", "ук"}},           {{"sky", "ский"}, {"skaya", "ская"}},
    {{"ovich", "ович"}, {"ovich", "ович"}},
};
const std::vector<Suffix> kCentralAsianSuffixes = {
    {{"ov", "ов"}, {"ova", "ова"}},
    {{"bekov", "беков"}, {"bekova", "бекова"}},
    {{"aliev", "алиев"}, {"alieva", "алиева"}},
    {{"zoda", "зода"}, {"zoda", "зода"}},
    {{"uly", "улы"}, {"kyzy", "кызы"}},
};
const std::vector<Suffix> kCaucasusSuffixes = {
    {{"yan", "ян"}, {"yan", "ян"}},       {{"shvili", "швили"}, {"shvili", "швили"}},
    {{"adze", "адзе"}, {"adze", "адзе"}}, {{"zade", "заде"}, {"zade", "заде"}},
    {{"li", "ли"}, {"li", "ли"}},         {{"yev", "ев"}, {"yeva", "ева"}},
};
const std::vector<Suffix> kBalkanSuffixes = {
    {{"ić", "ић"}, {"ić", "ић"}},
    {{"ović", "овић"}, {"ović", "овић"}},
    {{"evski", "евски"}, {"evska", "евска"}},
};
const std::vector<Suffix> kBulgarianSuffixes = {
    {{"ov", "ов"}, {"ova", "ова"}},
    {{"ev", "ев"}, {"eva", "ева"}},
};

std::vector<std::string> Split(std::string_view text) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) words.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// The Latin spelling a person actually uses: passports and habits differ
// (Khasanov / Hasanov, Yulia / Iuliia), which is what the index must bridge.
std::string Romanisation(Random& random, std::string latin) {
  if (!random.Chance(20)) return latin;
  auto replace = [&](std::string_view from, std::string_view to) {
    for (std::size_t at = latin.find(from); at != std::string::npos;
         at = latin.find(from, at + to.size())) {
      latin.replace(at, from.size(), to);
    }
  };
  switch (random.Below(4)) {
    case 0:
      replace("kh", "h");
      replace("Kh", "H");
      break;
    case 1:
      replace("ya", "ia");
      replace("yu", "iu");
      replace("Yu", "Iu");
      break;
    case 2:
      replace("zh", "j");
      replace("Zh", "J");
      break;
    default:
      replace("y", "i");
      break;
  }
  return latin;
}

Pair Capitalised(Pair pair) {
  if (!pair.latin.empty() && pair.latin[0] >= 'a' && pair.latin[0] <= 'z') pair.latin[0] -= 32;
  // The first Cyrillic letter (2 bytes in UTF-8, а…я are U+0430…U+044F).
  if (pair.cyrillic.size() >= 2) {
    auto first = static_cast<unsigned char>(pair.cyrillic[0]);
    auto second = static_cast<unsigned char>(pair.cyrillic[1]);
    char32_t c = ((first & 0x1F) << 6) | (second & 0x3F);
    if (c >= 0x430 && c <= 0x44F) c -= 0x20;
    pair.cyrillic[0] = static_cast<char>(0xC0 | (c >> 6));
    pair.cyrillic[1] = static_cast<char>(0x80 | (c & 0x3F));
  }
  return pair;
}

Pair Surname(Random& random, const std::vector<Suffix>& suffixes, bool female) {
  Pair stem;
  const std::size_t syllables = 2 + random.Below(2);
  for (std::size_t i = 0; i < syllables; ++i) {
    const Pair& s = kSyllables[random.Skewed(kSyllables.size())];
    stem.latin += s.latin;
    stem.cyrillic += s.cyrillic;
  }
  const Suffix& suffix = random.Pick(suffixes);
  const Pair& end = female ? suffix.female : suffix.male;
  return Capitalised({stem.latin + end.latin, stem.cyrillic + end.cyrillic});
}

// ------------------------------------------------------------------ profiles

const std::vector<std::string> kOrgs = {
    "Ministry of Internal Affairs",
    "State Migration Service",
    "Ministry of Foreign Affairs",
    "State Border Guard Service",
    "Ministry of Labour and Social Protection",
    "National Police",
    "Migration Agency",
    "Ministry of Justice",
    "Federal Office for Migration and Refugees",
    "Directorate for Asylum and International Protection",
    "Commissariat for Refugees and Migration",
    "Agency for External Labour Migration",
    "National Employment Agency",
    "National Statistics Office",
    "Ministry of the Interior",
    "Office for Foreigners",
};
const std::vector<std::string> kOrgsRu = {
    "Министерство внутренних дел",
    "Государственная миграционная служба",
    "Пограничная служба",
    "Министерство труда и социальной защиты населения",
    "Агентство по внешней трудовой миграции",
    "Министерство иностранных дел",
};
const std::vector<std::string> kRoles = {
    "Head of Unit",       "Senior Expert",    "Deputy Director",
    "Policy Officer",     "Legal Adviser",    "Analyst",
    "Chief Specialist",   "Liaison Officer",  "Programme Manager",
    "Head of Department", "Senior Inspector", "Counsellor",
};
const std::vector<std::string> kRolesRu = {
    "Начальник отдела", "Главный специалист", "Заместитель директора",
    "Советник",         "Ведущий эксперт",    "Консультант",
};
const std::vector<std::string> kBioWords = Split(
    "migration return reintegration readmission border management asylum protection refugees "
    "labour mobility integration diaspora remittances development trafficking smuggling "
    "document security visa policy data statistics analysis cooperation capacity building "
    "training programme project legislation procedures reception seekers unaccompanied minors "
    "family reunification employment skills recognition qualifications circular seasonal "
    "workers students irregular detention alternatives voluntary assisted counselling "
    "vulnerable victims identification risk profiling biometrics registration consular "
    "services agreements negotiations partnership dialogue regional network exchange "
    "expertise evaluation monitoring research forecasting demography climate displacement "
    "resettlement relocation solidarity funding budget coordination interagency national "
    "strategy action plan implementation reform digital systems information sharing "
    "europol frontex icmpd iom unhcr eu schengen eastern partnership central asia silk "
    "routes western balkans turkey corridor transit destination origin countries");
const std::vector<std::string> kBioGlue = Split("and of the in for with on to a from at by");
const std::vector<std::string> kBioWordsRu = Split(
    "миграция возвращение реинтеграция реадмиссия граница управление убежище защита "
    "беженцы трудовая мобильность интеграция диаспора переводы развитие торговля людьми "
    "незаконный ввоз документы безопасность визы политика данные статистика анализ "
    "сотрудничество обучение программа проект законодательство процедуры приём "
    "несопровождаемые дети воссоединение семей занятость навыки признание квалификаций "
    "сезонные работники студенты задержание добровольное консультирование уязвимые жертвы "
    "идентификация регистрация консульские услуги соглашения переговоры партнёрство диалог "
    "региональная сеть обмен опытом оценка мониторинг исследования прогнозирование");
const std::vector<std::string> kBioGlueRu = Split("и в по на с для из о при");
const std::vector<std::string> kAreas = {"irregular-migration",   "return-reintegration",
                                         "legal-migration",       "integration",
                                         "migration-development", "asylum-protection"};

std::vector<std::string> Languages(Random& random, const State& state) {
  static const std::vector<std::string> kNational = {
      "ru", "be", "uk", "ro", "kk", "ky", "tg", "tk", "uz", "az", "hy", "ka",
      "sr", "sr", "bs", "mk", "bg", "tr", "sq", "de", "nl", "hr", "el", "cs",
      "da", "et", "fi", "fr", "de", "el", "hu", "ga", "it", "lv", "lt", "lb",
      "mt", "nl", "pl", "pt", "ro", "sk", "sl", "es", "sv", "de", "no"};
  const std::size_t index = static_cast<std::size_t>(&state - kStates.data());
  std::vector<std::string> languages = {kNational[index % kNational.size()]};
  if (random.Chance(70) && languages[0] != "en") languages.push_back("en");
  const bool eastern = state.naming != Naming::kWestern && state.naming != Naming::kTurkish;
  if (random.Chance(eastern ? 80 : 15) && languages[0] != "ru") languages.push_back("ru");
  if (languages.size() > 3) languages.resize(3);
  return languages;
}

std::string Bio(Random& random, bool russian) {
  const auto& words = russian ? kBioWordsRu : kBioWords;
  const auto& glue = russian ? kBioGlueRu : kBioGlue;
  std::string bio;
  const std::size_t count = 24 + random.Below(13);
  for (std::size_t i = 0; i < count; ++i) {
    if (!bio.empty()) bio.push_back(' ');
    bio += random.Chance(30) ? random.Pick(glue) : words[random.Skewed(words.size())];
    if (random.Chance(8)) bio.push_back(i + 1 == count ? '.' : ',');
  }
  return bio;
}

struct Person {
  Pair first, last;  // for building queries
};

DirectoryEntry MakeProfile(Random& random, std::size_t n, Person& person) {
  const State& state = random.Pick(kStates);
  const bool female = random.Chance(50);
  DirectoryEntry entry;
  char fingerprint[32];
  std::snprintf(fingerprint, sizeof fingerprint, "%016llx%08zx",
                static_cast<unsigned long long>(random.Next()), n);
  entry.fingerprint = fingerprint;
  entry.state = state.code;
  switch (state.naming) {
    case Naming::kEastSlavic:
      person = {random.Pick(kSlavicFirst), Surname(random, kEastSlavicSuffixes, female)};
      break;
    case Naming::kCentralAsian:
      person = {random.Pick(kCentralAsianFirst), Surname(random, kCentralAsianSuffixes, female)};
      break;
    case Naming::kCaucasus:
      person = {random.Pick(kCaucasusFirst), Surname(random, kCaucasusSuffixes, female)};
      break;
    case Naming::kBalkan:
      person = {random.Pick(kBalkanFirst), Surname(random, kBalkanSuffixes, female)};
      break;
    case Naming::kBulgarian:
      person = {random.Pick(kSlavicFirst), Surname(random, kBulgarianSuffixes, female)};
      break;
    case Naming::kTurkish:
    case Naming::kWestern: {
      const auto suffixes =
          Split(state.naming == Naming::kTurkish ? "oğlu er can" : state.western_suffixes);
      static const std::vector<Suffix> kStemOnly = {Suffix{}};
      Pair stem = Surname(random, kStemOnly, female);
      person = {{random.Pick(kWesternFirst), ""}, {stem.latin + random.Pick(suffixes), ""}};
      break;
    }
  }
  entry.name_latin = person.first.latin + " " + Romanisation(random, person.last.latin);
  if (!person.last.cyrillic.empty()) {
    entry.name_cyrillic = random.Chance(30) ? person.last.cyrillic + " " + person.first.cyrillic
                                            : person.first.cyrillic + " " + person.last.cyrillic;
  }
  const bool eastern = !person.last.cyrillic.empty();
  const bool russian = eastern && random.Chance(35);
  entry.org = russian ? random.Pick(kOrgsRu) : random.Pick(kOrgs);
  entry.role = russian ? random.Pick(kRolesRu) : random.Pick(kRoles);
  entry.bio = Bio(random, russian);
  const std::size_t areas = 1 + random.Below(3);
  for (std::size_t i = 0; i < areas; ++i) {
    const std::string& area = kAreas[random.Below(kAreas.size())];
    if (std::find(entry.areas.begin(), entry.areas.end(), area) == entry.areas.end()) {
      entry.areas.push_back(area);
    }
  }
  entry.languages = Languages(random, state);
  return entry;
}

// ------------------------------------------------------------------ queries

struct NamedQuery {
  const char* kind;
  SearchQuery query;
};

// The first `n` code points of a UTF-8 string.
std::string Prefix(std::string_view text, std::size_t n) {
  std::size_t i = 0;
  for (std::size_t seen = 0; i < text.size() && seen < n; ++seen) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  return std::string(text.substr(0, i));
}

std::vector<NamedQuery> MakeQueries(Random& random, const std::vector<Person>& people,
                                    std::size_t count) {
  std::vector<NamedQuery> queries;
  auto eastern = [&] {
    for (;;) {
      const Person& p = random.Pick(people);
      if (!p.last.cyrillic.empty()) return p;
    }
  };
  while (queries.size() < count) {
    NamedQuery q{"", {}};
    const std::size_t kind = random.Below(100);
    if (kind < 18) {
      q.kind = "surname";
      q.query.text = random.Pick(people).last.latin;
    } else if (kind < 28) {
      q.kind = "surname, other script";
      q.query.text = eastern().last.cyrillic;
    } else if (kind < 33) {
      q.kind = "surname, other romanisation";
      const Person& p = eastern();
      q.query.text = Romanisation(random, p.last.latin);
    } else if (kind < 46) {
      q.kind = "first and last name";
      const Person& p = random.Pick(people);
      q.query.text = random.Chance(30) && !p.last.cyrillic.empty()
                         ? p.first.cyrillic + " " + p.last.cyrillic
                         : p.first.latin + " " + p.last.latin;
    } else if (kind < 60) {
      q.kind = "type-ahead, 2-5 letters";
      const Person& p = random.Pick(people);
      const std::string& name =
          random.Chance(30) && !p.last.cyrillic.empty() ? p.last.cyrillic : p.last.latin;
      q.query.text = Prefix(name, 2 + random.Below(4));
    } else if (kind < 63) {
      q.kind = "type-ahead, 1 letter";
      q.query.text = Prefix(random.Pick(people).last.latin, 1);
    } else if (kind < 72) {
      q.kind = "bio or org word";
      q.query.text = random.Chance(25) ? random.Pick(kBioWordsRu) : random.Pick(kBioWords);
    } else if (kind < 78) {
      q.kind = "two topic words";
      q.query.text = random.Pick(kBioWords) + " " + random.Pick(kBioWords);
    } else if (kind < 86) {
      q.kind = "word + filters";
      q.query.text = random.Chance(50) ? random.Pick(kBioWords) : random.Pick(people).last.latin;
      q.query.state = random.Pick(kStates).code;
      if (random.Chance(50)) q.query.area = random.Pick(kAreas);
    } else if (kind < 96) {
      q.kind = "filters only";
      if (random.Chance(70)) q.query.state = random.Pick(kStates).code;
      if (random.Chance(60)) q.query.area = random.Pick(kAreas);
      if (random.Chance(40)) q.query.language = random.Chance(50) ? "en" : "ru";
    } else {
      q.kind = "name + org word + lang";
      const Person& p = random.Pick(people);
      q.query.text = p.first.latin + " ministry";
      q.query.language = "en";
    }
    if (random.Chance(10)) q.query.offset = 20 * random.Below(3);  // a later page
    queries.push_back(std::move(q));
  }
  return queries;
}

// ------------------------------------------------------------------ report

double Percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(index, values.size() - 1)];
}

void Summary(const char* name, const std::vector<double>& values, const char* unit) {
  std::printf("SUMMARY %-44s median= %10.3f min= %10.3f max= %10.3f %s (N=%zu)\n", name,
              Percentile(values, 0.5), *std::min_element(values.begin(), values.end()),
              *std::max_element(values.begin(), values.end()), unit, values.size());
}

long ResidentKiB() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
  }
  return 0;
}

double Us(Clock::duration d) { return std::chrono::duration<double, std::micro>(d).count(); }

Options Parse(int argc, char** argv) {
  Options options;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const unsigned long long value = std::strtoull(argv[i + 1], nullptr, 10);
    if (flag == "--profiles") {
      options.profiles = value;
    } else if (flag == "--queries") {
      options.queries = value;
    } else if (flag == "--reps") {
      options.reps = static_cast<int>(value);
    } else if (flag == "--seed") {
      options.seed = value;
    } else {
      std::fprintf(stderr, "usage: %s [--profiles N] [--queries N] [--reps N] [--seed N]\n",
                   argv[0]);
      std::exit(2);
    }
  }
  if (options.profiles == 0 || options.queries == 0 || options.reps <= 0) std::exit(2);
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = Parse(argc, argv);
  Random random(options.seed);

  std::vector<DirectoryEntry> profiles;
  std::vector<Person> people(options.profiles);
  profiles.reserve(options.profiles);
  for (std::size_t i = 0; i < options.profiles; ++i) {
    profiles.push_back(MakeProfile(random, i, people[i]));
  }
  std::printf("# %zu profiles, e.g. %s | %s | %s | %s | %s\n", profiles.size(),
              profiles[1].name_latin.c_str(), profiles[1].name_cyrillic.c_str(),
              profiles[1].state.c_str(), profiles[1].org.c_str(), profiles[1].role.c_str());

  const long rss_before = ResidentKiB();
  SearchIndex index;
  const auto build_start = Clock::now();
  for (const auto& profile : profiles) {
    if (!index.Upsert(profile).ok()) {
      std::fprintf(stderr, "upsert failed\n");
      return 1;
    }
  }
  const double build_ms = Us(Clock::now() - build_start) / 1000;
  const long rss_after = ResidentKiB();
  std::printf("build: %zu profiles in %.0f ms (%.1f us each), index + entries ~%ld MiB resident\n",
              index.size(), build_ms, build_ms * 1000 / static_cast<double>(index.size()),
              (rss_after - rss_before) / 1024);

  const auto queries = MakeQueries(random, people, options.queries);
  std::vector<double> medians, p90s, p99s, maxima;
  std::size_t results = 0, hits = 0;
  for (int rep = 0; rep < options.reps; ++rep) {
    std::vector<double> latencies;
    latencies.reserve(queries.size());
    struct Worst {
      double us = 0;
      const NamedQuery* query = nullptr;
      std::size_t total = 0;
    } worst;
    for (const auto& q : queries) {
      const auto start = Clock::now();
      const auto page = index.Search(q.query);
      const double us = Us(Clock::now() - start);
      latencies.push_back(us);
      results += page.total;
      hits += page.hits.size();
      if (us > worst.us) worst = {us, &q, page.total};
    }
    medians.push_back(Percentile(latencies, 0.5));
    p90s.push_back(Percentile(latencies, 0.9));
    p99s.push_back(Percentile(latencies, 0.99));
    maxima.push_back(Percentile(latencies, 1.0));
    std::printf(
        "rep %d: %zu queries, median %.1f us, p90 %.1f us, p99 %.1f us, max %.1f us "
        "(slowest: %s \"%s\" state=%s area=%s lang=%s, %zu results)\n",
        rep + 1, queries.size(), medians.back(), p90s.back(), p99s.back(), maxima.back(),
        worst.query->kind, worst.query->query.text.c_str(), worst.query->query.state.c_str(),
        worst.query->query.area.c_str(), worst.query->query.language.c_str(), worst.total);
  }

  // Per kind, over the last repetition's order of queries (one more pass).
  std::vector<std::pair<std::string, std::vector<double>>> by_kind;
  for (const auto& q : queries) {
    const auto start = Clock::now();
    const auto page = index.Search(q.query);
    const double us = Us(Clock::now() - start);
    results += page.total;
    auto it = std::find_if(by_kind.begin(), by_kind.end(),
                           [&](const auto& k) { return k.first == q.kind; });
    if (it == by_kind.end()) it = by_kind.insert(by_kind.end(), {q.kind, {}});
    it->second.push_back(us);
  }
  for (const auto& [kind, values] : by_kind) {
    std::printf("  %-30s n=%4zu median %7.1f us  p99 %7.1f us  max %7.1f us\n", kind.c_str(),
                values.size(), Percentile(values, 0.5), Percentile(values, 0.99),
                Percentile(values, 1.0));
  }

  // Replacing profiles in the full index, as sync does.
  std::vector<double> upserts;
  for (std::size_t i = 0; i < 1'000; ++i) {
    DirectoryEntry changed = profiles[random.Below(profiles.size())];
    changed.bio = Bio(random, false);
    const auto start = Clock::now();
    if (!index.Upsert(std::move(changed)).ok()) return 1;
    upserts.push_back(Us(Clock::now() - start));
  }
  std::printf("upsert of a changed profile: median %.1f us, p99 %.1f us, max %.1f us\n",
              Percentile(upserts, 0.5), Percentile(upserts, 0.99), Percentile(upserts, 1.0));
  std::printf("results counted: %zu (hits returned: %zu)\n", results, hits);

  Summary("directory_build_ms", {build_ms}, "ms");
  Summary("search_median_us", medians, "us");
  Summary("search_p90_us", p90s, "us");
  Summary("search_p99_us", p99s, "us");
  Summary("search_max_us", maxima, "us");
  Summary("upsert_p99_us", {Percentile(upserts, 0.99)}, "us");
  return 0;
}
