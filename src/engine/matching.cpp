// Cash application, the orchestration: receipt status (debits, reversals, repeated lines), the
// indexes, the evidence phase on worker threads, then the passes in order over all receipts, so
// a strong match never loses its invoice to a weaker one. The files of the engine are listed at
// the top of matching_internal.hpp; docs/cash-application.md describes the passes.
#include "otc/engine/matching.hpp"

#include <algorithm>
#include <thread>
#include <unordered_map>

#include "matching_internal.hpp"

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

namespace matching_detail {

Matcher::Matcher(const Books& b, const std::vector<domain::BankTransaction>& r, const MatchOptions& o,
                 std::vector<Evidence>& e, MatchResult& out)
    : books_(b), receipts_(r), options_(o), ev_(e), out_(out) {
  remaining_.resize(b.invoices.size());
  for (std::size_t i = 0; i < b.invoices.size(); ++i)
    remaining_[i] = std::max<std::int64_t>(0, b.invoices[i].open_minor);
  state_.resize(r.size());
}

// The order of the passes: precision first.
void Matcher::run() {
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

}  // namespace matching_detail

namespace {

using namespace matching_detail;

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

// Both indexes at once when threads are allowed; the per-customer lists need both.
void build_books(Books& books, bool parallel) {
  if (parallel) {
    std::thread side([&] { build_customers(books); });
    build_invoices(books);
    side.join();
  } else {
    build_customers(books);
    build_invoices(books);
  }
  build_customer_lists(books);
}

// Status of each receipt: debits, reversals and exact repeats are not matched.
void classify_receipts(const std::vector<domain::BankTransaction>& receipts, std::vector<Evidence>& evidence,
                       MatchResult& result) {
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
}

// Evidence: independent per receipt, gathered on `threads` workers (at most 8, and only for
// 256 receipts or more).
void gather_evidence(const Books& books, const MatchOptions& options,
                     const std::vector<domain::BankTransaction>& receipts, std::vector<Evidence>& evidence) {
  const int threads = std::max(1, std::min(options.threads, 8));
  auto work = [&](std::size_t begin, std::size_t end) {
    EvidenceWorker w(books, options);
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
}

// Applications and on-account remainders grouped by receipt (pass order kept within one), and
// the counts.
void finish(MatchResult& result, std::size_t receipts) {
  std::stable_sort(result.applications.begin(), result.applications.end(),
                   [](const Application& a, const Application& b) { return a.receipt < b.receipt; });
  std::stable_sort(result.on_account.begin(), result.on_account.end(),
                   [](const OnAccount& a, const OnAccount& b) { return a.receipt < b.receipt; });
  result.stats.receipts = receipts;
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
}

}  // namespace

MatchResult match_receipts(const std::vector<domain::BankTransaction>& receipts,
                           const std::vector<OpenInvoice>& invoices,
                           const std::vector<MatchCustomer>& customers, const MatchOptions& options) {
  MatchResult result;
  Books books(invoices, customers);
  build_books(books, options.threads > 1);
  std::vector<Evidence> evidence(receipts.size());
  classify_receipts(receipts, evidence, result);
  gather_evidence(books, options, receipts, evidence);
  Matcher matcher(books, receipts, options, evidence, result);
  matcher.run();
  finish(result, receipts.size());
  return result;
}

}  // namespace otc::engine
