#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "cli/command_table.hpp"
#include "cli/context.hpp"

using namespace otc;

TEST_CASE("Command table: paths are unique and every row has a summary and an example", "[cli]") {
  std::set<std::string> paths;
  for (const auto& c : cli::command_table()) {
    CHECK(paths.insert(c.path).second);
    CHECK(std::string(c.summary).size() > 10);
    CHECK(std::string(c.example).rfind("otc ", 0) == 0);
    // Top-level rows are installed by the table, nested ones by their group's installer.
    CHECK((c.install != nullptr) == cli::is_top_level(c));
  }
}

namespace {

// Every subcommand CLI11 knows, as "group sub" paths, depth first in the order they were added.
void walk(const CLI::App& app, const std::string& prefix, std::vector<std::string>& out) {
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    std::string path = prefix.empty() ? sub->get_name() : prefix + " " + sub->get_name();
    out.push_back(path);
    walk(*sub, path, out);
  }
}

}  // namespace

TEST_CASE("Command table: every installed command has a row, every row is installed", "[cli]") {
  CLI::App app{"otc"};
  cli::Context ctx;
  cli::build_app(app, ctx);
  std::vector<std::string> installed;
  walk(app, "", installed);
  std::vector<std::string> rows;
  for (const auto& c : cli::command_table()) rows.emplace_back(c.path);
  // Same paths in the same order: no command without a row, no orphan row.
  CHECK(installed == rows);

  SECTION("each command's --help is its row: summary, then details and example") {
    for (const auto& c : cli::command_table()) {
      const CLI::App* cmd = &app;
      std::string path = c.path;
      for (std::size_t from = 0;;) {
        auto space = path.find(' ', from);
        cmd = cmd->get_subcommand(path.substr(from, space - from));
        if (space == std::string::npos) break;
        from = space + 1;
      }
      INFO(c.path);
      CHECK(cmd->get_description() == c.summary);
      if (c.own_footer) CHECK(cmd->get_footer().find(std::string("Example: ") + c.example + "\n") != std::string::npos);
    }
  }
}

TEST_CASE("Did you mean: the nearest name within a few edits, else nothing", "[cli]") {
  std::vector<std::string> names{"aging", "apply-cash", "cash", "close", "dso"};
  CHECK(cli::did_you_mean("agin", names) == "did you mean 'aging'?");
  CHECK(cli::did_you_mean("aplly-cash", names) == "did you mean 'apply-cash'?");
  CHECK(cli::did_you_mean("frobnicate", names).empty());
  CHECK(cli::did_you_mean("dos", names) == "did you mean 'dso'?");
}
