// libFuzzer: the mapping-file parser (docs/mapping.md), then the column map it resolves to.
#include "fuzz_util.hpp"
#include "otc/import/mapping.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace otc;
  auto input = fuzz::as_view(data, size);
  fuzz::expect_only_otc_errors([&] {
    auto m = import::read_mapping_file(fuzz::scratch_file(input));
    (void)import::settings_with_mapping({}, &m);
    std::vector<std::string> header = {"invoice_id", "customer_id", "invoice_date", "due_date", "amount", "currency"};
    (void)import::ColumnMap::resolve("invoices", "generic", &m, header, "fuzz.csv");
  });
  return 0;
}
