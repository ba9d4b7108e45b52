#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/context.hpp"
#include "otc/core/error.hpp"

using namespace otc;

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

TEST_CASE("Context: a rename that fails after the commit is kReportNotPlaced naming the temporary file", "[cli][output]") {
  TempDir dir("otc_context_output");
  cli::Context ctx;
  ctx.opts.quiet = true;
  ctx.opts.output = (dir.path / "r.csv").string();
  ctx.output() << "a,b\n";
  ctx.prepare_output();
  std::filesystem::create_directories(dir.path / "r.csv" / "x");  // the rename will fail
  try {
    ctx.commit_output(true);
    FAIL("no error");
  } catch (const core::Error& e) {
    CHECK(e.kind() == core::ErrorKind::kReportNotPlaced);
    CHECK(std::string(e.what()).rfind("the ledger changed, but the report could not be put in place", 0) == 0);
    CHECK(e.hint().find(ctx.opts.output + ".otc-tmp") != std::string::npos);
  }
  CHECK(std::filesystem::exists(ctx.opts.output + ".otc-tmp"));
}

TEST_CASE("Context: a rename that fails with no ledger change is exit 1 and leaves no temporary file", "[cli][output]") {
  TempDir dir("otc_context_output2");
  cli::Context ctx;
  ctx.opts.quiet = true;
  ctx.opts.output = (dir.path / "r.csv").string();
  ctx.output() << "a,b\n";
  std::filesystem::create_directories(dir.path / "r.csv" / "x");
  try {
    ctx.commit_output(false);
    FAIL("no error");
  } catch (const core::Error& e) {
    CHECK(e.kind() == core::ErrorKind::kInput);
  }
  CHECK_FALSE(std::filesystem::exists(ctx.opts.output + ".otc-tmp"));
}

TEST_CASE("Context: -o to a directory fails before any work", "[cli][output]") {
  TempDir dir("otc_context_output3");
  cli::Context ctx;
  ctx.opts.output = dir.path.string();
  CHECK_THROWS_AS(ctx.output(), core::Error);
}
