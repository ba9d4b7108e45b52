// otc: the only place that catches errors and turns them into messages and exit codes.
#include <CLI/CLI.hpp>

#include <iostream>

#include "otc/store/open_store.hpp"
#include "command_table.hpp"
#include "context.hpp"
#include "error_printer.hpp"
#include "otc/core/error.hpp"
#include "otc/store/transaction.hpp"
#include "otc/core/exit_codes.hpp"

namespace {

using namespace otc;

// CLI11's own parse errors, with "did you mean" for an unknown command or option.
int usage_error(const CLI::App& app, const CLI::ParseError& e) {
  std::string hint;
  for (const std::string& word : app.remaining()) {
    bool option = !word.empty() && word[0] == '-';
    std::string name = option ? word.substr(0, word.find('=')) : word;
    if (name.size() > cli::kMaxEchoedInput) continue;  // not a typo, and never echoed in full
    hint = cli::did_you_mean(name, cli::candidates_after(app, option));
    if (!hint.empty()) {
      std::cerr << "otc: error: unknown " << (option ? "option '" : "command '") << name << "'\n  hint: " << hint << '\n';
      return core::kExitUsage;
    }
  }
  // No near name: a word where a command was expected is still named as an unknown command.
  const auto remaining = app.remaining();
  if (!remaining.empty() && !remaining.front().empty() && remaining.front()[0] != '-' &&
      !cli::candidates_after(app, false).empty()) {
    std::string word = remaining.front().substr(0, cli::kMaxEchoedInput);
    std::cerr << cli::render_error(core::Error(core::ErrorKind::kUsage, "unknown command '" + word + "'", {},
                                               "`otc help` lists the commands"));
    return core::kExitUsage;
  }
  std::cerr << cli::render_error(core::Error(core::ErrorKind::kUsage, e.what(), {}, "run with --help for usage"));
  return core::kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  cli::Context ctx;
  ctx.command_line = "otc";  // not argv[0]: the audit log should not depend on where otc was installed
  for (int i = 1; i < argc; ++i) {
    ctx.command_line += ' ';
    ctx.command_line += store::display_ledger(argv[i]);  // a PostgreSQL URI's password stays out of the audit log
  }
  CLI::App app{"otc: order-to-cash (accounts receivable) from the command line"};
  cli::build_app(app, ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --version
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return usage_error(app, e);
  } catch (const core::Error& e) {
    std::cerr << cli::render_error(e);
    if (e.kind() == core::ErrorKind::kUsage) return core::kExitUsage;
    return e.kind() == core::ErrorKind::kReportNotPlaced ? core::kExitReportNotPlaced : core::kExitError;
  } catch (const std::exception& e) {
    std::cerr << "otc: error: " << e.what() << '\n';
    return core::kExitError;
  }
  // Whatever reached stdout without a report's own check (help text): a write error is an error.
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "otc: error: cannot write to standard output (write error)\n";
    if (store::committed_write_count() > 0) return core::kExitReportNotPlaced;  // the ledger did change
    return ctx.exit_code == core::kExitOk || ctx.exit_code == core::kExitExceptions ? core::kExitError : ctx.exit_code;
  }
  return ctx.exit_code;
}
