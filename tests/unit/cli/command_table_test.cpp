#include <catch2/catch.hpp>

#include <set>

#include "cli/command_table.hpp"

using namespace otc;

TEST_CASE("Command table: names are unique and every row has a summary and an example", "[cli]") {
  std::set<std::string> names;
  for (const auto& c : cli::command_table()) {
    CHECK(names.insert(c.name).second);
    CHECK(std::string(c.summary).size() > 10);
    CHECK(std::string(c.example).rfind("otc ", 0) == 0);
  }
}

TEST_CASE("Did you mean: the nearest name within a few edits, else nothing", "[cli]") {
  std::vector<std::string> names{"aging", "apply-cash", "cash", "close", "dso"};
  CHECK(cli::did_you_mean("agin", names) == "did you mean 'aging'?");
  CHECK(cli::did_you_mean("aplly-cash", names) == "did you mean 'apply-cash'?");
  CHECK(cli::did_you_mean("frobnicate", names).empty());
  CHECK(cli::did_you_mean("dos", names) == "did you mean 'dso'?");
}
