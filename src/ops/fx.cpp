#include "otc/ops/fx.hpp"

#include "otc/core/error.hpp"
#include "otc/core/text.hpp"
#include "otc/import/csv_reader.hpp"
#include "otc/import/header_index.hpp"
#include "otc/store/transaction.hpp"

namespace otc::ops {

using core::Error;
using core::ErrorKind;

core::Currency currency_option(const std::string& code, const char* option) {
  auto c = core::find_currency(code);
  if (!c || code.size() != 3)
    throw Error(ErrorKind::kUsage, std::string(option) + " '" + code.substr(0, 200) + "' is not an ISO 4217 currency code");
  return *c;
}

FxImportResult fx_import(store::LedgerStore& store, const std::string& path, const std::string& display_name,
                         const std::string& sha256, const Invocation& inv) {
  FxImportResult result;
  store::WriteTransaction tx(store);
  if (store.find_batch("fx_rates", sha256)) {
    result.same_file = true;
    tx.rollback();
    return result;
  }
  const std::string functional = store.functional_currency();
  import::CsvReader csv(path);
  if (!csv.next()) throw Error(ErrorKind::kInput, "the rates file is empty (it needs a header: date,currency,rate)", {display_name});
  std::vector<std::string> header;
  for (std::size_t i = 0; i < csv.size(); ++i) header.emplace_back(csv.field(i));
  import::HeaderIndex idx(header);
  const int c_date = idx.find({"date", "ratedate", "effectivedate", "asof"});
  const int c_ccy = idx.find({"currency", "ccy", "fromcurrency", "code"});
  const int c_rate = idx.find({"rate", "fxrate", "ratetofunctional", "exchangerate"});
  for (auto [col, name] : {std::pair{c_date, "date"}, std::pair{c_ccy, "currency"}, std::pair{c_rate, "rate"}})
    if (col < 0) {
      core::SourceLocation where{display_name, 1};
      where.text = std::string(csv.raw_line());
      throw Error(ErrorKind::kInput, std::string("the rates file has no '") + name + "' column", where,
                  "the columns are date,currency,rate (units of " + functional + " for one unit of the currency)");
    }
  std::vector<core::Issue> issues;
  struct Row {
    store::FxRateRecord rec;
    core::SourceLocation where;
  };
  std::vector<Row> rows;
  while (csv.next()) {
    bool blank = true;
    for (std::size_t i = 0; i < csv.size(); ++i) blank = blank && core::trim(csv.field(i)).empty();
    if (blank) continue;
    ++result.rows;
    auto date_text = core::trim(csv.field(static_cast<std::size_t>(c_date)));
    auto ccy_text = core::trim(csv.field(static_cast<std::size_t>(c_ccy)));
    auto rate_text = core::trim(csv.field(static_cast<std::size_t>(c_rate)));
    auto d = core::parse_iso_date(date_text);
    if (!d || date_text.size() != 10) {
      issues.push_back({csv.location(static_cast<std::size_t>(c_date)), "'" + std::string(date_text.substr(0, 200)) + "' is not a date (YYYY-MM-DD)"});
      continue;
    }
    std::string code(ccy_text);
    for (char& ch : code) ch = static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
    if (!core::find_currency(code) || code.size() != 3) {
      issues.push_back({csv.location(static_cast<std::size_t>(c_ccy)), "'" + std::string(ccy_text.substr(0, 200)) + "' is not an ISO 4217 currency code"});
      continue;
    }
    if (code == functional) {
      issues.push_back({csv.location(static_cast<std::size_t>(c_ccy)),
                        code + " is the functional currency: its rate is 1 by definition"});
      continue;
    }
    auto rate = engine::parse_rate(rate_text);
    if (!rate) {
      issues.push_back({csv.location(static_cast<std::size_t>(c_rate)),
                        "'" + std::string(rate_text.substr(0, 200)) + "' is not a rate (a positive decimal, at most 10 decimals)"});
      continue;
    }
    rows.push_back({{*d, code, rate->text()}, csv.location(static_cast<std::size_t>(c_rate))});
  }
  const std::int64_t batch = store.add_batch("fx_rates", display_name, sha256, inv.command_line);
  for (const auto& r : rows) {
    std::string existing;
    switch (store.put_fx_rate(r.rec, batch, existing)) {
      case store::FxPut::kAdded: ++result.added; break;
      case store::FxPut::kSame: ++result.unchanged; break;
      case store::FxPut::kConflict:
        issues.push_back({r.where, "the ledger holds " + existing + " for " + r.rec.currency + " on " + r.rec.date.iso() +
                                       ", not " + r.rec.rate + " (a rate is never edited)"});
        break;
    }
  }
  if (!issues.empty()) {
    std::string n = std::to_string(issues.size());
    throw Error(ErrorKind::kInput, n + " bad row(s) in " + display_name + "; nothing was imported").with_issues(std::move(issues));
  }
  store.finish_batch(batch, result.rows, result.added);
  store.audit(audit_entry_for_file(inv, "import", "fx_rates",
                                   std::to_string(result.added) + " rate(s) added, " + std::to_string(result.unchanged) +
                                       " unchanged; functional currency " + functional,
                                   display_name, sha256, batch));
  tx.commit();
  return result;
}

void set_functional_currency(store::LedgerStore& store, const std::string& code, const Invocation& inv) {
  store::WriteTransaction tx(store);
  const std::string now = store.functional_currency();
  if (now == code) {
    tx.rollback();
    return;
  }
  if (!store.fx_rates().empty())
    throw Error(ErrorKind::kUsage, "the ledger's functional currency is " + now + " and it holds rates to it; it stays " + now);
  store.set_functional_currency(code);
  store.audit(audit_entry(inv, "set", "functional_currency", code, "was " + now));
  tx.commit();
}

namespace {

FxBook book_of(store::LedgerStore& store) {
  FxBook b;
  const std::string functional = store.functional_currency();
  auto c = core::find_currency(functional, true);
  b.functional = c ? *c : core::Currency{};
  for (const auto& r : store.fx_rates()) {
    auto rate = engine::parse_rate(r.rate);
    if (!rate) throw Error(ErrorKind::kLedger, "ledger holds an invalid fx rate '" + r.rate + "'");
    rate->date = r.date;
    rate->currency = r.currency;
    b.rates.push_back(*rate);
  }
  return b;
}

}  // namespace

FxBook load_fx(store::LedgerStore& store) { return book_of(store); }

FxBook fx_rates(store::LedgerStore& store) {
  store::ReadTransaction tx(store);
  FxBook b = book_of(store);
  tx.end();
  return b;
}

engine::CrossRate FxBook::rate(std::string_view from, std::string_view to, core::Date d) const {
  std::string missing;
  auto r = engine::cross_rate(rates, functional.view(), from, to, d, missing);
  if (!r)
    throw Error(ErrorKind::kInput,
                "no fx rate for " + missing + " on or before " + d.iso() + " (to convert " + std::string(from) + " to " +
                    std::string(to) + ")",
                {}, "import one: `otc fx import rates.csv` (date,currency,rate to " + std::string(functional.view()) + ")");
  return *r;
}

}  // namespace otc::ops
