#include "daemon/directory/transliteration.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>

namespace parley::directory {
namespace {

// ------------------------------------------------------------------ UTF-8

// Calls emit(code_point) for every well-formed UTF-8 sequence of `text`, in
// order, until emit returns false. Ill-formed bytes (stray continuation
// bytes, overlong forms, surrogates, values above U+10FFFF, sequences cut
// short) are skipped one byte at a time, so the work is linear and every
// input, however hostile, yields some sequence of valid code points.
template <typename Emit>
void DecodeUtf8(std::string_view text, Emit&& emit) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t i = 0;
  while (i < size) {
    const unsigned char lead = bytes[i];
    if (lead < 0x80) {
      if (!emit(static_cast<char32_t>(lead))) return;
      ++i;
      continue;
    }
    std::size_t length = 0;
    char32_t code_point = 0;
    unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
      code_point = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      code_point = lead & 0x0F;
      if (lead == 0xE0) low = 0xA0;   // overlong
      if (lead == 0xED) high = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      code_point = lead & 0x07;
      if (lead == 0xF0) low = 0x90;   // overlong
      if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
    } else {
      ++i;
      continue;
    }
    bool well_formed = size - i >= length;
    for (std::size_t k = 1; well_formed && k < length; ++k) {
      const unsigned char next = bytes[i + k];
      const unsigned char min = k == 1 ? low : 0x80, max = k == 1 ? high : 0xBF;
      well_formed = next >= min && next <= max;
      code_point = (code_point << 6) | (next & 0x3F);
    }
    if (!well_formed) {
      ++i;
      continue;
    }
    if (!emit(code_point)) return;
    i += length;
  }
}

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// ------------------------------------------------------------------ case

bool IsOdd(char32_t c) { return (c & 1) != 0; }

// Simple (one to one) lowercasing for the scripts of the Prague Process
// states; code points of other scripts come back unchanged.
char32_t ToLower(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 0x20 : c;
  if (c < 0x100) return c >= 0xC0 && c <= 0xDE && c != 0xD7 ? c + 0x20 : c;
  if (c < 0x180) {                // Latin Extended-A: upper/lower pairs, with a few exceptions
    if (c == 0x130) return U'i';  // Turkish dotted İ
    if (c == 0x131 || c == 0x138 || c == 0x149 || c == 0x17F) return c;
    if (c == 0x178) return 0xFF;  // Ÿ
    const bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (odd_upper) return IsOdd(c) ? c + 1 : c;
    return IsOdd(c) ? c : c + 1;
  }
  if (c == 0x18F) return 0x259;                                 // Azerbaijani Ə
  if (c >= 0x218 && c <= 0x21B) return IsOdd(c) ? c : c + 1;    // Romanian Ș Ț
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 0x20;  // Greek
  if (c == 0x386) return 0x3AC;
  if (c >= 0x388 && c <= 0x38A) return c + 0x25;
  if (c == 0x38C) return 0x3CC;
  if (c == 0x38E || c == 0x38F) return c + 0x3F;
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;  // Ѐ … Џ
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;  // А … Я
  if (c >= 0x460 && c <= 0x4FF) {
    if (c == 0x4C0) return 0x4CF;  // palochka
    if (c >= 0x4C1 && c <= 0x4CE) return IsOdd(c) ? c + 1 : c;
    if ((c >= 0x460 && c <= 0x481) || c >= 0x48A) return IsOdd(c) ? c : c + 1;
    return c;
  }
  if (c >= 0x500 && c <= 0x52F) return IsOdd(c) ? c : c + 1;  // Cyrillic Supplement
  if (c >= 0x531 && c <= 0x556) return c + 0x30;              // Armenian
  if ((c >= 0x1C90 && c <= 0x1CBA) || (c >= 0x1CBD && c <= 0x1CBF)) {
    return c - 0x1C90 + 0x10D0;  // Georgian Mtavruli → Mkhedruli
  }
  if (c == 0x1E9E) return 0xDF;  // capital ẞ
  if (c >= 0x1E00 && c <= 0x1EFF && !(c >= 0x1E96 && c <= 0x1E9F)) return IsOdd(c) ? c : c + 1;
  return c;
}

// ------------------------------------------------------------------ letters

// Lowercase Latin letters with diacritics: how they look without them
// (`fold`, for FoldCase) and what they sound like in a romanisation that
// the skeleton rules understand (`sound`). č, ş, ž are "c", "s", "z" to the
// eye but ч, ш, ж to the ear, so Čerkez meets Черкез; ə is "e" to the eye
// but Azerbaijani names are romanised with "a" (Əliyev → Aliyev, Алиев).
struct LatinLetter {
  char32_t code_point;
  const char* fold;
  const char* sound;
};
constexpr LatinLetter kLatinLetters[] = {
    {0xDF, "ss", "ss"},  {0xE0, "a", "a"},    {0xE1, "a", "a"},    {0xE2, "a", "a"},
    {0xE3, "a", "a"},    {0xE4, "a", "a"},    {0xE5, "a", "a"},    {0xE6, "ae", "ae"},
    {0xE7, "c", "ch"},   {0xE8, "e", "e"},    {0xE9, "e", "e"},    {0xEA, "e", "e"},
    {0xEB, "e", "e"},    {0xEC, "i", "i"},    {0xED, "i", "i"},    {0xEE, "i", "i"},
    {0xEF, "i", "i"},    {0xF0, "d", "d"},    {0xF1, "n", "n"},    {0xF2, "o", "o"},
    {0xF3, "o", "o"},    {0xF4, "o", "o"},    {0xF5, "o", "o"},    {0xF6, "o", "o"},
    {0xF8, "o", "o"},    {0xF9, "u", "u"},    {0xFA, "u", "u"},    {0xFB, "u", "u"},
    {0xFC, "u", "u"},    {0xFD, "y", "y"},    {0xFE, "th", "th"},  {0xFF, "y", "y"},
    {0x101, "a", "a"},   {0x103, "a", "a"},   {0x105, "a", "a"},   {0x107, "c", "ch"},
    {0x109, "c", "ch"},  {0x10B, "c", "ch"},  {0x10D, "c", "ch"},  {0x10F, "d", "d"},
    {0x111, "d", "dzh"}, {0x113, "e", "e"},   {0x115, "e", "e"},   {0x117, "e", "e"},
    {0x119, "e", "e"},   {0x11B, "e", "e"},   {0x11D, "g", "g"},   {0x11F, "g", "g"},
    {0x121, "g", "g"},   {0x123, "g", "g"},   {0x125, "h", "h"},   {0x127, "h", "h"},
    {0x129, "i", "i"},   {0x12B, "i", "i"},   {0x12D, "i", "i"},   {0x12F, "i", "i"},
    {0x131, "i", "i"},   {0x133, "ij", "i"},  {0x135, "j", "zh"},  {0x137, "k", "k"},
    {0x138, "k", "k"},   {0x13A, "l", "l"},   {0x13C, "l", "l"},   {0x13E, "l", "l"},
    {0x140, "l", "l"},   {0x142, "l", "l"},   {0x144, "n", "n"},   {0x146, "n", "n"},
    {0x148, "n", "n"},   {0x149, "n", "n"},   {0x14B, "n", "n"},   {0x14D, "o", "o"},
    {0x14F, "o", "o"},   {0x151, "o", "o"},   {0x153, "oe", "oe"}, {0x155, "r", "r"},
    {0x157, "r", "r"},   {0x159, "r", "rzh"}, {0x15B, "s", "sh"},  {0x15D, "s", "sh"},
    {0x15F, "s", "sh"},  {0x161, "s", "sh"},  {0x163, "t", "ts"},  {0x165, "t", "t"},
    {0x167, "t", "t"},   {0x169, "u", "u"},   {0x16B, "u", "u"},   {0x16D, "u", "u"},
    {0x16F, "u", "u"},   {0x171, "u", "u"},   {0x173, "u", "u"},   {0x175, "w", "w"},
    {0x177, "y", "y"},   {0x17A, "z", "zh"},  {0x17C, "z", "zh"},  {0x17E, "z", "zh"},
    {0x17F, "s", "s"},   {0x219, "s", "sh"},  {0x21B, "t", "ts"},  {0x259, "e", "a"},
};

const LatinLetter* FindLatinLetter(char32_t c) {
  auto it = std::lower_bound(std::begin(kLatinLetters), std::end(kLatinLetters), c,
                             [](const LatinLetter& l, char32_t v) { return l.code_point < v; });
  return it != std::end(kLatinLetters) && it->code_point == c ? &*it : nullptr;
}

// Romanisation of lowercase Cyrillic, close to the BGN/PCGN and passport
// practice the skeleton rules expect: х is "kh", ц "ts", щ "shch", soft and
// hard signs vanish. Never "j" or "x", which the rules read as ambiguous
// Latin: Serbian ј is "y" and Macedonian ѓ "gy" for that reason.
constexpr std::array<const char*, 32> kRussianLetters = {
    "a", "b", "v", "g", "d", "e",  "zh", "z",  "i",  "y",    "k", "l", "m", "n", "o",  "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "",  "y", "",  "e", "yu", "ya"};
constexpr std::array<const char*, 16> kCyrillicExtraLetters = {  // U+0450 … U+045F
    "e", "yo", "dzh", "gy", "ye", "dz", "i", "yi", "y", "ly", "ny", "ch", "ky", "i", "u", "dzh"};

struct CyrillicLetter {
  char32_t code_point;
  const char* sound;
};
// Ukrainian ґ, and the letters of Kazakh, Kyrgyz, Tajik, Uzbek, Azerbaijani
// and Tatar Cyrillic that names of the region use.
constexpr CyrillicLetter kCyrillicLetters[] = {
    {0x491, "g"},   {0x493, "g"}, {0x495, "g"},  {0x497, "zh"}, {0x499, "z"},  {0x49B, "k"},
    {0x49D, "g"},   {0x49F, "k"}, {0x4A1, "k"},  {0x4A3, "n"},  {0x4A5, "n"},  {0x4AB, "s"},
    {0x4AD, "t"},   {0x4AF, "u"}, {0x4B1, "u"},  {0x4B3, "h"},  {0x4B5, "ts"}, {0x4B7, "dzh"},
    {0x4B9, "dzh"}, {0x4BB, "h"}, {0x4BD, "ch"}, {0x4BF, "ch"}, {0x4C2, "zh"}, {0x4C4, "k"},
    {0x4C8, "n"},   {0x4CF, ""},  {0x4D1, "a"},  {0x4D3, "a"},  {0x4D5, "ae"}, {0x4D7, "e"},
    {0x4D9, "a"},   {0x4DB, "a"}, {0x4DD, "zh"}, {0x4DF, "dz"}, {0x4E1, "dz"}, {0x4E3, "i"},
    {0x4E5, "i"},   {0x4E7, "o"}, {0x4E9, "o"},  {0x4EB, "o"},  {0x4ED, "e"},  {0x4EF, "u"},
    {0x4F1, "u"},   {0x4F3, "u"}, {0x4F5, "ch"}, {0x4F7, "g"},  {0x4F9, "y"},
};

// The romanisation of a lowercase Cyrillic letter, or nullptr.
const char* CyrillicSound(char32_t c) {
  if (c >= 0x430 && c <= 0x44F) return kRussianLetters[c - 0x430];
  if (c >= 0x450 && c <= 0x45F) return kCyrillicExtraLetters[c - 0x450];
  auto it = std::lower_bound(std::begin(kCyrillicLetters), std::end(kCyrillicLetters), c,
                             [](const CyrillicLetter& l, char32_t v) { return l.code_point < v; });
  return it != std::end(kCyrillicLetters) && it->code_point == c ? it->sound : nullptr;
}

enum class CharKind {
  kLetter,     // part of a word (letters of any script, ASCII digits)
  kJoiner,     // apostrophes: inside a word, dropped without splitting it
  kMark,       // combining marks and variation selectors: composed or dropped
  kSeparator,  // everything else ends a word
};

// Classifies a lowercased code point. Without Unicode's tables, "letter"
// means "not known to be punctuation, a symbol or a space": good enough for
// names and prose, and it never splits a word of a script we do not know.
CharKind Classify(char32_t c) {
  if (c < 0x80) {
    if ((c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9')) return CharKind::kLetter;
    return c == U'\'' || c == U'`' ? CharKind::kJoiner : CharKind::kSeparator;
  }
  if (c < 0xC0) return c == 0xB4 ? CharKind::kJoiner : CharKind::kSeparator;  // ´
  if (c == 0xD7 || c == 0xF7) return CharKind::kSeparator;                    // × ÷
  if (c >= 0x2B0 && c <= 0x2FF) return CharKind::kJoiner;                     // ʻ ʼ ˈ …
  if (c >= 0x300 && c <= 0x36F) return CharKind::kMark;
  if (c == 0x37E || c == 0x387) return CharKind::kSeparator;  // Greek ; and ·
  if (c >= 0x483 && c <= 0x489) return CharKind::kMark;       // Cyrillic combining
  if ((c >= 0x55A && c <= 0x55F) || c == 0x589 || c == 0x58A) return CharKind::kSeparator;
  if (c == 0x10FB) return CharKind::kSeparator;  // Georgian paragraph separator
  if (c == 0x2018 || c == 0x2019 || c == 0x201B || c == 0x2032) return CharKind::kJoiner;
  if (c >= 0x2000 && c <= 0x2BFF) return CharKind::kSeparator;  // punctuation, symbols
  if (c >= 0x3000 && c <= 0x303F) return CharKind::kSeparator;  // CJK punctuation
  if (c >= 0xE000 && c <= 0xF8FF) return CharKind::kSeparator;  // private use
  if (c >= 0xFE00 && c <= 0xFE0F) return CharKind::kMark;       // variation selectors
  if (c >= 0xFE10 && c <= 0xFE6F) return CharKind::kSeparator;  // small and vertical forms
  if (c == 0xFEFF) return CharKind::kSeparator;                 // byte order mark
  if ((c >= 0xFF00 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20)) return CharKind::kSeparator;
  if (c >= 0x1F000 && c <= 0x1FFFF) return CharKind::kSeparator;  // emoji and pictographs
  if (c >= 0xE0000) return CharKind::kMark;                       // tags, selectors
  return CharKind::kLetter;
}

// Decomposed text (NFD, as some keyboards and macOS produce): a combining
// mark that changes how a name is romanised is composed with its letter
// (s + ˇ → š, и + ˘ → й); any other mark is a diacritic the skeleton drops.
char32_t Compose(char32_t letter, char32_t mark) {
  struct Composition {
    char32_t letter, mark, composed;
  };
  static constexpr Composition kCompositions[] = {
      {U'c', 0x301, 0x107},  {U'c', 0x30C, 0x10D},  {U'c', 0x327, 0xE7},   {U'r', 0x30C, 0x159},
      {U's', 0x301, 0x15B},  {U's', 0x30C, 0x161},  {U's', 0x326, 0x219},  {U's', 0x327, 0x15F},
      {U't', 0x326, 0x21B},  {U't', 0x327, 0x163},  {U'z', 0x301, 0x17A},  {U'z', 0x307, 0x17C},
      {U'z', 0x30C, 0x17E},  {0x433, 0x301, 0x453}, {0x435, 0x308, 0x451}, {0x438, 0x306, 0x439},
      {0x43A, 0x301, 0x45C}, {0x443, 0x306, 0x45E}, {0x456, 0x308, 0x457},
  };
  for (const auto& c : kCompositions) {
    if (c.letter == letter && c.mark == mark) return c.composed;
  }
  return letter;
}

// ------------------------------------------------------------------ skeleton

// The skeleton rules. After romanisation a word is ASCII (plus letters of
// scripts we do not romanise, which pass through). Each rule rewrites one
// spelling to a canonical letter, longest spelling first:
//
//   shch sch sh → s   щ, ш: German/English/Polish-style spellings of one
//                     family of sounds, and ASCII typists write š as s
//   dzh dz zh   → z   дж, ѕ, ж: Jamshid/Джамшид, Zhanna/Жанна, and ž typed as z
//   ch ts tz    → c   ч, ц: Serbian -ić/-ич/-ic, Tsoi/Цой/Choi, German tz
//   kh          → h   х: Khasanov, Hasanov, Xasanov (Uzbek), and g too below,
//                     since Ukrainian г is h (Hryhorii) and Turkic ğ/ғ varies
//   ph → f, th → t, ck → k
//
// and letter by letter: g → h (see kh), q → k (Uzbek қ), w → v (Polish,
// German), y → i (й, ы and the y of yu/ya/ye all become the one vowel class
// i, so Юлия/Yulia/Yuliya/Iuliia/Julija meet). j and x are read both ways
// before the rules run (see Readings). Then, on the output:
//   - a letter equal to the one before is dropped (Anna/Ana, Iuliia),
//   - i before e is dropped, because е is "e" in one system and "ye"/"ie"
//     in another (Yelena/Elena, Alekseyev/Alekseev, Андрієнко/Andrienko).
// Digits pass through unchanged.
struct Rule {
  std::string_view spelling;
  char canonical;
};
constexpr Rule kDigraphs[] = {
    {"shch", 's'}, {"dzh", 'z'}, {"sch", 's'}, {"sh", 's'}, {"zh", 'z'}, {"ch", 'c'}, {"kh", 'h'},
    {"ts", 'c'},   {"tz", 'c'},  {"dz", 'z'},  {"ph", 'f'}, {"th", 't'}, {"ck", 'k'},
};
constexpr std::string_view kLetterClasses = "abcdefhhijklmnopkrstuvvkiz";  // a … z

void EmitClass(std::string& out, char c) {
  if (c >= '0' && c <= '9') {
    out.push_back(c);
    return;
  }
  if (!out.empty() && out.back() == c) return;
  if (c == 'e' && !out.empty() && out.back() == 'i') {
    out.pop_back();
    if (!out.empty() && out.back() == 'e') return;
  }
  out.push_back(c);
}

// The skeleton of one romanised reading (no 'j' or 'x' left in it).
std::string SkeletonOfReading(std::string_view romanised) {
  std::string out;
  out.reserve(romanised.size());
  std::size_t i = 0;
  while (i < romanised.size()) {
    const auto byte = static_cast<unsigned char>(romanised[i]);
    if (byte >= 0x80) {  // a letter of a script we do not romanise: as it is
      out.push_back(romanised[i++]);
      continue;
    }
    bool matched = false;
    for (const auto& rule : kDigraphs) {
      if (romanised.substr(i).starts_with(rule.spelling)) {
        EmitClass(out, rule.canonical);
        i += rule.spelling.size();
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const char c = romanised[i++];
    EmitClass(out, c >= 'a' && c <= 'z' ? kLetterClasses[static_cast<std::size_t>(c - 'a')] : c);
  }
  return out;
}

// A word romanised: ASCII from Latin, Cyrillic and digits; other scripts
// as their UTF-8.
std::string Romanise(std::u32string_view word) {
  std::string out;
  out.reserve(word.size() * 2);
  for (char32_t c : word) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (const LatinLetter* latin = FindLatinLetter(c)) {
      out += latin->sound;
    } else if (const char* cyrillic = CyrillicSound(c)) {
      out += cyrillic;
    } else {
      AppendUtf8(out, c);
    }
  }
  return out;
}

// The readings of a romanised word. Latin j is й in Serbian, Croatian and
// German spelling (Julija, Jelena) but ж/дж in Uzbek and English (Jasur,
// Jamshid); x is х in Uzbek (Xasanov) but кс elsewhere (Alexander). Rather
// than guess, a word is indexed and looked up under both readings; one
// reading applies to every j (or x) of the word, so there are at most four.
std::vector<std::string> Readings(const std::string& romanised) {
  const bool has_j = romanised.find('j') != std::string::npos;
  const bool has_x = romanised.find('x') != std::string::npos;
  std::vector<std::string> readings;
  for (std::string_view j : {"y", "zh"}) {
    if (j == "zh" && !has_j) break;
    for (std::string_view x : {"ks", "kh"}) {
      if (x == "kh" && !has_x) break;
      std::string reading;
      reading.reserve(romanised.size() + 4);
      for (char c : romanised) {
        if (c == 'j') {
          reading += j;
        } else if (c == 'x') {
          reading += x;
        } else {
          reading.push_back(c);
        }
      }
      readings.push_back(std::move(reading));
    }
  }
  return readings;
}

void AddUnique(std::vector<std::string>& list, std::string value) {
  if (value.empty()) return;
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
}

}  // namespace

std::string FoldCase(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  DecodeUtf8(text, [&](char32_t c) {
    c = ToLower(c);
    if (Classify(c) == CharKind::kMark) return true;  // a diacritic on its own: stripped
    if (c >= 0x80) {
      if (const LatinLetter* latin = FindLatinLetter(c)) {
        out += latin->fold;
        return true;
      }
    }
    AppendUtf8(out, c);
    return true;
  });
  return out;
}

Words SplitWords(std::string_view text, std::size_t max_words) {
  Words result;
  std::u32string word;
  bool in_word = false;
  bool dropping = false;  // the current word is longer than kMaxWordCodePoints
  bool full = false;      // max_words reached: the rest of the text is ignored
  auto finish = [&] {
    if (!word.empty()) result.words.push_back(std::move(word));
    word.clear();
    in_word = false;
    dropping = false;
  };
  DecodeUtf8(text, [&](char32_t c) {
    c = ToLower(c);
    switch (Classify(c)) {
      case CharKind::kLetter:
        if (!in_word && result.words.size() >= max_words) {
          full = true;
          return false;
        }
        in_word = true;
        if (word.size() < kMaxWordCodePoints) {
          word.push_back(c);
        } else {
          dropping = true;
        }
        return true;
      case CharKind::kJoiner:
        return true;
      case CharKind::kMark:
        if (!word.empty() && !dropping) word.back() = Compose(word.back(), c);
        return true;
      case CharKind::kSeparator:
        finish();
        return true;
    }
    return true;
  });
  result.open_end = in_word && !full;
  finish();
  return result;
}

std::vector<std::string> WordSkeletons(std::u32string_view word) {
  std::vector<std::string> skeletons;
  for (const auto& reading : Readings(Romanise(word))) {
    AddUnique(skeletons, SkeletonOfReading(reading));
  }
  return skeletons;
}

std::vector<std::string> PrefixSkeletons(std::u32string_view word) {
  std::vector<std::string> prefixes;
  auto add = [&](std::string skeleton) {
    // A final i is absorbed if an e follows ("Dmitri" typed, "Dmitriev"
    // meant, whose skeleton has "dmitre").
    if (skeleton.size() > 1 && skeleton.back() == 'i') {
      std::string absorbed = skeleton;
      EmitClass(absorbed, 'e');
      AddUnique(prefixes, std::move(absorbed));
    }
    AddUnique(prefixes, std::move(skeleton));
  };
  for (const auto& reading : Readings(Romanise(word))) {
    add(SkeletonOfReading(reading));
    // The word may end in the first letters of a digraph: "K" may become
    // "Kh", whose skeleton starts with h, not k.
    for (const auto& rule : kDigraphs) {
      for (std::size_t typed = 1; typed < rule.spelling.size(); ++typed) {
        if (reading.ends_with(rule.spelling.substr(0, typed))) {
          std::string completed = reading.substr(0, reading.size() - typed);
          completed += rule.spelling;
          add(SkeletonOfReading(completed));
        }
      }
    }
  }
  return prefixes;
}

std::string SkeletonOf(std::string_view text) {
  std::string out;
  for (const auto& word : SplitWords(text, text.size()).words) {
    auto skeletons = WordSkeletons(word);
    if (skeletons.empty()) continue;
    if (!out.empty()) out.push_back(' ');
    out += skeletons.front();
  }
  return out;
}

bool SkeletonsMeet(std::string_view a, std::string_view b) {
  auto first = [](std::string_view text) {
    auto words = SplitWords(text, 1).words;
    return words.empty() ? std::vector<std::string>{} : WordSkeletons(words.front());
  };
  const auto left = first(a), right = first(b);
  return std::any_of(left.begin(), left.end(), [&](const std::string& s) {
    return std::find(right.begin(), right.end(), s) != right.end();
  });
}

}  // namespace parley::directory
