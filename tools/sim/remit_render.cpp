#include "sim/remit_render.hpp"

#include <cstdint>
#include <cstdio>
#include <map>

#include "otc/core/money.hpp"

namespace otc::sim {
namespace {

using domain::BankTransaction;
using domain::Direction;

std::uint64_t hash_of(std::string_view s, std::uint64_t salt) {
  std::uint64_t h = 1469598103934665603ULL ^ salt;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  h ^= h >> 31;
  h *= 0x94d049bb133111ebULL;
  return h ^ (h >> 29);
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string digits_of(std::string_view s) {
  std::string d;
  for (char c : s)
    if (c >= '0' && c <= '9') d.push_back(c);
  return d;
}

std::string fit(std::string_view s, std::size_t width) {
  std::string out(s.substr(0, std::min(width, s.size())));
  out.resize(width, ' ');
  return out;
}

std::string zero_pad(std::int64_t v, std::size_t width) {
  std::string d = std::to_string(v);
  if (d.size() > width) d = d.substr(d.size() - width);
  return std::string(width - d.size(), '0') + d;
}

std::string yymmdd(core::Date d) {
  const std::string iso = d.iso();  // YYYY-MM-DD
  return iso.substr(2, 2) + iso.substr(5, 2) + iso.substr(8, 2);
}

// The structured references split into single invoice numbers ("INV-1, INV-2" is one field).
std::vector<std::string> split_refs(const BankTransaction& t) {
  std::vector<std::string> out;
  for (const std::string& r : t.remittance_refs) {
    std::size_t start = 0;
    while (start <= r.size()) {
      std::size_t end = r.find(',', start);
      std::string part = r.substr(start, end == std::string::npos ? std::string::npos : end - start);
      while (!part.empty() && part.front() == ' ') part.erase(0, 1);
      while (!part.empty() && part.back() == ' ') part.pop_back();
      if (!part.empty()) out.push_back(part);
      if (end == std::string::npos) break;
      start = end + 1;
    }
  }
  return out;
}

// Everything the payer wrote: the references as one list, then the free text.
std::string remittance_of(const BankTransaction& t) {
  std::string s;
  for (const std::string& r : t.remittance_refs) {
    if (!s.empty()) s += ' ';
    s += r;
  }
  if (!t.remittance_text.empty()) {
    if (!s.empty()) s += ' ';
    s += t.remittance_text;
  }
  return s;
}

std::string amount_text(std::int64_t minor, char mark) {
  std::string s = core::format_amount(minor, 2);
  if (mark != '.')
    for (char& c : s)
      if (c == '.') c = mark;
  return s;
}

std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + '"';
}

std::string xml(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// Word-wrapped pieces of at most `width` characters (a word longer than that is cut).
std::vector<std::string> wrap(const std::string& text, std::size_t width) {
  std::vector<std::string> lines;
  std::string cur;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    std::string word = text.substr(i, j - i);
    i = j + 1;
    while (word.size() > width) {
      if (!cur.empty()) lines.push_back(cur), cur.clear();
      lines.push_back(word.substr(0, width));
      word.erase(0, width);
    }
    if (word.empty()) continue;
    if (cur.empty()) cur = word;
    else if (cur.size() + 1 + word.size() <= width) cur += ' ' + word;
    else {
      lines.push_back(cur);
      cur = word;
    }
  }
  if (!cur.empty()) lines.push_back(cur);
  return lines;
}

// ---------------------------------------------------------------- CSV
std::string render_csv(const std::vector<BankTransaction>& rs) {
  std::string out = "date,amount,currency,reference,payer_name,payer_account,description,bank_reference\n";
  for (const auto& t : rs) {
    std::string refs;
    for (const auto& r : t.remittance_refs) refs += (refs.empty() ? "" : ";") + r;
    out += t.booking_date.iso() + "," + amount_text(t.direction == Direction::kDebit ? -t.amount_minor : t.amount_minor, '.') +
           "," + std::string(t.currency.view()) + "," + csv_cell(refs) + "," + csv_cell(t.payer_name) + "," +
           csv_cell(t.payer_account) + "," + csv_cell(t.remittance_text) + "," + csv_cell(t.bank_reference) + "\n";
  }
  return out;
}

// ---------------------------------------------------------------- BAI2
std::string bai2_text(const BankTransaction& t) {
  if (t.direction == Direction::kDebit) return t.remittance_text.empty() ? "SERVICE CHARGE" : upper(t.remittance_text);
  const std::uint64_t h = hash_of(t.bank_reference, 2);
  const std::string name = upper(t.payer_name);
  const std::string remit = remittance_of(t);
  const std::string date = yymmdd(t.booking_date);
  if (t.type_code != "WIRE") {
    // ACH as US banks print it: the originator's company name (16 characters), its id, the entry.
    const auto refs = split_refs(t);
    std::string ind_id;
    std::string addenda;
    if (refs.size() == 1 && refs[0].size() <= 15 && t.remittance_text.empty() && h % 2 == 0) ind_id = refs[0];
    else if (!refs.empty() && h % 3 != 0) {
      for (const auto& r : refs) addenda += "RMR*IV*" + r + "\\";
      if (!t.remittance_text.empty()) addenda += " " + t.remittance_text;
    } else addenda = remit;
    std::string s = "ORIG CO NAME:" + name.substr(0, std::min<std::size_t>(16, name.size()));
    if (!t.payer_account.empty()) s += " ORIG ID:" + t.payer_account.substr(t.payer_account.size() > 10 ? t.payer_account.size() - 10 : 0);
    s += " DESC DATE:" + date + " CO ENTRY DESCR:PAYMENTS SEC:" + std::string(refs.size() > 1 ? "CTX" : "CCD") +
         " TRACE#:" + rendered_bank_reference(t, BankRendering::kNacha) + " EED:" + date + " IND ID:" + ind_id +
         " IND NAME:OTC DEMO INC";
    if (!addenda.empty()) s += " ADDENDA:" + addenda;
    return s;
  }
  switch (h % 3) {
    case 0: {  // Fedwire tags
      std::string s = "WIRE TYPE:WIRE IN DATE:" + date + " TIME:1022 ET TRN:" + digits_of(t.bank_reference);
      s += " ORG=";
      if (!t.payer_account.empty()) s += "/" + t.payer_account + " ";
      s += name;
      if (!remit.empty()) s += " OBI=" + remit;
      s += " BNF=OTC DEMO INC";
      return s;
    }
    case 1: {  // "by order of"
      std::string s = "INCOMING WIRE B/O " + name;
      if (!t.payer_account.empty()) s += " ACCT " + t.payer_account;
      if (!remit.empty()) s += " REF: " + remit;
      return s;
    }
    default: {  // SWIFT-style tags
      std::string s = "/ORDP/" + name;
      if (!t.payer_account.empty()) s += "/ACCT/" + t.payer_account;
      if (!remit.empty()) s += "/REMI/" + remit;
      return s;
    }
  }
}

std::string render_bai2(const std::vector<BankTransaction>& rs) {
  std::map<core::Date, std::vector<const BankTransaction*>> by_date;
  for (const auto& t : rs) by_date[t.booking_date].push_back(&t);
  std::string out;
  const std::string created = rs.empty() ? "260302" : yymmdd(rs.front().booking_date);
  out += "01,OTCBANK,OTCDEMO," + created + ",0600,1,80,,2/\n";
  long file_records = 1;
  std::int64_t file_total = 0;
  for (const auto& [date, list] : by_date) {
    long group_records = 1;
    out += "02,OTCDEMO,121000248,1," + yymmdd(date) + ",0600,USD,2/\n";
    long account_records = 1;
    out += "03,OPERATING-1,USD/\n";
    std::int64_t total = 0;
    for (const BankTransaction* t : list) {
      total += t->amount_minor;
      const bool debit = t->direction == Direction::kDebit;
      const std::string type = debit ? "698" : (t->type_code == "WIRE" ? "195" : "165");
      const std::string head = "16," + type + "," + std::to_string(t->amount_minor) + ",Z," + t->bank_reference + ",,";
      auto lines = wrap(bai2_text(*t), 80 - head.size() - 1);
      // Continuations are wrapped at 80 columns ("88," + text + "/").
      std::string rest;
      for (std::size_t k = 1; k < lines.size(); ++k) rest += (rest.empty() ? "" : " ") + lines[k];
      out += head + (lines.empty() ? "" : lines[0]) + "/\n";
      ++account_records;
      for (const auto& l : wrap(rest, 76)) {
        out += "88," + l + "/\n";
        ++account_records;
      }
    }
    ++account_records;
    out += "49," + std::to_string(total) + "," + std::to_string(account_records) + "/\n";
    group_records += account_records + 1;
    out += "98," + std::to_string(total) + ",1," + std::to_string(group_records) + "/\n";
    file_records += group_records;
    file_total += total;
  }
  ++file_records;
  out += "99," + std::to_string(file_total) + "," + std::to_string(by_date.size()) + "," + std::to_string(file_records) + "/\n";
  return out;
}

// ---------------------------------------------------------------- US bank CSV
std::string render_csv_us(const std::vector<BankTransaction>& rs) {
  std::string out = "Details,Posting Date,Description,Amount,Type,Balance,Check or Slip #,Bank Reference\n";
  for (const auto& t : rs) {
    const bool debit = t.direction == Direction::kDebit;
    const std::string iso = t.booking_date.iso();
    const std::string us = iso.substr(5, 2) + "/" + iso.substr(8, 2) + "/" + iso.substr(0, 4);
    out += std::string(debit ? "DEBIT" : "CREDIT") + "," + us + "," + csv_cell(bai2_text(t)) + "," +
           amount_text(debit ? -t.amount_minor : t.amount_minor, '.') + "," +
           (debit ? "FEE_TRANSACTION" : t.type_code == "WIRE" ? "WIRE_INCOMING" : "ACH_CREDIT") + ",,," + csv_cell(t.bank_reference) + "\n";
  }
  return out;
}

// ---------------------------------------------------------------- MT940
std::string mt940_86(const BankTransaction& t) {
  if (t.direction == Direction::kDebit) return "KOSTEN " + upper(t.remittance_text);
  const std::uint64_t h = hash_of(t.bank_reference, 3);
  const std::string remit = remittance_of(t);
  switch (h % 3) {
    case 0: {  // Dutch structured tags
      std::string s = "/TRTP/SEPA OVERBOEKING";
      if (!t.payer_account.empty()) s += "/IBAN/" + t.payer_account + "/BIC/ABNANL2A";
      if (!t.payer_name.empty()) s += "/NAME/" + t.payer_name;
      s += "/REMI/" + (remit.empty() ? std::string("NOTPROVIDED") : remit) + "/EREF/NOTPROVIDED";
      return s;
    }
    case 1: {  // German GVC subfields: purpose in ?20.. (27 characters each), name in ?32/?33
      std::string s = "166?00GUTSCHRIFT";
      std::string purpose = remit.empty() ? "UEBERWEISUNG" : remit;
      int tag = 20;
      for (std::size_t p = 0; p < purpose.size() && tag <= 29; p += 27, ++tag)
        s += "?" + std::to_string(tag) + purpose.substr(p, 27);
      if (!t.payer_account.empty()) s += "?31" + t.payer_account.substr(0, 27);
      if (!t.payer_name.empty()) {
        s += "?32" + t.payer_name.substr(0, 27);
        if (t.payer_name.size() > 27) s += "?33" + t.payer_name.substr(27, 27);
      }
      return s;
    }
    default: {  // free text, no subfields: the name first, or after the remittance
      const std::string name = upper(t.payer_name);
      if (name.empty()) return remit.empty() ? "CREDIT TRANSFER" : remit;
      if (h % 2 == 0 || remit.empty()) return name + " " + remit;
      return remit + " " + name;
    }
  }
}

std::string render_mt940(const std::vector<BankTransaction>& rs) {
  std::map<core::Date, std::vector<const BankTransaction*>> by_date;
  for (const auto& t : rs) by_date[t.booking_date].push_back(&t);
  std::string out;
  std::int64_t balance = 0;
  int n = 0;
  for (const auto& [date, list] : by_date) {
    ++n;
    const std::string d = yymmdd(date);
    out += ":20:STMT" + d + "\n:25:OPERATING-1\n:28C:" + std::to_string(n) + "/1\n";
    out += std::string(":60F:") + (balance < 0 ? "D" : "C") + d + "USD" + amount_text(balance < 0 ? -balance : balance, ',') + "\n";
    for (const BankTransaction* t : list) {
      const bool debit = t->direction == Direction::kDebit;
      balance += debit ? -t->amount_minor : t->amount_minor;
      std::string custref = t->end_to_end_id.empty() ? "NONREF" : t->end_to_end_id.substr(0, 16);
      out += ":61:" + d + d.substr(2) + (debit ? "D" : "C") + amount_text(t->amount_minor, ',') + (debit ? "NCHG" : "NTRF") +
             custref + "//" + t->bank_reference + "\n";
      const std::string text = mt940_86(*t);
      // Lines of 65 characters at most; six lines.
      std::size_t pos = 0;
      bool first = true;
      for (int line = 0; line < 6 && pos < text.size(); ++line) {
        const std::size_t width = first ? 65 - 4 : 65;
        out += (first ? ":86:" : "") + text.substr(pos, width) + "\n";
        pos += width;
        first = false;
      }
    }
    out += std::string(":62F:") + (balance < 0 ? "D" : "C") + d + "USD" + amount_text(balance < 0 ? -balance : balance, ',') + "\n-\n";
  }
  return out;
}

// ---------------------------------------------------------------- camt.053
std::string render_camt(const std::vector<BankTransaction>& rs) {
  std::int64_t closing = 0;
  for (const auto& t : rs) closing += t.direction == Direction::kDebit ? -t.amount_minor : t.amount_minor;
  const std::string first = rs.empty() ? "2026-03-02" : rs.front().booking_date.iso();
  const std::string last = rs.empty() ? "2026-03-02" : rs.back().booking_date.iso();
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">\n<BkToCstmrStmt>\n"
      "<GrpHdr><MsgId>REMIT-SIM</MsgId><CreDtTm>" + last + "T18:00:00</CreDtTm></GrpHdr>\n"
      "<Stmt><Id>STMT-1</Id><CreDtTm>" + last + "T18:00:00</CreDtTm>\n"
      "<Acct><Id><Othr><Id>OPERATING-1</Id></Othr></Id><Ccy>USD</Ccy></Acct>\n";
  auto balance = [&](const char* code, std::int64_t v, const std::string& date) {
    out += std::string("<Bal><Tp><CdOrPrtry><Cd>") + code + "</Cd></CdOrPrtry></Tp><Amt Ccy=\"USD\">" +
           amount_text(v < 0 ? -v : v, '.') + "</Amt><CdtDbtInd>" + (v < 0 ? "DBIT" : "CRDT") + "</CdtDbtInd><Dt><Dt>" + date +
           "</Dt></Dt></Bal>\n";
  };
  balance("OPBD", 0, first);
  balance("CLBD", closing, last);
  for (const auto& t : rs) {
    const bool debit = t.direction == Direction::kDebit;
    out += "<Ntry><Amt Ccy=\"" + std::string(t.currency.view()) + "\">" + amount_text(t.amount_minor, '.') + "</Amt><CdtDbtInd>" +
           (debit ? "DBIT" : "CRDT") + "</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>" + t.booking_date.iso() +
           "</Dt></BookgDt><ValDt><Dt>" + t.value_date.iso() + "</Dt></ValDt><AcctSvcrRef>" + xml(t.bank_reference) +
           "</AcctSvcrRef>\n<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>" + std::string(debit ? "CCRD" : "RCDT") +
           "</Cd><SubFmlyCd>" + (debit ? "CHRG" : "ESCT") + "</SubFmlyCd></Fmly></Domn></BkTxCd>\n<NtryDtls><TxDtls>";
    out += "<Refs><EndToEndId>" + (t.end_to_end_id.empty() ? std::string("NOTPROVIDED") : xml(t.end_to_end_id)) + "</EndToEndId></Refs>";
    if (!debit && (!t.payer_name.empty() || !t.payer_account.empty())) {
      out += "<RltdPties>";
      if (!t.payer_name.empty()) out += "<Dbtr><Nm>" + xml(t.payer_name) + "</Nm></Dbtr>";
      if (!t.payer_account.empty()) out += "<DbtrAcct><Id><Othr><Id>" + xml(t.payer_account) + "</Id></Othr></Id></DbtrAcct>";
      out += "</RltdPties>";
    }
    const auto refs = split_refs(t);
    if (!refs.empty() || !t.remittance_text.empty()) {
      out += "<RmtInf>";
      if (!t.remittance_text.empty()) out += "<Ustrd>" + xml(t.remittance_text) + "</Ustrd>";
      for (const auto& r : refs) out += "<Strd><RfrdDocInf><Nb>" + xml(r) + "</Nb></RfrdDocInf></Strd>";
      out += "</RmtInf>";
    }
    out += "</TxDtls></NtryDtls></Ntry>\n";
  }
  out += "</Stmt>\n</BkToCstmrStmt>\n</Document>\n";
  return out;
}

// ---------------------------------------------------------------- NACHA
std::string render_nacha(const std::vector<BankTransaction>& rs) {
  std::vector<std::string> recs;
  const std::string created = rs.empty() ? "260302" : yymmdd(rs.front().booking_date);
  recs.push_back("101 091000019 987654321" + created + "0600A094101" + fit("OTC DEMO BANK", 23) + fit("OTC DEMO INC", 23) +
                 fit("", 8));
  const std::string rdfi = "09100001";  // routing (8) of our bank; check digit 9
  std::int64_t file_hash = 0, file_debit = 0, file_credit = 0;
  long file_entries = 0;
  int batch = 0;
  for (const auto& t : rs) {
    ++batch;
    const bool debit = t.direction == Direction::kDebit;
    const std::uint64_t h = hash_of(t.bank_reference, 5);
    const std::string name = debit ? std::string("BANK FEES") : upper(t.payer_name);
    std::string company_id = t.payer_account.size() > 10 ? t.payer_account.substr(t.payer_account.size() - 10) : t.payer_account;
    const auto refs = split_refs(t);
    std::string ind_id;
    std::vector<std::string> addenda;
    if (refs.size() == 1 && refs[0].size() <= 15 && h % 2 == 0) ind_id = refs[0];
    else if (!refs.empty()) {
      std::string x12;
      for (const auto& r : refs) x12 += "RMR*IV*" + r + "\\";
      for (std::size_t p = 0; p < x12.size(); p += 80) addenda.push_back(x12.substr(p, 80));
    }
    if (!t.remittance_text.empty() && addenda.size() < 9)
      for (const auto& l : wrap(t.remittance_text, 80)) addenda.push_back(l);
    const bool ctx = addenda.size() > 1;
    const std::string sec = ctx ? "CTX" : "CCD";
    const std::string bn = zero_pad(batch, 7);
    recs.push_back("5200" + fit(name, 16) + fit("", 20) + fit(company_id, 10) + sec + fit(debit ? "FEES" : "PAYMENTS", 10) +
                   fit("", 6) + yymmdd(t.booking_date) + "   1" + rdfi + bn);
    const std::string trace = rendered_bank_reference(t, BankRendering::kNacha);
    std::string individual = ctx ? zero_pad(static_cast<std::int64_t>(addenda.size()), 4) + fit("OTC DEMO INC", 16) + "  "
                                 : fit("OTC DEMO INC", 22);
    recs.push_back(std::string("6") + (debit ? "27" : "22") + rdfi + "9" + fit("OPERATING1", 17) + zero_pad(t.amount_minor, 10) +
                   fit(ind_id, 15) + individual + "  " + (addenda.empty() ? "0" : "1") + trace);
    for (std::size_t k = 0; k < addenda.size(); ++k)
      recs.push_back("705" + fit(addenda[k], 80) + zero_pad(static_cast<std::int64_t>(k + 1), 4) + trace.substr(8));
    const long entries = 1 + static_cast<long>(addenda.size());
    const std::int64_t hash = std::stoll(rdfi);
    const std::int64_t dr = debit ? t.amount_minor : 0, cr = debit ? 0 : t.amount_minor;
    recs.push_back("8200" + zero_pad(entries, 6) + zero_pad(hash, 10) + zero_pad(dr, 12) + zero_pad(cr, 12) + fit(company_id, 10) +
                   fit("", 19) + fit("", 6) + rdfi + bn);
    file_hash += hash;
    file_debit += dr;
    file_credit += cr;
    file_entries += entries;
  }
  const long records = static_cast<long>(recs.size()) + 1;
  const long blocks = (records + 9) / 10;
  recs.push_back("9" + zero_pad(batch, 6) + zero_pad(blocks, 6) + zero_pad(file_entries, 8) + zero_pad(file_hash % 10000000000LL, 10) +
                 zero_pad(file_debit, 12) + zero_pad(file_credit, 12) + fit("", 39));
  while (recs.size() % 10 != 0) recs.push_back(std::string(94, '9'));
  std::string out;
  for (const auto& r : recs) out += r + "\n";
  return out;
}

}  // namespace

const char* rendering_name(BankRendering r) {
  switch (r) {
    case BankRendering::kCsv: return "csv";
    case BankRendering::kBai2: return "bai2";
    case BankRendering::kMt940: return "mt940";
    case BankRendering::kCamt053: return "camt053";
    case BankRendering::kNacha: return "nacha";
    case BankRendering::kCsvUs: return "csv-us";
  }
  return "?";
}

const char* rendering_file_name(BankRendering r) {
  switch (r) {
    case BankRendering::kCsv: return "bank.csv";
    case BankRendering::kBai2: return "bank.bai2";
    case BankRendering::kMt940: return "bank.mt940";
    case BankRendering::kCamt053: return "bank.camt053.xml";
    case BankRendering::kNacha: return "bank.ach";
    case BankRendering::kCsvUs: return "bank_us.csv";
  }
  return "bank.txt";
}

std::string rendered_bank_reference(const BankTransaction& t, BankRendering r) {
  if (r != BankRendering::kNacha) return t.bank_reference;
  std::string d = digits_of(t.bank_reference);
  if (d.size() > 7) d = d.substr(d.size() - 7);
  return "09100001" + std::string(7 - d.size(), '0') + d;
}

std::string render_bank_file(const std::vector<BankTransaction>& receipts, BankRendering r) {
  switch (r) {
    case BankRendering::kCsv: return render_csv(receipts);
    case BankRendering::kBai2: return render_bai2(receipts);
    case BankRendering::kMt940: return render_mt940(receipts);
    case BankRendering::kCamt053: return render_camt(receipts);
    case BankRendering::kNacha: return render_nacha(receipts);
    case BankRendering::kCsvUs: return render_csv_us(receipts);
  }
  return {};
}

}  // namespace otc::sim
