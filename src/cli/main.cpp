// otc: the only place that catches errors and turns them into messages and exit codes.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "context.hpp"
#include "otc/core/error.hpp"
#include "otc/core/exit_codes.hpp"

int main(int argc, char** argv) {
  using namespace otc;
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
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? core::kExitOk : core::kExitUsage;
  } catch (const core::Error& e) {
    std::string where = core::format_location(e.where());
    std::cerr << "otc: error: " << (where.empty() ? "" : where + ": ") << e.what() << '\n';
    if (!e.hint().empty()) std::cerr << "  hint: " << e.hint() << '\n';
    if (e.kind() == core::ErrorKind::kUsage) return core::kExitUsage;
    return core::kExitError;
  } catch (const std::exception& e) {
    std::cerr << "otc: error: " << e.what() << '\n';
    return core::kExitError;
  }
  return ctx.exit_code;
}
