// otc reconcile gl: the ledger's AR roll-forward against the GL's AR control account.
#include <memory>

#include "otc/core/error.hpp"
#include "otc/core/exit_codes.hpp"
#include "otc/ops/reconcile_gl.hpp"
#include "otc/report/breaks_report.hpp"
#include "otc/store/ledger_store.hpp"
#include "reconcile_commands.hpp"

namespace otc::cli {
namespace {

using core::Error;
using core::ErrorKind;

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
  ops::ReconcileGlOptions o;
  o.period = Context::parse_period_option(a.period, "--period");
  ctx.format();
  o.file = a.file;
  o.accounts = a.accounts;
  for (const auto& s : a.exact_sources) o.rules.push_back(source_rule(s, true, "--source-exact"));
  for (const auto& s : a.sources) o.rules.push_back(source_rule(s, false, "--source"));
  o.tolerance_minor = parse_tolerance_minor(a.tolerance, "--tolerance");
  o.openings = a.openings;
  o.profile = a.profile;
  o.map = a.map;
  o.settings = input_settings(ctx, a.currency);

  auto store = ctx.open_ledger();
  auto result = ops::reconcile_gl(*store, ctx.invocation(), o, [&](const ops::ReconcileGlResult& r) {
    if (!a.detail.empty())
      write_detail(ctx, a.detail, [&](report::RowSink& sink) { report::write_rollforward_detail(sink, a.period, r.gl.rows); });
    write_breaks(ctx, r.gl.breaks);
  });
  ctx.commit_output(true);
  ctx.note("reconcile gl " + a.period + ": " + result.summary);
  if (result.exceptions) ctx.exit_code = core::kExitExceptions;
}

}  // namespace

void install_reconcile_gl(CLI::App* cmd, Context& ctx) {
  auto g = std::make_shared<GlArgs>();
  auto* gl = add_command(*cmd, "reconcile gl");
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
  gl->callback([&ctx, g] { run_gl(ctx, *g); });
}

}  // namespace otc::cli
