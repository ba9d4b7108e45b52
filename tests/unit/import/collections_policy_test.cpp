#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "otc/import/collections_policy.hpp"

using namespace otc;

namespace {
std::string sample(const std::string& name) {
  std::ifstream in(std::string(OTC_SOURCE_DIR) + "/samples/collections/" + name, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
import::PolicyTemplate no_template(const std::string& n, const core::SourceLocation&) { return {n, n, "x"}; }
std::string where_of(const std::string& text) {
  try {
    import::parse_collections_policy(text, "p.ini", no_template);
  } catch (const core::Error& e) {
    return core::format_location(e.where()) + ": " + e.what();
  }
  return "no error";
}
}  // namespace

TEST_CASE("collections policy: the built-in policy is the sample's text", "[policy]") {
  for (const char* f : {"policy.ini", "level1.txt", "level2.txt", "level3.txt"})
    CHECK(import::builtin_policy_file(f) == sample(f));
  auto p = import::default_collections_policy();
  REQUIRE(p.levels.size() == 3);
  CHECK(p.levels[1].days == 30);
  CHECK(p.levels[2].template_name == "level3.txt");
  CHECK(p.write_off_approval_over == "1000.00");
  REQUIRE(p.escalations.size() == 1);
  CHECK(p.escalations[0].min_days == 91);
  CHECK(p.escalations[0].owner == "senior-collector");
  CHECK(p.credit.hold_days_past_due == 60);
  CHECK(p.find_template("level2.txt")->text == sample("level2.txt"));
}

TEST_CASE("collections policy: other sections are kept; bad lines are named at FILE:LINE:COL", "[policy]") {
  auto p = import::parse_collections_policy("[statements]\nfooter = thanks\n[level 1]\ndays = 5\ntemplate = a.txt\n", "p.ini",
                                            no_template);
  REQUIRE(p.section("statements"));
  CHECK(p.section("statements")->find("footer")->value == "thanks");
  CHECK(where_of("[level 1]\ndays = soon\ntemplate = a\n") == "p.ini:2:8: days must be a whole number of at least 1, not 'soon'");
  CHECK(where_of("[policy]\ncolour = red\n") == "p.ini:2:10: unknown key 'colour' in [policy]");
  CHECK(where_of("days = 1\n") == "p.ini:1:1: a key before the first [section]");
  CHECK(where_of("[level 1]\ndays = 30\ntemplate = a\n[level 2]\ndays = 10\ntemplate = b\n") ==
        "p.ini:5:8: level 2 must need more days past due than level 1 (30)");
  CHECK(where_of("[credit]\nhold_days_past_due = 0\n") == "p.ini:2:22: hold_days_past_due must be a whole number of at least 1, not '0'");
}
