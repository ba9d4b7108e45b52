#include "otc/store/sqlite_store.hpp"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <unordered_map>

#include "otc/core/error.hpp"
#include "otc/store/migrations.hpp"
#include "otc/store/sqlite_db.hpp"

namespace otc::store {
namespace {

using core::Date;
using core::Error;
using core::ErrorKind;

std::string utc_timestamp() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

core::Currency currency_of(std::string_view code) {
  auto c = core::find_currency(code, true);
  if (!c) throw Error(ErrorKind::kLedger, "ledger holds an invalid currency code '" + std::string(code) + "'");
  return *c;
}

Date date_of(std::string_view iso) {
  auto d = core::parse_iso_date(iso);
  if (!d) throw Error(ErrorKind::kLedger, "ledger holds an invalid date '" + std::string(iso) + "'");
  return *d;
}

class SqliteStore final : public LedgerStore {
 public:
  SqliteStore(const std::string& path, OpenMode mode) : db_(path, mode == OpenMode::kCreate) {
    const char* env = std::getenv("OTC_BUSY_TIMEOUT_MS");
    sqlite3_busy_timeout(db_.handle(), env ? std::atoi(env) : 60000);
    db_.exec("PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;");
    migrate(mode);
  }

  int schema_version() {
    Statement s(db_.handle(), "PRAGMA user_version");
    s.step();
    int v = static_cast<int>(s.int64(0));
    s.reset();
    return v;
  }

  void begin_write() override {
    db_.exec("BEGIN IMMEDIATE");
    locks_loaded_ = false;  // read them again under the writer lock
    pending_activity_.reset();
  }
  void begin_read() override { db_.exec("BEGIN DEFERRED"); }
  void commit() override {
    if (pending_activity_) {
      auto& s = stmt(meta_update_, "UPDATE ledger_meta SET max_activity = max(max_activity, ?1) WHERE id = 1");
      std::string day = pending_activity_->iso();
      s.bind(1, day);
      s.step();
      s.reset();
      pending_activity_.reset();
    }
    db_.exec("COMMIT");
  }
  void rollback() override {
    if (!sqlite3_get_autocommit(db_.handle())) db_.exec("ROLLBACK");
    customer_ids_.clear();  // the cache may hold ids that were rolled back
    names_.clear();
    names_loaded_ = false;
    pending_activity_.reset();
  }

  std::optional<BatchInfo> find_batch(std::string_view kind, std::string_view sha) override {
    auto& s = stmt(find_batch_, "SELECT id, file_name, created_at, rows_added FROM import_batches WHERE kind=?1 AND sha256=?2 ORDER BY id LIMIT 1");
    s.bind(1, kind).bind(2, sha);
    std::optional<BatchInfo> r;
    if (s.step()) r = BatchInfo{s.int64(0), std::string(s.text(1)), std::string(s.text(2)), s.int64(3)};
    s.reset();
    return r;
  }

  std::int64_t add_batch(std::string_view kind, std::string_view file, std::string_view sha, std::string_view command) override {
    auto& s = stmt(add_batch_, "INSERT INTO import_batches(kind, file_name, sha256, command, created_at) VALUES(?1,?2,?3,?4,?5)");
    std::string now = utc_timestamp();
    s.bind(1, kind).bind(2, file).bind(3, sha).bind(4, command).bind(5, now);
    s.step();
    s.reset();
    return db_.last_insert_id();
  }

  void finish_batch(std::int64_t id, std::int64_t read, std::int64_t added) override {
    auto& s = stmt(finish_batch_, "UPDATE import_batches SET rows_read=?2, rows_added=?3 WHERE id=?1");
    s.bind(1, id).bind(2, read).bind(3, added);
    s.step();
    s.reset();
  }

  void audit(const AuditEntry& e) override {
    auto& s = stmt(audit_, "INSERT INTO audit_log(at, command, action, entity, entity_id, detail, file_name, sha256, batch_id) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)");
    std::string now = utc_timestamp();
    s.bind(1, now).bind(2, e.command).bind(3, e.action).bind(4, e.entity).bind_opt(5, e.entity_id)
        .bind_opt(6, e.detail).bind_opt(7, e.file_name).bind_opt(8, e.sha256);
    if (e.batch_id) s.bind(9, e.batch_id); else s.bind_null(9);
    s.step();
    s.reset();
  }

  void for_each_audit(std::string_view since, std::string_view command,
                      const std::function<void(const AuditRecord&)>& fn) override {
    Statement s(db_.handle(),
                "SELECT id, at, command, action, entity, COALESCE(entity_id,''), COALESCE(detail,''), COALESCE(file_name,''),"
                " COALESCE(sha256,''), COALESCE(batch_id,0) FROM audit_log WHERE at >= ?1 AND instr(command, ?2) > 0 ORDER BY id");
    s.bind(1, since).bind(2, command);
    AuditRecord r;
    while (s.step()) {
      r.id = s.int64(0);
      r.at.assign(s.text(1));
      r.entry.command.assign(s.text(2));
      r.entry.action.assign(s.text(3));
      r.entry.entity.assign(s.text(4));
      r.entry.entity_id.assign(s.text(5));
      r.entry.detail.assign(s.text(6));
      r.entry.file_name.assign(s.text(7));
      r.entry.sha256.assign(s.text(8));
      r.entry.batch_id = s.int64(9);
      fn(r);
    }
  }

  PutResult put_customer(const domain::Customer& c, std::uint64_t hash, std::int64_t batch, long line) override {
    forget_names();
    auto& ins = stmt(put_customer_,
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
                            cmp_customer_, c.external_id, hash);
  }

  std::int64_t ensure_customer(std::string_view ext, std::string_view name, std::int64_t batch, long line) override {
    if (auto id = find_customer(ext)) return *id;
    auto& s = stmt(stub_customer_, "INSERT INTO customers(external_id, name, stub, batch_id, source_line) VALUES(?1,?2,1,?3,?4)");
    s.bind(1, ext).bind(2, name).bind(3, batch).bind(4, static_cast<std::int64_t>(line));
    s.step();
    s.reset();
    std::int64_t id = db_.last_insert_id();
    customer_ids_.emplace(std::string(ext), id);
    forget_names();
    return id;
  }

  std::optional<std::int64_t> find_customer(std::string_view ext) override {
    if (auto it = customer_ids_.find(ext); it != customer_ids_.end()) return it->second;
    return lookup_customer(ext);
  }

  std::optional<int> customer_terms(std::int64_t id) override {
    auto& s = stmt(customer_terms_, "SELECT terms_days FROM customers WHERE id=?1");
    s.bind(1, id);
    std::optional<int> r;
    if (s.step() && !s.is_null(0)) r = static_cast<int>(s.int64(0));
    s.reset();
    return r;
  }

  PutResult put_invoice(const domain::Invoice& inv, std::int64_t customer_id, std::uint64_t hash, std::int64_t batch, long line) override {
    ensure_period_open(inv.invoice_date, "invoice date");
    auto& s = stmt(put_invoice_,
        "INSERT INTO invoices(external_id, customer_id, currency, invoice_date, due_date, total_minor, open_minor, last_activity, po_number, content_hash, batch_id, source_line)"
        " VALUES(?1,?2,?3,?4,?5,?6,?6,?4,?7,?8,?9,?10) ON CONFLICT(external_id) DO NOTHING");
    char inv_date[10], due_date[10];
    write_iso(inv_date, inv.invoice_date);
    write_iso(due_date, inv.due_date);
    s.bind(1, inv.external_id).bind(2, customer_id).bind(3, inv.currency.view())
        .bind(4, std::string_view(inv_date, 10)).bind(5, std::string_view(due_date, 10)).bind(6, inv.total_minor)
        .bind_opt(7, inv.po_number).bind(8, static_cast<std::int64_t>(hash)).bind(9, batch).bind(10, static_cast<std::int64_t>(line));
    s.step();
    s.reset();
    if (db_.changes() > 0) {
      note_activity(inv.invoice_date);
      return {PutOutcome::kInserted, db_.last_insert_id(), {}, 0};
    }
    return compare_existing("SELECT i.id, i.content_hash, b.file_name, i.source_line FROM invoices i LEFT JOIN import_batches b ON b.id=i.batch_id WHERE i.external_id=?1",
                            cmp_invoice_, inv.external_id, hash);
  }

  std::optional<InvoiceRef> find_invoice(std::string_view ext) override {
    auto& s = stmt(find_invoice_, "SELECT id, customer_id, currency, invoice_date, open_minor FROM invoices WHERE external_id=?1 AND status='open'");
    s.bind(1, ext);
    std::optional<InvoiceRef> r;
    if (s.step()) r = InvoiceRef{s.int64(0), s.int64(1), currency_of(s.text(2)), date_of(s.text(3)), s.int64(4)};
    s.reset();
    return r;
  }

  PutResult put_payment(const domain::Payment& p, std::optional<std::int64_t> customer_id, std::uint64_t hash,
                        std::int64_t batch, long line) override {
    ensure_period_open(p.received_date, "payment date");
    auto& s = stmt(put_payment_,
        "INSERT INTO payments(external_id, customer_id, currency, received_date, amount_minor, unapplied_minor, last_activity, method, reference, payer_name, payer_account, content_hash, batch_id, source_line, bank_key, remittance)"
        " VALUES(?1,?2,?3,?4,?5,?5,?4,?6,?7,?8,?9,?10,?11,?12,?13,?14) ON CONFLICT(external_id) DO NOTHING");
    char date[10];
    write_iso(date, p.received_date);
    s.bind(1, p.external_id);
    if (customer_id) s.bind(2, *customer_id); else s.bind_null(2);
    s.bind(3, p.currency.view()).bind(4, std::string_view(date, 10)).bind(5, p.amount_minor).bind_opt(6, p.method)
        .bind_opt(7, p.reference).bind_opt(8, p.payer_name).bind_opt(9, p.payer_account)
        .bind(10, static_cast<std::int64_t>(hash)).bind(11, batch).bind(12, static_cast<std::int64_t>(line))
        .bind_opt(13, p.bank_key).bind_opt(14, p.remittance);
    s.step();
    s.reset();
    if (db_.changes() > 0) {
      note_activity(p.received_date);
      return {PutOutcome::kInserted, db_.last_insert_id(), {}, 0};
    }
    return compare_existing("SELECT p.id, p.content_hash, b.file_name, p.source_line FROM payments p LEFT JOIN import_batches b ON b.id=p.batch_id WHERE p.external_id=?1",
                            cmp_payment_, p.external_id, hash);
  }

  std::optional<PaymentRef> find_payment(std::string_view ext) override {
    auto& s = stmt(find_payment_, "SELECT id, customer_id, currency, received_date, unapplied_minor, status FROM payments WHERE external_id=?1");
    s.bind(1, ext);
    std::optional<PaymentRef> r;
    if (s.step()) {
      r = PaymentRef{s.int64(0), std::nullopt, currency_of(s.text(2)), date_of(s.text(3)), s.int64(4), s.text(5) == "reversed"};
      if (!s.is_null(1)) r->customer_id = s.int64(1);
    }
    s.reset();
    return r;
  }

  bool has_application(std::int64_t payment_id, std::int64_t invoice_id) override {
    auto& s = stmt(has_app_, "SELECT 1 FROM applications WHERE payment_id=?1 AND invoice_id=?2 LIMIT 1");
    s.bind(1, payment_id).bind(2, invoice_id);
    bool found = s.step();
    s.reset();
    return found;
  }

  std::int64_t apply(const ApplicationDraft& d) override {
    ensure_period_open(d.applied_on, "application date");
    char date[10];
    write_iso(date, d.applied_on);
    std::string_view day(date, 10);
    auto& ins = stmt(apply_ins_, "INSERT INTO applications(invoice_id, payment_id, amount_minor, applied_on, rule, confidence, batch_id, reverses_id, note) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)");
    ins.bind(1, d.invoice_id).bind(2, d.payment_id).bind(3, d.amount_minor).bind(4, day).bind(5, d.rule).bind(6, d.confidence);
    if (d.batch_id) ins.bind(7, d.batch_id); else ins.bind_null(7);
    if (d.reverses_id) ins.bind(8, d.reverses_id); else ins.bind_null(8);
    ins.bind_opt(9, d.note);
    ins.step();
    ins.reset();
    std::int64_t id = db_.last_insert_id();
    note_activity(d.applied_on);
    auto& inv = stmt(apply_inv_, "UPDATE invoices SET open_minor=open_minor-?2, last_activity=max(last_activity, ?3) WHERE id=?1");
    inv.bind(1, d.invoice_id).bind(2, d.amount_minor).bind(3, day);
    inv.step();
    inv.reset();
    auto& pay = stmt(apply_pay_, "UPDATE payments SET unapplied_minor=unapplied_minor-?2, last_activity=max(last_activity, ?3) WHERE id=?1");
    pay.bind(1, d.payment_id).bind(2, d.amount_minor).bind(3, day);
    pay.step();
    pay.reset();
    return id;
  }

  void for_each_open_item(Date as_of, const std::function<void(const domain::OpenItem&)>& fn) override {
    // As of the latest activity or later, the kept balances are the answer and only open items
    // are read (through the partial index). Before it, every invoice dated on or before as_of is
    // a candidate; those touched after as_of are recomputed from applications dated up to as_of.
    static constexpr const char* kCurrent =
        "SELECT i.id, i.external_id, i.customer_id, i.currency, i.invoice_date, i.due_date, i.total_minor, i.open_minor"
        " FROM invoices i INDEXED BY invoices_open"
        " WHERE i.open_minor <> 0 AND i.status='open' AND i.invoice_date <= ?1";
    static constexpr const char* kHistoric =
        "SELECT i.id, i.external_id, i.customer_id, i.currency, i.invoice_date, i.due_date, i.total_minor,"
        " CASE WHEN i.last_activity <= ?1 THEN i.open_minor ELSE i.total_minor"
        "   - COALESCE((SELECT SUM(a.amount_minor) FROM applications a WHERE a.invoice_id=i.id AND a.applied_on <= ?1), 0)"
        "   - COALESCE((SELECT SUM(j.amount_minor) FROM adjustments j WHERE j.invoice_id=i.id AND j.adj_date <= ?1), 0) END"
        " FROM invoices i"
        // A voided invoice was open until its void date (its last activity).
        " WHERE i.invoice_date <= ?1 AND (i.status='open' OR (i.status='void' AND i.last_activity > ?1))"
        "   AND (i.open_minor <> 0 OR i.last_activity > ?1)";
    auto& s = as_of >= max_activity() ? stmt(open_items_, kCurrent) : stmt(open_items_hist_, kHistoric);
    std::string day = as_of.iso();
    s.bind(1, day);
    const auto& names = customer_names();
    domain::OpenItem item;
    std::int64_t last_customer = -1;
    while (s.step()) {
      item.open_minor = s.int64(7);
      if (item.open_minor == 0) continue;
      item.invoice_id = s.int64(0);
      item.invoice_external_id.assign(s.text(1));
      item.customer_id = s.int64(2);
      if (item.customer_id != last_customer) {
        auto it = names.find(item.customer_id);
        item.customer_external_id.assign(it != names.end() ? it->second.first : std::string());
        item.customer_name.assign(it != names.end() ? it->second.second : std::string());
        last_customer = item.customer_id;
      }
      item.currency = currencies_.get(s.text(3));
      item.invoice_date = date_of(s.text(4));
      item.due_date = date_of(s.text(5));
      item.total_minor = s.int64(6);
      fn(item);
    }
    s.reset();
  }

  void for_each_unapplied(Date as_of, const std::function<void(const domain::UnappliedCredit&)>& fn) override {
    static constexpr const char* kCurrent =
        "SELECT COALESCE(c.external_id, ''), COALESCE(c.name, ''), p.currency, SUM(p.unapplied_minor)"
        " FROM payments p INDEXED BY payments_unapplied LEFT JOIN customers c ON c.id=p.customer_id"
        " WHERE p.unapplied_minor <> 0 AND p.status='posted' AND p.received_date <= ?1"
        " GROUP BY 1, 2, 3 ORDER BY 1, 3";
    static constexpr const char* kHistoric =
        "SELECT COALESCE(c.external_id, ''), COALESCE(c.name, ''), p.currency,"
        " SUM(CASE WHEN p.last_activity <= ?1 THEN p.unapplied_minor ELSE p.amount_minor"
        "   - COALESCE((SELECT SUM(a.amount_minor) FROM applications a WHERE a.payment_id=p.id AND a.applied_on <= ?1), 0) END)"
        " FROM payments p LEFT JOIN customers c ON c.id=p.customer_id"
        " WHERE p.received_date <= ?1 AND (p.status='posted' OR (p.status='reversed' AND p.reversed_on > ?1))"
        "   AND (p.unapplied_minor <> 0 OR p.last_activity > ?1)"
        " GROUP BY 1, 2, 3 ORDER BY 1, 3";
    auto& s = as_of >= max_activity() ? stmt(unapplied_, kCurrent) : stmt(unapplied_hist_, kHistoric);
    std::string day = as_of.iso();
    s.bind(1, day);
    domain::UnappliedCredit u;
    while (s.step()) {
      u.amount_minor = s.int64(3);
      if (u.amount_minor == 0) continue;
      u.customer_external_id.assign(s.text(0));
      u.customer_name.assign(s.text(1));
      u.currency = currencies_.get(s.text(2));
      fn(u);
    }
    s.reset();
  }

  void for_each_invoice_total(Date from, Date to, const std::function<void(const InvoiceTotal&)>& fn) override {
    auto& s = stmt(invoice_totals_,
                   "SELECT customer_id, currency, invoice_date, total_minor FROM invoices"
                   " WHERE invoice_date >= ?1 AND invoice_date <= ?2"
                   "   AND (status='open' OR (status='void' AND last_activity > ?2))");
    std::string f = from.iso(), t = to.iso();
    s.bind(1, f).bind(2, t);
    const auto& names = customer_names();
    InvoiceTotal row;
    static const std::string kUnknown;
    while (s.step()) {
      row.customer_id = s.int64(0);
      auto it = names.find(row.customer_id);
      row.customer_external_id = it != names.end() ? &it->second.first : &kUnknown;
      row.customer_name = it != names.end() ? &it->second.second : &kUnknown;
      row.currency = currencies_.get(s.text(1));
      row.invoice_date = date_of(s.text(2));
      row.total_minor = s.int64(3);
      fn(row);
    }
    s.reset();
  }

  bool bank_key_exists(std::string_view key) override {
    auto& s = stmt(bank_key_, "SELECT 1 FROM payments WHERE bank_key=?1");
    s.bind(1, key);
    bool found = s.step();
    s.reset();
    return found;
  }

  void for_each_customer(const std::function<void(const CustomerRecord&)>& fn) override {
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

  void for_each_alias(const std::function<void(std::int64_t, const std::string&)>& fn) override {
    Statement s(db_.handle(), "SELECT customer_id, alias FROM customer_aliases ORDER BY customer_id, alias");
    std::string alias;
    while (s.step()) {
      alias.assign(s.text(1));
      fn(s.int64(0), alias);
    }
  }

  void add_alias(std::int64_t customer_id, std::string_view alias, std::string_view source) override {
    auto& s = stmt(add_alias_, "INSERT INTO customer_aliases(customer_id, alias, source) VALUES(?1,?2,?3) ON CONFLICT DO NOTHING");
    s.bind(1, customer_id).bind(2, alias).bind(3, source);
    s.step();
    s.reset();
  }

  void add_adjustment(std::int64_t invoice_id, std::string_view kind, std::string_view reason, std::int64_t amount,
                      Date date, std::int64_t batch) override {
    ensure_period_open(date, "adjustment date");
    std::string day = date.iso();
    auto& s = stmt(add_adj_, "INSERT INTO adjustments(invoice_id, kind, reason_code, amount_minor, adj_date, batch_id) VALUES(?1,?2,?3,?4,?5,?6)");
    s.bind(1, invoice_id).bind(2, kind).bind(3, reason).bind(4, amount).bind(5, day);
    if (batch) s.bind(6, batch); else s.bind_null(6);
    s.step();
    s.reset();
    auto& u = stmt(adj_inv_, "UPDATE invoices SET open_minor=open_minor-?2, last_activity=max(last_activity, ?3) WHERE id=?1");
    u.bind(1, invoice_id).bind(2, amount).bind(3, day);
    u.step();
    u.reset();
    note_activity(date);
  }

  std::vector<ApplicationRecord> applications_of_payment(std::int64_t payment_id) override {
    Statement s(db_.handle(),
                "SELECT a.id, a.invoice_id, i.external_id, a.payment_id, p.external_id, a.amount_minor, a.applied_on,"
                " EXISTS (SELECT 1 FROM applications r WHERE r.reverses_id = a.id)"
                " FROM applications a JOIN invoices i ON i.id=a.invoice_id JOIN payments p ON p.id=a.payment_id"
                " WHERE a.payment_id=?1 AND a.reverses_id IS NULL ORDER BY a.id");
    s.bind(1, payment_id);
    std::vector<ApplicationRecord> out;
    while (s.step()) out.push_back(application_row(s));
    return out;
  }

  std::optional<ApplicationRecord> find_application(std::int64_t id) override {
    Statement s(db_.handle(),
                "SELECT a.id, a.invoice_id, i.external_id, a.payment_id, p.external_id, a.amount_minor, a.applied_on,"
                " EXISTS (SELECT 1 FROM applications r WHERE r.reverses_id = a.id)"
                " FROM applications a JOIN invoices i ON i.id=a.invoice_id JOIN payments p ON p.id=a.payment_id"
                " WHERE a.id=?1 AND a.reverses_id IS NULL");
    s.bind(1, id);
    std::optional<ApplicationRecord> r;
    if (s.step()) r = application_row(s);
    return r;
  }

  void mark_payment_reversed(std::int64_t payment_id, Date on, std::string_view reason) override {
    ensure_period_open(on, "reversal date");
    std::string day = on.iso();
    Statement s(db_.handle(),
                "UPDATE payments SET status='reversed', unapplied_minor=0, reversed_on=?2, reverse_reason=?3,"
                " last_activity=max(last_activity, ?2) WHERE id=?1");
    s.bind(1, payment_id).bind(2, day).bind(3, reason);
    s.step();
    note_activity(on);
  }

  void set_payment_customer(std::int64_t payment_id, std::int64_t customer_id) override {
    Statement s(db_.handle(), "UPDATE payments SET customer_id=?2 WHERE id=?1");
    s.bind(1, payment_id).bind(2, customer_id);
    s.step();
  }

  void replace_suggestions(std::int64_t payment_id, const std::vector<Suggestion>& list) override {
    auto& del = stmt(del_sugg_, "DELETE FROM unapplied_suggestions WHERE payment_id=?1");
    del.bind(1, payment_id);
    del.step();
    del.reset();
    auto& ins = stmt(ins_sugg_, "INSERT INTO unapplied_suggestions(payment_id, rank, kind, target, score, why) VALUES(?1,?2,?3,?4,?5,?6)");
    int rank = 0;
    for (const auto& sg : list) {
      ins.bind(1, payment_id).bind(2, ++rank).bind(3, sg.kind).bind(4, sg.target).bind(5, sg.score).bind(6, sg.why);
      ins.step();
      ins.reset();
    }
  }

  std::vector<PaymentCandidate> payments_with_amount(std::int64_t amount, const core::Currency& ccy, Date from, Date to) override {
    Statement s(db_.handle(),
                "SELECT id, external_id, COALESCE(reference,''), COALESCE(payer_account,''), COALESCE(bank_key,''), received_date"
                " FROM payments WHERE amount_minor=?1 AND currency=?2 AND received_date BETWEEN ?3 AND ?4 AND status='posted' ORDER BY id");
    std::string f = from.iso(), t = to.iso();
    s.bind(1, amount).bind(2, ccy.view()).bind(3, f).bind(4, t);
    std::vector<PaymentCandidate> out;
    while (s.step()) {
      PaymentCandidate c;
      c.id = s.int64(0);
      c.external_id.assign(s.text(1));
      c.reference.assign(s.text(2));
      c.payer_account.assign(s.text(3));
      c.bank_key.assign(s.text(4));
      c.received_date = date_of(s.text(5));
      out.push_back(std::move(c));
    }
    return out;
  }

  void for_each_unapplied_payment(Date as_of, const std::function<void(const UnappliedPayment&)>& fn) override {
    Statement s(db_.handle(),
                "SELECT p.id, p.external_id, COALESCE(c.external_id,''), COALESCE(c.name,''), p.currency, p.received_date,"
                " p.amount_minor, CASE WHEN p.last_activity <= ?1 THEN p.unapplied_minor ELSE p.amount_minor"
                "   - COALESCE((SELECT SUM(a.amount_minor) FROM applications a WHERE a.payment_id=p.id AND a.applied_on <= ?1), 0) END,"
                " COALESCE(p.payer_name,''), COALESCE(p.reference,''), COALESCE(p.remittance,''),"
                " COALESCE((SELECT group_concat(g.rank || '. ' || g.kind || ' ' || g.target || ' (' || g.score || '): ' || g.why, ' | ')"
                "   FROM (SELECT * FROM unapplied_suggestions WHERE payment_id=p.id ORDER BY rank) g), '')"
                " FROM payments p LEFT JOIN customers c ON c.id=p.customer_id"
                " WHERE p.received_date <= ?1 AND (p.status='posted' OR (p.status='reversed' AND p.reversed_on > ?1))"
                "   AND (p.unapplied_minor <> 0 OR p.last_activity > ?1)"
                " ORDER BY p.received_date, p.external_id");
    std::string day = as_of.iso();
    s.bind(1, day);
    UnappliedPayment u;
    while (s.step()) {
      u.unapplied_minor = s.int64(7);
      if (u.unapplied_minor == 0) continue;
      u.id = s.int64(0);
      u.external_id.assign(s.text(1));
      u.customer_external_id.assign(s.text(2));
      u.customer_name.assign(s.text(3));
      u.currency = currencies_.get(s.text(4));
      u.received_date = date_of(s.text(5));
      u.amount_minor = s.int64(6);
      u.payer_name.assign(s.text(8));
      u.reference.assign(s.text(9));
      u.remittance.assign(s.text(10));
      u.suggestions.assign(s.text(11));
      fn(u);
    }
  }

  std::vector<PeriodMovements> movements(Date from, Date to) override {
    static constexpr const char* kSql =
        "SELECT currency, SUM(inv), SUM(col), SUM(cred), SUM(wo) FROM ("
        " SELECT currency, total_minor AS inv, 0 AS col, 0 AS cred, 0 AS wo FROM invoices"
        "   WHERE invoice_date BETWEEN ?1 AND ?2"
        // A void reverses the invoice in the period of the void (its last activity): credited.
        " UNION ALL SELECT currency, 0, 0, total_minor, 0 FROM invoices"
        "   WHERE status='void' AND last_activity BETWEEN ?1 AND ?2"
        " UNION ALL SELECT i.currency, 0, CASE WHEN a.payment_id IS NOT NULL THEN a.amount_minor ELSE 0 END,"
        "   CASE WHEN a.credit_memo_id IS NOT NULL THEN a.amount_minor ELSE 0 END, 0"
        "   FROM applications a JOIN invoices i ON i.id=a.invoice_id WHERE a.applied_on BETWEEN ?1 AND ?2"
        " UNION ALL SELECT i.currency, 0, 0, CASE WHEN j.kind <> 'write_off' THEN j.amount_minor ELSE 0 END,"
        "   CASE WHEN j.kind = 'write_off' THEN j.amount_minor ELSE 0 END"
        "   FROM adjustments j JOIN invoices i ON i.id=j.invoice_id WHERE j.adj_date BETWEEN ?1 AND ?2"
        ") GROUP BY currency ORDER BY currency";
    Statement s(db_.handle(), kSql);
    std::string f = from.iso(), t = to.iso();
    s.bind(1, f).bind(2, t);
    std::vector<PeriodMovements> out;
    while (s.step()) {
      PeriodMovements m;
      m.currency = currencies_.get(s.text(0));
      m.invoiced = s.int64(1);
      m.collected = s.int64(2);
      m.credited = s.int64(3);
      m.written_off = s.int64(4);
      out.push_back(m);
    }
    return out;
  }

  void ensure_period_open(Date d, std::string_view what) override {
    if (!locks_loaded_) {
      locked_periods_.clear();
      Statement s(db_.handle(), "SELECT period FROM period_locks WHERE locked = 1");
      while (s.step()) locked_periods_.emplace_back(s.text(0));
      locks_loaded_ = true;
    }
    if (locked_periods_.empty()) return;
    char ym[7];
    std::string iso = d.iso();
    std::copy(iso.begin(), iso.begin() + 7, ym);
    for (const auto& p : locked_periods_) {
      if (p == std::string_view(ym, 7))
        throw Error(ErrorKind::kPeriodClosed, "the " + std::string(what) + " " + iso + " falls in a closed period (" + p + ")", {},
                    "reopen it with `otc reopen --period " + p + " --reason ...`");
    }
  }

  bool period_locked(std::string_view period) override {
    Statement s(db_.handle(), "SELECT locked FROM period_locks WHERE period=?1");
    s.bind(1, period);
    bool locked = s.step() && s.int64(0) == 1;
    s.reset();
    return locked;
  }

  void set_period_lock(std::string_view period, bool locked) override {
    Statement s(db_.handle(),
                "INSERT INTO period_locks(period, locked, changed_at) VALUES(?1, ?2, ?3)"
                " ON CONFLICT(period) DO UPDATE SET locked=excluded.locked, changed_at=excluded.changed_at");
    std::string now = utc_timestamp();
    s.bind(1, period).bind(2, locked ? 1 : 0).bind(3, now);
    s.step();
    locks_loaded_ = false;
  }

  std::optional<Date> latest_fact_date() override {
    auto d = core::parse_iso_date(max_activity_text());
    if (pending_activity_ && (!d || *pending_activity_ > *d)) d = pending_activity_;
    return d;
  }

  std::vector<ReceiptRecord> receipts(Date from, Date to) override {
    // apply-cash keeps a record of each returned item as a reversed payment of method 'return';
    // it is not money received.
    auto& s = stmt(receipts_,
                   "SELECT p.id, p.external_id, p.received_date, p.amount_minor, p.currency, COALESCE(p.reference,''),"
                   " COALESCE(p.bank_key,''), COALESCE(c.external_id,''), p.status"
                   " FROM payments p LEFT JOIN customers c ON c.id=p.customer_id"
                   " WHERE p.received_date BETWEEN ?1 AND ?2 AND NOT (COALESCE(p.method,'')='return' AND p.status='reversed')"
                   " ORDER BY p.received_date, p.id");
    struct Reset {
      Statement& s;
      ~Reset() { s.reset(); }
    } reset{s};
    std::string f = from.iso(), t = to.iso();
    s.bind(1, f).bind(2, t);
    std::vector<ReceiptRecord> out;
    while (s.step()) {
      ReceiptRecord r;
      r.id = s.int64(0);
      r.external_id.assign(s.text(1));
      r.received_date = date_of(s.text(2));
      r.amount_minor = s.int64(3);
      r.currency = currencies_.get(s.text(4));
      r.reference.assign(s.text(5));
      r.bank_key.assign(s.text(6));
      r.customer_external_id.assign(s.text(7));
      r.reversed = s.text(8) == "reversed";
      out.push_back(std::move(r));
    }
    return out;
  }

  void for_each_billed_line(std::optional<Date> from, std::optional<Date> to,
                            const std::function<void(const BilledLineRecord&)>& fn) override {
    auto& s = stmt(billed_lines_,
                   "SELECT i.external_id, l.line_no, c.external_id, i.currency, l.contract_id, COALESCE(l.contract_line,''),"
                   " COALESCE(l.product,''), l.service_from, l.charge_date, COALESCE(l.quantity,''), COALESCE(l.unit_price,''),"
                   " l.amount_minor, l.discount_minor, COALESCE(m.amount_minor,0)"
                   " FROM invoices i JOIN invoice_lines l ON l.invoice_id=i.id JOIN customers c ON c.id=i.customer_id"
                   " LEFT JOIN credit_memo_lines m ON m.invoice_id=l.invoice_id AND m.line_no=l.line_no"
                   " WHERE i.status='open' AND l.contract_id IS NOT NULL"
                   " AND NOT EXISTS (SELECT 1 FROM invoice_releases r WHERE r.invoice_id=i.id)"
                   " AND COALESCE(l.service_from, l.charge_date, '') BETWEEN ?1 AND ?2"
                   " ORDER BY i.id, l.line_no");
    struct Reset {
      Statement& s;
      ~Reset() { s.reset(); }
    } reset{s};
    std::string f = from ? from->iso() : std::string("0000-00-00"), t = to ? to->iso() : std::string("9999-12-31");
    s.bind(1, f).bind(2, t);
    BilledLineRecord r;
    while (s.step()) {
      r.invoice.assign(s.text(0));
      r.line_no = static_cast<int>(s.int64(1));
      r.customer.assign(s.text(2));
      r.currency = currencies_.get(s.text(3));
      r.contract_id.assign(s.text(4));
      r.contract_line.assign(s.text(5));
      r.product.assign(s.text(6));
      r.service_from = s.is_null(7) ? std::nullopt : std::optional<Date>(date_of(s.text(7)));
      r.charge_date = s.is_null(8) ? std::nullopt : std::optional<Date>(date_of(s.text(8)));
      r.quantity.assign(s.text(9));
      r.unit_price.assign(s.text(10));
      r.amount_minor = s.int64(11);
      r.discount_minor = s.int64(12);
      r.credited_minor = s.int64(13);
      fn(r);
    }
  }

  int version() { return schema_version(); }
  sqlite3* handle() { return db_.handle(); }

 private:
  static ApplicationRecord application_row(const Statement& s) {
    ApplicationRecord r;
    r.id = s.int64(0);
    r.invoice_id = s.int64(1);
    r.invoice_external_id.assign(s.text(2));
    r.payment_id = s.int64(3);
    r.payment_external_id.assign(s.text(4));
    r.amount_minor = s.int64(5);
    r.applied_on = date_of(s.text(6));
    r.reversed = s.int64(7) != 0;
    return r;
  }

  void forget_names() {
    if (names_loaded_) {
      names_.clear();
      names_loaded_ = false;
    }
  }

  /// id -> (external id, name) for every customer; loaded once per command for the reports.
  const std::unordered_map<std::int64_t, std::pair<std::string, std::string>>& customer_names() {
    if (!names_loaded_) {
      Statement s(db_.handle(), "SELECT id, external_id, name FROM customers");
      while (s.step()) names_.emplace(s.int64(0), std::make_pair(std::string(s.text(1)), std::string(s.text(2))));
      names_loaded_ = true;
    }
    return names_;
  }

  void note_activity(Date d) override {
    if (!pending_activity_ || d > *pending_activity_) pending_activity_ = d;
  }

  std::string max_activity_text() {
    auto& s = stmt(meta_read_, "SELECT max_activity FROM ledger_meta WHERE id = 1");
    std::string r;
    if (s.step()) r.assign(s.text(0));
    s.reset();
    return r;
  }

  /// The latest activity date, including this transaction's; Date{} (1970) when the ledger is empty.
  Date max_activity() {
    auto d = latest_fact_date();
    return d ? *d : Date{};
  }

  static void write_iso(char* out, Date d) {
    std::string s;
    s.reserve(10);
    d.append_iso(s);
    for (int i = 0; i < 10; ++i) out[i] = s[static_cast<std::size_t>(i)];
  }

  Statement& stmt(std::optional<Statement>& slot, const char* sql) {
    if (!slot) slot.emplace(db_.handle(), sql);
    return *slot;
  }

  std::optional<std::int64_t> lookup_customer(std::string_view ext) {
    auto& s = stmt(find_customer_, "SELECT id FROM customers WHERE external_id=?1");
    s.bind(1, ext);
    std::optional<std::int64_t> r;
    if (s.step()) r = s.int64(0);
    s.reset();
    if (r) customer_ids_.emplace(std::string(ext), *r);
    return r;
  }

  PutResult compare_existing(const char* sql, std::optional<Statement>& slot, std::string_view ext, std::uint64_t hash) {
    auto& s = stmt(slot, sql);
    s.bind(1, ext);
    PutResult r;
    if (!s.step()) {
      s.reset();
      throw Error(ErrorKind::kLedger, "record '" + std::string(ext) + "' vanished during import");
    }
    r.id = s.int64(0);
    r.outcome = static_cast<std::uint64_t>(s.int64(1)) == hash ? PutOutcome::kUnchanged : PutOutcome::kConflict;
    r.existing_file.assign(s.text(2));
    r.existing_line = static_cast<long>(s.int64(3));
    s.reset();
    return r;
  }

  void migrate(OpenMode mode) {
    std::int64_t current_app = 0;
    {
      Statement app_id(db_.handle(), "PRAGMA application_id");
      app_id.step();
      current_app = app_id.int64(0);
    }
    int version = schema_version();
    const auto& all = migrations();
    int newest = all.empty() ? 0 : all.back().version;
    if (version == 0 && current_app == 0) {
      Statement tables(db_.handle(), "SELECT count(*) FROM sqlite_master");
      tables.step();
      std::int64_t n = tables.int64(0);
      tables.reset();
      if (n != 0) throw Error(ErrorKind::kLedger, "not an otc ledger (it holds other tables)", {db_.path()});
      if (mode != OpenMode::kCreate)
        throw Error(ErrorKind::kLedger, "not an otc ledger (empty file)", {db_.path()}, "create one with `otc init`");
    } else if (current_app != kApplicationId) {
      throw Error(ErrorKind::kLedger, "not an otc ledger (application id differs)", {db_.path()});
    }
    if (version > newest)
      throw Error(ErrorKind::kLedger, "ledger schema version " + std::to_string(version) + " is newer than this otc understands (" +
                  std::to_string(newest) + ")", {db_.path()}, "upgrade otc");
    if (version == newest) {
      db_.exec("PRAGMA journal_mode=WAL");
      return;
    }
    db_.exec("PRAGMA journal_mode=WAL");
    db_.exec("BEGIN IMMEDIATE");
    try {
      version = schema_version();  // another process may have migrated while we waited
      for (const auto& m : all) {
        if (m.version <= version) continue;
        db_.exec(m.sql);
      }
      db_.exec(("PRAGMA application_id=" + std::to_string(kApplicationId)).c_str());
      db_.exec(("PRAGMA user_version=" + std::to_string(newest)).c_str());
      db_.exec("COMMIT");
    } catch (...) {
      db_.exec("ROLLBACK");
      throw;
    }
  }

  // Parsing a currency code is a table scan; reports meet few codes, so remember them.
  struct CurrencyCache {
    std::vector<std::pair<std::string, core::Currency>> seen;
    core::Currency get(std::string_view code) {
      for (const auto& [k, c] : seen)
        if (k == code) return c;
      seen.emplace_back(std::string(code), currency_of(code));
      return seen.back().second;
    }
  };

  Database db_;
  CurrencyCache currencies_;
  std::optional<Date> pending_activity_;
  std::unordered_map<std::int64_t, std::pair<std::string, std::string>> names_;
  bool names_loaded_ = false;
  std::vector<std::string> locked_periods_;
  bool locks_loaded_ = false;
  std::unordered_map<std::string, std::int64_t, StringHash, std::equal_to<>> customer_ids_;
  std::optional<Statement> find_batch_, add_batch_, finish_batch_, audit_, put_customer_, stub_customer_,
      find_customer_, cmp_customer_, put_invoice_, cmp_invoice_, find_invoice_, put_payment_, cmp_payment_,
      find_payment_, has_app_, apply_ins_, apply_inv_, apply_pay_, open_items_, open_items_hist_, unapplied_,
      unapplied_hist_, meta_update_, meta_read_, customer_terms_,
      bank_key_, add_alias_, add_adj_, adj_inv_, del_sugg_, ins_sugg_, invoice_totals_, receipts_, billed_lines_;
};

}  // namespace

std::unique_ptr<LedgerStore> open_sqlite_store(const std::string& path, OpenMode mode) {
  // Before the first connection opens: no allocation statistics (they take a global mutex on
  // every malloc).
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
  return std::make_unique<SqliteStore>(path, mode);
}

sqlite3* sqlite_handle(LedgerStore& store) {
  auto* s = dynamic_cast<SqliteStore*>(&store);
  if (!s) throw Error(ErrorKind::kLedger, "this ledger is not a SQLite ledger");
  return s->handle();
}

int sqlite_schema_version(LedgerStore& store) {
  auto* s = dynamic_cast<SqliteStore*>(&store);
  return s ? s->version() : 0;
}

}  // namespace otc::store
