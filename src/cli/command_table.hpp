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

/// One runnable command or group, keyed by its path ("aging", "invoice run", "import customers").
/// Its --help is built from this row alone: summary, then details, "Example: ", the globals line.
struct CommandSpec {
  const char* path;
  const char* summary;   ///< one line: the description in --help and in the parent's list
  const char* details;   ///< footer prose before the example ("" = none)
  const char* example;   ///< one command line
  Needs needs;
  unsigned globals;      ///< Globals bits
  /// Top-level rows: adds the command (and its subcommands) to the app. Nested rows: nullptr,
  /// installed by their group's installer.
  void (*install)(CLI::App& parent, Context& ctx) = nullptr;
  /// What `otc help` lists instead of `summary`, where the two disagree today (nullptr = summary).
  const char* listed = nullptr;
  /// false: --help shows the parent's footer (CLI11's default) instead of details and example.
  bool own_footer = true;
};

/// The command table: top-level rows in the order `otc help` lists them, each group's
/// subcommands after it in their --help order.
const std::vector<CommandSpec>& command_table();

/// A row of `otc help`: a command typed right after `otc`.
bool is_top_level(const CommandSpec& c);

/// The row for `path`; throws std::logic_error when there is none.
const CommandSpec& command_spec(std::string_view path);

/// Adds the subcommand `path` (its last word) to `parent` with the row's summary and footer.
/// Installers call this, then add only their options and callback.
CLI::App* add_command(CLI::App& parent, std::string_view path);

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
