#include "otc/engine/matching.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <thread>
#include <unordered_map>

#include "otc/engine/matching_combination.hpp"
#include "otc/engine/matching_index.hpp"
#include "otc/engine/name_match.hpp"
#include "otc/engine/reference_normalize.hpp"

namespace otc::engine {

std::string_view rule_name(MatchRule rule) {
  switch (rule) {
    case MatchRule::kReference: return "reference";
    case MatchRule::kReferenceFuzzy: return "reference-fuzzy";
    case MatchRule::kReferenceList: return "reference-list";
    case MatchRule::kCombination: return "combination";
    case MatchRule::kCustomerAmount: return "customer-amount";
    case MatchRule::kShortPay: return "short-pay";
    case MatchRule::kPartial: return "partial";
    case MatchRule::kOverpayment: return "overpayment";
  }
  return "?";
}

std::string_view payer_match_name(PayerMatch how) {
  switch (how) {
    case PayerMatch::kAccount: return "bank account";
    case PayerMatch::kName: return "name";
    case PayerMatch::kFuzzyName: return "similar name";
    case PayerMatch::kAmbiguous: return "ambiguous name";
    case PayerMatch::kNone: return "none";
  }
  return "?";
}

bool within_tolerance(std::int64_t open, std::int64_t paid, const Tolerance& tolerance) {
  if (paid <= 0 || paid >= open) return false;
  const std::int64_t shortfall = open - paid;
  const bool has_abs = tolerance.absolute_minor > 0;
  const bool has_bps = tolerance.basis_points > 0;
  if (!has_abs && !has_bps) return false;
  if (has_abs && shortfall > tolerance.absolute_minor) return false;
  if (has_bps) {
    // shortfall <= open * bps / 10000, compared without rounding.
    const __int128 lhs = static_cast<__int128>(shortfall) * 10000;
    const __int128 rhs = static_cast<__int128>(open) * tolerance.basis_points;
    if (lhs > rhs) return false;
  }
  return true;
}

namespace {

constexpr std::uint32_t kNone = 0xFFFFFFFFu;
// A short-pay without any reference is considered only for a payer with this few open invoices.
constexpr int kShortPayOpenInvoices = 5;
// An amount shared by more open invoices than this (book-wide) is "common": a round price.
constexpr int kCommonAmount = 20;

std::uint64_t currency_bits(const core::Currency& c) {
  return static_cast<std::uint64_t>(static_cast<unsigned char>(c.code[0])) |
         (static_cast<std::uint64_t>(static_cast<unsigned char>(c.code[1])) << 8) |
         (static_cast<std::uint64_t>(static_cast<unsigned char>(c.code[2])) << 16);
}

// ---------------------------------------------------------------------------------------------
// Indexes, built once.

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

void build_customers(Books& b) {
  b.customer_index.reserve(b.customers.size() * 2);
  std::string buf;
  for (std::uint32_t c = 0; c < b.customers.size(); ++c) {
    const MatchCustomer& mc = b.customers[c];
    b.customer_index.emplace(mc.id, c);
    b.names.add(c, mc.name);
    for (const std::string& alias : mc.aliases) b.names.add(c, alias);
    for (const std::string& account : mc.bank_accounts) {
      buf.clear();
      append_compact(account, buf);
      if (!buf.empty()) b.by_account.add(hash_bytes(buf), c);
    }
  }
  b.names.build();
  b.by_account.build();
}

void build_invoices(Books& b) {
  const auto& inv = b.invoices;
  b.by_key.reserve(inv.size() + inv.size() / 8);
  b.by_amount.reserve(inv.size());
  b.hot.resize(inv.size());
  std::string key;
  for (std::uint32_t i = 0; i < inv.size(); ++i) {
    key.clear();
    append_invoice_key(inv[i].number, key);
    b.hot[i].open = inv[i].open_minor;
    b.hot[i].currency = static_cast<std::uint32_t>(currency_bits(inv[i].currency));
    if (!key.empty()) {
      b.hot[i].key_hash = hash_bytes(key);
      b.by_key.add(b.hot[i].key_hash, i);
      const std::string_view last = last_run_key(key);
      if (!last.empty()) b.by_key.add(hash_bytes(last), i);
    }
    b.by_amount.add(hash_pair(currency_bits(inv[i].currency), static_cast<std::uint64_t>(inv[i].open_minor)), i);
  }
  b.by_key.build();
  b.by_amount.build();
}

void build_customer_lists(Books& b) {
  const auto& inv = b.invoices;
  const std::size_t nc = b.customers.size();
  b.invoice_customer.assign(inv.size(), kNone);
  std::vector<std::uint32_t> counts(nc + 1, 0);
  for (std::uint32_t i = 0; i < inv.size(); ++i) {
    auto it = b.customer_index.find(inv[i].customer_id);
    if (it == b.customer_index.end()) continue;
    b.invoice_customer[i] = it->second;
    b.hot[i].customer = it->second;
    ++counts[it->second];
  }
  b.customer_begin.assign(nc + 1, 0);
  for (std::size_t c = 0; c < nc; ++c) b.customer_begin[c + 1] = b.customer_begin[c] + counts[c];
  b.customer_invoices.assign(b.customer_begin[nc], 0);
  std::vector<std::uint32_t> fill(b.customer_begin.begin(), b.customer_begin.end() - 1);
  for (std::uint32_t i = 0; i < inv.size(); ++i)
    if (b.invoice_customer[i] != kNone) b.customer_invoices[fill[b.invoice_customer[i]]++] = i;
  for (std::size_t c = 0; c < nc; ++c) {
    auto first = b.customer_invoices.begin() + b.customer_begin[c];
    auto last = b.customer_invoices.begin() + b.customer_begin[c + 1];
    std::sort(first, last, [&](std::uint32_t x, std::uint32_t y) {
      if (inv[x].due_date != inv[y].due_date) return inv[x].due_date < inv[y].due_date;
      return inv[x].id < inv[y].id;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Evidence per receipt, independent of open balances (so it can be gathered in parallel).

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

struct Worker {
  const Books& books;
  const MatchOptions& options;
  std::vector<RefCandidate> cands;
  std::vector<NameHit> name_hits;
  NameIndex::Scratch name_scratch;
  std::unordered_map<std::string, NameResult> name_cache;
  std::string buf;
  std::string buf2;

  Worker(const Books& b, const MatchOptions& o) : books(b), options(o) { cands.reserve(64); }

  const NameResult& identify_name(const std::string& payer_name) {
    auto it = name_cache.find(payer_name);
    if (it != name_cache.end()) return it->second;
    NameResult r;
    books.names.lookup(payer_name, name_hits, name_scratch, 0.6, Evidence::kMaxNames);
    for (std::size_t i = 0; i < name_hits.size() && i < static_cast<std::size_t>(Evidence::kMaxNames); ++i) {
      r.names[i] = name_hits[i].owner;
      r.scores[i] = static_cast<float>(name_hits[i].score);
      ++r.count;
    }
    if (!name_hits.empty()) {
      const NameHit& top = name_hits[0];
      const double second = name_hits.size() > 1 ? name_hits[1].score : 0.0;
      if (top.exact && second < 1.0) {
        r.payer = PayerMatch::kName;
        r.customer = top.owner;
        r.score = 1.0f;
      } else if (top.score >= options.name_threshold && top.score - second >= options.name_margin) {
        r.payer = PayerMatch::kFuzzyName;
        r.customer = top.owner;
        r.score = static_cast<float>(top.score);
      } else if (top.score >= options.name_threshold) {
        r.payer = PayerMatch::kAmbiguous;
      }
    }
    return name_cache.emplace(payer_name, r).first->second;
  }

  void add_hit(Evidence& e, std::uint32_t invoice, RefContext ctx, std::uint8_t flags) {
    for (int i = 0; i < e.hit_count; ++i) {
      Hit& h = e.hits[i];
      if (h.invoice != invoice) continue;
      // Keep the strongest sighting of the same invoice.
      if (static_cast<int>(ctx) < static_cast<int>(h.context)) h.context = ctx;
      if ((flags & kFuzzy) == 0 && (h.flags & kFuzzy) != 0) h.flags = flags;
      else h.flags |= (flags & kFullForm);
      return;
    }
    if (e.hit_count < Evidence::kMaxHits) e.hits[e.hit_count++] = Hit{invoice, ctx, flags};
  }

  void gather(const domain::BankTransaction& t, Evidence& e) {
    // Payer.
    // An account that is on nobody's file says nothing about who paid; a name that fits no
    // customer says it was someone we do not know.
    e.payer_given = !t.payer_name.empty();
    std::uint32_t by_account = kNone;
    if (!t.payer_account.empty()) {
      buf.clear();
      append_compact(t.payer_account, buf);
      if (!buf.empty()) {
        auto owners = books.by_account.find(hash_bytes(buf));
        std::uint32_t first = kNone;
        bool unique = true;
        for (std::uint32_t c : owners) {
          if (first == kNone) first = c;
          else if (c != first) unique = false;
        }
        if (first != kNone && unique) by_account = first;
      }
    }
    if (!t.payer_name.empty()) {
      const NameResult& nr = identify_name(t.payer_name);
      e.payer = nr.payer;
      e.customer = nr.customer;
      e.name_score = nr.score;
      e.name_count = nr.count;
      for (int i = 0; i < nr.count; ++i) {
        e.names[i] = nr.names[i];
        e.name_scores[i] = nr.scores[i];
      }
    }
    if (by_account != kNone) {
      e.account_other = e.customer != kNone && e.customer != by_account;
      e.payer = PayerMatch::kAccount;
      e.customer = by_account;
    }

    // References: structured first, then the payer's end-to-end id and the free text.
    cands.clear();
    for (const std::string& r : t.remittance_refs) extract_references(r, true, cands);
    if (!t.end_to_end_id.empty() && t.end_to_end_id != "NOTPROVIDED")
      extract_references(t.end_to_end_id, false, cands);
    extract_references(t.remittance_text, false, cands);
    e.candidate_count = static_cast<std::uint8_t>(std::min<std::size_t>(cands.size(), 255));

    const auto currency = static_cast<std::uint32_t>(currency_bits(t.currency));
    bool amount_agrees = false;
    bool all_own = e.customer != kNone;  // every reference names an invoice of the identified payer
    for (const RefCandidate& c : cands) {
      bool own = false;
      if (c.context != RefContext::kBare && e.ref_count < Evidence::kMaxRefs &&
          c.digits_len <= Evidence::kRefLen) {
        std::memcpy(e.refs[e.ref_count], c.digits, c.digits_len);
        e.ref_len[e.ref_count++] = c.digits_len;
      }
      const std::uint64_t key_hash = hash_bytes(c.key_view());
      for (std::uint32_t i : books.by_key.find(key_hash)) {
        const Books::Hot& hot = books.hot[i];
        std::uint8_t flags = 0;
        if (hot.key_hash != key_hash) {  // found through the last digit run only
          if (c.context == RefContext::kBare) continue;
          flags |= kLastRun;
        }
        buf2.clear();
        append_compact(books.invoices[i].number, buf2);
        if (buf2 == c.compact_view()) flags |= kFullForm;
        add_hit(e, i, c.context, flags);
        if (hot.currency == currency && hot.open == t.amount_minor) amount_agrees = true;
        if (hot.customer == e.customer) own = true;
      }
      if (c.context != RefContext::kBare && !own) all_own = false;
    }
    // A round amount agrees by chance too often: then look for typo variants all the same.
    const bool common = books.by_amount
                            .find(hash_pair(currency, static_cast<std::uint64_t>(t.amount_minor)))
                            .size() > static_cast<std::size_t>(kCommonAmount);
    if (amount_agrees && !common) return;
    // Nothing to correct when every reference names the payer's own invoice, or they add up.
    if (all_own) return;
    std::int64_t strong_sum = 0;
    int strong_count = 0;
    for (int i = 0; i < e.hit_count; ++i) {
      const Books::Hot& hot = books.hot[e.hits[i].invoice];
      if (e.hits[i].context == RefContext::kBare) continue;
      strong_sum += hot.open;
      ++strong_count;
    }
    if (strong_count >= 2 && strong_sum == t.amount_minor) return;

    // A typo: look up every one-edit variant of the non-bare references. Keep a variant hit when
    // its amount agrees, or when it belongs to the payer or to a customer already referenced.
    std::uint32_t referenced_customer = kNone;
    bool single_customer = true;
    for (int i = 0; i < e.hit_count; ++i) {
      const std::uint32_t c = books.hot[e.hits[i].invoice].customer;
      if (e.hits[i].context == RefContext::kBare) continue;
      if (referenced_customer == kNone) referenced_customer = c;
      else if (c != referenced_customer) single_customer = false;
    }
    if (!single_customer) referenced_customer = kNone;
    for (const RefCandidate& c : cands) {
      if (c.context == RefContext::kBare || c.digits_len < 3) continue;
      if (std::memchr(c.key, '-', c.key_len) != nullptr) continue;
      for_each_digit_edit(c.digits_view(), [&](std::string_view variant) {
        std::size_t z = 0;
        while (z + 1 < variant.size() && variant[z] == '0') ++z;
        const std::string_view vkey = variant.substr(z);
        if (vkey == c.key_view()) return;
        const std::uint64_t vhash = hash_bytes(vkey);
        for (std::uint32_t i : books.by_key.find(vhash)) {
          const Books::Hot& hot = books.hot[i];
          if (hot.currency != currency || hot.key_hash != vhash) continue;
          const std::uint32_t owner = hot.customer;
          const bool agrees = hot.open == t.amount_minor ||
                              within_tolerance(hot.open, t.amount_minor, options.tolerance);
          const bool related = owner != kNone && (owner == e.customer || owner == referenced_customer);
          if (agrees || related) add_hit(e, i, c.context, kFuzzy);
        }
      });
    }
  }
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

class Matcher {
 public:
  Matcher(const Books& b, const std::vector<domain::BankTransaction>& r, const MatchOptions& o,
          std::vector<Evidence>& e, MatchResult& out)
      : books_(b), receipts_(r), options_(o), ev_(e), out_(out) {
    remaining_.resize(b.invoices.size());
    for (std::size_t i = 0; i < b.invoices.size(); ++i)
      remaining_[i] = std::max<std::int64_t>(0, b.invoices[i].open_minor);
    state_.resize(r.size());
  }

  void run() {
    for (std::uint32_t r = 0; r < receipts_.size(); ++r) {
      if (ev_[r].status == Status::kCredit) continue;
      state_[r].resolved = true;
      if (ev_[r].status == Status::kZero) state_[r].why = Why::kZeroAmount;
    }
    each([&](std::uint32_t r) { pass_reference(r); });
    each([&](std::uint32_t r) { pass_reference_list(r); });
    each([&](std::uint32_t r) { pass_combination(r); });
    each([&](std::uint32_t r) { pass_customer_amount(r); });
    each([&](std::uint32_t r) { pass_partial(r); });
    for (std::uint32_t r = 0; r < receipts_.size(); ++r)
      if (!state_[r].resolved || ev_[r].status == Status::kZero) queue(r);
  }

 private:
  template <typename Fn>
  void each(Fn&& fn) {
    for (std::uint32_t r = 0; r < receipts_.size(); ++r)
      if (!state_[r].resolved) fn(r);
  }

  static int priority(Why why) {
    switch (why) {
      case Why::kNothing: return 0;
      case Why::kPayerNoMatch: return 1;
      case Why::kRefAmount: return 2;
      case Why::kCurrency: return 3;
      case Why::kPaid: return 4;
      case Why::kCombinationBound: return 5;
      case Why::kAmbiguousPayer: return 6;
      case Why::kAmbiguousCombination: return 7;
      case Why::kAmbiguousAmount: return 8;
      case Why::kAmbiguousRef: return 9;
      case Why::kLowConfidence: return 10;
      case Why::kZeroAmount: return 11;
    }
    return 0;
  }

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
             std::int64_t deduction = 0) {
    Application a;
    a.receipt = r;
    a.invoice_id = books_.invoices[invoice].id;
    a.amount_minor = amount;
    a.rule = rule;
    a.confidence = std::clamp(confidence, 0, 100);
    if (deduction > 0) {
      a.deduction_minor = deduction;
      a.deduction_reason = options_.deduction_reason;
    }
    remaining_[invoice] -= amount + deduction;
    out_.applications.push_back(std::move(a));
    state_[r].resolved = true;
  }

  bool confident(std::uint32_t r, int confidence) {
    if (confidence >= options_.min_confidence) return true;
    note(r, Why::kLowConfidence);
    return false;
  }

  static int context_rank(const Hit& h) {
    // Lower is stronger: structured/full form, invoice word, bare; typos and partial keys weaker.
    int rank = static_cast<int>(h.context) * 2;
    if ((h.flags & kFullForm) == 0) rank += 1;
    if (h.flags & kLastRun) rank += 4;
    if (h.flags & kFuzzy) rank += 8;
    return rank;
  }

  // ---- pass 1: one referenced invoice whose amount agrees --------------------------------------
  void pass_reference(std::uint32_t r) {
    const Evidence& e = ev_[r];
    const std::int64_t amount = tx(r).amount_minor;
    // Exact references first.
    const Hit* best = nullptr;
    int best_rank = 1000;
    int ties = 0;
    int exact_strong = 0;  // non-bare exact hits still open
    for (const Hit& h : e.hit_span()) {
      if (h.flags & kFuzzy) continue;
      if (h.context != RefContext::kBare && usable(r, h.invoice)) ++exact_strong;
      if (!usable(r, h.invoice) || remaining_[h.invoice] != amount) continue;
      int rank = context_rank(h);
      if (payer_confirms(r, h.invoice)) rank -= 1;  // the payer breaks a tie
      if (rank < best_rank) {
        best = &h;
        best_rank = rank;
        ties = 0;
      } else if (rank == best_rank) {
        ++ties;
      }
    }
    if (best != nullptr) {
      if (ties > 0) {
        note(r, Why::kAmbiguousRef);
        return;
      }
      // A round amount: the reference may be a typo that landed on another invoice of the same
      // price. Apply only for a payer who does not say otherwise and with no typo variant competing.
      if (common_amount(r) && !payer_confirms(r, best->invoice)) {
        bool variant_agrees = false;
        for (const Hit& h : e.hit_span())
          variant_agrees = variant_agrees || ((h.flags & kFuzzy) && usable(r, h.invoice) && remaining_[h.invoice] == amount);
        if (!payer_consistent(r, best->invoice) || variant_agrees) {
          note(r, Why::kAmbiguousRef);
          return;
        }
      }
      int conf = 99;
      if (best->context == RefContext::kInvoiceWord) conf = (best->flags & kFullForm) ? 98 : 97;
      if (best->context == RefContext::kBare) conf = 95;
      if (best->flags & kLastRun) conf -= 4;
      if (payer_contradicts(r, best->invoice)) conf -= 10;
      if (confident(r, conf)) apply(r, best->invoice, amount, MatchRule::kReference, conf);
      return;
    }
    // A tolerated short-pay against the only referenced invoice.
    if (exact_strong == 1) {
      for (const Hit& h : e.hit_span()) {
        if ((h.flags & kFuzzy) || h.context == RefContext::kBare || !usable(r, h.invoice)) continue;
        if (!within_tolerance(remaining_[h.invoice], amount, options_.tolerance)) break;
        if (!payer_consistent(r, h.invoice)) break;  // a stranger's near-amount is no short-pay
        int conf = h.context == RefContext::kStructured ? 94 : 92;
        if (payer_contradicts(r, h.invoice)) conf -= 10;
        if (confident(r, conf))
          apply(r, h.invoice, amount, MatchRule::kReference, conf, remaining_[h.invoice] - amount);
        return;
      }
    }
    // A typo: exactly one variant whose amount agrees, and the payer does not point elsewhere.
    // Round amounts repeat across customers: among several variants that agree, the one the
    // identified payer owns wins; otherwise several are ambiguous.
    const Hit* fuzzy = nullptr;
    const Hit* confirmed = nullptr;
    int count = 0;
    int confirmed_count = 0;
    for (const Hit& h : e.hit_span()) {
      if (!(h.flags & kFuzzy) || !usable(r, h.invoice) || remaining_[h.invoice] != amount) continue;
      ++count;  // hits are distinct invoices
      fuzzy = &h;
      if (payer_confirms(r, h.invoice)) {
        ++confirmed_count;
        confirmed = &h;
      }
    }
    if (confirmed_count == 1) {
      fuzzy = confirmed;
    } else if (count > 1) {
      note(r, Why::kAmbiguousRef);
      return;
    }
    if (fuzzy != nullptr && payer_consistent(r, fuzzy->invoice)) {
      const int conf = payer_confirms(r, fuzzy->invoice) ? 90 : 82;
      if (confident(r, conf)) apply(r, fuzzy->invoice, amount, MatchRule::kReferenceFuzzy, conf);
      return;
    }
    if (e.hit_count > 0) note(r, Why::kRefAmount);
  }

  // ---- pass 2a: several referenced invoices that add up -----------------------------------------
  void pass_reference_list(std::uint32_t r) {
    const Evidence& e = ev_[r];
    const std::int64_t amount = tx(r).amount_minor;
    std::array<std::uint32_t, Evidence::kMaxHits> strong{};
    std::array<std::uint32_t, Evidence::kMaxHits> all{};
    int ns = 0;
    int na = 0;
    for (const Hit& h : e.hit_span()) {
      if (!usable(r, h.invoice)) continue;
      all[na++] = h.invoice;
      if (!(h.flags & kFuzzy) && h.context != RefContext::kBare) strong[ns++] = h.invoice;
    }
    if (na < 2) return;
    std::int64_t strong_sum = 0;
    for (int i = 0; i < ns; ++i) strong_sum += remaining_[strong[i]];
    bool one_customer = ns >= 2;
    for (int i = 1; i < ns; ++i) one_customer = one_customer && customer_of(strong[i]) == customer_of(strong[0]);
    if (one_customer && strong_sum == amount) {
      const int conf = 97;
      if (!confident(r, conf)) return;
      for (int i = 0; i < ns; ++i) apply(r, strong[i], remaining_[strong[i]], MatchRule::kReferenceList, conf);
      return;
    }
    // A subset of the references (one of them noise, or a typo) that adds up exactly.
    std::array<std::int64_t, Evidence::kMaxHits> amounts{};
    for (int i = 0; i < na; ++i) amounts[i] = remaining_[all[i]];
    CombinationBounds bounds;
    bounds.min_size = 2;
    bounds.max_size = na;
    bounds.node_budget = 20000;
    const CombinationResult found = find_exact_sum(std::span<const std::int64_t>(amounts.data(), na), amount, bounds);
    if (found.solutions == 1 && !found.budget_exhausted) {
      bool fuzzy_used = false;
      std::uint32_t owner = kNone;
      bool same_owner = true;
      for (std::uint32_t p : found.picks) {
        for (const Hit& h : e.hit_span())
          if (h.invoice == all[p] && (h.flags & kFuzzy)) fuzzy_used = true;
        const std::uint32_t c = customer_of(all[p]);
        if (owner == kNone) owner = c;
        else if (c != owner) same_owner = false;
      }
      // Picks across customers, or typo-found picks the payer does not back: not on references alone.
      if (!same_owner) return;
      if (fuzzy_used && ((e.customer != kNone && e.customer != owner) || (e.customer == kNone && e.payer_given && ns == 0)))
        return;
      const int conf = fuzzy_used ? 88 : 92;
      if (!confident(r, conf)) return;
      for (std::uint32_t p : found.picks) apply(r, all[p], remaining_[all[p]], MatchRule::kReferenceList, conf);
      return;
    }
    if (found.solutions >= 2) {
      note(r, Why::kAmbiguousRef);
      return;
    }
    // All references (one customer's, the payer not saying otherwise) paid, short by a tolerated
    // amount: the deduction goes on the largest.
    if (one_customer && payer_consistent(r, strong[0]) && strong_sum > amount) {
      const std::int64_t shortfall = strong_sum - amount;
      if (within_tolerance(strong_sum, amount, options_.tolerance)) {
        const int conf = 90;
        if (!confident(r, conf)) return;
        int largest = 0;
        for (int i = 1; i < ns; ++i)
          if (remaining_[strong[i]] > remaining_[strong[largest]]) largest = i;
        for (int i = 0; i < ns; ++i) {
          const std::int64_t open = remaining_[strong[i]];
          if (i == largest) apply(r, strong[i], open - shortfall, MatchRule::kReferenceList, conf, shortfall);
          else apply(r, strong[i], open, MatchRule::kReferenceList, conf);
        }
      }
    }
  }

  // ---- pass 2b: an exact-sum combination of the payer's open invoices ---------------------------
  void pass_combination(std::uint32_t r) {
    const Evidence& e = ev_[r];
    const std::int64_t amount = tx(r).amount_minor;
    // Whose invoices: the identified payer, else (nothing said about the payer) the one customer
    // all references point to.
    std::uint32_t customer = e.customer;
    bool from_refs = false;
    if (customer == kNone && !e.payer_given) {
      for (const Hit& h : e.hit_span()) {
        if ((h.flags & kFuzzy) || h.context == RefContext::kBare) continue;
        const std::uint32_t c = customer_of(h.invoice);
        if (customer == kNone) customer = c;
        else if (c != customer) return;
      }
      from_refs = customer != kNone;
    }
    if (customer == kNone) return;
    // Referenced invoices of this customer (bare numbers too) must be part of the combination.
    std::array<std::uint32_t, Evidence::kMaxHits> anchors{};
    int nanch = 0;
    std::int64_t anchored = 0;
    for (const Hit& h : e.hit_span()) {
      if ((h.flags & kFuzzy) || !usable(r, h.invoice)) continue;
      if (customer_of(h.invoice) != customer) continue;
      bool dup = false;
      for (int i = 0; i < nanch; ++i) dup = dup || anchors[i] == h.invoice;
      if (dup) continue;
      anchors[nanch++] = h.invoice;
      anchored += remaining_[h.invoice];
    }
    if (anchored >= amount) return;
    // Without anchors, only a payer known by account or exact name; from references alone, at
    // least two of them.
    const bool strong_payer = e.payer == PayerMatch::kAccount || e.payer == PayerMatch::kName;
    const bool common = common_amount(r);
    if (nanch == 0 && !strong_payer && !(e.payer == PayerMatch::kFuzzyName && !common)) return;
    if (nanch == 0 && references_elsewhere(r, customer)) return;  // the remittance names someone else's invoice
    if (from_refs && nanch < 2) return;
    const int room = nanch > 0 ? options_.max_combination_size - nanch : options_.max_unreferenced_combination_size;
    if (room <= 0) return;

    cand_.clear();
    for (std::uint32_t i : books_.invoices_of(customer)) {
      if (!usable(r, i) || remaining_[i] > amount - anchored) continue;
      bool is_anchor = false;
      for (int a = 0; a < nanch; ++a) is_anchor = is_anchor || anchors[a] == i;
      if (!is_anchor) cand_.push_back(i);
    }
    if (cand_.empty()) {
      state_[r].combination_searched = true;
      return;
    }
    // One invoice of exactly the amount outweighs a coincidental combination, unless the amount
    // is a common (round) one, where combinations are no coincidence: then both compete.
    if (nanch == 0 && !common) {
      int singles = 0;
      for (std::uint32_t i : cand_) singles += remaining_[i] == amount ? 1 : 0;
      if (singles == 1) return;
    }
    if (static_cast<int>(cand_.size()) > options_.max_combination_candidates) {
      note(r, Why::kCombinationBound);
      return;
    }
    amounts_.clear();
    for (std::uint32_t i : cand_) amounts_.push_back(remaining_[i]);
    // Single invoices count as solutions too: a lone invoice of the whole amount is pass 3's,
    // and a combination that competes with one is ambiguous.
    CombinationBounds bounds;
    bounds.min_size = 1;
    bounds.max_size = room;
    bounds.node_budget = options_.combination_node_budget;
    const CombinationResult found = find_exact_sum(amounts_, amount - anchored, bounds);
    if (found.budget_exhausted) {
      note(r, Why::kCombinationBound);
      return;
    }
    state_[r].combination_searched = true;
    if (found.solutions >= 2) {
      state_[r].combination_competes = true;
      note(r, Why::kAmbiguousCombination);
      return;
    }
    if (found.solutions == 0) return;
    if (nanch + static_cast<int>(found.picks.size()) < 2) return;  // one invoice: pass 3 decides
    // Next to referenced invoices, an unreferenced one joins only when it resembles one of the
    // references (a badly mistyped number); otherwise the rest is an overpayment (pass 4).
    if (nanch > 0)
      for (std::uint32_t p : found.picks)
        if (!reference_resembles(r, cand_[p])) return;
    int conf = 85;
    if (e.payer == PayerMatch::kFuzzyName || from_refs) conf = 80;
    if (nanch > 0) conf += 3;
    if (!confident(r, conf)) return;
    for (int a = 0; a < nanch; ++a) apply(r, anchors[a], remaining_[anchors[a]], MatchRule::kCombination, conf);
    for (std::uint32_t p : found.picks) apply(r, cand_[p], remaining_[cand_[p]], MatchRule::kCombination, conf);
  }

  // Similarity of an invoice number to the receipt's references: 0 none, 1 typo/truncation.
  bool reference_resembles(std::uint32_t r, std::uint32_t invoice) {
    const Evidence& e = ev_[r];
    if (e.ref_count == 0) return false;
    digits_.clear();
    for (char c : books_.invoices[invoice].number)
      if (c >= '0' && c <= '9') digits_.push_back(c);
    for (int i = 0; i < e.ref_count; ++i) {
      const std::string_view ref = e.ref(i);
      if (ref.size() >= 4 && std::string_view(digits_).substr(0, ref.size()) == ref) return true;
      if (ref.size() >= 3 && edit_distance(ref, digits_, 2) <= 2) return true;
    }
    return false;
  }

  // Among `list`, the one invoice the references resemble; kNone when none or several.
  std::uint32_t single_resembling(std::uint32_t r, std::span<const std::uint32_t> list) {
    std::uint32_t found = kNone;
    for (std::uint32_t i : list) {
      if (!reference_resembles(r, i)) continue;
      if (found != kNone) return kNone;
      found = i;
    }
    return found;
  }

  bool strong_ref_elsewhere(std::uint32_t r, std::uint32_t customer, std::uint32_t invoice) const {
    // An exact reference to another open invoice of the same customer contradicts an amount match.
    // Bare numbers count here: one that names another invoice of the same payer is no accident.
    for (const Hit& h : ev_[r].hit_span()) {
      if (h.flags & kFuzzy) continue;
      if (h.invoice != invoice && customer_of(h.invoice) == customer && remaining_[h.invoice] > 0) return true;
    }
    return false;
  }

  // The remittance names another open invoice (anyone's) of exactly this amount: the payer's
  // name and the reference disagree, and neither wins.
  bool referenced_agreeing_elsewhere(std::uint32_t r, std::uint32_t invoice) const {
    for (const Hit& h : ev_[r].hit_span()) {
      if ((h.flags & kFuzzy) || h.context == RefContext::kBare || h.invoice == invoice) continue;
      if (usable(r, h.invoice) && remaining_[h.invoice] == tx(r).amount_minor) return true;
    }
    return false;
  }

  // The remittance names an invoice of another customer than `customer`.
  bool references_elsewhere(std::uint32_t r, std::uint32_t customer) const {
    for (const Hit& h : ev_[r].hit_span())
      if (!(h.flags & kFuzzy) && h.context != RefContext::kBare && customer_of(h.invoice) != customer) return true;
    return false;
  }

  bool common_amount(std::uint32_t r) const {
    const auto same = books_.by_amount.find(
        hash_pair(currency_bits(tx(r).currency), static_cast<std::uint64_t>(tx(r).amount_minor)));
    return same.size() > static_cast<std::size_t>(kCommonAmount);
  }

  // ---- pass 3: payer identified, unique open invoice of that amount -----------------------------
  void pass_customer_amount(std::uint32_t r) {
    const Evidence& e = ev_[r];
    const std::int64_t amount = tx(r).amount_minor;
    if (e.customer != kNone) {
      cand_.clear();
      for (std::uint32_t i : books_.invoices_of(e.customer))
        if (usable(r, i) && remaining_[i] == amount) cand_.push_back(i);
      if (cand_.empty()) {
        note(r, Why::kPayerNoMatch);
        return;
      }
      // A name that only resembles the customer's is not enough for an amount that many open
      // invoices share (round prices): a stranger with a similar name pays those too.
      if (e.payer == PayerMatch::kFuzzyName && common_amount(r)) {
        note(r, Why::kAmbiguousAmount);
        return;
      }
      std::uint32_t pick = cand_.size() == 1 ? cand_[0] : single_resembling(r, cand_);
      int conf = 0;
      switch (e.payer) {
        case PayerMatch::kAccount: conf = 92; break;
        case PayerMatch::kName: conf = 90; break;
        default: conf = 82; break;
      }
      if (cand_.size() > 1) conf -= 5;
      if (pick == kNone) {
        note(r, Why::kAmbiguousAmount);
        return;
      }
      if (state_[r].combination_competes) {
        note(r, Why::kAmbiguousCombination);
        return;
      }
      if (strong_ref_elsewhere(r, e.customer, pick)) {
        note(r, Why::kRefAmount);
        return;
      }
      if (referenced_agreeing_elsewhere(r, pick) || (common_amount(r) && references_elsewhere(r, e.customer))) {
        note(r, Why::kAmbiguousRef);
        return;
      }
      if (confident(r, conf)) apply(r, pick, amount, MatchRule::kCustomerAmount, conf);
      return;
    }
    if (e.payer == PayerMatch::kAmbiguous) {
      // Several customers fit the name equally: one open invoice of that amount among them all.
      cand_.clear();
      for (int n = 0; n < e.name_count; ++n) {
        if (e.name_scores[n] < options_.name_threshold || e.name_scores[0] - e.name_scores[n] >= options_.name_margin)
          continue;
        for (std::uint32_t i : books_.invoices_of(e.names[n]))
          if (usable(r, i) && remaining_[i] == amount) cand_.push_back(i);
      }
      if (cand_.size() == 1) {
        if (confident(r, 75)) apply(r, cand_[0], amount, MatchRule::kCustomerAmount, 75);
        return;
      }
      note(r, cand_.empty() ? Why::kAmbiguousPayer : Why::kAmbiguousAmount);
    }
  }

  // ---- pass 4: partial payments, short-pays, overpayments ---------------------------------------
  void pass_partial(std::uint32_t r) {
    const Evidence& e = ev_[r];
    const std::int64_t amount = tx(r).amount_minor;
    std::array<std::uint32_t, Evidence::kMaxHits> strong{};
    int ns = 0;
    bool any_strong = false;
    for (const Hit& h : e.hit_span()) {
      if ((h.flags & kFuzzy) || (h.flags & kLastRun)) continue;
      // A bare number counts when it names an invoice of the identified payer.
      if (h.context == RefContext::kBare && !payer_confirms(r, h.invoice)) continue;
      bool dup = false;
      for (int i = 0; i < ns; ++i) dup = dup || strong[i] == h.invoice;
      if (dup) continue;
      strong[ns++] = h.invoice;
      if (h.context != RefContext::kBare) any_strong = true;
    }
    if (ns == 1) {
      const std::uint32_t inv = strong[0];
      const bool confirmed = payer_confirms(r, inv);
      const bool unknown_payer = e.customer == kNone && !e.payer_given && any_strong;
      if (!usable(r, inv)) {
        note(r, remaining_[inv] <= 0 ? Why::kPaid : Why::kCurrency);
      } else if (confirmed || unknown_payer) {
        const std::int64_t open = remaining_[inv];
        const int conf = confirmed ? 85 : 78;
        if (amount > open) {
          if (!confident(r, conf)) return;
          OnAccount oa{r, books_.invoices[inv].customer_id, amount - open, MatchRule::kOverpayment, conf};
          apply(r, inv, open, MatchRule::kOverpayment, conf);
          out_.on_account.push_back(oa);
          return;
        }
        if (amount < open) {
          if (within_tolerance(open, amount, options_.tolerance)) {
            if (confident(r, conf)) apply(r, inv, amount, MatchRule::kShortPay, conf, open - amount);
          } else if (confident(r, conf)) {
            apply(r, inv, amount, MatchRule::kPartial, conf);
          }
          return;
        }
      } else {
        note(r, Why::kRefAmount);
      }
    } else if (ns >= 2) {
      // Several references of one customer, the payer confirmed, paid more than their sum.
      std::int64_t sum = 0;
      bool all_open = true;
      const std::uint32_t owner = customer_of(strong[0]);
      bool same = true;
      for (int i = 0; i < ns; ++i) {
        all_open = all_open && usable(r, strong[i]);
        same = same && customer_of(strong[i]) == owner;
        sum += remaining_[strong[i]];
      }
      if (all_open && same && owner != kNone && e.customer == owner && amount > sum) {
        const int conf = 80;
        if (!confident(r, conf)) return;
        for (int i = 0; i < ns; ++i) apply(r, strong[i], remaining_[strong[i]], MatchRule::kOverpayment, conf);
        out_.on_account.push_back(
            OnAccount{r, books_.invoices[strong[0]].customer_id, amount - sum, MatchRule::kOverpayment, conf});
        return;
      }
      note(r, Why::kRefAmount);
    }
    // No usable reference: a short-pay of exactly one of the identified payer's invoices, when
    // no invoice of the payer has the exact amount and no combination adds up to it.
    // Guesswork unless the payer is known for sure and has few open invoices, none of which (nor
    // any combination) pays exactly.
    const bool strong_payer = e.payer == PayerMatch::kAccount || e.payer == PayerMatch::kName;
    if (strong_payer && ns == 0 && state_[r].combination_searched && !state_[r].combination_competes) {
      cand_.clear();
      int open_count = 0;
      for (std::uint32_t i : books_.invoices_of(e.customer)) {
        if (!usable(r, i)) continue;
        if (remaining_[i] == amount || ++open_count > kShortPayOpenInvoices) return;
        if (within_tolerance(remaining_[i], amount, options_.tolerance)) cand_.push_back(i);
      }
      if (cand_.empty()) return;
      const std::uint32_t pick = cand_.size() == 1 ? cand_[0] : single_resembling(r, cand_);
      if (pick == kNone) {
        note(r, Why::kAmbiguousAmount);
        return;
      }
      if (strong_ref_elsewhere(r, e.customer, pick)) {
        note(r, Why::kRefAmount);
        return;
      }
      const int conf = 75;
      if (confident(r, conf)) apply(r, pick, amount, MatchRule::kShortPay, conf, remaining_[pick] - amount);
    }
  }

  // ---- pass 5: the unapplied queue ----------------------------------------------------------
  void suggest(std::vector<Suggestion>& s, Suggestion::Kind kind, std::int64_t id, int score, std::string why) {
    for (Suggestion& x : s)
      if (x.kind == kind && x.id == id) {
        if (score > x.score) {
          x.score = score;
          x.why = std::move(why);
        }
        return;
      }
    s.push_back(Suggestion{kind, id, score, std::move(why)});
  }

  std::string money(std::int64_t minor, const core::Currency& c) const {
    std::string s(c.view());
    s.push_back(' ');
    core::append_amount(s, minor, c.exponent);
    return s;
  }

  std::string describe_invoice(std::uint32_t i) const {
    const OpenInvoice& inv = books_.invoices[i];
    std::string s = inv.number;
    s += " (";
    const std::uint32_t c = customer_of(i);
    if (c != kNone) {
      s += books_.customers[c].name;
      s += ", ";
    }
    s += "open ";
    s += money(remaining_[i], inv.currency);
    s += ")";
    return s;
  }

  void queue(std::uint32_t r) {
    const Evidence& e = ev_[r];
    const domain::BankTransaction& t = tx(r);
    Unapplied u;
    u.receipt = r;
    if (e.customer != kNone) u.customer_id = books_.customers[e.customer].id;
    std::vector<Suggestion>& s = u.suggestions;

    for (const Hit& h : e.hit_span()) {
      const std::int64_t open = remaining_[h.invoice];
      const OpenInvoice& inv = books_.invoices[h.invoice];
      int score = (h.flags & kFuzzy) ? 55 : (h.context == RefContext::kBare ? 50 : 70);
      if (payer_confirms(r, h.invoice)) score += 10;
      std::string why = (h.flags & kFuzzy) ? "remittance reference is one typo away from " : "remittance references ";
      why += describe_invoice(h.invoice);
      if (inv.currency != t.currency) {
        why += "; invoice is in another currency";
        score -= 30;
      } else if (open <= 0) {
        why += "; already fully applied";
        score -= 30;
      } else if (open == t.amount_minor) {
        why += "; amount agrees";
        score += 10;
      } else {
        why += "; paid ";
        why += money(t.amount_minor, t.currency);
      }
      suggest(s, Suggestion::Kind::kInvoice, inv.id, score, std::move(why));
    }
    // The payer's (or the likely payers') open invoices nearest to the amount.
    auto nearest = [&](std::uint32_t customer, int base, std::string_view how) {
      std::uint32_t best[3] = {kNone, kNone, kNone};
      std::int64_t dist[3] = {0, 0, 0};
      for (std::uint32_t i : books_.invoices_of(customer)) {
        if (!usable(r, i)) continue;
        std::int64_t d = remaining_[i] - t.amount_minor;
        if (d < 0) d = -d;
        for (int k = 0; k < 3; ++k) {
          if (best[k] == kNone || d < dist[k]) {
            for (int m = 2; m > k; --m) {
              best[m] = best[m - 1];
              dist[m] = dist[m - 1];
            }
            best[k] = i;
            dist[k] = d;
            break;
          }
        }
      }
      for (int k = 0; k < 3 && best[k] != kNone; ++k) {
        std::string why = "payer matches ";
        why += books_.customers[customer].name;
        why += " by ";
        why += how;
        why += "; ";
        why += describe_invoice(best[k]);
        why += dist[k] == 0 ? ", same amount" : ", nearest amount";
        suggest(s, Suggestion::Kind::kInvoice, books_.invoices[best[k]].id, base + (dist[k] == 0 ? 10 : 0) - k,
                std::move(why));
      }
    };
    if (e.customer != kNone) {
      nearest(e.customer, 60, payer_match_name(e.payer));
    } else {
      for (int n = 0; n < e.name_count; ++n) {
        const std::uint32_t c = e.names[n];
        const int score = static_cast<int>(e.name_scores[n] * 50.0f);
        std::string why = "payer name resembles ";
        why += books_.customers[c].name;
        suggest(s, Suggestion::Kind::kCustomer, books_.customers[c].id, score, std::move(why));
        nearest(c, score - 5, "a similar name");
      }
    }
    // Anyone's open invoice of exactly this amount, when there are only a few.
    auto same = books_.by_amount.find(hash_pair(currency_bits(t.currency), static_cast<std::uint64_t>(t.amount_minor)));
    if (!same.empty() && same.size() <= 3) {
      for (std::uint32_t i : same) {
        if (!usable(r, i) || remaining_[i] != t.amount_minor) continue;
        std::string why = "only ";
        why += std::to_string(same.size());
        why += same.size() == 1 ? " open invoice has" : " open invoices have";
        why += " this amount: ";
        why += describe_invoice(i);
        suggest(s, Suggestion::Kind::kInvoice, books_.invoices[i].id, 30, std::move(why));
      }
    }
    std::stable_sort(s.begin(), s.end(), [](const Suggestion& a, const Suggestion& b) { return a.score > b.score; });
    if (s.size() > 3) s.resize(3);
    for (Suggestion& x : s) x.score = std::clamp(x.score, 0, 100);

    switch (state_[r].why) {
      case Why::kNothing:
        u.reason = e.hit_count == 0 && e.customer == kNone
                       ? (e.candidate_count == 0 ? "no invoice reference and payer not identified"
                                                 : "references match no open invoice and payer not identified")
                       : "no open invoice fits the amount";
        break;
      case Why::kRefAmount: u.reason = "referenced invoice does not agree with the amount and the payer does not confirm it"; break;
      case Why::kAmbiguousRef: u.reason = "ambiguous: several referenced invoices fit equally"; break;
      case Why::kAmbiguousAmount: u.reason = "ambiguous: several open invoices of the payer have this amount"; break;
      case Why::kAmbiguousCombination: u.reason = "ambiguous: several combinations of the payer's invoices add up to the amount"; break;
      case Why::kCombinationBound: u.reason = "combination search not finished within its bounds"; break;
      case Why::kAmbiguousPayer: u.reason = "ambiguous: the payer name fits several customers"; break;
      case Why::kPaid: u.reason = "referenced invoice is already fully applied (duplicate payment?)"; break;
      case Why::kPayerNoMatch: u.reason = "payer identified but no open invoice fits the amount"; break;
      case Why::kCurrency: u.reason = "referenced invoice is in another currency"; break;
      case Why::kLowConfidence: u.reason = "best match is below the confidence threshold"; break;
      case Why::kZeroAmount: u.reason = "zero amount"; break;
    }
    out_.unapplied.push_back(std::move(u));
  }

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

struct DuplicateKey {
  std::string_view reference;
  std::int32_t date;
  std::int64_t amount;
  std::uint64_t currency;
  bool credit;
  bool operator==(const DuplicateKey&) const = default;
};
struct DuplicateKeyHash {
  std::size_t operator()(const DuplicateKey& k) const {
    return hash_pair(hash_pair(hash_bytes(k.reference), static_cast<std::uint64_t>(k.date)),
                     hash_pair(static_cast<std::uint64_t>(k.amount), k.currency * 2 + (k.credit ? 1 : 0)));
  }
};

}  // namespace

MatchResult match_receipts(const std::vector<domain::BankTransaction>& receipts,
                           const std::vector<OpenInvoice>& invoices,
                           const std::vector<MatchCustomer>& customers, const MatchOptions& options) {
  MatchResult result;
  Books books(invoices, customers);
  const bool parallel = options.threads > 1;
  if (parallel) {
    std::thread side([&] { build_customers(books); });
    build_invoices(books);
    side.join();
  } else {
    build_customers(books);
    build_invoices(books);
  }
  build_customer_lists(books);

  // Status of each receipt: debits, reversals and exact repeats are not matched.
  std::vector<Evidence> evidence(receipts.size());
  std::unordered_map<DuplicateKey, std::uint32_t, DuplicateKeyHash> seen;
  seen.reserve(receipts.size() * 2);
  for (std::uint32_t r = 0; r < receipts.size(); ++r) {
    const domain::BankTransaction& t = receipts[r];
    Evidence& e = evidence[r];
    if (t.direction == domain::Direction::kDebit) e.status = Status::kDebit;
    else if (t.reversal) e.status = Status::kReversal;
    else if (t.amount_minor <= 0) e.status = Status::kZero;
    if (!t.bank_reference.empty()) {
      DuplicateKey key{t.bank_reference, t.booking_date.days(), t.amount_minor, currency_bits(t.currency),
                       t.direction == domain::Direction::kCredit};
      auto [it, inserted] = seen.emplace(key, r);
      if (!inserted && e.status == Status::kCredit) {
        e.status = Status::kDuplicate;
        result.duplicates.emplace_back(r, it->second);
      }
    }
    if (e.status == Status::kDebit) result.debits.push_back(r);
    if (e.status == Status::kReversal) result.reversals.push_back(r);
  }

  // Evidence: independent per receipt, gathered on `threads` workers.
  const int threads = std::max(1, std::min(options.threads, 8));
  auto work = [&](std::size_t begin, std::size_t end) {
    Worker w(books, options);
    for (std::size_t r = begin; r < end; ++r)
      if (evidence[r].status == Status::kCredit) w.gather(receipts[r], evidence[r]);
  };
  if (threads > 1 && receipts.size() >= 256) {
    std::vector<std::thread> pool;
    const std::size_t chunk = (receipts.size() + threads - 1) / threads;
    for (int t = 1; t < threads; ++t) {
      const std::size_t b = std::min(receipts.size(), chunk * t);
      const std::size_t e = std::min(receipts.size(), chunk * (t + 1));
      pool.emplace_back(work, b, e);
    }
    work(0, std::min(receipts.size(), chunk));
    for (std::thread& th : pool) th.join();
  } else {
    work(0, receipts.size());
  }

  Matcher matcher(books, receipts, options, evidence, result);
  matcher.run();

  std::stable_sort(result.applications.begin(), result.applications.end(),
                   [](const Application& a, const Application& b) { return a.receipt < b.receipt; });
  std::stable_sort(result.on_account.begin(), result.on_account.end(),
                   [](const OnAccount& a, const OnAccount& b) { return a.receipt < b.receipt; });
  result.stats.receipts = receipts.size();
  result.stats.debits = result.debits.size();
  result.stats.reversals = result.reversals.size();
  result.stats.duplicates = result.duplicates.size();
  result.stats.unapplied = result.unapplied.size();
  std::uint32_t last = kNone;
  for (const Application& a : result.applications)
    if (a.receipt != last) {
      ++result.stats.applied_receipts;
      last = a.receipt;
    }
  return result;
}

}  // namespace otc::engine
