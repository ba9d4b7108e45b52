#pragma once
// Private to the matching engine (src/engine/match*.cpp): the indexes built once per run, the
// evidence gathered per receipt, and the Matcher that runs the passes against the running open
// balances. Where things are:
//   matching.cpp                    match_receipts: receipt status, the phases, the order of passes
//   match_books.cpp                 the indexes over invoices and customers (Books)
//   match_evidence.cpp              per-receipt evidence: payer, references, typo variants
//   match_checks.cpp                what several passes share: apply, tolerance, payer and reference checks
//   match_pass_reference.cpp        pass 1   one referenced invoice (exact, tolerated short-pay, typo)
//   match_pass_reference_list.cpp   pass 2a  several referenced invoices that add up
//   match_pass_combination.cpp      pass 2b  an exact-sum combination of the payer's invoices
//   match_pass_customer_amount.cpp  pass 3   payer identified, unique open invoice of the amount
//   match_pass_partial.cpp          pass 4   partial payments, short-pays, overpayments (on account)
//   match_queue.cpp                 pass 5   the unapplied queue: reason and suggestions
// and, public because they are tested alone: match_exact_sum.cpp (the bounded exact-sum search
// passes 2a and 2b use), matching_index.cpp (flat hash multimap), name_match.cpp (payer names),
// reference_normalize.cpp (invoice keys, references in remittance text, typo variants).
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "otc/engine/matching.hpp"
#include "otc/engine/matching_index.hpp"
#include "otc/engine/name_match.hpp"
#include "otc/engine/payer_text.hpp"
#include "otc/engine/reference_normalize.hpp"

namespace otc::engine::matching_detail {

constexpr std::uint32_t kNone = 0xFFFFFFFFu;
// Accounts agree when one ends with the other and the shorter has at least this many characters.
inline constexpr std::size_t kAccountTail = 9;

// A short-pay without any reference is considered only for a payer with this few open invoices.
constexpr int kShortPayOpenInvoices = 5;
// An amount shared by more open invoices than this (book-wide) is "common": a round price.
constexpr int kCommonAmount = 20;

inline std::uint64_t currency_bits(const core::Currency& c) {
  return static_cast<std::uint64_t>(static_cast<unsigned char>(c.code[0])) |
         (static_cast<std::uint64_t>(static_cast<unsigned char>(c.code[1])) << 8) |
         (static_cast<std::uint64_t>(static_cast<unsigned char>(c.code[2])) << 16);
}

// ---------------------------------------------------------------------------------------------
// Indexes, built once (match_books.cpp).

struct Books {
  const std::vector<OpenInvoice>& invoices;
  const std::vector<MatchCustomer>& customers;
  std::unordered_map<std::int64_t, std::uint32_t> customer_index;  // id -> position
  std::vector<std::uint32_t> invoice_customer;                      // invoice -> customer position
  // What evidence gathering reads per candidate invoice, packed so one lookup is one cache line.
  struct Hot {
    std::uint64_t key_hash = 0;  // hash of the invoice key (digit runs)
    std::int64_t open = 0;
    std::uint32_t customer = 0xFFFFFFFFu;
    std::uint32_t currency = 0;
  };
  std::vector<Hot> hot;
  FlatMultiMap by_key;      // hash(invoice key), and hash(last digit run) -> invoice
  FlatMultiMap by_amount;   // hash(currency, open) -> invoice
  FlatMultiMap by_account;  // hash(compact account) -> customer
  // hash(last kAccountTail characters of the compact account) -> customer: an account printed cut
  // to a field's width (NACHA company id: 10) or with a routing number in front.
  FlatMultiMap by_account_tail;
  NameIndex names;
  std::vector<std::uint32_t> customer_begin;     // CSR over customer_invoices
  std::vector<std::uint32_t> customer_invoices;  // per customer, oldest due date first

  Books(const std::vector<OpenInvoice>& inv, const std::vector<MatchCustomer>& cust)
      : invoices(inv), customers(cust) {}

  std::span<const std::uint32_t> invoices_of(std::uint32_t customer) const {
    if (customer == kNone) return {};
    return std::span<const std::uint32_t>(customer_invoices.data() + customer_begin[customer],
                                          customer_begin[customer + 1] - customer_begin[customer]);
  }
};

/// Customer positions, the name index and the account index.
void build_customers(Books& b);
/// Invoice keys, the key and amount indexes, the hot per-invoice data.
void build_invoices(Books& b);
/// Each customer's open invoices, oldest due date first (after both of the above).
void build_customer_lists(Books& b);

// ---------------------------------------------------------------------------------------------
// Evidence per receipt, independent of open balances (so it can be gathered in parallel;
// match_evidence.cpp).

enum class Status : std::uint8_t { kCredit, kDebit, kReversal, kDuplicate, kZero };

enum HitFlags : std::uint8_t {
  kFullForm = 1,  // the reference as written equals the invoice number (letters and digits)
  kFuzzy = 2,     // one typo away
  kLastRun = 4,   // matched only the last digit run of a multi-part number
};

struct Hit {
  std::uint32_t invoice = 0;
  RefContext context = RefContext::kBare;
  std::uint8_t flags = 0;
};

struct Evidence {
  static constexpr int kMaxHits = 12;
  static constexpr int kMaxRefs = 6;
  static constexpr int kRefLen = 15;
  static constexpr int kMaxNames = 3;
  Hit hits[kMaxHits];
  char refs[kMaxRefs][kRefLen + 1];  // digits as written (zeros kept) of the non-bare references
  std::uint8_t ref_len[kMaxRefs] = {};
  std::uint32_t names[kMaxNames] = {kNone, kNone, kNone};  // name candidates, best first
  float name_scores[kMaxNames] = {0, 0, 0};
  std::uint32_t customer = kNone;  // identified payer
  float name_score = 0;
  std::uint8_t hit_count = 0;
  std::uint8_t ref_count = 0;
  std::uint8_t name_count = 0;
  std::uint8_t candidate_count = 0;  // references found (before lookup)
  PayerMatch payer = PayerMatch::kNone;
  Status status = Status::kCredit;
  bool payer_given = false;  // a payer name or account was present
  bool account_other = false;  // the payer account is on file for a different customer than the name

  std::span<const Hit> hit_span() const { return {hits, hit_count}; }
  std::string_view ref(int i) const { return {refs[i], ref_len[i]}; }
};

struct NameResult {
  PayerMatch payer = PayerMatch::kNone;
  std::uint32_t customer = kNone;
  float score = 0;
  std::uint32_t names[Evidence::kMaxNames] = {kNone, kNone, kNone};
  float scores[Evidence::kMaxNames] = {0, 0, 0};
  std::uint8_t count = 0;
};

/// Gathers evidence for receipts, one worker per thread (its scratch buffers and name cache are
/// its own).
class EvidenceWorker {
 public:
  EvidenceWorker(const Books& b, const MatchOptions& o) : books(b), options(o) { cands.reserve(64); }

  void gather(const domain::BankTransaction& t, Evidence& e);

 private:
  const NameResult& identify_name(const std::string& payer_name);
  // identify_name, and for a name followed by a US city and state, its leading part.
  const NameResult& payer_with_address(const std::string& payer_name);
  // The payer named inside the remittance text (engine/payer_text.hpp), when no payer field was given.
  void payer_in_text(const std::string& text, Evidence& e);
  void add_hit(Evidence& e, std::uint32_t invoice, RefContext ctx, std::uint8_t flags);

  const Books& books;
  const MatchOptions& options;
  std::vector<RefCandidate> cands;
  std::vector<NameHit> name_hits;
  NameIndex::Scratch name_scratch;
  std::unordered_map<std::string, NameResult> name_cache;
  std::string buf;
  std::string buf2;
};

// ---------------------------------------------------------------------------------------------
// Decisions, in passes, against the running open balances.

enum class Why : std::uint8_t {
  kNothing,            // no reference, payer not identified
  kRefAmount,          // reference(s) found, amounts do not agree, payer not confirmed
  kAmbiguousRef,       // several referenced invoices fit equally
  kAmbiguousAmount,    // several of the payer's invoices have this amount
  kAmbiguousCombination,
  kCombinationBound,   // too many candidates or the node budget ran out
  kAmbiguousPayer,     // the payer name fits several customers
  kPaid,               // the referenced invoice has no open balance left
  kPayerNoMatch,       // payer identified, no open invoice fits
  kCurrency,           // referenced invoice is in another currency
  kLowConfidence,      // the best match is below min_confidence
  kZeroAmount,         // a credit of zero
};

struct State {
  bool resolved = false;
  bool combination_competes = false;  // a combination of invoices also adds up to the amount
  bool combination_searched = false;  // the payer's invoices were searched to the end
  Why why = Why::kNothing;
};

/// Runs the passes over all receipts. The order of passes is run() (matching.cpp); each pass is
/// one member function in its own match_pass_*.cpp; what they share is in match_checks.cpp.
class Matcher {
 public:
  Matcher(const Books& b, const std::vector<domain::BankTransaction>& r, const MatchOptions& o,
          std::vector<Evidence>& e, MatchResult& out);

  void run();

 private:
  template <typename Fn>
  void each(Fn&& fn) {
    for (std::uint32_t r = 0; r < receipts_.size(); ++r)
      if (!state_[r].resolved) fn(r);
  }

  // ---- the passes (match_pass_*.cpp, match_queue.cpp)
  void pass_reference(std::uint32_t r);
  void pass_reference_list(std::uint32_t r);
  void pass_combination(std::uint32_t r);
  void pass_customer_amount(std::uint32_t r);
  void pass_partial(std::uint32_t r);
  void queue(std::uint32_t r);

  // ---- shared by the passes (match_checks.cpp)
  static int priority(Why why);
  // Keeps the most telling reason a receipt was not applied.
  void note(std::uint32_t r, Why why) {
    if (priority(why) > priority(state_[r].why)) state_[r].why = why;
  }

  std::uint32_t customer_of(std::uint32_t invoice) const { return books_.invoice_customer[invoice]; }
  const domain::BankTransaction& tx(std::uint32_t r) const { return receipts_[r]; }

  bool usable(std::uint32_t r, std::uint32_t invoice) const {
    return remaining_[invoice] > 0 && books_.invoices[invoice].currency == tx(r).currency;
  }

  // The payer is the invoice's customer, or nothing about the payer was given.
  bool payer_consistent(std::uint32_t r, std::uint32_t invoice) const {
    const Evidence& e = ev_[r];
    if (e.customer != kNone) return e.customer == customer_of(invoice);
    return !e.payer_given;
  }

  bool payer_confirms(std::uint32_t r, std::uint32_t invoice) const {
    const Evidence& e = ev_[r];
    return e.customer != kNone && e.customer == customer_of(invoice);
  }

  bool payer_contradicts(std::uint32_t r, std::uint32_t invoice) const {
    const Evidence& e = ev_[r];
    return (e.payer == PayerMatch::kAccount || e.payer == PayerMatch::kName) && e.customer != kNone &&
           e.customer != customer_of(invoice);
  }

  void apply(std::uint32_t r, std::uint32_t invoice, std::int64_t amount, MatchRule rule, int confidence,
             std::int64_t deduction = 0);
  bool confident(std::uint32_t r, int confidence);
  static int context_rank(const Hit& h);
  // Similarity of an invoice number to the receipt's references: 0 none, 1 typo/truncation.
  bool reference_resembles(std::uint32_t r, std::uint32_t invoice);
  // Among `list`, the one invoice the references resemble; kNone when none or several.
  std::uint32_t single_resembling(std::uint32_t r, std::span<const std::uint32_t> list);
  bool strong_ref_elsewhere(std::uint32_t r, std::uint32_t customer, std::uint32_t invoice) const;
  // The remittance names another open invoice (anyone's) of exactly this amount: the payer's
  // name and the reference disagree, and neither wins.
  bool referenced_agreeing_elsewhere(std::uint32_t r, std::uint32_t invoice) const;
  // The remittance names an invoice of another customer than `customer`.
  bool references_elsewhere(std::uint32_t r, std::uint32_t customer) const;
  bool common_amount(std::uint32_t r) const;

  // ---- the queue's wording (match_queue.cpp)
  void suggest(std::vector<Suggestion>& s, Suggestion::Kind kind, std::int64_t id, int score, std::string why);
  std::string money(std::int64_t minor, const core::Currency& c) const;
  std::string describe_invoice(std::uint32_t i) const;

  const Books& books_;
  const std::vector<domain::BankTransaction>& receipts_;
  const MatchOptions& options_;
  std::vector<Evidence>& ev_;
  MatchResult& out_;
  std::vector<std::int64_t> remaining_;
  std::vector<State> state_;
  std::vector<std::uint32_t> cand_;
  std::vector<std::int64_t> amounts_;
  std::string digits_;
};

}  // namespace otc::engine::matching_detail
