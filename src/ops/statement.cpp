#include "otc/ops/statement.hpp"

#include "otc/core/error.hpp"
#include "otc/store/credit_store.hpp"
#include "otc/store/transaction.hpp"

namespace otc::ops {

using core::Error;
using core::ErrorKind;

std::size_t statements(store::LedgerStore& store, const StatementOptions& o,
                       const std::function<void(const engine::Statement&)>& on_statement) {
  store::ReadTransaction tx(store);
  std::vector<store::CreditCustomer> who;
  if (o.all) {
    who = store.credit_customers();
  } else {
    for (const auto& id : o.customers) {
      auto c = store.credit_customer(id);
      if (!c) throw Error(ErrorKind::kNotFound, "customer '" + id + "' is not in the ledger", {}, "list them with `otc aging --by customer`");
      who.push_back(*c);
    }
  }
  std::size_t n = 0;
  for (const auto& c : who) {
    auto facts = store.customer_facts(c.id);
    auto st = engine::build_statement(facts, o.as_of, o.since, o.buckets);
    if (o.all && st.currencies.empty()) continue;
    on_statement(st);
    ++n;
  }
  tx.end();
  return n;
}

engine::Receipt receipt(store::LedgerStore& store, const std::string& payment_id, core::Date as_of) {
  store::ReadTransaction tx(store);
  std::vector<store::ApplicationFact> apps;
  auto p = store.payment_fact(payment_id, &apps);
  if (!p) throw Error(ErrorKind::kNotFound, "payment '" + payment_id + "' is not in the ledger", {}, "list unapplied ones with `otc cash unapplied`");
  if (p->received_date > as_of)
    throw Error(ErrorKind::kInput, "payment '" + payment_id + "' was received on " + p->received_date.iso() + ", after --as-of " + as_of.iso());
  auto r = engine::build_receipt(*p, apps, as_of);
  tx.end();
  return r;
}

std::optional<std::pair<std::string, std::string>> stored_seller_profile(store::LedgerStore& store) {
  store::ReadTransaction tx(store);
  auto r = store.seller_profile();
  tx.end();
  return r;
}

bool store_seller_profile(store::LedgerStore& store, const Invocation& inv, const std::string& file_name,
                          const std::string& text, const std::string& sha256) {
  import::parse_seller_profile(text, file_name);  // a bad profile fails before anything is written
  store::WriteTransaction tx(store);
  auto old = store.seller_profile();
  if (old && old->first == text) {
    tx.rollback();
    return false;
  }
  store.put_seller_profile(file_name, text);
  auto e = audit_entry(inv, "set", "seller_profile", file_name, old ? "replaced" : "stored");
  e.file_name = file_name;
  e.sha256 = sha256;
  store.audit(e);
  tx.commit();
  return true;
}

std::pair<report::SellerInfo, report::StatementTexts> seller_block(const import::SellerProfile& p) {
  report::SellerInfo s;
  s.name = p.name;
  std::vector<std::string> lines = p.address;
  if (!p.tax_id.empty()) lines.push_back("Tax ID: " + p.tax_id);
  if (!p.email.empty()) lines.push_back(p.email);
  if (!p.phone.empty()) lines.push_back(p.phone);
  if (!p.website.empty()) lines.push_back(p.website);
  for (const auto& l : lines) s.address += (s.address.empty() ? "" : "\n") + l;
  for (const auto& l : p.remittance) s.remit_to += (s.remit_to.empty() ? "" : "\n") + l;
  report::StatementTexts t{p.statement_note, p.contact.empty() ? p.email : p.contact};
  return {s, t};
}

}  // namespace otc::ops
