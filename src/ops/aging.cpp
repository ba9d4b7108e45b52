#include "otc/ops/aging.hpp"

#include "otc/engine/fx.hpp"
#include "otc/ops/collect_book.hpp"
#include "otc/ops/fx.hpp"
#include "otc/store/collections_store.hpp"
#include "otc/store/transaction.hpp"

namespace otc::ops {

engine::AgingAccumulator age_open_items(store::LedgerStore& store, const AgingOptions& o) {
  engine::AgingAccumulator acc(o.buckets, o.as_of, o.by_invoice);
  if (o.separate_disputes) {
    std::unordered_map<std::int64_t, std::int64_t> disputed;
    for (const auto& d : store.disputes(o.as_of))
      if (dispute_open_at(d, o.as_of)) disputed[d.invoice_id] += d.amount_minor;
    acc.separate_disputes(std::move(disputed));
  }
  std::uint64_t n = 0;
  if (o.by_invoice) {
    store.for_each_open_item_unordered(o.as_of, [&](const domain::OpenItem& item) {
      acc.add(item);
      if (o.progress && (++n & 4095u) == 0) o.progress(n, 0);
    });
  } else {
    // By customer: the items come in runs per customer and currency (the kept open items).
    store.for_each_open_run(o.as_of, [&](const domain::OpenItemRun& run) {
      acc.add(run);
      const std::uint64_t before = n;
      n += run.count;
      if (o.progress && (n >> 12) != (before >> 12)) o.progress(n, 0);
    });
  }
  store.for_each_unapplied(o.as_of, [&](const domain::UnappliedCredit& c) { acc.add(c); });
  return acc;
}

engine::AgingAccumulator aging_report(store::LedgerStore& store, const AgingOptions& o) {
  store::ReadTransaction tx(store);
  auto acc = age_open_items(store, o);
  tx.end();
  return acc;
}

ConvertedAging aging_report_in(store::LedgerStore& store, const AgingOptions& o, const std::string& in) {
  const core::Currency target = currency_option(in, "--in");
  store::ReadTransaction tx(store);
  auto acc = age_open_items(store, o);
  FxBook fx = load_fx(store);
  tx.end();
  ConvertedAging out;
  out.buckets = acc.buckets();
  engine::AgingRow total;
  total.currency = std::string(target.view());
  total.exponent = target.exponent;
  total.buckets.assign(out.buckets.count(), 0);
  auto convert_row = [&](engine::AgingRow r, std::string& rate_text, std::string& rate_date) {
    auto from = core::find_currency(r.currency, true);
    const engine::CrossRate rate = fx.rate(r.currency, target.view(), o.as_of);
    auto cv = [&](std::int64_t v) { return engine::convert(v, *from, target, rate, engine::kFxRounding); };
    // Each bucket is rounded on its own; the rounding difference goes to the largest bucket so that
    // the converted buckets still add up to the converted open total.
    std::int64_t sum = 0, largest_magnitude = -1;
    std::size_t largest = 0;
    for (std::size_t i = 0; i < r.buckets.size(); ++i) {
      const std::int64_t before = r.buckets[i], magnitude = before < 0 ? -before : before;
      if (magnitude > largest_magnitude) largest = i, largest_magnitude = magnitude;
      r.buckets[i] = cv(before);
      sum += r.buckets[i];
    }
    r.open_total = cv(r.open_total);
    if (!r.buckets.empty()) r.buckets[largest] += r.open_total - sum;
    r.unapplied_credit = cv(r.unapplied_credit);
    r.currency = std::string(target.view());
    r.exponent = target.exponent;
    rate_text = rate.text();
    rate_date = rate.date.iso();
    return r;
  };
  auto fold = [&](const engine::AgingRow& r) {
    for (std::size_t i = 0; i < r.buckets.size(); ++i) total.buckets[i] = core::checked_add(total.buckets[i], r.buckets[i]);
    total.open_total = core::checked_add(total.open_total, r.open_total);
    total.unapplied_credit = core::checked_add(total.unapplied_credit, r.unapplied_credit);
  };
  for (const auto& r : acc.rows()) {
    std::string rate, date;
    out.from.push_back(r.currency);
    out.rows.push_back(convert_row(r, rate, date));
    out.rate.push_back(rate);
    out.rate_date.push_back(date);
    if (!o.by_invoice) fold(out.rows.back());
  }
  if (o.by_invoice) {
    // by invoice, unapplied credit lives only in the per-currency totals
    for (const auto& t : acc.totals()) {
      std::string rate, date;
      fold(convert_row(t, rate, date));
    }
  }
  out.totals.push_back(total);
  return out;
}

}  // namespace otc::ops
