#include "daemon/directory/search_index.h"

#include <algorithm>
#include <utility>

#include "daemon/directory/transliteration.h"

namespace parley::directory {
namespace {

// A posting's low bits say in which fields of the entry its word occurs.
constexpr unsigned kFieldBits = 3;
constexpr std::uint32_t kFieldMask = (1u << kFieldBits) - 1;
constexpr std::uint32_t kNameField = 1;     // name_latin, name_cyrillic
constexpr std::uint32_t kOrgRoleField = 2;  // org, role
constexpr std::uint32_t kBioField = 4;
static_assert(kMaxDirectoryEntries < (std::size_t{1} << (32 - kFieldBits)),
              "slots must fit beside the field bits");

// How much of an entry is indexed. Profiles are bounded where they are
// decoded; these keep the index's own work per entry bounded regardless.
constexpr std::size_t kMaxNameBytes = 256;
constexpr std::size_t kMaxNameWords = 16;
constexpr std::size_t kMaxOrgRoleBytes = 512;
constexpr std::size_t kMaxOrgRoleWords = 48;
constexpr std::size_t kMaxBioBytes = 4096;
constexpr std::size_t kMaxBioWords = 640;
constexpr std::size_t kMaxFacetBytes = 64;  // a state code, area slug or language code

// Prefixes of up to this many letters have posting lists of their own: a
// word still being typed ("K", "Ka") would otherwise merge the lists of
// thousands of words on every keystroke (7 ms for "K" over 100,000
// profiles, against 0.1 ms for "Kar"). It costs about as many postings
// again as the words themselves.
constexpr std::size_t kListedPrefixLetters = 2;

// What one query word adds to an entry's score, by where it matched best:
// any name match outranks any organisation or role match, which outranks
// any bio match; within a field a whole word outranks a prefix.
std::uint32_t Weight(std::uint32_t fields, bool exact) {
  if ((fields & kNameField) != 0) return exact ? 16 : 8;
  if ((fields & kOrgRoleField) != 0) return exact ? 4 : 3;
  if ((fields & kBioField) != 0) return exact ? 2 : 1;
  return 0;
}

std::uint32_t SlotOf(std::uint32_t posting) { return posting >> kFieldBits; }

std::size_t LetterCount(std::string_view skeleton) {
  return static_cast<std::size_t>(std::count_if(skeleton.begin(), skeleton.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // not a UTF-8 continuation byte
  }));
}

// The first `letters` code points of a skeleton; empty if it has fewer.
std::string_view LeadingLetters(std::string_view skeleton, std::size_t letters) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < skeleton.size(); ++i) {
    if ((static_cast<unsigned char>(skeleton[i]) & 0xC0) != 0x80) {
      if (seen == letters) return skeleton.substr(0, i);
      ++seen;
    }
  }
  return seen == letters ? skeleton : std::string_view{};
}

std::string FacetKey(char kind, std::string_view value) {
  std::string key{kind, ':'};
  for (char c : value) key.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  return key;
}

using Keys = std::vector<std::pair<std::string, std::uint32_t>>;  // (key, fields)

// Sorts keys and merges the fields of equal ones.
Keys Merged(Keys keys) {
  std::sort(keys.begin(), keys.end());
  Keys merged;
  merged.reserve(keys.size());
  for (auto& key : keys) {
    if (!merged.empty() && merged.back().first == key.first) {
      merged.back().second |= key.second;
    } else {
      merged.push_back(std::move(key));
    }
  }
  return merged;
}

// The (skeleton, fields) pairs of an entry, sorted, one per skeleton.
Keys EntryTerms(const DirectoryEntry& entry) {
  Keys terms;
  auto add = [&](std::string_view text, std::uint32_t field, std::size_t max_bytes,
                 std::size_t max_words) {
    for (const auto& word : SplitWords(text.substr(0, max_bytes), max_words).words) {
      for (auto& skeleton : WordSkeletons(word)) terms.emplace_back(std::move(skeleton), field);
    }
  };
  add(entry.name_latin, kNameField, kMaxNameBytes, kMaxNameWords);
  add(entry.name_cyrillic, kNameField, kMaxNameBytes, kMaxNameWords);
  add(entry.org, kOrgRoleField, kMaxOrgRoleBytes, kMaxOrgRoleWords);
  add(entry.role, kOrgRoleField, kMaxOrgRoleBytes, kMaxOrgRoleWords);
  add(entry.bio, kBioField, kMaxBioBytes, kMaxBioWords);
  return Merged(std::move(terms));
}

// The short prefixes of an entry's skeletons that have their own lists.
Keys ListedPrefixes(const Keys& terms) {
  Keys prefixes;
  for (const auto& [term, fields] : terms) {
    for (std::size_t letters = 1; letters <= kListedPrefixLetters; ++letters) {
      const std::string_view prefix = LeadingLetters(term, letters);
      if (!prefix.empty()) prefixes.emplace_back(prefix, fields);
    }
  }
  return Merged(std::move(prefixes));
}

Keys EntryFacets(const DirectoryEntry& entry) {
  Keys keys;
  if (!entry.state.empty()) keys.emplace_back(FacetKey('s', entry.state), 0);
  for (const auto& area : entry.areas) keys.emplace_back(FacetKey('a', area), 0);
  for (const auto& language : entry.languages) keys.emplace_back(FacetKey('l', language), 0);
  return Merged(std::move(keys));
}

// The key entries are ordered by when their scores tie: the name as folded
// (Latin if there is one), and its first eight bytes as a number, which
// settles most comparisons without touching the entry.
std::string OrderKey(const DirectoryEntry& entry) {
  const std::string& name = entry.name_latin.empty() ? entry.name_cyrillic : entry.name_latin;
  return FoldCase(std::string_view(name).substr(0, kMaxNameBytes));
}

std::uint64_t OrderHead(std::string_view key) {
  std::uint64_t head = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    head = (head << 8) | (i < key.size() ? static_cast<unsigned char>(key[i]) : 0u);
  }
  return head;
}

template <typename Map>
void InsertPosting(Map& map, const std::string& key, std::uint32_t posting) {
  auto& list = map.try_emplace(key).first->second;
  // Slots mostly grow, so this is mostly an append.
  if (list.empty() || list.back() < posting) {
    list.push_back(posting);
  } else {
    list.insert(std::lower_bound(list.begin(), list.end(), posting), posting);
  }
}

template <typename Map>
void ErasePosting(Map& map, std::string_view key, std::uint32_t slot) {
  auto it = map.find(key);
  if (it == map.end()) return;
  auto& list = it->second;
  auto at = std::lower_bound(list.begin(), list.end(), slot << kFieldBits);
  if (at != list.end() && SlotOf(*at) == slot) list.erase(at);
  if (list.empty()) map.erase(it);
}

template <typename Map>
void SetPosting(Map& map, std::string_view key, std::uint32_t posting) {
  auto it = map.find(key);
  if (it == map.end()) return;
  auto at = std::lower_bound(it->second.begin(), it->second.end(), posting & ~kFieldMask);
  if (at != it->second.end() && SlotOf(*at) == SlotOf(posting)) *at = posting;
}

// Moves `slot` from the lists of the `before` keys to those of the `after`
// keys (both sorted). Keys in both stay where they are: a changed profile
// mostly keeps its words, and inserting into or erasing from a long list
// moves all of its tail.
template <typename Map>
void MovePostings(Map& map, std::uint32_t slot, const Keys& before, const Keys& after) {
  auto old_key = before.begin();
  auto new_key = after.begin();
  while (old_key != before.end() || new_key != after.end()) {
    if (new_key == after.end() || (old_key != before.end() && old_key->first < new_key->first)) {
      ErasePosting(map, old_key->first, slot);
      ++old_key;
    } else if (old_key == before.end() || new_key->first < old_key->first) {
      InsertPosting(map, new_key->first, (slot << kFieldBits) | new_key->second);
      ++new_key;
    } else {
      if (old_key->second != new_key->second) {
        SetPosting(map, new_key->first, (slot << kFieldBits) | new_key->second);
      }
      ++old_key;
      ++new_key;
    }
  }
}

}  // namespace

// Everything of an entry that has a posting list.
struct SearchIndex::EntryKeys {
  Keys terms, prefixes, facets;

  static EntryKeys Of(const DirectoryEntry& entry) {
    EntryKeys keys;
    keys.terms = EntryTerms(entry);
    keys.prefixes = ListedPrefixes(keys.terms);
    keys.facets = EntryFacets(entry);
    return keys;
  }
};

struct SearchIndex::Record {
  DirectoryEntry entry;
  std::string order_key;
};

// One thing every result must match: a query word (any of its skeletons,
// or of the words it is a prefix of), or a filter.
struct SearchIndex::Clause {
  std::vector<std::pair<const Postings*, bool>> lists;  // postings, and whether a whole word
  bool scored = true;                                   // filters do not add to the score
  std::size_t cost = 0;                                 // postings in all lists

  std::uint32_t Contribution(std::uint32_t posting, bool exact) const {
    return scored ? Weight(posting & kFieldMask, exact) : 0;
  }

  // marks[slot] = 1 + the best contribution of this clause to that entry,
  // or 0 where the clause does not match.
  void Mark(std::size_t slots, std::vector<std::uint8_t>& marks) const {
    marks.assign(slots, 0);
    for (const auto& [list, exact] : lists) {
      for (std::uint32_t posting : *list) {
        auto& mark = marks[SlotOf(posting)];
        mark = std::max(mark, static_cast<std::uint8_t>(1 + Contribution(posting, exact)));
      }
    }
  }
};

struct SearchIndex::Candidate {
  std::uint32_t slot;
  std::uint32_t score;
};

SearchIndex::SearchIndex() = default;
SearchIndex::~SearchIndex() = default;
SearchIndex::SearchIndex(SearchIndex&&) noexcept = default;
SearchIndex& SearchIndex::operator=(SearchIndex&&) noexcept = default;

Status SearchIndex::Upsert(DirectoryEntry entry) {
  if (entry.fingerprint.empty() || entry.fingerprint.size() > kMaxFingerprintBytes) {
    return Status::InvalidArgument("a directory entry needs a fingerprint of 1 to " +
                                   std::to_string(kMaxFingerprintBytes) + " bytes");
  }
  if (entry.areas.size() > kMaxFacetValues || entry.languages.size() > kMaxFacetValues) {
    return Status::InvalidArgument("a directory entry has at most " +
                                   std::to_string(kMaxFacetValues) + " areas and languages");
  }
  auto too_long = [](const std::string& value) { return value.size() > kMaxFacetBytes; };
  if (too_long(entry.state) || std::any_of(entry.areas.begin(), entry.areas.end(), too_long) ||
      std::any_of(entry.languages.begin(), entry.languages.end(), too_long)) {
    return Status::InvalidArgument(
        "a state, area or language of a directory entry is longer than " +
        std::to_string(kMaxFacetBytes) + " bytes");
  }

  auto record = std::make_unique<Record>();
  record->order_key = OrderKey(entry);
  record->entry = std::move(entry);
  std::uint32_t slot = 0;
  EntryKeys before;  // of the entry replaced, if any
  if (auto found = slot_of_.find(record->entry.fingerprint); found != slot_of_.end()) {
    slot = found->second;
    before = EntryKeys::Of(slots_[slot]->entry);
  } else {
    if (size() >= kMaxDirectoryEntries) {
      return Status::Unavailable("the directory is full (" + std::to_string(kMaxDirectoryEntries) +
                                 " entries)");
    }
    if (!free_slots_.empty()) {
      slot = free_slots_.back();
      free_slots_.pop_back();
    } else {
      slot = static_cast<std::uint32_t>(slots_.size());
      slots_.emplace_back();
      order_heads_.push_back(0);
    }
    slot_of_.emplace(record->entry.fingerprint, slot);
  }
  order_heads_[slot] = OrderHead(record->order_key);
  Reindex(slot, before, EntryKeys::Of(record->entry));
  slots_[slot] = std::move(record);
  return Status::Ok();
}

bool SearchIndex::Remove(std::string_view fingerprint) {
  auto found = slot_of_.find(std::string(fingerprint));
  if (found == slot_of_.end()) return false;
  const std::uint32_t slot = found->second;
  Reindex(slot, EntryKeys::Of(slots_[slot]->entry), {});
  slots_[slot].reset();
  order_heads_[slot] = 0;
  free_slots_.push_back(slot);
  slot_of_.erase(found);
  return true;
}

const DirectoryEntry* SearchIndex::Find(std::string_view fingerprint) const {
  auto found = slot_of_.find(std::string(fingerprint));
  return found == slot_of_.end() ? nullptr : &slots_[found->second]->entry;
}

// An entry's keys are recomputed from it rather than remembered: the
// tokenisation is deterministic, and remembering would cost as much memory
// as the postings themselves.
void SearchIndex::Reindex(std::uint32_t slot, const EntryKeys& before, const EntryKeys& after) {
  MovePostings(terms_, slot, before.terms, after.terms);
  MovePostings(prefixes_, slot, before.prefixes, after.prefixes);
  MovePostings(facets_, slot, before.facets, after.facets);
}

SearchPage SearchIndex::Search(const SearchQuery& query) const {
  SearchPage page;
  std::vector<Clause> clauses;
  const Words words =
      SplitWords(std::string_view(query.text).substr(0, kMaxQueryBytes), kMaxQueryWords);
  for (std::size_t i = 0; i < words.words.size(); ++i) {
    const bool still_typed = words.open_end && i + 1 == words.words.size();
    if (!AddWordClause(words.words[i], still_typed, clauses)) return page;
  }
  if (!AddFacetClause('s', query.state, clauses) || !AddFacetClause('a', query.area, clauses) ||
      !AddFacetClause('l', query.language, clauses)) {
    return page;
  }

  std::vector<Candidate> candidates = Evaluate(clauses);
  page.total = candidates.size();
  const std::size_t limit = std::min(query.limit, kMaxSearchLimit);
  if (query.offset > kMaxSearchOffset || query.offset >= candidates.size() || limit == 0) {
    return page;
  }
  const std::size_t end = std::min(candidates.size(), query.offset + limit);
  const auto middle = candidates.begin() + static_cast<std::ptrdiff_t>(end);
  std::partial_sort(candidates.begin(), middle, candidates.end(),
                    [this](const Candidate& a, const Candidate& b) { return Better(a, b); });
  page.hits.reserve(end - query.offset);
  for (std::size_t i = query.offset; i < end; ++i) {
    page.hits.push_back(
        {&slots_[candidates[i].slot]->entry, static_cast<double>(candidates[i].score)});
  }
  return page;
}

// False when the word can match nothing, so neither can the query.
bool SearchIndex::AddWordClause(std::u32string_view word, bool prefix,
                                std::vector<Clause>& clauses) const {
  const std::vector<std::string> skeletons = WordSkeletons(word);
  if (skeletons.empty()) return true;  // nothing searchable in it (a lone soft sign): ignored
  Clause clause;
  for (const auto& skeleton : skeletons) {
    if (auto it = terms_.find(skeleton); it != terms_.end())
      clause.lists.emplace_back(&it->second, true);
  }
  if (prefix) {
    for (const auto& start : PrefixSkeletons(word)) {
      if (LetterCount(start) <= kListedPrefixLetters) {
        // Every word starting so, the exact ones too (which are also
        // listed above, as exact: the better weight wins).
        if (auto it = prefixes_.find(start); it != prefixes_.end()) {
          clause.lists.emplace_back(&it->second, false);
        }
        continue;
      }
      for (auto it = terms_.lower_bound(start); it != terms_.end() && it->first.starts_with(start);
           ++it) {
        const bool exact =
            std::find(skeletons.begin(), skeletons.end(), it->first) != skeletons.end();
        if (!exact) clause.lists.emplace_back(&it->second, false);
      }
    }
    // Prefixes of one word overlap ("k" and "kh" → "h" ...): each list once.
    std::sort(clause.lists.begin(), clause.lists.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    clause.lists.erase(std::unique(clause.lists.begin(), clause.lists.end()), clause.lists.end());
  }
  if (clause.lists.empty()) return false;
  for (const auto& [list, exact] : clause.lists) clause.cost += list->size();
  clauses.push_back(std::move(clause));
  return true;
}

bool SearchIndex::AddFacetClause(char kind, std::string_view value,
                                 std::vector<Clause>& clauses) const {
  if (value.empty()) return true;
  auto it = facets_.find(FacetKey(kind, value));
  if (it == facets_.end()) return false;
  Clause clause;
  clause.lists.emplace_back(&it->second, true);
  clause.scored = false;
  clause.cost = it->second.size();
  clauses.push_back(std::move(clause));
  return true;
}

// Every entry that matches all clauses, with its score, in slot order.
std::vector<SearchIndex::Candidate> SearchIndex::Evaluate(std::vector<Clause>& clauses) const {
  std::vector<Candidate> candidates;
  if (clauses.empty()) {
    candidates.reserve(size());
    for (std::uint32_t slot = 0; slot < slots_.size(); ++slot) {
      if (slots_[slot]) candidates.push_back({slot, 0});
    }
    return candidates;
  }

  // The rarest clause gives the candidates; each other clause, rarest first,
  // keeps those it matches.
  std::sort(clauses.begin(), clauses.end(),
            [](const Clause& a, const Clause& b) { return a.cost < b.cost; });
  std::vector<std::uint8_t> marks;
  const Clause& rarest = clauses.front();
  if (rarest.lists.size() == 1) {
    const auto& [list, exact] = rarest.lists.front();
    candidates.reserve(list->size());
    for (std::uint32_t posting : *list) {
      candidates.push_back({SlotOf(posting), rarest.Contribution(posting, exact)});
    }
  } else {
    rarest.Mark(slots_.size(), marks);
    for (std::uint32_t slot = 0; slot < marks.size(); ++slot) {
      if (marks[slot] != 0) candidates.push_back({slot, marks[slot] - 1u});
    }
  }

  // A binary search costs about this many steps, against one step per
  // posting for a pass over a clause's lists.
  constexpr std::size_t kProbeSteps = 20;
  for (std::size_t c = 1; c < clauses.size() && !candidates.empty(); ++c) {
    const Clause& clause = clauses[c];
    std::size_t kept = 0;
    if (candidates.size() * clause.lists.size() * kProbeSteps < clause.cost) {
      // Few candidates against long lists: look each one up. Candidates are
      // in slot order, so each list's search starts where the last ended.
      std::vector<Postings::const_iterator> cursors;
      cursors.reserve(clause.lists.size());
      for (const auto& entry : clause.lists) cursors.push_back(entry.first->begin());
      for (const Candidate& candidate : candidates) {
        bool found = false;
        std::uint32_t best = 0;
        for (std::size_t l = 0; l < clause.lists.size(); ++l) {
          const auto& [list, exact] = clause.lists[l];
          auto& cursor = cursors[l];
          cursor = std::lower_bound(cursor, list->end(), candidate.slot << kFieldBits);
          if (cursor != list->end() && SlotOf(*cursor) == candidate.slot) {
            found = true;
            best = std::max(best, clause.Contribution(*cursor, exact));
          }
        }
        if (found) candidates[kept++] = {candidate.slot, candidate.score + best};
      }
    } else {
      clause.Mark(slots_.size(), marks);
      for (const Candidate& candidate : candidates) {
        if (const std::uint8_t mark = marks[candidate.slot]; mark != 0) {
          candidates[kept++] = {candidate.slot, candidate.score + mark - 1u};
        }
      }
    }
    candidates.resize(kept);
  }
  return candidates;
}

// Higher score first; then by name, then by fingerprint, which is unique.
bool SearchIndex::Better(const Candidate& a, const Candidate& b) const {
  if (a.score != b.score) return a.score > b.score;
  if (order_heads_[a.slot] != order_heads_[b.slot]) {
    return order_heads_[a.slot] < order_heads_[b.slot];
  }
  const Record& left = *slots_[a.slot];
  const Record& right = *slots_[b.slot];
  if (left.order_key != right.order_key) return left.order_key < right.order_key;
  return left.entry.fingerprint < right.entry.fingerprint;
}

}  // namespace parley::directory
