#include "daemon/directory/iso_codes.h"

#include <gtest/gtest.h>

#include <string>

namespace parley::directory {
namespace {

TEST(IsoCodesTest, StatesOfThePragueProcessAreValid) {
  for (const char* code : {"UZ", "UA", "MD", "XK", "ZW", "AD", "AM", "AZ", "BY", "GE", "KZ", "KG",
                           "TJ", "TM", "RU", "TR", "RS", "BA", "MK", "AL", "ME", "CZ", "DE"}) {
    EXPECT_TRUE(IsStateCode(code)) << code;
  }
}

TEST(IsoCodesTest, OtherStateSpellingsAreInvalid) {
  for (const char* code : {"uz", "Uz", "uZ", "XX", "U", "UZB", "", " UZ", "UZ ", "EU", "UK", "SU",
                           "YU", "AA", "ZZ", "U1"}) {
    EXPECT_FALSE(IsStateCode(code)) << "'" << code << "'";
  }
}

TEST(IsoCodesTest, LanguagesOfTheRegionAreValid) {
  for (const char* code : {"ru", "en", "uz", "kk", "ky", "tg", "tk", "hy", "ka", "az", "sq", "sr",
                           "mk", "bs", "uk", "be", "ro", "de", "fr", "tr", "hr", "cs", "pl"}) {
    EXPECT_TRUE(IsLanguageCode(code)) << code;
  }
}

TEST(IsoCodesTest, OtherLanguageSpellingsAreInvalid) {
  for (const char* code : {"RU", "Ru", "xx", "rus", "r", "", " ru", "en-GB", "mo"}) {
    EXPECT_FALSE(IsLanguageCode(code)) << "'" << code << "'";
  }
}

TEST(IsoCodesTest, ASeparatorIsNeverACode) {
  // The lists are space-separated pairs; no lookup may straddle a pair.
  EXPECT_FALSE(IsStateCode("D "));
  EXPECT_FALSE(IsStateCode(" A"));
  EXPECT_FALSE(IsLanguageCode("a "));
  EXPECT_FALSE(IsLanguageCode("aa "));
}

// ISO 3166-1 has 249 alpha-2 codes; Kosovo's XK makes 250. ISO 639-1 has
// 183 (after "bh" was withdrawn in 2021).
TEST(IsoCodesTest, TheListsHaveTheirFullLength) {
  int states = 0;
  int languages = 0;
  int lower_states = 0;
  int upper_languages = 0;
  for (char a = 'A'; a <= 'Z'; ++a) {
    for (char b = 'A'; b <= 'Z'; ++b) {
      const std::string upper{a, b};
      const std::string lower{static_cast<char>(a - 'A' + 'a'), static_cast<char>(b - 'A' + 'a')};
      states += IsStateCode(upper) ? 1 : 0;
      languages += IsLanguageCode(lower) ? 1 : 0;
      lower_states += IsStateCode(lower) ? 1 : 0;
      upper_languages += IsLanguageCode(upper) ? 1 : 0;
    }
  }
  EXPECT_EQ(states, 250);
  EXPECT_EQ(languages, 183);
  EXPECT_EQ(lower_states, 0);
  EXPECT_EQ(upper_languages, 0);
}

}  // namespace
}  // namespace parley::directory
