// Roles not yet on PostgreSQL (billing, billing_invoices, collections, credit): each throws until
// its file in src/store/pg/ defines it (pg-roles deletes them from here as they land).
#include "pg_ledger.hpp"

#pragma GCC diagnostic ignored "-Wunused-parameter"

namespace otc::store::pg {

namespace {
[[noreturn]] void not_yet(const char* what) {
  throw core::Error(core::ErrorKind::kLedger, std::string(what) + " is not yet on PostgreSQL");
}
}  // namespace

// billing.cpp
std::optional<ContractLineRef> PgLedger::find_contract_line(std::string_view contract_id, std::string_view line_id) { not_yet("find_contract_line"); }
std::optional<std::string> PgLedger::contract_customer(std::string_view contract_id) { not_yet("contract_customer"); }
std::int64_t PgLedger::add_contract_line(std::string_view contract_id, std::string_view line_id, std::int64_t customer_id, std::string_view customer) { not_yet("add_contract_line"); }
void PgLedger::load_versions(std::int64_t line_ref, std::vector<domain::ContractLine>& out) { not_yet("load_versions"); }
PutResult PgLedger::put_contract_version(std::int64_t line_ref, const domain::ContractLine& v, std::uint64_t hash, std::int64_t batch_id) { not_yet("put_contract_version"); }
bool PgLedger::put_usage(const domain::UsageRecord& r, std::int64_t batch_id) { not_yet("put_usage"); }
void PgLedger::for_each_customer_book(core::Date through, std::optional<std::string_view> customer, const std::function<void(CustomerBook&)>& fn) { not_yet("for_each_customer_book"); }

// billing_invoices.cpp
std::string PgLedger::next_number(std::string_view prefix) { not_yet("next_number"); }
std::int64_t PgLedger::last_number(std::string_view prefix) { not_yet("last_number"); }
void PgLedger::set_last_number(std::string_view prefix, std::int64_t value) { not_yet("set_last_number"); }
std::int64_t PgLedger::post_invoice(const engine::InvoiceDraft& inv, std::int64_t customer_id, std::string_view number, std::int64_t batch_id) { not_yet("post_invoice"); }
std::optional<IssuedInvoice> PgLedger::find_issued_invoice(std::string_view number) { not_yet("find_issued_invoice"); }
void PgLedger::load_lines(std::int64_t invoice_id, std::vector<IssuedLine>& out) { not_yet("load_lines"); }
void PgLedger::for_each_billed_invoice(const std::function<void(const IssuedInvoice&)>& fn) { not_yet("for_each_billed_invoice"); }
void PgLedger::void_invoice(std::int64_t invoice_id, core::Date on, std::string_view reason, std::int64_t batch_id) { not_yet("void_invoice"); }
std::int64_t PgLedger::post_credit_memo(const CreditMemoDraft& m) { not_yet("post_credit_memo"); }
void PgLedger::release_for_rebill(std::int64_t invoice_id, core::Date on, std::string_view reason, std::int64_t credit_memo_id, std::int64_t batch_id) { not_yet("release_for_rebill"); }
std::vector<engine::BilledCharge> PgLedger::charges_of(std::int64_t invoice_id) { not_yet("charges_of"); }
void PgLedger::for_each_billed_line(std::optional<core::Date> from, std::optional<core::Date> to, const std::function<void(const BilledLineRecord&)>& fn) { not_yet("for_each_billed_line"); }

// collections.cpp
std::optional<CustomerContact> PgLedger::find_customer_contact(std::string_view ext) { not_yet("find_customer_contact"); }
void PgLedger::for_each_customer_contact(const std::function<void(const CustomerContact&)>& fn) { not_yet("for_each_customer_contact"); }
std::optional<std::int64_t> PgLedger::add_note(const NoteRecord& note) { not_yet("add_note"); }
std::vector<NoteRecord> PgLedger::notes(core::Date as_of, std::optional<std::int64_t> customer_id) { not_yet("notes"); }
std::optional<std::int64_t> PgLedger::add_promise(const PromiseRecord& promise) { not_yet("add_promise"); }
std::pair<std::int64_t, bool> PgLedger::add_plan(const PlanDraft& plan) { not_yet("add_plan"); }
std::vector<PromiseRecord> PgLedger::promises(core::Date as_of) { not_yet("promises"); }
std::int64_t PgLedger::add_dispute(const DisputeRecord& dispute) { not_yet("add_dispute"); }
std::optional<DisputeRecord> PgLedger::find_dispute(std::int64_t id) { not_yet("find_dispute"); }
std::optional<DisputeRecord> PgLedger::find_same_dispute(std::int64_t invoice_id, core::Date opened_on, std::int64_t amount_minor, std::string_view reason) { not_yet("find_same_dispute"); }
void PgLedger::resolve_dispute(std::int64_t id, core::Date on, std::string_view outcome, std::string_view note, std::string_view credit_memo) { not_yet("resolve_dispute"); }
std::vector<DisputeRecord> PgLedger::disputes(core::Date as_of) { not_yet("disputes"); }
std::int64_t PgLedger::add_dunning(const DunningRecord& notice) { not_yet("add_dunning"); }
std::vector<DunningRecord> PgLedger::dunning_notices(core::Date as_of) { not_yet("dunning_notices"); }
bool PgLedger::add_escalation(const EscalationRecord& e) { not_yet("add_escalation"); }
std::vector<EscalationRecord> PgLedger::escalations(core::Date as_of) { not_yet("escalations"); }
std::vector<CashApplied> PgLedger::cash_applied(core::Date as_of) { not_yet("cash_applied"); }
std::optional<std::int64_t> PgLedger::find_write_off(std::int64_t invoice_id, core::Date date, std::int64_t amount_minor, std::string_view reason) { not_yet("find_write_off"); }
std::int64_t PgLedger::post_write_off(std::int64_t invoice_id, core::Date date, std::int64_t amount_minor, std::string_view reason, std::string_view approved_by) { not_yet("post_write_off"); }
std::vector<CustomerEvent> PgLedger::customer_events(std::int64_t customer_id) { not_yet("customer_events"); }

// credit.cpp
std::vector<CreditCustomer> PgLedger::credit_customers() { not_yet("credit_customers"); }
std::optional<CreditCustomer> PgLedger::credit_customer(std::string_view external_id) { not_yet("credit_customer"); }
std::vector<CreditLimitRecord> PgLedger::credit_limits() { not_yet("credit_limits"); }
void PgLedger::put_credit_limit(const CreditLimitRecord& r) { not_yet("put_credit_limit"); }
std::vector<CreditHoldEvent> PgLedger::credit_hold_events() { not_yet("credit_hold_events"); }
void PgLedger::add_credit_hold_event(const CreditHoldEvent& e) { not_yet("add_credit_hold_event"); }
std::optional<std::pair<std::string, std::string>> PgLedger::seller_profile() { not_yet("seller_profile"); }
void PgLedger::put_seller_profile(std::string_view file_name, std::string_view text) { not_yet("put_seller_profile"); }
CustomerFacts PgLedger::customer_facts(std::int64_t customer_id) { not_yet("customer_facts"); }
std::optional<PaymentFact> PgLedger::payment_fact(std::string_view external_id, std::vector<ApplicationFact>* applications) { not_yet("payment_fact"); }
void PgLedger::for_each_cash_application(core::Date from, core::Date to, const std::function<void(const CashApplicationFact&)>& fn) { not_yet("for_each_cash_application"); }
std::vector<std::pair<std::int64_t, int>> PgLedger::reversed_payment_counts(core::Date from, core::Date to) { not_yet("reversed_payment_counts"); }

}  // namespace otc::store::pg
