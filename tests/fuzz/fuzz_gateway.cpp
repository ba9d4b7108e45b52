// libFuzzer: the payment gateway readers (Stripe, PayPal, detection). The first byte picks the
// format and the options.
#include "fuzz_util.hpp"
#include "otc/import/gateway.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace otc;
  if (size < 1) return 0;
  import::GatewayReadOptions o;
  o.format = static_cast<import::GatewayFormat>(data[0] % 3);
  o.include_non_posting = (data[0] & 0x10) != 0;
  if (data[0] & 0x20) o.decimal_comma = true;
  auto input = fuzz::as_view(data + 1, size - 1);
  fuzz::expect_only_otc_errors([&] { (void)import::read_gateway_data("fuzz.csv", input, o); });
  return 0;
}
