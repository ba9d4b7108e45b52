// The one rule "in service on a day" (engine/service) and the usage-to-line assignment
// (engine/billing_book) that invoice run, rebill and unbilled share.
#include "otc/engine/service.hpp"

#include <catch2/catch.hpp>
#include <vector>

#include "otc/engine/billing_book.hpp"

using otc::core::Date;
using otc::domain::ContractLine;
using otc::domain::PriceModel;
using otc::domain::UsageRecord;
namespace engine = otc::engine;

namespace {

Date ymd(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

ContractLine usage_line(const char* contract, const char* metric, Date start) {
  ContractLine c;
  c.contract_id = contract;
  c.line_id = "1";
  c.customer = "C1";
  c.product = metric;
  c.metric = metric;
  c.start = start;
  c.model = PriceModel::kUsageGraduated;
  c.unit_price_micros = 1'000'000;
  return c;
}

UsageRecord record(const char* event, const char* metric, Date day) {
  UsageRecord r;
  r.event_id = event;
  r.customer = "C1";
  r.metric = metric;
  r.date = day;
  r.quantity = otc::domain::kDecimalScale;
  return r;
}

}  // namespace

TEST_CASE("in service: from the start, to the governing version's end", "[billing][service]") {
  // Base row from 2026-01-01 ending 03-31; renewed by an amendment from 03-01 ending 06-30.
  std::vector<ContractLine> v{usage_line("K-1", "API", ymd(2026, 1, 1)), usage_line("K-1", "API", ymd(2026, 1, 1))};
  v[0].end = ymd(2026, 3, 31);
  v[1].effective = ymd(2026, 3, 1);
  v[1].end = ymd(2026, 6, 30);
  CHECK_FALSE(engine::in_service(v, ymd(2025, 12, 31)));
  CHECK(engine::in_service(v, ymd(2026, 1, 1)));
  CHECK(engine::governing_version(v, ymd(2026, 2, 28)) == 0);
  CHECK(engine::governing_version(v, ymd(2026, 3, 1)) == 1);
  CHECK(engine::in_service(v, ymd(2026, 4, 15)));  // the amendment's end governs, not the base's
  CHECK(engine::in_service(v, ymd(2026, 6, 30)));
  CHECK_FALSE(engine::in_service(v, ymd(2026, 7, 1)));

  // A cancellation: from 02-01 the line ends on 01-31.
  v[1].effective = ymd(2026, 2, 1);
  v[1].end = ymd(2026, 1, 31);
  CHECK(engine::in_service(v, ymd(2026, 1, 31)));
  CHECK_FALSE(engine::in_service(v, ymd(2026, 2, 1)));

  // The same rule over pointers (the billing engine's sorted view).
  std::vector<const ContractLine*> p{&v[0], &v[1]};
  CHECK(engine::in_service(std::span<const ContractLine* const>(p), ymd(2026, 1, 31)));
  CHECK_FALSE(engine::in_service(std::span<const ContractLine* const>(p), ymd(2026, 2, 1)));
}

TEST_CASE("usage to line: the first line of the metric in service, else the first of the metric", "[billing][service]") {
  // K-1 serves API until 03-31; K-2 serves API from 04-01.
  std::vector<ContractLine> versions{usage_line("K-2", "API", ymd(2026, 4, 1)), usage_line("K-1", "API", ymd(2026, 1, 1)),
                                     usage_line("K-3", "STORAGE", ymd(2026, 1, 1))};
  versions[1].end = ymd(2026, 3, 31);
  std::vector<UsageRecord> usage{record("a", "API", ymd(2026, 2, 1)), record("b", "API", ymd(2026, 4, 2)),
                                 record("c", "API", ymd(2025, 12, 1)), record("d", "GPU", ymd(2026, 2, 1))};
  usage.push_back(record("e", "", ymd(2026, 2, 1)));
  usage.back().contract_id = "K-3";
  engine::LineBook book;
  book.load(versions, usage, {});
  REQUIRE(book.inputs().size() == 3);  // sorted: K-1, K-2, K-3
  auto events = [&](std::size_t k) {
    std::vector<std::string> ids;
    for (const auto& r : book.inputs()[k].usage) ids.push_back(r.event_id);
    return ids;
  };
  CHECK(book.inputs()[0].versions.front().contract_id == "K-1");
  CHECK(events(0) == std::vector<std::string>{"a", "c"});  // c: no API line in service, the first API line
  CHECK(events(1) == std::vector<std::string>{"b"});
  CHECK(events(2) == std::vector<std::string>{"e"});       // named by contract
  CHECK(book.unassigned_usage() == 1);                    // d: no GPU line
}
