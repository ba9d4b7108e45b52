#include "otc/ops/migrate.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "otc/core/error.hpp"
#include "otc/core/money.hpp"
#include "otc/core/period.hpp"
#include "otc/ops/aging.hpp"
#include "otc/ops/rollforward.hpp"
#include "otc/store/table_copy.hpp"
#include "otc/store/transaction.hpp"

namespace otc::ops {
namespace {

using core::Error;
using core::ErrorKind;

/// Tables a new ledger is created with rows in (migration 0001's one ledger_meta row): copied
/// over those rows instead of beside them.
bool seeded(const std::string& table) { return table == "ledger_meta"; }

constexpr std::size_t kBatchRows = 4096;

/// Aging by customer as "customer CCY" -> "bucket;bucket;...;open;unapplied" (amounts formatted),
/// plus "total CCY" rows.
std::map<std::string, std::string> aging_lines(store::LedgerStore& store, core::Date as_of) {
  AgingOptions o;
  o.as_of = as_of;
  auto acc = age_open_items(store, o);
  std::map<std::string, std::string> out;
  auto line = [](const engine::AgingRow& r) {
    std::string s;
    for (auto b : r.buckets) s += core::format_amount(b, r.exponent) + ";";
    s += "open " + core::format_amount(r.open_total, r.exponent);
    s += ";unapplied " + core::format_amount(r.unapplied_credit, r.exponent);
    return s;
  };
  for (const auto& r : acc.rows()) out[r.customer_external_id + " " + r.currency] = line(r);
  for (const auto& r : acc.totals()) out["total " + r.currency] = line(r);
  return out;
}

std::map<std::string, std::string> rollforward_lines(store::LedgerStore& store, const core::Period& p) {
  std::map<std::string, std::string> out;
  for (const auto& r : ledger_rollforward(store, p)) {
    const std::string ccy(r.currency.view());
    const int e = r.currency.exponent;
    auto put = [&](const char* what, std::int64_t v) { out[p.name + " " + ccy + " " + what] = core::format_amount(v, e); };
    put("opening", r.opening);
    put("invoiced", r.invoiced);
    put("collected", r.collected);
    put("credited", r.credited);
    put("written_off", r.written_off);
    put("fx", r.fx);
    put("unapplied", r.unapplied);
    put("closing", r.closing ? *r.closing : r.computed_closing());
  }
  return out;
}

/// Adds one check per key of either side; for aging by customer only the differing customers
/// (and one line saying how many customer rows agree).
void compare(MigrateResult& res, const std::string& check, const std::map<std::string, std::string>& a,
             const std::map<std::string, std::string>& b, bool summarize_customers) {
  std::set<std::string> keys;
  for (const auto& [k, v] : a) keys.insert(k);
  for (const auto& [k, v] : b) keys.insert(k);
  std::size_t customers = 0, customers_differing = 0;
  for (const auto& k : keys) {
    auto ia = a.find(k), ib = b.find(k);
    std::string va = ia == a.end() ? "(none)" : ia->second, vb = ib == b.end() ? "(none)" : ib->second;
    const bool customer_row = summarize_customers && k.rfind("total ", 0) != 0;
    if (customer_row) {
      ++customers;
      if (va == vb) continue;
      ++customers_differing;
    }
    res.checks.push_back({check, k, va, vb});
  }
  if (summarize_customers) {
    const std::string n = std::to_string(customers) + " customer rows";
    res.checks.push_back({check, "by customer", n, customers_differing ? n + ", " + std::to_string(customers_differing) + " differ" : n});
  }
}

}  // namespace

MigrateResult migrate_ledger(store::LedgerStore& from, store::LedgerStore& to,
                             const std::function<void(const MigrateResult&)>& before_commit) {
  store::TableCopy& src = store::table_copy(from);
  store::TableCopy& dst = store::table_copy(to);
  MigrateResult res;
  store::ReadTransaction read(from);
  store::WriteTransaction write(to);

  const auto source_tables = src.copy_tables();
  const auto target_tables = dst.copy_tables();
  std::map<std::string, const store::CopyTable*> in_source, in_target;
  for (const auto& t : source_tables) in_source[t.name] = &t;
  for (const auto& t : target_tables) in_target[t.name] = &t;

  for (const auto& t : target_tables) {
    if (seeded(t.name)) continue;
    if (const auto n = dst.copy_row_count(t.name); n != 0)
      throw Error(ErrorKind::kLedger, "the target ledger is not empty (" + t.name + " holds " + std::to_string(n) + " rows)", {},
                  "otc migrate copies into a new ledger: a file that does not exist yet, or a PostgreSQL schema "
                  "(--to-schema) that holds no ledger");
  }
  for (const auto& t : source_tables) {
    auto it = in_target.find(t.name);
    if (it == in_target.end())
      throw Error(ErrorKind::kLedger, "the target ledger has no table " + t.name + " (a schema older than the source's?)");
    for (const auto& c : t.columns)
      if (std::find(it->second->columns.begin(), it->second->columns.end(), c) == it->second->columns.end())
        throw Error(ErrorKind::kLedger, "the target ledger's table " + t.name + " has no column " + c);
  }

  // The target's dependency order: its foreign keys are the ones checked on insert.
  for (const auto& t : target_tables) {
    auto s = in_source.find(t.name);
    if (s == in_source.end()) continue;
    const auto& columns = s->second->columns;
    std::vector<store::CopyRow> batch;
    batch.reserve(kBatchRows);
    src.copy_read(*s->second, columns, [&](const store::CopyRow& row) {
      batch.push_back(row);
      if (batch.size() == kBatchRows) {
        dst.copy_write(t, columns, batch, seeded(t.name));
        res.rows += static_cast<std::int64_t>(batch.size());
        batch.clear();
      }
    });
    dst.copy_write(t, columns, batch, seeded(t.name));
    res.rows += static_cast<std::int64_t>(batch.size());
    ++res.tables;
  }
  dst.copy_finish();

  // Verification, the target read inside its own (uncommitted) transaction.
  std::set<std::string> names;
  for (const auto& t : source_tables) names.insert(t.name);
  for (const auto& t : target_tables) names.insert(t.name);
  for (const auto& name : names) {
    auto count = [&](store::TableCopy& side, const std::map<std::string, const store::CopyTable*>& has) {
      return has.count(name) ? std::to_string(side.copy_row_count(name)) : std::string("(no table)");
    };
    res.checks.push_back({"rows", name, count(src, in_source), count(dst, in_target)});
  }
  res.as_of = from.latest_fact_date();
  const auto target_latest = to.latest_fact_date();
  res.checks.push_back({"latest", "fact date", res.as_of ? res.as_of->iso() : "(none)", target_latest ? target_latest->iso() : "(none)"});
  if (res.as_of) {
    compare(res, "aging", aging_lines(from, *res.as_of), aging_lines(to, *res.as_of), true);
    const core::Period month = core::period_of(*res.as_of);
    compare(res, "rollforward", rollforward_lines(from, month), rollforward_lines(to, month), false);
  }
  read.end();
  res.differences = static_cast<std::size_t>(std::count_if(res.checks.begin(), res.checks.end(),
                                                           [](const MigrateCheck& c) { return !c.same(); }));
  if (res.differences == 0) {
    res.committed = true;
    if (before_commit) before_commit(res);
    write.commit();
  } else {
    write.rollback();
  }
  return res;
}

}  // namespace otc::ops
