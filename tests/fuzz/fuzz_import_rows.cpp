// libFuzzer: the row parsers of every import kind, behind the CSV reader and the column map:
// customers, invoices, payments (ArRowParser), contracts and usage (contract_row), GL rows and
// billing lines (CRM/ERP). The first byte picks the kind and the profile.
#include <memory>
#include <vector>

#include "fuzz_util.hpp"
#include "otc/engine/reconcile_billing.hpp"
#include "otc/import/ar_rows.hpp"
#include "otc/import/billing_lines.hpp"
#include "otc/import/contract_row.hpp"
#include "otc/import/gl_rows.hpp"
#include "otc/import/mapping.hpp"

namespace {

using namespace otc;

void read_mapped(std::string_view kind, std::string_view profile, std::string_view input) {
  import::CsvReader csv("fuzz.csv", input);
  if (!csv.next()) return;
  std::vector<std::string> header;
  for (std::size_t i = 0; i < csv.size(); ++i) header.emplace_back(csv.field(i));
  auto map = import::ColumnMap::resolve(kind, profile, nullptr, header, "fuzz.csv");
  import::InputSettings settings;
  settings.default_currency = "USD";
  import::ArRowParser parser(map, settings);
  std::vector<core::Issue> issues;
  domain::Customer c;
  domain::Invoice inv;
  domain::Payment p;
  auto field = [&](std::string_view name) -> import::ContractField {
    int idx = map.index(name);
    if (idx < 0) return {};
    return {csv.field(static_cast<std::size_t>(idx)), idx + 1};
  };
  while (csv.next()) {
    issues.clear();
    if (kind == "customers") (void)parser.parse(csv, c, issues);
    else if (kind == "invoices") {
      if (parser.parse(csv, inv, issues) && (!inv.invoice_date.in_range() || !inv.due_date.in_range())) __builtin_trap();
    } else if (kind == "payments") (void)parser.parse(csv, p, issues);
    else if (kind == "contracts") {
      import::ContractRowContext ctx{"fuzz.csv", csv.line(), {}, {}};
      try {
        (void)import::parse_contract_row(import::contract_row_fields(field), ctx);
      } catch (const core::Error&) {
      }
    } else if (kind == "usage") {
      import::ContractRowContext ctx{"fuzz.csv", csv.line(), {}, {}};
      domain::UsageRecord u;
      import::parse_usage_row(import::usage_row_fields(field), ctx, u, issues);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  static const char* kKinds[] = {"customers", "invoices", "payments", "contracts", "usage", "gl", "crm_lines", "erp_lines"};
  static const char* kProfiles[] = {"generic", "netsuite", "quickbooks", "salesforce"};
  std::string_view kind = kKinds[data[0] % 8];
  std::string_view profile = kProfiles[(data[0] >> 3) % 4];
  auto input = fuzz::as_view(data + 1, size - 1);
  fuzz::expect_only_otc_errors([&] {
    if (kind == "gl") {
      import::CsvReader csv("fuzz.csv", input);
      import::GlReadOptions o;
      o.settings.default_currency = "USD";
      (void)import::read_gl_rows(csv, o);
    } else if (kind == "crm_lines" || kind == "erp_lines") {
      import::BillingReadOptions o;
      o.kind = std::string(kind);
      import::CsvBillingSource source(fuzz::scratch_file(input), o, "fuzz.csv");
      source.prepare();
      engine::BillingLine line;
      for (int i = 0; i < 100000 && source.next(line); ++i) {
      }
    } else {
      read_mapped(kind, profile, input);
    }
  });
  return 0;
}
