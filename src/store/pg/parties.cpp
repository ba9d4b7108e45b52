// The PostgreSQL parties role: customers, their aliases and terms (a port of
// src/store/sqlite/parties.cpp).
#include "pg_ledger.hpp"

namespace otc::store::pg {

PutResult PgLedger::put_customer(const domain::Customer& c, std::uint64_t hash, std::int64_t batch, long line) {
  forget_names();
  // An upsert that only fills a stub: 0 rows back means the customer was there, complete.
  Result r = db_.run(
      "INSERT INTO customers(id, external_id, name, currency, terms_days, credit_limit, email, bank_account, content_hash, batch_id, source_line)"
      " VALUES((SELECT COALESCE(max(id), 0) + 1 FROM customers),$1,$2,$3,$4,$5,$6,$7,$8,$9,$10)"
      " ON CONFLICT(external_id) DO UPDATE SET name=excluded.name, currency=excluded.currency, terms_days=excluded.terms_days,"
      " credit_limit=excluded.credit_limit, email=excluded.email, bank_account=excluded.bank_account, content_hash=excluded.content_hash,"
      " batch_id=excluded.batch_id, source_line=excluded.source_line, stub=0 WHERE customers.stub=1 RETURNING id",
      {c.external_id, c.name, Param::opt(c.currency),
       c.terms_days ? Param(static_cast<std::int64_t>(*c.terms_days)) : Param::null(),
       c.credit_limit_minor ? Param(static_cast<std::int64_t>(*c.credit_limit_minor)) : Param::null(), Param::opt(c.email),
       Param::opt(c.bank_account), static_cast<std::int64_t>(hash), batch, static_cast<std::int64_t>(line)});
  if (r.next()) {
    customer_ids_.insert_or_assign(c.external_id, r.int64(0));
    return {PutOutcome::kInserted, r.int64(0), {}, 0};
  }
  return compare_existing("SELECT c.id, c.content_hash, b.file_name, c.source_line FROM customers c LEFT JOIN import_batches b ON b.id=c.batch_id WHERE c.external_id=$1",
                          c.external_id, hash);
}

std::int64_t PgLedger::ensure_customer(std::string_view ext, std::string_view name, std::int64_t batch, long line) {
  if (auto id = find_customer(ext)) return *id;
  Result r = db_.run("INSERT INTO customers(id, external_id, name, stub, batch_id, source_line)"
                     " VALUES((SELECT COALESCE(max(id), 0) + 1 FROM customers),$1,$2,1,$3,$4) RETURNING id",
                     {ext, name, batch, static_cast<std::int64_t>(line)});
  r.next();
  std::int64_t id = r.int64(0);
  customer_ids_.emplace(std::string(ext), id);
  forget_names();
  return id;
}

std::optional<std::int64_t> PgLedger::find_customer(std::string_view ext) {
  if (auto it = customer_ids_.find(ext); it != customer_ids_.end()) return it->second;
  return lookup_customer(ext);
}

std::optional<int> PgLedger::customer_terms(std::int64_t id) {
  Result r = db_.run("SELECT terms_days FROM customers WHERE id=$1", {id});
  if (r.next() && !r.is_null(0)) return static_cast<int>(r.int64(0));
  return std::nullopt;
}

void PgLedger::for_each_customer(const std::function<void(const CustomerRecord&)>& fn) {
  Result r = db_.run("SELECT id, external_id, name, COALESCE(bank_account,'') FROM customers ORDER BY id");
  CustomerRecord c;
  while (r.next()) {
    c.id = r.int64(0);
    c.external_id.assign(r.text(1));
    c.name.assign(r.text(2));
    c.bank_account.assign(r.text(3));
    fn(c);
  }
}

void PgLedger::for_each_alias(const std::function<void(std::int64_t, const std::string&)>& fn) {
  Result r = db_.run("SELECT customer_id, alias FROM customer_aliases ORDER BY customer_id, alias");
  std::string alias;
  while (r.next()) {
    alias.assign(r.text(1));
    fn(r.int64(0), alias);
  }
}

void PgLedger::add_alias(std::int64_t customer_id, std::string_view alias, std::string_view source) {
  db_.run("INSERT INTO customer_aliases(customer_id, alias, source) VALUES($1,$2,$3) ON CONFLICT DO NOTHING",
          {customer_id, alias, source});
}

std::optional<std::int64_t> PgLedger::lookup_customer(std::string_view ext) {
  Result r = db_.run("SELECT id FROM customers WHERE external_id=$1", {ext});
  if (!r.next()) return std::nullopt;
  customer_ids_.emplace(std::string(ext), r.int64(0));
  return r.int64(0);
}

void PgLedger::forget_names() {
  if (names_loaded_) {
    names_.clear();
    names_loaded_ = false;
  }
}

const std::unordered_map<std::int64_t, std::pair<std::string, std::string>>& PgLedger::customer_names() {
  if (!names_loaded_) {
    Result r = db_.run("SELECT id, external_id, name FROM customers");
    while (r.next()) names_.emplace(r.int64(0), std::make_pair(std::string(r.text(1)), std::string(r.text(2))));
    names_loaded_ = true;
  }
  return names_;
}

}  // namespace otc::store::pg
