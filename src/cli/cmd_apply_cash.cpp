#include <iostream>
#include <map>
#include <unordered_map>

#include "bank_input.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "payment_reversal.hpp"
#include "otc/core/error.hpp"
#include "otc/core/exit_codes.hpp"
#include "otc/core/sha256.hpp"
#include "otc/engine/matching.hpp"
#include "otc/engine/name_match.hpp"
#include "otc/import/bank/bank_key.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {
namespace {

using core::Error;
using core::ErrorKind;

struct ApplyCashArgs {
  std::vector<std::string> files;
  BankInputArgs input;
  bool dry_run = false;
  std::string tolerance;
  std::string deduction_reason = "SHORT-PAY";
};

/// "25.00" (absolute, in the receipt's currency units) or "0.5%" (of the open amount).
engine::Tolerance parse_tolerance(const std::string& text) {
  engine::Tolerance t;
  if (text.empty()) return t;
  if (text.back() == '%') {
    auto r = core::parse_amount(std::string_view(text).substr(0, text.size() - 1), 2);
    if (!r.ok() || r.minor < 0 || r.minor > 10000) throw Error(ErrorKind::kUsage, "--tolerance '" + text + "' is not a percentage like 0.5%");
    t.basis_points = static_cast<std::int32_t>(r.minor);
    return t;
  }
  auto r = core::parse_amount(text, 2);
  if (!r.ok() || r.minor < 0) throw Error(ErrorKind::kUsage, "--tolerance '" + text + "' is not an amount like 25.00 or a percentage like 0.5%");
  t.absolute_minor = r.minor;
  return t;
}

bool confirms_payer(engine::MatchRule rule) {
  // Matches made on the payer's own remittance references teach us the name it pays under.
  return rule == engine::MatchRule::kReference || rule == engine::MatchRule::kReferenceList ||
         rule == engine::MatchRule::kPartial || rule == engine::MatchRule::kOverpayment;
}

struct Posting {
  std::string payment_id;
  std::int64_t payment_row = 0;
  std::int64_t customer_id = 0;
};

void run_apply_cash(Context& ctx, const ApplyCashArgs& a) {
  using report::CellKind;
  engine::MatchOptions options;
  options.tolerance = parse_tolerance(a.tolerance);
  options.deduction_reason = a.deduction_reason;
  auto format = ctx.format();

  // Read every file first: a file that cannot be read posts nothing.
  std::vector<domain::BankTransaction> all;
  std::vector<std::string> file_sha;
  for (const auto& file : a.files) {
    auto r = read_bank_input(ctx, file, a.input, a.input.lenient);
    report_bank_problems(ctx, file, r);
    for (auto& t : r.transactions) {
      if (t.source_file.empty()) t.source_file = file;
      all.push_back(std::move(t));
    }
    file_sha.push_back(file == "-" ? std::string() : core::sha256_file(file));
  }

  auto store = ctx.open_ledger();
  store->begin_write();
  try {
    // Natural keys; identical transactions in one file are told apart by occurrence.
    std::vector<std::string> keys(all.size());
    std::unordered_map<std::string, int> seen;
    for (std::size_t i = 0; i < all.size(); ++i) {
      std::string base = import::bank_transaction_key(all[i]) + "|" + all[i].source_file;
      int n = ++seen[base];
      keys[i] = import::bank_transaction_key(all[i]) + "#" + std::to_string(n);
    }
    std::vector<domain::BankTransaction> receipts;  // new credits, in file order
    std::vector<std::size_t> receipt_of;            // index into `all`
    std::size_t already = 0, debits = 0;
    std::vector<std::size_t> returns;
    std::unordered_map<std::string, bool> queued;  // overlapping files in one run
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (store->bank_key_exists(keys[i]) || !queued.emplace(keys[i], true).second) { ++already; continue; }
      if (all[i].reversal) { returns.push_back(i); continue; }
      if (all[i].direction == domain::Direction::kDebit) { ++debits; continue; }
      receipts.push_back(all[i]);
      receipt_of.push_back(i);
    }

    // What the engine matches against: open invoices, customers with accounts and aliases.
    std::vector<engine::OpenInvoice> invoices;
    std::unordered_map<std::int64_t, std::size_t> invoice_index;
    store->for_each_open_item(core::Date::from_days(2932896) /* 9999-12-31 */, [&](const domain::OpenItem& it) {
      if (it.open_minor <= 0) return;
      invoice_index.emplace(it.invoice_id, invoices.size());
      invoices.push_back({it.invoice_id, it.invoice_external_id, it.customer_id, it.currency, it.open_minor, it.invoice_date, it.due_date});
    });
    std::vector<engine::MatchCustomer> customers;
    std::unordered_map<std::int64_t, std::size_t> customer_index;
    std::unordered_map<std::int64_t, std::string> customer_ext;
    store->for_each_customer([&](const store::CustomerRecord& c) {
      customer_index.emplace(c.id, customers.size());
      customer_ext.emplace(c.id, c.external_id);
      engine::MatchCustomer m;
      m.id = c.id;
      m.name = c.name;
      if (!c.bank_account.empty()) m.bank_accounts.push_back(c.bank_account);
      customers.push_back(std::move(m));
    });
    store->for_each_alias([&](std::int64_t id, const std::string& alias) {
      if (auto it = customer_index.find(id); it != customer_index.end()) customers[it->second].aliases.push_back(alias);
    });

    auto result = engine::match_receipts(receipts, invoices, customers, options);

    std::int64_t batch = store->add_batch("bank", a.files.size() == 1 ? a.files[0] : std::to_string(a.files.size()) + " files",
                                          file_sha.size() == 1 ? file_sha[0] : "", ctx.command_line);
    // Post every new receipt as a payment, with its customer when the engine identified one.
    std::vector<Posting> postings(receipts.size());
    for (const auto& app : result.applications) {
      auto& p = postings[app.receipt];
      if (!p.customer_id) p.customer_id = invoices[invoice_index.at(app.invoice_id)].customer_id;
    }
    for (const auto& oa : result.on_account) if (!postings[oa.receipt].customer_id) postings[oa.receipt].customer_id = oa.customer_id;
    for (const auto& u : result.unapplied) if (u.customer_id && !postings[u.receipt].customer_id) postings[u.receipt].customer_id = *u.customer_id;
    domain::Payment pay;
    for (std::size_t r = 0; r < receipts.size(); ++r) {
      const auto& t = receipts[r];
      const std::string& key = keys[receipt_of[r]];
      pay = domain::Payment{};
      pay.external_id = import::bank_payment_id(t, key);
      pay.currency = t.currency;
      pay.received_date = t.booking_date;
      pay.amount_minor = t.amount_minor;
      pay.method = t.type_code;
      pay.reference = t.bank_reference.empty() ? t.end_to_end_id : t.bank_reference;
      pay.payer_name = t.payer_name;
      pay.payer_account = t.payer_account;
      pay.bank_key = key;
      for (const auto& ref : t.remittance_refs) pay.remittance += ref + "; ";
      pay.remittance += t.remittance_text;
      std::optional<std::int64_t> cust;
      if (postings[r].customer_id) cust = postings[r].customer_id;
      auto put = store->put_payment(pay, cust, 0, batch, t.source_line);
      if (put.outcome != store::PutOutcome::kInserted)
        throw Error(ErrorKind::kLedger, "payment id " + pay.external_id + " already exists for another transaction", {t.source_file, t.source_line});
      postings[r].payment_id = pay.external_id;
      postings[r].payment_row = put.id;
    }

    auto sink = report::make_sink(format, ctx.output());
    sink->begin({{"application_id", CellKind::kNumber}, {"payment_id", CellKind::kText}, {"date", CellKind::kDate}, {"payer", CellKind::kText},
                 {"bank_reference", CellKind::kText}, {"customer_id", CellKind::kText}, {"invoice_id", CellKind::kText},
                 {"amount", CellKind::kNumber}, {"currency", CellKind::kText}, {"rule", CellKind::kText},
                 {"confidence", CellKind::kNumber}, {"deduction", CellKind::kNumber}, {"deduction_reason", CellKind::kText},
                 {"note", CellKind::kText}});
    std::vector<std::string> cells;
    std::int64_t application_id = 0;
    auto row = [&](std::size_t r, const std::string& customer, const std::string& invoice, std::int64_t amount,
                   std::string_view rule, int confidence, std::int64_t deduction, const std::string& reason, const std::string& note) {
      const auto& t = receipts[r];
      int e = t.currency.exponent;
      cells = {application_id ? std::to_string(application_id) : "", postings[r].payment_id, t.booking_date.iso(), t.payer_name, t.bank_reference, customer, invoice,
               core::format_amount(amount, e), std::string(t.currency.view()), std::string(rule),
               confidence ? std::to_string(confidence) : "", deduction ? core::format_amount(deduction, e) : "", reason, note};
      sink->row(cells);
    };

    std::size_t applied_count = 0;
    for (const auto& app : result.applications) {
      const auto& inv = invoices[invoice_index.at(app.invoice_id)];
      const auto& t = receipts[app.receipt];
      core::Date on = std::max(t.booking_date, inv.invoice_date);
      application_id = 0;
      if (app.amount_minor > 0) {
        store::ApplicationDraft d;
        d.invoice_id = app.invoice_id;
        d.payment_id = postings[app.receipt].payment_row;
        d.amount_minor = app.amount_minor;
        d.applied_on = on;
        d.rule = std::string(engine::rule_name(app.rule));
        d.confidence = app.confidence;
        d.batch_id = batch;
        application_id = store->apply(d);
        ++applied_count;
      }
      if (app.deduction_minor > 0) store->add_adjustment(app.invoice_id, "deduction", app.deduction_reason, app.deduction_minor, on, batch);
      if (confirms_payer(app.rule) && !t.payer_name.empty())
        store->add_alias(inv.customer_id, engine::normalize_name(t.payer_name), engine::rule_name(app.rule));
      row(app.receipt, customer_ext[inv.customer_id], inv.number, app.amount_minor, engine::rule_name(app.rule), app.confidence,
          app.deduction_minor, app.deduction_reason, "");
    }
    application_id = 0;
    for (const auto& oa : result.on_account)
      row(oa.receipt, customer_ext[oa.customer_id], "", oa.amount_minor, "on_account", oa.confidence, 0, "", "left on the customer's account");
    for (const auto& u : result.unapplied) {
      std::vector<store::Suggestion> sugg;
      std::string note = u.reason;
      for (const auto& s : u.suggestions) {
        store::Suggestion x;
        x.kind = s.kind == engine::Suggestion::Kind::kInvoice ? "invoice" : "customer";
        if (s.kind == engine::Suggestion::Kind::kInvoice) {
          auto it = invoice_index.find(s.id);
          x.target = it != invoice_index.end() ? invoices[it->second].number : std::to_string(s.id);
        } else {
          x.target = customer_ext[s.id];
        }
        x.score = s.score;
        x.why = s.why;
        note += " | " + x.kind + " " + x.target + " (" + std::to_string(x.score) + "): " + x.why;
        sugg.push_back(std::move(x));
      }
      store->replace_suggestions(postings[u.receipt].payment_row, sugg);
      row(u.receipt, u.customer_id ? customer_ext[*u.customer_id] : "", "", receipts[u.receipt].amount_minor, "unapplied", 0, 0, "", note);
    }

    // Returned receipts (ACH returns, camt reversals): reverse the payment they return.
    std::size_t unresolved_returns = 0, reversed_returns = 0;
    for (std::size_t i : returns) {
      const auto& t = all[i];
      std::string what = core::format_location({t.source_file, t.source_line}) + " returned item " +
                         core::format_amount(t.amount_minor, t.currency.exponent) + " " + std::string(t.currency.view()) +
                         (t.return_reason.empty() ? "" : " (" + t.return_reason + ")");
      auto original = find_returned_payment(*store, t);
      if (!original) {
        ctx.note(what + ": no single posted payment it returns; reverse it with `otc cash reverse PAYMENT --reason " +
                 (t.return_reason.empty() ? std::string("return") : t.return_reason) + "`");
        ++unresolved_returns;
        continue;
      }
      // Record the return itself so that the same file again does not reverse twice.
      domain::Payment marker;
      marker.external_id = import::bank_payment_id(t, keys[i]);
      marker.currency = t.currency;
      marker.received_date = t.booking_date;
      marker.amount_minor = t.amount_minor;
      marker.method = "return";
      marker.reference = original->external_id;
      marker.payer_name = t.payer_name;
      marker.payer_account = t.payer_account;
      marker.bank_key = keys[i];
      marker.remittance = t.remittance_text;
      auto put = store->put_payment(marker, std::nullopt, 0, batch, t.source_line);
      store->mark_payment_reversed(put.id, t.booking_date, "return record of " + original->external_id);
      int n = reverse_payment(*store, original->id, t.booking_date, t.return_reason.empty() ? "return" : t.return_reason);
      ++reversed_returns;
      ctx.note(what + ": reversed payment " + original->external_id + ", " + std::to_string(n) + " application(s) reopened");
    }

    store::AuditEntry e;
    e.command = ctx.command_line;
    e.action = "apply-cash";
    e.entity = "payments";
    e.detail = std::to_string(receipts.size()) + " receipts posted, " + std::to_string(applied_count) + " applications, " +
               std::to_string(result.unapplied.size()) + " unapplied, " + std::to_string(already) + " already posted, " +
               std::to_string(debits) + " debits, " + std::to_string(returns.size()) + " returns";
    e.file_name = a.files.size() == 1 ? a.files[0] : "";
    e.sha256 = file_sha.size() == 1 ? file_sha[0] : "";
    e.batch_id = batch;
    store->audit(e);
    store->finish_batch(batch, static_cast<std::int64_t>(all.size()), static_cast<std::int64_t>(receipts.size()));
    sink->end();
    // Nothing new (the same files again): leave the ledger exactly as it was.
    if (a.dry_run || (receipts.empty() && reversed_returns == 0)) store->rollback();
    else store->commit();
    ctx.commit_output();
    ctx.note(std::string(a.dry_run ? "dry run (nothing written): " : "") + std::to_string(receipts.size()) + " new receipts, " +
             std::to_string(result.stats.applied_receipts) + " applied, " + std::to_string(result.unapplied.size()) + " unapplied, " +
             std::to_string(already) + " already posted, " + std::to_string(debits) + " debits not matched, " +
             std::to_string(returns.size()) + " returns");
    if (!result.unapplied.empty() || unresolved_returns > 0) ctx.exit_code = core::kExitExceptions;
  } catch (...) {
    store->rollback();
    throw;
  }
}

}  // namespace

void install_apply_cash(CLI::App& parent, Context& ctx) {
  auto args = std::make_shared<ApplyCashArgs>();
  auto* cmd = parent.add_subcommand("apply-cash", "Post receipts from bank files and apply them to open invoices");
  cmd->add_option("FILE", args->files, "bank files: BAI2, MT940, camt.053/054, NACHA, lockbox or CSV (- = stdin)")->required();
  add_bank_input_options(cmd, args->input, true);
  cmd->add_flag("--dry-run", args->dry_run, "match and print, write nothing");
  cmd->add_option("--tolerance", args->tolerance, "short-pay tolerance: an amount (25.00) or a percentage of the open amount (0.5%)");
  cmd->add_option("--deduction-reason", args->deduction_reason, "reason code recorded with a tolerated short-pay (default SHORT-PAY)");
  cmd->footer(
      "Each application records its rule and confidence. Receipts that cannot be matched safely stay unapplied,\n"
      "with up to three suggestions (see `otc cash unapplied`); the exit code is then 3. The same file twice applies\n"
      "nothing new. A file whose control totals do not agree is refused unless --lenient.\n"
      "Example: otc apply-cash bank/2026-10-31.bai2 --tolerance 0.5%");
  cmd->callback([&ctx, args] { run_apply_cash(ctx, *args); });
}

}  // namespace otc::cli
