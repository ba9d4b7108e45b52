#include <catch2/catch.hpp>

#include "otc/import/header_index.hpp"

using namespace otc;

TEST_CASE("HeaderIndex: names compare after normalising; the first listed name wins", "[header]") {
  import::HeaderIndex h(std::vector<std::string>{"Posting Date", "Invoice #", "Amount (USD)", "Date"});
  CHECK(h.find({"bookingdate", "postingdate"}) == 0);
  CHECK(h.find({"date", "postingdate"}) == 3);
  CHECK(h.leftmost(std::vector<std::string_view>{"date", "postingdate"}) == 0);
  CHECK(h.find({"invoice"}) == 1);
  CHECK(h.find_any_spelling("amount_(usd)") == 2);
  CHECK(h.find({"memo"}) == -1);
  CHECK(import::normalize_header("Due_Date") == "duedate");
}
