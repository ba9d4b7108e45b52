// The SQLite BillingStore: shares the LedgerStore's connection and transaction
// (store::sqlite_handle), prepares each statement once, and reads the book customer by customer.
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "otc/core/error.hpp"
#include "otc/import/ar_rows.hpp"
#include "otc/store/billing_store.hpp"
#include "otc/store/sqlite_db.hpp"
#include "otc/store/sqlite_store.hpp"

namespace otc::store {
namespace {

using core::Date;
using core::Error;
using core::ErrorKind;
using domain::ContractLine;

Date date_of(std::string_view iso) {
  auto d = core::parse_iso_date(iso);
  if (!d) throw Error(ErrorKind::kLedger, "ledger holds an invalid date '" + std::string(iso) + "'");
  return *d;
}

std::optional<Date> opt_date(const Statement& s, int col) {
  if (s.is_null(col)) return std::nullopt;
  return date_of(s.text(col));
}

[[noreturn]] void bad_value(std::string_view what, std::string_view value) {
  throw Error(ErrorKind::kLedger, "ledger holds an invalid " + std::string(what) + " '" + std::string(value) + "'");
}

domain::BillingFrequency frequency_of(std::string_view t) {
  if (t == "monthly") return domain::BillingFrequency::kMonthly;
  if (t == "quarterly") return domain::BillingFrequency::kQuarterly;
  if (t == "semiannual") return domain::BillingFrequency::kSemiannual;
  if (t == "annual") return domain::BillingFrequency::kAnnual;
  bad_value("billing frequency", t);
}

domain::PriceModel model_of(std::string_view t) {
  if (t == "flat") return domain::PriceModel::kFlat;
  if (t == "per_seat") return domain::PriceModel::kPerSeat;
  if (t == "usage_graduated") return domain::PriceModel::kUsageGraduated;
  if (t == "usage_volume") return domain::PriceModel::kUsageVolume;
  if (t == "minimum_commitment") return domain::PriceModel::kMinimumCommitment;
  bad_value("price model", t);
}

std::string_view discount_kind_text(domain::DiscountKind k) {
  switch (k) {
    case domain::DiscountKind::kNone: return "none";
    case domain::DiscountKind::kPercent: return "percent";
    case domain::DiscountKind::kAmount: return "amount";
  }
  return "none";
}

domain::DiscountKind discount_kind_of(std::string_view t) {
  if (t == "none") return domain::DiscountKind::kNone;
  if (t == "percent") return domain::DiscountKind::kPercent;
  if (t == "amount") return domain::DiscountKind::kAmount;
  bad_value("discount kind", t);
}

engine::ChargeKind charge_kind_of(std::string_view t) {
  auto k = engine::parse_charge_kind(t);
  if (!k) bad_value("charge kind", t);
  return *k;
}

// Tiers as stored: "UP_TO_MICROS:PRICE_MICROS;...;inf:PRICE_MICROS" (integers, exact).
std::string tiers_text(const std::vector<domain::PriceTier>& tiers) {
  std::string s;
  for (const auto& t : tiers) {
    if (!s.empty()) s.push_back(';');
    s += t.up_to ? std::to_string(*t.up_to) : std::string("inf");
    s.push_back(':');
    s += std::to_string(t.unit_price_micros);
  }
  return s;
}

std::int64_t integer_of(std::string_view t) {
  std::int64_t v = 0;
  bool neg = !t.empty() && t.front() == '-';
  if (neg) t.remove_prefix(1);
  if (t.empty() || t.size() > 18) bad_value("tier table", t);
  for (char c : t) {
    if (c < '0' || c > '9') bad_value("tier table", t);
    v = v * 10 + (c - '0');
  }
  return neg ? -v : v;
}

std::vector<domain::PriceTier> tiers_of(std::string_view text) {
  std::vector<domain::PriceTier> tiers;
  while (!text.empty()) {
    std::size_t semi = text.find(';');
    std::string_view part = text.substr(0, semi);
    text = semi == std::string_view::npos ? std::string_view{} : text.substr(semi + 1);
    std::size_t colon = part.find(':');
    if (colon == std::string_view::npos) bad_value("tier table", part);
    domain::PriceTier t;
    std::string_view bound = part.substr(0, colon);
    if (bound != "inf") t.up_to = integer_of(bound);
    t.unit_price_micros = integer_of(part.substr(colon + 1));
    tiers.push_back(t);
  }
  return tiers;
}

// Binds text that must outlive step(): Statement binds SQLITE_STATIC.
struct DateText {
  explicit DateText(Date d) { d.append_iso(text); }
  std::string text;
};

/// Rows for one table, buffered and written several per INSERT statement: an invoice run writes
/// one or two rows per invoice into each of two tables, and a statement's fixed cost (cursors,
/// halting) is most of a one-row INSERT. The rows are written before anything reads them (see
/// SqliteBillingStore::flush_rows) and inside the same transaction.
class RowBatch {
 public:
  static constexpr int kRows = 64;

  RowBatch(std::string insert_head, int columns) : head_(std::move(insert_head)), columns_(columns) {}

  void int64(std::int64_t v) { next().set(v); }
  void text(std::string_view v) { next().set(v); }
  void null() { next().set_null(); }
  /// Completes a row; writes the buffer when it is full.
  void end_row(sqlite3* db) {
    ++rows_;
    if (rows_ == kRows) flush(db);
  }
  void flush(sqlite3* db) {
    if (rows_ == kRows) {
      write(db, full_, kRows, 0);
    } else {
      for (int r = 0; r < rows_; ++r) write(db, single_, 1, r);
    }
    clear();
  }
  void clear() {
    rows_ = 0;
    used_ = 0;
  }

 private:
  struct Cell {
    enum class Kind { kNull, kInt, kText } kind = Kind::kNull;
    std::int64_t number = 0;
    std::string text;
    void set(std::int64_t v) { kind = Kind::kInt; number = v; }
    void set(std::string_view v) { kind = Kind::kText; text.assign(v); }
    void set_null() { kind = Kind::kNull; }
  };

  Cell& next() {
    if (used_ == cells_.size()) cells_.emplace_back();
    return cells_[used_++];
  }

  void write(sqlite3* db, std::optional<Statement>& slot, int rows, int first_row) {
    if (!slot) {
      std::string sql = head_ + " VALUES";
      int p = 0;
      for (int r = 0; r < rows; ++r) {
        sql += r ? ",(" : "(";
        for (int c = 0; c < columns_; ++c) sql += (c ? ",?" : "?") + std::to_string(++p);
        sql += ")";
      }
      slot.emplace(db, sql);
    }
    Statement& s = *slot;
    int p = 0;
    for (int r = first_row; r < first_row + rows; ++r) {
      for (int c = 0; c < columns_; ++c) {
        const Cell& cell = cells_[static_cast<std::size_t>(r * columns_ + c)];
        ++p;
        if (cell.kind == Cell::Kind::kInt) s.bind(p, cell.number);
        else if (cell.kind == Cell::Kind::kText) s.bind(p, cell.text);
        else s.bind_null(p);
      }
    }
    try {
      s.step();
    } catch (...) {
      s.reset();
      throw;
    }
    s.reset();
  }

  std::string head_;
  int columns_;
  int rows_ = 0;
  std::size_t used_ = 0;
  std::vector<Cell> cells_;
  std::optional<Statement> full_, single_;
};

// The column list every version read uses, in this order (see read_version).
constexpr const char* kVersionColumns =
    "l.contract_id, l.line_id, l.customer, v.effective_date, v.product, v.metric, v.description, v.start_date,"
    " v.end_date, v.frequency, v.timing, v.anchor_day, v.anchor_month, v.price_model, v.price_per,"
    " v.unit_price_micros, v.tiers, v.quantity_micros, v.discount_kind, v.discount_value, v.discount_until,"
    " v.currency, v.tax_rate_ppm, v.net_days, v.source_file, v.source_line, l.customer_id, l.id";

class SqliteBillingStore final : public BillingStore {
 public:
  SqliteBillingStore(LedgerStore& ledger) : ledger_(ledger), db_(sqlite_handle(ledger)) {}

  std::optional<ContractLineRef> find_contract_line(std::string_view contract_id, std::string_view line_id) override {
    auto& s = stmt(find_line_, "SELECT id, customer_id, customer FROM contract_lines WHERE contract_id=?1 AND line_id=?2");
    s.bind(1, contract_id).bind(2, line_id);
    std::optional<ContractLineRef> r;
    if (s.step()) r = ContractLineRef{s.int64(0), s.int64(1), std::string(s.text(2))};
    s.reset();
    return r;
  }

  std::optional<std::string> contract_customer(std::string_view contract_id) override {
    auto& s = stmt(contract_customer_, "SELECT customer FROM contract_lines WHERE contract_id=?1 LIMIT 1");
    s.bind(1, contract_id);
    std::optional<std::string> r;
    if (s.step()) r = std::string(s.text(0));
    s.reset();
    return r;
  }

  std::int64_t add_contract_line(std::string_view contract_id, std::string_view line_id, std::int64_t customer_id,
                                 std::string_view customer) override {
    auto& s = stmt(add_line_, "INSERT INTO contract_lines(contract_id, line_id, customer_id, customer) VALUES(?1,?2,?3,?4)");
    s.bind(1, contract_id).bind(2, line_id).bind(3, customer_id).bind(4, customer);
    s.step();
    s.reset();
    return sqlite3_last_insert_rowid(db_);
  }

  void load_versions(std::int64_t line_ref, std::vector<ContractLine>& out) override {
    auto& s = stmt(load_versions_, std::string("SELECT ") + kVersionColumns +
                                       " FROM contract_versions v JOIN contract_lines l ON l.id = v.line_ref"
                                       " WHERE v.line_ref=?1 ORDER BY v.effective_date");
    s.bind(1, line_ref);
    while (s.step()) read_version(s, 0, out.emplace_back());
    s.reset();
  }

  PutResult put_contract_version(std::int64_t line_ref, const ContractLine& v, std::uint64_t hash,
                                 std::int64_t batch_id) override {
    auto& s = stmt(put_version_,
                   "INSERT INTO contract_versions(line_ref, effective_date, product, metric, description, start_date, end_date,"
                   " frequency, timing, anchor_day, anchor_month, price_model, price_per, unit_price_micros, tiers,"
                   " quantity_micros, discount_kind, discount_value, discount_until, currency, tax_rate_ppm, net_days,"
                   " content_hash, batch_id, source_file, source_line)"
                   " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24,?25,?26)"
                   " ON CONFLICT(line_ref, effective_date) DO NOTHING");
    std::string effective = v.effective ? v.effective->iso() : std::string();
    std::string start = v.start.iso();
    std::string end = v.end ? v.end->iso() : std::string();
    std::string until = v.discount.until ? v.discount.until->iso() : std::string();
    std::string tiers = tiers_text(v.tiers);
    s.bind(1, line_ref).bind(2, effective).bind(3, v.product).bind(4, v.metric).bind(5, v.description).bind(6, start);
    if (v.end) s.bind(7, end); else s.bind_null(7);
    s.bind(8, domain::to_string(v.frequency)).bind(9, domain::to_string(v.timing)).bind(10, v.anchor_day);
    if (v.anchor_month) s.bind(11, *v.anchor_month); else s.bind_null(11);
    s.bind(12, domain::to_string(v.model)).bind(13, domain::to_string(v.price_per)).bind(14, v.unit_price_micros)
        .bind(15, tiers).bind(16, v.quantity).bind(17, discount_kind_text(v.discount.kind)).bind(18, v.discount.value);
    if (v.discount.until) s.bind(19, until); else s.bind_null(19);
    s.bind(20, v.currency.view()).bind(21, v.tax_rate_ppm).bind(22, v.net_days)
        .bind(23, static_cast<std::int64_t>(hash));
    if (batch_id) s.bind(24, batch_id); else s.bind_null(24);
    s.bind(25, v.source_file).bind(26, static_cast<std::int64_t>(v.source_line));
    s.step();
    s.reset();
    if (sqlite3_changes(db_) > 0) return {PutOutcome::kInserted, line_ref, {}, 0};
    auto& c = stmt(cmp_version_, "SELECT content_hash, source_file, source_line FROM contract_versions WHERE line_ref=?1 AND effective_date=?2");
    c.bind(1, line_ref).bind(2, effective);
    if (!c.step()) {
      c.reset();
      throw Error(ErrorKind::kLedger, "contract version vanished during import");
    }
    PutResult r;
    r.id = line_ref;
    r.outcome = static_cast<std::uint64_t>(c.int64(0)) == hash ? PutOutcome::kUnchanged : PutOutcome::kConflict;
    r.existing_file.assign(c.text(1));
    r.existing_line = static_cast<long>(c.int64(2));
    c.reset();
    return r;
  }

  bool put_usage(const domain::UsageRecord& r, std::int64_t batch_id) override {
    auto& s = stmt(put_usage_,
                   "INSERT INTO usage_records(event_id, contract_id, line_id, customer, metric, usage_date, quantity_micros, batch_id, source_line)"
                   " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9) ON CONFLICT(event_id) DO NOTHING");
    DateText day(r.date);
    s.bind(1, r.event_id).bind(2, r.contract_id).bind(3, r.line_id).bind(4, r.customer).bind(5, r.metric)
        .bind(6, day.text).bind(7, r.quantity);
    if (batch_id) s.bind(8, batch_id); else s.bind_null(8);
    s.bind(9, static_cast<std::int64_t>(r.source_line));
    s.step();
    s.reset();
    return sqlite3_changes(db_) > 0;
  }

  void for_each_customer_book(Date through, std::optional<std::string_view> customer,
                              const std::function<void(CustomerBook&)>& fn) override {
    // Three streams in customer order, merged: versions, billed keys, usage. Each is one index
    // scan, so reading the book costs the same per line whatever its size, and memory holds one
    // customer. The writes `fn` makes (new invoices of this customer) land behind the cursors.
    const bool one = customer.has_value();
    auto& vs = stmt(one ? book_versions_one_ : book_versions_,
                    std::string("SELECT ") + kVersionColumns +
                        " FROM contract_lines l INDEXED BY contract_lines_customer JOIN contract_versions v ON v.line_ref = l.id" +
                        (one ? " WHERE l.customer=?1" : "") + " ORDER BY l.customer, l.contract_id, l.line_id");
    // Billed keys in the same line order as the versions: a row belongs to the customer just read
    // when its line does, so the stream needs no customer column.
    auto& bs = stmt(one ? book_billed_one_ : book_billed_,
                    std::string("SELECT b.line_ref, b.charge_date, b.charge_kind, b.invoice_id"
                                " FROM contract_lines l INDEXED BY contract_lines_customer JOIN billed_charges b ON b.line_ref = l.id") +
                        (one ? " WHERE l.customer=?1" : "") + " ORDER BY l.customer, l.contract_id, l.line_id");
    // Usage in (customer, contract, line, metric, day) order: equal keys are adjacent and summed.
    auto& us = stmt(one ? book_usage_one_ : book_usage_,
                    std::string("SELECT customer, contract_id, line_id, metric, usage_date, quantity_micros"
                                " FROM usage_records INDEXED BY usage_records_customer WHERE usage_date <= ?2") +
                        (one ? " AND customer=?1" : "") + " ORDER BY customer, contract_id, line_id, metric, usage_date");
    // Released invoices (void, rebilled) are few: held in memory, their charges skipped.
    std::unordered_set<std::int64_t> released;
    {
      auto& rs = stmt(released_, "SELECT invoice_id FROM invoice_releases");
      while (rs.step()) released.insert(rs.int64(0));
      rs.reset();
    }
    DateText day(through);
    std::string who(customer.value_or(std::string_view{}));
    if (one) {
      vs.bind(1, who);
      bs.bind(1, who);
      us.bind(1, who);
    }
    us.bind(2, day.text);
    // Rows that invoices of this pass leave buffered are written when the pass ends; on an error
    // they are dropped (the caller rolls the transaction back).
    struct Reset {
      Statement* s[3];
      SqliteBillingStore* self;
      ~Reset() {
        for (auto* x : s) x->reset();
        self->in_book_ = false;
        self->lines_.clear();
        self->billed_.clear();
      }
    } reset{{&vs, &bs, &us}, this};
    in_book_ = true;

    CustomerBook book;
    std::vector<std::pair<std::int64_t, std::size_t>> lines;  // line id -> index of a version
    bool have_v = vs.step(), have_b = bs.step(), have_u = us.step();
    while (have_v) {
      book.customer.assign(vs.text(2));
      book.customer_id = vs.int64(26);
      book.versions.clear();
      book.billed.clear();
      book.usage.clear();
      line_refs_.clear();
      lines.clear();
      while (have_v && vs.text(2) == book.customer) {
        auto& v = book.versions.emplace_back();
        read_version(vs, 0, v);
        std::int64_t id = vs.int64(27);
        if (lines.empty() || lines.back().first != id) {
          lines.emplace_back(id, book.versions.size() - 1);
          line_refs_.try_emplace(line_key(v.contract_id, v.line_id), id);
        }
        have_v = vs.step();
      }
      for (std::size_t k = 0; have_b && k < lines.size();) {
        std::int64_t ref = bs.int64(0);
        if (ref != lines[k].first) {
          ++k;  // this line has no (more) billed keys
          continue;
        }
        if (!released.count(bs.int64(3))) {
          const auto& v = book.versions[lines[k].second];
          auto& c = book.billed.emplace_back();
          c.contract_id = v.contract_id;
          c.line_id = v.line_id;
          c.key = engine::ChargeKey{date_of(bs.text(1)), charge_kind_of(bs.text(2))};
        }
        have_b = bs.step();
      }
      while (have_u && us.text(0) < std::string_view(book.customer)) have_u = us.step();
      while (have_u && us.text(0) == book.customer) {
        Date d = date_of(us.text(4));
        domain::UsageRecord* last = book.usage.empty() ? nullptr : &book.usage.back();
        if (last && last->date == d && last->contract_id == us.text(1) && last->line_id == us.text(2) &&
            last->metric == us.text(3)) {
          last->quantity = core::checked_add(last->quantity, us.int64(5));
        } else {
          auto& r = book.usage.emplace_back();
          r.contract_id.assign(us.text(1));
          r.line_id.assign(us.text(2));
          r.customer = book.customer;
          r.metric.assign(us.text(3));
          r.date = d;
          r.quantity = us.int64(5);
        }
        have_u = us.step();
      }
      fn(book);
    }
    flush_rows();
  }

  std::string next_number(std::string_view prefix) override {
    // UPDATE then SELECT rather than an upsert with RETURNING, which buffers its row in a
    // temporary table on every call: this runs once per invoice.
    auto& up = stmt(bump_number_, "UPDATE number_sequences SET last_value = last_value + 1 WHERE prefix=?1");
    up.bind(1, prefix);
    up.step();
    up.reset();
    if (sqlite3_changes(db_) == 0) {
      auto& ins = stmt(first_number_, "INSERT INTO number_sequences(prefix, last_value) VALUES(?1, 1)");
      ins.bind(1, prefix);
      ins.step();
      ins.reset();
      return format_document_number(prefix, 1);
    }
    auto& get = stmt(read_number_, "SELECT last_value FROM number_sequences WHERE prefix=?1");
    get.bind(1, prefix);
    if (!get.step()) {
      get.reset();
      throw Error(ErrorKind::kLedger, "cannot take a number of sequence '" + std::string(prefix) + "'");
    }
    std::int64_t n = get.int64(0);
    get.reset();
    return format_document_number(prefix, n);
  }

  std::int64_t last_number(std::string_view prefix) override {
    auto& get = stmt(read_number_, "SELECT last_value FROM number_sequences WHERE prefix=?1");
    get.bind(1, prefix);
    std::int64_t n = get.step() ? get.int64(0) : 0;
    get.reset();
    return n;
  }

  void set_last_number(std::string_view prefix, std::int64_t value) override {
    auto& s = stmt(set_number_,
                   "INSERT INTO number_sequences(prefix, last_value) VALUES(?1, ?2)"
                   " ON CONFLICT(prefix) DO UPDATE SET last_value = excluded.last_value");
    s.bind(1, prefix).bind(2, value);
    s.step();
    s.reset();
  }

  std::int64_t post_invoice(const engine::InvoiceDraft& inv, std::int64_t customer_id, std::string_view number,
                            std::int64_t batch_id) override {
    domain::Invoice row;
    row.external_id.assign(number);
    row.customer_external_id = inv.customer;
    row.currency = inv.currency;
    row.invoice_date = inv.invoice_date;
    row.due_date = inv.due_date;
    row.total_minor = inv.total;
    auto put = ledger_.put_invoice(row, customer_id, import::content_hash(row), batch_id, 0);
    if (put.outcome != PutOutcome::kInserted) {
      std::string where = put.existing_file.empty() ? std::string() : " (from " + put.existing_file +
                          (put.existing_line > 0 ? ":" + std::to_string(put.existing_line) : std::string()) + ")";
      throw Error(ErrorKind::kLedger, "invoice number " + row.external_id + " is already in the ledger" + where,
                  {}, "number billed invoices with another --prefix");
    }
    ledger_.note_activity(inv.invoice_date);
    int line_no = 0;
    const engine::DraftLine* previous = nullptr;
    std::string day;
    for (const auto& l : inv.lines) {
      lines_.int64(put.id);
      lines_.int64(++line_no);
      lines_.text(l.description);
      lines_.text(engine::format_scaled(l.quantity, domain::kDecimalPlaces, 0));
      if (l.unit_price_micros)
        lines_.text(engine::format_scaled(*l.unit_price_micros, domain::kDecimalPlaces, inv.currency.exponent));
      else
        lines_.null();
      lines_.int64(l.money.amount);
      lines_.int64(l.money.tax);
      day.clear();
      l.period_start.append_iso(day);
      lines_.text(day);
      day.clear();
      l.period_end.append_iso(day);
      lines_.text(day);
      lines_.text(l.contract_id);
      lines_.text(l.line_id);
      day.clear();
      l.key.date.append_iso(day);
      lines_.text(day);
      lines_.text(engine::to_string(l.key.kind));
      lines_.text(l.product);
      lines_.int64(l.days);
      lines_.int64(l.full_days);
      lines_.int64(l.money.discount);
      lines_.int64(l.tax_rate_ppm);
      lines_.end_row(db_);
      // A charge is written once per invoice (its lines are usually adjacent; OR IGNORE covers the rest).
      if (previous && previous->key == l.key && previous->contract_id == l.contract_id && previous->line_id == l.line_id)
        continue;
      previous = &l;
      billed_.int64(line_ref(l.contract_id, l.line_id));
      billed_.text(day);
      billed_.text(engine::to_string(l.key.kind));
      billed_.int64(put.id);
      billed_.end_row(db_);
    }
    if (!in_book_) flush_rows();
    return put.id;
  }

  std::optional<IssuedInvoice> find_issued_invoice(std::string_view number) override {
    auto& s = stmt(find_issued_, issued_select("WHERE i.external_id=?1"));
    s.bind(1, number);
    std::optional<IssuedInvoice> r;
    if (s.step()) r = read_issued(s);
    s.reset();
    return r;
  }

  void for_each_billed_invoice(const std::function<void(const IssuedInvoice&)>& fn) override {
    auto& s = stmt(each_billed_, issued_select(
                                     "WHERE EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = i.id AND l.charge_kind IS NOT NULL)"
                                     " ORDER BY i.id"));
    struct Reset {
      Statement& s;
      ~Reset() { s.reset(); }
    } reset{s};
    while (s.step()) fn(read_issued(s));
  }

  void load_lines(std::int64_t invoice_id, std::vector<IssuedLine>& out) override {
    auto& s = stmt(load_lines_,
                   "SELECT l.line_no, l.description, COALESCE(l.product, ''), COALESCE(l.contract_id, ''),"
                   " COALESCE(l.contract_line, ''), l.charge_date, l.charge_kind, l.service_from, l.service_to,"
                   " COALESCE(l.quantity, ''), COALESCE(l.unit_price, ''), l.amount_minor, l.discount_minor, l.tax_minor,"
                   " l.tax_rate_ppm, COALESCE(c.amount_minor, 0)"
                   " FROM invoice_lines l LEFT JOIN credit_memo_lines c ON c.invoice_id = l.invoice_id AND c.line_no = l.line_no"
                   " WHERE l.invoice_id=?1 ORDER BY l.line_no");
    s.bind(1, invoice_id);
    while (s.step()) {
      IssuedLine& l = out.emplace_back();
      l.line_no = static_cast<int>(s.int64(0));
      l.description.assign(s.text(1));
      l.product.assign(s.text(2));
      l.contract_id.assign(s.text(3));
      l.contract_line.assign(s.text(4));
      if (!s.is_null(5) && !s.is_null(6)) l.key = engine::ChargeKey{date_of(s.text(5)), charge_kind_of(s.text(6))};
      l.service_from = opt_date(s, 7);
      l.service_to = opt_date(s, 8);
      l.quantity.assign(s.text(9));
      l.unit_price.assign(s.text(10));
      l.amount = s.int64(11);
      l.discount = s.int64(12);
      l.tax = s.int64(13);
      l.tax_rate_ppm = s.int64(14);
      l.credited = s.int64(15);
    }
    s.reset();
  }

  void void_invoice(std::int64_t invoice_id, Date on, std::string_view reason, std::int64_t batch_id) override {
    // A void takes the invoice out of every report, so the period it is dated in must be open too.
    ledger_.ensure_period_open(on, "void date");
    {
      Statement d(db_, "SELECT invoice_date FROM invoices WHERE id=?1");
      d.bind(1, invoice_id);
      if (d.step()) {
        if (auto date = core::parse_iso_date(d.text(0))) ledger_.ensure_period_open(*date, "invoice date of the voided invoice");
      }
    }
    DateText day(on);
    auto& u = stmt(void_update_,
                   "UPDATE invoices SET status='void', open_minor=0, last_activity=max(last_activity, ?2) WHERE id=?1 AND status='open'");
    u.bind(1, invoice_id).bind(2, day.text);
    u.step();
    u.reset();
    if (sqlite3_changes(db_) != 1) throw Error(ErrorKind::kLedger, "the invoice is not open: it cannot be voided");
    release(invoice_id, "void", day.text, reason, 0, batch_id);
    ledger_.note_activity(on);
  }

  std::int64_t post_credit_memo(const CreditMemoDraft& m) override {
    // Applied on the memo date, which the caller keeps on or after the invoice date.
    ledger_.ensure_period_open(m.memo_date, "credit memo date");
    DateText day(m.memo_date);
    auto& ins = stmt(memo_insert_,
                     "INSERT INTO credit_memos(external_id, customer_id, invoice_id, currency, memo_date, amount_minor, open_minor,"
                     " last_activity, reason, batch_id) VALUES(?1,?2,?3,?4,?5,?6,0,?5,?7,?8)");
    ins.bind(1, m.number).bind(2, m.customer_id).bind(3, m.invoice_id).bind(4, m.currency.view()).bind(5, day.text)
        .bind(6, m.amount).bind(7, m.reason);
    if (m.batch_id) ins.bind(8, m.batch_id); else ins.bind_null(8);
    ins.step();
    ins.reset();
    std::int64_t memo_id = sqlite3_last_insert_rowid(db_);
    auto& app = stmt(memo_apply_,
                     "INSERT INTO applications(invoice_id, credit_memo_id, amount_minor, applied_on, rule, confidence, batch_id)"
                     " VALUES(?1,?2,?3,?4,'credit_memo',100,?5)");
    app.bind(1, m.invoice_id).bind(2, memo_id).bind(3, m.amount).bind(4, day.text);
    if (m.batch_id) app.bind(5, m.batch_id); else app.bind_null(5);
    app.step();
    app.reset();
    auto& inv = stmt(memo_invoice_,
                     "UPDATE invoices SET open_minor=open_minor-?2, last_activity=max(last_activity, ?3) WHERE id=?1");
    inv.bind(1, m.invoice_id).bind(2, m.amount).bind(3, day.text);
    inv.step();
    inv.reset();
    if (m.line_no) {
      auto& l = stmt(memo_line_, "INSERT INTO credit_memo_lines(credit_memo_id, invoice_id, line_no, amount_minor) VALUES(?1,?2,?3,?4)");
      l.bind(1, memo_id).bind(2, m.invoice_id).bind(3, *m.line_no).bind(4, m.amount);
      l.step();
      l.reset();
    }
    ledger_.note_activity(m.memo_date);
    return memo_id;
  }

  void release_for_rebill(std::int64_t invoice_id, Date on, std::string_view reason, std::int64_t credit_memo_id,
                          std::int64_t batch_id) override {
    DateText day(on);
    release(invoice_id, "rebill", day.text, reason, credit_memo_id, batch_id);
  }

  std::vector<engine::BilledCharge> charges_of(std::int64_t invoice_id) override {
    auto& s = stmt(charges_of_,
                   "SELECT DISTINCT contract_id, contract_line, charge_date, charge_kind FROM invoice_lines"
                   " WHERE invoice_id=?1 AND charge_kind IS NOT NULL ORDER BY 1, 2, 3, 4");
    s.bind(1, invoice_id);
    std::vector<engine::BilledCharge> out;
    while (s.step())
      out.push_back({std::string(s.text(0)), std::string(s.text(1)),
                     engine::ChargeKey{date_of(s.text(2)), charge_kind_of(s.text(3))}});
    s.reset();
    return out;
  }

 private:
  Statement& stmt(std::optional<Statement>& slot, const std::string& sql) {
    if (!slot) slot.emplace(db_, sql);
    return *slot;
  }

  core::Currency currency(std::string_view code) {
    for (const auto& [k, c] : currencies_)
      if (k == code) return c;
    auto c = core::find_currency(code, true);
    if (!c) bad_value("currency code", code);
    currencies_.emplace_back(std::string(code), *c);
    return *c;
  }

  void read_version(const Statement& s, int base, ContractLine& v) {
    auto col = [&](int i) { return base + i; };
    v.contract_id.assign(s.text(col(0)));
    v.line_id.assign(s.text(col(1)));
    v.customer.assign(s.text(col(2)));
    std::string_view eff = s.text(col(3));
    if (eff.empty()) v.effective.reset(); else v.effective = date_of(eff);
    v.product.assign(s.text(col(4)));
    v.metric.assign(s.text(col(5)));
    v.description.assign(s.text(col(6)));
    v.start = date_of(s.text(col(7)));
    v.end = opt_date(s, col(8));
    v.frequency = frequency_of(s.text(col(9)));
    v.timing = s.text(col(10)) == "arrears" ? domain::BillingTiming::kArrears : domain::BillingTiming::kAdvance;
    v.anchor_day = static_cast<int>(s.int64(col(11)));
    if (s.is_null(col(12))) v.anchor_month.reset(); else v.anchor_month = static_cast<int>(s.int64(col(12)));
    v.model = model_of(s.text(col(13)));
    v.price_per = frequency_of(s.text(col(14)));
    v.unit_price_micros = s.int64(col(15));
    v.tiers = tiers_of(s.text(col(16)));
    v.quantity = s.int64(col(17));
    v.discount.kind = discount_kind_of(s.text(col(18)));
    v.discount.value = s.int64(col(19));
    v.discount.until = opt_date(s, col(20));
    v.currency = currency(s.text(col(21)));
    v.tax_rate_ppm = s.int64(col(22));
    v.net_days = static_cast<int>(s.int64(col(23)));
    v.source_file.assign(s.text(col(24)));
    v.source_line = static_cast<long>(s.int64(col(25)));
  }

  /// Writes the buffered invoice lines and billed charges.
  void flush_rows() {
    lines_.flush(db_);
    billed_.flush(db_);
  }

  static std::string line_key(std::string_view contract_id, std::string_view line_id) {
    std::string k;
    k.reserve(contract_id.size() + line_id.size() + 1);
    k.append(contract_id);
    k.push_back('\x1f');
    k.append(line_id);
    return k;
  }

  /// The id of a contract line: from the customer book read last (invoice runs post the lines of
  /// the customer just read), else from the ledger.
  std::int64_t line_ref(std::string_view contract_id, std::string_view line_id) {
    if (auto it = line_refs_.find(line_key(contract_id, line_id)); it != line_refs_.end()) return it->second;
    auto ref = find_contract_line(contract_id, line_id);
    if (!ref) throw Error(ErrorKind::kLedger, "contract " + std::string(contract_id) + " line " + std::string(line_id) + " is not in the ledger");
    return ref->id;
  }

  static std::string issued_select(const char* tail) {
    return std::string(
               "SELECT i.id, i.external_id, i.customer_id, c.external_id, c.name, COALESCE(c.email, ''), i.currency,"
               " i.invoice_date, i.due_date, i.total_minor, i.open_minor, i.status,"
               " (SELECT COALESCE(SUM(a.amount_minor), 0) FROM applications a WHERE a.invoice_id = i.id AND a.payment_id IS NOT NULL),"
               " (SELECT COALESCE(SUM(a.amount_minor), 0) FROM applications a WHERE a.invoice_id = i.id AND a.credit_memo_id IS NOT NULL),"
               " (SELECT COALESCE(SUM(j.amount_minor), 0) FROM adjustments j WHERE j.invoice_id = i.id),"
               " (SELECT r.kind FROM invoice_releases r WHERE r.invoice_id = i.id)"
               " FROM invoices i JOIN customers c ON c.id = i.customer_id ") +
           tail;
  }

  IssuedInvoice read_issued(const Statement& s) {
    IssuedInvoice r;
    r.id = s.int64(0);
    r.number.assign(s.text(1));
    r.customer_id = s.int64(2);
    r.customer.assign(s.text(3));
    r.customer_name.assign(s.text(4));
    r.customer_email.assign(s.text(5));
    r.currency = currency(s.text(6));
    r.invoice_date = date_of(s.text(7));
    r.due_date = date_of(s.text(8));
    r.total = s.int64(9);
    r.open = s.int64(10);
    r.status.assign(s.text(11));
    r.paid = s.int64(12);
    r.credited = s.int64(13);
    r.adjusted = s.int64(14);
    if (!s.is_null(15)) r.released = std::string(s.text(15));
    return r;
  }

  void release(std::int64_t invoice_id, std::string_view kind, std::string_view day, std::string_view reason,
               std::int64_t credit_memo_id, std::int64_t batch_id) {
    auto& s = stmt(release_, "INSERT INTO invoice_releases(invoice_id, kind, released_on, reason, credit_memo_id, batch_id)"
                             " VALUES(?1,?2,?3,?4,?5,?6)");
    s.bind(1, invoice_id).bind(2, kind).bind(3, day).bind(4, reason);
    if (credit_memo_id) s.bind(5, credit_memo_id); else s.bind_null(5);
    if (batch_id) s.bind(6, batch_id); else s.bind_null(6);
    s.step();
    s.reset();
  }

  LedgerStore& ledger_;
  sqlite3* db_;
  std::vector<std::pair<std::string, core::Currency>> currencies_;
  std::unordered_map<std::string, std::int64_t> line_refs_;  // contract line ids of the book read last
  RowBatch lines_{"INSERT INTO invoice_lines(invoice_id, line_no, description, quantity, unit_price, amount_minor, tax_minor,"
                  " service_from, service_to, contract_id, contract_line, charge_date, charge_kind, product, days, full_days,"
                  " discount_minor, tax_rate_ppm)", 18};
  RowBatch billed_{"INSERT OR IGNORE INTO billed_charges(line_ref, charge_date, charge_kind, invoice_id)", 4};
  bool in_book_ = false;  // inside for_each_customer_book: post_invoice may leave rows buffered
  std::optional<Statement> find_line_, contract_customer_, add_line_, load_versions_, put_version_, cmp_version_,
      put_usage_, released_, book_versions_, book_versions_one_, book_billed_, book_billed_one_, book_usage_, book_usage_one_,
      bump_number_, first_number_, read_number_, set_number_, find_issued_, each_billed_, load_lines_, void_update_, memo_insert_,
      memo_apply_, memo_invoice_, memo_line_, release_, charges_of_;
};

}  // namespace

std::unique_ptr<BillingStore> open_billing_store(LedgerStore& ledger) {
  return std::make_unique<SqliteBillingStore>(ledger);
}

std::string format_document_number(std::string_view prefix, std::int64_t n) {
  std::string digits = std::to_string(n);
  std::string out(prefix);
  if (digits.size() < 6) out.append(6 - digits.size(), '0');
  out += digits;
  return out;
}

}  // namespace otc::store
