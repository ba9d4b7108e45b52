// `otc credit set|check|hold|release|risk`: credit limits, exposure and holds, the risk score.
#include "commands.hpp"
#include "context.hpp"
#include "otc/core/error.hpp"
#include "otc/core/exit_codes.hpp"
#include "otc/ops/credit.hpp"
#include "otc/report/credit_report.hpp"
#include "otc/store/ledger_store.hpp"

namespace otc::cli {

/// The [credit] section of the collections policy (cmd_credit_policy.cpp).
engine::CreditPolicy credit_policy_for(Context& ctx, const std::string& policy_file);

namespace {

using core::Error;
using core::ErrorKind;

struct CreditArgs {
  std::string customer, limit, currency, review_by, reason, until, policy_file;
  bool due_reviews = false;
  int top = 0;
};

engine::CreditPolicy policy_of(Context& ctx, const CreditArgs& a) { return credit_policy_for(ctx, a.policy_file); }

void run_check(Context& ctx, const CreditArgs& a) {
  ops::CreditCheckOptions o;
  o.as_of = ctx.as_of();
  if (!a.customer.empty()) o.customer = a.customer;
  o.due_reviews = a.due_reviews;
  ctx.format();
  auto store = ctx.open_ledger();
  o.policy = policy_of(ctx, a);
  auto lines = ops::credit_check(*store, o);
  ctx.write_report([&](report::RowSink& sink) { report::write_credit_check(sink, lines, o.as_of); });
  int held = 0, over = 0, reviews = 0;
  for (const auto& l : lines) {
    held += l.on_hold;
    over += l.over_limit;
    reviews += l.review_due;
  }
  if (held || over || (a.due_reviews && reviews)) {
    ctx.note(std::to_string(held) + " line(s) on hold, " + std::to_string(over) + " over limit" +
             (a.due_reviews ? ", " + std::to_string(reviews) + " review(s) due" : std::string()));
    ctx.exit_code = core::kExitExceptions;
  }
}

void run_set(Context& ctx, const CreditArgs& a) {
  ops::CreditSetOptions o;
  o.customer = a.customer;
  o.limit = a.limit;
  if (!a.currency.empty()) o.currency = a.currency;
  if (!a.review_by.empty()) o.review_by = Context::parse_date_option(a.review_by, "--review-by");
  o.on = ctx.as_of();
  ctx.format();
  auto store = ctx.open_ledger();
  auto r = ops::credit_set(*store, ctx.invocation(), o);
  ctx.write_report([&](report::RowSink& sink) { report::write_credit_set(sink, a.customer, r.limit, r.previous, r.changed); });
  if (!r.changed) ctx.note("credit limit of " + a.customer + " unchanged");
}

void run_hold(Context& ctx, const CreditArgs& a, bool hold) {
  const core::Date on = ctx.as_of();
  std::optional<core::Date> until;
  if (!a.until.empty()) {
    if (hold) throw Error(ErrorKind::kUsage, "--until is for `credit release`");
    until = Context::parse_date_option(a.until, "--until");
  }
  ctx.format();
  auto store = ctx.open_ledger();
  auto r = hold ? ops::credit_hold(*store, ctx.invocation(), a.customer, a.reason, on)
                : ops::credit_release(*store, ctx.invocation(), a.customer, a.reason, on, until);
  ctx.write_report([&](report::RowSink& sink) { report::write_hold_change(sink, a.customer, on, hold ? "hold" : "release", r.after, r.changed); });
  if (!r.changed) ctx.note(a.customer + (hold ? " is already on a manual hold" : " has no manual hold to release"));
}

void run_risk(Context& ctx, const CreditArgs& a) {
  if (a.top < 0) throw Error(ErrorKind::kUsage, "--top must be 0 or more");
  ops::RiskOptions o;
  o.as_of = ctx.as_of();
  o.top = a.top;
  ctx.format();
  auto store = ctx.open_ledger();
  o.policy = policy_of(ctx, a);
  auto scores = ops::credit_risk(*store, o);
  ctx.write_report([&](report::RowSink& sink) { report::write_risk(sink, scores, o.as_of); });
}

}  // namespace

void install_credit(CLI::App& parent, Context& ctx) {
  auto* credit = add_command(parent, "credit");
  credit->require_subcommand(1);

  auto s = std::make_shared<CreditArgs>();
  auto* set = add_command(*credit, "credit set");
  set->add_option("CUSTOMER", s->customer, "customer id")->required();
  set->add_option("--limit", s->limit, "credit limit, e.g. 50000.00")->required();
  set->add_option("--currency", s->currency, "currency of the limit (default: the customer's)");
  set->add_option("--review-by", s->review_by, "credit review due on this day (YYYY-MM-DD)");
  set->callback([&ctx, s] { run_set(ctx, *s); });

  auto c = std::make_shared<CreditArgs>();
  auto* check = add_command(*credit, "credit check");
  check->add_option("CUSTOMER", c->customer, "only this customer");
  check->add_flag("--due-reviews", c->due_reviews, "only customers whose credit review day has come");
  check->add_option("--policy", c->policy_file, "collections policy file with a [credit] section (default: beside the ledger)");
  check->callback([&ctx, c] { run_check(ctx, *c); });

  auto h = std::make_shared<CreditArgs>();
  auto* hold = add_command(*credit, "credit hold");
  hold->add_option("CUSTOMER", h->customer, "customer id")->required();
  hold->add_option("--reason", h->reason, "why (kept in the audit trail)")->required();
  hold->callback([&ctx, h] { run_hold(ctx, *h, true); });

  auto r = std::make_shared<CreditArgs>();
  auto* release = add_command(*credit, "credit release");
  release->add_option("CUSTOMER", r->customer, "customer id")->required();
  release->add_option("--reason", r->reason, "why (kept in the audit trail)")->required();
  release->add_option("--until", r->until, "also override automatic holds through this day (an approved exception)");
  release->callback([&ctx, r] { run_hold(ctx, *r, false); });

  auto k = std::make_shared<CreditArgs>();
  auto* risk = add_command(*credit, "credit risk");
  risk->add_option("--top", k->top, "only the N highest scores");
  risk->add_option("--policy", k->policy_file, "collections policy file with a [credit] section (default: beside the ledger)");
  risk->callback([&ctx, k] { run_risk(ctx, *k); });
}

}  // namespace otc::cli
