#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "otc/engine/reconcile_billing.hpp"
#include "otc/import/csv_reader.hpp"

using namespace otc;
using engine::BillingLine;
using engine::BillingReconcileOptions;
using engine::Break;
using engine::BreakType;

namespace {

std::string fixture(const std::string& name) { return std::string(OTC_SOURCE_DIR) + "/tests/fixtures/reconcile/" + name; }

// Reads a billing CSV of the fixtures' layout into lines: key = contract_id|period|product.
std::vector<BillingLine> read_lines(const std::string& path, const std::string& document_column) {
  import::CsvReader csv(path);
  REQUIRE(csv.next());
  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < csv.size(); ++i) col[std::string(csv.field(i))] = i;
  std::vector<BillingLine> out;
  while (csv.next()) {
    auto f = [&](const char* name) { return csv.field(col.at(name)); };
    BillingLine l;
    l.key = std::string(f("contract_id")) + "|" + std::string(f("period")) + "|" + std::string(f("product"));
    l.customer = std::string(f("customer_id"));
    l.quantity = *engine::parse_micros(f("quantity"));
    l.unit_price = *engine::parse_micros(f("unit_price"));
    l.discount = *engine::parse_micros(f("discount"));
    l.currency = *core::find_currency(f("currency"));
    auto amount = core::parse_amount(f("amount"), l.currency.exponent);
    REQUIRE(amount.ok());
    l.amount_minor = amount.minor;
    l.document = std::string(f(document_column.c_str()));
    l.source_line = csv.line();
    out.push_back(std::move(l));
  }
  return out;
}

std::vector<std::vector<std::string>> read_expected(const std::string& path) {
  import::CsvReader csv(path);
  REQUIRE(csv.next());
  std::vector<std::vector<std::string>> rows;
  while (csv.next()) {
    std::vector<std::string> r;
    for (std::size_t i = 0; i < csv.size(); ++i) r.emplace_back(csv.field(i));
    rows.push_back(r);
  }
  return rows;
}

std::vector<std::vector<std::string>> as_rows(const std::vector<Break>& breaks) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& b : breaks)
    rows.push_back({std::string(engine::break_type_name(b.type)), b.keys, b.left, b.right, b.difference, b.currency});
  return rows;
}

BillingLine line(std::string key, std::string customer, std::int64_t qty, std::int64_t amount_minor,
                 const char* currency = "USD") {
  BillingLine l;
  l.key = std::move(key);
  l.customer = std::move(customer);
  l.quantity = qty * engine::kMicros;
  l.unit_price = 10 * engine::kMicros;
  l.amount_minor = amount_minor;
  l.currency = *core::find_currency(currency);
  return l;
}

}  // namespace

TEST_CASE("Reconcile billing: every planted break type is reported once and nothing else", "[reconcile]") {
  auto crm = read_lines(fixture("billing_crm.csv"), "contract_line");
  auto erp = read_lines(fixture("billing_erp.csv"), "invoice_line");
  auto expected = read_expected(fixture("billing_expected.csv"));
  BillingReconcileOptions o;
  o.temp_dir = std::filesystem::temp_directory_path().string();  // the caller picks the spill directory
  o.amount_tolerance_minor = 1;  // C9 differs by 0.01: within tolerance

  SECTION("in memory") {
    engine::BillingSummary s;
    auto breaks = engine::reconcile_billing(crm, erp, o, &s);
    CHECK(as_rows(breaks) == expected);
    CHECK(s.crm_lines == 11);
    CHECK(s.erp_lines == 12);
    CHECK(s.matched_pairs == 10);
    CHECK(s.clean_pairs == 4);  // C1 SEATS, C8 (its first line), C9 (tolerance), C11 (customer case, blanks)
    CHECK(s.breaks == 9);
    CHECK(s.spilled_runs == 0);
    for (std::size_t t = 0; t <= static_cast<std::size_t>(BreakType::kDuplicateBilling); ++t) CHECK(s.by_type[t] == 1);
  }
  SECTION("spilled to many sorted runs, both sides on two threads") {
    o.memory_budget_bytes = 200;  // two or three lines per run
    o.parallel = true;
    engine::VectorBillingSource crm_source(crm), erp_source(erp);
    std::vector<Break> breaks;
    auto s = engine::reconcile_billing(crm_source, erp_source, o, [&](const Break& b) { breaks.push_back(b); });
    CHECK(s.spilled_runs >= 6);
    engine::sort_breaks(breaks);
    CHECK(as_rows(breaks) == expected);
  }
  SECTION("no tolerance: the one-cent difference is a break too") {
    o.amount_tolerance_minor = 0;
    auto breaks = engine::reconcile_billing(crm, erp, o);
    REQUIRE(breaks.size() == 10);
    CHECK(breaks[9].type == BreakType::kAmountDifference);
    CHECK(breaks[9].keys == "C9|2026-03|SEATS");
    CHECK(breaks[9].difference == "-0.01");
    CHECK(breaks[9].difference_minor == -1);
  }
}

TEST_CASE("Reconcile billing: break values, money differences and suggestions", "[reconcile]") {
  auto crm = read_lines(fixture("billing_crm.csv"), "contract_line");
  auto erp = read_lines(fixture("billing_erp.csv"), "invoice_line");
  BillingReconcileOptions o;
  o.temp_dir = std::filesystem::temp_directory_path().string();  // the caller picks the spill directory
  o.amount_tolerance_minor = 1;
  auto breaks = engine::reconcile_billing(crm, erp, o);
  REQUIRE(breaks.size() == 9);
  std::map<BreakType, Break> by_type;
  for (const auto& b : breaks) by_type[b.type] = b;

  CHECK(by_type[BreakType::kMissingInErp].difference_minor == 10000);
  CHECK(by_type[BreakType::kMissingInErp].suggestion ==
        "CRM CL-2 (line 3) for customer CUST-A has no ERP invoice line; bill it (unbilled)");
  CHECK(by_type[BreakType::kMissingInCrm].difference_minor == -4000);
  CHECK(by_type[BreakType::kDuplicateBilling].difference_minor == -10000);
  CHECK(by_type[BreakType::kDuplicateBilling].suggestion ==
        "ERP INV-112-1 (line 13) bills this key again (already billed by ERP INV-102-1 (line 3)); credit the duplicate");
  CHECK(by_type[BreakType::kQuantityDifference].suggestion ==
        "CRM CL-4 (line 5) vs ERP INV-107-1 (line 8): billed quantity 10, contract quantity 12; amount effect 98.00 USD; "
        "bill or credit the difference");
  CHECK_FALSE(by_type[BreakType::kQuantityDifference].difference_minor.has_value());
  CHECK(by_type[BreakType::kAmountDifference].difference_minor == -10);
  CHECK(by_type[BreakType::kCurrencyMismatch].left == "USD");
  CHECK(by_type[BreakType::kCurrencyMismatch].right == "EUR");

  auto cells = engine::break_cells(by_type[BreakType::kPriceDifference]);
  CHECK(cells[0] == "price_difference");
  CHECK(cells[4] == "1.5");
  CHECK(cells[5] == "USD");
}

TEST_CASE("Reconcile billing: lines with equal keys pair best-first", "[reconcile]") {
  SECTION("two CRM lines of one key against two ERP lines in the other order: no break") {
    std::vector<BillingLine> crm = {line("K", "A", 1, 1000), line("K", "A", 2, 2000)};
    std::vector<BillingLine> erp = {line("K", "A", 2, 2000), line("K", "A", 1, 1000)};
    engine::BillingSummary s;
    CHECK(engine::reconcile_billing(crm, erp, {}, &s).empty());
    CHECK(s.clean_pairs == 2);
  }
  SECTION("a key billed twice without a contract: missing_in_crm, then duplicate_billing") {
    std::vector<BillingLine> crm;
    std::vector<BillingLine> erp = {line("K", "A", 1, 1000), line("K", "A", 1, 1000)};
    auto breaks = engine::reconcile_billing(crm, erp);
    REQUIRE(breaks.size() == 2);
    CHECK(breaks[0].type == BreakType::kMissingInCrm);
    CHECK(breaks[1].type == BreakType::kDuplicateBilling);
  }
  SECTION("the duplicate of a wrong line does not hide the right one") {
    std::vector<BillingLine> crm = {line("K", "A", 3, 3000)};
    std::vector<BillingLine> erp = {line("K", "A", 2, 2000), line("K", "A", 3, 3000)};
    auto breaks = engine::reconcile_billing(crm, erp);
    REQUIRE(breaks.size() == 1);
    CHECK(breaks[0].type == BreakType::kDuplicateBilling);
    CHECK(breaks[0].right == "20.00");
  }
  SECTION("a currency mismatch suppresses price and amount, not quantity or customer") {
    std::vector<BillingLine> crm = {line("K", "A", 3, 3000, "USD")};
    std::vector<BillingLine> erp = {line("K", "B", 4, 9999, "EUR")};
    auto breaks = engine::reconcile_billing(crm, erp);
    REQUIRE(breaks.size() == 3);
    CHECK(breaks[0].type == BreakType::kCurrencyMismatch);
    CHECK(breaks[1].type == BreakType::kCustomerMismatch);
    CHECK(breaks[2].type == BreakType::kQuantityDifference);
  }
  SECTION("fields an export lacks can be left out of the comparison") {
    std::vector<BillingLine> crm = {line("K", "A", 3, 3000)};
    std::vector<BillingLine> erp = {line("K", "B", 3, 3000)};
    BillingReconcileOptions o;
    o.temp_dir = std::filesystem::temp_directory_path().string();  // the caller picks the spill directory
    o.compare_customer = false;
    CHECK(engine::reconcile_billing(crm, erp, o).empty());
  }
}

TEST_CASE("Reconcile billing: the streaming order is the same on every run", "[reconcile]") {
  std::vector<BillingLine> crm, erp;
  for (int i = 0; i < 300; ++i) {
    crm.push_back(line("K" + std::to_string(i), "A", 1, 1000));
    if (i % 7 != 0) erp.push_back(line("K" + std::to_string(i), "A", 1, 1000));
  }
  auto run = [&](std::size_t budget, bool parallel) {
    BillingReconcileOptions o;
    o.temp_dir = std::filesystem::temp_directory_path().string();  // the caller picks the spill directory
    o.memory_budget_bytes = budget;
    o.parallel = parallel;
    engine::VectorBillingSource a(crm), b(erp);
    std::vector<std::string> keys;
    engine::reconcile_billing(a, b, o, [&](const Break& br) { keys.push_back(br.keys); });
    return keys;
  };
  auto first = run(1 << 20, false);
  CHECK(first.size() == 43);
  CHECK(run(1000, true) == first);
  CHECK(run(1, false) == first);
}

TEST_CASE("Reconcile billing: seeded random data sets report exactly their planted breaks", "[reconcile]") {
  const std::uint64_t seed = GENERATE(1u, 7u, 2026u);
  std::uint64_t state = seed;
  auto rnd = [&state](std::uint64_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % n;
  };
  const int n = 3000;
  const char* types[] = {"missing_in_erp",      "missing_in_crm",   "customer_mismatch",
                         "quantity_difference", "price_difference", "discount_difference",
                         "amount_difference",   "currency_mismatch", "duplicate_billing"};
  std::vector<int> plant(n, -1);  // -1 clean, 0..8 a break type, 9 a one-cent difference
  for (int type = 0; type <= 9; ++type)
    for (int k = 0; k < 100;) {
      int i = static_cast<int>(rnd(n));
      if (plant[i] != -1) continue;
      plant[i] = type;
      ++k;
    }
  std::vector<BillingLine> crm, erp;
  std::set<std::string> truth;
  for (int i = 0; i < n; ++i) {
    BillingLine c;
    c.key = "CTR-" + std::to_string(i / 3) + "|2026-0" + std::to_string(1 + i % 9) + "|P" + std::to_string(i % 3);
    c.customer = "CUST-" + std::to_string(i % 97);
    c.quantity = static_cast<std::int64_t>(1 + rnd(40)) * engine::kMicros;
    c.unit_price = static_cast<std::int64_t>(1 + rnd(500)) * 250'000;  // 0.25 steps
    c.discount = rnd(5) == 0 ? 2 * engine::kMicros : 0;
    c.currency = *core::find_currency(rnd(4) == 0 ? "EUR" : "USD");
    auto amount = [](const BillingLine& l) {
      return static_cast<std::int64_t>(static_cast<__int128>(l.quantity) * l.unit_price / engine::kMicros / 10'000) -
             l.discount / 10'000;
    };
    c.amount_minor = amount(c);
    c.source_line = i + 2;
    crm.push_back(c);
    BillingLine e = c;
    switch (plant[i]) {
      case 0: break;
      case 1: {
        BillingLine x = c;
        x.key = "NEW-" + std::to_string(i) + "|2026-01|P0";
        erp.push_back(x);
        truth.insert(std::string(types[1]) + "," + x.key);
        break;
      }
      case 2: e.customer += "-X"; break;
      case 3: e.quantity += engine::kMicros; e.amount_minor = amount(e); break;
      case 4: e.unit_price += engine::kMicros; e.amount_minor = amount(e); break;
      case 5: e.discount += engine::kMicros; e.amount_minor = amount(e); break;
      case 6: e.amount_minor += 5 + static_cast<std::int64_t>(rnd(100)); break;
      case 7: e.currency = *core::find_currency("GBP"); break;
      case 8: erp.push_back(e); break;
      case 9: e.amount_minor += 1; break;
      default: break;
    }
    if (plant[i] != 0) erp.push_back(e);
    if (plant[i] >= 0 && plant[i] <= 8 && plant[i] != 1) truth.insert(std::string(types[plant[i]]) + "," + c.key);
  }
  // Shuffle the ERP side: exports come in any order.
  for (std::size_t i = erp.size() - 1; i > 0; --i) std::swap(erp[i], erp[rnd(i + 1)]);

  BillingReconcileOptions o;
  o.temp_dir = std::filesystem::temp_directory_path().string();  // the caller picks the spill directory
  o.amount_tolerance_minor = 1;
  o.memory_budget_bytes = 4096;
  o.parallel = true;
  engine::VectorBillingSource a(crm), b(erp);
  std::set<std::string> found;
  std::size_t count = 0;
  auto s = engine::reconcile_billing(a, b, o, [&](const Break& br) {
    found.insert(std::string(engine::break_type_name(br.type)) + "," + br.keys);
    ++count;
  });
  CHECK(s.spilled_runs > 10);
  CHECK(count == 900);
  CHECK(found == truth);
}

TEST_CASE("Reconcile billing: the spill directory comes from the caller, never the environment", "[reconcile]") {
  auto crm = read_lines(fixture("billing_crm.csv"), "contract_line");
  auto erp = read_lines(fixture("billing_erp.csv"), "invoice_line");
  BillingReconcileOptions o;
  o.memory_budget_bytes = 200;  // spills
  SECTION("none given: a side that must spill fails") {
    CHECK_THROWS_WITH(engine::reconcile_billing(crm, erp, o),
                      "the billing sort needs a directory for temporary files and none was given");
  }
  SECTION("none given, nothing spills: not needed") {
    o.memory_budget_bytes = 16u << 20;
    engine::BillingSummary s;
    engine::reconcile_billing(crm, erp, o, &s);
    CHECK(s.spilled_runs == 0);
  }
  SECTION("a directory that does not exist names itself") {
    o.temp_dir = "/nonexistent-otc-dir";
    CHECK_THROWS_WITH(engine::reconcile_billing(crm, erp, o),
                      Catch::Matchers::StartsWith("cannot create a temporary file in /nonexistent-otc-dir: "));
  }
}
