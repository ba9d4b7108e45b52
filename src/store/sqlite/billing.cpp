// The SQLite billing role, first half: contract lines and their versions, usage, and the
// customer books an invoice run reads (numbers, billed invoices and corrections are in
// billing_invoices.cpp).
#include <unordered_set>

#include "otc/core/error.hpp"
#include "sqlite_ledger.hpp"

namespace otc::store::sqlite {
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

}  // namespace

std::optional<ContractLineRef> SqliteLedger::find_contract_line(std::string_view contract_id, std::string_view line_id) {
  auto& s = stmt(billing_.find_line, "SELECT id, customer_id, customer FROM contract_lines WHERE contract_id=?1 AND line_id=?2");
  s.bind(1, contract_id).bind(2, line_id);
  std::optional<ContractLineRef> r;
  if (s.step()) r = ContractLineRef{s.int64(0), s.int64(1), std::string(s.text(2))};
  s.reset();
  return r;
}

std::optional<std::string> SqliteLedger::contract_customer(std::string_view contract_id) {
  auto& s = stmt(billing_.contract_customer, "SELECT customer FROM contract_lines WHERE contract_id=?1 LIMIT 1");
  s.bind(1, contract_id);
  std::optional<std::string> r;
  if (s.step()) r = std::string(s.text(0));
  s.reset();
  return r;
}

std::int64_t SqliteLedger::add_contract_line(std::string_view contract_id, std::string_view line_id, std::int64_t customer_id,
                               std::string_view customer) {
  auto& s = stmt(billing_.add_line, "INSERT INTO contract_lines(contract_id, line_id, customer_id, customer) VALUES(?1,?2,?3,?4)");
  s.bind(1, contract_id).bind(2, line_id).bind(3, customer_id).bind(4, customer);
  s.step();
  s.reset();
  return db_.last_insert_id();
}

void SqliteLedger::load_versions(std::int64_t line_ref, std::vector<ContractLine>& out) {
  auto& s = stmt(billing_.load_versions, std::string("SELECT ") + kVersionColumns +
                                     " FROM contract_versions v JOIN contract_lines l ON l.id = v.line_ref"
                                     " WHERE v.line_ref=?1 ORDER BY v.effective_date");
  s.bind(1, line_ref);
  while (s.step()) read_version(s, out.emplace_back());
  s.reset();
}

PutResult SqliteLedger::put_contract_version(std::int64_t line_ref, const ContractLine& v, std::uint64_t hash,
                               std::int64_t batch_id) {
  auto& s = stmt(billing_.put_version,
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
  if (db_.changes() > 0) return {PutOutcome::kInserted, line_ref, {}, 0};
  auto& c = stmt(billing_.cmp_version, "SELECT content_hash, source_file, source_line FROM contract_versions WHERE line_ref=?1 AND effective_date=?2");
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

bool SqliteLedger::put_usage(const domain::UsageRecord& r, std::int64_t batch_id) {
  auto& s = stmt(billing_.put_usage,
                 "INSERT INTO usage_records(event_id, contract_id, line_id, customer, metric, usage_date, quantity_micros, batch_id, source_line)"
                 " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9) ON CONFLICT(event_id) DO NOTHING");
  DateText day(r.date);
  s.bind(1, r.event_id).bind(2, r.contract_id).bind(3, r.line_id).bind(4, r.customer).bind(5, r.metric)
      .bind(6, day.text).bind(7, r.quantity);
  if (batch_id) s.bind(8, batch_id); else s.bind_null(8);
  s.bind(9, static_cast<std::int64_t>(r.source_line));
  s.step();
  s.reset();
  return db_.changes() > 0;
}

void SqliteLedger::for_each_customer_book(Date through, std::optional<std::string_view> customer,
                            const std::function<void(CustomerBook&)>& fn) {
  // Three streams in customer order, merged: versions, billed keys, usage. Each is one index
  // scan, so reading the book costs the same per line whatever its size, and memory holds one
  // customer. The writes `fn` makes (new invoices of this customer) land behind the cursors.
  const bool one = customer.has_value();
  auto& vs = stmt(one ? billing_.book_versions_one : billing_.book_versions,
                  std::string("SELECT ") + kVersionColumns +
                      " FROM contract_lines l INDEXED BY contract_lines_customer JOIN contract_versions v ON v.line_ref = l.id" +
                      (one ? " WHERE l.customer=?1" : "") + " ORDER BY l.customer, l.contract_id, l.line_id");
  // Billed keys in the same line order as the versions: a row belongs to the customer just read
  // when its line does, so the stream needs no customer column.
  auto& bs = stmt(one ? billing_.book_billed_one : billing_.book_billed,
                  std::string("SELECT b.line_ref, b.charge_date, b.charge_kind, b.invoice_id"
                              " FROM contract_lines l INDEXED BY contract_lines_customer JOIN billed_charges b ON b.line_ref = l.id") +
                      (one ? " WHERE l.customer=?1" : "") + " ORDER BY l.customer, l.contract_id, l.line_id");
  // Usage in (customer, contract, line, metric, day) order: equal keys are adjacent and summed.
  auto& us = stmt(one ? billing_.book_usage_one : billing_.book_usage,
                  std::string("SELECT customer, contract_id, line_id, metric, usage_date, quantity_micros"
                              " FROM usage_records INDEXED BY usage_records_customer WHERE usage_date <= ?2") +
                      (one ? " AND customer=?1" : "") + " ORDER BY customer, contract_id, line_id, metric, usage_date");
  // Released invoices (void, rebilled) are few: held in memory, their charges skipped.
  std::unordered_set<std::int64_t> released;
  {
    auto& rs = stmt(billing_.released, "SELECT invoice_id FROM invoice_releases");
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
    SqliteLedger* self;
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
      read_version(vs, v);
      std::int64_t id = vs.int64(27);
      if (lines.empty() || lines.back().first != id) {
        lines.emplace_back(id, book.versions.size() - 1);
        line_refs_[v.contract_id].try_emplace(v.line_id, id);
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

void SqliteLedger::read_version(const Statement& s, ContractLine& v) {
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

}  // namespace otc::store::sqlite
