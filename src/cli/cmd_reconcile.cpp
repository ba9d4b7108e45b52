// otc reconcile billing|bank|gl: read the inputs, call the pure engines (engine/reconcile*.hpp),
// write one breaks report. Exit 0 when reconciled, 3 when breaks remain, 1 on bad input.
// The ledger is only read; a reconciliation that used it leaves one audit entry (docs/reconcile.md).
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include "bank_input.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "otc/ops/rollforward.hpp"
#include "otc/core/error.hpp"
#include "otc/core/exit_codes.hpp"
#include "otc/core/sha256.hpp"
#include "otc/engine/reconcile.hpp"
#include "otc/engine/reconcile_bank.hpp"
#include "otc/engine/reconcile_billing.hpp"
#include "otc/engine/reconcile_gl.hpp"
#include "otc/engine/reconcile_payout.hpp"
#include "otc/import/billing_lines.hpp"
#include "otc/import/gateway.hpp"
#include "otc/import/gl_rows.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {
namespace {

using core::Error;
using core::ErrorKind;
using report::CellKind;

// ---------------------------------------------------------------------------------------------
// Shared by the three reconciliations.

/// Sorts the breaks into report order and writes them to the report sink.
void write_breaks(Context& ctx, std::vector<engine::Break>& breaks) {
  engine::sort_breaks(breaks);
  auto sink = report::make_sink(ctx.format(), ctx.output());
  std::vector<report::Column> columns;
  for (auto name : engine::break_column_names())
    columns.push_back({std::string(name), name == "difference" ? CellKind::kNumber : CellKind::kText});
  sink->begin(columns);
  std::vector<std::string> cells(columns.size());
  for (const auto& b : breaks) {
    auto c = engine::break_cells(b);
    for (std::size_t i = 0; i < c.size(); ++i) cells[i] = std::move(c[i]);
    sink->row(cells);
  }
  sink->end();
}

/// "2 breaks (missing_in_erp 1, duplicate_billing 1)" and whether any is an exception.
std::string break_summary(const std::vector<engine::Break>& breaks, bool& exceptions) {
  engine::BreakCounts counts{};
  exceptions = false;
  std::size_t n = 0;
  for (const auto& b : breaks) {
    ++counts[static_cast<std::size_t>(b.type)];
    if (engine::is_exception(b.type)) {
      exceptions = true;
      ++n;
    }
  }
  std::string out = std::to_string(n) + (n == 1 ? " break" : " breaks");
  std::string detail;
  for (std::size_t t = 0; t < counts.size(); ++t) {
    auto type = static_cast<engine::BreakType>(t);
    if (counts[t] == 0 || !engine::is_exception(type)) continue;
    if (!detail.empty()) detail += ", ";
    detail += std::string(engine::break_type_name(type)) + " " + std::to_string(counts[t]);
  }
  if (!detail.empty()) out += " (" + detail + ")";
  return out;
}

/// Reports every bad input row on stderr, in file order, then fails the command: nothing is
/// reconciled on bad input.
template <typename Issue>
void fail_on_issues(const std::vector<Issue>& issues, const std::string& file) {
  if (issues.empty()) return;
  for (const auto& i : issues) std::cerr << "otc: error: " << core::format_location(i.where) << ": " << i.message << '\n';
  throw Error(ErrorKind::kInput,
              std::to_string(issues.size()) + (issues.size() == 1 ? " bad row" : " bad rows") + "; nothing was reconciled",
              {file}, "fix the rows (or name the columns with --map) and run again");
}

/// Writes a detail report to `path` through a temporary file renamed at the end.
template <typename Fill>
void write_detail_file(const Context& ctx, const std::string& path, Fill fill) {
  const std::string temp = path + ".otc-tmp";
  {
    std::ofstream f(temp, std::ios::binary | std::ios::trunc);
    if (!f) throw Error(ErrorKind::kInput, "cannot write the detail report", {path});
    auto sink = report::make_sink(ctx.format(), f);
    fill(*sink);
    f.flush();
    if (!f) throw Error(ErrorKind::kInput, "cannot write the detail report", {path});
  }
  std::filesystem::rename(temp, path);
  ctx.note("wrote " + path);
}

/// One audit row saying what was reconciled, with which inputs and what came out. The only write.
void audit_reconciliation(store::LedgerStore& store, const Context& ctx, const std::string& what, const std::string& id,
                          const std::string& detail, const std::vector<std::string>& files) {
  store::AuditEntry e;
  e.command = ctx.command_line;
  e.action = "reconcile";
  e.entity = what;
  e.entity_id = id;
  e.detail = detail;
  std::string names, sums;
  for (const auto& f : files) {
    if (!names.empty()) names += ';', sums += ';';
    names += f;
    sums += f == "-" ? std::string() : core::sha256_file(f);
  }
  e.file_name = names;
  e.sha256 = sums;
  store.begin_write();
  try {
    store.audit(e);
    store.commit();
  } catch (...) {
    store.rollback();
    throw;
  }
}

std::int64_t parse_tolerance_minor(const std::string& text, const char* option) {
  if (text.empty()) return 0;
  if (!std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }) || text.size() > 15)
    throw Error(ErrorKind::kUsage, std::string(option) + " '" + text + "' is not a whole number of minor units (cents)");
  return std::stoll(text);
}

std::int64_t parse_tolerance_micros(const std::string& text, const char* option) {
  if (text.empty()) return 0;
  auto v = engine::parse_micros(text);
  if (!v || *v < 0) throw Error(ErrorKind::kUsage, std::string(option) + " '" + text + "' is not a non-negative decimal");
  return *v;
}

std::optional<core::Date> date_option(const std::string& value, const char* option) {
  if (value.empty()) return std::nullopt;
  return Context::parse_date_option(value, option);
}

std::string money_text(std::int64_t minor, const core::Currency& c) { return core::format_amount(minor, c.exponent); }

// ---------------------------------------------------------------------------------------------
// reconcile billing

struct BillingArgs {
  std::string crm, erp, period, key = "contract_id,period,product";
  std::string tolerance, quantity_tolerance, price_tolerance, discount_tolerance;
  std::vector<std::string> ignore;
  std::string discount_unit = "amount";
  std::string profile = "generic", crm_profile, erp_profile;
  std::string map, crm_map, erp_map;
  std::string currency;
  std::size_t memory_mb = 16;
};

void run_billing(Context& ctx, const BillingArgs& a) {
  if (!a.period.empty()) {
    core::Date first, last;
    Context::parse_period_option(a.period, "--period", first, last);
  }
  ctx.format();  // a bad --format fails before any work
  const auto keys = import::parse_billing_key(a.key);

  import::BillingReadOptions base;
  base.key_fields = keys;
  base.period = a.period;
  base.discount_unit = a.discount_unit == "percent" ? import::DiscountUnit::kPercent : import::DiscountUnit::kAmount;
  if (!ctx.opts.date_format.empty()) base.settings.date_format = core::DateFormat(ctx.opts.date_format);
  base.settings.amount_style.decimal_comma = ctx.opts.decimal_comma;
  base.settings.default_currency = a.currency;

  std::optional<import::MappingFile> crm_map, erp_map;
  if (!(a.crm_map.empty() ? a.map : a.crm_map).empty()) crm_map = import::read_mapping_file(a.crm_map.empty() ? a.map : a.crm_map);
  if (!(a.erp_map.empty() ? a.map : a.erp_map).empty()) erp_map = import::read_mapping_file(a.erp_map.empty() ? a.map : a.erp_map);

  auto crm_opts = base;
  crm_opts.kind = "crm_lines";
  crm_opts.profile = a.crm_profile.empty() ? a.profile : a.crm_profile;
  crm_opts.mapping = crm_map ? &*crm_map : nullptr;
  import::CsvBillingSource crm(a.crm, crm_opts);
  crm.prepare();

  engine::BillingOptions options;
  options.amount_tolerance_minor = parse_tolerance_minor(a.tolerance, "--tolerance");
  options.quantity_tolerance = parse_tolerance_micros(a.quantity_tolerance, "--quantity-tolerance");
  options.price_tolerance = parse_tolerance_micros(a.price_tolerance, "--price-tolerance");
  options.discount_tolerance = parse_tolerance_micros(a.discount_tolerance, "--discount-tolerance");
  options.memory_budget_bytes = a.memory_mb << 20;

  std::unique_ptr<import::CsvBillingSource> erp_file;
  std::vector<engine::BillingLine> ledger_lines;
  std::unique_ptr<store::LedgerStore> store;
  std::string erp_name = a.erp;
  if (!a.erp.empty()) {
    auto erp_opts = base;
    erp_opts.kind = "erp_lines";
    erp_opts.profile = a.erp_profile.empty() ? a.profile : a.erp_profile;
    erp_opts.mapping = erp_map ? &*erp_map : nullptr;
    erp_file = std::make_unique<import::CsvBillingSource>(a.erp, erp_opts);
    erp_file->prepare();
  } else {
    // The ledger's billed invoice lines are the ERP side.
    erp_name = "the ledger";
    store = ctx.open_ledger();
    std::optional<core::Date> from, to;
    if (!a.period.empty()) {
      core::Date first, last;
      Context::parse_period_option(a.period, "--period", first, last);
      from = first;
      to = last;
    }
    store->begin_read();
    try {
      engine::BillingLine line;
      store->for_each_billed_line(from, to, [&](const store::BilledLineRecord& r) {
        import::billing_line_from_ledger(r, keys, base.discount_unit, line);
        ledger_lines.push_back(line);
      });
      store->commit();
    } catch (...) {
      store->rollback();
      throw;
    }
  }

  // A field one side does not carry cannot be compared.
  std::vector<std::string> skipped;
  auto field = [&](const char* name, bool& compare) {
    bool wanted = std::find(a.ignore.begin(), a.ignore.end(), name) == a.ignore.end();
    bool crm_has = crm.has_field(name), erp_has = !erp_file || erp_file->has_field(name);
    compare = wanted && crm_has && erp_has;
    if (wanted && !compare)
      skipped.push_back(std::string(name) + " (no column in " + (crm_has ? erp_name : a.crm) + ")");
  };
  field("customer", options.compare_customer);
  field("quantity", options.compare_quantity);
  field("unit_price", options.compare_unit_price);
  field("discount", options.compare_discount);
  field("currency", options.compare_currency);
  if (!skipped.empty()) {
    std::string list;
    for (const auto& s : skipped) list += (list.empty() ? "" : ", ") + s;
    ctx.note("not compared: " + list);
  }

  std::vector<engine::Break> breaks;
  engine::BillingSummary summary;
  {
    engine::VectorBillingSource ledger_source(ledger_lines);
    engine::BillingLineSource& erp = erp_file ? static_cast<engine::BillingLineSource&>(*erp_file) : ledger_source;
    summary = engine::reconcile_billing(crm, erp, options, [&](const engine::Break& b) { breaks.push_back(b); });
  }
  // Bad rows of both files are all listed before the command fails.
  std::vector<import::BillingIssue> issues = crm.issues();
  if (erp_file) issues.insert(issues.end(), erp_file->issues().begin(), erp_file->issues().end());
  fail_on_issues(issues, crm.issues().empty() ? a.erp : erp_file && !erp_file->issues().empty() ? std::string() : a.crm);

  write_breaks(ctx, breaks);
  ctx.commit_output();
  bool exceptions = false;
  std::string result = break_summary(breaks, exceptions);
  std::string detail = "CRM " + std::to_string(summary.crm_lines) + " lines, ERP " + std::to_string(summary.erp_lines) + " lines" +
                       (a.erp.empty() ? " (ledger)" : "") + ", " + std::to_string(summary.matched_pairs) + " paired (" +
                       std::to_string(summary.clean_pairs) + " agree); " + result;
  std::string other;
  if (auto n = crm.rows_other_periods() + (erp_file ? erp_file->rows_other_periods() : 0); n > 0)
    other = "; " + std::to_string(n) + (n == 1 ? " row" : " rows") + " of other periods left out";
  ctx.note("reconcile billing" + (a.period.empty() ? std::string() : " " + a.period) + ": " + detail + other);
  if (store) audit_reconciliation(*store, ctx, "billing", a.period, detail, {a.crm});
  if (exceptions) ctx.exit_code = core::kExitExceptions;
}

// ---------------------------------------------------------------------------------------------
// reconcile bank

struct BankArgs {
  std::vector<std::string> files;
  BankInputArgs input;
  std::string from, to;
  int window = 3;
  std::vector<std::string> markers;
  std::vector<std::string> invoice_columns;
  std::string detail;
};

/// The gateway format of a CSV file, from its header (first bytes only); kAuto when it is not a
/// gateway export (or not CSV at all).
import::GatewayFormat sniff_gateway(const std::string& path) {
  if (path == "-") return import::GatewayFormat::kAuto;
  std::ifstream in(path, std::ios::binary);
  if (!in) return import::GatewayFormat::kAuto;  // the bank reader reports it
  std::string head(16 * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  auto nl = head.find('\n');
  if (nl == std::string::npos && !in.eof()) return import::GatewayFormat::kAuto;  // no header line: not a CSV export
  head.resize(nl == std::string::npos ? head.size() : nl);
  try {
    import::CsvReader csv(path, head);
    if (!csv.next()) return import::GatewayFormat::kAuto;
    std::vector<std::string> header;
    for (std::size_t i = 0; i < csv.size(); ++i) header.emplace_back(csv.field(i));
    return import::detect_gateway_format(header);
  } catch (const Error&) {
    return import::GatewayFormat::kAuto;  // not CSV: a bank format
  }
}

std::string lower_trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string rule_text(engine::PayoutMatchRule r) {
  switch (r) {
    case engine::PayoutMatchRule::kReference: return "reference";
    case engine::PayoutMatchRule::kAmountDate: return "amount_date";
    case engine::PayoutMatchRule::kNone: break;
  }
  return "none";
}

void run_bank(Context& ctx, const BankArgs& a) {
  ctx.format();
  std::optional<core::Date> from = date_option(a.from, "--from"), to = date_option(a.to, "--to");
  if (from && to && *to < *from) throw Error(ErrorKind::kUsage, "--to is before --from");
  if (a.window < 0) throw Error(ErrorKind::kUsage, "--window must be 0 or more days");

  // Read everything first: a file that cannot be read reconciles nothing.
  std::vector<domain::BankTransaction> bank;
  std::vector<engine::GatewayTransaction> gateway;
  std::set<std::string> gateways;
  std::size_t bank_files = 0;
  import::GatewayReadOptions gopts;
  gopts.invoice_columns = a.invoice_columns;
  for (const auto& file : a.files) {
    if (sniff_gateway(file) != import::GatewayFormat::kAuto) {
      auto r = import::read_gateway_file(file, gopts);
      fail_on_issues(r.issues, file);
      if (!ctx.opts.quiet)
        std::cerr << "otc: " << file << ": " << import::gateway_format_name(r.format) << " export, " << r.rows.size() << " rows"
                  << (r.skipped ? ", " + std::to_string(r.skipped) + " non-posting rows skipped" : std::string()) << '\n';
      gateways.insert(std::string(import::gateway_format_name(r.format)));
      for (auto& row : r.rows) gateway.push_back(std::move(row));
      continue;
    }
    auto r = read_bank_input(ctx, file, a.input, a.input.lenient);
    report_bank_problems(ctx, file, r);
    ++bank_files;
    for (auto& t : r.transactions) {
      if (t.source_file.empty()) t.source_file = file;
      bank.push_back(std::move(t));
    }
  }
  if (bank_files == 0)
    throw Error(ErrorKind::kUsage, "no bank file among the files given: reconcile bank needs the bank statement the deposits are on");

  // The range: as given, else the dates the bank files cover.
  if (!from || !to) {
    std::optional<core::Date> lo, hi;
    for (const auto& t : bank) {
      if (!lo || t.booking_date < *lo) lo = t.booking_date;
      if (!hi || t.booking_date > *hi) hi = t.booking_date;
    }
    if (!lo) {
      if (!from && !to) throw Error(ErrorKind::kInput, "the bank files hold no transactions; give --from and --to", {a.files.front()});
      lo = hi = from ? *from : *to;
    }
    if (!from) from = *lo;
    if (!to) to = *hi;
  }

  // Gateway payouts against the bank deposits they became.
  engine::PayoutResult payouts;
  std::set<std::string> charge_refs;  // ledger receipts carrying these references are gateway charges
  if (!gateway.empty()) {
    engine::PayoutOptions po;
    po.date_window_days = a.window;
    po.deposit_markers = a.markers;
    if (po.deposit_markers.empty())
      for (const auto& g : gateways) po.deposit_markers.push_back(g);
    po.from = from;
    po.to = to;
    payouts = engine::tie_out_payouts(gateway, bank, po);
    for (const auto& g : gateway) {
      if (g.kind != engine::GatewayKind::kCharge) continue;
      if (!g.source_id.empty()) charge_refs.insert(lower_trim(g.source_id));
      if (!g.id.empty()) charge_refs.insert(lower_trim(g.id));
    }
  }

  // Ledger receipts around the range (counterparts just outside it can still match).
  auto store = ctx.open_ledger();
  std::vector<store::ReceiptRecord> records;
  store->begin_read();
  try {
    records = store->receipts(from->add_days(-a.window), to->add_days(a.window));
    store->commit();
  } catch (...) {
    store->rollback();
    throw;
  }
  std::vector<engine::LedgerReceipt> receipts;
  std::size_t gateway_receipts = 0;
  for (const auto& r : records) {
    if (!r.reference.empty() && charge_refs.count(lower_trim(r.reference)) != 0) {
      ++gateway_receipts;  // explained by the gateway export's charge
      continue;
    }
    engine::LedgerReceipt x;
    x.payment_id = r.external_id;
    x.date = r.received_date;
    x.amount_minor = r.amount_minor;
    x.currency = r.currency;
    x.bank_reference = r.reference;
    x.customer = r.customer_external_id;
    receipts.push_back(std::move(x));
  }

  engine::BankReconcileOptions bo;
  bo.from = from;
  bo.to = to;
  bo.date_window_days = a.window;
  auto result = engine::reconcile_bank(bank, receipts, bo);
  const std::size_t deposits_in_range = result.deposits_in_range;
  // A deposit that a payout explains needs no receipt of its own (the receipts are the payout's
  // charges); when no receipt matched it, leave it out and match the rest again.
  std::vector<bool> matched(bank.size(), false);
  for (const auto& m : result.matches) matched[m.deposit] = true;
  std::vector<bool> drop(bank.size(), false);
  std::size_t explained = 0;
  for (const auto& p : payouts.payouts)
    if (p.deposit && !matched[*p.deposit]) {
      drop[*p.deposit] = true;
      ++explained;
    }
  if (explained > 0) {
    std::vector<domain::BankTransaction> rest;
    for (std::size_t i = 0; i < bank.size(); ++i)
      if (!drop[i]) rest.push_back(bank[i]);
    result = engine::reconcile_bank(rest, receipts, bo);
  }

  // A gateway deposit with no payout is reported once, as deposit_without_payout (same keys).
  std::multiset<std::string> gateway_only;
  for (const auto& b : payouts.breaks)
    if (b.type == engine::BreakType::kDepositWithoutPayout) gateway_only.insert(b.keys);
  std::vector<engine::Break> breaks;
  for (auto& b : result.breaks) {
    if (b.type == engine::BreakType::kUnmatchedDeposit)
      if (auto it = gateway_only.find(b.keys); it != gateway_only.end()) {
        gateway_only.erase(it);
        continue;
      }
    breaks.push_back(std::move(b));
  }
  breaks.insert(breaks.end(), payouts.breaks.begin(), payouts.breaks.end());
  for (const auto& f : payouts.fees) breaks.push_back(engine::fee_break(f));

  if (!a.detail.empty())
    write_detail_file(ctx, a.detail, [&](report::RowSink& sink) {
      sink.begin({{"gateway", CellKind::kText}, {"payout_id", CellKind::kText}, {"date", CellKind::kDate},
                  {"currency", CellKind::kText}, {"charges", CellKind::kNumber}, {"refunds", CellKind::kNumber},
                  {"fees", CellKind::kNumber}, {"disputes", CellKind::kNumber}, {"adjustments", CellKind::kNumber},
                  {"net", CellKind::kNumber}, {"payout", CellKind::kNumber}, {"difference", CellKind::kNumber},
                  {"match", CellKind::kText}, {"deposit_date", CellKind::kDate}, {"deposit", CellKind::kText},
                  {"invoices", CellKind::kText}});
      std::vector<std::string> cells;
      for (const auto& p : payouts.payouts) {
        std::string invoices, deposit, deposit_date;
        for (const auto& i : p.invoices) invoices += (invoices.empty() ? "" : ";") + i;
        if (p.deposit) {
          const auto& t = bank[*p.deposit];
          deposit_date = t.booking_date.iso();
          deposit = core::format_location({t.source_file, t.source_line});
        }
        cells = {p.gateway, p.payout_id, p.date.iso(), std::string(p.currency.view()), money_text(p.charges_minor, p.currency),
                 money_text(p.refunds_minor, p.currency), money_text(p.fees_minor, p.currency),
                 money_text(p.disputes_minor, p.currency), money_text(p.adjustments_minor, p.currency),
                 money_text(p.components_net_minor, p.currency), money_text(p.payout_minor, p.currency),
                 money_text(p.components_net_minor - p.payout_minor, p.currency), rule_text(p.rule), deposit_date, deposit,
                 invoices};
        sink.row(cells);
      }
      sink.end();
    });

  write_breaks(ctx, breaks);
  ctx.commit_output();

  std::size_t by_reference = 0;
  for (const auto& m : result.matches) by_reference += m.rule == engine::BankMatchRule::kReference;
  bool exceptions = false;
  std::string summary = std::to_string(deposits_in_range) + " deposits, " +
                        std::to_string(result.receipts_in_range) + " ledger receipts in range; " +
                        std::to_string(result.matches.size()) + " matched (" + std::to_string(by_reference) + " by reference, " +
                        std::to_string(result.matches.size() - by_reference) + " by amount and date)";
  if (!gateway.empty()) {
    std::size_t tie = 0;
    for (const auto& p : payouts.payouts) tie += p.ties();
    summary += "; " + std::to_string(payouts.payouts.size()) + " payouts, " + std::to_string(tie) + " tie to a deposit";
    if (gateway_receipts)
      summary += ", " + std::to_string(gateway_receipts) + (gateway_receipts == 1 ? " ledger receipt is" : " ledger receipts are") +
                 " a charge in the export";
  }
  summary += "; " + break_summary(breaks, exceptions);
  ctx.note("reconcile bank " + from->iso() + ".." + to->iso() + ": " + summary);
  for (const auto& p : payouts.payouts) {
    std::string invoices;
    for (const auto& i : p.invoices) invoices += " " + i;
    std::string where = p.deposit ? "deposit " + bank[*p.deposit].booking_date.iso() + " (" +
                                        core::format_location({bank[*p.deposit].source_file, bank[*p.deposit].source_line}) + ")"
                                  : "no deposit";
    const auto& c = p.currency;
    ctx.note("  payout " + p.gateway + " " + p.payout_id + " " + p.date.iso() + ": charges " + money_text(p.charges_minor, c) +
             " - refunds " + money_text(p.refunds_minor, c) + " - fees " + money_text(p.fees_minor, c) + " - disputes " +
             money_text(p.disputes_minor, c) + " + adjustments " + money_text(p.adjustments_minor, c) + " = " +
             money_text(p.components_net_minor, c) + " " + std::string(c.view()) + "; paid out " + money_text(p.payout_minor, c) +
             "; " + where + (invoices.empty() ? "" : "; invoices" + invoices));
  }
  for (const auto& p : payouts.pending)
    ctx.note("  " + p.gateway + " " + money_text(p.net_minor, p.currency) + " " + std::string(p.currency.view()) + " in " +
             std::to_string(p.rows) + (p.rows == 1 ? " row" : " rows") + " not paid out yet");
  audit_reconciliation(*store, ctx, "bank", from->iso() + ".." + to->iso(), summary, a.files);
  if (exceptions) ctx.exit_code = core::kExitExceptions;
}

// ---------------------------------------------------------------------------------------------
// reconcile gl

struct GlArgs {
  std::string file, period;
  std::vector<std::string> accounts;
  std::vector<std::string> sources, exact_sources, openings;
  std::string tolerance;
  std::string profile = "generic", map;
  std::string currency;
  std::string detail;
};

engine::GlSourceRule source_rule(const std::string& text, bool exact, const char* option) {
  auto eq = text.rfind('=');
  std::optional<engine::RollComponent> c;
  if (eq != std::string::npos && eq > 0) c = engine::parse_roll_component(text.substr(eq + 1));
  if (!c || *c == engine::RollComponent::kClosing)
    throw Error(ErrorKind::kUsage, std::string(option) + " '" + text +
                                       "' is not PATTERN=COMPONENT (components: opening, invoiced, collected, credited, written_off, fx, other)");
  return {text.substr(0, eq), *c, exact};
}

void run_gl(Context& ctx, const GlArgs& a) {
  core::Date first, last;
  Context::parse_period_option(a.period, "--period", first, last);
  ctx.format();
  engine::GlOptions options;
  options.period_start = first;
  options.period_end = last;
  options.accounts = a.accounts;
  for (const auto& s : a.exact_sources) options.rules.push_back(source_rule(s, true, "--source-exact"));
  for (const auto& s : a.sources) options.rules.push_back(source_rule(s, false, "--source"));
  options.tolerance_minor = parse_tolerance_minor(a.tolerance, "--tolerance");

  // The ledger first: a GL export without a currency column takes the ledger's only currency.
  auto store = ctx.open_ledger();
  std::vector<engine::LedgerRollForward> ledger;
  store->begin_read();
  try {
    ledger = ops::ledger_rollforward(*store, first, last);
    store->commit();
  } catch (...) {
    store->rollback();
    throw;
  }

  std::optional<import::MappingFile> mapping;
  if (!a.map.empty()) mapping = import::read_mapping_file(a.map);
  import::GlReadOptions ro;
  ro.profile = a.profile;
  ro.mapping = mapping ? &*mapping : nullptr;
  if (!ctx.opts.date_format.empty()) ro.settings.date_format = core::DateFormat(ctx.opts.date_format);
  ro.settings.amount_style.decimal_comma = ctx.opts.decimal_comma;
  ro.settings.default_currency = a.currency;
  if (ro.settings.default_currency.empty() && !(mapping && mapping->currency) && ledger.size() == 1)
    ro.settings.default_currency = std::string(ledger.front().currency.view());
  auto gl = import::read_gl_file(a.file, ro);
  fail_on_issues(gl.issues, a.file);

  for (const auto& o : a.openings) {
    auto eq = o.find('=');
    std::string code = eq == std::string::npos ? ro.settings.default_currency : o.substr(0, eq);
    std::string amount = eq == std::string::npos ? o : o.substr(eq + 1);
    auto c = core::find_currency(code);
    if (!c) throw Error(ErrorKind::kUsage, "--gl-opening '" + o + "': give the currency, e.g. USD=12500.00");
    auto r = core::parse_amount(amount, c->exponent, {ctx.opts.decimal_comma});
    if (!r.ok()) throw Error(ErrorKind::kUsage, "--gl-opening '" + o + "': " + std::string(core::describe(*r.error)));
    options.gl_opening.push_back({r.minor, *c});
  }

  auto result = engine::reconcile_gl(ledger, gl.rows, options);

  if (!a.detail.empty())
    write_detail_file(ctx, a.detail, [&](report::RowSink& sink) {
      sink.begin({{"period", CellKind::kText}, {"currency", CellKind::kText}, {"component", CellKind::kText},
                  {"ledger", CellKind::kNumber}, {"gl", CellKind::kNumber}, {"difference", CellKind::kNumber},
                  {"gl_sources", CellKind::kText}});
      std::vector<std::string> cells;
      for (const auto& r : result.rows) {
        std::string sources;
        for (const auto& s : r.gl_sources)
          sources += (sources.empty() ? "" : "; ") + (s.source.empty() ? std::string("(no source)") : s.source) + " " +
                     money_text(s.amount_minor, r.currency) + " (" + std::to_string(s.rows) + (s.rows == 1 ? " row)" : " rows)");
        cells = {a.period, std::string(r.currency.view()), std::string(engine::roll_component_name(r.component)),
                 money_text(r.ledger_minor, r.currency), money_text(r.gl_minor, r.currency),
                 money_text(r.difference_minor(), r.currency), sources};
        sink.row(cells);
      }
      sink.end();
    });

  write_breaks(ctx, result.breaks);
  ctx.commit_output();
  bool exceptions = false;
  std::string summary = std::to_string(result.rows_used) + " GL rows used";
  if (result.rows_other_accounts) summary += ", " + std::to_string(result.rows_other_accounts) + " of other accounts left out";
  if (result.rows_after_period) summary += ", " + std::to_string(result.rows_after_period) + " after the period left out";
  for (const auto& r : result.rows)
    if (r.component == engine::RollComponent::kClosing)
      summary += "; " + std::string(r.currency.view()) + " closing AR: ledger " + money_text(r.ledger_minor, r.currency) + ", GL " +
                 money_text(r.gl_minor, r.currency) + ", difference " + money_text(r.difference_minor(), r.currency);
  summary += "; " + break_summary(result.breaks, exceptions);
  ctx.note("reconcile gl " + a.period + ": " + summary);
  audit_reconciliation(*store, ctx, "gl", a.period, summary, {a.file});
  if (exceptions) ctx.exit_code = core::kExitExceptions;
}

}  // namespace

void install_reconcile(CLI::App& parent, Context& ctx) {
  auto* cmd = parent.add_subcommand("reconcile", "Reconcile billing (CRM vs ERP), bank and gateway deposits, AR vs GL");
  cmd->require_subcommand(1);
  cmd->footer(
      "Each writes one breaks report (type, keys, left, right, difference, currency, suggestion) and a summary\n"
      "on stderr. Exit 0: reconciled; 3: breaks remain (fee lines are not breaks); 1: bad input, FILE:LINE:COLUMN.\n"
      "Example: otc reconcile gl gl_1200_2026-10.csv --period 2026-10 --account 1200");

  auto b = std::make_shared<BillingArgs>();
  auto* billing = cmd->add_subcommand("billing", "CRM contract billing lines against ERP invoice lines (or the ledger's)");
  billing->add_option("--crm", b->crm, "CRM export: one row per contract line and period (- = stdin)")->required();
  billing->add_option("--erp", b->erp, "ERP invoice-line export; left out: the ledger's billed invoice lines");
  billing->add_option("--period", b->period, "only lines of this month, YYYY-MM");
  billing->add_option("--key", b->key,
                      "key fields, comma-separated, from contract_id, contract_line, period, product, customer "
                      "(default contract_id,period,product)");
  billing->add_option("--tolerance", b->tolerance, "amount differences up to this many minor units (cents) are not breaks");
  billing->add_option("--quantity-tolerance", b->quantity_tolerance, "quantity differences up to this are not breaks");
  billing->add_option("--price-tolerance", b->price_tolerance, "unit-price differences up to this are not breaks");
  billing->add_option("--discount-tolerance", b->discount_tolerance, "discount differences up to this are not breaks");
  billing->add_option("--ignore", b->ignore, "fields not to compare: customer, quantity, unit_price, discount, currency")
      ->check(CLI::IsMember({"customer", "quantity", "unit_price", "discount", "currency"}))
      ->delimiter(',');
  billing->add_option("--discount-unit", b->discount_unit,
                      "compare discounts as an amount (default; 10% becomes an amount of quantity x price) or a percent")
      ->check(CLI::IsMember({"amount", "percent"}));
  billing->add_option("--profile", b->profile, "column names of: generic (default), netsuite, quickbooks, salesforce");
  billing->add_option("--crm-profile", b->crm_profile, "profile for the CRM file only");
  billing->add_option("--erp-profile", b->erp_profile, "profile for the ERP file only");
  billing->add_option("--map", b->map, "mapping file for both files (see docs/mapping.md)");
  billing->add_option("--crm-map", b->crm_map, "mapping file for the CRM file only");
  billing->add_option("--erp-map", b->erp_map, "mapping file for the ERP file only");
  billing->add_option("--currency", b->currency, "currency for rows that have none");
  billing->add_option("--memory-mb", b->memory_mb, "sort memory per side in MiB; more spills to temporary files (default 16)")
      ->check(CLI::Range(1, 65536));
  billing->footer(
      "Breaks: missing_in_erp, missing_in_crm, currency_mismatch, customer_mismatch, quantity_difference,\n"
      "price_difference, discount_difference, amount_difference, duplicate_billing.\n"
      "Example: otc reconcile billing --crm sf_subscriptions.csv --erp ns_invoice_lines.csv --period 2026-10 --tolerance 1");
  billing->callback([&ctx, b] { run_billing(ctx, *b); });

  auto k = std::make_shared<BankArgs>();
  auto* bank = cmd->add_subcommand("bank", "Bank deposits against ledger receipts; gateway payouts against the deposits they became");
  bank->add_option("FILE", k->files,
                   "bank files (BAI2, MT940, camt.053/054, NACHA, lockbox, CSV) and gateway exports (Stripe balance history, "
                   "PayPal activity), recognised by their content")
      ->required();
  add_bank_input_options(bank, k->input, true);
  bank->add_option("--from", k->from, "first day reconciled, YYYY-MM-DD (default: the bank files' first day)");
  bank->add_option("--to", k->to, "last day reconciled (default: the bank files' last day)");
  bank->add_option("--window", k->window, "days a receipt or payout may be from its deposit (default 3)");
  bank->add_option("--deposit-marker", k->markers,
                   "text in a deposit's payer/reference that marks it as a gateway payout (default: STRIPE, PAYPAL for the "
                   "exports given)");
  bank->add_option("--invoice-column", k->invoice_columns, "more gateway export columns that carry invoice numbers");
  bank->add_option("--detail", k->detail, "also write each payout's tie-out (components, deposit, invoices) to FILE");
  bank->footer(
      "Breaks: unmatched_deposit, unmatched_receipt, receipt_amount_difference, payout_without_deposit,\n"
      "deposit_without_payout, payout_mismatch; fee rows (one per payout, for the GL) are not breaks.\n"
      "Example: otc reconcile bank bank/2026-03.bai2 stripe_balance_2026-03.csv --from 2026-03-01 --to 2026-03-31 --detail payouts.csv");
  bank->callback([&ctx, k] { run_bank(ctx, *k); });

  auto g = std::make_shared<GlArgs>();
  auto* gl = cmd->add_subcommand("gl", "The ledger's AR roll-forward against the GL's AR control account");
  gl->add_option("GL", g->file, "GL detail export of the AR control account (- = stdin)")->required();
  gl->add_option("--period", g->period, "the month, YYYY-MM")->required();
  gl->add_option("--account", g->accounts, "the AR control account(s); other accounts' rows are left out (default: all rows)");
  gl->add_option("--source", g->sources, "PATTERN=COMPONENT: GL sources containing PATTERN go to COMPONENT (before the built-in rules)");
  gl->add_option("--source-exact", g->exact_sources, "CODE=COMPONENT: a GL source equal to CODE goes to COMPONENT");
  gl->add_option("--gl-opening", g->openings, "CUR=AMOUNT: GL opening balance not in the export (e.g. from the trial balance)");
  gl->add_option("--tolerance", g->tolerance, "differences up to this many minor units are not breaks");
  gl->add_option("--profile", g->profile, "column names of: generic (default), netsuite, quickbooks, salesforce");
  gl->add_option("--map", g->map, "mapping file (see docs/mapping.md)");
  gl->add_option("--currency", g->currency, "currency of rows that have none (default: the ledger's, when it has one)");
  gl->add_option("--detail", g->detail, "also write the roll-forward, ledger vs GL per component with the GL's sources, to FILE");
  gl->footer(
      "closing AR = opening + invoiced - collected - credited - written off +/- FX, per currency. GL rows before the\n"
      "period make the GL opening; in it, each row's source decides its component (docs/reconcile.md).\n"
      "Breaks: rollforward_difference, unmapped_gl_source, rollforward_out_of_balance.\n"
      "Example: otc reconcile gl gl_1200_2026-10.csv --period 2026-10 --account 1200 --detail rollforward_vs_gl.csv");
  gl->callback([&ctx, g] { run_gl(ctx, *g); });
}

}  // namespace otc::cli
