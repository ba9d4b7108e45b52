// otc: the only place that catches errors and turns them into messages and exit codes.
#include <CLI/CLI.hpp>

#include <iostream>

#include "command_table.hpp"
#include "context.hpp"
#include "error_printer.hpp"
#include "otc/core/error.hpp"
#include "otc/core/exit_codes.hpp"

namespace {

using namespace otc;

// CLI11's own parse errors, with "did you mean" for an unknown command or option.
int usage_error(const CLI::App& app, const CLI::ParseError& e) {
  std::string hint;
  for (const std::string& word : app.remaining()) {
    bool option = !word.empty() && word[0] == '-';
    std::string name = option ? word.substr(0, word.find('=')) : word;
    hint = cli::did_you_mean(name, cli::candidates_after(app, option));
    if (!hint.empty()) {
      std::cerr << "otc: error: unknown " << (option ? "option '" : "command '") << name << "'\n  hint: " << hint << '\n';
      return core::kExitUsage;
    }
  }
  std::cerr << "otc: error: " << e.what() << "\n  hint: run with --help for usage\n";
  return core::kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  cli::Context ctx;
  ctx.command_line = "otc";  // not argv[0]: the audit log should not depend on where otc was installed
  for (int i = 1; i < argc; ++i) {
    ctx.command_line += ' ';
    ctx.command_line += argv[i];
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
    return e.kind() == core::ErrorKind::kUsage ? core::kExitUsage : core::kExitError;
  } catch (const std::exception& e) {
    std::cerr << "otc: error: " << e.what() << '\n';
    return core::kExitError;
  }
  return ctx.exit_code;
}
