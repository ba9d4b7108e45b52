#pragma once
// The command table: the single source of what otc can do. `otc help` prints it, `otc --help`
// lists it, unknown names are matched against it ("did you mean"), and build_app() installs it.
#include <CLI/CLI.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace otc::cli {

class Context;

/// What a command needs before it can run.
enum class Needs {
  kNothing,    ///< reads files only (bank show, help)
  kLedger,     ///< an existing ledger (every report and write)
  kNewLedger,  ///< creates the ledger when missing (init)
};

/// The global options a command honours, listed in its --help.
enum Globals : unsigned {
  kAsOf = 1u << 0,        ///< --as-of
  kFormat = 1u << 1,      ///< --format
  kOutput = 1u << 2,      ///< -o/--output
  kInputStyle = 1u << 3,  ///< --date-format, --decimal-comma
};

struct CommandSpec {
  const char* name;
  const char* summary;   ///< one line, shown by `otc help` and `otc --help`
  const char* example;   ///< one command line
  Needs needs;
  unsigned globals;      ///< Globals bits
  void (*install)(CLI::App& parent, Context& ctx);
};

/// The command table, in the order `otc help` lists it.
const std::vector<CommandSpec>& command_table();

/// "--as-of, --format, -o" for a Globals mask (empty when none).
std::string globals_text(unsigned globals);

/// Builds the whole CLI11 app for `ctx` (used by main and by tests).
void build_app(CLI::App& app, Context& ctx);

/// `otc help`: the table as text.
std::string help_text();

/// For an unknown command or option: "did you mean 'aging'?" (nearest by edit distance), or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

/// The names the user could have meant at the point where parsing failed: the subcommands and
/// options of the deepest command that was recognised (and the global options).
std::vector<std::string> candidates_after(const CLI::App& app, bool options);

}  // namespace otc::cli
