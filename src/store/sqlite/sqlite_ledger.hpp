#pragma once
// The SQLite LedgerStore: one connection, one transaction, one cache of prepared statements,
// shared by every role. This header declares the class; each role's methods are defined in its
// own file (parties.cpp, documents.cpp, cash.cpp, balances.cpp, periods.cpp, billing.cpp and
// billing_invoices.cpp, audit.cpp); the connection, migrations and transactions in
// sqlite_ledger.cpp. Private to src/store/sqlite/.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/core/money.hpp"
#include "otc/store/billing_store.hpp"
#include "otc/store/collections_store.hpp"
#include "otc/store/credit_store.hpp"
#include "otc/store/ledger_store.hpp"
#include "otc/store/sqlite_store.hpp"
#include "otc/store/table_copy.hpp"
#include "row_batch.hpp"
#include "sqlite_db.hpp"

namespace otc::store::sqlite {

// Values as the ledger stores them (sqlite_ledger.cpp).
/// Throws otc::core::Error(kLedger) "ledger holds an invalid WHAT 'VALUE'".
[[noreturn]] void bad_value(std::string_view what, std::string_view value);
core::Date date_of(std::string_view iso);
std::optional<core::Date> opt_date(const Statement& s, int col);
engine::ChargeKind charge_kind_of(std::string_view text);
std::string utc_timestamp();

/// A date as ISO text that outlives step() (Statement binds text SQLITE_STATIC).
struct DateText {
  explicit DateText(core::Date d) { d.append_iso(text); }
  std::string text;
};

/// A date as ISO text in a fixed buffer (no allocation), to bind for one step().
struct IsoDay {
  explicit IsoDay(core::Date d);
  std::string_view view() const { return {text, 10}; }
  char text[10];
};

/// Heterogeneous lookup by string_view in the customer id cache.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class SqliteLedger final : public LedgerStore, public TableCopy {
 public:
  SqliteLedger(const std::string& path, OpenMode mode);
  int schema_version();

  // Transactions (sqlite_ledger.cpp).
  void begin_write() override;
  void begin_read() override;
  void commit() override;
  void rollback() override;
  // Bulk imports (bulk.cpp).
  void begin_bulk_import(std::string_view kind, std::int64_t expected_rows) override;
  void end_bulk_import() override;

  // Parties (parties.cpp).
  PutResult put_customer(const domain::Customer& c, std::uint64_t hash, std::int64_t batch, long line) override;
  std::int64_t ensure_customer(std::string_view ext, std::string_view name, std::int64_t batch, long line) override;
  std::optional<std::int64_t> find_customer(std::string_view ext) override;
  std::optional<int> customer_terms(std::int64_t id) override;
  void for_each_customer(const std::function<void(const CustomerRecord&)>& fn) override;
  void for_each_alias(const std::function<void(std::int64_t, const std::string&)>& fn) override;
  void add_alias(std::int64_t customer_id, std::string_view alias, std::string_view source) override;

  // Documents (documents.cpp).
  PutResult put_invoice(const domain::Invoice& inv, std::int64_t customer_id, std::uint64_t hash, std::int64_t batch,
                        long line) override;
  std::optional<InvoiceRef> find_invoice(std::string_view ext) override;
  std::string customer_currency(std::string_view customer_external_id) override;
  std::optional<std::pair<std::int64_t, core::Date>> opening_balance_of(std::int64_t invoice_id) override;
  PutResult put_credit_memo_record(const domain::Invoice& memo, std::int64_t customer_id, std::string_view reason,
                                   std::uint64_t hash, std::int64_t batch, long line) override;
  std::int64_t credit_memo_open(std::int64_t memo_id) override;
  void apply_credit_memo(std::int64_t memo_id, std::int64_t invoice_id, std::int64_t amount, core::Date on,
                         std::int64_t batch) override;
  std::optional<InvoiceRef> find_customer_invoice_by_number(std::int64_t customer_id, std::string_view number) override;
  void put_imported_lines(std::int64_t invoice_id, const std::vector<BilledLineRecord>& lines) override;
  std::vector<core::Money> open_credit_totals(core::Date as_of) override;
  void for_each_period_document(core::Date from, core::Date to,
                                const std::function<void(std::string_view, const core::Currency&, std::string_view)>& fn) override;

  // Cash (cash.cpp).
  PutResult put_payment(const domain::Payment& p, std::optional<std::int64_t> customer_id, std::uint64_t hash,
                        std::int64_t batch, long line) override;
  std::optional<PaymentRef> find_payment(std::string_view ext) override;
  bool has_application(std::int64_t payment_id, std::int64_t invoice_id) override;
  std::int64_t apply(const ApplicationDraft& d) override;
  bool bank_key_exists(std::string_view key) override;
  void add_adjustment(std::int64_t invoice_id, std::string_view kind, std::string_view reason, std::int64_t amount,
                      core::Date date, std::int64_t batch) override;
  std::vector<ApplicationRecord> applications_of_payment(std::int64_t payment_id) override;
  std::optional<ApplicationRecord> find_application(std::int64_t id) override;
  void mark_payment_reversed(std::int64_t payment_id, core::Date on, std::string_view reason) override;
  void set_payment_customer(std::int64_t payment_id, std::int64_t customer_id) override;
  void replace_suggestions(std::int64_t payment_id, const std::vector<Suggestion>& list) override;
  std::vector<PaymentCandidate> payments_with_amount(std::int64_t amount, const core::Currency& ccy, core::Date from,
                                                     core::Date to) override;

  // Balances (balances.cpp).
  void for_each_open_item(core::Date as_of, const std::function<void(const domain::OpenItem&)>& fn) override;
  /// From the kept open items (open_items.cpp) when they are current, else for_each_open_item.
  void for_each_open_item_unordered(core::Date as_of, const std::function<void(const domain::OpenItem&)>& fn) override;
  void for_each_open_run(core::Date as_of, const std::function<void(const domain::OpenItemRun&)>& fn) override;
  void for_each_unapplied(core::Date as_of, const std::function<void(const domain::UnappliedCredit&)>& fn) override;
  void for_each_unapplied_payment(core::Date as_of, const std::function<void(const UnappliedPayment&)>& fn) override;
  void for_each_invoice_total(core::Date from, core::Date to, const std::function<void(const InvoiceTotal&)>& fn) override;
  std::vector<PeriodMovements> movements(core::Date from, core::Date to) override;
  std::vector<ReceiptRecord> receipts(core::Date from, core::Date to) override;
  std::optional<core::Date> latest_fact_date() override;

  // Fx: functional currency and rates (fx.cpp).
  std::string functional_currency() override;
  void set_functional_currency(std::string_view code) override;
  FxPut put_fx_rate(const FxRateRecord& r, std::int64_t batch_id, std::string& existing) override;
  std::vector<FxRateRecord> fx_rates() override;

  // Periods (periods.cpp).
  bool period_locked(std::string_view period) override;
  std::vector<std::string> closed_periods_from(std::string_view period) override;
  void ensure_period_open(core::Date d, std::string_view what) override;
  void set_period_lock(std::string_view period, bool locked) override;

  // Billing: contracts, usage, customer books (billing.cpp).
  std::optional<ContractLineRef> find_contract_line(std::string_view contract_id, std::string_view line_id) override;
  std::optional<std::string> contract_customer(std::string_view contract_id) override;
  std::int64_t add_contract_line(std::string_view contract_id, std::string_view line_id, std::int64_t customer_id,
                                 std::string_view customer) override;
  void load_versions(std::int64_t line_ref, std::vector<domain::ContractLine>& out) override;
  PutResult put_contract_version(std::int64_t line_ref, const domain::ContractLine& v, std::uint64_t hash,
                                 std::int64_t batch_id) override;
  bool put_usage(const domain::UsageRecord& r, std::int64_t batch_id) override;
  void for_each_customer_book(core::Date through, std::optional<std::string_view> customer,
                              const std::function<void(CustomerBook&)>& fn) override;
  // Billing: numbers, billed invoices, corrections, billed lines (billing_invoices.cpp).
  std::string next_number(std::string_view prefix) override;
  std::int64_t last_number(std::string_view prefix) override;
  void set_last_number(std::string_view prefix, std::int64_t value) override;
  std::int64_t post_invoice(const engine::InvoiceDraft& inv, std::int64_t customer_id, std::string_view number,
                            std::int64_t batch_id) override;
  std::optional<IssuedInvoice> find_issued_invoice(std::string_view number) override;
  void load_lines(std::int64_t invoice_id, std::vector<IssuedLine>& out) override;
  void for_each_billed_invoice(const std::function<void(const IssuedInvoice&)>& fn) override;
  void void_invoice(std::int64_t invoice_id, core::Date on, std::string_view reason, std::int64_t batch_id) override;
  std::int64_t post_credit_memo(const CreditMemoDraft& m) override;
  void release_for_rebill(std::int64_t invoice_id, core::Date on, std::string_view reason, std::int64_t credit_memo_id,
                          std::int64_t batch_id) override;
  std::vector<engine::BilledCharge> charges_of(std::int64_t invoice_id) override;
  void for_each_billed_line(std::optional<core::Date> from, std::optional<core::Date> to,
                            const std::function<void(const BilledLineRecord&)>& fn) override;

  // Credit: limits, holds, the seller profile, customer and payment facts (credit.cpp).
  std::vector<CreditCustomer> credit_customers() override;
  std::optional<CreditCustomer> credit_customer(std::string_view external_id) override;
  std::vector<CreditLimitRecord> credit_limits() override;
  void put_credit_limit(const CreditLimitRecord& r) override;
  std::vector<CreditHoldEvent> credit_hold_events() override;
  void add_credit_hold_event(const CreditHoldEvent& e) override;
  std::optional<std::pair<std::string, std::string>> seller_profile() override;
  void put_seller_profile(std::string_view file_name, std::string_view text) override;
  CustomerFacts customer_facts(std::int64_t customer_id) override;
  std::optional<PaymentFact> payment_fact(std::string_view external_id, std::vector<ApplicationFact>* applications) override;
  void for_each_cash_application(core::Date from, core::Date to,
                                 const std::function<void(const CashApplicationFact&)>& fn) override;
  std::vector<std::pair<std::int64_t, int>> reversed_payment_counts(core::Date from, core::Date to) override;

  // Audit (audit.cpp).
  std::optional<BatchInfo> find_batch(std::string_view kind, std::string_view sha) override;
  std::int64_t add_batch(std::string_view kind, std::string_view file, std::string_view sha,
                         std::string_view command) override;
  void finish_batch(std::int64_t id, std::int64_t read, std::int64_t added) override;
  void audit(const AuditEntry& e) override;
  void note_activity(core::Date d) override;
  void for_each_audit(std::string_view since, std::string_view command,
                      const std::function<void(const AuditRecord&)>& fn) override;
  std::optional<BatchInfo> batch(std::int64_t batch_id) override;
  void for_each_batch_record(std::int64_t batch_id, const std::function<void(const BatchRecord&)>& fn) override;

  // Collections (collections.cpp).
  std::optional<CustomerContact> find_customer_contact(std::string_view ext) override;
  void for_each_customer_contact(const std::function<void(const CustomerContact&)>& fn) override;
  std::optional<std::int64_t> add_note(const NoteRecord& note) override;
  std::vector<NoteRecord> notes(core::Date as_of, std::optional<std::int64_t> customer_id) override;
  std::optional<std::int64_t> add_promise(const PromiseRecord& promise) override;
  std::pair<std::int64_t, bool> add_plan(const PlanDraft& plan) override;
  std::vector<PromiseRecord> promises(core::Date as_of) override;
  std::int64_t add_dispute(const DisputeRecord& dispute) override;
  std::optional<DisputeRecord> find_dispute(std::int64_t id) override;
  std::optional<DisputeRecord> find_same_dispute(std::int64_t invoice_id, core::Date opened_on, std::int64_t amount_minor,
                                                 std::string_view reason) override;
  void resolve_dispute(std::int64_t id, core::Date on, std::string_view outcome, std::string_view note,
                       std::string_view credit_memo) override;
  std::vector<DisputeRecord> disputes(core::Date as_of) override;
  std::int64_t add_dunning(const DunningRecord& notice) override;
  std::vector<DunningRecord> dunning_notices(core::Date as_of) override;
  bool add_escalation(const EscalationRecord& e) override;
  std::vector<EscalationRecord> escalations(core::Date as_of) override;
  std::vector<CashApplied> cash_applied(core::Date as_of) override;
  std::optional<std::int64_t> find_write_off(std::int64_t invoice_id, core::Date date, std::int64_t amount_minor,
                                             std::string_view reason) override;
  std::int64_t post_write_off(std::int64_t invoice_id, core::Date date, std::int64_t amount_minor, std::string_view reason,
                              std::string_view approved_by) override;
  std::vector<CustomerEvent> customer_events(std::int64_t customer_id) override;

  // Raw table copy for otc migrate (table_copy.cpp).
  std::vector<CopyTable> copy_tables() override;
  std::int64_t copy_row_count(const std::string& table) override;
  void copy_read(const CopyTable& table, const std::vector<std::string>& columns,
                 const std::function<void(const CopyRow&)>& fn) override;
  void copy_write(const CopyTable& table, const std::vector<std::string>& columns, const std::vector<CopyRow>& rows,
                  bool upsert) override;
  void copy_finish() override;

 private:
  // Shared by the roles (sqlite_ledger.cpp).
  /// The statement in `slot`, prepared on first use and kept for the connection's life.
  Statement& stmt(std::optional<Statement>& slot, std::string_view sql);
  /// Parsing a currency code is a table scan; the ledger holds few codes, so remember them.
  core::Currency currency(std::string_view code);
  /// Steps `insert` (an INSERT ... ON CONFLICT DO NOTHING of a record keyed by `ext`, bound):
  /// kInserted, noting the activity dated `activity`, when it wrote a row, else how the stored
  /// record compares (compare_existing).
  PutResult insert_keyed(Statement& insert, core::Date activity, const char* existing_sql, std::optional<Statement>& slot,
                         std::string_view ext, std::uint64_t hash);
  /// The stored record keyed by `ext` (`sql` selects id, content hash, file name, line): kUnchanged
  /// when its hash is `hash`, else kConflict naming where it came from.
  PutResult compare_existing(const char* sql, std::optional<Statement>& slot, std::string_view ext, std::uint64_t hash);
  void migrate(OpenMode mode);

  // Parties (parties.cpp).
  std::optional<std::int64_t> lookup_customer(std::string_view ext);
  void forget_names();
  /// id -> (external id, name) for every customer; loaded once per command for the reports.
  const std::unordered_map<std::int64_t, std::pair<std::string, std::string>>& customer_names();

  // Balances (balances.cpp).
  std::string max_activity_text();
  /// The latest activity date, including this transaction's; Date{} (1970) when the ledger is empty.
  core::Date max_activity();

  // Billing (billing.cpp, billing_invoices.cpp).
  void read_version(const Statement& s, domain::ContractLine& v);
  IssuedInvoice read_issued(const Statement& s);
  /// Writes the buffered invoice lines and billed charges.
  void flush_rows();
  std::int64_t line_ref(std::string_view contract_id, std::string_view line_id);
  void release(std::int64_t invoice_id, std::string_view kind, std::string_view day, std::string_view reason,
               std::int64_t credit_memo_id, std::int64_t batch_id);

  // Kept open items (open_items.cpp).
  /// Rewrites the kept rows of the customers the triggers marked dirty (all of them after a bulk
  /// load or an upgrade), then clears the marks; called before every COMMIT.
  void refresh_open_items();
  /// true when no customer is marked dirty: the kept rows are the open items.
  bool open_items_kept();
  /// Inside a bulk load's transaction: drops the triggers that mark customers dirty (kept with
  /// the dropped indexes, restore_indexes creates them again) and marks them all: one rebuild at
  /// the commit.
  void suspend_open_item_triggers();
  bool writing_ = false;                         // inside begin_write .. commit/rollback

  // Bulk imports (bulk.cpp).
  /// Writes the invoice balance changes held back during a payments import, in invoice id order.
  void flush_invoice_updates();
  /// Builds again the secondary indexes (and the triggers) dropped for a large load (before any
  /// read that needs one).
  void restore_indexes();
  /// Forgets the bulk state (rollback).
  void reset_bulk();

  Database db_;  // first: every statement below is finalized before the connection closes
  std::vector<std::pair<std::string, core::Currency>> currencies_;
  std::optional<core::Date> pending_activity_;  // this transaction's latest fact date

  // Bulk imports: applications to invoices not yet written to invoices.open_minor (payments import).
  struct PendingApply {
    std::int64_t amount = 0;
    core::Date last;
  };
  std::unordered_map<std::int64_t, PendingApply> pending_invoices_;
  /// Held-back invoice balance changes are written once this many invoices have one.
  static constexpr std::size_t kMaxPendingInvoices = 500000;
  bool defer_invoice_updates_ = false;
  /// begin_bulk_import's request, carried out when the write transaction begins.
  std::string bulk_kind_;
  std::int64_t bulk_rows_ = 0;
  bool foreign_keys_off_ = false;
  /// Starts the requested bulk import in the write transaction just begun.
  void start_bulk();
  /// After COMMIT or ROLLBACK: foreign keys enforced again, no bulk import requested.
  void end_bulk_request();
  /// Payments import: applications written several rows per INSERT, with ids given here, and the
  /// payments' unapplied amounts held back like the invoices' (find_payment adds them in).
  RowBatch bulk_apps_{"INSERT INTO applications(id, invoice_id, payment_id, amount_minor, applied_on, rule, confidence, batch_id,"
                      " reverses_id, note)", 10};
  std::int64_t next_application_id_ = 0;  // 0: not read yet
  std::unordered_map<std::int64_t, PendingApply> pending_payments_;
  /// Writes the buffered payments, then the buffered applications.
  void flush_bulk_applications();
  /// A large payments import (foreign keys off): new payments are buffered too, ids given here,
  /// so that their applications change the buffered row instead of updating the table after.
  struct BufferedPayment {
    domain::Payment p;
    std::optional<std::int64_t> customer_id;
    std::int64_t unapplied = 0;
    core::Date last;
    std::uint64_t hash = 0;
    std::int64_t batch = 0;
    long line = 0;
  };
  std::vector<BufferedPayment> buffered_payments_;
  std::unordered_map<std::string, std::size_t, StringHash, std::equal_to<>> buffered_payment_index_;
  std::int64_t buffered_first_id_ = 0, next_payment_id_ = 0;  // 0: not read yet
  RowBatch bulk_pays_{"INSERT INTO payments(id, external_id, customer_id, currency, received_date, amount_minor, unapplied_minor,"
                      " last_activity, method, reference, payer_name, payer_account, content_hash, batch_id, source_line, remittance)",
                      16};
  static constexpr std::size_t kBufferedPayments = 4096;
  void flush_buffered_payments();
  /// The buffered payment with this id, or nullptr.
  BufferedPayment* buffered_payment(std::int64_t id);
  // --- import (issue 12) ---
  /// A large invoices import: new invoices are written 64 rows per INSERT, with ids given here
  /// (bulk.cpp). A row whose id is in the ledger or in the buffer goes the row-by-row way after
  /// the buffer is written; anything that reads or changes invoices writes the buffer first.
  bool buffer_invoices_ = false;
  std::int64_t next_invoice_id_ = 0;  // 0: not read yet
  RowBatch bulk_invoices_{"INSERT INTO invoices(id, external_id, customer_id, currency, invoice_date, due_date, total_minor,"
                          " open_minor, last_activity, po_number, content_hash, batch_id, source_line)", 13};
  std::optional<Statement> invoice_exists_;
  /// Keys written by this transaction into invoices / payments when the table was empty at its
  /// first write (bulk.cpp, KeySet); `*_keyed_` says whether the set is in use.
  KeySet invoice_keys_, payment_keys_;
  bool invoice_keys_known_ = false, invoices_keyed_ = false;
  bool payment_keys_known_ = false, payments_keyed_ = false;
  /// Whether a key of hash `h` may be in invoices / payments (false: certainly not); the first
  /// call of the transaction learns whether the table is empty.
  bool invoice_may_exist(std::uint64_t h);
  bool payment_may_exist(std::uint64_t h);
  void forget_keys();
  /// A payments load as large as half the invoices table or more reads the open invoices once, in
  /// rowid order, instead of one random index and table look-up per payment row (find_invoice).
  /// Kept equal to the table: every change of an invoice's open amount in this transaction
  /// changes the copy too (flush_invoice_updates, add_adjustment); anything else drops it.
  struct PreloadedInvoice {
    std::int64_t id = 0;
    std::int64_t open_minor = 0;
    std::int32_t customer_id = 0;
    std::int32_t days = 0;
    std::uint32_t text_at = 0;  // the external id in preload_text_
    std::uint8_t text_size = 0;
    std::uint8_t currency = 0;  // in preload_currencies_
  };
  std::vector<PreloadedInvoice> preload_;  // in id order
  std::string preload_text_;
  std::vector<std::uint32_t> preload_slots_;  // open addressing by KeySet::hash of the external id: index + 1, 0 empty
  std::vector<core::Currency> preload_currencies_;
  bool preload_tried_ = false, preload_on_ = false;
  bool cache_shrunk_ = false;  // the page cache is smaller while the preload is held
  void preload_invoices();
  std::optional<InvoiceRef> preloaded_invoice(std::string_view ext) const;
  /// The open amount of the preloaded invoice `id` changed by -`amount` (no-op when none is preloaded).
  void preload_applied(std::int64_t id, std::int64_t amount);
  void forget_preload();
  /// Buffers a new invoice (kInserted with its id); nullopt when the row must go the row-by-row way.
  std::optional<PutResult> buffer_invoice(const domain::Invoice& inv, std::int64_t customer_id, std::uint64_t hash,
                                          std::int64_t batch, long line);
  /// Writes the buffered invoices (before any read or change of the invoices table).
  void flush_buffered_invoices() {
    if (bulk_invoices_.rows()) bulk_invoices_.flush(db_.handle());
  }
  // --- end import ---
  std::vector<std::string> dropped_schema_;  // CREATE INDEX / CREATE TRIGGER statements to run again
  /// false once this transaction knows the ledger holds no opening-balance adjustment.
  std::optional<bool> any_opening_;

  // Parties.
  std::unordered_map<std::string, std::int64_t, StringHash, std::equal_to<>> customer_ids_;
  std::unordered_map<std::int64_t, std::pair<std::string, std::string>> names_;
  bool names_loaded_ = false;
  // Periods.
  std::vector<std::string> locked_periods_;
  bool locks_loaded_ = false;
  // Billing.
  /// Contract line ids of the book read last, by contract id then line id.
  std::unordered_map<std::string, std::unordered_map<std::string, std::int64_t, StringHash, std::equal_to<>>, StringHash,
                     std::equal_to<>>
      line_refs_;
  RowBatch lines_{"INSERT INTO invoice_lines(invoice_id, line_no, description, quantity, unit_price, amount_minor, tax_minor,"
                  " service_from, service_to, contract_id, contract_line, charge_date, charge_kind, product, days, full_days,"
                  " discount_minor, tax_rate_ppm)", 18};
  RowBatch billed_{"INSERT OR IGNORE INTO billed_charges(line_ref, charge_date, charge_kind, invoice_id)", 4};
  bool in_book_ = false;  // inside for_each_customer_book: post_invoice may leave rows buffered

  // Prepared statements, per role.
  std::optional<Statement> meta_update_;
  struct {
    std::optional<Statement> put, stub, find, compare, terms, add_alias;
  } customers_;
  struct {
    std::optional<Statement> put, compare, find, memo_put, memo_compare, memo_apply, memo_open, opening;
  } invoices_;
  struct {
    std::optional<Statement> put, exists, compare, find, has_app, apply_ins, apply_inv, apply_pay, bank_key, add_adj, adj_inv,
        del_sugg, ins_sugg;
  } cash_;
  struct {
    std::optional<Statement> open_items, open_items_hist, unapplied, unapplied_hist, invoice_totals, receipts, meta_read;
  } balances_;
  struct {
    std::optional<Statement> find_line, contract_customer, add_line, load_versions, put_version, cmp_version, put_usage,
        released, book_versions, book_versions_one, book_billed, book_billed_one, book_usage, book_usage_one, bump_number,
        first_number, read_number, set_number, find_issued, each_billed, load_lines, void_update, memo_insert, memo_apply,
        memo_invoice, memo_line, release, charges_of, billed_lines;
  } billing_;
  struct {
    std::optional<Statement> find_batch, add_batch, finish_batch, audit;
  } audit_;
  struct {
    std::optional<Statement> dirty, put, one, drop, clear, clean, after, read, settled;
  } open_items_;
};

}  // namespace otc::store::sqlite
