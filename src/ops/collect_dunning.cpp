// `collect dunning`: one notice per customer and currency whose dunning level went up.
#include <algorithm>

#include "otc/core/error.hpp"
#include "otc/ops/collect.hpp"
#include "otc/ops/collect_book.hpp"
#include "otc/store/collections_store.hpp"
#include "otc/store/transaction.hpp"

namespace otc::ops {

DunningResult collect_dunning(store::LedgerStore& store, const Invocation& inv, const import::CollectionsPolicy& policy,
                              const DunningOptions& o, const std::function<void(const DunningResult&)>& write) {
  store::WriteTransaction tx(store);
  auto book = read_collections_book(store, o.as_of, policy);
  // Notices dated after the run's date (a run for an earlier date after a later one): the
  // latest notice date per customer and currency.
  std::vector<std::pair<std::pair<std::int64_t, std::string>, core::Date>> later;
  for (const auto& n : store.dunning_notices(core::Date::max()))
    if (o.as_of < n.sent_on) later.push_back({{n.customer_id, std::string(n.currency.view())}, n.sent_on});
  auto later_notice = [&](std::int64_t customer_id, const core::Currency& ccy) {
    return std::any_of(later.begin(), later.end(), [&](const auto& e) {
      return e.first.first == customer_id && e.first.second == ccy.view();
    });
  };
  DunningResult r;
  for (const auto& a : book.accounts) {
    if (a.past_due.undisputed <= 0 && a.past_due.disputed <= 0) continue;  // nothing past due
    engine::DunningFacts f;
    f.undisputed_past_due = a.past_due.undisputed;
    f.disputed_past_due = a.past_due.disputed;
    f.promise_due = a.promise_due();
    f.has_address = !a.customer.email.empty();
    f.target_level = engine::level_for(policy.levels, a.past_due.oldest_days);
    f.reached_level = a.reached_level;
    f.later_notice = later_notice(a.customer.id, a.currency);
    DunningRow row;
    row.customer_id = a.customer.external_id;
    row.customer_name = a.customer.name;
    row.email = a.customer.email;
    row.currency = a.currency;
    row.past_due = a.past_due.undisputed;
    row.disputed_past_due = a.past_due.disputed;
    row.oldest_days = a.past_due.oldest_days;
    row.level_before = a.reached_level;
    row.level = f.target_level;
    row.action = engine::decide_dunning(f);
    if (row.action == engine::DunningAction::kNothingNew) {
      ++r.unchanged;
      continue;
    }
    if (row.action != engine::DunningAction::kSend) {
      row.level = a.reached_level;
      ++r.skipped;
      r.rows.push_back(std::move(row));
      continue;
    }
    const auto* level = engine::find_level(policy.levels, f.target_level);
    const auto* tmpl = policy.find_template(level->template_name);
    if (!tmpl) throw core::Error(core::ErrorKind::kInput, "template '" + level->template_name + "' was not loaded");
    row.channel = level->channel;
    row.template_name = level->template_name;
    report::DunningLetter letter;
    letter.customer_id = a.customer.external_id;
    letter.customer_name = a.customer.name;
    letter.to_address = a.customer.email;
    letter.from = policy.from;
    letter.currency = std::string(a.currency.view());
    letter.exponent = a.currency.exponent;
    letter.level = row.level;
    letter.as_of = o.as_of;
    letter.oldest_days = a.past_due.oldest_days;
    letter.total_minor = a.past_due.undisputed;
    for (const auto& it : a.items) {
      int days = engine::days_past_due(it.due_date, o.as_of);
      std::int64_t undisputed = it.open_minor - it.disputed_minor;
      if (days <= 0 || undisputed <= 0) continue;
      letter.invoices.push_back({it.invoice, it.invoice_date, it.due_date, days, undisputed});
    }
    row.file_name = report::dunning_file_name(letter);
    row.message = report::dunning_email(letter, *tmpl);
    store::DunningRecord rec;
    rec.customer_id = a.customer.id;
    rec.currency = a.currency;
    rec.level = row.level;
    rec.sent_on = o.as_of;
    rec.template_name = row.template_name;
    rec.channel = row.channel;
    rec.file_name = row.file_name;
    rec.past_due_minor = row.past_due;
    rec.invoice_ids = a.past_due.invoice_ids;
    store.add_dunning(rec);
    const std::string amount = core::format_amount(row.past_due, a.currency.exponent) + " " + std::string(a.currency.view());
    store.add_note({0, a.customer.id, std::nullopt, {}, o.as_of, row.channel,
                    "dunning level " + std::to_string(row.level) + " sent: " + amount + " past due (" + row.file_name + ")"});
    store.audit(audit_entry(inv, "dunning", "customers", a.customer.external_id,
                            "level " + std::to_string(row.level) + " (" + row.template_name + ", " + row.channel + ") to " +
                                a.customer.email + ": " + amount + " past due; " + row.file_name));
    ++r.sent;
    r.rows.push_back(std::move(row));
  }
  if (write) write(r);
  if (o.dry_run || r.sent == 0) tx.rollback();
  else tx.commit();
  return r;
}

}  // namespace otc::ops
