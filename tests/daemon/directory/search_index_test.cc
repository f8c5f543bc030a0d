#include "daemon/directory/search_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "daemon/directory/transliteration.h"

namespace parley::directory {
namespace {

DirectoryEntry Entry(std::string fingerprint, std::string name_latin, std::string name_cyrillic,
                     std::string state = "", std::string org = "", std::string role = "",
                     std::string bio = "", std::vector<std::string> areas = {},
                     std::vector<std::string> languages = {}) {
  return DirectoryEntry{std::move(fingerprint), std::move(name_latin), std::move(name_cyrillic),
                        std::move(state),       std::move(org),        std::move(role),
                        std::move(bio),         std::move(areas),      std::move(languages)};
}

class SearchIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Add(Entry("fp-ivanova", "Olena Ivanova", "", "UA", "State Migration Service", "Head of Unit",
              "Works on readmission agreements and return programmes.", {"return-reintegration"},
              {"uk", "ru", "en"}));
    Add(Entry("fp-ivanova-ru", "", "Мария Иванова", "RU", "МВД", "Советник",
              "Миграционная политика и интеграция.", {"integration"}, {"ru"}));
    Add(Entry("fp-khasanov", "", "Хасанов Рустам", "UZ", "Agency for External Labour Migration",
              "Deputy Director", "Labour mobility schemes with Korea and the EU.",
              {"legal-migration", "migration-development"}, {"uz", "ru", "en"}));
    Add(Entry("fp-yulia", "", "Юлия Щербакова", "KZ", "Ministry of Internal Affairs",
              "Chief Specialist", "Border management and document security.",
              {"irregular-migration"}, {"kk", "ru"}));
    Add(Entry("fp-zhanna", "Zhanna Petrović", "Жанна Петровић", "RS", "Commissariat for Refugees",
              "Legal Adviser", "Asylum procedures and reception of asylum seekers.",
              {"asylum-protection", "integration"}, {"sr", "en"}));
  }

  void Add(DirectoryEntry entry) { ASSERT_TRUE(index_.Upsert(std::move(entry)).ok()); }

  SearchPage Search(std::string text, std::string state = "", std::string area = "",
                    std::string language = "") {
    SearchQuery query;
    query.text = std::move(text);
    query.state = std::move(state);
    query.area = std::move(area);
    query.language = std::move(language);
    return index_.Search(query);
  }

  // The fingerprints found, in rank order.
  std::vector<std::string> Found(std::string text, std::string state = "", std::string area = "",
                                 std::string language = "") {
    std::vector<std::string> found;
    auto page = Search(std::move(text), std::move(state), std::move(area), std::move(language));
    for (const auto& hit : page.hits) found.push_back(hit.entry->fingerprint);
    EXPECT_EQ(page.total, found.size());  // every test page here is a full page
    return found;
  }

  SearchIndex index_;
};

using Fingerprints = std::vector<std::string>;

TEST_F(SearchIndexTest, FindsAcrossScriptsBothWays) {
  EXPECT_EQ(Found("Ivanova"), (Fingerprints{"fp-ivanova", "fp-ivanova-ru"}));
  EXPECT_EQ(Found("Иванова"), (Fingerprints{"fp-ivanova", "fp-ivanova-ru"}));
  EXPECT_EQ(Found("Petrovic "), Fingerprints{"fp-zhanna"});
  EXPECT_EQ(Found("Петрович "), Fingerprints{"fp-zhanna"});
  EXPECT_EQ(Found("Rustam "), Fingerprints{"fp-khasanov"});
}

TEST_F(SearchIndexTest, IsCaseInsensitiveInBothScripts) {
  for (const char* text : {"ИВАНОВА", "иванова", "IVANOVA", "ivanova", "ИвАнОвА"}) {
    EXPECT_EQ(Found(text).size(), 2u) << text;
  }
  EXPECT_EQ(Found("MIGRATION SERVICE"), Fingerprints{"fp-ivanova"});
}

TEST_F(SearchIndexTest, FindsRomanisationVariants) {
  for (const char* text : {"Yulia", "Yuliya", "Iuliia", "Julija", "ЮЛИЯ"}) {
    EXPECT_EQ(Found(text), Fingerprints{"fp-yulia"}) << text;
  }
  for (const char* text : {"Khasanov", "Hasanov", "Xasanov", "Гасанов"}) {
    EXPECT_EQ(Found(text), Fingerprints{"fp-khasanov"}) << text;
  }
  for (const char* text : {"Shcherbakova", "Scherbakova", "Ščerbakova"}) {
    EXPECT_EQ(Found(text), Fingerprints{"fp-yulia"}) << text;
  }
  EXPECT_EQ(Found("Zhanna"), Fingerprints{"fp-zhanna"});
  EXPECT_EQ(Found("Жанна"), Fingerprints{"fp-zhanna"});
}

TEST_F(SearchIndexTest, EveryWordMustMatch) {
  EXPECT_EQ(Found("Olena Ivanova"), Fingerprints{"fp-ivanova"});
  EXPECT_EQ(Found("Мария Ivanova"), Fingerprints{"fp-ivanova-ru"});
  EXPECT_TRUE(Found("Olena Petrova").empty());
  EXPECT_TRUE(Found("nobody").empty());
  EXPECT_EQ(Found("asylum reception"), Fingerprints{"fp-zhanna"});
}

TEST_F(SearchIndexTest, SearchesOrganisationRoleAndBio) {
  EXPECT_EQ(Found("Internal Affairs"), Fingerprints{"fp-yulia"});
  EXPECT_EQ(Found("deputy director"), Fingerprints{"fp-khasanov"});
  EXPECT_EQ(Found("readmission"), Fingerprints{"fp-ivanova"});
  EXPECT_EQ(Found("интеграция"), Fingerprints{"fp-ivanova-ru"});
}

TEST_F(SearchIndexTest, OnlyTheLastWordStillBeingTypedMatchesAsAPrefix) {
  EXPECT_EQ(Found("Ivan"), (Fingerprints{"fp-ivanova", "fp-ivanova-ru"}));
  EXPECT_EQ(Found("Ива"), (Fingerprints{"fp-ivanova", "fp-ivanova-ru"}));
  EXPECT_EQ(Found("Olena Iva"), Fingerprints{"fp-ivanova"});
  EXPECT_TRUE(Found("Iva Olena").empty());  // "Iva" is a finished word there
  EXPECT_TRUE(Found("Iva ").empty());       // and here
  // A digraph half typed: "Kh" → Khasanov, whose skeleton starts with h,
  // and "Shc" → Shcherbakova. Such short prefixes match other words too;
  // the name comes first.
  EXPECT_EQ(Search("K").hits.at(0).entry->fingerprint, "fp-khasanov");
  EXPECT_EQ(Search("Kh").hits.at(0).entry->fingerprint, "fp-khasanov");
  EXPECT_EQ(Search("Shc").hits.at(0).entry->fingerprint, "fp-yulia");
}

TEST_F(SearchIndexTest, FiltersAreExactAndCaseInsensitive) {
  EXPECT_EQ(Found("", "UZ"), Fingerprints{"fp-khasanov"});
  EXPECT_EQ(Found("", "uz"), Fingerprints{"fp-khasanov"});
  EXPECT_EQ(Found("", "", "integration"), (Fingerprints{"fp-zhanna", "fp-ivanova-ru"}));
  EXPECT_EQ(Found("", "", "INTEGRATION"), (Fingerprints{"fp-zhanna", "fp-ivanova-ru"}));
  EXPECT_EQ(Found("", "", "", "en"), (Fingerprints{"fp-ivanova", "fp-zhanna", "fp-khasanov"}));
  EXPECT_EQ(Found("Ivanova", "", "", "uk"), Fingerprints{"fp-ivanova"});
  EXPECT_EQ(Found("", "", "integration", "sr"), Fingerprints{"fp-zhanna"});
  EXPECT_TRUE(Found("Ivanova", "UZ").empty());
  EXPECT_TRUE(Found("", "U").empty());          // exact, not a prefix
  EXPECT_TRUE(Found("", "", "integ").empty());  // likewise
  EXPECT_TRUE(Found("", "XX").empty());         // unknown
  EXPECT_TRUE(Found("", std::string(500, 'u')).empty());
}

TEST_F(SearchIndexTest, EmptyQueryListsEveryoneByName) {
  // By the Latin name if there is one, else the Cyrillic one (Latin first).
  EXPECT_EQ(Found(""),
            (Fingerprints{"fp-ivanova", "fp-zhanna", "fp-ivanova-ru", "fp-khasanov", "fp-yulia"}));
}

TEST_F(SearchIndexTest, NamesRankAboveOrganisationAboveBioAndWholeWordsAbovePrefixes) {
  SearchIndex index;
  ASSERT_TRUE(index.Upsert(Entry("bio", "Ali Bio", "", "", "", "", "Knows Kovac well")).ok());
  ASSERT_TRUE(index.Upsert(Entry("org", "Ali Org", "", "", "Kovac Institute")).ok());
  ASSERT_TRUE(index.Upsert(Entry("name", "Anna Kovač", "")).ok());
  ASSERT_TRUE(index.Upsert(Entry("name-prefix", "Anna Kovacheva", "")).ok());
  ASSERT_TRUE(index.Upsert(Entry("role", "Ali Role", "", "", "", "Kovac liaison")).ok());
  SearchQuery query;
  query.text = "Kovac";
  std::vector<std::string> order;
  double last = 1e9;
  for (const auto& hit : index.Search(query).hits) {
    order.push_back(hit.entry->fingerprint);
    EXPECT_LE(hit.score, last);
    last = hit.score;
  }
  EXPECT_EQ(order, (Fingerprints{"name", "name-prefix", "org", "role", "bio"}));
  // A finished word does not match as a prefix at all.
  query.text = "Kovac ";
  EXPECT_EQ(index.Search(query).total, 4u);
}

TEST_F(SearchIndexTest, TiesGoByNameThenFingerprint) {
  SearchIndex index;
  for (const char* fingerprint : {"c", "a", "b"}) {
    ASSERT_TRUE(index.Upsert(Entry(fingerprint, "Lee Smith", "")).ok());
  }
  ASSERT_TRUE(index.Upsert(Entry("z", "Amy Smith", "")).ok());
  ASSERT_TRUE(index.Upsert(Entry("y", "", "Смит Борис")).ok());
  SearchQuery query;
  query.text = "Smith";
  std::vector<std::string> order;
  for (const auto& hit : index.Search(query).hits) order.push_back(hit.entry->fingerprint);
  EXPECT_EQ(order, (Fingerprints{"z", "a", "b", "c", "y"}));
}

TEST_F(SearchIndexTest, PagesAreStableAndCountTheTotal) {
  SearchIndex index;
  for (int i = 0; i < 25; ++i) {
    std::string n = std::to_string(100 + i);
    ASSERT_TRUE(index
                    .Upsert(Entry("fp" + n, "Expert " + n, "", "AM", "Migration Service",
                                  i % 2 == 0 ? "Analyst" : "", "asylum"))
                    .ok());
  }
  SearchQuery query;
  query.text = "migration";
  query.limit = 25;
  const auto all = index.Search(query);
  ASSERT_EQ(all.total, 25u);
  ASSERT_EQ(all.hits.size(), 25u);

  query.limit = 10;
  std::vector<const DirectoryEntry*> paged;
  for (std::size_t offset : {0u, 10u, 20u}) {
    query.offset = offset;
    const auto page = index.Search(query);
    EXPECT_EQ(page.total, 25u);
    EXPECT_EQ(page.hits.size(), offset == 20 ? 5u : 10u);
    for (const auto& hit : page.hits) paged.push_back(hit.entry);
  }
  ASSERT_EQ(paged.size(), 25u);
  for (std::size_t i = 0; i < paged.size(); ++i) EXPECT_EQ(paged[i], all.hits[i].entry) << i;

  query.offset = 25;
  EXPECT_TRUE(index.Search(query).hits.empty());
  EXPECT_EQ(index.Search(query).total, 25u);
  query.offset = 0;
  query.limit = 0;
  EXPECT_TRUE(index.Search(query).hits.empty());
  EXPECT_EQ(index.Search(query).total, 25u);
}

TEST_F(SearchIndexTest, LimitAndOffsetAreBounded) {
  SearchIndex index;
  for (int i = 0; i < 150; ++i) {
    ASSERT_TRUE(
        index.Upsert(Entry("fp" + std::to_string(i), "Name" + std::to_string(i), "", "DE")).ok());
  }
  SearchQuery query;
  query.state = "de";
  query.limit = 1'000'000;
  auto page = index.Search(query);
  EXPECT_EQ(page.total, 150u);
  EXPECT_EQ(page.hits.size(), kMaxSearchLimit);
  query.offset = static_cast<std::size_t>(-1);  // no overflow
  EXPECT_TRUE(index.Search(query).hits.empty());
}

TEST_F(SearchIndexTest, UpsertReplacesTheOldWords) {
  Add(Entry("fp-ivanova", "Olena Sokolova", "", "PL", "Border Guard", "", "", {"integration"},
            {"pl"}));
  EXPECT_EQ(index_.size(), 5u);
  EXPECT_EQ(Found("Ivanova"), Fingerprints{"fp-ivanova-ru"});
  EXPECT_TRUE(Found("readmission").empty());
  EXPECT_TRUE(Found("", "UA").empty());
  EXPECT_TRUE(Found("", "", "", "uk").empty());
  EXPECT_EQ(Found("Соколова"), Fingerprints{"fp-ivanova"});
  EXPECT_EQ(Found("border", "pl", "integration", "PL"), Fingerprints{"fp-ivanova"});
  EXPECT_EQ(index_.Find("fp-ivanova")->name_latin, "Olena Sokolova");
}

TEST_F(SearchIndexTest, RemoveForgetsTheEntry) {
  EXPECT_TRUE(index_.Remove("fp-khasanov"));
  EXPECT_FALSE(index_.Remove("fp-khasanov"));
  EXPECT_FALSE(index_.Remove("nobody"));
  EXPECT_EQ(index_.size(), 4u);
  EXPECT_EQ(index_.Find("fp-khasanov"), nullptr);
  EXPECT_TRUE(Found("Khasanov").empty());
  EXPECT_TRUE(Found("", "UZ").empty());
  EXPECT_EQ(Found("").size(), 4u);
  // Its slot is reused by the next entry without confusion.
  Add(Entry("fp-new", "Rustam Aliyev", "", "AZ"));
  EXPECT_EQ(Found("Rustam"), Fingerprints{"fp-new"});
  EXPECT_EQ(Found("", "AZ"), Fingerprints{"fp-new"});
  EXPECT_TRUE(Found("", "UZ").empty());
}

TEST_F(SearchIndexTest, RejectsEntriesOutsideItsBounds) {
  EXPECT_EQ(index_.Upsert(Entry("", "No Fingerprint", "")).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(index_.Upsert(Entry(std::string(kMaxFingerprintBytes + 1, 'f'), "Long", "")).code(),
            Status::Code::kInvalidArgument);
  std::vector<std::string> areas(kMaxFacetValues + 1, "integration");
  EXPECT_EQ(index_.Upsert(Entry("fp-areas", "Many Areas", "", "", "", "", "", areas)).code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(index_.Upsert(Entry("fp-state", "Long State", "", std::string(100, 's'))).code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(index_.size(), 5u);
}

TEST_F(SearchIndexTest, InvalidUtf8NeitherCrashesNorHides) {
  Add(Entry("fp-broken", "Bo\xFFris \xC0\xAFOrlov\xE2\x82", "\xED\xA0\x80Орлов", "", "\x80\x80", "",
            std::string(5000, '\xF5')));
  EXPECT_EQ(Found("Orlov"), Fingerprints{"fp-broken"});
  EXPECT_EQ(Found("Boris"), Fingerprints{"fp-broken"});
  EXPECT_EQ(Found("Ор\xFFлов"), Fingerprints{"fp-broken"});
  EXPECT_EQ(Search("\xFF\xFE").total, 5u + 1u);  // nothing searchable: lists everyone
}

TEST_F(SearchIndexTest, QueryTextAndWordsAreBounded) {
  // Words beyond kMaxQueryWords, and text beyond kMaxQueryBytes, are ignored.
  std::string words;
  for (std::size_t i = 0; i < kMaxQueryWords; ++i) words += "ivanova ";
  EXPECT_EQ(Found(words + "nomatch").size(), 2u);
  EXPECT_EQ(Found("ivanova" + std::string(kMaxQueryBytes, ' ') + "nomatch").size(), 2u);
  // A huge query costs no more than a bounded one.
  std::string huge;
  for (int i = 0; i < 100'000; ++i) huge += "a ";
  EXPECT_NO_FATAL_FAILURE(Search(huge));
}

TEST_F(SearchIndexTest, HitsCarryTheWholeEntry) {
  auto page = Search("Zhanna");
  ASSERT_EQ(page.hits.size(), 1u);
  const DirectoryEntry& entry = *page.hits[0].entry;
  EXPECT_EQ(entry.name_cyrillic, "Жанна Петровић");
  EXPECT_EQ(entry.state, "RS");
  EXPECT_EQ(entry.areas, (std::vector<std::string>{"asylum-protection", "integration"}));
  EXPECT_EQ(entry.languages, (std::vector<std::string>{"sr", "en"}));
  EXPECT_GT(page.hits[0].score, 0);
}

TEST_F(SearchIndexTest, ManyEntriesStayConsistentUnderChurn) {
  // Entries added, replaced and removed in a scrambled order; afterwards the
  // index answers exactly as one built from the survivors.
  SearchIndex churned, fresh;
  auto make = [](int i, int version) {
    return Entry("fp" + std::to_string(i),
                 "Name" + std::to_string(i % 37) + " v" + std::to_string(version), "",
                 i % 3 == 0 ? "GE" : "AM", "Org" + std::to_string(i % 11));
  };
  for (int i = 0; i < 400; ++i) ASSERT_TRUE(churned.Upsert(make((i * 7) % 400, 1)).ok());
  for (int i = 0; i < 400; i += 3) ASSERT_TRUE(churned.Upsert(make(i, 2)).ok());
  for (int i = 0; i < 400; i += 5) EXPECT_TRUE(churned.Remove("fp" + std::to_string(i)));
  for (int i = 0; i < 400; ++i) {
    if (i % 5 == 0) continue;
    ASSERT_TRUE(fresh.Upsert(make(i, i % 3 == 0 ? 2 : 1)).ok());
  }
  EXPECT_EQ(churned.size(), fresh.size());
  for (const char* text : {"", "v1", "v2", "name5", "org3 v2", "Na", "org1"}) {
    for (const char* state : {"", "GE", "AM"}) {
      SearchQuery query;
      query.text = text;
      query.state = state;
      query.limit = kMaxSearchLimit;
      auto a = churned.Search(query), b = fresh.Search(query);
      ASSERT_EQ(a.total, b.total) << text << " " << state;
      ASSERT_EQ(a.hits.size(), b.hits.size());
      for (std::size_t i = 0; i < a.hits.size(); ++i) {
        EXPECT_EQ(a.hits[i].entry->fingerprint, b.hits[i].entry->fingerprint);
        EXPECT_EQ(a.hits[i].score, b.hits[i].score);
      }
    }
  }
}

TEST_F(SearchIndexTest, AgreesWithANaiveScan) {
  // Names built from syllables in both scripts, so that short prefixes
  // (which have lists of their own) and long ones (ranges of words) are
  // both exercised; each query is checked against matching every entry's
  // skeletons one by one.
  const std::vector<std::pair<const char*, const char*>> syllables = {
      {"ka", "ка"}, {"khi", "хи"}, {"sha", "ша"}, {"zhu", "жу"}, {"to", "то"}, {"ya", "я"},
      {"li", "ли"}, {"tse", "це"}, {"ro", "ро"},  {"ga", "га"},  {"e", "е"},   {"yu", "ю"}};
  SearchIndex index;
  std::vector<DirectoryEntry> entries;
  std::uint32_t seed = 7;
  auto next = [&seed] { return (seed = seed * 1103515245u + 12345u) >> 16; };
  for (int i = 0; i < 300; ++i) {
    std::string latin, cyrillic;
    for (int s = 0; s < 2 + static_cast<int>(next() % 3); ++s) {
      const auto& syllable = syllables[next() % syllables.size()];
      latin += syllable.first;
      cyrillic += syllable.second;
    }
    entries.push_back(Entry("fp" + std::to_string(i), next() % 2 ? latin : "", cyrillic, "",
                            next() % 3 ? "Office" : "", "", next() % 4 ? "" : latin + "ov"));
    ASSERT_TRUE(index.Upsert(entries.back()).ok());
  }
  auto matches = [](const DirectoryEntry& entry, std::u32string_view word, bool prefix) {
    const auto exact = WordSkeletons(word);
    const auto starts = PrefixSkeletons(word);
    for (const std::string* field :
         {&entry.name_latin, &entry.name_cyrillic, &entry.org, &entry.role, &entry.bio}) {
      for (const auto& w : SplitWords(*field, 100).words) {
        for (const auto& skeleton : WordSkeletons(w)) {
          if (std::find(exact.begin(), exact.end(), skeleton) != exact.end()) return true;
          for (const auto& start : starts) {
            if (prefix && skeleton.starts_with(start)) return true;
          }
        }
      }
    }
    return false;
  };
  for (const char* text :
       {"k",    "K",     "kh",    "sh",       "Sha",     "ка", "Х", "zh", "ж", "t",
        "ts",   "ц",     "e",     "ye",       "Ye",      "i",  "y", "yu", "ю", "li",
        "kaya", "tseli", "kaya ", "Office k", "Office ", "ro", "g", "h",  "a", "o"}) {
    const Words words = SplitWords(text, kMaxQueryWords);
    std::size_t expected = 0;
    for (const auto& entry : entries) {
      bool all = true;
      for (std::size_t i = 0; i < words.words.size() && all; ++i) {
        all = matches(entry, words.words[i], words.open_end && i + 1 == words.words.size());
      }
      if (all) ++expected;
    }
    SearchQuery query;
    query.text = text;
    EXPECT_EQ(index.Search(query).total, expected) << "\"" << text << "\"";
  }
}

}  // namespace
}  // namespace parley::directory
