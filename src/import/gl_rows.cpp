#include "otc/import/gl_rows.hpp"
#include "otc/core/text.hpp"

#include <cctype>
#include <string_view>

namespace otc::import {
namespace {

using core::Error;
using core::ErrorKind;

using core::trim;

}  // namespace

GlReadResult read_gl_rows(CsvReader& csv, const GlReadOptions& options) {
  const InputSettings settings = settings_with_mapping(options.settings, options.mapping);
  GlReadResult result;
  if (!csv.next()) throw Error(ErrorKind::kInput, "file is empty (expected a header row)", {csv.file_name(), 1, 0});
  std::vector<std::string> header;
  for (std::size_t i = 0; i < csv.size(); ++i) header.emplace_back(csv.field(i));
  ColumnMap map = ColumnMap::resolve("gl", options.profile, options.mapping, header, csv.file_name());
  const int date = map.index("date"), account = map.index("account"), debit = map.index("debit"),
            credit = map.index("credit"), amount = map.index("amount"), currency = map.index("currency"),
            source = map.index("source"), journal = map.index("journal_id");
  const bool split = debit >= 0 || credit >= 0;
  if (!split && amount < 0)
    throw Error(ErrorKind::kInput, "no column for the amount: a GL export needs debit and credit columns, or one signed amount",
                {csv.file_name(), 1, 0}, "name the columns with --map FILE (see docs/reconcile.md) or pick a --profile");

  std::optional<core::Currency> fallback;
  if (!settings.default_currency.empty()) fallback = core::find_currency(settings.default_currency);
  auto cell = [&](int index) { return index < 0 ? std::string_view() : trim(csv.field(static_cast<std::size_t>(index))); };

  while (csv.next()) {
    const long line = csv.line();
    bool ok = true;
    auto issue = [&](int index, std::string message) {
      result.issues.push_back({csv.location_of(index), std::move(message)});
      ok = false;
    };
    engine::GlRow row;
    row.source_line = line;

    std::string_view d = cell(date);
    if (d.empty()) {
      issue(date, "date is empty");
    } else if (auto parsed = settings.date_format.parse(d)) {
      row.date = *parsed;
    } else {
      issue(date, "date '" + std::string(d) + "' is not a date" +
                      (settings.date_format.is_iso() ? " (expected YYYY-MM-DD; declare another format with --date-format)"
                                                     : " in the format " + settings.date_format.pattern()));
    }

    const std::size_t issues_before = result.issues.size();
    std::string_view code = cell(currency);
    if (!code.empty()) {
      if (auto c = core::find_currency(code)) row.currency = *c;
      else issue(currency, "currency '" + std::string(code) + "' is not an ISO 4217 code");
    } else if (fallback) {
      row.currency = *fallback;
    } else {
      issue(currency, settings.default_currency.empty() ? "currency is empty and no default currency is set (--currency)"
                                                        : "default currency '" + settings.default_currency + "' is not an ISO 4217 code");
    }

    auto money = [&](int index, const char* what, std::int64_t& out) {
      std::string_view v = cell(index);
      if (index < 0 || v.empty()) return;  // a blank debit or credit is zero
      auto r = core::parse_amount(v, row.currency.exponent, settings.amount_style);
      if (!r.ok()) {
        std::string msg = std::string(what) + " '" + std::string(v) + "': " + std::string(core::describe(*r.error));
        if (*r.error == core::AmountError::kTooManyDecimals)
          msg += " (" + std::string(row.currency.view()) + " has " + std::to_string(row.currency.exponent) + ")";
        issue(index, msg);
        return;
      }
      out = r.minor;
    };
    const bool currency_ok = result.issues.size() == issues_before;
    if (currency_ok) {  // amounts are checked whenever the currency (and so its decimals) is known
      if (split) {
        money(debit, "debit", row.debit_minor);
        money(credit, "credit", row.credit_minor);
      } else {
        std::int64_t signed_minor = 0;
        if (cell(amount).empty()) issue(amount, "amount is empty");
        else money(amount, "amount", signed_minor);
        if (signed_minor >= 0) row.debit_minor = signed_minor;
        else row.credit_minor = -signed_minor;
      }
    }
    if (!ok) continue;
    row.account.assign(cell(account));
    row.source.assign(cell(source));
    row.journal_id.assign(cell(journal));
    result.rows.push_back(std::move(row));
  }
  return result;
}

GlReadResult read_gl_file(const std::string& path, const GlReadOptions& options) {
  const InputSettings settings = settings_with_mapping(options.settings, options.mapping);
  CsvReader csv(path, settings.delimiter);
  return read_gl_rows(csv, options);
}

}  // namespace otc::import
