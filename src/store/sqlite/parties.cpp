// The SQLite parties role: customers, their aliases and terms.
#include "sqlite_ledger.hpp"

namespace otc::store::sqlite {

PutResult SqliteLedger::put_customer(const domain::Customer& c, std::uint64_t hash, std::int64_t batch, long line) {
  forget_names();
  auto& ins = stmt(customers_.put,
      "INSERT INTO customers(external_id, name, currency, terms_days, credit_limit, email, bank_account, content_hash, batch_id, source_line)"
      " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)"
      " ON CONFLICT(external_id) DO UPDATE SET name=excluded.name, currency=excluded.currency, terms_days=excluded.terms_days,"
      " credit_limit=excluded.credit_limit, email=excluded.email, bank_account=excluded.bank_account, content_hash=excluded.content_hash,"
      " batch_id=excluded.batch_id, source_line=excluded.source_line, stub=0 WHERE customers.stub=1");
  ins.bind(1, c.external_id).bind(2, c.name).bind_opt(3, c.currency);
  if (c.terms_days) ins.bind(4, *c.terms_days); else ins.bind_null(4);
  if (c.credit_limit_minor) ins.bind(5, *c.credit_limit_minor); else ins.bind_null(5);
  ins.bind_opt(6, c.email).bind_opt(7, c.bank_account).bind(8, static_cast<std::int64_t>(hash)).bind(9, batch).bind(10, static_cast<std::int64_t>(line));
  ins.step();
  ins.reset();
  if (db_.changes() > 0) {
    auto id = lookup_customer(c.external_id);
    return {PutOutcome::kInserted, *id, {}, 0};
  }
  return compare_existing("SELECT c.id, c.content_hash, b.file_name, c.source_line FROM customers c LEFT JOIN import_batches b ON b.id=c.batch_id WHERE c.external_id=?1",
                          customers_.compare, c.external_id, hash);
}

std::int64_t SqliteLedger::ensure_customer(std::string_view ext, std::string_view name, std::int64_t batch, long line) {
  if (auto id = find_customer(ext)) return *id;
  auto& s = stmt(customers_.stub, "INSERT INTO customers(external_id, name, stub, batch_id, source_line) VALUES(?1,?2,1,?3,?4)");
  s.bind(1, ext).bind(2, name).bind(3, batch).bind(4, static_cast<std::int64_t>(line));
  s.step();
  s.reset();
  std::int64_t id = db_.last_insert_id();
  customer_ids_.emplace(std::string(ext), id);
  forget_names();
  return id;
}

std::optional<std::int64_t> SqliteLedger::find_customer(std::string_view ext) {
  if (auto it = customer_ids_.find(ext); it != customer_ids_.end()) return it->second;
  return lookup_customer(ext);
}

std::optional<int> SqliteLedger::customer_terms(std::int64_t id) {
  auto& s = stmt(customers_.terms, "SELECT terms_days FROM customers WHERE id=?1");
  s.bind(1, id);
  std::optional<int> r;
  if (s.step() && !s.is_null(0)) r = static_cast<int>(s.int64(0));
  s.reset();
  return r;
}

void SqliteLedger::for_each_customer(const std::function<void(const CustomerRecord&)>& fn) {
  Statement s(db_.handle(), "SELECT id, external_id, name, COALESCE(bank_account,'') FROM customers ORDER BY id");
  CustomerRecord c;
  while (s.step()) {
    c.id = s.int64(0);
    c.external_id.assign(s.text(1));
    c.name.assign(s.text(2));
    c.bank_account.assign(s.text(3));
    fn(c);
  }
}

void SqliteLedger::for_each_alias(const std::function<void(std::int64_t, const std::string&)>& fn) {
  Statement s(db_.handle(), "SELECT customer_id, alias FROM customer_aliases ORDER BY customer_id, alias");
  std::string alias;
  while (s.step()) {
    alias.assign(s.text(1));
    fn(s.int64(0), alias);
  }
}

void SqliteLedger::add_alias(std::int64_t customer_id, std::string_view alias, std::string_view source) {
  auto& s = stmt(customers_.add_alias, "INSERT INTO customer_aliases(customer_id, alias, source) VALUES(?1,?2,?3) ON CONFLICT DO NOTHING");
  s.bind(1, customer_id).bind(2, alias).bind(3, source);
  s.step();
  s.reset();
}

std::optional<std::int64_t> SqliteLedger::lookup_customer(std::string_view ext) {
  auto& s = stmt(customers_.find, "SELECT id FROM customers WHERE external_id=?1");
  s.bind(1, ext);
  std::optional<std::int64_t> r;
  if (s.step()) r = s.int64(0);
  s.reset();
  if (r) customer_ids_.emplace(std::string(ext), *r);
  return r;
}

void SqliteLedger::forget_names() {
  if (names_loaded_) {
    names_.clear();
    names_loaded_ = false;
  }
}

const std::unordered_map<std::int64_t, std::pair<std::string, std::string>>& SqliteLedger::customer_names() {
  if (!names_loaded_) {
    Statement s(db_.handle(), "SELECT id, external_id, name FROM customers");
    while (s.step()) names_.emplace(s.int64(0), std::make_pair(std::string(s.text(1)), std::string(s.text(2))));
    names_loaded_ = true;
  }
  return names_;
}

}  // namespace otc::store::sqlite
