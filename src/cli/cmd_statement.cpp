// `otc statement CUSTOMER...|--all --out DIR [--since D] [--format html|csv|both]` and
// `otc statement receipt PAYMENT --out DIR`: documents written with the one atomic writer under
// names from report::document_file_stem (statement_ID.html, activity_ID.html, receipt_ID.html),
// and one row per document and currency on stdout.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "commands.hpp"
#include "context.hpp"
#include "input_file.hpp"
#include "otc/core/error.hpp"
#include "otc/import/seller_profile.hpp"
#include "otc/ops/statement.hpp"
#include "otc/report/atomic_file.hpp"
#include "otc/report/document_name.hpp"
#include "otc/store/ledger_store.hpp"
#include "otc/store/open_store.hpp"

namespace otc::cli {
namespace {

using core::Error;
using core::ErrorKind;
using report::CellKind;

struct StatementArgs {
  std::vector<std::string> customers;
  bool all = false;
  std::string since;
  std::string out_dir;
  std::string doc_format = "html";
  std::string seller_file;
  std::string buckets;
  std::string payment;  // receipt
};

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorKind::kInput, "cannot read the seller profile", {path});
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// The seller profile: --seller-file, else the one `otc init --seller-file` stored, else
/// seller.toml / seller.ini beside the ledger (a PostgreSQL ledger has no folder: the current
/// directory); none gives an empty seller block.
import::SellerProfile seller_profile(Context& ctx, store::LedgerStore& store, const std::string& explicit_file) {
  if (!explicit_file.empty()) return import::parse_seller_profile(read_text(explicit_file), explicit_file);
  if (auto stored = ops::stored_seller_profile(store)) return import::parse_seller_profile(stored->first, stored->second);
  const std::string ledger = ctx.ledger_path();
  const auto folder = store::is_postgres_spec(ledger) ? std::string() : std::filesystem::path(ledger).parent_path().string();
  if (auto f = import::find_seller_file(folder)) return import::parse_seller_profile(read_text(*f), *f);
  ctx.note("no seller profile (seller.toml beside the ledger, or otc init --seller-file): the seller block is empty");
  return {};
}

void make_out_dir(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir)) throw Error(ErrorKind::kInput, "cannot create the output directory", {dir});
}

std::string doc_path(const std::string& dir, const char* prefix, const std::string& id, const char* ext) {
  return (std::filesystem::path(dir) / (std::string(prefix) + report::document_file_stem(id) + ext)).string();
}

void run_statement(Context& ctx, const StatementArgs& a) {
  if (a.customers.empty() == !a.all) throw Error(ErrorKind::kUsage, "give one or more customer ids, or --all");
  if (a.out_dir.empty()) throw Error(ErrorKind::kUsage, "--out DIR is required");
  ops::StatementOptions o;
  o.customers = a.customers;
  o.all = a.all;
  o.as_of = ctx.as_of();
  if (!a.since.empty()) {
    o.since = Context::parse_date_option(a.since, "--since");
    if (*o.since > o.as_of) throw Error(ErrorKind::kUsage, "--since " + a.since + " is after the as-of date " + o.as_of.iso());
  }
  if (!a.buckets.empty()) {
    o.buckets.edges = engine::parse_bucket_edges(a.buckets);
    if (o.buckets.edges.empty()) throw Error(ErrorKind::kUsage, "--buckets must be increasing positive days, e.g. 30,60,90,120");
  }
  const bool html = a.doc_format != "csv", csv = a.doc_format != "html";
  ctx.format();
  auto store = ctx.open_ledger();
  const auto profile = seller_profile(ctx, *store, a.seller_file);
  const auto [seller, texts] = ops::seller_block(profile);
  make_out_dir(a.out_dir);
  std::size_t written = 0;
  ctx.write_report([&](report::RowSink& sink) {
    sink.begin({{"customer_id", CellKind::kText}, {"statement", CellKind::kText}, {"as_of", CellKind::kDate},
                {"since", CellKind::kDate}, {"currency", CellKind::kText}, {"closing_balance", CellKind::kNumber},
                {"file", CellKind::kText}});
    std::vector<std::string> cells;
    written = ops::statements(*store, o, [&](const engine::Statement& st) {
      const char* prefix = st.since ? "activity_" : "statement_";
      std::vector<std::string> files;
      if (html) {
        report::AtomicFile f(doc_path(a.out_dir, prefix, st.customer.external_id, ".html"));
        report::write_statement_html(f.stream(), st, seller, texts);
        f.commit();
        files.push_back(f.path());
      }
      if (csv) {
        report::AtomicFile f(doc_path(a.out_dir, prefix, st.customer.external_id, ".csv"));
        report::write_statement_csv(f.stream(), st);
        f.commit();
        files.push_back(f.path());
      }
      for (const auto& file : files) {
        auto row = [&](const std::string& ccy, std::string balance) {
          cells = {st.customer.external_id, st.since ? "activity" : "open_item", st.as_of.iso(),
                   st.since ? st.since->iso() : std::string(), ccy, std::move(balance), file};
          sink.row(cells);
        };
        if (st.currencies.empty()) row("", "0");
        for (const auto& cs : st.currencies)
          row(std::string(cs.currency.view()), core::format_amount(cs.closing_balance, cs.currency.exponent));
      }
    });
    sink.end();
  });
  ctx.note("wrote " + std::to_string(written) + " statement(s) into " + a.out_dir);
}

void run_receipt(Context& ctx, const StatementArgs& a) {
  if (a.out_dir.empty()) throw Error(ErrorKind::kUsage, "--out DIR is required");
  const core::Date as_of = ctx.as_of();
  ctx.format();
  auto store = ctx.open_ledger();
  auto r = ops::receipt(*store, a.payment, as_of);
  const auto profile = seller_profile(ctx, *store, a.seller_file);
  const auto [seller, texts] = ops::seller_block(profile);
  make_out_dir(a.out_dir);
  ctx.write_report([&](report::RowSink& sink) {
    report::AtomicFile f(doc_path(a.out_dir, "receipt_", r.payment.external_id, ".html"));
    report::write_receipt_html(f.stream(), r, seller);
    f.commit();
    const int e = r.payment.currency.exponent;
    sink.begin({{"payment_id", CellKind::kText}, {"customer_id", CellKind::kText}, {"received_date", CellKind::kDate},
                {"currency", CellKind::kText}, {"amount", CellKind::kNumber}, {"applied", CellKind::kNumber},
                {"on_account", CellKind::kNumber}, {"invoices", CellKind::kNumber}, {"file", CellKind::kText}});
    sink.row({r.payment.external_id, r.payment.customer_external_id, r.payment.received_date.iso(),
              std::string(r.payment.currency.view()), core::format_amount(r.payment.amount_minor, e),
              core::format_amount(r.applied_minor, e), core::format_amount(r.on_account_minor, e),
              std::to_string(r.lines.size()), f.path()});
    sink.end();
  });
}

}  // namespace

void install_statement(CLI::App& parent, Context& ctx) {
  auto a = std::make_shared<StatementArgs>();
  auto* cmd = add_command(parent, "statement");
  cmd->add_option("CUSTOMER", a->customers, "customer ids");
  cmd->add_flag("--all", a->all, "every customer with something open or posted");
  cmd->add_option("--since", a->since, "activity statement from this day (YYYY-MM-DD); without it, open items");
  cmd->add_option("--out", a->out_dir, "directory for the documents");
  cmd->add_option("--format", a->doc_format, "documents: html (default), csv or both (the summary's format goes before the command)")
      ->check(CLI::IsMember({"html", "csv", "both"}));
  cmd->add_option("--seller-file", a->seller_file, "seller profile (default: the ledger's, or seller.toml beside it)");
  cmd->add_option("--buckets", a->buckets, "aging edges in days for the summary (default 30,60,90,120)");
  cmd->callback([&ctx, a, cmd] {
    if (cmd->get_subcommands().empty()) run_statement(ctx, *a);
  });

  auto r = std::make_shared<StatementArgs>();
  auto* rc = add_command(*cmd, "statement receipt");
  rc->add_option("PAYMENT", r->payment, "payment id")->required();
  rc->add_option("--out", r->out_dir, "directory for the document (receipt_ID.html)");
  rc->add_option("--seller-file", r->seller_file, "seller profile (default: the ledger's, or seller.toml beside it)");
  rc->callback([&ctx, r] { run_receipt(ctx, *r); });
}

}  // namespace otc::cli
