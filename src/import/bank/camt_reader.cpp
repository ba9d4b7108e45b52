// ISO 20022 camt.053 (statement), camt.054 (debit/credit notification) and camt.052 (report), any
// version: elements are matched by local name, so namespaces and prefixes of every version work.
#include <algorithm>
#include <map>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "otc/import/bank/bank_detail.hpp"

namespace otc::import::bank_detail {
namespace {

std::string_view local_name(const char* name) {
  std::string_view n(name);
  std::size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node node, std::string_view name) {
  if (!node) return {};
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && local_name(c.name()) == name) return c;
  }
  return {};
}

pugi::xml_node path(pugi::xml_node node, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    node = child(node, n);
    if (!node) return {};
  }
  return node;
}

std::vector<pugi::xml_node> children(pugi::xml_node node, std::string_view name) {
  std::vector<pugi::xml_node> out;
  if (!node) return out;
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && local_name(c.name()) == name) out.push_back(c);
  }
  return out;
}

std::string_view text(pugi::xml_node node) { return node ? trim(node.child_value()) : std::string_view{}; }

// Party name: Nm (up to v07) or Pty/Nm (v08+).
std::string_view party_name(pugi::xml_node party) {
  std::string_view n = text(child(party, "Nm"));
  if (n.empty()) n = text(path(party, {"Pty", "Nm"}));
  return n;
}

std::string_view account_id(pugi::xml_node acct) {
  std::string_view id = text(path(acct, {"Id", "IBAN"}));
  if (id.empty()) id = text(path(acct, {"Id", "Othr", "Id"}));
  return id;
}

std::string bank_tx_code(pugi::xml_node bk) {
  std::string code;
  if (pugi::xml_node domn = child(bk, "Domn")) {
    code = std::string(text(child(domn, "Cd")));
    std::string_view fmly = text(path(domn, {"Fmly", "Cd"}));
    std::string_view sub = text(path(domn, {"Fmly", "SubFmlyCd"}));
    if (!fmly.empty()) code += "/" + std::string(fmly);
    if (!sub.empty()) code += "/" + std::string(sub);
  }
  std::string_view prtry = text(path(bk, {"Prtry", "Cd"}));
  if (!prtry.empty()) {
    if (!code.empty()) code += ' ';
    code.append(prtry);
  }
  return code;
}

struct Amount {
  bool ok = false;
  std::int64_t minor = 0;
  core::Currency currency;
};

struct Balance {
  bool present = false;
  std::string code;
  std::int64_t signed_minor = 0;
  core::Currency currency;
  long line = 0;
};

struct TxInfo {
  Amount amount;
  bool has_direction = false;
  domain::Direction direction = domain::Direction::kCredit;
  domain::BankTransaction fields;  // references, parties, remittance
  long line = 0;
};

class CamtReader {
 public:
  CamtReader(std::string_view data, ReadContext& ctx) : data_(data), ctx_(ctx) {
    for (std::size_t i = 0; i < data.size(); ++i) {
      if (data[i] == '\n') newlines_.push_back(i);
    }
  }

  void run() {
    pugi::xml_document doc;
    pugi::xml_parse_result res = doc.load_buffer(data_.data(), data_.size(), pugi::parse_default, pugi::encoding_auto);
    if (!res) ctx_.fail(line_of(res.offset), std::string("XML is not well-formed: ") + res.description());
    pugi::xml_node root = doc.document_element();
    pugi::xml_node message = local_name(root.name()) == "Document" ? first_element(root) : root;
    std::string_view kind = message ? local_name(message.name()) : std::string_view{};
    std::string_view container_name;
    if (kind == "BkToCstmrStmt") {
      container_name = "Stmt";
      ctx_.out().format = BankFormat::kCamt053;
    } else if (kind == "BkToCstmrDbtCdtNtfctn") {
      container_name = "Ntfctn";
      ctx_.out().format = BankFormat::kCamt054;
    } else if (kind == "BkToCstmrAcctRpt") {
      container_name = "Rpt";
      ctx_.out().format = BankFormat::kCamt052;
    } else {
      ctx_.fail(line_of(root.offset_debug()), "not a camt.052/053/054 document (root element '" +
                                                  std::string(kind.empty() ? local_name(root.name()) : kind) + "')");
    }
    auto containers = children(message, container_name);
    if (containers.empty()) {
      ctx_.fail(line_of(message.offset_debug()), "no " + std::string(container_name) + " element in " + std::string(kind));
    }
    message_date_ = core::parse_iso_date(text(path(message, {"GrpHdr", "CreDtTm"})));
    for (pugi::xml_node c : containers) container(c, container_name == "Stmt");
  }

 private:
  static pugi::xml_node first_element(pugi::xml_node n) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element) return c;
    }
    return {};
  }

  long line_of(std::ptrdiff_t offset) const {
    if (offset < 0) return 0;
    auto it = std::lower_bound(newlines_.begin(), newlines_.end(), static_cast<std::size_t>(offset));
    return static_cast<long>(it - newlines_.begin()) + 1;
  }
  long line_of(pugi::xml_node n) const { return line_of(n.offset_debug()); }

  Amount amount(pugi::xml_node amt, const char* what) {
    Amount a;
    if (!amt) return a;
    std::string_view ccy = trim(amt.attribute("Ccy").value());
    auto c = core::find_currency(ccy, true);
    if (!c) {
      ctx_.problem(line_of(amt), std::string(what) + " has no valid Ccy attribute ('" + std::string(ccy) + "')");
      return a;
    }
    std::string why;
    auto v = parse_decimal(text(amt), c->exponent, ".", &why);
    if (!v) {
      ctx_.problem(line_of(amt), std::string("bad ") + what + " '" + std::string(text(amt)) + "': " + why);
      return a;
    }
    a.ok = true;
    a.minor = *v;
    a.currency = *c;
    return a;
  }

  std::optional<core::Date> date_of(pugi::xml_node holder) {
    std::string_view d = text(child(holder, "Dt"));
    if (d.empty()) d = text(child(holder, "DtTm"));
    if (d.empty()) return std::nullopt;
    auto date = core::parse_iso_date(d);
    if (!date) ctx_.problem(line_of(holder), "bad date '" + std::string(d) + "'");
    return date;
  }

  void container(pugi::xml_node stmt, bool is_statement) {
    std::string id(text(child(stmt, "Id")));
    pugi::xml_node acct = child(stmt, "Acct");
    std::string account(account_id(acct));
    std::string label = (is_statement ? "statement " : "notification ") + id;
    summary_currency_ = core::find_currency(text(child(acct, "Ccy")), true);
    if (!summary_currency_) {
      if (pugi::xml_node first_amt = path(stmt, {"Ntry", "Amt"})) {
        summary_currency_ = core::find_currency(trim(first_amt.attribute("Ccy").value()), true);
      }
    }

    std::map<std::string, Balance> balances;
    for (pugi::xml_node bal : children(stmt, "Bal")) {
      Balance b;
      b.line = line_of(bal);
      b.code = std::string(text(path(bal, {"Tp", "CdOrPrtry", "Cd"})));
      if (b.code.empty()) b.code = std::string(text(path(bal, {"Tp", "CdOrPrtry", "Prtry"})));
      Amount a = amount(child(bal, "Amt"), "balance amount");
      if (!a.ok) continue;
      std::string_view cdi = text(child(bal, "CdtDbtInd"));
      if (cdi.empty()) {
        ctx_.note(b.line, "balance " + b.code + " has no CdtDbtInd; read as CRDT");
      } else if (cdi != "CRDT" && cdi != "DBIT") {
        ctx_.problem(b.line, "balance " + b.code + ": bad CdtDbtInd '" + std::string(cdi) + "'");
        continue;
      }
      b.present = true;
      b.currency = a.currency;
      b.signed_minor = cdi == "DBIT" ? -a.minor : a.minor;
      if (!balances.count(b.code)) balances[b.code] = b;
    }

    fallback_date_ = core::parse_iso_date(text(child(stmt, "CreDtTm")));
    if (!fallback_date_) fallback_date_ = message_date_;
    std::map<std::string, std::int64_t> movement;  // booked entries per currency code
    totals_ = Totals{};
    for (pugi::xml_node ntry : children(stmt, "Ntry")) entry(ntry, account, movement);

    const Balance* open = nullptr;
    for (const char* code : {"OPBD", "PRCD"}) {
      auto it = balances.find(code);
      if (it != balances.end()) { open = &it->second; break; }
    }
    auto close_it = balances.find("CLBD");
    const Balance* close = close_it == balances.end() ? nullptr : &close_it->second;
    if (open && close) {
      if (!(open->currency == close->currency)) {
        ctx_.problem(close->line, label + ": closing balance CLBD is in " + std::string(close->currency.view()) +
                                      ", opening balance " + open->code + " in " + std::string(open->currency.view()) +
                                      "; the balance cannot be checked");
      } else {
        std::int64_t moved = movement[std::string(open->currency.view())];
        ctx_.check("camt balance " + open->code + "+entries=CLBD (" + label + ")", close->signed_minor,
                   open->signed_minor + moved, open->currency, close->line);
      }
    } else if (is_statement) {
      ctx_.note(line_of(stmt), label + " has no opening (OPBD/PRCD) and closing (CLBD) booked balance pair; "
                                       "balance not checked");
    }
    summary(child(stmt, "TxsSummry"), label);
  }

  TxInfo tx_details(pugi::xml_node tx, bool credit_hint) {
    TxInfo info;
    info.line = line_of(tx);
    pugi::xml_node amt = child(tx, "Amt");
    if (!amt) amt = path(tx, {"AmtDtls", "TxAmt", "Amt"});
    if (amt) info.amount = amount(amt, "transaction amount");
    std::string_view cdi = text(child(tx, "CdtDbtInd"));
    if (cdi == "CRDT" || cdi == "DBIT") {
      info.has_direction = true;
      info.direction = cdi == "CRDT" ? domain::Direction::kCredit : domain::Direction::kDebit;
    }
    bool credit = info.has_direction ? info.direction == domain::Direction::kCredit : credit_hint;
    auto& f = info.fields;
    pugi::xml_node refs = child(tx, "Refs");
    std::string_view e2e = text(child(refs, "EndToEndId"));
    if (!e2e.empty() && e2e != "NOTPROVIDED") f.end_to_end_id = std::string(e2e);
    f.bank_reference = std::string(text(child(refs, "AcctSvcrRef")));
    if (f.bank_reference.empty()) f.bank_reference = std::string(text(child(refs, "TxId")));

    pugi::xml_node parties = child(tx, "RltdPties");
    pugi::xml_node party = child(parties, credit ? "Dbtr" : "Cdtr");
    pugi::xml_node party_acct = child(parties, credit ? "DbtrAcct" : "CdtrAcct");
    f.payer_name = std::string(party_name(party));
    if (f.payer_name.empty()) f.payer_name = std::string(party_name(child(parties, credit ? "UltmtDbtr" : "UltmtCdtr")));
    f.payer_account = std::string(account_id(party_acct));

    pugi::xml_node rmt = child(tx, "RmtInf");
    std::string text_out;
    for (pugi::xml_node u : children(rmt, "Ustrd")) {
      if (!text_out.empty()) text_out += ' ';
      text_out.append(text(u));
    }
    for (pugi::xml_node s : children(rmt, "Strd")) {
      for (pugi::xml_node doc : children(s, "RfrdDocInf")) {
        std::string_view nb = text(child(doc, "Nb"));
        if (!nb.empty()) f.remittance_refs.emplace_back(nb);
      }
      std::string_view ref = text(path(s, {"CdtrRefInf", "Ref"}));
      if (!ref.empty()) f.remittance_refs.emplace_back(ref);
      for (pugi::xml_node add : children(s, "AddtlRmtInf")) {
        if (!text_out.empty()) text_out += ' ';
        text_out.append(text(add));
      }
    }
    if (text_out.empty()) text_out = std::string(text(child(tx, "AddtlTxInf")));
    f.remittance_text = collapse_spaces(text_out);

    if (pugi::xml_node rtr = child(tx, "RtrInf")) {
      f.reversal = true;
      f.return_reason = std::string(text(path(rtr, {"Rsn", "Cd"})));
      if (f.return_reason.empty()) f.return_reason = std::string(text(path(rtr, {"Rsn", "Prtry"})));
    }
    f.type_code = bank_tx_code(child(tx, "BkTxCd"));
    return info;
  }

  void entry(pugi::xml_node ntry, const std::string& account, std::map<std::string, std::int64_t>& movement) {
    long line = line_of(ntry);
    Amount a = amount(child(ntry, "Amt"), "entry amount");
    if (!a.ok) {
      if (!child(ntry, "Amt")) ctx_.problem(line, "entry without Amt", "entry left out");
      return;
    }
    std::string_view cdi = text(child(ntry, "CdtDbtInd"));
    if (cdi != "CRDT" && cdi != "DBIT") {
      ctx_.problem(line, "entry CdtDbtInd '" + std::string(cdi) + "' is not CRDT or DBIT", "entry left out");
      return;
    }
    domain::Direction dir = cdi == "CRDT" ? domain::Direction::kCredit : domain::Direction::kDebit;
    std::int64_t signed_amount = dir == domain::Direction::kCredit ? a.minor : -a.minor;
    std::string_view rvsl = text(child(ntry, "RvslInd"));
    bool reversal = rvsl == "true" || rvsl == "1";
    pugi::xml_node sts = child(ntry, "Sts");
    std::string_view status = text(child(sts, "Cd"));
    if (status.empty()) status = text(sts);
    if (!status.empty() && status != "BOOK") {
      ctx_.note(line, "entry with status " + std::string(status) + " is not booked; left out");
      return;
    }
    movement[std::string(a.currency.view())] += signed_amount;

    if (dir == domain::Direction::kCredit) {
      ++totals_.credits;
      totals_.credit_sum += a.minor;
    } else {
      ++totals_.debits;
      totals_.debit_sum += a.minor;
    }
    auto booking = date_of(child(ntry, "BookgDt"));
    auto value = date_of(child(ntry, "ValDt"));
    if (!booking) booking = value;
    if (!booking && fallback_date_) {
      ctx_.note(line, "entry has neither BookgDt nor ValDt; the message creation date " + fallback_date_->iso() +
                          " is used");
      booking = fallback_date_;
    }
    if (!booking) {
      ctx_.problem(line, "entry has neither BookgDt nor ValDt", "entry left out");
      return;
    }
    std::string bank_ref(text(child(ntry, "AcctSvcrRef")));
    if (bank_ref.empty()) bank_ref = std::string(text(child(ntry, "NtryRef")));
    std::string type = bank_tx_code(child(ntry, "BkTxCd"));
    std::string additional = collapse_spaces(text(child(ntry, "AddtlNtryInf")));

    std::vector<TxInfo> txs;
    for (pugi::xml_node dtls : children(ntry, "NtryDtls")) {
      for (pugi::xml_node tx : children(dtls, "TxDtls")) txs.push_back(tx_details(tx, dir == domain::Direction::kCredit));
    }

    auto base = [&](domain::BankTransaction& t) {
      t.booking_date = *booking;
      t.value_date = value.value_or(*booking);
      t.currency = a.currency;
      t.account = account;
      t.reversal = t.reversal || reversal;
    };
    auto copy_details = [&](domain::BankTransaction& t, const TxInfo& tx, bool own_bank_ref) {
      t.end_to_end_id = tx.fields.end_to_end_id;
      t.payer_name = tx.fields.payer_name;
      t.payer_account = tx.fields.payer_account;
      t.remittance_refs = tx.fields.remittance_refs;
      t.remittance_text = tx.fields.remittance_text;
      t.reversal = tx.fields.reversal;
      t.return_reason = tx.fields.return_reason;
      t.type_code = tx.fields.type_code.empty() ? type : tx.fields.type_code;
      t.bank_reference = own_bank_ref && !tx.fields.bank_reference.empty() ? tx.fields.bank_reference : bank_ref;
      if (t.remittance_text.empty()) t.remittance_text = additional;
    };

    // Batch: one transaction per TxDtls when their own amounts add up to the entry amount.
    bool split = txs.size() >= 2;
    std::int64_t tx_sum = 0;
    for (const TxInfo& tx : txs) {
      if (!tx.amount.ok || !(tx.amount.currency == a.currency)) { split = false; break; }
      bool credit = tx.has_direction ? tx.direction == domain::Direction::kCredit : dir == domain::Direction::kCredit;
      tx_sum += credit ? tx.amount.minor : -tx.amount.minor;
    }
    if (split && tx_sum != signed_amount) split = false;
    if (split) {
      for (const TxInfo& tx : txs) {
        auto& t = ctx_.add_transaction(tx.line);
        copy_details(t, tx, true);
        base(t);
        t.amount_minor = tx.amount.minor;
        t.direction = tx.has_direction ? tx.direction : dir;
        if (t.bank_reference == bank_ref && !bank_ref.empty()) {
          // Keep the bank reference unique per transaction within a batch.
          t.bank_reference += "/" + std::to_string(&tx - txs.data() + 1);
        }
      }
      return;
    }

    auto& t = ctx_.add_transaction(line);
    if (txs.size() == 1) {
      copy_details(t, txs[0], false);
      const TxInfo& tx = txs[0];
      bool same_direction = !tx.has_direction || tx.direction == dir;
      if ((tx.amount.ok && (tx.amount.minor != a.minor || !(tx.amount.currency == a.currency))) || !same_direction) {
        ctx_.note(tx.line, "TxDtls amount/direction differs from its entry's; the entry amount " +
                               core::format_amount(a.minor, a.currency.exponent) + " " + std::string(cdi) + " is used");
      }
    } else {
      t.bank_reference = bank_ref;
      t.type_code = type;
      t.remittance_text = additional;
      for (const TxInfo& tx : txs) {
        for (const auto& r : tx.fields.remittance_refs) t.remittance_refs.push_back(r);
        if (!tx.fields.remittance_text.empty()) {
          if (!t.remittance_text.empty()) t.remittance_text += ' ';
          t.remittance_text += tx.fields.remittance_text;
        }
        if (t.end_to_end_id.empty()) t.end_to_end_id = tx.fields.end_to_end_id;
        if (t.payer_name.empty()) t.payer_name = tx.fields.payer_name;
        if (t.payer_account.empty()) t.payer_account = tx.fields.payer_account;
        if (tx.fields.reversal) {
          t.reversal = true;
          if (t.return_reason.empty()) t.return_reason = tx.fields.return_reason;
        }
      }
      if (txs.size() >= 2) {
        ctx_.note(line, std::to_string(txs.size()) +
                            " TxDtls do not carry amounts that add up to the entry amount; kept as one entry");
      }
    }
    base(t);
    t.amount_minor = a.minor;
    t.direction = dir;
  }

  // TxsSummry: number and sum of credit and debit entries, as the bank counted them.
  void summary(pugi::xml_node sum, const std::string& label) {
    if (!sum) return;
    auto count_and_sum = [&](pugi::xml_node n, const char* what, std::int64_t count, std::int64_t total) {
      if (!n) return;
      long line = line_of(n);
      std::string_view nb = text(child(n, "NbOfNtries"));
      if (!nb.empty()) {
        if (auto v = parse_digits(nb)) ctx_.check_count("camt TxsSummry " + std::string(what) + " number of entries (" + label + ")", *v, count, line);
        else ctx_.problem(line, "bad NbOfNtries '" + std::string(nb) + "'");
      }
      std::string_view sum_text = text(child(n, "Sum"));
      if (!sum_text.empty() && summary_currency_) {
        std::string why;
        if (auto v = parse_decimal(sum_text, summary_currency_->exponent, ".", &why)) {
          ctx_.check("camt TxsSummry " + std::string(what) + " sum (" + label + ")", *v, total, *summary_currency_, line);
        } else {
          ctx_.problem(line, "bad Sum '" + std::string(sum_text) + "': " + why);
        }
      }
    };
    count_and_sum(child(sum, "TtlCdtNtries"), "credit", totals_.credits, totals_.credit_sum);
    count_and_sum(child(sum, "TtlDbtNtries"), "debit", totals_.debits, totals_.debit_sum);
  }

  struct Totals {
    std::int64_t credits = 0, debits = 0, credit_sum = 0, debit_sum = 0;
  };

  std::string_view data_;
  ReadContext& ctx_;
  std::vector<std::size_t> newlines_;
  std::optional<core::Date> message_date_, fallback_date_;
  std::optional<core::Currency> summary_currency_;
  Totals totals_;
};

}  // namespace

void read_camt(std::string_view data, ReadContext& ctx) { run_reader<CamtReader>(data, ctx); }

}  // namespace otc::import::bank_detail
