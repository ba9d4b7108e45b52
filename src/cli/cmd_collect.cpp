// `otc collect list|dunning|note|promise|promises|plan|write-off`: flags in, one ops call, rows out.
#include <filesystem>

#include "commands.hpp"
#include "context.hpp"
#include "otc/core/error.hpp"
#include "otc/import/collections_policy.hpp"
#include "otc/ops/collect.hpp"
#include "otc/report/atomic_file.hpp"
#include "otc/report/dunning_email.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {
namespace {

using core::Error;
using core::ErrorKind;
using report::CellKind;

std::string opt_date(const std::optional<core::Date>& d) { return d ? d->iso() : std::string(); }

/// --policy FILE, else the built-in policy; every template checked before anything runs.
import::CollectionsPolicy load_policy(const std::string& path) {
  auto p = path.empty() ? import::default_collections_policy() : import::read_collections_policy(path);
  for (const auto& t : p.templates) report::check_template(t);
  return p;
}

core::Date date_or_as_of(const Context& ctx, const std::string& value, const char* option) {
  return value.empty() ? ctx.as_of() : Context::parse_date_option(value, option);
}

void install_list(CLI::App& collect, Context& ctx) {
  struct Args { std::string owner, policy; report::RowSelection select; };
  auto a = std::make_shared<Args>();
  auto* sub = add_command(collect, "collect list");
  sub->add_option("--owner", a->owner, "only the rows this collector owns");
  sub->add_option("--sort", a->select.sort, "order rows by a column, e.g. past_due:desc or oldest_days_past_due (default: rank)");
  sub->add_option("--customer", a->select.customer, "only this customer's rows (customer id)");
  sub->add_option("--policy", a->policy, "policy file (default: the built-in one, samples/collections/policy.ini)");
  sub->callback([&ctx, a] {
    const std::vector<report::Column> columns{{"as_of", CellKind::kDate}, {"rank", CellKind::kNumber}, {"customer_id", CellKind::kText},
                  {"customer_name", CellKind::kText}, {"currency", CellKind::kText}, {"past_due", CellKind::kNumber},
                  {"oldest_days_past_due", CellKind::kNumber}, {"disputed_open", CellKind::kNumber},
                  {"promise_status", CellKind::kText}, {"promise_date", CellKind::kDate}, {"promise_amount", CellKind::kNumber},
                  {"dunning_level", CellKind::kNumber}, {"next_dunning_level", CellKind::kNumber},
                  {"last_contact_date", CellKind::kDate}, {"last_contact_type", CellKind::kText}, {"owner", CellKind::kText},
                  {"credit_hold", CellKind::kText}, {"score", CellKind::kNumber}, {"reasons", CellKind::kText}};
    report::check_selection(columns, a->select);  // before escalations are recorded
    auto policy = load_policy(a->policy);
    ops::WorkListOptions o{ctx.as_of(), a->owner};
    ctx.format();
    auto store = ctx.open_ledger();
    auto r = ops::collect_list(*store, ctx.invocation(), policy, o);
    const std::string as_of = o.as_of.iso();
    ctx.write_report([&](report::RowSink& out) {
      auto selected = report::make_selecting_sink(out, a->select);
      report::RowSink& sink = *selected;
      sink.begin(columns);
      for (const auto& w : r.rows) {
        const int e = w.currency.exponent;
        sink.row({as_of, std::to_string(w.rank), w.customer_id, w.customer_name, std::string(w.currency.view()),
                  core::format_amount(w.past_due, e), std::to_string(w.oldest_days), core::format_amount(w.disputed_open, e),
                  w.promise_status, opt_date(w.promise_date), w.promise_status.empty() ? "" : core::format_amount(w.promise_amount, e),
                  std::to_string(w.dunning_level), w.next_dunning_level ? std::to_string(*w.next_dunning_level) : "",
                  opt_date(w.last_contact_date), w.last_contact_type, w.owner, w.credit_hold, std::to_string(w.score), w.reasons});
      }
      sink.end();
    });
    for (const auto& e : r.escalated) ctx.note("escalated: " + e);
    ctx.note(std::to_string(r.rows.size()) + " account(s) with undisputed past-due AR as of " + as_of);
  });
}

void install_dunning(CLI::App& collect, Context& ctx) {
  struct Args { std::string policy, out; bool dry_run = false; };
  auto a = std::make_shared<Args>();
  auto* sub = add_command(collect, "collect dunning");
  sub->add_option("--policy", a->policy, "policy file (default: the built-in one, samples/collections/policy.ini)");
  sub->add_option("--out", a->out, "directory for the .eml files")->required();
  sub->add_flag("--dry-run", a->dry_run, "say what would be sent; write and record nothing");
  sub->callback([&ctx, a] {
    auto policy = load_policy(a->policy);
    if (!a->dry_run && !std::filesystem::is_directory(a->out))
      throw Error(ErrorKind::kUsage, "--out '" + a->out + "' is not a directory");
    ops::DunningOptions o{ctx.as_of(), a->dry_run};
    ctx.format();
    auto store = ctx.open_ledger();
    const std::string as_of = o.as_of.iso();
    auto r = ops::collect_dunning(*store, ctx.invocation(), policy, o, [&](const ops::DunningResult& res) {
      std::vector<std::unique_ptr<report::AtomicFile>> files;
      if (!a->dry_run)
        for (const auto& row : res.rows) {
          if (row.action != engine::DunningAction::kSend) continue;
          auto f = std::make_unique<report::AtomicFile>((std::filesystem::path(a->out) / row.file_name).string());
          f->stream() << row.message;
          files.push_back(std::move(f));
        }
      ctx.write_report([&](report::RowSink& sink) {
        sink.begin({{"as_of", CellKind::kDate}, {"customer_id", CellKind::kText}, {"customer_name", CellKind::kText},
                    {"currency", CellKind::kText}, {"past_due", CellKind::kNumber}, {"disputed_past_due", CellKind::kNumber},
                    {"oldest_days_past_due", CellKind::kNumber}, {"level_before", CellKind::kNumber}, {"level", CellKind::kNumber},
                    {"action", CellKind::kText}, {"reason", CellKind::kText}, {"channel", CellKind::kText},
                    {"to", CellKind::kText}, {"file", CellKind::kText}});
        for (const auto& row : res.rows) {
          const int e = row.currency.exponent;
          bool send = row.action == engine::DunningAction::kSend;
          sink.row({as_of, row.customer_id, row.customer_name, std::string(row.currency.view()), core::format_amount(row.past_due, e),
                    core::format_amount(row.disputed_past_due, e), std::to_string(row.oldest_days), std::to_string(row.level_before),
                    std::to_string(row.level), send ? (a->dry_run ? "would send" : "sent") : "skipped",
                    send ? "" : std::string(engine::to_string(row.action)), row.channel, row.email, send ? row.file_name : ""});
        }
        sink.end();
      });
      for (auto& f : files) f->commit();
      for (const auto& row : res.rows)
        if (row.action != engine::DunningAction::kSend)
          ctx.note("skipped " + row.customer_id + " " + std::string(row.currency.view()) + ": " +
                   std::string(engine::to_string(row.action)));
    });
    ctx.note(std::string(a->dry_run ? "dry run: would send " : "sent ") + std::to_string(r.sent) + " notice(s), skipped " +
             std::to_string(r.skipped) + ", " + std::to_string(r.unchanged) + " already at their level, as of " + as_of +
             (a->dry_run ? "; nothing was written" : ""));
  });
}

void install_note(CLI::App& collect, Context& ctx) {
  struct Args { std::string customer, text, invoice, kind = "call", date; };
  auto a = std::make_shared<Args>();
  auto* sub = add_command(collect, "collect note");
  sub->add_option("CUSTOMER", a->customer, "customer id")->required();
  sub->add_option("TEXT", a->text, "what was said or agreed")->required();
  sub->add_option("--invoice", a->invoice, "the invoice it is about");
  sub->add_option("--type", a->kind, "call (default), email, meeting or letter")->check(CLI::IsMember({"call", "email", "meeting", "letter"}));
  sub->add_option("--date", a->date, "date of the contact (default --as-of or today)");
  sub->callback([&ctx, a] {
    ops::NoteOptions o{a->customer, a->text, a->invoice, a->kind, date_or_as_of(ctx, a->date, "--date")};
    auto store = ctx.open_ledger();
    ctx.note(ops::collect_note(*store, ctx.invocation(), o).note);
  });
}

void install_promise(CLI::App& collect, Context& ctx) {
  struct Args { std::string customer, amount, date, currency; std::vector<std::string> invoices; };
  auto a = std::make_shared<Args>();
  auto* sub = add_command(collect, "collect promise");
  sub->add_option("CUSTOMER", a->customer, "customer id")->required();
  sub->add_option("--amount", a->amount, "amount promised")->required();
  sub->add_option("--date", a->date, "the day it will be paid by")->required();
  sub->add_option("--invoice", a->invoices, "the invoices it pays (default: the account)");
  sub->add_option("--currency", a->currency, "the account's currency, when the customer has open items in several");
  sub->callback([&ctx, a] {
    ops::PromiseOptions o;
    o.customer = a->customer;
    o.amount = a->amount;
    o.due_date = Context::parse_date_option(a->date, "--date");
    o.made_on = ctx.as_of();
    o.invoices = a->invoices;
    o.currency = a->currency;
    auto store = ctx.open_ledger();
    ctx.note(ops::collect_promise(*store, ctx.invocation(), o).note);
  });
}

void install_plan(CLI::App& collect, Context& ctx) {
  struct Args { std::string customer, every, first, amount, currency; int installments = 0; };
  auto a = std::make_shared<Args>();
  auto* sub = add_command(collect, "collect plan");
  sub->add_option("CUSTOMER", a->customer, "customer id")->required();
  sub->add_option("--installments", a->installments, "number of installments")->required();
  sub->add_option("--every", a->every, "month or week")->required()->check(CLI::IsMember({"month", "week"}));
  sub->add_option("--first", a->first, "date of the first installment")->required();
  sub->add_option("--amount", a->amount, "the plan's total (default: the open balance)");
  sub->add_option("--currency", a->currency, "the account's currency, when the customer has open items in several");
  sub->callback([&ctx, a] {
    ops::PlanOptions o;
    o.customer = a->customer;
    o.installments = a->installments;
    o.every = a->every;
    o.first = Context::parse_date_option(a->first, "--first");
    o.amount = a->amount;
    o.made_on = ctx.as_of();
    o.currency = a->currency;
    auto store = ctx.open_ledger();
    ctx.note(ops::collect_plan(*store, ctx.invocation(), o).note);
  });
}

void install_promises(CLI::App& collect, Context& ctx) {
  auto status = std::make_shared<std::string>("all");
  auto* sub = add_command(collect, "collect promises");
  sub->add_option("--status", *status, "due, kept, broken or all (default)")->check(CLI::IsMember({"due", "open", "kept", "broken", "all"}));
  sub->callback([&ctx, status] {
    std::optional<engine::PromiseStatus> s;
    if (*status != "all") s = engine::parse_promise_status(*status);
    const core::Date as_of = ctx.as_of();
    ctx.format();
    auto store = ctx.open_ledger();
    auto rows = ops::collect_promises(*store, as_of, s);
    ctx.write_report([&](report::RowSink& sink) {
      sink.begin({{"as_of", CellKind::kDate}, {"promise_id", CellKind::kNumber}, {"customer_id", CellKind::kText},
                  {"customer_name", CellKind::kText}, {"currency", CellKind::kText}, {"amount", CellKind::kNumber},
                  {"paid", CellKind::kNumber}, {"made_on", CellKind::kDate}, {"due_date", CellKind::kDate},
                  {"status", CellKind::kText}, {"kept_on", CellKind::kDate}, {"invoices", CellKind::kText},
                  {"plan_id", CellKind::kNumber}, {"installment", CellKind::kNumber}});
      for (const auto& p : rows) {
        const int e = p.currency.exponent;
        sink.row({as_of.iso(), std::to_string(p.id), p.customer_id, p.customer_name, std::string(p.currency.view()),
                  core::format_amount(p.amount, e), core::format_amount(p.paid, e), p.made_on.iso(), p.due_date.iso(), p.status,
                  opt_date(p.kept_on), p.invoices, p.plan_id ? std::to_string(*p.plan_id) : "",
                  p.installment ? std::to_string(p.installment) : ""});
      }
      sink.end();
    });
  });
}

void install_write_off(CLI::App& collect, Context& ctx) {
  struct Args { std::string invoice, amount, reason, date, approved_by, policy; };
  auto a = std::make_shared<Args>();
  auto* sub = add_command(collect, "collect write-off");
  sub->add_option("INVOICE", a->invoice, "invoice number")->required();
  sub->add_option("--amount", a->amount, "amount to write off (default: the open balance)");
  sub->add_option("--reason", a->reason, "why (kept with the adjustment and in the audit log)")->required();
  sub->add_option("--date", a->date, "date of the write-off (default --as-of or today)");
  sub->add_option("--approved-by", a->approved_by, "who approved it (needed above the policy's threshold)");
  sub->add_option("--policy", a->policy, "policy file (default: the built-in one)");
  sub->callback([&ctx, a] {
    auto policy = load_policy(a->policy);
    ops::WriteOffOptions o{a->invoice, a->amount, a->reason, a->approved_by, date_or_as_of(ctx, a->date, "--date")};
    auto store = ctx.open_ledger();
    ctx.note(ops::collect_write_off(*store, ctx.invocation(), policy, o).note);
  });
}

}  // namespace

void install_collect(CLI::App& parent, Context& ctx) {
  auto* collect = add_command(parent, "collect");
  collect->require_subcommand(1);
  install_list(*collect, ctx);
  install_dunning(*collect, ctx);
  install_note(*collect, ctx);
  install_promise(*collect, ctx);
  install_promises(*collect, ctx);
  install_plan(*collect, ctx);
  install_write_off(*collect, ctx);
}

}  // namespace otc::cli
