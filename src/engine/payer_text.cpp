#include "otc/engine/payer_text.hpp"

#include <algorithm>
#include <array>

namespace otc::engine {
namespace {

char up(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

// Words that are about the payment, not the payer (compared upper-case, punctuation removed).
constexpr std::array<std::string_view, 73> kPaymentWords = {
    "PAYMENT", "PAYMENTS", "PMT",     "PMNT",    "PAY",      "PAID",     "INV",      "INVS",     "INVOICE",
    "INVOICES", "REF",     "RE",      "NO",      "NR",       "NUM",      "FOR",      "ACH",      "CREDIT",
    "CR",      "DEBIT",    "WIRE",    "IN",      "INCOMING", "TRANSFER", "TRF",      "XFER",     "REMIT",
    "REMITTANCE", "THANK", "THANKS",  "YOU",     "FULL",     "FROM",     "BY",       "ORDER",    "OF",
    "DEPOSIT", "SEPA",     "CCD",     "CTX",     "PPD",      "ONLINE",   "BANKING",  "BILL",     "BILLS",
    "GUTSCHRIFT", "UEBERWEISUNG", "RECHNUNG", "VIREMENT", "FACTURE", "FACTURA", "FATTURA", "OVERBOEKING",
    "SETTLEMENT", "AMOUNT", "ACCOUNT", "ACCT",  "TRANSACTION", "PARTIAL", "BALANCE", "AND", "DUE",
    // SWIFT-style tag names ("/ORDP/NAME/REMI/...")
    "ORDP", "ORDR", "REMI", "EREF", "BENM", "TRTP", "IBAN", "BIC", "CNTP", "ULTD", "PURP"};

bool has_digit(std::string_view w) {
  for (char c : w)
    if (c >= '0' && c <= '9') return true;
  return false;
}

bool has_letter(std::string_view w) {
  for (char c : w)
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80) return true;
  return false;
}

std::size_t letters(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
  return n;
}

}  // namespace

std::vector<std::string> name_spans(std::string_view text) {
  std::vector<std::string> spans;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) spans.push_back(std::move(cur));
    cur.clear();
  };
  std::size_t i = 0;
  while (i < text.size()) {
    // Tokens split on blanks and on the separators of tags ("/ORDP/", "ORG=", "B/O").
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '/' || text[i] == '=' || text[i] == ';' ||
                               text[i] == '|' || text[i] == '*' || text[i] == '\\')) {
      if (text[i] != ' ' && text[i] != '\t') flush();
      ++i;
    }
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\t' && text[j] != '/' && text[j] != '=' && text[j] != ';' &&
           text[j] != '|' && text[j] != '*' && text[j] != '\\')
      ++j;
    std::string_view w = text.substr(i, j - i);
    i = j;
    if (w.empty()) continue;
    const bool label = w.back() == ':' || w.front() == '#';
    std::string compact;
    for (char c : w)
      if (c != '.' && c != ',' && c != ':' && c != '#' && c != '-' && c != '\'') compact += up(c);
    const bool payment_word = std::find(kPaymentWords.begin(), kPaymentWords.end(), compact) != kPaymentWords.end();
    if (has_digit(w) || !has_letter(w) || payment_word || label) {
      flush();
      continue;
    }
    if (!cur.empty()) cur += ' ';
    cur.append(w);
  }
  flush();
  return spans;
}

std::vector<std::uint32_t> customers_named_in_text(const NameIndex& index, std::string_view text) {
  std::vector<std::uint32_t> out;
  for (const std::string& span : name_spans(text)) {
    std::vector<std::uint32_t> found;
    index.exact_owners(normalize_name(span), found);
    if (found.empty()) {
      // The name may be the start or the end of a run ("GUTSCHRIFT MUELLER GMBH").
      std::vector<std::size_t> starts;  // word starts
      for (std::size_t p = 0; p < span.size(); ++p)
        if (p == 0 || span[p - 1] == ' ') starts.push_back(p);
      for (std::size_t k = starts.size() - 1; k >= 1 && found.empty(); --k) {
        const std::string head = span.substr(0, starts[k] - 1);
        const std::string tail = span.substr(starts[starts.size() - k]);
        for (const std::string& part : {head, tail}) {
          // Two words at least: a cut name ("SUMMIT LOGISTI") is not a shorter customer's ("Summit").
          if (part.find(' ') == std::string::npos) continue;
          const std::string norm = normalize_name(part);
          if (norm.find(' ') == std::string::npos && letters(norm) < 4) continue;
          index.exact_owners(norm, found);
        }
      }
    }
    for (std::uint32_t o : found)
      if (std::find(out.begin(), out.end(), o) == out.end()) out.push_back(o);
  }
  return out;
}

}  // namespace otc::engine
