#pragma once
// Payer names as banks carry them (`ACME CORP`, `Acme Corporation Inc.`, `ACME INDUSTRIAL SUP`)
// matched against customer names and aliases.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "otc/engine/matching_index.hpp"

namespace otc::engine {

/// Normalises a company name for comparison: common accented Latin letters folded to ASCII,
/// upper case, `&` -> AND, apostrophes and dots inside words removed, other punctuation splits
/// words, legal forms dropped (INC, CORP, CORPORATION, LLC, LTD, LIMITED, GMBH, AG, SA, PLC, CO,
/// ... but never the first word), trailing starts of legal forms dropped (a bank cut "ACME
/// PRINTING CORPORATION" to "ACME PRINTING COR"), a leading THE dropped, and common
/// abbreviations expanded
/// (INTL -> INTERNATIONAL, MFG -> MANUFACTURING, SVCS -> SERVICES, ...). Words are joined by
/// one space. "Acme Corporation Inc." -> "ACME"; "A.C.M.E. Int'l, LLC" -> "ACME INTERNATIONAL".
std::string normalize_name(std::string_view name);

/// Similarity of two normalised names in [0, 1]. 1 when equal. Otherwise the best of: a soft
/// Jaccard over words (a word matches another when equal = 1.0, one edit apart (both >= 4
/// letters) = 0.9, two edits apart (both >= 8 letters) = 0.85, or when one is a prefix of at
/// least 3 letters of the other, as bank fields truncate = 0.85), the same names without spaces
/// (`MEGA CORP` vs `MEGACORP` = 0.97, one edit apart = 0.9), truncation (the shorter name, of two
/// words or more and at least 8 characters, is the start of the longer = 0.86, 12 characters or
/// more = 0.9), and containment (every word of the shorter name matches the start of the longer
/// name, two words at least = 0.82).
double name_similarity(std::string_view a_normalized, std::string_view b_normalized);

/// One customer found for a payer name.
struct NameHit {
  std::uint32_t owner = 0;  ///< the caller's index of the customer
  double score = 0;         ///< name_similarity of the best of its names
  bool exact = false;       ///< a normalised name or alias equals the payer's
};

/// Customer names and aliases indexed for fuzzy lookup. A payer name that normalises exactly to
/// indexed names returns those alone. Otherwise candidates share keys with it (whole words, words
/// one deletion apart, word prefixes); the kCandidates with most shared keys are scored with
/// name_similarity.
class NameIndex {
 public:
  static constexpr std::size_t kCandidates = 40;
  /// Adds a name (or alias) of customer `owner`. A customer may have several.
  void add(std::uint32_t owner, std::string_view name);
  /// Call once after the last add().
  void build();
  /// Per-thread working memory for lookup(); reuse one across lookups to avoid allocating.
  struct Scratch {
    std::vector<std::uint32_t> seen;   // per indexed name: the stamp of the last lookup that saw it
    std::vector<std::uint16_t> votes;  // per indexed name: keys shared with the query
    std::uint32_t stamp = 0;
    std::vector<std::uint32_t> candidates;
    std::string normalized;
  };
  /// Appends the best-scoring distinct customers for `name`, best first (ties: lower owner
  /// first), at most `max_hits`, each scoring at least `min_score`. `out` is cleared first.
  /// Thread-safe on a built index when each thread has its own `scratch`.
  void lookup(std::string_view name, std::vector<NameHit>& out, Scratch& scratch,
              double min_score = 0.6, std::size_t max_hits = 3) const;
  std::size_t size() const { return names_.size(); }
  /// Appends the distinct owners of names equal to `normalized` (already normalize_name'd); no
  /// fuzzy scoring. Thread-safe on a built index.
  void exact_owners(std::string_view normalized, std::vector<std::uint32_t>& out) const;

 private:
  std::vector<std::string> names_;     // normalised, one per add()
  std::vector<std::uint32_t> owners_;  // owner of names_[i]
  FlatMultiMap exact_;                 // hash(normalised name) -> name index
  FlatMultiMap keys_;                  // hash(word key) -> name index
};

}  // namespace otc::engine
