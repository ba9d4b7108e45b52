#include <catch2/catch.hpp>

#include "otc/core/currency_names.hpp"

using namespace otc;

TEST_CASE("currency names: ISO 4217 names and the spellings exports use", "[core][currency]") {
  CHECK(core::currency_code_for_name("US Dollar") == std::optional<std::string_view>("USD"));
  CHECK(core::currency_code_for_name("United States dollar") == std::optional<std::string_view>("USD"));
  CHECK(core::currency_code_for_name("Euro") == std::optional<std::string_view>("EUR"));
  CHECK(core::currency_code_for_name("British Pound") == std::optional<std::string_view>("GBP"));
  CHECK(core::currency_code_for_name("Pound Sterling") == std::optional<std::string_view>("GBP"));
  CHECK(core::currency_code_for_name("Japanese Yen") == std::optional<std::string_view>("JPY"));
  CHECK_FALSE(core::currency_code_for_name("Monopoly Money"));
}

TEST_CASE("currency names: a currency cell holds a code, a name or both", "[core][currency]") {
  CHECK(core::currency_from_text("usd")->view() == "USD");
  CHECK(core::currency_from_text(" Japanese Yen ")->exponent == 0);
  CHECK(core::currency_from_text("USD - US Dollar")->view() == "USD");
  CHECK(core::currency_from_text("Euro (EUR)")->view() == "EUR");
  CHECK_FALSE(core::currency_from_text("USD or EUR"));
  CHECK_FALSE(core::currency_from_text("Txn Currency"));
}
