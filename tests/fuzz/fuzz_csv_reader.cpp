// libFuzzer: the CSV reader (quotes, line ends, limits) and its error locations.
#include "fuzz_util.hpp"
#include "otc/import/csv_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace otc;
  auto input = fuzz::as_view(data, size);
  char delimiter = size > 0 && (data[0] & 3) == 1 ? ';' : size > 0 && (data[0] & 3) == 2 ? '\t' : ',';
  fuzz::expect_only_otc_errors([&] {
    import::CsvReader csv("fuzz.csv", input, delimiter);
    long last_line = 0;
    while (csv.next()) {
      if (csv.line() <= last_line) __builtin_trap();  // lines only move forward
      last_line = csv.line();
      std::size_t total = 0;
      for (std::size_t i = 0; i <= csv.size(); ++i) {
        total += csv.field(i).size();
        auto where = csv.location(i);
        if (where.caret > static_cast<int>(where.text.size())) __builtin_trap();
      }
      if (total > input.size()) __builtin_trap();  // unquoting never adds bytes
    }
  });
  return 0;
}
