#include "otc/ops/apply_cash.hpp"

#include <unordered_map>

#include "otc/core/error.hpp"
#include "otc/engine/cash_dates.hpp"
#include "otc/engine/name_match.hpp"
#include "otc/import/bank/bank_key.hpp"
#include "otc/ops/cash_corrections.hpp"
#include "otc/store/transaction.hpp"

namespace otc::ops {
namespace {

// Any error raised while a bank transaction is posted (a receipt dated in a closed period, a ledger
// constraint) names the transaction: "while applying bank.bai2:40".
template <class Body>
void in_context_of(const domain::BankTransaction& t, Body&& body) {
  try {
    body();
  } catch (core::Error& e) {
    e.add_context("while applying " + core::format_location({t.source_file, t.source_line}) + " (" +
                  core::format_amount(t.amount_minor, t.currency.exponent) + " " + std::string(t.currency.view()) +
                  (t.payer_name.empty() ? "" : " from " + t.payer_name) + ")");
    throw;
  }
}


using core::Error;
using core::ErrorKind;

/// What the engine matches against: open invoices, customers with accounts and aliases.
struct MatchBasis {
  std::vector<engine::OpenInvoice> invoices;
  std::unordered_map<std::int64_t, std::size_t> invoice_index;
  std::vector<engine::MatchCustomer> customers;
  std::unordered_map<std::int64_t, std::string> customer_ext;

  const engine::OpenInvoice& invoice(std::int64_t id) const { return invoices[invoice_index.at(id)]; }
  std::string customer(std::int64_t id) const {
    auto it = customer_ext.find(id);
    return it != customer_ext.end() ? it->second : std::string();
  }
};

MatchBasis load_match_basis(store::LedgerStore& store) {
  MatchBasis b;
  store.for_each_open_item(core::Date::max() /* every open item: the last supported date */, [&](const domain::OpenItem& it) {
    if (it.open_minor <= 0) return;
    b.invoice_index.emplace(it.invoice_id, b.invoices.size());
    b.invoices.push_back({it.invoice_id, it.invoice_external_id, it.customer_id, it.currency, it.open_minor, it.invoice_date, it.due_date});
  });
  std::unordered_map<std::int64_t, std::size_t> customer_index;
  store.for_each_customer([&](const store::CustomerRecord& c) {
    customer_index.emplace(c.id, b.customers.size());
    b.customer_ext.emplace(c.id, c.external_id);
    engine::MatchCustomer m;
    m.id = c.id;
    m.name = c.name;
    if (!c.bank_account.empty()) m.bank_accounts.push_back(c.bank_account);
    b.customers.push_back(std::move(m));
  });
  store.for_each_alias([&](std::int64_t id, const std::string& alias) {
    if (auto it = customer_index.find(id); it != customer_index.end()) b.customers[it->second].aliases.push_back(alias);
  });
  return b;
}

struct Posting {
  std::string payment_id;
  std::int64_t payment_row = 0;
  std::int64_t customer_id = 0;
};

/// Customer attribution: a receipt is posted with the customer of its first application, else the
/// customer it was left on account with, else the customer the engine identified without applying.
std::vector<Posting> attribute_customers(std::size_t receipts, const engine::MatchResult& result, const MatchBasis& basis) {
  std::vector<Posting> postings(receipts);
  for (const auto& app : result.applications) {
    auto& p = postings[app.receipt];
    if (!p.customer_id) p.customer_id = basis.invoice(app.invoice_id).customer_id;
  }
  for (const auto& oa : result.on_account)
    if (!postings[oa.receipt].customer_id) postings[oa.receipt].customer_id = oa.customer_id;
  for (const auto& u : result.unapplied)
    if (u.customer_id && !postings[u.receipt].customer_id) postings[u.receipt].customer_id = *u.customer_id;
  return postings;
}

domain::Payment payment_of(const domain::BankTransaction& t, const std::string& key) {
  domain::Payment pay;
  pay.external_id = import::bank_payment_id(t, key);
  pay.currency = t.currency;
  pay.received_date = t.booking_date;
  pay.amount_minor = t.amount_minor;
  pay.method = t.type_code;
  pay.reference = t.bank_reference.empty() ? t.end_to_end_id : t.bank_reference;
  pay.payer_name = t.payer_name;
  pay.payer_account = t.payer_account;
  pay.bank_key = key;
  for (const auto& ref : t.remittance_refs) pay.remittance += ref + "; ";
  pay.remittance += t.remittance_text;
  return pay;
}

/// The record of a return itself, so that the same file again does not reverse twice.
domain::Payment return_marker(const domain::BankTransaction& t, const std::string& key, const std::string& original) {
  domain::Payment marker;
  marker.external_id = import::bank_payment_id(t, key);
  marker.currency = t.currency;
  marker.received_date = t.booking_date;
  marker.amount_minor = t.amount_minor;
  marker.method = "return";
  marker.reference = original;
  marker.payer_name = t.payer_name;
  marker.payer_account = t.payer_account;
  marker.bank_key = key;
  marker.remittance = t.remittance_text;
  return marker;
}

ApplyCashRow row_of(const domain::BankTransaction& t, const Posting& p) {
  return {.payment_id = p.payment_id, .date = t.booking_date, .payer = t.payer_name, .bank_reference = t.bank_reference, .currency = t.currency};
}

}  // namespace

bool confirms_payer(engine::MatchRule rule) {
  // Matches made on the payer's own remittance references teach us the name it pays under.
  return rule == engine::MatchRule::kReference || rule == engine::MatchRule::kReferenceList ||
         rule == engine::MatchRule::kPartial || rule == engine::MatchRule::kOverpayment;
}

std::vector<std::size_t> duplicate_lines(const std::vector<domain::BankTransaction>& all) {
  std::vector<std::size_t> out(all.size(), kNoRepeat);
  std::unordered_map<std::string, std::size_t> first;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto& t = all[i];
    // Nothing says it is the same entry without a bank reference (nor with a placeholder one: "0000").
    if (t.bank_reference.find_first_not_of("0 ") == std::string::npos) continue;
    std::string key = t.source_file + '\x1f' + t.bank_reference + '\x1f' + t.booking_date.iso() + '\x1f' + t.payer_name + '\x1f' +
                      t.payer_account + '\x1f' +
                      std::to_string(t.amount_minor) + '\x1f' + std::string(t.currency.view()) + '\x1f' +
                      (t.direction == domain::Direction::kCredit ? "C" : "D") + (t.reversal ? "R" : "");
    auto [it, inserted] = first.emplace(std::move(key), i);
    if (!inserted) out[i] = it->second;
  }
  return out;
}

std::vector<std::string> bank_transaction_keys(const std::vector<domain::BankTransaction>& all) {
  // Natural keys; identical transactions in one file are told apart by occurrence.
  std::vector<std::string> keys(all.size());
  std::unordered_map<std::string, int> seen;
  for (std::size_t i = 0; i < all.size(); ++i) {
    std::string natural = import::bank_transaction_key(all[i]);
    int n = ++seen[natural + "|" + all[i].source_file];
    keys[i] = natural + "#" + std::to_string(n);
  }
  return keys;
}

std::optional<store::PaymentCandidate> find_returned_payment(store::LedgerStore& store, const domain::BankTransaction& ret) {
  auto candidates = store.payments_with_amount(ret.amount_minor, ret.currency, ret.booking_date.add_days(-120), ret.booking_date);
  auto unique = [](const std::vector<store::PaymentCandidate>& v) -> std::optional<store::PaymentCandidate> {
    if (v.size() == 1) return v.front();
    return std::nullopt;
  };
  // 1. The return names the original item (ACH original trace, camt end-to-end id).
  std::vector<store::PaymentCandidate> by_ref;
  for (const auto& c : candidates) {
    bool hit = false;
    for (const auto& r : ret.remittance_refs) hit |= !r.empty() && (c.reference == r || c.bank_key.find(r) != std::string::npos);
    if (!ret.end_to_end_id.empty()) hit |= c.bank_key.find(ret.end_to_end_id) != std::string::npos;
    if (hit) by_ref.push_back(c);
  }
  if (auto u = unique(by_ref)) return u;
  if (!by_ref.empty()) return std::nullopt;
  // 2. The same payer account, once.
  std::vector<store::PaymentCandidate> by_account;
  for (const auto& c : candidates)
    if (!ret.payer_account.empty() && c.payer_account == ret.payer_account) by_account.push_back(c);
  return unique(by_account);
}

ApplyCashResult apply_cash(store::LedgerStore& store, const Invocation& inv, const std::vector<domain::BankTransaction>& all,
                           const std::vector<BankFileInfo>& files, const ApplyCashOptions& options) {
  engine::MatchOptions match_options;
  match_options.tolerance = options.tolerance;
  match_options.deduction_reason = options.deduction_reason;
  ApplyCashResult out;

  store::WriteTransaction tx(store);
  const auto keys = bank_transaction_keys(all);
  std::vector<domain::BankTransaction> receipts;  // new credits, in file order
  std::vector<std::size_t> receipt_of;            // index into `all`
  std::vector<std::size_t> returns;
  std::unordered_map<std::string, bool> queued;  // overlapping files in one run
  const auto repeats = duplicate_lines(all);
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (repeats[i] != kNoRepeat) {
      // The bank printed the same entry twice: listed, never posted as a second receipt.
      const auto& first = all[repeats[i]];
      ApplyCashRow row{.date = all[i].booking_date, .payer = all[i].payer_name, .bank_reference = all[i].bank_reference,
                       .currency = all[i].currency};
      row.amount_minor = all[i].amount_minor;
      row.rule = "duplicate";
      row.note = "repeats " + core::format_location({first.source_file, first.source_line}) +
                 " (same bank reference, date and amount): not posted";
      out.notes.push_back(core::format_location({all[i].source_file, all[i].source_line}) + ": duplicate of line " +
                          std::to_string(first.source_line) + " (bank reference " + all[i].bank_reference + ", " +
                          core::format_amount(all[i].amount_minor, all[i].currency.exponent) + " " +
                          std::string(all[i].currency.view()) + "): not posted");
      out.duplicate_rows.push_back(std::move(row));
      ++out.duplicates;
      continue;
    }
    if (store.bank_key_exists(keys[i]) || !queued.emplace(keys[i], true).second) {
      ++out.already_posted;
      // Cash posted by an earlier run and still waiting for a person keeps the run at exit 3.
      if (all[i].direction == domain::Direction::kCredit && !all[i].reversal) {
        auto posted = store.find_payment(import::bank_payment_id(all[i], keys[i]));
        // Waiting for a person: nothing of it applied (an overpayment's rest on account is not waiting).
        bool waiting = posted && !posted->reversed && posted->unapplied_minor > 0;
        if (waiting)
          for (const auto& a : store.applications_of_payment(posted->id)) waiting = waiting && (a.reversed || a.amount_minor <= 0);
        if (waiting) {
          ++out.still_unapplied;
          auto& sum = out.still_unapplied_by_currency[std::string(posted->currency.view())];
          sum.first = posted->currency;
          sum.second += posted->unapplied_minor;
        }
      }
      continue;
    }
    if (all[i].amount_minor == 0) {
      // Prenotes and notifications of change (NACHA COR: C01 corrected account...) move no money:
      // reported, never posted.
      const auto& t = all[i];
      std::string what = t.remittance_text.rfind("notification of change", 0) == 0 ? t.remittance_text
                         : t.return_reason.empty() ? std::string("zero-amount entry")
                                                   : "notification of change " + t.return_reason;
      std::string who = t.payer_name;
      if (!t.bank_reference.empty()) who += (who.empty() ? "" : ", ") + std::string("bank reference ") + t.bank_reference;
      out.notes.push_back(core::format_location({t.source_file, t.source_line}) + ": " + what + (who.empty() ? "" : " (" + who + ")") +
                          ": reported, not posted");
      ++out.zero_amount;
      continue;
    }
    if (all[i].reversal) { returns.push_back(i); continue; }
    if (all[i].direction == domain::Direction::kDebit) { ++out.debits; continue; }
    receipts.push_back(all[i]);
    receipt_of.push_back(i);
  }
  out.new_receipts = receipts.size();
  out.returns = returns.size();

  const MatchBasis basis = load_match_basis(store);
  auto result = engine::match_receipts(receipts, basis.invoices, basis.customers, match_options);
  out.applied_receipts = result.stats.applied_receipts;
  out.unapplied = result.unapplied.size();

  const std::string file_name = files.size() == 1 ? files[0].name : "";
  const std::string file_sha = files.size() == 1 ? files[0].sha256 : "";
  std::int64_t batch = store.add_batch("bank", files.size() == 1 ? files[0].name : std::to_string(files.size()) + " files", file_sha,
                                       inv.command_line);
  // Post every new receipt as a payment, with its customer when the engine identified one.
  auto postings = attribute_customers(receipts.size(), result, basis);
  for (std::size_t r = 0; r < receipts.size(); ++r) {
    const auto& t = receipts[r];
    in_context_of(t, [&] {
      auto pay = payment_of(t, keys[receipt_of[r]]);
      std::optional<std::int64_t> cust;
      if (postings[r].customer_id) cust = postings[r].customer_id;
      auto put = store.put_payment(pay, cust, 0, batch, t.source_line);
      if (put.outcome != store::PutOutcome::kInserted)
        throw Error(ErrorKind::kLedger, "payment id " + pay.external_id + " already exists for another transaction", {t.source_file, t.source_line});
      postings[r].payment_id = pay.external_id;
      postings[r].payment_row = put.id;
    });
  }

  std::size_t applied_count = 0;
  for (const auto& app : result.applications) {
    const auto& invoice = basis.invoice(app.invoice_id);
    const auto& t = receipts[app.receipt];
    core::Date on = engine::application_date(t.booking_date, invoice.invoice_date);
    auto row = row_of(t, postings[app.receipt]);
    in_context_of(t, [&] {
      if (app.amount_minor > 0) {
        store::ApplicationDraft d;
        d.invoice_id = app.invoice_id;
        d.payment_id = postings[app.receipt].payment_row;
        d.amount_minor = app.amount_minor;
        d.applied_on = on;
        d.rule = std::string(engine::rule_name(app.rule));
        d.confidence = app.confidence;
        d.batch_id = batch;
        row.application_id = store.apply(d);
        ++applied_count;
      }
      if (app.deduction_minor > 0) store.add_adjustment(app.invoice_id, "deduction", app.deduction_reason, app.deduction_minor, on, batch);
    });
    if (confirms_payer(app.rule) && !t.payer_name.empty())
      store.add_alias(invoice.customer_id, engine::normalize_name(t.payer_name), engine::rule_name(app.rule));
    row.customer_id = basis.customer(invoice.customer_id);
    row.invoice_id = invoice.number;
    row.amount_minor = app.amount_minor;
    row.rule = std::string(engine::rule_name(app.rule));
    row.confidence = app.confidence;
    row.deduction_minor = app.deduction_minor;
    row.deduction_reason = app.deduction_reason;
    out.rows.push_back(std::move(row));
  }
  for (const auto& oa : result.on_account) {
    auto row = row_of(receipts[oa.receipt], postings[oa.receipt]);
    row.customer_id = basis.customer(oa.customer_id);
    row.amount_minor = oa.amount_minor;
    row.rule = "on_account";
    row.confidence = oa.confidence;
    row.note = "left on the customer's account";
    out.rows.push_back(std::move(row));
  }
  for (const auto& u : result.unapplied) {
    std::vector<store::Suggestion> sugg;
    auto row = row_of(receipts[u.receipt], postings[u.receipt]);
    row.note = u.reason;
    for (const auto& s : u.suggestions) {
      store::Suggestion x;
      x.kind = s.kind == engine::Suggestion::Kind::kInvoice ? "invoice" : "customer";
      if (s.kind == engine::Suggestion::Kind::kInvoice) {
        auto it = basis.invoice_index.find(s.id);
        x.target = it != basis.invoice_index.end() ? basis.invoices[it->second].number : std::to_string(s.id);
      } else {
        x.target = basis.customer(s.id);
      }
      x.score = s.score;
      x.why = s.why;
      row.note += " | " + x.kind + " " + x.target + " (" + std::to_string(x.score) + "): " + x.why;
      sugg.push_back(std::move(x));
    }
    store.replace_suggestions(postings[u.receipt].payment_row, sugg);
    if (u.customer_id) row.customer_id = basis.customer(*u.customer_id);
    row.amount_minor = receipts[u.receipt].amount_minor;
    row.rule = "unapplied";
    out.rows.push_back(std::move(row));
  }

  // Returned receipts (ACH returns, camt reversals): reverse the payment they return.
  for (std::size_t i : returns) {
    const auto& t = all[i];
    std::string what = core::format_location({t.source_file, t.source_line}) + " returned item " +
                       core::format_amount(t.amount_minor, t.currency.exponent) + " " + std::string(t.currency.view()) +
                       (t.return_reason.empty() ? "" : " (" + t.return_reason + ")");
    const std::string reason = t.return_reason.empty() ? std::string("return") : t.return_reason;
    auto original = find_returned_payment(store, t);
    if (!original) {
      out.notes.push_back(what + ": no single posted payment it returns; reverse it with `otc cash reverse PAYMENT --reason " + reason + "`");
      ++out.unresolved_returns;
      continue;
    }
    int n = 0;
    in_context_of(t, [&] {
      auto put = store.put_payment(return_marker(t, keys[i], original->external_id), std::nullopt, 0, batch, t.source_line);
      store.mark_payment_reversed(put.id, t.booking_date, "return record of " + original->external_id);
      n = reverse_payment(store, original->id, t.booking_date, reason);
    });
    ++out.reversed_returns;
    out.notes.push_back(what + ": reversed payment " + original->external_id + ", " + std::to_string(n) + " application(s) reopened");
  }

  for (auto& row : out.duplicate_rows) out.rows.push_back(row);
  if (out.still_unapplied > 0) {
    std::string amounts;
    for (const auto& [code, sum] : out.still_unapplied_by_currency)
      amounts += (amounts.empty() ? "" : ", ") + core::format_amount(sum.second, sum.first.exponent) + " " + code;
    out.notes.push_back(std::to_string(out.still_unapplied) + " receipt(s) posted by an earlier run are still unapplied (" + amounts +
                        "): see `otc cash unapplied`");
  }

  store.audit(audit_entry_for_file(inv, "apply-cash", "payments",
                                   std::to_string(receipts.size()) + " receipts posted, " + std::to_string(applied_count) + " applications, " +
                                       std::to_string(result.unapplied.size()) + " unapplied, " + std::to_string(out.already_posted) +
                                       " already posted, " + std::to_string(out.debits) + " debits, " + std::to_string(returns.size()) + " returns",
                                   file_name, file_sha, batch));
  store.finish_batch(batch, static_cast<std::int64_t>(all.size()), static_cast<std::int64_t>(receipts.size()));
  // Nothing new (the same files again): leave the ledger exactly as it was.
  out.written = !options.dry_run && !(receipts.empty() && out.reversed_returns == 0);
  if (options.before_commit) options.before_commit(out);
  if (out.written) tx.commit();
  else tx.rollback();
  return out;
}

}  // namespace otc::ops
