#include "otc/engine/name_match.hpp"

#include <algorithm>
#include <array>

#include "otc/engine/reference_normalize.hpp"

namespace otc::engine {
namespace {

constexpr std::size_t kMaxWords = 12;

// Legal forms: dropped wherever they stand except as the first word.
constexpr std::array<std::string_view, 38> kLegalForms = {
    "INC",  "INCORPORATED", "CORP", "CORPORATION", "CO",   "COMPANY", "LLC",  "LLP",
    "LP",   "LTD",          "LIMITED", "GMBH",     "AG",   "KG",      "SA",   "SAS",
    "SARL", "SRL",          "SPA",  "BV",          "NV",   "PLC",     "PTY",  "PTE",
    "OY",   "AB",           "AS",   "KK",          "PC",   "PLLC",    "LTDA", "SL",
    "SE",   "OHG",          "EK",   "UG",          "CIE",  "COMPANIES"};

struct Abbreviation {
  std::string_view from;
  std::string_view to;
};
constexpr Abbreviation kAbbreviations[] = {
    {"INTL", "INTERNATIONAL"},  {"INTERNATL", "INTERNATIONAL"}, {"MFG", "MANUFACTURING"},
    {"SVCS", "SERVICES"},       {"SVC", "SERVICES"},            {"SERVICE", "SERVICES"},
    {"SYS", "SYSTEMS"},         {"GRP", "GROUP"},               {"HLDGS", "HOLDINGS"},
    {"HLDG", "HOLDINGS"},       {"MGMT", "MANAGEMENT"},         {"NATL", "NATIONAL"},
    {"ASSOC", "ASSOCIATES"},    {"ASSOCS", "ASSOCIATES"},       {"BROS", "BROTHERS"},
    {"DIST", "DISTRIBUTION"},   {"DISTR", "DISTRIBUTION"},      {"INDS", "INDUSTRIES"},
    {"IND", "INDUSTRIES"},      {"SOLNS", "SOLUTIONS"},         {"SOLS", "SOLUTIONS"},
    {"TECH", "TECHNOLOGIES"},   {"TECHNOLOGY", "TECHNOLOGIES"}, {"ENGG", "ENGINEERING"},
    {"ENGR", "ENGINEERING"},    {"CTR", "CENTER"},              {"CENTRE", "CENTER"},
    {"LABS", "LABORATORIES"},   {"LAB", "LABORATORIES"},        {"AMER", "AMERICA"},
    {"UNIV", "UNIVERSITY"},     {"DEPT", "DEPARTMENT"},         {"PHARMA", "PHARMACEUTICALS"},
    {"MED", "MEDICAL"},         {"FIN", "FINANCIAL"},           {"ELEC", "ELECTRIC"},
};

std::string_view expand(std::string_view word) {
  for (const Abbreviation& a : kAbbreviations)
    if (a.from == word) return a.to;
  return word;
}

bool is_legal_form(std::string_view word) {
  return std::find(kLegalForms.begin(), kLegalForms.end(), word) != kLegalForms.end();
}

// The long legal forms whose starts a truncated name may end with.
constexpr std::array<std::string_view, 8> kLongLegalForms = {
    "CORPORATION", "INCORPORATED", "LIMITED", "COMPANY", "GMBH", "LLC", "PLC", "LTD"};

bool is_legal_fragment(std::string_view word) {
  if (is_legal_form(word)) return true;
  for (std::string_view form : kLongLegalForms)
    if (word.size() < form.size() && form.substr(0, word.size()) == word) return true;
  return false;
}

// Folds the UTF-8 encoding of a Latin-1 letter (second byte after 0xC3) to ASCII.
std::string_view fold_latin1(unsigned char b) {
  if (b >= 0x80 && b <= 0x85) return "A";
  if (b == 0x86) return "AE";
  if (b == 0x87) return "C";
  if (b >= 0x88 && b <= 0x8B) return "E";
  if (b >= 0x8C && b <= 0x8F) return "I";
  if (b == 0x90) return "D";
  if (b == 0x91) return "N";
  if ((b >= 0x92 && b <= 0x96) || b == 0x98) return "O";
  if (b >= 0x99 && b <= 0x9C) return "U";
  if (b == 0x9D) return "Y";
  if (b == 0x9F) return "SS";
  if (b >= 0xA0 && b <= 0xA5) return "A";
  if (b == 0xA6) return "AE";
  if (b == 0xA7) return "C";
  if (b >= 0xA8 && b <= 0xAB) return "E";
  if (b >= 0xAC && b <= 0xAF) return "I";
  if (b == 0xB1) return "N";
  if ((b >= 0xB2 && b <= 0xB6) || b == 0xB8) return "O";
  if (b >= 0xB9 && b <= 0xBC) return "U";
  if (b == 0xBD || b == 0xBF) return "Y";
  return {};
}

int split_words(std::string_view s, std::array<std::string_view, kMaxWords>& words) {
  int n = 0;
  std::size_t i = 0;
  while (i < s.size() && n < static_cast<int>(kMaxWords)) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) words[n++] = s.substr(i, j - i);
    i = j;
  }
  return n;
}

double word_similarity(std::string_view a, std::string_view b) {
  if (a == b) return 1.0;
  const std::size_t shorter = std::min(a.size(), b.size());
  const std::size_t longer = std::max(a.size(), b.size());
  if (shorter >= 3 && longer > shorter) {
    const std::string_view& s = a.size() < b.size() ? a : b;
    const std::string_view& l = a.size() < b.size() ? b : a;
    if (l.substr(0, s.size()) == s) return 0.85;  // truncated by the bank's field width
  }
  if (shorter >= 4) {
    const int d = edit_distance(a, b, 2);
    if (d <= 1) return 0.9;
    if (d == 2 && shorter >= 8) return 0.85;
  }
  return 0.0;
}

}  // namespace

std::string normalize_name(std::string_view name) {
  // 1. Fold, upper-case, and split into raw words.
  std::string folded;
  folded.reserve(name.size() + 8);
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c >= 'a' && c <= 'z') folded.push_back(static_cast<char>(c - 'a' + 'A'));
    else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) folded.push_back(static_cast<char>(c));
    else if (c == '&') folded.append(" AND ");
    else if (c == '\'' || c == '.' || c == '`') continue;  // O'Brien, Inc., L.L.C.
    else if (c == 0xC3 && i + 1 < name.size()) {
      const std::string_view f = fold_latin1(static_cast<unsigned char>(name[i + 1]));
      if (!f.empty()) {
        folded.append(f);
        ++i;
      } else {
        folded.push_back(static_cast<char>(c));
      }
    } else if (c == 0xE2 && i + 2 < name.size() && static_cast<unsigned char>(name[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(name[i + 2]) == 0x99 ||
                static_cast<unsigned char>(name[i + 2]) == 0x98)) {
      i += 2;  // typographic apostrophe
    } else if (c >= 0x80) {
      folded.push_back(static_cast<char>(c));  // other non-ASCII bytes stay part of the word
    } else {
      folded.push_back(' ');
    }
  }
  std::array<std::string_view, kMaxWords> words;
  const int n = split_words(folded, words);

  // 2. Drop legal forms (never the first word) and a leading THE; expand abbreviations. A last
  //    word that is the start of a legal form is what a bank's field width left of one
  //    ("ACME PRINTING COR", "ACME DENTAL L L"): dropped too.
  int last = n;
  while (last > 1 && is_legal_fragment(words[last - 1])) --last;
  std::string out;
  out.reserve(folded.size());
  int kept = 0;
  for (int i = 0; i < last; ++i) {
    std::string_view w = words[i];
    if (i == 0 && w == "THE" && n > 1) continue;
    if (kept > 0 && is_legal_form(w)) continue;
    w = expand(w);
    if (kept > 0) out.push_back(' ');
    out.append(w);
    ++kept;
  }
  return out;
}

double name_similarity(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return 0.0;
  if (a == b) return 1.0;
  std::array<std::string_view, kMaxWords> wa;
  std::array<std::string_view, kMaxWords> wb;
  const int n = split_words(a, wa);
  const int m = split_words(b, wb);
  double best = 0.0;

  // Soft Jaccard: greedy assignment of the most similar word pairs.
  double sim[kMaxWords][kMaxWords];
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < m; ++j) sim[i][j] = word_similarity(wa[i], wb[j]);
  bool used_a[kMaxWords] = {};
  bool used_b[kMaxWords] = {};
  double matched = 0.0;
  for (int round = 0; round < std::min(n, m); ++round) {
    double top = 0.0;
    int ti = -1;
    int tj = -1;
    for (int i = 0; i < n; ++i) {
      if (used_a[i]) continue;
      for (int j = 0; j < m; ++j)
        if (!used_b[j] && sim[i][j] > top) {
          top = sim[i][j];
          ti = i;
          tj = j;
        }
    }
    if (ti < 0) break;
    used_a[ti] = used_b[tj] = true;
    matched += top;
  }
  best = std::max(best, matched / (n + m - matched));

  // Without spaces: MEGA CORP vs MEGACORP.
  char ja[128];
  char jb[128];
  std::size_t la = 0;
  std::size_t lb = 0;
  for (char c : a)
    if (c != ' ' && la < sizeof ja) ja[la++] = c;
  for (char c : b)
    if (c != ' ' && lb < sizeof jb) jb[lb++] = c;
  const std::string_view sa(ja, la);
  const std::string_view sb(jb, lb);
  if (sa == sb) best = std::max(best, 0.97);
  else if (std::min(la, lb) >= 6 && edit_distance(sa, sb, 1) <= 1) best = std::max(best, 0.9);

  // Truncation: the bank cut the payer's name at its field width, so one name is the other's
  // beginning, cut anywhere ("LESENTEK INDUSTRIA" of "LESENTEK INDUSTRIAL SUPPLY").
  {
    const std::string_view& s = a.size() < b.size() ? a : b;
    const std::string_view& l = a.size() < b.size() ? b : a;
    if (s.size() >= 8 && l.substr(0, s.size()) == s && s.find(' ') != std::string_view::npos)
      best = std::max(best, s.size() >= 12 ? 0.9 : 0.86);
  }

  // Containment: the shorter name is the start of the longer one (a dropped trailing word).
  const int shorter = std::min(n, m);
  if (shorter >= 2 && n != m) {
    const auto& ws = n < m ? wa : wb;
    const auto& wl = n < m ? wb : wa;
    bool all = true;
    for (int i = 0; i < shorter && all; ++i) all = word_similarity(ws[i], wl[i]) >= 0.85;
    if (all) best = std::max(best, 0.82);
  }
  return best;
}

namespace {

// Index keys of one word; `fn(std::string_view tag, std::string_view text)`.
template <typename Fn>
void word_keys_indexed(std::string_view w, Fn&& fn) {
  fn("W", w);
  if (w.size() >= 4) {
    char buf[64];
    if (w.size() <= sizeof buf) {
      for (std::size_t i = 0; i < w.size(); ++i) {
        std::size_t k = 0;
        for (std::size_t j = 0; j < w.size(); ++j)
          if (j != i) buf[k++] = w[j];
        fn("D", std::string_view(buf, k));
      }
    }
  }
  if (w.size() >= 4) fn("P3", w.substr(0, 3));
  if (w.size() >= 5) fn("P4", w.substr(0, 4));
}

std::uint64_t tagged_hash(std::string_view tag, std::string_view text) {
  return hash_bytes(text, hash_bytes(tag));
}

}  // namespace

void NameIndex::add(std::uint32_t owner, std::string_view name) {
  std::string norm = normalize_name(name);
  if (norm.empty()) return;
  names_.push_back(std::move(norm));
  owners_.push_back(owner);
}

void NameIndex::build() {
  exact_.reserve(names_.size());
  keys_.reserve(names_.size() * 16);
  for (std::uint32_t i = 0; i < names_.size(); ++i) {
    exact_.add(hash_bytes(names_[i]), i);
    std::array<std::string_view, kMaxWords> words;
    const int n = split_words(names_[i], words);
    for (int w = 0; w < n; ++w)
      word_keys_indexed(words[w], [&](std::string_view tag, std::string_view text) {
        keys_.add(tagged_hash(tag, text), i);
      });
  }
  exact_.build();
  keys_.build();
}

void NameIndex::exact_owners(std::string_view normalized, std::vector<std::uint32_t>& out) const {
  for (std::uint32_t idx : exact_.find(hash_bytes(normalized))) {
    if (names_[idx] != normalized) continue;
    if (std::find(out.begin(), out.end(), owners_[idx]) == out.end()) out.push_back(owners_[idx]);
  }
}

void NameIndex::lookup(std::string_view name, std::vector<NameHit>& out, Scratch& scratch,
                       double min_score, std::size_t max_hits) const {
  out.clear();
  scratch.normalized = normalize_name(name);
  const std::string& norm = scratch.normalized;
  if (norm.empty() || names_.empty()) return;

  auto add_hit = [&](std::uint32_t idx, double score, bool exact) {
    const std::uint32_t owner = owners_[idx];
    auto it = std::find_if(out.begin(), out.end(), [&](const NameHit& h) { return h.owner == owner; });
    if (it != out.end()) {
      if (score > it->score) it->score = score;
      it->exact = it->exact || exact;
    } else {
      out.push_back(NameHit{owner, score, exact});
    }
  };
  auto finish = [&] {
    std::sort(out.begin(), out.end(), [](const NameHit& x, const NameHit& y) {
      if (x.score != y.score) return x.score > y.score;
      return x.owner < y.owner;
    });
    if (out.size() > max_hits) out.resize(max_hits);
  };

  // Exact normalised name or alias: nothing fuzzy can beat it, only another exact one can tie.
  for (std::uint32_t idx : exact_.find(hash_bytes(norm)))
    if (names_[idx] == norm) add_hit(idx, 1.0, true);
  if (!out.empty()) {
    finish();
    return;
  }

  if (scratch.seen.size() != names_.size()) {
    scratch.seen.assign(names_.size(), 0);
    scratch.votes.assign(names_.size(), 0);
    scratch.stamp = 0;
  }
  if (++scratch.stamp == 0) {
    std::fill(scratch.seen.begin(), scratch.seen.end(), 0);
    scratch.stamp = 1;
  }
  auto& cands = scratch.candidates;
  cands.clear();
  auto vote = [&](std::span<const std::uint32_t> span) {
    for (std::uint32_t idx : span) {
      if (scratch.seen[idx] != scratch.stamp) {
        scratch.seen[idx] = scratch.stamp;
        scratch.votes[idx] = 0;
        cands.push_back(idx);
      }
      if (scratch.votes[idx] < 0xFFFF) ++scratch.votes[idx];
    }
  };

  // Keys of the query: a word found as a whole word needs no typo keys.
  std::array<std::string_view, kMaxWords> words;
  const int n = split_words(norm, words);
  constexpr std::size_t kCommonKey = 5000;  // a word this common does not find a company
  auto lookup_key = [&](std::string_view tag, std::string_view text) {
    auto span = keys_.find(tagged_hash(tag, text));
    if (span.size() <= kCommonKey) vote(span);
    return !span.empty();
  };
  for (int w = 0; w < n; ++w) {
    const std::string_view q = words[w];
    if (lookup_key("W", q)) continue;
    if (q.size() >= 3) lookup_key("D", q);  // the indexed word has one extra letter
    if (q.size() >= 4 && q.size() <= 63) {
      char buf[64];
      for (std::size_t i = 0; i < q.size(); ++i) {
        std::size_t k = 0;
        for (std::size_t j = 0; j < q.size(); ++j)
          if (j != i) buf[k++] = q[j];
        lookup_key("W", std::string_view(buf, k));  // the query word has one extra letter
        lookup_key("D", std::string_view(buf, k));  // one letter differs or two are swapped
      }
    }
    if (q.size() == 3) lookup_key("P3", q);  // a truncated word
    if (q.size() == 4) lookup_key("P4", q);
  }
  if (cands.size() > kCandidates) {
    std::partial_sort(cands.begin(), cands.begin() + kCandidates, cands.end(), [&](std::uint32_t x, std::uint32_t y) {
      if (scratch.votes[x] != scratch.votes[y]) return scratch.votes[x] > scratch.votes[y];
      return x < y;
    });
    cands.resize(kCandidates);
  }
  for (std::uint32_t idx : cands) {
    const double score = name_similarity(norm, names_[idx]);
    if (score >= min_score) add_hit(idx, score, false);
  }
  finish();
}

}  // namespace otc::engine
