#include "sim/remit_sim.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>
#include <unordered_set>

#include "otc/engine/name_match.hpp"

namespace otc::sim {

using engine::Application;
using engine::MatchCustomer;
using engine::MatchResult;
using engine::normalize_name;
using engine::OpenInvoice;

const char* scenario_name(RemitScenario s) {
  switch (s) {
    case RemitScenario::kCleanReference: return "clean-reference";
    case RemitScenario::kTextReference: return "text-reference";
    case RemitScenario::kTypoReference: return "typo-reference";
    case RemitScenario::kNoReference: return "no-reference";
    case RemitScenario::kCombinedRefs: return "combined-refs";
    case RemitScenario::kCombinedNoRefs: return "combined-no-refs";
    case RemitScenario::kShortPay: return "short-pay";
    case RemitScenario::kPartial: return "partial";
    case RemitScenario::kOverpayment: return "overpayment";
    case RemitScenario::kOtherCompany: return "other-company";
    case RemitScenario::kDuplicateLine: return "duplicate-line";
    case RemitScenario::kDebit: return "debit";
  }
  return "?";
}

namespace {

// xoshiro256** seeded by splitmix64: the same numbers on every platform (unlike <random>'s
// distributions, whose algorithms are left to the library).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) {
    for (auto& s : s_) {
      seed += 0x9e3779b97f4a7c15ULL;
      std::uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
      s = z ^ (z >> 31);
    }
  }
  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  /// Uniform in [0, n).
  std::uint64_t below(std::uint64_t n) {
    return n == 0 ? 0 : static_cast<std::uint64_t>((static_cast<unsigned __int128>(next()) * n) >> 64);
  }
  /// Uniform in [lo, hi].
  std::int64_t range(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo + 1)));
  }
  /// True with probability pct/100.
  bool percent(int pct) { return below(100) < static_cast<std::uint64_t>(pct); }
  template <typename T, std::size_t N>
  const T& pick(const std::array<T, N>& a) { return a[below(N)]; }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

constexpr std::array<std::string_view, 40> kCommonBrands = {
    "Summit",   "Pioneer",  "Apex",     "Eagle",    "Pacific",   "Atlantic", "Golden",  "Silver",
    "Central",  "United",   "First",    "National", "American",  "Global",   "Premier", "Delta",
    "Sterling", "Liberty",  "Heritage", "Evergreen", "Red Oak",  "Blue River", "Northern", "Southern",
    "Coastal",  "Metro",    "Capital",  "Pinnacle", "Horizon",   "Frontier", "Acme",    "Northwind",
    "Keystone", "Granite",  "Harbor",   "Lakeside", "Riverside", "Sunrise",  "Cascade", "Meridian"};

constexpr std::array<std::string_view, 48> kDescriptors = {
    "Logistics",     "Foods",          "Systems",       "Medical",       "Industrial Supply",
    "Construction",  "Consulting",     "Software",      "Manufacturing", "Holdings",
    "Partners",      "Services",       "Technologies",  "Engineering",   "Pharmaceuticals",
    "Energy",        "Retail",         "Distribution",  "Marketing",     "Design",
    "Laboratories",  "Transport",      "Healthcare",    "Electric",      "Plastics",
    "Textiles",      "Hardware",       "Analytics",     "Media",         "Group",
    "International", "Solutions",      "Networks",      "Aerospace",     "Automotive",
    "Brewing",       "Farms",          "Dental",        "Legal Services", "Insurance Agency",
    "Packaging",     "Printing",       "Roofing",       "Security",      "Staffing",
    "Furniture",     "Paper Products", "Water Works"};

constexpr std::array<std::string_view, 12> kLegal = {"Inc.", "Inc", "Corp.", "Corporation", "LLC", "Ltd",
                                                     "GmbH", "Co.", "Limited", "PLC", "L.L.C.", "Incorporated"};
constexpr std::array<std::string_view, 10> kRegions = {"West", "East", "North America", "Europe", "Midwest",
                                                       "Texas", "Ohio", "Canada", "Southeast", "Mountain"};
constexpr std::array<std::string_view, 14> kOnsets = {"B", "C", "D", "F", "G", "K", "L", "M",
                                                      "N", "P", "R", "S", "T", "V"};
constexpr std::array<std::string_view, 10> kNuclei = {"a", "e", "i", "o", "u", "ai", "or", "en", "ar", "el"};
constexpr std::array<std::string_view, 10> kCodas = {"x", "n", "t", "s", "ra", "va", "on", "ix", "tek", "co"};

constexpr std::array<std::int64_t, 16> kPrices = {9900,   19900,  25000,  49900,  50000,  75000,
                                                  99900,  100000, 120000, 150000, 199900, 250000,
                                                  300000, 499900, 500000, 1000000};

std::string syllable_brand(Rng& rng) {
  std::string s;
  const int syllables = static_cast<int>(rng.range(2, 3));
  for (int i = 0; i < syllables; ++i) {
    s += rng.pick(kOnsets);
    s += rng.pick(kNuclei);
  }
  s += rng.pick(kCodas);
  for (std::size_t i = 1; i < s.size(); ++i)
    if (s[i] >= 'A' && s[i] <= 'Z') s[i] = static_cast<char>(s[i] - 'A' + 'a');
  return s;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string pad_number(std::int64_t n, int width) {
  std::string digits = std::to_string(n);
  if (static_cast<int>(digits.size()) < width) digits.insert(0, width - digits.size(), '0');
  return digits;
}

struct GenCustomer {
  std::string brand;
  std::string descriptor;
  std::string legal;
  std::string region;
};

struct Generator {
  const RemitSimConfig& cfg;
  Rng rng;
  RemitSimData data;
  std::vector<GenCustomer> gen;
  std::vector<std::vector<std::uint32_t>> unused;  // per customer: unused invoice positions
  std::vector<std::uint32_t> customer_pos_of_invoice;
  std::vector<char> used;
  std::vector<std::uint64_t> cumulative;  // customer weights for invoice assignment
  std::int64_t bank_seq = 0;
  core::Currency usd;
  core::Date as_of;

  explicit Generator(const RemitSimConfig& c) : cfg(c), rng(c.seed) {
    usd = *core::find_currency("USD");
    as_of = *core::Date::from_ymd(2026, 3, 1);
  }

  void make_customers() {
    std::unordered_set<std::string> taken;
    const int n = std::max(1, cfg.customers);
    data.customers.reserve(n);
    gen.reserve(n);
    for (int i = 0; i < n; ++i) {
      GenCustomer g;
      std::string name;
      for (int attempt = 0;; ++attempt) {
        g.brand = rng.percent(45) ? std::string(rng.pick(kCommonBrands)) : syllable_brand(rng);
        g.descriptor = rng.percent(90) ? std::string(rng.pick(kDescriptors)) : "";
        g.region = attempt >= 3 ? std::string(rng.pick(kRegions)) : "";
        if (attempt >= 6) g.region += " " + std::to_string(attempt);
        name = g.brand;
        if (!g.descriptor.empty()) name += " " + g.descriptor;
        if (!g.region.empty()) name += " " + g.region;
        if (taken.insert(normalize_name(name)).second) break;
      }
      g.legal = rng.percent(85) ? std::string(rng.pick(kLegal)) : "";
      if (!g.legal.empty()) {
        name += rng.percent(70) ? " " : ", ";
        name += g.legal;
      }
      MatchCustomer mc;
      mc.id = 1000 + i;
      mc.name = name;
      if (rng.percent(20)) {
        // A trade name learned from an earlier confirmed payment.
        std::string alias = g.brand + " " + std::string(rng.pick(kDescriptors));
        if (taken.insert(normalize_name(alias)).second) mc.aliases.push_back(alias);
      }
      if (rng.percent(50)) mc.bank_accounts.push_back(pad_number(rng.range(100000000LL, 999999999999LL), 12));
      data.customers.push_back(std::move(mc));
      gen.push_back(std::move(g));
    }
    // Skewed sizes: most customers have a few open invoices, some have many.
    cumulative.resize(n);
    std::uint64_t total = 0;
    for (int i = 0; i < n; ++i) {
      const std::uint64_t u = rng.below(1000);
      total += 1 + (u * u * u) / 25000000;  // 1 .. 40, mean about 11
      cumulative[i] = total;
    }
  }

  std::uint32_t weighted_customer() {
    const std::uint64_t x = rng.below(cumulative.back());
    return static_cast<std::uint32_t>(std::upper_bound(cumulative.begin(), cumulative.end(), x) - cumulative.begin());
  }

  std::int64_t invoice_amount() {
    if (rng.percent(15)) return rng.pick(kPrices);
    std::int64_t dollars = 0;
    const auto band = rng.below(100);
    if (band < 35) dollars = rng.range(50, 499);
    else if (band < 80) dollars = rng.range(500, 4999);
    else dollars = rng.range(5000, 49999);
    const std::int64_t cents = rng.percent(30) ? 0 : rng.range(0, 99);
    return dollars * 100 + cents;
  }

  void make_invoices() {
    const int n = std::max(1, cfg.invoices);
    data.invoices.reserve(n);
    unused.assign(data.customers.size(), {});
    customer_pos_of_invoice.reserve(n);
    std::int64_t seq = 10000;
    for (int i = 0; i < n; ++i) {
      seq += 1 + static_cast<std::int64_t>(rng.below(3));  // paid invoices leave gaps
      const std::uint32_t c = weighted_customer();
      OpenInvoice inv;
      inv.id = i + 1;
      inv.number = "INV-" + pad_number(seq, 6);
      inv.customer_id = data.customers[c].id;
      inv.currency = usd;
      inv.open_minor = invoice_amount();
      inv.invoice_date = as_of.add_days(-static_cast<std::int32_t>(rng.range(1, 150)));
      inv.due_date = inv.invoice_date.add_days(rng.percent(70) ? 30 : 45);
      unused[c].push_back(static_cast<std::uint32_t>(i));
      customer_pos_of_invoice.push_back(c);
      data.invoices.push_back(std::move(inv));
    }
    used.assign(n, 0);
  }

  // A random unused invoice (nullopt when the book is exhausted).
  std::optional<std::uint32_t> take_invoice() {
    for (int tries = 0; tries < 64; ++tries) {
      const auto i = static_cast<std::uint32_t>(rng.below(data.invoices.size()));
      if (used[i]) continue;
      used[i] = 1;
      return i;
    }
    return std::nullopt;
  }

  // k unused invoices of one customer (empty when none has enough).
  std::vector<std::uint32_t> take_group(int k) {
    for (int tries = 0; tries < 64; ++tries) {
      const auto seed_inv = static_cast<std::uint32_t>(rng.below(data.invoices.size()));
      const std::uint32_t c = customer_pos_of_invoice[seed_inv];
      std::vector<std::uint32_t> free;
      for (std::uint32_t i : unused[c])
        if (!used[i]) free.push_back(i);
      if (static_cast<int>(free.size()) < k) continue;
      std::vector<std::uint32_t> out;
      for (int j = 0; j < k; ++j) {
        const auto p = rng.below(free.size());
        out.push_back(free[p]);
        used[free[p]] = 1;
        free.erase(free.begin() + static_cast<std::ptrdiff_t>(p));
      }
      return out;
    }
    return {};
  }

  // How the bank shows the payer: name variants, accounts on file or not.
  void payer(std::uint32_t c, domain::BankTransaction& t) {
    const MatchCustomer& mc = data.customers[c];
    const GenCustomer& g = gen[c];
    std::string base = g.brand;
    if (!g.descriptor.empty()) base += " " + g.descriptor;
    if (!g.region.empty()) base += " " + g.region;
    const auto v = rng.below(100);
    std::string name;
    if (v < 25) name = mc.name;
    else if (v < 45) name = upper(mc.name);
    else if (v < 55) name = base + (rng.percent(50) ? " Corporation Inc." : " CORP");
    else if (v < 65) name = upper(mc.name).substr(0, 18);
    else if (v < 73) {
      // One typo in the longest word.
      name = upper(base);
      std::size_t best = 0, len = 0, start = 0;
      for (std::size_t i = 0; i <= name.size(); ++i)
        if (i == name.size() || name[i] == ' ') {
          if (i - start > len) {
            len = i - start;
            best = start;
          }
          start = i + 1;
        }
      if (len >= 5) {
        const std::size_t p = best + 1 + rng.below(len - 2);
        switch (rng.below(3)) {
          case 0: std::swap(name[p], name[p + 1]); break;
          case 1: name.erase(p, 1); break;
          default: name[p] = static_cast<char>('A' + rng.below(26)); break;
        }
      }
    } else if (v < 80) name = mc.aliases.empty() ? mc.name : upper(mc.aliases[0]);
    else if (v < 85) {
      name = base;
      for (auto [from, to] : {std::pair<std::string_view, std::string_view>{"International", "Intl"},
                              {"Services", "Svcs"}, {"Manufacturing", "Mfg"}, {"Technologies", "Tech"},
                              {"Laboratories", "Labs"}, {"Distribution", "Dist"}, {"Industrial", "Ind"}}) {
        const auto at = name.find(from);
        if (at != std::string::npos) name.replace(at, from.size(), to);
      }
      name += " LLC";
    } else {
      name.clear();  // the bank gave no name
    }
    // Banks drop the name mostly where they carry the account; an account on file is used
    // 60% of the time, otherwise the payer pays from an account we do not know (or none shows).
    if (name.empty() && mc.bank_accounts.empty()) name = upper(mc.name);
    t.payer_name = name;
    if (!mc.bank_accounts.empty() && (name.empty() || rng.percent(60))) t.payer_account = mc.bank_accounts[0];
    else if (rng.percent(70)) t.payer_account = pad_number(rng.range(100000000LL, 999999999999LL), 12);
  }

  static std::string digits_of(std::string_view number) {
    std::string d;
    for (char c : number)
      if (c >= '0' && c <= '9') d.push_back(c);
    return d;
  }

  static std::string strip_zeros(const std::string& d) {
    std::size_t z = 0;
    while (z + 1 < d.size() && d[z] == '0') ++z;
    return d.substr(z);
  }

  // The invoice number as a customer writes it in a structured reference field.
  std::string structured_ref(const OpenInvoice& inv) {
    const auto v = rng.below(100);
    const std::string d = digits_of(inv.number);
    if (v < 70) return inv.number;
    if (v < 80) return "INV" + d;
    if (v < 90) return d;
    return "INV " + strip_zeros(d);
  }

  // ... and in free text.
  std::string text_ref(const OpenInvoice& inv) {
    const std::string d = digits_of(inv.number);
    switch (rng.below(8)) {
      case 0: return "Payment inv " + strip_zeros(d);
      case 1: return "INV " + d;
      case 2: return "#" + strip_zeros(d);
      case 3: return "Invoice no. " + d;
      case 4: return inv.number + " thank you";
      case 5: return "PMT FOR INV" + d;
      case 6: return "Inv#" + strip_zeros(d) + " paid in full";
      default: return strip_zeros(d);
    }
  }

  std::string typo(const std::string& d) {
    std::string s = d;
    const auto v = rng.below(100);
    if (v < 30 && s.size() >= 2) {
      std::size_t p = rng.below(s.size() - 1);
      for (int i = 0; i < 8 && s[p] == s[p + 1]; ++i) p = rng.below(s.size() - 1);
      std::swap(s[p], s[p + 1]);
    } else if (v < 55) {
      const std::size_t p = rng.below(s.size());
      char c = s[p];
      while (c == s[p]) c = static_cast<char>('0' + rng.below(10));
      s[p] = c;
    } else if (v < 75 && s.size() >= 2) {
      s.erase(rng.below(s.size()), 1);
    } else if (v < 90 && s.size() >= 4) {
      s.resize(s.size() - 1 - rng.below(2));  // the field was cut
    } else {
      s.insert(rng.below(s.size() + 1), 1, static_cast<char>('0' + rng.below(10)));
    }
    return s;
  }

  std::string noise_prefix() {
    switch (rng.below(6)) {
      case 0: return "ACH CREDIT ";
      case 1: return "WIRE IN ";
      case 2: return "REMIT ";
      default: return "";
    }
  }

  void reference(const OpenInvoice& inv, domain::BankTransaction& t) {
    if (rng.percent(60)) t.remittance_refs.push_back(structured_ref(inv));
    else t.remittance_text = noise_prefix() + text_ref(inv);
  }

  domain::BankTransaction base_tx(int r) {
    domain::BankTransaction t;
    const int span = std::max(1, cfg.receipts / 20);
    t.booking_date = as_of.add_days(1 + r / span);
    t.value_date = t.booking_date;
    t.currency = usd;
    t.direction = domain::Direction::kCredit;
    t.bank_reference = "BR" + pad_number(++bank_seq, 10);
    t.account = "OPERATING-1";
    t.type_code = rng.percent(70) ? "ACH" : "WIRE";
    return t;
  }

  RemitScenario pick_scenario() {
    int total = 0;
    for (int w : cfg.mix.weights) total += std::max(0, w);
    if (total == 0) return RemitScenario::kCleanReference;
    auto x = static_cast<int>(rng.below(static_cast<std::uint64_t>(total)));
    for (int s = 0; s < kRemitScenarioCount; ++s) {
      x -= std::max(0, cfg.mix.weights[s]);
      if (x < 0) return static_cast<RemitScenario>(s);
    }
    return RemitScenario::kCleanReference;
  }

  // One receipt; false when the scenario could not be built (the caller picks another).
  bool make_receipt(int r, RemitScenario s) {
    domain::BankTransaction t = base_tx(r);
    RemitTruth truth;
    truth.scenario = s;
    switch (s) {
      case RemitScenario::kCleanReference:
      case RemitScenario::kTextReference:
      case RemitScenario::kTypoReference:
      case RemitScenario::kNoReference:
      case RemitScenario::kShortPay:
      case RemitScenario::kPartial:
      case RemitScenario::kOverpayment: {
        const auto pos = take_invoice();
        if (!pos) return false;
        const OpenInvoice& inv = data.invoices[*pos];
        payer(customer_pos_of_invoice[*pos], t);
        std::int64_t paid = inv.open_minor;
        if (s == RemitScenario::kCleanReference) {
          t.remittance_refs.push_back(structured_ref(inv));
        } else if (s == RemitScenario::kTextReference) {
          t.remittance_text = noise_prefix() + text_ref(inv);
        } else if (s == RemitScenario::kTypoReference) {
          const std::string bad = typo(digits_of(inv.number));
          if (rng.percent(50)) t.remittance_refs.push_back("INV-" + bad);
          else t.remittance_text = noise_prefix() + "inv " + bad;
        } else if (s == RemitScenario::kNoReference) {
          t.remittance_text = rng.percent(50) ? "PAYMENT THANK YOU" : "";
        } else if (s == RemitScenario::kShortPay) {
          reference(inv, t);
          std::int64_t shortfall = 0;
          if (inv.open_minor >= 100000 && rng.percent(50)) shortfall = 1500 + 500 * rng.range(0, 2);
          else shortfall = inv.open_minor * rng.range(1, 2) / 100;
          if (shortfall <= 0 || shortfall >= inv.open_minor) shortfall = 1;
          paid = inv.open_minor - shortfall;
        } else if (s == RemitScenario::kPartial) {
          reference(inv, t);
          paid = inv.open_minor * rng.range(30, 70) / 100 / 100 * 100;
          if (paid <= 0) paid = inv.open_minor / 2;
          if (paid <= 0) return false;
        } else {
          reference(inv, t);
          const std::int64_t extra = rng.percent(50) ? inv.open_minor * rng.range(1, 5) / 100 + 1 : rng.range(1000, 5000);
          paid = inv.open_minor + extra;
          truth.on_account_minor = extra;
        }
        t.amount_minor = paid;
        truth.parts.emplace_back(inv.id, s == RemitScenario::kOverpayment ? inv.open_minor : paid);
        break;
      }
      case RemitScenario::kCombinedRefs:
      case RemitScenario::kCombinedNoRefs: {
        const int k = s == RemitScenario::kCombinedRefs ? static_cast<int>(rng.range(2, 4)) : static_cast<int>(rng.range(2, 3));
        std::vector<std::uint32_t> group = take_group(k);
        if (group.empty()) return false;
        payer(customer_pos_of_invoice[group[0]], t);
        std::int64_t sum = 0;
        std::string list;
        const bool with_typo = s == RemitScenario::kCombinedRefs && rng.percent(20);
        const std::size_t typo_at = rng.below(group.size());
        const bool structured = rng.percent(60);
        for (std::size_t j = 0; j < group.size(); ++j) {
          const OpenInvoice& inv = data.invoices[group[j]];
          sum += inv.open_minor;
          truth.parts.emplace_back(inv.id, inv.open_minor);
          if (s == RemitScenario::kCombinedNoRefs) continue;
          std::string ref = with_typo && j == typo_at ? "INV-" + typo(digits_of(inv.number)) : inv.number;
          if (!structured && j > 0) ref = strip_zeros(digits_of(ref));
          if (!list.empty()) list += structured ? ", " : "/";
          list += ref;
        }
        if (s == RemitScenario::kCombinedRefs) {
          if (structured) t.remittance_refs.push_back(list);
          else t.remittance_text = noise_prefix() + "Invoices " + list;
        } else {
          t.remittance_text = rng.percent(50) ? "PAYMENT" : "";
        }
        t.amount_minor = sum;
        break;
      }
      case RemitScenario::kOtherCompany: {
        t.payer_name = syllable_brand(rng) + " " + std::string(rng.pick(kDescriptors)) + " " +
                       std::string(rng.pick(kLegal));
        t.payer_account = pad_number(rng.range(100000000LL, 999999999999LL), 12);
        const auto v = rng.below(100);
        const OpenInvoice& any = data.invoices[rng.below(data.invoices.size())];
        if (v < 50) t.remittance_refs.push_back(any.number);  // their supplier numbers like ours
        else if (v < 75) t.remittance_text = "Bill " + std::to_string(rng.range(2020, 2026)) + "-" + std::to_string(rng.range(1, 999));
        t.amount_minor = invoice_amount();
        break;
      }
      case RemitScenario::kDuplicateLine: {
        if (data.receipts.empty()) return false;
        const auto p = rng.below(data.receipts.size());
        if (data.receipts[p].direction != domain::Direction::kCredit) return false;
        t = data.receipts[p];
        --bank_seq;
        break;
      }
      case RemitScenario::kDebit: {
        t.direction = domain::Direction::kDebit;
        t.amount_minor = 1500 + 500 * rng.range(0, 6);
        t.remittance_text = "SERVICE CHARGE";
        t.type_code = "FEE";
        break;
      }
    }
    data.receipts.push_back(std::move(t));
    data.truth.push_back(std::move(truth));
    return true;
  }

  void make_receipts() {
    const int n = std::max(0, cfg.receipts);
    data.receipts.reserve(n);
    data.truth.reserve(n);
    for (int r = 0; r < n; ++r) {
      bool made = false;
      for (int attempt = 0; attempt < 8 && !made; ++attempt) made = make_receipt(r, pick_scenario());
      if (!made) made = make_receipt(r, RemitScenario::kOtherCompany);
    }
  }
};

}  // namespace

RemitSimData simulate_remittance(const RemitSimConfig& config) {
  Generator g(config);
  g.make_customers();
  g.make_invoices();
  g.make_receipts();
  return std::move(g.data);
}

double RemitScore::precision() const {
  return applications == 0 ? 1.0 : 1.0 - static_cast<double>(wrong_applications) / static_cast<double>(applications);
}

double RemitScore::auto_apply_rate() const {
  return applicable == 0 ? 0.0 : static_cast<double>(applied_applicable) / static_cast<double>(applicable);
}

RemitScore score_matches(const RemitSimData& data, const MatchResult& result) {
  RemitScore score;
  score.receipts = data.receipts.size();
  std::vector<int> applied(data.receipts.size(), 0);
  std::vector<int> wrong(data.receipts.size(), 0);
  for (const Application& a : result.applications) {
    if (a.receipt >= data.truth.size()) continue;
    ++score.applications;
    ++applied[a.receipt];
    const RemitTruth& t = data.truth[a.receipt];
    const bool right = std::any_of(t.parts.begin(), t.parts.end(), [&](const auto& p) {
      return p.first == a.invoice_id && p.second == a.amount_minor;
    });
    if (!right) {
      ++score.wrong_applications;
      ++wrong[a.receipt];
    }
  }
  for (std::size_t r = 0; r < data.truth.size(); ++r) {
    const RemitTruth& t = data.truth[r];
    RemitScenarioScore& s = score.by_scenario[static_cast<int>(t.scenario)];
    ++s.receipts;
    if (!t.parts.empty()) ++score.applicable;
    if (applied[r] > 0) {
      ++score.applied_receipts;
      ++s.applied;
      if (!t.parts.empty()) ++score.applied_applicable;
      if (wrong[r] == 0 && applied[r] == static_cast<int>(t.parts.size())) ++score.fully_right_receipts;
    }
    if (wrong[r] > 0) ++s.wrong;
  }
  return score;
}

}  // namespace otc::sim
