// The SQLite ledger's kept open items (issue 12, migration 0009): each customer's open invoices
// packed in BLOB rows of derived_open_items (one, or a few after a rebuild of every customer),
// rewritten before every commit for the customers the invoices triggers named in
// derived_open_dirty. "As of now" reads a row per customer instead of one index entry per open
// invoice; "as of a past date" starts from them and adds back
// what was applied after that date, plus the invoices settled since (invoices_settled).
#include <algorithm>
#include <bit>
#include <cstring>
#include <type_traits>

#include "otc/core/money.hpp"
#include "sqlite_ledger.hpp"

namespace otc::store::sqlite {

using core::Date;

namespace {

/// One packed item, little-endian: invoice id (8), invoice date, due date, last activity (days
/// since 1970, 4 each), total and open (8 each), currency code (3), external id length (2) and
/// bytes. The layout is private to this file; the rows are rebuilt whenever it would change.
constexpr std::size_t kFixedBytes = 8 + 4 + 4 + 4 + 8 + 8 + 3 + 2;

/// More dirty customers than this, or the "all" marker: every row is built again from one scan
/// of the open items index (cheaper than a look-up per customer).
constexpr std::size_t kRebuildAll = 2000;
/// That scan writes what it holds as rows whenever it holds this many bytes: a customer then has
/// a row per part (readers take every row), memory stays flat.
constexpr std::size_t kRebuildBytes = std::size_t{24} << 20;

void put(std::string& out, std::uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xffu));
}

template <class T>
T get(const unsigned char*& p) {
  T v;
  if constexpr (std::endian::native == std::endian::little) {
    std::memcpy(&v, p, sizeof v);  // one load
  } else {
    std::make_unsigned_t<T> u = 0;
    for (std::size_t i = 0; i < sizeof v; ++i) u |= static_cast<std::make_unsigned_t<T>>(p[i]) << (8 * i);
    v = static_cast<T>(u);
  }
  p += sizeof v;
  return v;
}

struct Packed {
  std::int64_t id = 0;
  Date invoice_date, due_date, last_activity;
  std::int64_t total = 0, open = 0;
  std::string_view currency, external_id;
};

/// Appends one item read from a statement whose columns from `c` are: id, currency, invoice date,
/// due date, total, open, external id, last activity.
void pack(std::string& out, const Statement& s, int c) {
  const std::string_view ccy = s.text(c + 1), ext = s.text(c + 6);
  if (ccy.size() != 3) bad_value("currency", ccy);
  if (ext.size() > 0xffffu) bad_value("invoice id", ext);
  out.reserve(out.size() + kFixedBytes + ext.size());
  put(out, static_cast<std::uint64_t>(s.int64(c)), 8);
  put(out, static_cast<std::uint32_t>(date_of(s.text(c + 2)).days()), 4);
  put(out, static_cast<std::uint32_t>(date_of(s.text(c + 3)).days()), 4);
  put(out, static_cast<std::uint32_t>(date_of(s.text(c + 7)).days()), 4);
  put(out, static_cast<std::uint64_t>(s.int64(c + 4)), 8);
  put(out, static_cast<std::uint64_t>(s.int64(c + 5)), 8);
  out.append(ccy);
  put(out, ext.size(), 2);
  out.append(ext);
}

/// Reads the next item; false at the end. A truncated row is a ledger error.
inline bool unpack(const unsigned char*& p, const unsigned char* end, Packed& it) {
  if (p == end) return false;
  if (static_cast<std::size_t>(end - p) < kFixedBytes) bad_value("kept open items row", "truncated");
  it.id = get<std::int64_t>(p);
  it.invoice_date = Date::from_days(get<std::int32_t>(p));
  it.due_date = Date::from_days(get<std::int32_t>(p));
  it.last_activity = Date::from_days(get<std::int32_t>(p));
  it.total = get<std::int64_t>(p);
  it.open = get<std::int64_t>(p);
  it.currency = std::string_view(reinterpret_cast<const char*>(p), 3);
  p += 3;
  const auto n = static_cast<std::size_t>(get<std::uint16_t>(p));
  if (static_cast<std::size_t>(end - p) < n) bad_value("kept open items row", "truncated");
  it.external_id = std::string_view(reinterpret_cast<const char*>(p), n);
  p += n;
  return true;
}

/// Every kept row with its customer's id and name (columns: customer id, external id, name, items).
constexpr const char* kKeptRows =
    "SELECT d.customer_id, COALESCE(c.external_id, ''), COALESCE(c.name, ''), d.items"
    " FROM derived_open_items d LEFT JOIN customers c ON c.id = d.customer_id";

constexpr const char* kItemColumns = "id, currency, invoice_date, due_date, total_minor, open_minor, external_id, last_activity";

}  // namespace

void SqliteLedger::refresh_open_items() {
  std::vector<std::int64_t> dirty;
  bool all = false;
  {
    auto& s = stmt(open_items_.dirty, "SELECT customer_id FROM derived_open_dirty");
    ResetOnExit reset{s};
    while (s.step()) {
      const std::int64_t c = s.int64(0);
      if (c < 0) all = true;
      else dirty.push_back(c);
    }
  }
  if (!all && dirty.empty()) return;
  auto& put_row = stmt(open_items_.put, "INSERT INTO derived_open_items(customer_id, items) VALUES (?1, ?2)");
  auto put = [&](std::int64_t customer, const std::string& bytes) {
    put_row.bind(1, customer).bind_blob(2, bytes);
    put_row.step();
    put_row.reset();
  };
  if (all || dirty.size() > kRebuildAll) {
    db_.exec("DELETE FROM derived_open_items");
    std::unordered_map<std::int64_t, std::string> rows;
    std::size_t held = 0;
    auto write_held = [&] {
      std::vector<std::int64_t> ids;
      ids.reserve(rows.size());
      for (const auto& [id, bytes] : rows) ids.push_back(id);
      std::sort(ids.begin(), ids.end());
      for (std::int64_t id : ids) put(id, rows[id]);
      std::unordered_map<std::int64_t, std::string>().swap(rows);
      held = 0;
    };
    Statement s(db_.handle(), std::string("SELECT customer_id, ") + kItemColumns +
                                  " FROM invoices INDEXED BY invoices_open WHERE open_minor <> 0 AND status = 'open'");
    while (s.step()) {
      std::string& bytes = rows[s.int64(0)];
      const std::size_t before = bytes.size();
      pack(bytes, s, 1);
      held += bytes.size() - before;
      if (held >= kRebuildBytes) write_held();
    }
    write_held();
  } else {
    auto& read = stmt(open_items_.one, std::string("SELECT ") + kItemColumns +
                                           " FROM invoices WHERE customer_id = ?1 AND open_minor <> 0 AND status = 'open' ORDER BY id");
    auto& drop = stmt(open_items_.drop, "DELETE FROM derived_open_items WHERE customer_id = ?1");
    std::string bytes;
    for (std::int64_t c : dirty) {
      bytes.clear();
      read.bind(1, c);
      while (read.step()) pack(bytes, read, 0);
      read.reset();
      drop.bind(1, c);
      drop.step();
      drop.reset();
      if (!bytes.empty()) put(c, bytes);
    }
  }
  auto& clear = stmt(open_items_.clear, "DELETE FROM derived_open_dirty");
  clear.step();
  clear.reset();
}

void SqliteLedger::suspend_open_item_triggers() {
  std::vector<std::pair<std::string, std::string>> triggers;
  {
    Statement s(db_.handle(), "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'derived\\_open\\_%' ESCAPE '\\'");
    while (s.step()) triggers.emplace_back(std::string(s.text(0)), std::string(s.text(1)));
  }
  for (auto& [name, sql] : triggers) {
    db_.exec(("DROP TRIGGER " + name).c_str());
    dropped_schema_.push_back(std::move(sql));
  }
  db_.exec("INSERT OR IGNORE INTO derived_open_dirty VALUES (-1)");
}

bool SqliteLedger::open_items_kept() {
  auto& s = stmt(open_items_.clean, "SELECT NOT EXISTS (SELECT 1 FROM derived_open_dirty)");
  ResetOnExit reset{s};
  return s.step() && s.int64(0) != 0;
}

void SqliteLedger::for_each_open_run(Date as_of, const std::function<void(const domain::OpenItemRun&)>& fn) {
  if (!open_items_kept() || as_of < max_activity()) {
    BalancesStore::for_each_open_run(as_of, fn);  // from the items (a past date adds back what came since)
    return;
  }
  // Each kept row (a customer's items, or part of them) split by currency (most bill in one).
  struct Slot {
    char code[3];
    core::Currency currency;
    std::vector<domain::OpenAmount> items;
    bool is(std::string_view c) const { return std::memcmp(code, c.data(), 3) == 0; }  // unpack gives 3 bytes
  };
  std::vector<Slot> slots;
  domain::OpenItemRun run;
  Packed p;
  auto& s = stmt(open_items_.read, kKeptRows);
  ResetOnExit reset{s};
  while (s.step()) {
    for (auto& slot : slots) slot.items.clear();
    const std::string_view bytes = s.blob(3);
    const auto* q = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto* end = q + bytes.size();
    Slot* last = nullptr;
    while (unpack(q, end, p)) {
      if (p.invoice_date > as_of) continue;
      if (!last || !last->is(p.currency)) {
        last = nullptr;
        for (auto& slot : slots)
          if (slot.is(p.currency)) last = &slot;
        if (!last) {
          slots.push_back({{p.currency[0], p.currency[1], p.currency[2]}, currency(p.currency), {}});
          last = &slots.back();
        }
      }
      last->items.push_back({p.id, p.invoice_date, p.due_date, p.open});
    }
    run.customer_id = s.int64(0);
    run.customer_external_id = s.text(1);
    run.customer_name = s.text(2);
    for (const auto& slot : slots) {
      if (slot.items.empty()) continue;
      run.currency = slot.currency;
      run.items = slot.items.data();
      run.count = slot.items.size();
      fn(run);
    }
  }
}

void SqliteLedger::for_each_open_item_unordered(Date as_of, const std::function<void(const domain::OpenItem&)>& fn) {
  // Uncommitted changes (a write transaction reading its own writes) or a ledger whose rows were
  // not built yet: the open items are read from the invoices.
  if (!open_items_kept()) {
    for_each_open_item(as_of, fn);
    return;
  }
  const bool now = as_of >= max_activity();
  const std::string day = as_of.iso();
  static const std::pair<std::string, std::string> kUnknown;
  auto name_of = [&](std::int64_t id) -> const std::pair<std::string, std::string>& {
    const auto& names = customer_names();
    auto it = names.find(id);
    return it != names.end() ? it->second : kUnknown;
  };
  // What was applied to or adjusted on an invoice after as_of (an open item touched since).
  auto& after = stmt(open_items_.after,
                     "SELECT COALESCE((SELECT SUM(amount_minor) FROM applications WHERE invoice_id = ?1 AND applied_on > ?2), 0)"
                     " + COALESCE((SELECT SUM(amount_minor) FROM adjustments WHERE invoice_id = ?1 AND adj_date > ?2), 0)");
  domain::OpenItem item;
  Packed p;
  {
    auto& s = stmt(open_items_.read, kKeptRows);
    ResetOnExit reset{s};
    while (s.step()) {
      item.customer_id = s.int64(0);
      item.customer_external_id.assign(s.text(1));
      item.customer_name.assign(s.text(2));
      const std::string_view bytes = s.blob(3);
      const auto* q = reinterpret_cast<const unsigned char*>(bytes.data());
      const auto* end = q + bytes.size();
      while (unpack(q, end, p)) {
        if (p.invoice_date > as_of) continue;
        item.open_minor = p.open;
        if (!now && p.last_activity > as_of) {
          after.bind(1, p.id).bind(2, day);
          after.step();
          item.open_minor = core::checked_add(item.open_minor, after.int64(0));
          after.reset();
        }
        if (item.open_minor == 0) continue;
        item.invoice_id = p.id;
        item.invoice_external_id.assign(p.external_id);
        if (p.currency != item.currency.view()) item.currency = currency(p.currency);
        item.invoice_date = p.invoice_date;
        item.due_date = p.due_date;
        item.total_minor = p.total;
        fn(item);
      }
    }
  }
  if (now) return;
  // Settled now, open at as_of: touched after it. An open invoice's balance then is what was
  // applied and adjusted since; a voided one's is its total less what was applied by then.
  auto& s = stmt(open_items_.settled,
                 // The months from the earliest settled invoice's to as_of's, each one seek.
                 "WITH RECURSIVE months(ym) AS ("
                 " SELECT (SELECT min(substr(invoice_date, 1, 7)) FROM invoices INDEXED BY invoices_settled WHERE open_minor = 0)"
                 " UNION ALL SELECT strftime('%Y-%m', ym || '-01', '+1 month') FROM months WHERE ym < substr(?1, 1, 7))"
                 " SELECT i.id, i.customer_id, i.currency, i.invoice_date, i.due_date, i.total_minor, i.external_id,"
                 " CASE WHEN i.status = 'open' THEN"
                 "   COALESCE((SELECT SUM(a.amount_minor) FROM applications a WHERE a.invoice_id = i.id AND a.applied_on > ?1), 0)"
                 "   + COALESCE((SELECT SUM(j.amount_minor) FROM adjustments j WHERE j.invoice_id = i.id AND j.adj_date > ?1), 0)"
                 " ELSE i.total_minor"
                 "   - COALESCE((SELECT SUM(a.amount_minor) FROM applications a WHERE a.invoice_id = i.id AND a.applied_on <= ?1), 0)"
                 "   - COALESCE((SELECT SUM(j.amount_minor) FROM adjustments j WHERE j.invoice_id = i.id AND j.adj_date <= ?1), 0) END"
                 " FROM months mo JOIN invoices i INDEXED BY invoices_settled ON substr(i.invoice_date, 1, 7) = mo.ym"
                 " WHERE i.open_minor = 0 AND i.last_activity > ?1 AND i.invoice_date <= ?1");
  ResetOnExit reset{s};
  s.bind(1, day);
  std::int64_t last_customer = -1;
  while (s.step()) {
    item.open_minor = s.int64(7);
    if (item.open_minor == 0) continue;
    item.invoice_id = s.int64(0);
    item.customer_id = s.int64(1);
    if (item.customer_id != last_customer) {
      const auto& name = name_of(item.customer_id);
      item.customer_external_id.assign(name.first);
      item.customer_name.assign(name.second);
      last_customer = item.customer_id;
    }
    item.currency = currency(s.text(2));
    item.invoice_date = date_of(s.text(3));
    item.due_date = date_of(s.text(4));
    item.total_minor = s.int64(5);
    item.invoice_external_id.assign(s.text(6));
    fn(item);
  }
}

}  // namespace otc::store::sqlite
