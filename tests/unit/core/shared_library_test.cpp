#include <catch2/catch.hpp>

#include "otc/core/error.hpp"
#include "otc/core/shared_library.hpp"

using namespace otc;

TEST_CASE("shared library: opened on first use; a missing one is a ledger error naming it and its package", "[core][dl]") {
  core::SharedLibrary missing("libotc-no-such-library.so.9", "a test backend", "otc-no-such-package");
  try {
    missing.symbol("anything");
    FAIL("no error");
  } catch (const core::Error& e) {
    CHECK(e.kind() == core::ErrorKind::kLedger);
    CHECK(std::string(e.what()).rfind("a test backend needs libotc-no-such-library.so.9, which could not be loaded: ", 0) == 0);
    CHECK(e.hint() == "install the Debian package otc-no-such-package");
  }
  core::SharedLibrary libm("libm.so.6", "a test", "libc6");
  auto* fabs_fn = reinterpret_cast<double (*)(double)>(libm.symbol("fabs"));
  CHECK(fabs_fn(-2.5) == 2.5);
  CHECK_THROWS_WITH(libm.symbol("otc_no_such_function"), "libm.so.6 has no function otc_no_such_function (too old a version?)");
}
