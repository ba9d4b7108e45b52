// The SQLite documents role: invoices as posted.
#include "sqlite_ledger.hpp"

namespace otc::store::sqlite {
namespace {

/// The stored record an insert met: id, content hash, where it came from.
constexpr const char* kStoredInvoice =
    "SELECT i.id, i.content_hash, b.file_name, i.source_line FROM invoices i LEFT JOIN import_batches b ON b.id=i.batch_id WHERE i.external_id=?1";

}  // namespace

PutResult SqliteLedger::put_invoice(const domain::Invoice& inv, std::int64_t customer_id, std::uint64_t hash,
                                    std::int64_t batch, long line) {
  ensure_period_open(inv.invoice_date, "invoice date");
  auto& s = stmt(invoices_.put,
      "INSERT INTO invoices(external_id, customer_id, currency, invoice_date, due_date, total_minor, open_minor, last_activity, po_number, content_hash, batch_id, source_line)"
      " VALUES(?1,?2,?3,?4,?5,?6,?6,?4,?7,?8,?9,?10) ON CONFLICT(external_id) DO NOTHING");
  IsoDay inv_date(inv.invoice_date), due_date(inv.due_date);
  s.bind(1, inv.external_id).bind(2, customer_id).bind(3, inv.currency.view())
      .bind(4, inv_date.view()).bind(5, due_date.view()).bind(6, inv.total_minor)
      .bind_opt(7, inv.po_number).bind(8, static_cast<std::int64_t>(hash)).bind(9, batch).bind(10, static_cast<std::int64_t>(line));
  return insert_keyed(s, inv.invoice_date, kStoredInvoice, invoices_.compare, inv.external_id, hash);
}

std::optional<InvoiceRef> SqliteLedger::find_invoice(std::string_view ext) {
  auto& s = stmt(invoices_.find, "SELECT id, customer_id, currency, invoice_date, open_minor FROM invoices WHERE external_id=?1 AND status='open'");
  s.bind(1, ext);
  std::optional<InvoiceRef> r;
  if (s.step()) r = InvoiceRef{s.int64(0), s.int64(1), currency(s.text(2)), date_of(s.text(3)), s.int64(4)};
  s.reset();
  return r;
}

}  // namespace otc::store::sqlite
