// `otc invoice render ID|--all --out DIR`: invoices as printable HTML documents, each written
// with the one atomic writer (NUMBER.html appears only when complete).
#include <filesystem>

#include "invoice_commands.hpp"
#include "seller_file.hpp"
#include "otc/ops/statement.hpp"
#include "otc/core/error.hpp"
#include "otc/report/atomic_file.hpp"
#include "otc/report/document_name.hpp"
#include "otc/report/invoice_html.hpp"
#include "otc/store/billing_store.hpp"
#include "otc/store/ledger_store.hpp"
#include "otc/store/transaction.hpp"

namespace otc::cli {
namespace {

using core::Error;
using core::ErrorKind;
using report::CellKind;

struct RenderArgs {
  std::string invoice;
  bool all = false;
  std::string out_dir;
  report::SellerInfo seller;  ///< from the flags; each one given replaces the profile's
  std::string seller_file;
};

/// Writes each invoice's document and one row per document; returns how many.
std::size_t render_invoices(store::LedgerStore& store, const RenderArgs& a, const report::SellerInfo& seller,
                            report::RowSink& sink) {
  store::BillingStore* billing = &store;
  sink.begin({{"invoice_number", CellKind::kText}, {"status", CellKind::kText}, {"file", CellKind::kText}});
  std::vector<store::IssuedInvoice> todo;
  store::ReadTransaction tx(store);
  if (a.all) {
    billing->for_each_billed_invoice([&](const store::IssuedInvoice& inv) { todo.push_back(inv); });
  } else {
    auto inv = billing->find_issued_invoice(a.invoice);
    if (!inv) throw Error(ErrorKind::kInput, "invoice '" + a.invoice + "' is not in the ledger");
    todo.push_back(*inv);
  }
  std::vector<store::IssuedLine> lines;
  std::vector<std::string> cells;
  for (const auto& inv : todo) {
    lines.clear();
    billing->load_lines(inv.id, lines);
    std::string path = (std::filesystem::path(a.out_dir) / (report::document_file_stem(inv.number) + ".html")).string();
    report::AtomicFile file(path);
    report::write_invoice_html(file.stream(), inv, lines, seller);
    file.commit();
    cells = {inv.number, inv.status, path};
    sink.row(cells);
  }
  tx.end();
  sink.end();
  return todo.size();
}

void run_render(Context& ctx, const RenderArgs& a) {
  if (a.invoice.empty() == !a.all) throw Error(ErrorKind::kUsage, "give one invoice number, or --all");
  std::error_code ec;
  std::filesystem::create_directories(a.out_dir, ec);
  if (ec || !std::filesystem::is_directory(a.out_dir))
    throw Error(ErrorKind::kInput, "cannot create the output directory", {a.out_dir});
  auto store = ctx.open_ledger_read_only();
  // The seller block: the seller profile (as statements use it), each --seller-* flag replacing its part.
  report::SellerInfo seller = ops::seller_block(seller_profile(ctx, *store, a.seller_file)).first;
  if (!a.seller.name.empty()) seller.name = a.seller.name;
  if (!a.seller.address.empty()) seller.address = a.seller.address;
  if (!a.seller.remit_to.empty()) seller.remit_to = a.seller.remit_to;
  std::size_t rendered = 0;
  ctx.write_report([&](report::RowSink& sink) { rendered = render_invoices(*store, a, seller, sink); });
  ctx.note("rendered " + std::to_string(rendered) + " invoice(s) into " + a.out_dir);
}

}  // namespace

void install_invoice_render(CLI::App& invoice_cmd, Context& ctx) {
  auto d = std::make_shared<RenderArgs>();
  auto* ds = add_command(invoice_cmd, "invoice render");
  ds->add_option("ID", d->invoice, "invoice number");
  ds->add_flag("--all", d->all, "every invoice billed by invoice run");
  ds->add_option("--out", d->out_dir, "directory for the documents (NUMBER.html)")->required();
  ds->add_option("--seller-file", d->seller_file, "seller profile (default: the ledger's, or seller.toml beside it)");
  ds->add_option("--seller-name", d->seller.name, "seller block: your company's name (replaces the profile's)");
  ds->add_option("--seller-address", d->seller.address, "seller block: address, lines separated by ';'");
  ds->add_option("--remit-to", d->seller.remit_to, "remittance instructions, lines separated by ';'");
  ds->callback([&ctx, d] { run_render(ctx, *d); });
}

}  // namespace otc::cli
