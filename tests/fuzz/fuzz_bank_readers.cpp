// libFuzzer: every bank reader (BAI2, MT940, MT942, camt.053/054, NACHA, lockbox, bank CSV, and
// format detection), strict and lenient. The first byte picks the format and the mode.
#include "fuzz_util.hpp"
#include "otc/import/bank/bank_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace otc;
  if (size < 1) return 0;
  using F = import::BankFormat;
  static const F kFormats[] = {F::kAuto, F::kCsv, F::kBai2, F::kMt940, F::kMt942, F::kCamt053, F::kCamt054, F::kNacha, F::kLockbox};
  const F format = kFormats[(data[0] & 0x0F) % 9];
  import::BankReadOptions o;
  o.lenient = (data[0] & 0x10) != 0;
  o.csv_decimal_comma = (data[0] & 0x20) != 0;
  auto input = fuzz::as_view(data + 1, size - 1);
  fuzz::expect_only_otc_errors([&] {
    auto r = import::read_bank_data("fuzz.bank", input, format, o);
    for (const auto& t : r.transactions)
      if (!t.booking_date.in_range()) __builtin_trap();
  });
  return 0;
}
