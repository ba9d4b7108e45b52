#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "otc/core/error.hpp"
#include "otc/report/atomic_file.hpp"

using namespace otc;

namespace {
std::string slurp(const std::string& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}
}  // namespace

TEST_CASE("AtomicFile: the file appears only on commit; a dropped one leaves nothing", "[report][atomic]") {
  auto dir = std::filesystem::temp_directory_path() / "otc_atomic_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "r.csv").string();
  {
    report::AtomicFile f(path);
    f.stream() << "a,b\n";
    CHECK_FALSE(std::filesystem::exists(path));
    f.commit();
  }
  CHECK(slurp(path) == "a,b\n");
  {
    report::AtomicFile f(path);
    f.stream() << "half";
  }
  CHECK(slurp(path) == "a,b\n");
  CHECK_FALSE(std::filesystem::exists(path + ".otc-tmp"));
  CHECK_THROWS_AS(report::AtomicFile((dir / "no" / "such" / "dir.csv").string()), core::Error);
  std::filesystem::remove_all(dir);
}
