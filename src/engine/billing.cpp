#include "otc/engine/billing.hpp"

#include <algorithm>
#include <numeric>
#include <utility>

#include "otc/core/error.hpp"
#include "otc/engine/billing_book.hpp"
#include "otc/engine/proration.hpp"
#include "otc/engine/service.hpp"

namespace otc::engine {
namespace {

using domain::BillingTiming;
using domain::ContractLine;
using domain::DiscountKind;
using domain::PriceModel;

/// A run of service days of one version, with the discount either in force on all of it or on none.
struct Piece {
  core::Date from;
  core::Date to;
  bool discounted = false;
  friend bool operator==(const Piece&, const Piece&) = default;
};

struct Segment {
  std::size_t version = 0;
  Piece piece;
};

bool discount_in_force(const ContractLine& v, core::Date day) {
  return v.discount.kind != DiscountKind::kNone && (!v.discount.until || day <= *v.discount.until);
}

/// The days of [a, b] on which `v` is in service (not before the line's start, not after v's end),
/// split on the last day of v's discount.
void pieces_of(const ContractLine& v, core::Date line_start, core::Date a, core::Date b,
               std::vector<Piece>& out) {
  if (a < line_start) a = line_start;
  if (v.end && *v.end < b) b = *v.end;
  if (b < a) return;
  if (v.discount.kind == DiscountKind::kNone) {
    out.push_back({a, b, false});
  } else if (!v.discount.until || *v.discount.until >= b) {
    out.push_back({a, b, true});
  } else if (*v.discount.until < a) {
    out.push_back({a, b, false});
  } else {
    out.push_back({a, *v.discount.until, true});
    out.push_back({v.discount.until->add_days(1), b, false});
  }
}

bool same_pricing(const ContractLine& a, const ContractLine& b) {
  return a.unit_price_micros == b.unit_price_micros && a.price_per == b.price_per &&
         a.discount == b.discount && a.tax_rate_ppm == b.tax_rate_ppm && a.tiers == b.tiers;
}

std::string qty_text(std::int64_t q) { return format_scaled(q, domain::kDecimalPlaces, 0); }

std::string location_prefix(const ContractLine& v) {
  return "contract " + v.contract_id + " line " + v.line_id + ": ";
}

[[noreturn]] void fail(const ContractLine& v, const std::string& message) {
  throw core::Error(core::ErrorKind::kInput, location_prefix(v) + message,
                    core::SourceLocation{v.source_file, v.source_line, 0});
}

/// Open-period usage priced for the unbilled report, with the date of its first record.
struct OpenUsage {
  DraftLine line;
  core::Date since;
};

/// Plans one contract line: its versions, its period grid, its usage and its billed keys.
class LinePlanner {
 public:
  LinePlanner(const LineInput& input, const BillingOptions& options);

  /// Appends every charge due on or before `through` and not yet billed. With `open`, also
  /// prices the usage recorded up to `through` in periods that have not ended.
  void run(core::Date through, std::vector<DraftLine>& out, std::vector<OpenUsage>* open);

  const LineStats& stats() const { return stats_; }

 private:
  const ContractLine& base() const { return *versions_.front(); }
  const ContractLine& version(std::size_t k) const { return *versions_[k]; }
  std::size_t version_at(core::Date day) const { return governing_version(versions_, day); }
  bool in_service(core::Date day) const { return engine::in_service(versions_, day); }
  bool billed(ChargeKey key) const { return std::binary_search(billed_.begin(), billed_.end(), key); }
  void final_segments(core::Date a, core::Date b, std::vector<Segment>& out) const;
  std::int64_t usage_between(core::Date a, core::Date b, core::Date* first = nullptr) const;
  core::Date invoice_date_after(core::Date last_service_day) const;

  void bill_advance(const ServicePeriod& p, core::Date through, std::vector<DraftLine>& out);
  void bill_arrears(const ServicePeriod& p, const std::vector<Segment>& segs, core::Date invoice_date,
                    std::vector<DraftLine>& out);
  void bill_usage(const ServicePeriod& p, const std::vector<Segment>& segs, core::Date last_day,
                  core::Date invoice_date, std::int64_t quantity, bool with_commitment,
                  std::vector<DraftLine>& out);
  void emit_recurring(const ContractLine& v, const Piece& piece, std::int64_t quantity,
                      const ServicePeriod& p, ChargeKey key, core::Date invoice_date, core::Date due_date,
                      bool allow_fixed_discount, std::string description, std::vector<DraftLine>& out);
  DraftLine make_line(const ContractLine& v, ChargeKey key, core::Date invoice_date, core::Date due_date) const;
  std::int64_t recurring_amount(const ContractLine& v, std::int64_t quantity, std::int32_t days,
                                std::int32_t full_days) const;
  /// The discount of `amount` for `days` of `full_days` under v's terms: a percentage always, a
  /// fixed amount (prorated) only where `allow_fixed`.
  std::int64_t discount_of(const ContractLine& v, std::int64_t amount, std::int32_t days, std::int32_t full_days,
                           bool allow_fixed) const {
    if (v.discount.kind == DiscountKind::kPercent) return apply_rate(amount, v.discount.value, options_.rounding);
    if (allow_fixed) return fixed_discount(v.discount.value, days, full_days, amount, options_.rounding);
    return 0;
  }

  BillingOptions options_;
  std::vector<const ContractLine*> versions_;  // sorted by effective_from
  std::optional<PeriodGrid> grid_;
  std::optional<core::Date> last_day_;  // last day in service; nullopt = evergreen
  bool has_service_ = false;
  std::vector<ChargeKey> billed_;
  std::vector<std::pair<core::Date, std::int64_t>> usage_;  // in service, deduplicated, by date
  LineStats stats_;
};

LinePlanner::LinePlanner(const LineInput& input, const BillingOptions& options) : options_(options) {
  if (input.versions.empty())
    throw core::Error(core::ErrorKind::kInput, "a contract line needs at least one row");
  versions_.reserve(input.versions.size());
  for (const auto& v : input.versions) versions_.push_back(&v);
  // The base row first, whatever its dates, then by effective date (one line: same contract and line).
  std::stable_sort(versions_.begin(), versions_.end(),
                   [](const ContractLine* a, const ContractLine* b) { return version_before(*a, *b); });
  const ContractLine& b = base();
  if (b.effective && *b.effective != b.start)
    fail(b, "has amendments (effective " + b.effective->iso() + ") but no base row");
  for (std::size_t k = 1; k < versions_.size(); ++k) {
    if (!version(k).effective) fail(version(k), "appears twice without an effective date");
    if (auto c = check_amendment(version(k - 1), version(k))) fail(version(k), c->field + ": " + c->message);
  }
  if (b.end && *b.end < b.start) fail(b, "end date " + b.end->iso() + " is before start date " + b.start.iso());
  grid_.emplace(b);

  // Last day in service under the final terms: each version governs from its effective date to
  // the day before the next one, within its own end date.
  bool evergreen = false;
  core::Date last = b.start.add_days(-1);
  for (std::size_t k = 0; k < versions_.size(); ++k) {
    const ContractLine& v = version(k);
    core::Date from = std::max(v.effective_from(), b.start);
    std::optional<core::Date> to = v.end;
    if (k + 1 < versions_.size()) {
      core::Date before_next = version(k + 1).effective_from().add_days(-1);
      if (!to || *to > before_next) to = before_next;
    }
    if (!to) { evergreen = true; break; }
    if (*to >= from && *to > last) last = *to;
  }
  if (evergreen) {
    last_day_.reset();
    has_service_ = true;
  } else {
    last_day_ = last;
    has_service_ = last >= b.start;
  }

  billed_.assign(input.billed.begin(), input.billed.end());
  std::sort(billed_.begin(), billed_.end());

  // Usage: this line's records, each event id once, on days the line is in service.
  if (domain::is_usage_model(b.model)) {
    std::vector<const domain::UsageRecord*> mine;
    mine.reserve(input.usage.size());
    for (const auto& r : input.usage) {
      if (domain::usage_applies_to(b, r)) mine.push_back(&r);
      else ++stats_.usage_other_line;
    }
    std::stable_sort(mine.begin(), mine.end(), [](const auto* x, const auto* y) { return x->event_id < y->event_id; });
    usage_.reserve(mine.size());
    for (std::size_t i = 0; i < mine.size(); ++i) {
      const auto& r = *mine[i];
      if (i > 0 && !r.event_id.empty() && r.event_id == mine[i - 1]->event_id) {
        ++stats_.usage_duplicates;
        continue;
      }
      if (!in_service(r.date)) {
        ++stats_.usage_out_of_service;
        continue;
      }
      ++stats_.usage_used;
      usage_.emplace_back(r.date, r.quantity);
    }
    std::stable_sort(usage_.begin(), usage_.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  } else {
    stats_.usage_other_line += static_cast<std::int64_t>(input.usage.size());
  }
}


void LinePlanner::final_segments(core::Date a, core::Date b, std::vector<Segment>& out) const {
  std::vector<Piece> pieces;
  pieces.reserve(2);
  for (std::size_t k = 0; k < versions_.size(); ++k) {
    core::Date from = std::max(a, version(k).effective_from());
    core::Date to = b;
    if (k + 1 < versions_.size()) to = std::min(to, version(k + 1).effective_from().add_days(-1));
    if (to < from) continue;
    pieces.clear();
    pieces_of(version(k), base().start, from, to, pieces);
    for (const auto& pc : pieces) out.push_back({k, pc});
  }
}

std::int64_t LinePlanner::usage_between(core::Date a, core::Date b, core::Date* first) const {
  auto lo = std::lower_bound(usage_.begin(), usage_.end(), a,
                             [](const auto& u, core::Date d) { return u.first < d; });
  std::int64_t sum = 0;
  bool seen = false;
  for (auto it = lo; it != usage_.end() && it->first <= b; ++it) {
    if (!seen && first) *first = it->first;
    seen = true;
    sum = core::checked_add(sum, it->second);
  }
  return sum;
}

core::Date LinePlanner::invoice_date_after(core::Date last_service_day) const {
  return options_.arrears_invoice_date == ArrearsInvoiceDate::kDayAfterPeriod ? last_service_day.add_days(1)
                                                                              : last_service_day;
}

DraftLine LinePlanner::make_line(const ContractLine& v, ChargeKey key, core::Date invoice_date,
                                 core::Date due_date) const {
  DraftLine l;
  l.contract_id = v.contract_id;
  l.line_id = v.line_id;
  l.customer = v.customer;
  l.product = v.product;
  l.key = key;
  l.currency = v.currency;
  l.tax_rate_ppm = v.tax_rate_ppm;
  l.invoice_date = invoice_date;
  l.due_date = due_date;
  return l;
}

std::int64_t LinePlanner::recurring_amount(const ContractLine& v, std::int64_t quantity, std::int32_t days,
                                           std::int32_t full_days) const {
  // Flat and per-seat prices are quoted per `price_per`; a commitment is units per billing period.
  int num = 1, den = 1;
  if (v.model == PriceModel::kFlat || v.model == PriceModel::kPerSeat) {
    num = domain::months_of(v.frequency);
    den = domain::months_of(v.price_per);
  }
  return round_exact(recurring_charge(v.unit_price_micros, quantity, num, den, days, full_days, v.currency.exponent),
                     options_.rounding);
}

void LinePlanner::emit_recurring(const ContractLine& v, const Piece& piece, std::int64_t quantity,
                                 const ServicePeriod& p, ChargeKey key, core::Date invoice_date,
                                 core::Date due_date, bool allow_fixed_discount, std::string description,
                                 std::vector<DraftLine>& out) {
  std::int32_t days = inclusive_days(piece.from, piece.to);
  std::int32_t full = p.full_days();
  std::int64_t amount = recurring_amount(v, quantity, days, full);
  if (amount == 0) return;
  std::int64_t discount = piece.discounted ? discount_of(v, amount, days, full, allow_fixed_discount) : 0;
  DraftLine l = make_line(v, key, invoice_date, due_date);
  l.description = std::move(description);
  if (days != full) l.description += " (" + std::to_string(days) + "/" + std::to_string(full) + " days)";
  l.period_start = piece.from;
  l.period_end = piece.to;
  l.days = days;
  l.full_days = full;
  l.quantity = quantity;
  l.unit_price_micros = v.unit_price_micros;
  l.money = settle_line(amount, discount, v.tax_rate_ppm, options_.rounding);
  out.push_back(std::move(l));
}

void LinePlanner::bill_advance(const ServicePeriod& p, core::Date through, std::vector<DraftLine>& out) {
  std::vector<Piece> pieces;
  // The period's charge, at the terms in force on its first day.
  ChargeKey key{p.start, ChargeKind::kRecurring};
  if (p.start <= through && !billed(key)) {
    const ContractLine& v = version(version_at(p.start));
    pieces_of(v, base().start, p.start, p.full_end, pieces);
    for (const auto& pc : pieces)
      emit_recurring(v, pc, v.quantity, p, key, p.start, p.start.add_days(v.net_days), true, v.label(), out);
  }
  // Amendments taking effect inside the period: the difference for the rest of the period.
  for (std::size_t k = 1; k < versions_.size(); ++k) {
    core::Date e = version(k).effective_from();
    if (e <= p.start || e > p.full_end || e > through) continue;
    ChargeKey adj{e, ChargeKind::kAdjustment};
    if (billed(adj)) continue;
    const ContractLine& old_v = version(k - 1);
    const ContractLine& new_v = version(k);
    std::vector<Piece> old_pieces, new_pieces;
    pieces_of(old_v, base().start, e, p.full_end, old_pieces);
    pieces_of(new_v, base().start, e, p.full_end, new_pieces);
    core::Date due = e.add_days(new_v.net_days);
    if (same_pricing(old_v, new_v) && old_pieces == new_pieces) {
      std::int64_t dq = core::checked_sub(new_v.quantity, old_v.quantity);
      if (dq == 0) continue;
      std::string what = new_v.label() + (dq > 0 ? ": upgrade " : ": downgrade ") + qty_text(old_v.quantity) +
                         " -> " + qty_text(new_v.quantity) + " from " + e.iso();
      for (const auto& pc : new_pieces) emit_recurring(new_v, pc, dq, p, adj, e, due, false, what, out);
    } else {
      for (const auto& pc : old_pieces)
        emit_recurring(old_v, pc, -old_v.quantity, p, adj, e, due, true,
                       old_v.label() + ": credit for unused service from " + e.iso(), out);
      for (const auto& pc : new_pieces)
        emit_recurring(new_v, pc, new_v.quantity, p, adj, e, due, true,
                       new_v.label() + ": amended terms from " + e.iso(), out);
    }
  }
}

void LinePlanner::bill_arrears(const ServicePeriod& p, const std::vector<Segment>& segs,
                               core::Date invoice_date, std::vector<DraftLine>& out) {
  ChargeKey key{p.start, ChargeKind::kRecurring};
  if (billed(key)) return;
  const ContractLine& last_v = version(segs.back().version);
  core::Date due = invoice_date.add_days(last_v.net_days);
  for (const auto& s : segs) {
    const ContractLine& v = version(s.version);
    emit_recurring(v, s.piece, v.quantity, p, key, invoice_date, due, true, v.label(), out);
  }
}

void LinePlanner::bill_usage(const ServicePeriod& p, const std::vector<Segment>& segs, core::Date last_day,
                             core::Date invoice_date, std::int64_t quantity, bool with_commitment,
                             std::vector<DraftLine>& out) {
  ChargeKey key{p.start, ChargeKind::kUsage};
  // Usage is priced at the terms in force on the period's last day of service.
  const ContractLine& v = version(version_at(last_day));
  const int exp = v.currency.exponent;
  const std::int32_t full = p.full_days();
  std::int32_t active_days = 0;
  for (const auto& s : segs) active_days += inclusive_days(s.piece.from, s.piece.to);
  const bool discounted = discount_in_force(v, last_day);
  const core::Date due = invoice_date.add_days(v.net_days);
  const std::string& metric = v.metric.empty() ? v.product : v.metric;

  std::int64_t usage_amount = 0;
  std::optional<std::int64_t> unit_price;
  if (v.model == PriceModel::kMinimumCommitment) {
    usage_amount = round_exact(unit_charge(v.unit_price_micros, std::max<std::int64_t>(quantity, 0), exp),
                               options_.rounding);
    unit_price = v.unit_price_micros;
  } else {
    bool graduated = v.model == PriceModel::kUsageGraduated;
    usage_amount = round_exact(tiered_charge(v.tiers, v.unit_price_micros, graduated, quantity, exp),
                               options_.rounding);
    if (v.tiers.empty()) {
      unit_price = v.unit_price_micros;
    } else if (!graduated && quantity > 0) {
      for (const auto& t : v.tiers)
        if (!t.up_to || quantity <= *t.up_to) { unit_price = t.unit_price_micros; break; }
    }
  }

  auto push = [&](std::string description, std::int64_t qty, std::optional<std::int64_t> price,
                  std::int64_t amount, bool allow_fixed) {
    if (amount == 0) return;
    std::int64_t discount = discounted ? discount_of(v, amount, active_days, full, allow_fixed) : 0;
    DraftLine l = make_line(v, key, invoice_date, due);
    l.description = std::move(description);
    l.period_start = p.start;
    l.period_end = last_day;
    l.days = active_days;
    l.full_days = full;
    l.quantity = qty;
    l.unit_price_micros = price;
    l.money = settle_line(amount, discount, v.tax_rate_ppm, options_.rounding);
    out.push_back(std::move(l));
  };

  std::string usage_text = v.label() + ": usage " + qty_text(std::max<std::int64_t>(quantity, 0)) + " " + metric;
  if (v.model != PriceModel::kMinimumCommitment) {
    push(usage_text, quantity, unit_price, usage_amount, true);
    return;
  }
  // Minimum commitment: the committed units at the unit price, prorated over the service days
  // like a recurring charge (each version's share rounded as its own line would be).
  std::int64_t minimum = 0;
  for (const auto& s : segs) {
    const ContractLine& sv = version(s.version);
    minimum = core::checked_add(minimum, recurring_amount(sv, sv.quantity, inclusive_days(s.piece.from, s.piece.to), full));
  }
  if (v.timing == BillingTiming::kArrears) {
    push(usage_text, quantity, unit_price, usage_amount, true);
    if (with_commitment && minimum > usage_amount)
      push(v.label() + ": minimum commitment shortfall", domain::kDecimalScale, std::nullopt, minimum - usage_amount, false);
  } else if (usage_amount > minimum) {
    // The commitment was billed in advance; only usage above it is billed now.
    push(v.label() + ": usage above commitment (" + qty_text(quantity) + " " + metric + ")", domain::kDecimalScale,
         std::nullopt, usage_amount - minimum, false);
  }
}

void LinePlanner::run(core::Date through, std::vector<DraftLine>& out, std::vector<OpenUsage>* open) {
  if (!has_service_) return;
  const ContractLine& b = base();
  const bool usage_priced = domain::is_usage_model(b.model);
  const bool recurring = b.model == PriceModel::kFlat || b.model == PriceModel::kPerSeat ||
                         (b.model == PriceModel::kMinimumCommitment && b.timing == BillingTiming::kAdvance);
  std::vector<Segment> segs;
  for (ServicePeriod p = grid_->first(); p.start <= through && (!last_day_ || p.start <= *last_day_);
       p = grid_->next(p)) {
    if (recurring && b.timing == BillingTiming::kAdvance) bill_advance(p, through, out);
    bool arrears_recurring = recurring && b.timing == BillingTiming::kArrears;
    if (!arrears_recurring && !usage_priced) continue;
    // Most periods of a long-running line are billed already: skip them before any pricing.
    if ((!arrears_recurring || billed(ChargeKey{p.start, ChargeKind::kRecurring})) &&
        (!usage_priced || billed(ChargeKey{p.start, ChargeKind::kUsage})))
      continue;
    segs.clear();
    final_segments(p.start, p.full_end, segs);
    if (segs.empty()) continue;
    core::Date last_day = segs.front().piece.to;
    for (const auto& s : segs) last_day = std::max(last_day, s.piece.to);
    core::Date invoice_date = invoice_date_after(last_day);
    if (invoice_date <= through) {
      if (arrears_recurring) bill_arrears(p, segs, invoice_date, out);
      if (usage_priced && !billed(ChargeKey{p.start, ChargeKind::kUsage}))
        bill_usage(p, segs, last_day, invoice_date, usage_between(p.start, last_day), true, out);
    } else if (usage_priced && open) {
      // The period is still open: price what has been recorded so far, without the shortfall
      // (the commitment is not yet owed).
      core::Date first{};
      core::Date upto = std::min(last_day, through);
      std::int64_t q = usage_between(p.start, upto, &first);
      if (q == 0) continue;
      std::vector<Segment> so_far;
      final_segments(p.start, upto, so_far);
      std::vector<DraftLine> lines;
      bill_usage(p, so_far, upto, invoice_date, q, false, lines);
      for (auto& l : lines) open->push_back({std::move(l), first});
    }
  }
}

constexpr std::string_view kChargeKindNames[] = {"recurring", "usage", "adjustment"};

}  // namespace

std::string_view to_string(ChargeKind kind) {
  auto k = static_cast<std::size_t>(kind);
  return k < std::size(kChargeKindNames) ? kChargeKindNames[k] : kChargeKindNames[0];
}

std::optional<ChargeKind> parse_charge_kind(std::string_view text) {
  for (std::size_t k = 0; k < std::size(kChargeKindNames); ++k)
    if (text == kChargeKindNames[k]) return static_cast<ChargeKind>(k);
  return std::nullopt;
}

LineStats& LineStats::operator+=(const LineStats& o) {
  usage_used += o.usage_used;
  usage_duplicates += o.usage_duplicates;
  usage_out_of_service += o.usage_out_of_service;
  usage_other_line += o.usage_other_line;
  return *this;
}

std::optional<AmendmentConflict> check_amendment(const domain::ContractLine& previous,
                                                 const domain::ContractLine& a) {
  auto conflict = [](std::string field, std::string message) {
    return std::optional<AmendmentConflict>(AmendmentConflict{std::move(field), std::move(message)});
  };
  if (!a.effective) return conflict("effective_date", "an amendment needs an effective date");
  if (*a.effective <= a.start)
    return conflict("effective_date", "effective date " + a.effective->iso() + " is not after the line's start date " +
                                          a.start.iso());
  if (previous.effective_from() == *a.effective)
    return conflict("effective_date", "two versions of the line take effect on " + a.effective->iso());
  if (a.customer != previous.customer) return conflict("customer", "an amendment cannot change the customer");
  if (!(a.currency == previous.currency)) return conflict("currency", "an amendment cannot change the currency");
  if (a.start != previous.start) return conflict("start_date", "an amendment cannot change the start date");
  if (a.frequency != previous.frequency) return conflict("frequency", "an amendment cannot change the billing frequency");
  if (a.timing != previous.timing) return conflict("timing", "an amendment cannot change the billing timing");
  if (a.anchor_day != previous.anchor_day || a.anchor_month != previous.anchor_month)
    return conflict("anchor_day", "an amendment cannot change the billing anchor");
  if (a.model != previous.model) return conflict("price_model", "an amendment cannot change the price model");
  if (a.metric != previous.metric) return conflict("metric", "an amendment cannot change the usage metric");
  return std::nullopt;
}

LineStats bill_contract_line(const LineInput& input, core::Date through, const BillingOptions& options,
                             std::vector<DraftLine>& out) {
  LinePlanner planner(input, options);
  planner.run(through, out, nullptr);
  return planner.stats();
}

void group_into_invoices(std::vector<DraftLine>&& lines, std::vector<InvoiceDraft>& out) {
  std::stable_sort(lines.begin(), lines.end(), [](const DraftLine& a, const DraftLine& b) {
    if (a.customer != b.customer) return a.customer < b.customer;
    if (a.invoice_date != b.invoice_date) return a.invoice_date < b.invoice_date;
    if (a.currency.view() != b.currency.view()) return a.currency.view() < b.currency.view();
    if (a.due_date != b.due_date) return a.due_date < b.due_date;
    if (a.contract_id != b.contract_id) return a.contract_id < b.contract_id;
    if (a.line_id != b.line_id) return a.line_id < b.line_id;
    if (a.period_start != b.period_start) return a.period_start < b.period_start;
    return a.key < b.key;
  });
  for (std::size_t i = 0; i < lines.size();) {
    InvoiceDraft inv;
    inv.customer = lines[i].customer;
    inv.currency = lines[i].currency;
    inv.invoice_date = lines[i].invoice_date;
    inv.due_date = lines[i].due_date;
    std::size_t j = i;
    for (; j < lines.size() && lines[j].customer == inv.customer && lines[j].currency == inv.currency &&
           lines[j].invoice_date == inv.invoice_date && lines[j].due_date == inv.due_date;
         ++j) {
      const LineMoney& m = lines[j].money;
      inv.amount = core::checked_add(inv.amount, m.amount);
      inv.discount = core::checked_add(inv.discount, m.discount);
      inv.net = core::checked_add(inv.net, m.net);
      inv.tax = core::checked_add(inv.tax, m.tax);
      inv.total = core::checked_add(inv.total, m.total);
      inv.lines.push_back(std::move(lines[j]));
    }
    out.push_back(std::move(inv));
    i = j;
  }
  lines.clear();
}

BillingPlan plan_billing(std::span<const domain::ContractLine> rows, std::span<const domain::UsageRecord> usage,
                         std::span<const BilledCharge> billed, core::Date through, const BillingOptions& options) {
  std::vector<domain::ContractLine> versions(rows.begin(), rows.end());
  std::vector<domain::UsageRecord> records(usage.begin(), usage.end());
  LineBook book;
  book.load(versions, records, billed);
  BillingPlan plan;
  plan.stats.usage_other_line = book.unassigned_usage();
  std::vector<DraftLine> lines;
  for (const auto& input : book.inputs()) plan.stats += bill_contract_line(input, through, options, lines);
  group_into_invoices(std::move(lines), plan.invoices);
  return plan;
}

void unbilled_for_line(const LineInput& input, core::Date as_of, const BillingOptions& options,
                       std::vector<UnbilledItem>& out) {
  LinePlanner planner(input, options);
  std::vector<DraftLine> lines;
  std::vector<OpenUsage> open;
  planner.run(as_of, lines, &open);
  auto add = [&](const DraftLine& l, core::Date since, bool billable) {
    // Lines that share a key (segments, credit and charge of one amendment) are one item.
    if (!out.empty()) {
      UnbilledItem& last = out.back();
      if (last.contract_id == l.contract_id && last.line_id == l.line_id && last.key == l.key &&
          last.billable == billable) {
        last.period_start = std::min(last.period_start, l.period_start);
        last.period_end = std::max(last.period_end, l.period_end);
        last.amount = core::checked_add(last.amount, l.money.net);
        last.tax = core::checked_add(last.tax, l.money.tax);
        return;
      }
    }
    out.push_back(UnbilledItem{.contract_id = l.contract_id, .line_id = l.line_id, .customer = l.customer,
                               .product = l.product, .key = l.key, .period_start = l.period_start,
                               .period_end = l.period_end, .since = since, .age_days = as_of.days_since(since),
                               .billable = billable, .amount = l.money.net, .tax = l.money.tax,
                               .currency = l.currency});
  };
  for (const auto& l : lines) add(l, l.invoice_date, true);
  for (const auto& o : open) add(o.line, o.since, false);
}

std::vector<UnbilledItem> compute_unbilled(std::span<const domain::ContractLine> rows,
                                           std::span<const domain::UsageRecord> usage,
                                           std::span<const BilledCharge> billed, core::Date as_of,
                                           const BillingOptions& options) {
  std::vector<domain::ContractLine> versions(rows.begin(), rows.end());
  std::vector<domain::UsageRecord> records(usage.begin(), usage.end());
  LineBook book;
  book.load(versions, records, billed);
  std::vector<UnbilledItem> items;
  for (const auto& input : book.inputs()) unbilled_for_line(input, as_of, options, items);
  std::stable_sort(items.begin(), items.end(), [](const UnbilledItem& a, const UnbilledItem& b) {
    if (a.customer != b.customer) return a.customer < b.customer;
    if (a.contract_id != b.contract_id) return a.contract_id < b.contract_id;
    if (a.line_id != b.line_id) return a.line_id < b.line_id;
    return a.key < b.key;
  });
  return items;
}

}  // namespace otc::engine
