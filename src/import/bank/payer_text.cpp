#include "otc/import/bank/payer_text.hpp"

#include <algorithm>
#include <array>

namespace otc::import {
namespace {

enum class Kind { kName, kAccount, kIndName, kIndId, kOther };

struct Label {
  std::string_view text;
  Kind kind;
};

// Colon/equals labels banks print (compared upper-case), longest first where they share a start.
constexpr Label kLabels[] = {
    {"ORIG CO NAME", Kind::kName},      {"ORIGINATOR NAME", Kind::kName}, {"ORIG NAME", Kind::kName},
    {"COMPANY NAME", Kind::kName},      {"CO NAME", Kind::kName},         {"REMITTER NAME", Kind::kName},
    {"ORDERING CUST", Kind::kName},     {"RECEIVED FROM", Kind::kName},   {"PAID BY", Kind::kName},
    {"ORIGINATOR", Kind::kName},        {"ORIG CO ID", Kind::kAccount},   {"ORIG ID", Kind::kAccount},
    {"ORIG BK", Kind::kOther},          {"ORIG BANK", Kind::kOther},      {"ORIG ACCT", Kind::kAccount},
    {"ORIG", Kind::kName},              {"ORG ACCT", Kind::kAccount},     {"ORG", Kind::kName},
    {"BY ORDER OF", Kind::kName},       {"ORDERING CUSTOMER", Kind::kName}, {"ORDERING PARTY", Kind::kName},
    {"SENDER NAME", Kind::kName},       {"SNDR NAME", Kind::kName},       {"SENDER ACCT", Kind::kAccount},
    {"SNDR REF", Kind::kOther},         {"SENDER REF", Kind::kOther},     {"SENDER BK", Kind::kOther},
    {"SENDER", Kind::kName},            {"FROM", Kind::kName},            {"DBNM", Kind::kName},
    {"DEBTOR NAME", Kind::kName},       {"DEBTOR", Kind::kName},          {"PAYER NAME", Kind::kName},
    {"PAYER", Kind::kName},             {"REMITTER", Kind::kName},        {"DACT", Kind::kAccount},
    {"ACCOUNT", Kind::kAccount},        {"ACCT", Kind::kAccount},         {"IBAN", Kind::kAccount},
    {"COMPANY ID", Kind::kAccount},     {"CO ID", Kind::kAccount},        {"IND NAME", Kind::kIndName},
    {"INDIVIDUAL NAME", Kind::kIndName}, {"RECV NAME", Kind::kIndName},   {"RECEIVER NAME", Kind::kIndName},
    {"IND ID", Kind::kIndId},           {"INDIVIDUAL ID", Kind::kIndId},  {"CO ENTRY DESCR", Kind::kOther},
    {"ENTRY DESCR", Kind::kOther},      {"CO DISCR", Kind::kOther},       {"DESC DATE", Kind::kOther},
    {"TRACE NO", Kind::kOther},         {"TRACE#", Kind::kOther},         {"TRACE", Kind::kOther},
    {"SEC", Kind::kOther},              {"EED", Kind::kOther},            {"BNF NAME", Kind::kOther},
    {"BNF ID", Kind::kOther},           {"BNF BK", Kind::kOther},         {"BNF", Kind::kOther},
    {"BENEFICIARY", Kind::kOther},      {"OBI", Kind::kOther},            {"RFB", Kind::kOther},
    {"REF", Kind::kOther},              {"RMT", Kind::kOther},            {"ADDENDA", Kind::kOther},
    {"PMT DET", Kind::kOther},          {"PMT INFO", Kind::kOther},       {"WIRE TYPE", Kind::kOther},
    {"DATE", Kind::kOther},             {"TIME", Kind::kOther},           {"TRN", Kind::kOther},
    {"IMAD", Kind::kOther},             {"OMAD", Kind::kOther},           {"BBI", Kind::kOther},
    {"EREF", Kind::kOther},             {"CRNM", Kind::kOther},           {"CACT", Kind::kOther},
    {"ID", Kind::kOther},               {"INFO", Kind::kOther},           {"DESCR", Kind::kOther},
    {"ABA", Kind::kOther},              {"BIC", Kind::kOther},            {"B/O", Kind::kName},
    // Bank of America: "ACME CORP DES:PAYMENT ID:INV1013 INDN:OTC DEMO CO ID:1234567890 CCD"
    {"DES", Kind::kOther},              {"INDN", Kind::kIndName},
};

// SWIFT-style "/TAG/value" tags.
constexpr Label kSlashTags[] = {
    {"ORDP", Kind::kName}, {"ORDR", Kind::kName},  {"NAME", Kind::kName},  {"ACCT", Kind::kAccount},
    {"IBAN", Kind::kAccount}, {"ACCW", Kind::kAccount}, {"REMI", Kind::kOther}, {"EREF", Kind::kOther},
    {"BENM", Kind::kOther}, {"BIC", Kind::kOther},   {"TRTP", Kind::kOther}, {"CNTP", Kind::kOther},
    {"ULTD", Kind::kOther}, {"PURP", Kind::kOther},  {"ADDR", Kind::kOther}, {"RTRN", Kind::kOther},
};

char up(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

struct Found {
  std::size_t start = 0;  // where the label begins
  std::size_t value = 0;  // where its value begins
  Kind kind = Kind::kOther;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == ',' || s.front() == ';')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '/' || s.back() == ',' || s.back() == ';'))
    s.remove_suffix(1);
  return s;
}

bool is_label(const std::string& u, const Found& f, std::string_view text) {
  return u.compare(f.start, text.size(), text) == 0 && f.value >= f.start + text.size() + 1 &&
         f.value <= f.start + text.size() + 2;
}

std::vector<Found> find_labels(const std::string& u) {
  std::vector<Found> out;
  std::size_t i = 0;
  while (i < u.size()) {
    const bool boundary = i == 0 || u[i - 1] == ' ' || u[i - 1] == '/' || u[i - 1] == ',' || u[i - 1] == ';';
    if (u[i] == '/') {
      bool hit = false;
      for (const Label& l : kSlashTags) {
        if (u.compare(i + 1, l.text.size(), l.text) == 0 && i + 1 + l.text.size() < u.size() && u[i + 1 + l.text.size()] == '/') {
          out.push_back({i, i + 2 + l.text.size(), l.kind});
          i += 2 + l.text.size();
          hit = true;
          break;
        }
      }
      if (hit) continue;
    }
    if (boundary && is_letter(u[i])) {
      bool hit = false;
      for (const Label& l : kLabels) {
        const std::size_t end = i + l.text.size();
        if (end > u.size() || u.compare(i, l.text.size(), l.text) != 0) continue;
        const char next = end < u.size() ? u[end] : '\0';
        const bool spaced = (l.text == "B/O" || l.text == "BY ORDER OF") && next == ' ';
        if (next != ':' && next != '=' && !spaced) continue;
        std::size_t v = end + 1;
        if (v < u.size() && (u[v] == '=' || u[v] == ':')) ++v;  // "ORG:=x"
        out.push_back({i, v, l.kind});
        i = v;
        hit = true;
        break;
      }
      if (hit) continue;
      // Any other single word label ("XYZ:") ends the value before it.
      std::size_t j = i;
      while (j < u.size() && j - i < 14 && (is_letter(u[j]) || u[j] == '#')) ++j;
      if (j - i >= 2 && j < u.size() && (u[j] == ':' || u[j] == '=') && (j + 1 >= u.size() || !is_digit(u[j - 1]))) {
        out.push_back({i, j + 1, Kind::kOther});
        i = j + 1;
        continue;
      }
    }
    ++i;
  }
  return out;
}

// A name as printed, cut where an account, a reference or another field starts.
std::string clean_name(std::string_view v) {
  v = trim(v);
  std::string out;
  std::size_t i = 0;
  while (i < v.size()) {
    while (i < v.size() && v[i] == ' ') ++i;
    std::size_t j = i;
    while (j < v.size() && v[j] != ' ') ++j;
    std::string_view w = v.substr(i, j - i);
    i = j;
    if (w.empty()) continue;
    std::string uw;
    for (char c : w) uw += up(c);
    int digits = 0;
    for (char c : w) digits += is_digit(c);
    if (digits >= 4 || uw == "ACCT" || uw == "A/C" || uw == "REF" || uw == "OBI" || uw == "BNF" || uw == "RFB" || uw == "INV" ||
        uw == "INVOICE" || uw == "PMT" || uw == "TRN" || uw == "REF:" || uw.front() == '/' || uw.front() == '#')
      break;
    if (!out.empty()) out += ' ';
    out.append(w);
  }
  return out;
}

void add_unique(std::vector<std::string>& refs, std::string_view r) {
  r = trim(r);
  if (r.empty() || r.size() > 35) return;
  bool digit = false;
  for (char c : r) digit |= is_digit(c);
  if (!digit) return;
  for (const auto& e : refs)
    if (e == r) return;
  refs.emplace_back(r);
}

// RMR*IV*INV-1013*PI*1500.00\ : the reference after any qualifier but purchase orders.
void x12_references(std::string_view text, const std::string& u, std::vector<std::string>& refs) {
  std::size_t p = 0;
  while ((p = u.find("RMR*", p)) != std::string::npos) {
    const std::size_t q = u.find('*', p + 4);
    if (q == std::string::npos) break;
    const std::string_view qual = std::string_view(u).substr(p + 4, q - p - 4);
    std::size_t e = q + 1;
    while (e < u.size() && u[e] != '*' && u[e] != '\\' && u[e] != '~' && u[e] != ' ') ++e;
    if (qual != "PO" && qual.size() <= 3) add_unique(refs, text.substr(q + 1, e - q - 1));
    p = e;
  }
}

}  // namespace

TextParties parse_payer_text(std::string_view text) {
  TextParties out;
  std::string u;
  u.reserve(text.size());
  for (char c : text) u += up(c);
  auto labels = find_labels(u);
  // Bank of America's ACH text: the originator's name comes first, before DES:, and ID: is the
  // individual id (the payer's reference).
  bool bofa = false;
  for (const auto& l : labels) bofa = bofa || is_label(u, l, "DES");
  if (bofa) {
    for (auto& l : labels)
      if (is_label(u, l, "ID") && l.kind == Kind::kOther) {
        l.kind = Kind::kIndId;
        break;
      }
    if (!labels.empty() && is_label(u, labels.front(), "DES") && labels.front().start > 0) {
      out.name_label_seen = true;
      out.payer_name = clean_name(text.substr(0, labels.front().start));
    }
  }
  for (std::size_t k = 0; k < labels.size(); ++k) {
    const std::size_t end = k + 1 < labels.size() ? labels[k + 1].start : text.size();
    std::string_view v = labels[k].value <= end ? text.substr(labels[k].value, end - labels[k].value) : std::string_view();
    v = trim(v);
    switch (labels[k].kind) {
      case Kind::kName: {
        out.name_label_seen = true;
        // "ORG=/123456789 ACME CORP", Fedwire "1/ACME CORP".
        if (!v.empty() && v.front() == '/') {
          std::size_t s = v.find(' ');
          std::string_view acct = v.substr(1, s == std::string_view::npos ? std::string_view::npos : s - 1);
          if (out.payer_account.empty() && !acct.empty()) out.payer_account = std::string(acct);
          v = s == std::string_view::npos ? std::string_view() : v.substr(s + 1);
        } else if (v.size() > 2 && is_digit(v[0]) && v[1] == '/') {
          v.remove_prefix(2);
        }
        if (out.payer_name.empty()) out.payer_name = clean_name(v);
        break;
      }
      case Kind::kAccount: {
        // The first word, when it carries digits ("CO ID:1234567890 CCD").
        std::string_view w = v.substr(0, v.find(' '));
        bool digits = false;
        for (char c : w) digits |= is_digit(c);
        if (out.payer_account.empty() && digits) out.payer_account = std::string(w);
        break;
      }
      case Kind::kIndName:
        if (out.individual_name.empty()) out.individual_name = clean_name(v);
        break;
      case Kind::kIndId:
        if (v.find(' ') == std::string_view::npos) add_unique(out.references, v);
        break;
      case Kind::kOther: break;
    }
  }
  x12_references(text, u, out.references);
  return out;
}

void enrich_from_text(domain::BankTransaction& t) {
  if (t.remittance_text.empty()) return;
  TextParties p = parse_payer_text(t.remittance_text);
  if (t.payer_name.empty()) {
    if (!p.payer_name.empty()) t.payer_name = p.payer_name;
    else if (!p.name_label_seen && !p.individual_name.empty()) t.payer_name = p.individual_name;
  }
  if (t.payer_account.empty() && !p.payer_account.empty()) t.payer_account = p.payer_account;
  for (const auto& r : p.references)
    if (std::find(t.remittance_refs.begin(), t.remittance_refs.end(), r) == t.remittance_refs.end()) t.remittance_refs.push_back(r);
}

}  // namespace otc::import
