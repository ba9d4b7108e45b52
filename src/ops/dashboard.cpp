#include "otc/ops/dashboard.hpp"

#include <algorithm>
#include <map>

#include "otc/core/error.hpp"
#include "otc/engine/aging.hpp"
#include "otc/engine/dso.hpp"
#include "otc/engine/fx.hpp"
#include "otc/engine/kpi.hpp"
#include "otc/import/collections_policy.hpp"
#include "otc/ops/aging.hpp"
#include "otc/ops/collect_book.hpp"
#include "otc/ops/credit.hpp"
#include "otc/ops/fx.hpp"
#include "otc/ops/kpi.hpp"
#include "otc/ops/invoice_run.hpp"
#include "otc/ops/unbilled.hpp"
#include "otc/store/collections_store.hpp"
#include "otc/store/transaction.hpp"

namespace otc::ops {
namespace {

using core::Date;
using report::CellKind;
using report::Figure;
using report::FigureKind;

Date month_end(Date d) {
  Date first = *Date::from_ymd(d.year(), d.month(), 1);
  return first.add_months(1).add_days(-1);
}

std::string month_label(Date d) { return d.iso().substr(0, 7); }

// What the ledger says about one currency, in that currency.
struct Raw {
  core::Currency ccy;
  std::vector<engine::AgingRow> aging;            // per month-end: the currency's aging total
  std::vector<std::optional<engine::KpiInput>> kpi;  // per month: what `otc kpi` computes from
  std::int64_t unapplied = 0, unapplied_prior = 0;
  std::int64_t unbilled = 0, unbilled_prior = 0;
  struct Cust {
    std::string label;
    std::int64_t past_due = 0;
  };
  std::vector<Cust> past_due;
};


}  // namespace

std::vector<Date> dashboard_month_ends(Date as_of, int months) {
  std::vector<Date> out;
  for (int i = months - 1; i >= 1; --i) out.push_back(month_end(as_of.add_months(-i)));
  out.push_back(as_of);
  return out;
}

report::Dashboard dashboard(store::LedgerStore& store, const DashboardOptions& o) {
  if (o.months < 2 || o.months > 36) throw core::Error(core::ErrorKind::kUsage, "--months must be 2 to 36");
  const auto ends = dashboard_month_ends(o.as_of, o.months);
  const std::size_t M = ends.size();
  const std::uint64_t steps = M * 3 + 2;
  std::uint64_t done = 0;
  auto tick = [&] {
    if (o.progress) o.progress(++done, steps);
  };

  std::map<std::string, Raw> raw;
  auto raw_of = [&](const core::Currency& c) -> Raw& {
    Raw& r = raw[std::string(c.view())];
    if (r.aging.empty()) {
      r.ccy = c;
      r.aging.resize(M);
      r.kpi.resize(M);
    }
    return r;
  };

  // Billed, collected, collection rate and the DSO family: the `otc kpi` use case (its own snapshot),
  // whose months are these month-ends.
  std::vector<std::string> month_names;
  for (auto e : ends) month_names.push_back(month_label(e));
  for (auto& k : kpi_report(store, {o.as_of, o.months, o.window_days, false})) {
    auto at = std::find(month_names.begin(), month_names.end(), k.month);
    if (at != month_names.end()) raw_of(k.currency).kpi[static_cast<std::size_t>(at - month_names.begin())] = k.in;
  }
  done += M;
  tick();

  engine::AgingBuckets buckets;  // the aging report's defaults: current, 1-30, 31-60, 61-90, 91-120, 121+
  std::vector<std::string> labels = buckets.labels();
  FxBook fx;
  report::Dashboard d;
  {
    store::ReadTransaction tx(store);
    fx = load_fx(store);
    for (std::size_t m = 0; m < M; ++m) {
      auto acc = age_open_items(store, {buckets, ends[m], false});
      for (const auto& t : acc.totals()) {
        auto c = core::find_currency(t.currency, true);
        raw_of(*c).aging[m] = t;
      }
      if (m + 1 == M) {
        for (const auto& r : acc.rows()) {
          std::int64_t past_due = r.open_total - r.buckets[0];
          if (past_due <= 0) continue;
          auto c = core::find_currency(r.currency, true);
          raw_of(*c).past_due.push_back({r.customer_external_id + " " + r.customer_name, past_due});
        }
      }
      tick();
      tick();
    }
    // Unapplied cash: what `otc cash unapplied` lists, at the as-of date and the prior month-end.
    for (int k = 0; k < 2; ++k) {
      const Date at = k == 0 ? ends[M - 1] : ends[M - 2];
      store.for_each_unapplied_payment(at, [&](const store::UnappliedPayment& u) {
        Raw& r = raw_of(u.currency);
        (k == 0 ? r.unapplied : r.unapplied_prior) += u.unapplied_minor;
      });
    }
    tick();
    d.functional = std::string(fx.functional.view());
    tx.end();
  }
  // Unbilled revenue: `otc unbilled` (its own read transaction), at both dates.
  for (int k = 0; k < 2; ++k) {
    UnbilledOptions uo;
    uo.as_of = k == 0 ? ends[M - 1] : ends[M - 2];
    uo.billing = billing_options("half-up");
    unbilled(store, uo, [&](const engine::UnbilledItem& it) {
      Raw& r = raw_of(it.currency);
      (k == 0 ? r.unbilled : r.unbilled_prior) += it.amount;
    });
  }
  tick();

  d.ledger = o.ledger;
  d.command = o.command;
  d.as_of = o.as_of;
  d.prior = ends[M - 2];
  d.months = o.months;
  d.window_days = o.window_days;

  // Groups of currencies to report together: each on its own, or all converted into `in`.
  std::vector<std::pair<core::Currency, std::vector<const Raw*>>> groups;
  if (o.in) {
    auto target = currency_option(*o.in, "--in");
    d.converted_to = std::string(target.view());
    std::vector<const Raw*> all;
    for (const auto& [k, r] : raw) all.push_back(&r);
    groups.push_back({target, all});
  } else {
    for (const auto& [k, r] : raw) groups.push_back({r.ccy, {&r}});
    std::stable_sort(groups.begin(), groups.end(), [&](const auto& a, const auto& b) {
      return (a.first.view() == d.functional) > (b.first.view() == d.functional);
    });
  }

  // Disputes and promises from the collections book (the same reads as `dispute list` and
  // `collect promises`): open disputed amounts per currency at the as-of date and the prior month-end.
  const std::size_t prior_index = M >= 2 ? M - 2 : 0;
  CollectionsBook book;
  std::map<std::string, std::int64_t> disputed_now, disputed_prior;
  {
    store::ReadTransaction tx(store);
    book = read_collections_book(store, o.as_of, import::default_collections_policy());
    for (const auto& dr : store.disputes(o.as_of)) {
      const std::string ccy(dr.currency.view());
      if (dispute_open_at(dr, o.as_of)) disputed_now[ccy] += dr.amount_minor;
      if (dispute_open_at(dr, ends[prior_index])) disputed_prior[ccy] += dr.amount_minor;
    }
    tx.end();
  }
  for (const auto& [target, members] : groups) {
    report::DashboardPanel p;
    p.currency = std::string(target.view());
    p.exponent = target.exponent;
    p.bucket_labels = labels;
    p.aging.assign(labels.size(), std::vector<std::int64_t>(M, 0));
    p.billed.assign(M, 0);
    p.collected.assign(M, 0);
    std::vector<std::int64_t> open(M, 0), current(M, 0);
    std::vector<std::optional<engine::KpiInput>> kpi(M);
    std::int64_t unapplied = 0, unapplied_prior = 0, unbilled_now = 0, unbilled_prior = 0;
    std::int64_t disputed = 0, disputed_before = 0;
    for (const Raw* r : members) {
      engine::CrossRate rate = fx.rate(r->ccy.view(), target.view(), o.as_of);
      if (r->ccy.view() != target.view())
        p.rates.push_back(std::string(r->ccy.view()) + "\xE2\x86\x92" + std::string(target.view()) + " " + rate.text() + " (" +
                          rate.date.iso() + ")");
      auto cv = [&](std::int64_t v) { return engine::convert(v, r->ccy, target, rate, engine::kFxRounding); };
      for (std::size_t m = 0; m < M; ++m) {
        const auto& a = r->aging[m];
        for (std::size_t b = 0; b < a.buckets.size() && b < labels.size(); ++b) p.aging[b][m] += cv(a.buckets[b]);
        open[m] += cv(a.open_total);
        if (!a.buckets.empty()) current[m] += cv(a.buckets[0]);
        if (r->kpi[m]) {
          engine::KpiInput in = *r->kpi[m];
          in.opening_ar = cv(in.opening_ar);
          in.billed = cv(in.billed);
          in.collected = cv(in.collected);
          in.dso.open_ar = cv(in.dso.open_ar);
          in.dso.open_ar_start = cv(in.dso.open_ar_start);
          in.dso.current_ar = cv(in.dso.current_ar);
          in.dso.credit_sales = cv(in.dso.credit_sales);
          for (auto& ms : in.dso.months) ms.sales_minor = cv(ms.sales_minor);
          in.paid_minor = 0;  // days to pay is not on the dashboard
          in.paid_minor_days = 0;
          if (!kpi[m]) {
            kpi[m] = in;
          } else {
            auto& t = *kpi[m];
            t.opening_ar += in.opening_ar;
            t.billed += in.billed;
            t.collected += in.collected;
            t.dso.open_ar += in.dso.open_ar;
            t.dso.open_ar_start += in.dso.open_ar_start;
            t.dso.current_ar += in.dso.current_ar;
            t.dso.credit_sales += in.dso.credit_sales;
            for (std::size_t k = 0; k < t.dso.months.size() && k < in.dso.months.size(); ++k)
              t.dso.months[k].sales_minor += in.dso.months[k].sales_minor;
          }
        }
      }
      unapplied += cv(r->unapplied);
      const std::string member_ccy(r->ccy.view());
      if (auto it = disputed_now.find(member_ccy); it != disputed_now.end()) disputed += cv(it->second);
      if (auto it = disputed_prior.find(member_ccy); it != disputed_prior.end()) disputed_before += cv(it->second);
      unapplied_prior += cv(r->unapplied_prior);
      unbilled_now += cv(r->unbilled);
      unbilled_prior += cv(r->unbilled_prior);
      for (const auto& c : r->past_due)
        p.top_past_due.push_back({c.label + (o.in && r->ccy.view() != target.view() ? " (" + std::string(r->ccy.view()) + ")" : ""),
                                  cv(c.past_due)});
    }
    std::stable_sort(p.top_past_due.begin(), p.top_past_due.end(),
                     [](const auto& a, const auto& b) { return a.past_due > b.past_due; });
    if (p.top_past_due.size() > 10) p.top_past_due.resize(10);

    std::vector<engine::KpiResult> k(M);
    std::vector<engine::DsoResult> results(M);
    for (std::size_t m = 0; m < M; ++m) {
      if (kpi[m]) {
        k[m] = engine::compute_kpi(*kpi[m]);
        results[m] = k[m].dso;
        p.billed[m] = kpi[m]->billed;
        p.collected[m] = kpi[m]->collected;
      }
      p.dso.push_back(results[m].dso_x100);
      p.best_dso.push_back(results[m].best_possible_x100);
    }
    const std::size_t now = M - 1, before = M - 2;
    auto fig = [&](std::string key, std::string label, FigureKind kind, std::optional<std::int64_t> v,
                   std::optional<std::int64_t> prior, std::string note = {}) {
      p.figures.push_back(Figure{std::move(key), std::move(label), kind, v, prior, std::move(note)});
    };
    fig("total_ar", "Total AR", FigureKind::kAmount, open[now], open[before]);
    fig("past_due_pct", "Past due", FigureKind::kPercent, k[now].past_due_x100, k[before].past_due_x100);
    fig("dso", "DSO", FigureKind::kDays, results[now].dso_x100, results[before].dso_x100);
    fig("dso_countback", "DSO (countback)", FigureKind::kDays, results[now].countback_x100, results[before].countback_x100);
    fig("best_possible_dso", "Best possible DSO", FigureKind::kDays, results[now].best_possible_x100,
        results[before].best_possible_x100);
    fig("cei", "CEI", FigureKind::kPercent, results[now].cei_x100, results[before].cei_x100);
    fig("add", "Avg days delinquent", FigureKind::kDays, results[now].add_x100, results[before].add_x100);
    fig("collection_rate", "Collection rate (month)", FigureKind::kPercent, k[now].collection_rate_x100,
        k[before].collection_rate_x100, "collected / (opening AR + billed)");
    fig("unapplied_cash", "Unapplied cash", FigureKind::kAmount, unapplied, unapplied_prior);
    fig("unbilled", "Unbilled revenue", FigureKind::kAmount, unbilled_now, unbilled_prior);
    fig("disputed", "Disputed", FigureKind::kAmount, disputed, disputed_before, "open disputes (otc dispute list)");
    for (auto e : ends) p.months.push_back(month_label(e));
    d.panels.push_back(std::move(p));
  }

  // Tables.
  {
    report::DashboardTable t;
    t.key = "oldest_unapplied";
    t.title = "Oldest unapplied cash";
    t.empty_text = "No unapplied cash at " + o.as_of.iso();
    t.columns = {{"payment_id", CellKind::kText}, {"received_date", CellKind::kDate}, {"age_days", CellKind::kNumber},
                 {"customer", CellKind::kText},   {"currency", CellKind::kText},      {"unapplied", CellKind::kNumber}};
    std::vector<store::UnappliedPayment> all;
    store::ReadTransaction tx(store);
    store.for_each_unapplied_payment(o.as_of, [&](const store::UnappliedPayment& u) { all.push_back(u); });
    tx.end();
    std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.received_date < b.received_date; });
    for (std::size_t i = 0; i < all.size() && i < 10; ++i) {
      const auto& u = all[i];
      std::string who = u.customer_external_id.empty() ? u.payer_name : u.customer_external_id + " " + u.customer_name;
      t.rows.push_back({u.external_id, u.received_date.iso(), std::to_string(o.as_of.days_since(u.received_date)), who,
                        std::string(u.currency.view()), core::format_amount(u.unapplied_minor, u.currency.exponent)});
    }
    d.tables.push_back(std::move(t));
  }
  {
    // The riskiest accounts by `otc credit risk`'s score (any score above zero), at most ten.
    report::DashboardTable t{"high_risk", "High-risk accounts (otc credit risk)", "No account shows a sign of risk at " + o.as_of.iso(),
                             {{"customer_id", CellKind::kText}, {"customer_name", CellKind::kText}, {"score", CellKind::kNumber},
                              {"reasons", CellKind::kText}},
                             {}};
    RiskOptions ro;
    ro.as_of = o.as_of;
    ro.top = 10;
    for (const auto& s : credit_risk(store, ro)) {
      if (s.score <= 0) continue;
      t.rows.push_back({s.in.customer_id, s.in.customer_name, std::to_string(s.score), engine::top_reasons(s)});
    }
    d.tables.push_back(std::move(t));
  }
  {
    // The largest disputes open at the as-of date, at most ten (as `dispute list --status open`).
    report::DashboardTable t{"disputes", "Largest open disputes", "No dispute is open at " + o.as_of.iso(),
                             {{"dispute", CellKind::kText}, {"invoice", CellKind::kText}, {"customer", CellKind::kText},
                              {"reason", CellKind::kText}, {"owner", CellKind::kText}, {"age_days", CellKind::kNumber},
                              {"currency", CellKind::kText}, {"amount", CellKind::kNumber}},
                             {}};
    std::vector<const store::DisputeRecord*> open;
    for (const auto& dr : book.disputes)
      if (dispute_open_at(dr, o.as_of)) open.push_back(&dr);
    std::stable_sort(open.begin(), open.end(), [](const auto* a, const auto* b) { return a->amount_minor > b->amount_minor; });
    for (std::size_t i = 0; i < open.size() && i < 10; ++i) {
      const auto& dr = *open[i];
      auto c = book.customers.find(dr.customer_id);
      const std::string who = c == book.customers.end() ? std::string() : c->second.external_id + " " + c->second.name;
      t.rows.push_back({std::to_string(dr.id), dr.invoice, who, dr.reason, dr.owner,
                        std::to_string(o.as_of.days_since(dr.opened_on)), std::string(dr.currency.view()),
                        core::format_amount(dr.amount_minor, dr.currency.exponent)});
    }
    d.tables.push_back(std::move(t));
  }
  {
    // Promises broken by the as-of date, the latest first, at most ten (as `collect promises --status broken`).
    report::DashboardTable t{"broken_promises", "Broken promises to pay", "No promise to pay is broken at " + o.as_of.iso(),
                             {{"customer", CellKind::kText}, {"promised_date", CellKind::kDate}, {"invoices", CellKind::kText},
                              {"currency", CellKind::kText}, {"amount", CellKind::kNumber}, {"paid", CellKind::kNumber}},
                             {}};
    std::vector<std::pair<const Account*, const PromiseView*>> broken;
    for (const auto& a : book.accounts)
      for (const auto& pv : a.promises)
        if (pv.outcome.status == engine::PromiseStatus::kBroken) broken.push_back({&a, &pv});
    std::stable_sort(broken.begin(), broken.end(),
                     [](const auto& x, const auto& y) { return x.second->record.due_date > y.second->record.due_date; });
    for (std::size_t i = 0; i < broken.size() && i < 10; ++i) {
      const auto& [a, pv] = broken[i];
      const auto& r = pv->record;
      t.rows.push_back({a->customer.external_id + " " + a->customer.name, r.due_date.iso(), r.invoices,
                        std::string(r.currency.view()), core::format_amount(r.amount_minor, r.currency.exponent),
                        core::format_amount(pv->outcome.paid_minor, r.currency.exponent)});
    }
    d.tables.push_back(std::move(t));
  }
  return d;
}

}  // namespace otc::ops
