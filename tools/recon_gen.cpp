// recon_gen: writes a seeded CRM contract-billing export and an ERP invoice-line export of N lines
// each, with a planted share of every billing break type, and a truth file listing exactly the
// planted breaks (type,keys). Both files come out in a shuffled order, as real exports do.
//
//   recon_gen --lines 1000000 --seed 42 --rate 0.01 --noise 0.01 --out DIR
//
// --rate: share of lines planted with each break type (9 types). --noise: share of lines whose
// ERP amount is off by one minor unit, which a tolerance of 1 must not report.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "otc/core/money.hpp"
#include "otc/engine/reconcile.hpp"

namespace {

std::uint64_t splitmix(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

enum Plant : std::uint8_t {
  kNone,
  kMissingInErp,
  kMissingInCrm,
  kCustomer,
  kQuantity,
  kPrice,
  kDiscount,
  kAmount,
  kCurrency,
  kDuplicate,
  kNoise,
};
const char* const kPlantType[] = {"",
                                  "missing_in_erp",
                                  "missing_in_crm",
                                  "customer_mismatch",
                                  "quantity_difference",
                                  "price_difference",
                                  "discount_difference",
                                  "amount_difference",
                                  "currency_mismatch",
                                  "duplicate_billing",
                                  ""};

const char* const kProducts[] = {"SEATS", "SUPPORT", "API-CALLS"};
const char* const kCurrencies[] = {"USD", "USD", "USD", "USD", "EUR", "GBP"};
const std::int64_t kPricesMicros[] = {49'000'000, 99'000'000, 12'500'000, 250'000'000, 2'500, 1'000'000};

struct Line {
  char contract[24];
  char period[8];
  const char* product;
  char customer[16];
  std::int64_t quantity;     // whole units
  std::int64_t price;        // micros
  std::int64_t discount;     // minor units
  std::int64_t amount;       // minor units
  const char* currency;
};

std::int64_t line_amount(const Line& l) {
  // quantity × price in micros -> cents, half-even; minus the discount.
  __int128 micros = static_cast<__int128>(l.quantity) * l.price;
  return otc::core::divide_rounded(micros, 10'000, otc::core::Rounding::kHalfEven) - l.discount;
}

Line base_line(std::uint64_t seed, std::uint64_t i) {
  std::uint64_t st = seed ^ (i * 0x9E3779B97F4A7C15ULL);
  Line l;
  std::snprintf(l.contract, sizeof l.contract, "CTR-%07llu", static_cast<unsigned long long>(i / 3));
  std::snprintf(l.period, sizeof l.period, "2026-%02d", static_cast<int>(1 + (i / 3) % 12));
  l.product = kProducts[i % 3];
  std::snprintf(l.customer, sizeof l.customer, "CUST-%06llu", static_cast<unsigned long long>((i / 3) % 200000));
  l.currency = kCurrencies[(i / 3) % 6];
  l.quantity = 1 + static_cast<std::int64_t>(splitmix(st) % 50);
  l.price = kPricesMicros[splitmix(st) % 6];
  if (l.product[0] == 'A') l.quantity *= 1000;  // usage lines: many calls at a tiny price
  l.discount = splitmix(st) % 10 == 0 ? 500 : 0;
  l.amount = line_amount(l);
  return l;
}

struct Out {
  FILE* f;
  std::string buf;
  void flush() {
    std::fwrite(buf.data(), 1, buf.size(), f);
    buf.clear();
  }
  void maybe_flush() {
    if (buf.size() > (1u << 20)) flush();
  }
};

void append_fields(std::string& b, const Line& l, const char* customer) {
  b += l.contract;
  b += ',';
  b += l.period;
  b += ',';
  b += l.product;
  b += ',';
  b += customer;
  b += ',';
  b += std::to_string(l.quantity);
  b += ',';
  b += otc::engine::micros_text(l.price);
  b += ',';
  otc::core::append_amount(b, l.discount, 2);
  b += ',';
  otc::core::append_amount(b, l.amount, 2);
  b += ',';
  b += l.currency;
}

std::string keys_of(const Line& l) { return std::string(l.contract) + "|" + l.period + "|" + l.product; }

int usage() {
  std::fprintf(stderr, "usage: recon_gen [--lines N] [--seed S] [--rate R] [--noise R] --out DIR\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t n = 1'000'000, seed = 42;
  double rate = 0.01, noise = 0.01;
  std::string dir;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (i + 1 >= argc) return usage();
    if (a == "--lines") n = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--seed") seed = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--rate") rate = std::strtod(argv[++i], nullptr);
    else if (a == "--noise") noise = std::strtod(argv[++i], nullptr);
    else if (a == "--out") dir = argv[++i];
    else return usage();
  }
  if (dir.empty() || n == 0 || rate < 0 || noise < 0 || rate * 9 + noise > 1) return usage();

  // Plant each type on its own distinct lines.
  std::vector<std::uint8_t> plant(n, kNone);
  std::uint64_t rng = seed;
  const std::uint64_t per_type = static_cast<std::uint64_t>(static_cast<double>(n) * rate);
  const std::uint64_t noise_count = static_cast<std::uint64_t>(static_cast<double>(n) * noise);
  auto pick = [&](std::uint8_t type, std::uint64_t count) {
    for (std::uint64_t k = 0; k < count;) {
      std::uint64_t i = splitmix(rng) % n;
      if (plant[i] != kNone) continue;
      plant[i] = type;
      ++k;
    }
  };
  for (std::uint8_t t = kMissingInErp; t <= kDuplicate; ++t) pick(t, per_type);
  pick(kNoise, noise_count);

  // Shuffled output orders, one per side.
  auto permutation = [&](std::uint64_t salt) {
    std::vector<std::uint32_t> p(n);
    for (std::uint64_t i = 0; i < n; ++i) p[i] = static_cast<std::uint32_t>(i);
    std::uint64_t st = seed ^ salt;
    for (std::uint64_t i = n - 1; i > 0; --i) std::swap(p[i], p[splitmix(st) % (i + 1)]);
    return p;
  };

  Out crm{std::fopen((dir + "/crm.csv").c_str(), "wb"), {}};
  Out erp{std::fopen((dir + "/erp.csv").c_str(), "wb"), {}};
  Out truth{std::fopen((dir + "/truth.csv").c_str(), "wb"), {}};
  if (!crm.f || !erp.f || !truth.f) {
    std::fprintf(stderr, "recon_gen: cannot write into %s\n", dir.c_str());
    return 1;
  }
  crm.buf = "contract_id,period,product,customer_id,quantity,unit_price,discount,amount,currency\n";
  erp.buf = "invoice_line,contract_id,period,product,customer_id,quantity,unit_price,discount,amount,currency\n";
  truth.buf = "type,keys\n";

  {
    auto order = permutation(1);
    for (std::uint32_t i : order) {
      Line l = base_line(seed, i);
      append_fields(crm.buf, l, l.customer);
      crm.buf += '\n';
      crm.maybe_flush();
    }
  }
  std::uint64_t invoice = 100000;
  auto emit_erp = [&](const Line& l, const char* customer) {
    erp.buf += "INV-";
    erp.buf += std::to_string(invoice++);
    erp.buf += "-1,";
    append_fields(erp.buf, l, customer);
    erp.buf += '\n';
    erp.maybe_flush();
  };
  std::vector<std::string> truth_rows;
  auto order = permutation(2);
  for (std::uint32_t i : order) {
    Line l = base_line(seed, i);
    std::uint64_t st = seed * 31 + i;
    Line e = l;
    const char* customer = l.customer;
    char other_customer[16];
    switch (plant[i]) {
      case kMissingInErp: break;
      case kMissingInCrm: {
        Line x = l;
        std::snprintf(x.contract, sizeof x.contract, "CTX-%07u", i);
        emit_erp(x, x.customer);
        truth_rows.push_back(std::string(kPlantType[kMissingInCrm]) + "," + keys_of(x));
        break;
      }
      case kCustomer:
        std::snprintf(other_customer, sizeof other_customer, "CUST-9%05u", i % 100000);
        customer = other_customer;
        break;
      case kQuantity:
        e.quantity += 1 + static_cast<std::int64_t>(splitmix(st) % 5);
        e.amount = line_amount(e);
        break;
      case kPrice:
        e.price += 1'000'000;
        e.amount = line_amount(e);
        break;
      case kDiscount:
        e.discount += 500;
        e.amount = line_amount(e);
        break;
      case kAmount: {
        std::int64_t d = 2 + static_cast<std::int64_t>(splitmix(st) % 1000);
        e.amount += splitmix(st) % 2 ? d : -d;
        break;
      }
      case kCurrency: e.currency = std::strcmp(l.currency, "CAD") == 0 ? "USD" : "CAD"; break;
      case kDuplicate: emit_erp(e, customer); break;
      case kNoise: e.amount += splitmix(st) % 2 ? 1 : -1; break;
      default: break;
    }
    if (plant[i] != kMissingInErp) emit_erp(e, customer);
    if (plant[i] != kNone && plant[i] != kNoise && plant[i] != kMissingInCrm)
      truth_rows.push_back(std::string(kPlantType[plant[i]]) + "," + keys_of(l));
  }
  std::sort(truth_rows.begin(), truth_rows.end());
  for (const auto& r : truth_rows) {
    truth.buf += r;
    truth.buf += '\n';
    truth.maybe_flush();
  }
  crm.flush();
  erp.flush();
  truth.flush();
  std::fclose(crm.f);
  std::fclose(erp.f);
  std::fclose(truth.f);
  std::fprintf(stderr, "recon_gen: %llu CRM lines, %llu ERP lines, %zu planted breaks (%llu per type), %llu noise lines\n",
               static_cast<unsigned long long>(n), static_cast<unsigned long long>(invoice - 100000), truth_rows.size(),
               static_cast<unsigned long long>(per_type), static_cast<unsigned long long>(noise_count));
  return 0;
}
