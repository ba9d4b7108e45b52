#include "otc/core/currency_names.hpp"

#include <cctype>
#include <string>

#include "otc/core/text.hpp"

namespace otc::core {
namespace {

struct NameRow {
  std::string_view code;
  std::string_view name;  // normalised: lower-case letters and digits only
};

// ISO 4217 names (and the spellings NetSuite, QuickBooks, Salesforce and Excel exports use),
// normalised. Several names may map to one code.
constexpr NameRow kNames[] = {
    {"AED", "uaedirham"}, {"AED", "unitedarabemiratesdirham"}, {"AFN", "afghani"}, {"ALL", "lek"},
    {"AMD", "armeniandram"}, {"AOA", "kwanza"}, {"ARS", "argentinepeso"}, {"AUD", "australiandollar"},
    {"AZN", "azerbaijanmanat"}, {"BAM", "convertiblemark"}, {"BDT", "taka"}, {"BGN", "bulgarianlev"},
    {"BHD", "bahrainidinar"}, {"BND", "bruneidollar"}, {"BOB", "boliviano"}, {"BRL", "brazilianreal"},
    {"BRL", "real"}, {"BWP", "pula"}, {"BYN", "belarusianruble"}, {"CAD", "canadiandollar"},
    {"CHF", "swissfranc"}, {"CLP", "chileanpeso"}, {"CNY", "yuanrenminbi"}, {"CNY", "chineseyuan"},
    {"CNY", "renminbi"}, {"CNY", "chineseyuanrenminbi"}, {"COP", "colombianpeso"}, {"CRC", "costaricancolon"},
    {"CZK", "czechkoruna"}, {"DKK", "danishkrone"}, {"DOP", "dominicanpeso"}, {"DZD", "algeriandinar"},
    {"EGP", "egyptianpound"}, {"ETB", "ethiopianbirr"}, {"EUR", "euro"}, {"EUR", "euros"},
    {"GBP", "poundsterling"}, {"GBP", "britishpound"}, {"GBP", "britishpoundsterling"}, {"GBP", "ukpound"},
    {"GBP", "ukpoundsterling"}, {"GEL", "lari"}, {"GHS", "ghanacedi"}, {"GTQ", "quetzal"},
    {"HKD", "hongkongdollar"}, {"HNL", "lempira"}, {"HUF", "forint"}, {"HUF", "hungarianforint"},
    {"IDR", "rupiah"}, {"IDR", "indonesianrupiah"}, {"ILS", "newisraelisheqel"}, {"ILS", "israelinewshekel"},
    {"ILS", "israelishekel"}, {"INR", "indianrupee"}, {"IQD", "iraqidinar"}, {"ISK", "icelandkrona"},
    {"ISK", "icelandickrona"}, {"JMD", "jamaicandollar"}, {"JOD", "jordaniandinar"}, {"JPY", "yen"},
    {"JPY", "japaneseyen"}, {"KES", "kenyanshilling"}, {"KRW", "won"}, {"KRW", "southkoreanwon"},
    {"KRW", "koreanwon"}, {"KWD", "kuwaitidinar"}, {"KZT", "tenge"}, {"LBP", "lebanesepound"},
    {"LKR", "srilankarupee"}, {"MAD", "moroccandirham"}, {"MXN", "mexicanpeso"}, {"MYR", "malaysianringgit"},
    {"NGN", "naira"}, {"NGN", "nigeriannaira"}, {"NOK", "norwegiankrone"}, {"NZD", "newzealanddollar"},
    {"OMR", "rialomani"}, {"OMR", "omanirial"}, {"PEN", "sol"}, {"PEN", "peruviansol"}, {"PHP", "philippinepeso"},
    {"PKR", "pakistanrupee"}, {"PLN", "zloty"}, {"PLN", "polishzloty"}, {"PYG", "guarani"}, {"QAR", "qataririal"},
    {"RON", "romanianleu"}, {"RSD", "serbiandinar"}, {"RUB", "russianruble"}, {"SAR", "saudiriyal"},
    {"SEK", "swedishkrona"}, {"SGD", "singaporedollar"}, {"THB", "baht"}, {"THB", "thaibaht"},
    {"TND", "tunisiandinar"}, {"TRY", "turkishlira"}, {"TWD", "newtaiwandollar"}, {"TWD", "taiwandollar"},
    {"UAH", "hryvnia"}, {"UAH", "ukrainianhryvnia"}, {"UGX", "ugandashilling"}, {"USD", "usdollar"},
    {"USD", "unitedstatesdollar"}, {"USD", "usdollars"}, {"USD", "americandollar"}, {"UYU", "pesouruguayo"},
    {"UYU", "uruguayanpeso"}, {"VND", "dong"}, {"VND", "vietnamesedong"}, {"XAF", "cfafrancbeac"},
    {"XOF", "cfafrancbceao"}, {"ZAR", "rand"}, {"ZAR", "southafricanrand"},
};

std::string normalised(std::string_view s) {
  std::string out;
  for (unsigned char c : s)
    if (std::isalnum(c)) out.push_back(static_cast<char>(std::tolower(c)));
  return out;
}

}  // namespace

std::optional<std::string_view> currency_code_for_name(std::string_view name) {
  std::string n = normalised(name);
  if (n.empty()) return std::nullopt;
  for (const auto& row : kNames)
    if (row.name == n) return row.code;
  return std::nullopt;
}

std::optional<Currency> currency_from_text(std::string_view text) {
  text = trim(text);
  if (auto c = find_currency(text)) return c;
  if (auto code = currency_code_for_name(text)) return find_currency(*code);
  // "USD - US Dollar", "US Dollar (USD)", "USD US Dollar": a known code among the words, and the
  // rest (if any) naming the same currency or nothing otc knows.
  std::optional<Currency> found;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
    std::size_t j = i;
    while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) ++j;
    std::string_view word = text.substr(i, j - i);
    bool upper = word.size() == 3 && std::isupper(static_cast<unsigned char>(word[0])) &&
                 std::isupper(static_cast<unsigned char>(word[1])) && std::isupper(static_cast<unsigned char>(word[2]));
    if (upper) {
      if (auto c = find_currency(word)) {
        if (found && !(*found == *c)) return std::nullopt;  // two different codes
        found = c;
      }
    }
    i = j;
  }
  return found;
}

}  // namespace otc::core
