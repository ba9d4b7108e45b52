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

namespace {
struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const char* name) : path(std::filesystem::temp_directory_path() / name) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
};
}  // namespace

TEST_CASE("AtomicFile: finish() checks the bytes before publish() renames", "[report][atomic]") {
  TempDir dir("otc_atomic_finish");
  const std::string path = (dir.path / "r.csv").string();
  report::AtomicFile f(path);
  f.stream() << "x\n";
  f.finish();
  CHECK(std::filesystem::exists(path + ".otc-tmp"));
  CHECK_FALSE(std::filesystem::exists(path));
  f.publish();
  CHECK(slurp(path) == "x\n");
  CHECK_FALSE(std::filesystem::exists(path + ".otc-tmp"));
}

TEST_CASE("AtomicFile: a rename that fails keeps the complete report in the temporary file", "[report][atomic]") {
  TempDir dir("otc_atomic_rename");
  const std::string path = (dir.path / "r.csv").string();
  report::AtomicFile f(path);
  f.stream() << "whole report\n";
  f.finish();
  // The target became a directory between the check and the rename.
  std::filesystem::create_directories(dir.path / "r.csv" / "inside");
  CHECK_THROWS_AS(f.publish(), core::Error);
  CHECK(slurp(f.temp_path()) == "whole report\n");
}

TEST_CASE("AtomicFile: a symlink's target is written and the link stays", "[report][atomic]") {
  TempDir dir("otc_atomic_link");
  std::filesystem::create_directories(dir.path / "real");
  { std::ofstream(dir.path / "real" / "r.csv") << "old\n"; }
  std::filesystem::create_symlink("real/r.csv", dir.path / "link.csv");
  report::AtomicFile f((dir.path / "link.csv").string());
  CHECK(f.target() == (dir.path / "real" / "r.csv").string());
  f.stream() << "new\n";
  f.commit();
  CHECK(std::filesystem::is_symlink(dir.path / "link.csv"));
  CHECK(slurp((dir.path / "real" / "r.csv").string()) == "new\n");
  CHECK_FALSE(std::filesystem::exists(dir.path / "real" / "r.csv.otc-tmp"));
}

TEST_CASE("AtomicFile: a directory is refused; a character device is written through", "[report][atomic]") {
  TempDir dir("otc_atomic_special");
  try {
    report::AtomicFile f(dir.path.string());
    FAIL("a directory was accepted");
  } catch (const core::Error& e) {
    CHECK(std::string(e.what()) == "cannot write output file: it is a directory");
  }
  report::AtomicFile null("/dev/null");
  CHECK(null.written_through());
  null.stream() << "gone\n";
  null.commit();
  CHECK(std::filesystem::is_character_file("/dev/null"));
  report::AtomicFile full("/dev/full");
  full.stream() << std::string(1 << 17, 'x');
  CHECK_THROWS_AS(full.finish(), core::Error);
  CHECK(std::filesystem::is_character_file("/dev/full"));
}
