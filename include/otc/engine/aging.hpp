#pragma once
// AR aging: open items sorted into day buckets as of a date. Pure: no ledger, no clock.
#include <cstdint>
#include <map>
#include <unordered_map>
#include <string>
#include <tuple>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/domain/ar_records.hpp"

namespace otc::engine {

enum class AgingBasis { kDueDate, kInvoiceDate };

/// Bucket edges in days, ascending: {30,60,90,120} gives (due basis) current, 1-30, 31-60,
/// 61-90, 91-120, 121+; (invoice basis) 0-30, 31-60, 61-90, 91-120, 121+.
struct AgingBuckets {
  std::vector<int> edges{30, 60, 90, 120};
  AgingBasis basis = AgingBasis::kDueDate;

  /// Column labels, one per bucket.
  std::vector<std::string> labels() const;
  std::size_t count() const { return edges.size() + (basis == AgingBasis::kDueDate ? 2 : 1); }
  /// Days an item is aged: days past due (due basis) or days since the invoice (invoice basis).
  int age_days(const domain::OpenItem& item, core::Date as_of) const;
  /// The bucket index for an age.
  std::size_t bucket_of(int age_days) const;
};

/// Parses "30,60,90,120": strictly increasing positive integers. Returns an empty vector on error.
std::vector<int> parse_bucket_edges(std::string_view text);

/// One aged row: a customer in one currency, or one invoice.
struct AgingRow {
  std::string customer_external_id;
  std::string customer_name;
  std::string currency;
  int exponent = 2;
  // by invoice only:
  std::string invoice_external_id;
  core::Date invoice_date, due_date;
  int age_days = 0;
  std::vector<std::int64_t> buckets;
  std::int64_t open_total = 0;
  std::int64_t unapplied_credit = 0;
  std::int64_t disputed = 0;        ///< with separate disputes: the open disputed part, out of the buckets
};

/// Accumulates open items and unapplied credit into aging rows; per (customer, currency) or per invoice.
class AgingAccumulator {
 public:
  AgingAccumulator(AgingBuckets buckets, core::Date as_of, bool by_invoice);
  void add(const domain::OpenItem& item);
  /// One customer's open items in one currency at once (by customer only): the same totals as
  /// adding its items one by one.
  void add(const domain::OpenItemRun& run);
  void add(const domain::UnappliedCredit& credit);
  /// Rows sorted by customer, currency (and due date, invoice for by_invoice).
  std::vector<AgingRow> rows() const;
  /// The same rows in the same order, as pointers into the accumulator (no copies; valid while
  /// it lives and takes nothing more).
  std::vector<const AgingRow*> sorted_rows() const;
  /// One total row per currency (customer fields empty).
  std::vector<AgingRow> totals() const;
  const AgingBuckets& buckets() const { return buckets_; }
  /// `aging --disputes separate`: the open disputed amount per invoice id; each invoice's
  /// disputed part (at most its balance) goes to the `disputed` column, only the rest is aged.
  void separate_disputes(std::unordered_map<std::int64_t, std::int64_t> disputed) {
    disputed_ = std::move(disputed);
    separate_ = true;
  }
  bool disputes_separate() const { return separate_; }

 private:
  AgingRow& customer_row(std::string_view customer, std::string_view name, const core::Currency& ccy);
  /// `aging --disputes separate`: the disputed part of an item's open amount (0 otherwise).
  std::int64_t disputed_part(std::int64_t invoice_id, std::int64_t open_minor) const;
  AgingBuckets buckets_;
  core::Date as_of_;
  bool by_invoice_;
  std::vector<AgingRow> customer_rows_;                    // one per (customer, currency)
  std::unordered_map<std::string, std::size_t> row_index_;  // "customer\x1fcurrency" -> customer_rows_ index
  std::string key_;                                         // reused lookup key: no allocation per item
  std::vector<AgingRow> invoice_rows_;
  std::map<std::string, std::int64_t> unapplied_by_currency_;
  std::unordered_map<std::int64_t, std::int64_t> disputed_;
  bool separate_ = false;               // by_invoice mode totals
  std::vector<std::uint8_t> bucket_by_age_;  // bucket_of(age) for ages 0..last edge + 1 (runs add by look-up)
};

}  // namespace otc::engine
