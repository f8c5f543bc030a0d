// SearchIndex: the expert directory's search, in memory.
//
// Holds the directory entries a node may show and answers
// `parley directory search [TEXT] [--state XX] [--area SLUG] [--lang xx]`:
// full text over names (both scripts), organisation, role and bio;
// case-insensitive and across scripts (every word is indexed under its
// skeleton, transliteration.h, so "Ivanova" finds "Иванова" and back); the
// last word of the text, while still being typed, also matches as a prefix.
// Every word must match (AND), and so must every filter, exactly and
// case-insensitively. Empty text with filters lists the filtered entries.
//
// Ranking: per query word, the best place it matched — a name above the
// organisation or role above the bio, a whole word above a prefix — summed
// over the words; ties go by name, then fingerprint, so pages are stable.
//
// Inside: an inverted index from skeleton to a sorted posting list of entry
// slots (each posting also says in which fields the word occurs), in a
// sorted dictionary so that a prefix is a range of it; the shortest
// prefixes, which would be the widest ranges, have merged lists of their
// own. A query starts from its rarest clause and narrows it by probing or
// by one pass over each other clause's postings, whichever is cheaper.
//
// Not thread-safe for writes: Upsert and Remove need exclusive access;
// concurrent Search calls on an unchanging index are safe (Search keeps
// no state). The entries in a SearchPage stay valid until the next Upsert
// or Remove.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "daemon/util/status.h"

namespace parley::directory {

struct DirectoryEntry {
  std::string fingerprint;  // the key: one entry per identity
  std::string name_latin;
  std::string name_cyrillic;
  std::string state;  // ISO 3166-1 alpha-2
  std::string org;
  std::string role;
  std::string bio;
  std::vector<std::string> areas;      // thematic area slugs of the charter
  std::vector<std::string> languages;  // ISO 639-1
};

struct SearchQuery {
  std::string text;   // words, any script; empty lists what the filters allow
  std::string state;  // filters: empty means any
  std::string area;
  std::string language;
  std::size_t limit = 20;  // at most kMaxSearchLimit
  std::size_t offset = 0;
};

struct SearchHit {
  const DirectoryEntry* entry;
  double score;  // higher is better; only the order means anything
};

struct SearchPage {
  std::vector<SearchHit> hits;
  std::size_t total = 0;  // matches in all pages
};

// Bounds on what a query may cost; text beyond kMaxQueryBytes and words
// beyond kMaxQueryWords are ignored. Pages start at most kMaxSearchOffset
// deep (beyond it, like beyond `total`, a page is empty).
constexpr std::size_t kMaxQueryBytes = 256;
constexpr std::size_t kMaxQueryWords = 8;
constexpr std::size_t kMaxSearchLimit = 100;
constexpr std::size_t kMaxSearchOffset = 10'000;
// Bounds on what the index holds.
constexpr std::size_t kMaxDirectoryEntries = 1'000'000;
constexpr std::size_t kMaxFingerprintBytes = 128;
constexpr std::size_t kMaxFacetValues = 16;  // areas, and languages, per entry

class SearchIndex {
 public:
  SearchIndex();
  ~SearchIndex();
  SearchIndex(SearchIndex&&) noexcept;
  SearchIndex& operator=(SearchIndex&&) noexcept;

  // Adds the entry, or replaces the one with the same fingerprint (whose
  // words then no longer match). InvalidArgument for an empty or overlong
  // fingerprint or too many areas or languages; Unavailable when the index
  // holds kMaxDirectoryEntries already.
  Status Upsert(DirectoryEntry entry);
  // False when there was no such entry.
  bool Remove(std::string_view fingerprint);

  const DirectoryEntry* Find(std::string_view fingerprint) const;
  std::size_t size() const { return slot_of_.size(); }

  SearchPage Search(const SearchQuery& query) const;

 private:
  struct Record;
  struct EntryKeys;
  struct Clause;
  struct Candidate;
  // A posting is (slot << kFieldBits) | fields: sorted by slot, and it says
  // in which fields of that entry the word occurs.
  using Postings = std::vector<std::uint32_t>;
  using PostingMap = std::map<std::string, Postings, std::less<>>;

  void Reindex(std::uint32_t slot, const EntryKeys& before, const EntryKeys& after);
  bool AddWordClause(std::u32string_view word, bool prefix, std::vector<Clause>& clauses) const;
  bool AddFacetClause(char kind, std::string_view value, std::vector<Clause>& clauses) const;
  std::vector<Candidate> Evaluate(std::vector<Clause>& clauses) const;
  bool Better(const Candidate& a, const Candidate& b) const;

  std::vector<std::unique_ptr<Record>> slots_;  // null: free
  std::vector<std::uint64_t> order_heads_;      // by slot: the start of each name's sort key
  std::vector<std::uint32_t> free_slots_;
  std::unordered_map<std::string, std::uint32_t> slot_of_;  // by fingerprint
  PostingMap terms_;                                        // skeleton → postings
  PostingMap prefixes_;  // the first one or two letters of skeletons → their postings, merged
  PostingMap facets_;    // "s:uz", "a:asylum-protection", "l:ru" → postings (no fields)
};

}  // namespace parley::directory
