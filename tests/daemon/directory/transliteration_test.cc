#include "daemon/directory/transliteration.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parley::directory {
namespace {

std::u32string Word(std::string_view text) {
  auto words = SplitWords(text, 1).words;
  return words.empty() ? std::u32string{} : words.front();
}

// Every spelling meets every other one.
void ExpectAllMeet(const std::vector<std::string>& spellings) {
  for (const auto& a : spellings) {
    for (const auto& b : spellings) {
      EXPECT_TRUE(SkeletonsMeet(a, b))
          << a << " [" << SkeletonOf(a) << "] vs " << b << " [" << SkeletonOf(b) << "]";
    }
  }
}

TEST(TransliterationTest, FoldCaseLowersLatinAndCyrillicAndStripsLatinDiacritics) {
  EXPECT_EQ(FoldCase("Čapek ИВАНОВА Ölçer"), "capek иванова olcer");
  EXPECT_EQ(FoldCase("ŞAHİN Məmmədov ŽIVKOVIĆ Straße"), "sahin memmedov zivkovic strasse");
  EXPECT_EQ(FoldCase("ІЇЄҐЎ ЈЉЊЋЏЂЃЌЅ"), "іїєґў јљњћџђѓќѕ");
  EXPECT_EQ(FoldCase("ӘҒҚҢӨҰҮҺ"), "әғқңөұүһ");
  EXPECT_EQ(FoldCase("ȘTEFAN ȚURCANU"), "stefan turcanu");
  EXPECT_EQ(FoldCase("ΑΘΗΝΑ Հայաստան"), "αθηνα հայաստան");
}

TEST(TransliterationTest, CaseDoesNotMatterInEitherScript) {
  EXPECT_EQ(SkeletonOf("ИВАНОВА"), SkeletonOf("иванова"));
  EXPECT_EQ(SkeletonOf("IVANOVA"), SkeletonOf("ivanova"));
  EXPECT_EQ(SkeletonOf("ЄВГЕНІЯ ҐОНТАР"), SkeletonOf("євгенія ґонтар"));
  EXPECT_EQ(SkeletonOf("ҚАЙРАТ ӘЛІЕВ"), SkeletonOf("қайрат әлієв"));
}

TEST(TransliterationTest, LatinAndCyrillicMeet) {
  ExpectAllMeet({"Ivanova", "Иванова", "IVANOVA", "иванова"});
  ExpectAllMeet({"Petrov", "Петров"});
  ExpectAllMeet({"Zhanna", "Жанна", "Janna"});
  ExpectAllMeet({"Shcherbakov", "Scherbakov", "Щербаков", "Ščerbakov"});
  ExpectAllMeet({"Khasanov", "Hasanov", "Xasanov", "Хасанов", "Гасанов", "Həsənov"});
  ExpectAllMeet({"Tsoi", "Цой", "Choi"});
  ExpectAllMeet({"Jamshid", "Джамшид", "Жамшид", "Dzhamshid"});
}

TEST(TransliterationTest, RomanisationVariantsMeet) {
  ExpectAllMeet({"Юлия", "Yulia", "Yuliya", "Iuliia", "Julija", "Julia", "Юлія"});
  ExpectAllMeet({"Евгений", "Evgeny", "Yevgeniy", "Evgenii", "Yevgeny"});
  ExpectAllMeet({"Елена", "Elena", "Yelena", "Jelena", "Јелена"});
  ExpectAllMeet({"Алексеев", "Alekseev", "Alekseyev", "Alexeev"});
  ExpectAllMeet({"Наталья", "Natalia", "Natalya", "Nataliia", "Наталія"});
  ExpectAllMeet({"Ольга", "Olga", "Olha"});
  ExpectAllMeet({"Алиев", "Aliyev", "Aliev", "Əliyev"});
  ExpectAllMeet({"Мамадов", "Mammadov", "Məmmədov"});
  ExpectAllMeet({"Григорий", "Hryhorii", "Grigoriy", "Григорій"});
  ExpectAllMeet({"Александр", "Alexandr", "Aleksandr"});
  ExpectAllMeet({"Alexander", "Aleksander", "Александер"});
}

TEST(TransliterationTest, BalkanSpellingsMeetWithAndWithoutDiacritics) {
  ExpectAllMeet({"Petrović", "Petrovic", "Петровић", "Petrovich", "Петрович"});
  ExpectAllMeet({"Živković", "Zivkovic", "Живковић"});
  ExpectAllMeet({"Saša", "Sasa", "Саша"});
  ExpectAllMeet({"Đorđević", "Djordjevic", "Ђорђевић"});
  ExpectAllMeet({"Ljubica", "Љубица"});
  ExpectAllMeet({"Gjorgji", "Ѓорѓи"});
}

TEST(TransliterationTest, TurkicLettersMeetTheirRussianSpelling) {
  ExpectAllMeet({"Әлиев", "Алиев"});
  ExpectAllMeet({"Ғафуров", "Гафуров", "Gafurov", "G'afurov", "Gʻafurov"});
  ExpectAllMeet({"Қосимов", "Косимов", "Qosimov", "Kosimov"});
  ExpectAllMeet({"Şahin", "Шахин", "Shahin"});
  ExpectAllMeet({"Çelik", "Челик", "Chelik"});
}

TEST(TransliterationTest, DifferentNamesStayApart) {
  EXPECT_FALSE(SkeletonsMeet("Ivanova", "Ivanov"));
  EXPECT_FALSE(SkeletonsMeet("Petrov", "Sidorov"));
  EXPECT_FALSE(SkeletonsMeet("Иванова", "Петрова"));
  EXPECT_FALSE(SkeletonsMeet("Anna", "Anton"));
  EXPECT_FALSE(SkeletonsMeet("Marina", "Maria"));
}

TEST(TransliterationTest, DecomposedAccentsAreComposed) {
  // c + combining caron, и + combining breve (NFD input).
  EXPECT_TRUE(SkeletonsMeet("Petrovic\xCC\x8C", "Petrovich"));
  EXPECT_TRUE(SkeletonsMeet("Сергеи\xCC\x86", "Сергей"));
  EXPECT_EQ(FoldCase("Cafe\xCC\x81"), "cafe");
}

TEST(TransliterationTest, SplitsWordsAtPunctuationButNotAtApostrophes) {
  auto words = SplitWords("O'Brien, Petrova-Ivanova;  Oʻzbekiston (UZ) 2024", 10);
  ASSERT_EQ(words.words.size(), 6u);
  EXPECT_EQ(words.words[0], U"obrien");
  EXPECT_EQ(words.words[1], U"petrova");
  EXPECT_EQ(words.words[2], U"ivanova");
  EXPECT_EQ(words.words[3], U"ozbekiston");
  EXPECT_EQ(words.words[4], U"uz");
  EXPECT_EQ(words.words[5], U"2024");
  EXPECT_TRUE(words.open_end);  // nothing after "2024": it may still be being typed
}

TEST(TransliterationTest, KnowsWhetherTheLastWordIsStillBeingTyped) {
  EXPECT_TRUE(SplitWords("Anna Iva", 8).open_end);
  EXPECT_FALSE(SplitWords("Anna Iva ", 8).open_end);
  EXPECT_FALSE(SplitWords("", 8).open_end);
  // Cut short by the word limit: the last word kept is complete.
  auto capped = SplitWords("one two three", 2);
  EXPECT_EQ(capped.words.size(), 2u);
  EXPECT_FALSE(capped.open_end);
}

TEST(TransliterationTest, LongWordsAreCutAtTheLimit) {
  std::string longer(200, 'a');
  auto words = SplitWords(longer + " b", 8);
  ASSERT_EQ(words.words.size(), 2u);
  EXPECT_EQ(words.words[0].size(), kMaxWordCodePoints);
  EXPECT_EQ(words.words[1], U"b");
}

TEST(TransliterationTest, InvalidUtf8IsSkippedNotTrusted) {
  // A stray continuation byte, an overlong "/", a surrogate, a value above
  // U+10FFFF, and a sequence cut short at the end.
  const std::string hostile =
      "Iva\x80nova \xC0\xAF \xED\xA0\x80 \xF4\x90\x80\x80 Пет\xD1"
      "ров \xE2\x82";
  EXPECT_EQ(FoldCase(hostile), "ivanova    петров ");
  auto words = SplitWords(hostile, 8);
  ASSERT_EQ(words.words.size(), 2u);
  EXPECT_EQ(words.words[0], U"ivanova");
  EXPECT_EQ(words.words[1], U"петров");
  EXPECT_TRUE(SkeletonsMeet(hostile, "Иванова"));
}

TEST(TransliterationTest, EveryByteStringIsHandled) {
  // All two-byte strings, and some pathological longer ones: no crash, and
  // what comes out is valid UTF-8 (FoldCase) and bounded (skeletons).
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; b += 7) {
      std::string text{static_cast<char>(a), static_cast<char>(b), 'x'};
      std::string folded = FoldCase(text);
      EXPECT_EQ(FoldCase(folded), folded);  // valid UTF-8 is a fixed point
      for (const auto& word : SplitWords(text, 4).words) {
        for (const auto& skeleton : WordSkeletons(word)) EXPECT_LE(skeleton.size(), 4 * 4 * 3u);
      }
    }
  }
  EXPECT_TRUE(SplitWords(std::string(10'000, '\xFF'), 8).words.empty());
  EXPECT_TRUE(SplitWords(std::string(10'000, '\0'), 8).words.empty());
}

TEST(TransliterationTest, AWordHasAtMostFourReadings) {
  EXPECT_EQ(WordSkeletons(Word("Ivanova")).size(), 1u);
  EXPECT_EQ(WordSkeletons(Word("Jasur")).size(), 2u);       // й or ж
  EXPECT_EQ(WordSkeletons(Word("Xasanov")).size(), 2u);     // х or кс
  EXPECT_EQ(WordSkeletons(Word("Jaxongir")).size(), 4u);    // both
  EXPECT_EQ(WordSkeletons(Word("Jjjjxxxxjx")).size(), 4u);  // still four
  EXPECT_TRUE(WordSkeletons(Word("ь")).empty());            // nothing to index
}

TEST(TransliterationTest, PrefixesCoverDigraphsStillBeingTyped) {
  auto starts = [](std::string_view typed, std::string_view full) {
    const auto fulls = WordSkeletons(Word(full));
    for (const auto& prefix : PrefixSkeletons(Word(typed))) {
      for (const auto& skeleton : fulls) {
        if (skeleton.starts_with(prefix)) return true;
      }
    }
    return false;
  };
  // Every prefix of these, as typed letter by letter, finds the whole name.
  for (std::string_view full : {"Khasanov", "Shcherbakov", "Tsvetkov", "Dzhamshid", "Dmitriev",
                                "Yuliya", "Щербаков", "Джамшид", "Алексеев"}) {
    auto word = Word(full);
    for (std::size_t n = 1; n <= word.size(); ++n) {
      std::string typed;
      // Re-encode the first n code points (the test names are Latin or Cyrillic).
      for (char32_t c : word.substr(0, n)) {
        if (c < 0x80) {
          typed.push_back(static_cast<char>(c));
        } else {
          typed.push_back(static_cast<char>(0xC0 | (c >> 6)));
          typed.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
      }
      EXPECT_TRUE(starts(typed, full)) << typed << " should lead to " << full;
    }
  }
  EXPECT_FALSE(starts("Iva", "Petrov"));
}

}  // namespace
}  // namespace parley::directory
