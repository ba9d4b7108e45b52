// `otc invoice run|void|credit|rebill|render`: billing from contracts and its corrections.
// Each write is one transaction on the ledger; the billing engine does the arithmetic.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <tuple>

#include "billing_book.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "invoice_html.hpp"
#include "otc/core/error.hpp"
#include "otc/engine/billing.hpp"
#include "otc/store/billing_store.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {
namespace {

using core::Error;
using core::ErrorKind;
using report::CellKind;

engine::BillingOptions billing_options(const std::string& rounding) {
  engine::BillingOptions o;
  o.rounding = rounding == "half-even" ? core::Rounding::kHalfEven : core::Rounding::kHalfUp;
  return o;
}

std::string money(std::int64_t minor, const core::Currency& c) { return core::format_amount(minor, c.exponent); }

/// The invoice register (one row per invoice) or, with `lines`, one row per invoice line.
class InvoiceRows {
 public:
  InvoiceRows(report::RowSink& sink, bool lines) : sink_(sink), lines_(lines) {
    if (lines_)
      sink_.begin({{"invoice_number", CellKind::kText}, {"line_no", CellKind::kNumber}, {"customer_id", CellKind::kText},
                   {"contract_id", CellKind::kText}, {"line_id", CellKind::kText}, {"kind", CellKind::kText},
                   {"charge_date", CellKind::kDate}, {"description", CellKind::kText}, {"service_from", CellKind::kDate},
                   {"service_to", CellKind::kDate}, {"quantity", CellKind::kNumber}, {"unit_price", CellKind::kNumber},
                   {"amount", CellKind::kNumber}, {"discount", CellKind::kNumber}, {"tax_rate_pct", CellKind::kNumber},
                   {"tax", CellKind::kNumber}, {"total", CellKind::kNumber}, {"currency", CellKind::kText}});
    else
      sink_.begin({{"invoice_number", CellKind::kText}, {"customer_id", CellKind::kText}, {"invoice_date", CellKind::kDate},
                   {"due_date", CellKind::kDate}, {"currency", CellKind::kText}, {"subtotal", CellKind::kNumber},
                   {"discount", CellKind::kNumber}, {"tax", CellKind::kNumber}, {"total", CellKind::kNumber},
                   {"lines", CellKind::kNumber}});
  }

  void add(const std::string& number, const engine::InvoiceDraft& inv) {
    const auto& c = inv.currency;
    if (!lines_) {
      cells_ = {number, inv.customer, inv.invoice_date.iso(), inv.due_date.iso(), std::string(c.view()),
                money(inv.amount, c), money(inv.discount, c), money(inv.tax, c), money(inv.total, c),
                std::to_string(inv.lines.size())};
      sink_.row(cells_);
      return;
    }
    int n = 0;
    for (const auto& l : inv.lines) {
      cells_ = {number, std::to_string(++n), inv.customer, l.contract_id, l.line_id, std::string(engine::to_string(l.key.kind)),
                l.key.date.iso(), l.description, l.period_start.iso(), l.period_end.iso(),
                engine::format_scaled(l.quantity, domain::kDecimalPlaces, 0),
                l.unit_price_micros ? engine::format_scaled(*l.unit_price_micros, domain::kDecimalPlaces, c.exponent) : "",
                money(l.money.amount, c), money(l.money.discount, c), engine::format_scaled(l.tax_rate_ppm, 4, 0),
                money(l.money.tax, c), money(l.money.total, c), std::string(c.view())};
      sink_.row(cells_);
    }
  }

  void end() { sink_.end(); }

 private:
  report::RowSink& sink_;
  bool lines_;
  std::vector<std::string> cells_;
};

/// What a correction did: one row per document it wrote.
class ActionRows {
 public:
  explicit ActionRows(report::RowSink& sink) : sink_(sink) {
    sink_.begin({{"action", CellKind::kText}, {"invoice_number", CellKind::kText}, {"document", CellKind::kText},
                 {"date", CellKind::kDate}, {"amount", CellKind::kNumber}, {"currency", CellKind::kText},
                 {"invoice_open", CellKind::kNumber}});
  }
  void add(std::string action, std::string invoice, std::string document, core::Date date, std::int64_t amount,
           const core::Currency& c, std::optional<std::int64_t> open) {
    cells_ = {std::move(action), std::move(invoice), std::move(document), date.iso(), money(amount, c),
              std::string(c.view()), open ? money(*open, c) : ""};
    sink_.row(cells_);
  }
  void end() { sink_.end(); }

 private:
  report::RowSink& sink_;
  std::vector<std::string> cells_;
};

/// Runs `body` in one write transaction: commit, or roll back on any error, on dry runs and when
/// `discard()` says the work came to nothing.
template <class Body, class Discard>
void in_write_transaction(store::LedgerStore& store, bool dry_run, Body&& body, Discard&& discard) {
  store.begin_write();
  try {
    body();
  } catch (...) {
    store.rollback();
    throw;
  }
  if (dry_run || discard()) store.rollback();
  else store.commit();
}

template <class Body>
void in_write_transaction(store::LedgerStore& store, bool dry_run, Body&& body) {
  in_write_transaction(store, dry_run, std::forward<Body>(body), [] { return false; });
}

// ---- invoice run ----------------------------------------------------------------------------

struct RunArgs {
  std::string through;
  bool dry_run = false;
  bool lines = false;
  std::string prefix = "INV-";
  std::string rounding = "half-up";
};

void run_invoice_run(Context& ctx, const RunArgs& a) {
  const core::Date through = Context::parse_date_option(a.through, "--through");
  if (a.prefix.empty()) throw Error(ErrorKind::kUsage, "--prefix must not be empty");
  const engine::BillingOptions options = billing_options(a.rounding);
  auto format = ctx.format();
  auto store = ctx.open_ledger();
  auto billing = store::open_billing_store(*store);
  auto sink = report::make_sink(format, ctx.output());
  InvoiceRows rows(*sink, a.lines);

  long invoices = 0, lines = 0, customers = 0;
  std::string first, last;
  std::vector<engine::DraftLine> drafts;
  std::vector<engine::InvoiceDraft> due;
  BookLines book_lines;
  // A run that bills nothing writes nothing, not even its batch and audit entry: the ledger after a
  // repeated run is byte for byte what it was.
  bool nothing = false;
  in_write_transaction(*store, a.dry_run, [&] {
    std::int64_t batch = store->add_batch("invoice_run", "invoice run --through " + through.iso(), "", ctx.command_line);
    // Numbers are taken in this transaction: read the sequence once, store its end once.
    std::int64_t next = billing->last_number(a.prefix);
    billing->for_each_customer_book(through, std::nullopt, [&](store::CustomerBook& book) {
      ++customers;
      book_lines.load(book);
      drafts.clear();
      for (const auto& input : book_lines.inputs()) engine::bill_contract_line(input, through, options, drafts);
      due.clear();
      engine::group_into_invoices(std::move(drafts), due);
      for (const auto& inv : due) {
        std::string number = store::format_document_number(a.prefix, ++next);
        billing->post_invoice(inv, book.customer_id, number, batch);
        rows.add(number, inv);
        ++invoices;
        lines += static_cast<long>(inv.lines.size());
        if (first.empty()) first = number;
        last = number;
      }
    });
    if (invoices) billing->set_last_number(a.prefix, next);
    store->finish_batch(batch, customers, invoices);
    store::AuditEntry audit;
    audit.command = ctx.command_line;
    audit.action = "invoice_run";
    audit.entity = "invoices";
    audit.entity_id = invoices ? first + ".." + last : "";
    audit.detail = "through " + through.iso() + ": " + std::to_string(invoices) + " invoices, " + std::to_string(lines) +
                   " lines, for " + std::to_string(customers) + " customers with contracts";
    audit.batch_id = batch;
    store->audit(audit);
    nothing = invoices == 0;
  }, [&] { return nothing; });
  rows.end();
  ctx.commit_output();
  std::string what = invoices ? std::to_string(invoices) + " invoices (" + first + " to " + last + ", " +
                                    std::to_string(lines) + " lines)"
                              : std::string();
  if (a.dry_run)
    ctx.note(invoices ? "dry run: would bill " + what + " through " + through.iso() + "; nothing was written"
                      : "dry run: nothing to bill through " + through.iso());
  else
    ctx.note(invoices ? "billed " + what + " through " + through.iso()
                      : "nothing to bill through " + through.iso() + ": every charge due is already invoiced");
}

// ---- corrections --------------------------------------------------------------------------

struct FixArgs {
  std::string invoice;
  std::string reason;
  std::string date;
  std::string amount;
  int line = 0;
  std::string prefix = "INV-";
  std::string memo_prefix = "CM-";
  std::string rounding = "half-up";
};

core::Date correction_date(const Context& ctx, const FixArgs& a) {
  return a.date.empty() ? ctx.as_of() : Context::parse_date_option(a.date, "--date");
}

store::IssuedInvoice find_open_invoice(store::BillingStore& billing, const FixArgs& a, core::Date on) {
  auto inv = billing.find_issued_invoice(a.invoice);
  if (!inv) throw Error(ErrorKind::kInput, "invoice '" + a.invoice + "' is not in the ledger");
  if (inv->status != "open") throw Error(ErrorKind::kInput, "invoice " + inv->number + " is " + inv->status);
  if (on < inv->invoice_date)
    throw Error(ErrorKind::kUsage, "the date " + on.iso() + " is before invoice " + inv->number + "'s date " +
                                       inv->invoice_date.iso(), {}, "give --date (or --as-of) on or after the invoice date");
  return *inv;
}

void require_nothing_applied(const store::IssuedInvoice& inv, const char* what, const char* hint) {
  if (inv.paid == 0 && inv.credited == 0 && inv.adjusted == 0) return;
  const auto& c = inv.currency;
  throw Error(ErrorKind::kInput,
              std::string(what) + " " + inv.number + ": it has applications (payments " + money(inv.paid, c) +
                  ", credits " + money(inv.credited, c) + ", adjustments " + money(inv.adjusted, c) + " " +
                  std::string(c.view()) + "); " + what + " only while nothing is applied",
              {}, hint);
}

void run_void(Context& ctx, const FixArgs& a) {
  const core::Date on = correction_date(ctx, a);
  auto store = ctx.open_ledger();
  auto billing = store::open_billing_store(*store);
  auto sink = report::make_sink(ctx.format(), ctx.output());
  ActionRows rows(*sink);
  std::string note;
  in_write_transaction(*store, false, [&] {
    auto inv = find_open_invoice(*billing, a, on);
    require_nothing_applied(inv, "void", "issue a credit memo instead: otc invoice credit ID --reason ...");
    billing->void_invoice(inv.id, on, a.reason, 0);
    bool billed = !billing->charges_of(inv.id).empty();
    ctx.audit(*store, "void", "invoices", inv.number,
                     "voided on " + on.iso() + ", total " + money(inv.total, inv.currency) + " " +
                         std::string(inv.currency.view()) + (billed ? "; its charges are unbilled again" : "") +
                         "; reason: " + a.reason);
    rows.add("void", inv.number, "", on, inv.total, inv.currency, 0);
    note = "voided " + inv.number + (billed ? "; its charges are unbilled again (the next invoice run bills them)" : "");
  });
  rows.end();
  ctx.commit_output();
  ctx.note(note);
}

void run_credit(Context& ctx, const FixArgs& a) {
  const core::Date on = correction_date(ctx, a);
  auto store = ctx.open_ledger();
  auto billing = store::open_billing_store(*store);
  auto sink = report::make_sink(ctx.format(), ctx.output());
  ActionRows rows(*sink);
  std::string note;
  in_write_transaction(*store, false, [&] {
    auto inv = find_open_invoice(*billing, a, on);
    const auto& c = inv.currency;
    store::CreditMemoDraft memo;
    memo.invoice_id = inv.id;
    memo.customer_id = inv.customer_id;
    memo.currency = c;
    memo.memo_date = on;
    memo.reason = a.reason;
    std::string what;
    if (!a.amount.empty()) {
      auto r = core::parse_amount(a.amount, c.exponent);
      if (!r.ok() || r.minor <= 0)
        throw Error(ErrorKind::kUsage, "--amount '" + a.amount + "' is not a positive amount in " + std::string(c.view()));
      memo.amount = r.minor;
      what = "amount";
    } else if (a.line > 0) {
      std::vector<store::IssuedLine> lines;
      billing->load_lines(inv.id, lines);
      auto it = std::find_if(lines.begin(), lines.end(), [&](const store::IssuedLine& l) { return l.line_no == a.line; });
      if (it == lines.end())
        throw Error(ErrorKind::kUsage, "invoice " + inv.number + " has no line " + std::to_string(a.line) + " (it has " +
                                           std::to_string(lines.size()) + ")");
      if (it->credited != 0) throw Error(ErrorKind::kInput, "line " + std::to_string(a.line) + " of " + inv.number + " was already credited");
      if (it->total() <= 0)
        throw Error(ErrorKind::kInput, "line " + std::to_string(a.line) + " of " + inv.number + " is a credit line (" +
                                           money(it->total(), c) + "): there is nothing to credit");
      memo.amount = it->total();
      memo.line_no = a.line;
      what = "line " + std::to_string(a.line);
    } else {
      memo.amount = inv.open;
      what = "open balance";
    }
    if (inv.open <= 0) throw Error(ErrorKind::kInput, "invoice " + inv.number + " has no open balance to credit");
    if (memo.amount > inv.open)
      throw Error(ErrorKind::kInput, "a credit of " + money(memo.amount, c) + " exceeds invoice " + inv.number +
                                         "'s open balance " + money(inv.open, c) + " " + std::string(c.view()),
                  {}, "credit at most the open balance (payments applied to it stay where they are)");
    memo.number = billing->next_number(a.memo_prefix);
    billing->post_credit_memo(memo);
    ctx.audit(*store, "credit", "invoices", inv.number,
                     "credit memo " + memo.number + " of " + money(memo.amount, c) + " " + std::string(c.view()) + " (" +
                         what + ") applied on " + on.iso() + "; reason: " + a.reason);
    rows.add("credit", inv.number, memo.number, on, memo.amount, c, inv.open - memo.amount);
    note = "credit memo " + memo.number + " of " + money(memo.amount, c) + " " + std::string(c.view()) + " applied to " +
           inv.number + "; open balance now " + money(inv.open - memo.amount, c);
  });
  rows.end();
  ctx.commit_output();
  ctx.note(note);
}

void run_rebill(Context& ctx, const FixArgs& a) {
  const core::Date on = correction_date(ctx, a);
  if (a.prefix.empty()) throw Error(ErrorKind::kUsage, "--prefix must not be empty");
  const engine::BillingOptions options = billing_options(a.rounding);
  auto store = ctx.open_ledger();
  auto billing = store::open_billing_store(*store);
  auto sink = report::make_sink(ctx.format(), ctx.output());
  ActionRows rows(*sink);
  std::string note;
  in_write_transaction(*store, false, [&] {
    auto inv = find_open_invoice(*billing, a, on);
    const auto& c = inv.currency;
    require_nothing_applied(inv, "rebill", "credit what is open (otc invoice credit) and bill the difference by hand");
    auto charges = billing->charges_of(inv.id);
    if (charges.empty())
      throw Error(ErrorKind::kInput, "invoice " + inv.number + " was not billed from contracts: there is nothing to rebill",
                  {}, "credit it with `otc invoice credit`");
    if (inv.total <= 0)
      throw Error(ErrorKind::kInput, "invoice " + inv.number + " has a total of " + money(inv.total, c) +
                                         ": only an invoice with something to credit can be rebilled",
                  {}, "void it instead: otc invoice void ID --reason ...");

    // 1. Credit the invoice in full; 2. release its charges; 3. bill exactly those charges again
    //    from the contracts as they stand now.
    store::CreditMemoDraft memo;
    memo.number = billing->next_number(a.memo_prefix);
    memo.invoice_id = inv.id;
    memo.customer_id = inv.customer_id;
    memo.currency = c;
    memo.memo_date = on;
    memo.amount = inv.total;
    memo.reason = "rebill: " + a.reason;
    std::int64_t memo_id = billing->post_credit_memo(memo);
    billing->release_for_rebill(inv.id, on, a.reason, memo_id, 0);
    rows.add("credit", inv.number, memo.number, on, memo.amount, c, 0);

    std::set<std::tuple<std::string, std::string, engine::ChargeKey>> released;
    for (const auto& ch : charges) released.emplace(ch.contract_id, ch.line_id, ch.key);
    std::vector<engine::DraftLine> again;
    billing->for_each_customer_book(on, inv.customer, [&](store::CustomerBook& book) {
      std::vector<engine::DraftLine> drafts;
      BookLines book_lines(book);
      for (const auto& input : book_lines.inputs()) engine::bill_contract_line(input, on, options, drafts);
      for (auto& l : drafts)
        if (released.count({l.contract_id, l.line_id, l.key})) again.push_back(std::move(l));
    });
    std::vector<engine::InvoiceDraft> invoices;
    engine::group_into_invoices(std::move(again), invoices);
    std::string numbers;
    std::int64_t batch = invoices.empty() ? 0 : store->add_batch("invoice_rebill", "invoice rebill " + inv.number, "", ctx.command_line);
    for (const auto& draft : invoices) {
      std::string number = billing->next_number(a.prefix);
      billing->post_invoice(draft, inv.customer_id, number, batch);
      rows.add("rebill", inv.number, number, draft.invoice_date, draft.total, draft.currency, draft.total);
      numbers += (numbers.empty() ? "" : ", ") + number + " (" + money(draft.total, draft.currency) + ")";
    }
    ctx.audit(*store, "rebill", "invoices", inv.number,
                     "credit memo " + memo.number + " of " + money(memo.amount, c) + " " + std::string(c.view()) +
                         " on " + on.iso() + "; rebilled as " + (numbers.empty() ? std::string("nothing") : numbers) +
                         "; reason: " + a.reason);
    note = "credited " + inv.number + " in full (" + memo.number + ") and " +
           (numbers.empty() ? std::string("rebilled nothing: the contracts no longer bill its charges")
                            : "rebilled it as " + numbers);
  });
  rows.end();
  ctx.commit_output();
  ctx.note(note);
}

// ---- render ----------------------------------------------------------------------------------

struct RenderArgs {
  std::string invoice;
  bool all = false;
  std::string out_dir;
  SellerInfo seller;
};

void run_render(Context& ctx, const RenderArgs& a) {
  if (a.invoice.empty() == !a.all) throw Error(ErrorKind::kUsage, "give one invoice number, or --all");
  std::error_code ec;
  std::filesystem::create_directories(a.out_dir, ec);
  if (ec || !std::filesystem::is_directory(a.out_dir))
    throw Error(ErrorKind::kInput, "cannot create the output directory", {a.out_dir});
  auto store = ctx.open_ledger();
  auto billing = store::open_billing_store(*store);
  auto sink = report::make_sink(ctx.format(), ctx.output());
  sink->begin({{"invoice_number", CellKind::kText}, {"status", CellKind::kText}, {"file", CellKind::kText}});
  std::vector<store::IssuedInvoice> todo;
  store->begin_read();
  try {
    if (a.all) {
      billing->for_each_billed_invoice([&](const store::IssuedInvoice& inv) { todo.push_back(inv); });
    } else {
      auto inv = billing->find_issued_invoice(a.invoice);
      if (!inv) throw Error(ErrorKind::kInput, "invoice '" + a.invoice + "' is not in the ledger");
      todo.push_back(*inv);
    }
    std::vector<store::IssuedLine> lines;
    std::vector<std::string> cells;
    for (const auto& inv : todo) {
      lines.clear();
      billing->load_lines(inv.id, lines);
      std::string path = (std::filesystem::path(a.out_dir) / (safe_file_name(inv.number) + ".html")).string();
      std::ofstream f(path, std::ios::binary | std::ios::trunc);
      if (!f) throw Error(ErrorKind::kInput, "cannot write file", {path});
      write_invoice_html(f, inv, lines, a.seller);
      f.close();
      if (!f) throw Error(ErrorKind::kInput, "cannot write file", {path});
      cells = {inv.number, inv.status, path};
      sink->row(cells);
    }
  } catch (...) {
    store->rollback();
    throw;
  }
  store->commit();
  sink->end();
  ctx.commit_output();
  ctx.note("rendered " + std::to_string(todo.size()) + " invoice(s) into " + a.out_dir);
}

void add_fix_options(CLI::App* sub, FixArgs& a) {
  sub->add_option("ID", a.invoice, "invoice number")->required();
  sub->add_option("--reason", a.reason, "why (kept in the audit log)")->required();
  sub->add_option("--date", a.date, "date of the correction, YYYY-MM-DD (default: --as-of, else today)");
}

}  // namespace

void install_invoice(CLI::App& parent, Context& ctx) {
  auto* cmd = parent.add_subcommand("invoice", "Bill contracts and correct invoices: run, void, credit, rebill, render");
  cmd->require_subcommand(1);
  cmd->footer("Rules and worked examples: docs/billing.md.");

  auto run = std::make_shared<RunArgs>();
  auto* r = cmd->add_subcommand("run", "Bill every charge due by --through that is not invoiced yet (safe to run again)");
  r->add_option("--through", run->through, "bill charges whose invoice date is on or before this date (YYYY-MM-DD)")->required();
  r->add_flag("--dry-run", run->dry_run, "show the invoices a run would write, write nothing");
  r->add_flag("--lines", run->lines, "one row per invoice line instead of one per invoice");
  r->add_option("--prefix", run->prefix, "invoice number prefix; each prefix has its own gapless sequence (default INV-)");
  r->add_option("--rounding", run->rounding, "half-up (default) or half-even, once per figure per line")
      ->check(CLI::IsMember({"half-up", "half-even"}));
  r->footer(
      "Advance periods are billed when they start, arrears periods and usage the day after they end.\n"
      "Each (contract line, charge) is billed once: a second run bills nothing and exits 0.\n"
      "Example: otc invoice run --through 2026-03-31 --format table");
  r->callback([&ctx, run] { run_invoice_run(ctx, *run); });

  auto v = std::make_shared<FixArgs>();
  auto* vs = cmd->add_subcommand("void", "Void an invoice while nothing is applied to it; its charges are unbilled again");
  add_fix_options(vs, *v);
  vs->footer("Example: otc invoice void INV-000042 --reason \"billed to the wrong entity\"");
  vs->callback([&ctx, v] { run_void(ctx, *v); });

  auto c = std::make_shared<FixArgs>();
  auto* cs = cmd->add_subcommand("credit", "Issue a credit memo against an invoice, applied to its open balance");
  add_fix_options(cs, *c);
  auto* amount = cs->add_option("--amount", c->amount, "credit this amount (default: the whole open balance)");
  cs->add_option("--line", c->line, "credit invoice line N in full (its total with tax)")->excludes(amount);
  cs->add_option("--memo-prefix", c->memo_prefix, "credit memo number prefix (default CM-)");
  cs->footer("Example: otc invoice credit INV-000042 --line 2 --reason \"seats not provisioned\"");
  cs->callback([&ctx, c] { run_credit(ctx, *c); });

  auto b = std::make_shared<FixArgs>();
  auto* bs = cmd->add_subcommand("rebill", "Credit an invoice in full and bill its charges again from the contracts as they are now");
  add_fix_options(bs, *b);
  bs->add_option("--prefix", b->prefix, "number prefix of the new invoice (default INV-)");
  bs->add_option("--memo-prefix", b->memo_prefix, "credit memo number prefix (default CM-)");
  bs->add_option("--rounding", b->rounding, "half-up (default) or half-even")->check(CLI::IsMember({"half-up", "half-even"}));
  bs->footer(
      "Correct the contract first (import the corrected row or an amendment), then rebill: the new invoice\n"
      "keeps the charges' dates. Only while nothing is applied to the invoice.\n"
      "Example: otc invoice rebill INV-000042 --reason \"price corrected to 30.00\"");
  bs->callback([&ctx, b] { run_rebill(ctx, *b); });

  auto d = std::make_shared<RenderArgs>();
  auto* ds = cmd->add_subcommand("render", "Write invoices as self-contained printable HTML documents");
  ds->add_option("ID", d->invoice, "invoice number");
  ds->add_flag("--all", d->all, "every invoice billed by invoice run");
  ds->add_option("--out", d->out_dir, "directory for the documents (NUMBER.html)")->required();
  ds->add_option("--seller-name", d->seller.name, "seller block: your company's name");
  ds->add_option("--seller-address", d->seller.address, "seller block: address, lines separated by ';'");
  ds->add_option("--remit-to", d->seller.remit_to, "remittance instructions, lines separated by ';'");
  ds->footer("Example: otc invoice render --all --out invoices/ --remit-to \"ACH: First Bank, routing 021000021, account 4410092231\"");
  ds->callback([&ctx, d] { run_render(ctx, *d); });
}

}  // namespace otc::cli
