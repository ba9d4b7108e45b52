// The PostgreSQL billing role, first half: contract lines and their versions, usage, and the
// customer books an invoice run reads (numbers, billed invoices and corrections are in
// billing_invoices.cpp).
#include <unordered_set>

#include <libpq-fe.h>

#include "otc/core/error.hpp"
#include "pg_ledger.hpp"

namespace otc::store::pg {
namespace {

using core::Date;
using core::Error;
using core::ErrorKind;
using domain::ContractLine;

/// The value whose stored text (`text_of`) is `text`.
template <class E, std::size_t N, class TextOf>
E stored_value(std::string_view text, const E (&values)[N], TextOf text_of, std::string_view what) {
  for (E v : values)
    if (text_of(v) == text) return v;
  bad_value(what, text);
}

std::string_view discount_kind_text(domain::DiscountKind k) {
  switch (k) {
    case domain::DiscountKind::kNone: return "none";
    case domain::DiscountKind::kPercent: return "percent";
    case domain::DiscountKind::kAmount: return "amount";
  }
  return "none";
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

std::string_view frequency_text(domain::BillingFrequency f) { return domain::to_string(f); }
std::string_view model_text(domain::PriceModel m) { return domain::to_string(m); }

domain::BillingFrequency frequency_of(std::string_view t) {
  using F = domain::BillingFrequency;
  static constexpr F kAll[] = {F::kMonthly, F::kQuarterly, F::kSemiannual, F::kAnnual};
  return stored_value(t, kAll, frequency_text, "billing frequency");
}

domain::PriceModel model_of(std::string_view t) {
  using M = domain::PriceModel;
  static constexpr M kAll[] = {M::kFlat, M::kPerSeat, M::kUsageGraduated, M::kUsageVolume, M::kMinimumCommitment};
  return stored_value(t, kAll, model_text, "price model");
}

domain::DiscountKind discount_kind_of(std::string_view t) {
  using K = domain::DiscountKind;
  static constexpr K kAll[] = {K::kNone, K::kPercent, K::kAmount};
  return stored_value(t, kAll, discount_kind_text, "discount kind");
}

// The column list every version read uses, in this order (see read_version).
constexpr const char* kVersionColumns =
    "l.contract_id, l.line_id, l.customer, v.effective_date, v.product, v.metric, v.description, v.start_date,"
    " v.end_date, v.frequency, v.timing, v.anchor_day, v.anchor_month, v.price_model, v.price_per,"
    " v.unit_price_micros, v.tiers, v.quantity_micros, v.discount_kind, v.discount_value, v.discount_until,"
    " v.currency, v.tax_rate_ppm, v.net_days, v.source_file, v.source_line, l.customer_id, l.id";


/// A query read in chunks through a server-side cursor (DECLARE ... FETCH), so that reading every
/// customer's book holds one chunk in memory, not the whole ledger; the rows are those of the
/// transaction's snapshot when the cursor opens, so the invoices the caller writes meanwhile are
/// never read back. Outside a transaction block (no cursor possible) the whole result is read.
class Stream {
 public:
  static constexpr int kChunk = 4000;
  Stream(Db& db, std::string name, const std::string& sql, const std::vector<std::string>& literals) : db_(db), name_(std::move(name)) {
    // $n -> the n-th value as an escaped literal (DECLARE cannot be prepared), in one pass.
    std::string text;
    for (std::size_t i = 0; i < sql.size(); ++i) {
      std::size_t n = 0, j = i + 1;
      while (sql[i] == '$' && j < sql.size() && sql[j] >= '0' && sql[j] <= '9') n = n * 10 + static_cast<std::size_t>(sql[j++] - '0');
      if (n == 0 || n > literals.size()) {
        text.push_back(sql[i]);
        continue;
      }
      char* lit = PQescapeLiteral(db.handle(), literals[n - 1].data(), literals[n - 1].size());
      if (!lit) throw Error(ErrorKind::kLedger, "cannot quote a value for the ledger");
      text += lit;
      PQfreemem(lit);
      i = j - 1;
    }
    cursor_ = db.in_transaction();
    if (cursor_) {
      db_.exec("DECLARE " + name_ + " NO SCROLL CURSOR FOR " + text);
      open_ = true;
      fetch();
    } else {
      r_ = db_.run_once(text);
      done_ = true;
    }
  }
  ~Stream() {
    if (open_) {
      try {
        if (db_.in_transaction()) db_.exec("CLOSE " + name_);
      } catch (...) {
      }
    }
  }
  Stream(const Stream&) = delete;
  Stream& operator=(const Stream&) = delete;

  /// Moves to the next row; false after the last.
  bool next() {
    if (r_.next()) return true;
    if (done_) return false;
    fetch();
    return r_.next();
  }
  const Result& row() const { return r_; }

 private:
  void fetch() {
    r_ = db_.run_once("FETCH " + std::to_string(kChunk) + " FROM " + name_);
    if (r_.rows() < kChunk) {
      done_ = true;
      db_.exec("CLOSE " + name_);
      open_ = false;
    }
  }
  Db& db_;
  std::string name_;
  Result r_;
  bool cursor_ = false, open_ = false, done_ = false;
};

}  // namespace

std::optional<ContractLineRef> PgLedger::find_contract_line(std::string_view contract_id, std::string_view line_id) {
  auto r = db_.run("SELECT id, customer_id, customer FROM contract_lines WHERE contract_id=$1 AND line_id=$2", {contract_id, line_id});
  if (!r.next()) return std::nullopt;
  return ContractLineRef{r.int64(0), r.int64(1), std::string(r.text(2))};
}

std::optional<std::string> PgLedger::contract_customer(std::string_view contract_id) {
  // SQLite reads the first line of the contract by its (contract_id, line_id) key.
  auto r = db_.run("SELECT customer FROM contract_lines WHERE contract_id=$1 ORDER BY line_id LIMIT 1", {contract_id});
  if (!r.next()) return std::nullopt;
  return std::string(r.text(0));
}

std::int64_t PgLedger::add_contract_line(std::string_view contract_id, std::string_view line_id, std::int64_t customer_id,
                                         std::string_view customer) {
  auto r = db_.run("INSERT INTO contract_lines(id, contract_id, line_id, customer_id, customer)"
                   " VALUES((SELECT COALESCE(max(id), 0) + 1 FROM contract_lines), $1,$2,$3,$4) RETURNING id",
                   {contract_id, line_id, customer_id, customer});
  r.next();
  return r.int64(0);
}

void PgLedger::load_versions(std::int64_t line_ref, std::vector<ContractLine>& out) {
  auto r = db_.run(std::string("SELECT ") + kVersionColumns +
                       " FROM contract_versions v JOIN contract_lines l ON l.id = v.line_ref"
                       " WHERE v.line_ref=$1 ORDER BY v.effective_date",
                   {line_ref});
  while (r.next()) read_version(r, out.emplace_back());
}

PutResult PgLedger::put_contract_version(std::int64_t line_ref, const ContractLine& v, std::uint64_t hash,
                                         std::int64_t batch_id) {
  std::string effective = v.effective ? v.effective->iso() : std::string();
  std::string start = v.start.iso();
  std::string tiers = tiers_text(v.tiers);
  std::optional<std::string> end, until;
  if (v.end) end = v.end->iso();
  if (v.discount.until) until = v.discount.until->iso();
  std::optional<std::int64_t> anchor_month, batch;
  if (v.anchor_month) anchor_month = *v.anchor_month;
  if (batch_id) batch = batch_id;
  auto ins = db_.run(
      "INSERT INTO contract_versions(line_ref, effective_date, product, metric, description, start_date, end_date,"
      " frequency, timing, anchor_day, anchor_month, price_model, price_per, unit_price_micros, tiers,"
      " quantity_micros, discount_kind, discount_value, discount_until, currency, tax_rate_ppm, net_days,"
      " content_hash, batch_id, source_file, source_line)"
      " VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26)"
      " ON CONFLICT(line_ref, effective_date) DO NOTHING RETURNING line_ref",
      {line_ref, effective, v.product, v.metric, v.description, start, end, domain::to_string(v.frequency),
       domain::to_string(v.timing), v.anchor_day, anchor_month, domain::to_string(v.model), domain::to_string(v.price_per),
       v.unit_price_micros, tiers, v.quantity, discount_kind_text(v.discount.kind), v.discount.value, until,
       v.currency.view(), v.tax_rate_ppm, v.net_days, static_cast<std::int64_t>(hash), batch, v.source_file,
       static_cast<std::int64_t>(v.source_line)});
  if (ins.rows() > 0) return {PutOutcome::kInserted, line_ref, {}, 0};
  auto c = db_.run("SELECT content_hash, source_file, source_line FROM contract_versions WHERE line_ref=$1 AND effective_date=$2",
                   {line_ref, effective});
  if (!c.next()) throw Error(ErrorKind::kLedger, "contract version vanished during import");
  PutResult r;
  r.id = line_ref;
  r.outcome = static_cast<std::uint64_t>(c.int64(0)) == hash ? PutOutcome::kUnchanged : PutOutcome::kConflict;
  r.existing_file.assign(c.text(1));
  r.existing_line = static_cast<long>(c.int64(2));
  return r;
}

bool PgLedger::put_usage(const domain::UsageRecord& r, std::int64_t batch_id) {
  std::string day = r.date.iso();
  std::optional<std::int64_t> batch;
  if (batch_id) batch = batch_id;
  auto ins = db_.run("INSERT INTO usage_records(id, event_id, contract_id, line_id, customer, metric, usage_date, quantity_micros,"
                     " batch_id, source_line) VALUES((SELECT COALESCE(max(id), 0) + 1 FROM usage_records), $1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT(event_id) DO NOTHING RETURNING id",
                     {r.event_id, r.contract_id, r.line_id, r.customer, r.metric, day, r.quantity, batch,
                      static_cast<std::int64_t>(r.source_line)});
  return ins.rows() > 0;
}

void PgLedger::for_each_customer_book(Date through, std::optional<std::string_view> customer,
                                      const std::function<void(CustomerBook&)>& fn) {
  // Three streams in customer order, merged: versions, billed keys, usage, each read through a
  // cursor in chunks, so memory holds a chunk and one customer. Ties are broken as SQLite's
  // indexes order them (a line's versions by effective date, its billed keys by their key).
  const bool one = customer.has_value();
  std::vector<std::string> values;
  if (one) values.emplace_back(*customer);
  values.push_back(through.iso());
  const std::string who_filter = one ? " WHERE l.customer=$1" : "";
  // Released invoices (void, rebilled) are few: held in memory, their charges skipped.
  std::unordered_set<std::int64_t> released;
  {
    auto rs = db_.run("SELECT invoice_id FROM invoice_releases");
    while (rs.next()) released.insert(rs.int64(0));
  }
  Stream vs(db_, "otc_book_versions",
            std::string("SELECT ") + kVersionColumns +
                " FROM contract_lines l JOIN contract_versions v ON v.line_ref = l.id" + who_filter +
                " ORDER BY l.customer, l.contract_id, l.line_id, v.effective_date",
            values);
  // Billed keys in the same line order as the versions: a row belongs to the customer just read
  // when its line does, so the stream needs no customer column.
  Stream bs(db_, "otc_book_billed",
            "SELECT b.line_ref, b.charge_date, b.charge_kind, b.invoice_id"
            " FROM contract_lines l JOIN billed_charges b ON b.line_ref = l.id" + who_filter +
                " ORDER BY l.customer, l.contract_id, l.line_id, b.charge_date, b.charge_kind, b.invoice_id",
            values);
  // Usage in (customer, contract, line, metric, day) order: equal keys are adjacent and summed.
  Stream us(db_, "otc_book_usage",
            std::string("SELECT customer, contract_id, line_id, metric, usage_date, quantity_micros"
                        " FROM usage_records WHERE usage_date <= ") +
                (one ? "$2 AND customer=$1" : "$1") + " ORDER BY customer, contract_id, line_id, metric, usage_date, id",
            one ? values : std::vector<std::string>{values.back()});
  // Rows that invoices of this pass leave buffered are written when the pass ends; on an error
  // they are dropped (the caller rolls the transaction back).
  struct Reset {
    PgLedger* self;
    ~Reset() {
      self->in_book_ = false;
      self->lines_.clear();
      self->billed_.clear();
      self->numbers_.clear();
    }
  } reset{this};
  in_book_ = true;

  CustomerBook book;
  std::vector<std::pair<std::int64_t, std::size_t>> lines;  // line id -> index of a version
  bool have_v = vs.next(), have_b = bs.next(), have_u = us.next();
  while (have_v) {
    book.customer.assign(vs.row().text(2));
    book.customer_id = vs.row().int64(26);
    book.versions.clear();
    book.billed.clear();
    book.usage.clear();
    line_refs_.clear();
    lines.clear();
    while (have_v && vs.row().text(2) == book.customer) {
      auto& v = book.versions.emplace_back();
      read_version(vs.row(), v);
      std::int64_t id = vs.row().int64(27);
      if (lines.empty() || lines.back().first != id) {
        lines.emplace_back(id, book.versions.size() - 1);
        line_refs_[v.contract_id].try_emplace(v.line_id, id);
      }
      have_v = vs.next();
    }
    for (std::size_t k = 0; have_b && k < lines.size();) {
      const Result& b = bs.row();
      std::int64_t ref = b.int64(0);
      if (ref != lines[k].first) {
        ++k;  // this line has no (more) billed keys
        continue;
      }
      if (!released.count(b.int64(3))) {
        const auto& v = book.versions[lines[k].second];
        auto& c = book.billed.emplace_back();
        c.contract_id = v.contract_id;
        c.line_id = v.line_id;
        c.key = engine::ChargeKey{date_of(b.text(1)), charge_kind_of(b.text(2))};
      }
      have_b = bs.next();
    }
    while (have_u && us.row().text(0) < std::string_view(book.customer)) have_u = us.next();
    while (have_u && us.row().text(0) == book.customer) {
      const Result& u = us.row();
      Date d = date_of(u.text(4));
      domain::UsageRecord* last = book.usage.empty() ? nullptr : &book.usage.back();
      if (last && last->date == d && last->contract_id == u.text(1) && last->line_id == u.text(2) &&
          last->metric == u.text(3)) {
        last->quantity = core::checked_add(last->quantity, u.int64(5));
      } else {
        auto& r = book.usage.emplace_back();
        r.contract_id.assign(u.text(1));
        r.line_id.assign(u.text(2));
        r.customer = book.customer;
        r.metric.assign(u.text(3));
        r.date = d;
        r.quantity = u.int64(5);
      }
      have_u = us.next();
    }
    fn(book);
  }
  flush_rows();
}

void PgLedger::read_version(const Result& s, ContractLine& v) {
  v.contract_id.assign(s.text(0));
  v.line_id.assign(s.text(1));
  v.customer.assign(s.text(2));
  std::string_view eff = s.text(3);
  if (eff.empty()) v.effective.reset(); else v.effective = date_of(eff);
  v.product.assign(s.text(4));
  v.metric.assign(s.text(5));
  v.description.assign(s.text(6));
  v.start = date_of(s.text(7));
  v.end = opt_date(s, 8);
  v.frequency = frequency_of(s.text(9));
  v.timing = s.text(10) == "arrears" ? domain::BillingTiming::kArrears : domain::BillingTiming::kAdvance;
  v.anchor_day = static_cast<int>(s.int64(11));
  if (s.is_null(12)) v.anchor_month.reset(); else v.anchor_month = static_cast<int>(s.int64(12));
  v.model = model_of(s.text(13));
  v.price_per = frequency_of(s.text(14));
  v.unit_price_micros = s.int64(15);
  v.tiers = tiers_of(s.text(16));
  v.quantity = s.int64(17);
  v.discount.kind = discount_kind_of(s.text(18));
  v.discount.value = s.int64(19);
  v.discount.until = opt_date(s, 20);
  v.currency = currency(s.text(21));
  v.tax_rate_ppm = s.int64(22);
  v.net_days = static_cast<int>(s.int64(23));
  v.source_file.assign(s.text(24));
  v.source_line = static_cast<long>(s.int64(25));
}

}  // namespace otc::store::pg
