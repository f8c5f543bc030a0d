// Text normalisation for the expert directory's search: case folding, word
// splitting and the cross-script "skeleton" under which a name is indexed, so
// that "Ivanova" finds "Иванова", "Iuliia" finds "Юлия" and "Khasanov" finds
// "Xasanov", "Hasanov" and "Хасанов".
//
// A skeleton is a deliberately lossy phonetic key, never shown to anyone:
// Cyrillic is romanised, Latin diacritics become the sound they stand for
// (č → ch, ş → sh, ə → a), and then the spellings that different
// romanisations use for one sound collapse into one letter (the table is in
// transliteration.cc, with the reason for each row). Two words match when
// they share a skeleton; that trades a little precision for finding a person
// however their name was written.
//
// Everything here takes untrusted UTF-8: invalid bytes are skipped, work is
// bounded by the length of the input and by the limits below, and nothing
// allocates more than a small multiple of the input.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parley::directory {

// Letters of one word beyond this are ignored (in the index and in queries
// alike, so long words still meet).
constexpr std::size_t kMaxWordCodePoints = 48;

// Lowercases Latin, Cyrillic, Greek, Armenian and Georgian, and strips Latin
// diacritics by looks (č → c, ş → s, ə → e, ß → ss); other scripts are kept.
// "Čapek ИВАНОВА Ölçer" → "capek иванова olcer". Invalid UTF-8 is skipped.
std::string FoldCase(std::string_view text);

// The words of a text: runs of letters and digits, lowercased, as code
// points. Apostrophes inside a word (O'Brien, Uzbek oʻ, Ukrainian ʼ) are
// dropped rather than splitting it; decomposed accents are composed where it
// matters (c + ˇ → č) and dropped otherwise.
struct Words {
  std::vector<std::u32string> words;
  bool open_end = false;  // the text ends inside its last word (still being typed)
};
Words SplitWords(std::string_view text, std::size_t max_words);

// The skeletons of one word (as returned by SplitWords): one per reading of
// the Latin letters that romanisations use for two different sounds — j for
// й (Julija) or ж (Uzbek Jasur), x for х (Uzbek Xasanov) or кс (Alexander) —
// so at most four, primary reading first, no duplicates. Empty when the word
// has nothing to index (only soft signs, say).
std::vector<std::string> WordSkeletons(std::u32string_view word);

// The skeleton prefixes that the word a user is still typing may grow into:
// the word's own skeletons, plus those of each digraph it may be the start of
// ("K" may become "Kh", "Shc" → "Shch"), and for a skeleton ending in i the
// same with that i absorbed by an e that may follow ("Dmitri" → "Dmitriev").
// No duplicates.
std::vector<std::string> PrefixSkeletons(std::u32string_view word);

// The primary skeleton of every word of `text`, space-separated: for tests
// and diagnostics.
std::string SkeletonOf(std::string_view text);

// Whether the first words of `a` and `b` share a skeleton, i.e. a search for
// one finds the other.
bool SkeletonsMeet(std::string_view a, std::string_view b);

}  // namespace parley::directory
