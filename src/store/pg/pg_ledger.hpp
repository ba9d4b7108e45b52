#pragma once
// The PostgreSQL LedgerStore: one libpq connection, one transaction, one cache of prepared
// statements, shared by every role. This header declares the class; each role's methods are
// defined in its own file, as in src/store/sqlite/: parties.cpp, documents.cpp, cash.cpp,
// balances.cpp, periods.cpp, audit.cpp, fx.cpp, billing.cpp, billing_invoices.cpp,
// collections.cpp, credit.cpp (until each lands, pg_stubs.cpp); the connection, schema,
// migrations and transactions in pg_ledger.cpp. Private to src/store/pg/.
//
// Writers: begin_write() = BEGIN ISOLATION LEVEL READ COMMITTED + pg_advisory_xact_lock(key of
// the schema), so one writer per ledger at a time across every host, exactly SQLite's
// single-writer rule: the use cases' read-check-write logic stays correct without retries.
// Readers: begin_read() = REPEATABLE READ READ ONLY, a snapshot that never blocks a writer.
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
#include "otc/store/open_store.hpp"
#include "otc/store/table_copy.hpp"
#include "pg_db.hpp"
#include "row_arrays.hpp"

namespace otc::store::pg {

// Values as the ledger stores them (pg_ledger.cpp).
/// Throws otc::core::Error(kLedger) "ledger holds an invalid WHAT 'VALUE'".
[[noreturn]] void bad_value(std::string_view what, std::string_view value);
core::Date date_of(std::string_view iso);
/// The date in column `col` of the current row; nullopt when NULL.
std::optional<core::Date> opt_date(const Result& r, int col);
engine::ChargeKind charge_kind_of(std::string_view text);
std::string utc_timestamp();

/// A date as ISO text to pass as a parameter; refuses dates outside 1900-01-01..2199-12-31
/// (the last guard for computed dates, as SQLite's IsoDay).
struct IsoDay {
  explicit IsoDay(core::Date d);
  std::string_view view() const { return {text, 10}; }
  operator Param() const { return Param(view()); }
  char text[10];
};

/// Heterogeneous lookup by string_view in the caches.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class PgLedger final : public LedgerStore, public TableCopy {
 public:
  /// `conninfo`: a libpq URI or conninfo string; `schema`: a validated identifier.
  PgLedger(const std::string& conninfo, const std::string& schema, OpenMode mode);
  /// The schema version recorded in the ledger's schema (0 if none).
  int schema_version();
  const std::string& schema() const { return schema_; }
  /// The connection, for tools in src/store/ (migrate) that copy tables.
  Db& db() { return db_; }

  // Transactions (pg_ledger.cpp).
  void begin_write() override;
  void begin_read() override;
  void commit() override;
  void rollback() override;
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
  // Shared by the roles (pg_ledger.cpp).
  /// Parsing a currency code is a table scan; the ledger holds few codes, so remember them.
  core::Currency currency(std::string_view code);
  /// Runs `insert` (an INSERT ... ON CONFLICT DO NOTHING RETURNING id of a record keyed by `ext`):
  /// kInserted, noting the activity dated `activity`, when it wrote a row, else how the stored
  /// record compares (compare_existing).
  PutResult insert_keyed(std::string_view insert_sql, Params params, core::Date activity, std::string_view existing_sql,
                         std::string_view ext, std::uint64_t hash);
  /// The stored record keyed by `ext` (`sql` selects id, content hash, file name, line; $1 = ext):
  /// kUnchanged when its hash is `hash`, else kConflict naming where it came from.
  PutResult compare_existing(std::string_view sql, std::string_view ext, std::uint64_t hash);
  void open_schema(OpenMode mode);
  void migrate(OpenMode mode);
  bool schema_exists();

  // Documents (documents.cpp): a large import writes its invoices behind, through COPY. After
  // kWriteBehindAfter put_invoice calls in one write transaction the invoices' keys are read once;
  // new invoices get SQLite's next ids and wait in `pending_invoices_` until the next statement
  // of any kind (Db's before-statement hook), at most kWriteBehindRows at a time.
  static constexpr int kWriteBehindAfter = 64;
  static constexpr std::size_t kWriteBehindRows = 5000;
  // A bulk payments load: fewer, larger flushes (one balance UPDATE each; an invoice paid twice
  // within a flush is rewritten once).
  static constexpr std::size_t kWriteBehindPayments = 50000;
  static constexpr std::size_t kWriteBehindMinFlush = 16;  // a flush of fewer rows turns write-behind off
  struct InvoiceKey {
    std::int64_t id;
    std::uint64_t hash;
  };
  struct PendingInvoice {
    std::string external_id;
    std::int64_t customer_id;
    std::string currency;
    IsoDay invoice_date, due_date;
    std::int64_t total_minor;
    std::string po_number;
    std::uint64_t hash;
    std::int64_t batch;
    long line;
  };
  void before_statement(std::string_view sql);
  void load_invoice_keys();
  void flush_invoices();
  void forget_invoice_keys();

  // Parties (parties.cpp).
  std::optional<std::int64_t> lookup_customer(std::string_view ext);
  void forget_names();
  /// id -> (external id, name) for every customer; loaded once per command for the reports.
  const std::unordered_map<std::int64_t, std::pair<std::string, std::string>>& customer_names();

  // Balances (balances.cpp).
  std::string max_activity_text();
  /// The latest activity date, including this transaction's; Date{} (1970) when the ledger is empty.
  core::Date max_activity();

  // Billing (billing.cpp, billing_invoices.cpp; pg-roles adds what it needs here).
  void read_version(const Result& r, domain::ContractLine& v);
  IssuedInvoice read_issued(const Result& r);
  std::int64_t line_ref(std::string_view contract_id, std::string_view line_id);
  void release(std::int64_t invoice_id, std::string_view kind, std::string_view day, std::string_view reason,
               std::int64_t credit_memo_id, std::int64_t batch_id);

  Db db_;
  std::string schema_;
  OpenMode mode_;
  std::int64_t lock_key_ = 0;   // pg_advisory_xact_lock key of this ledger (from the schema name)
  int lock_timeout_ms_ = 60000;  // OTC_BUSY_TIMEOUT_MS, as SQLite's busy timeout
  bool writing_ = false;         // inside begin_write()
  std::vector<std::pair<std::string, core::Currency>> currencies_;
  std::optional<core::Date> pending_activity_;  // this transaction's latest fact date

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
  bool in_book_ = false;  // inside for_each_customer_book: post_invoice may leave rows buffered
  /// Writes the buffered invoice lines and billed charges, and the numbers taken (billing_invoices.cpp).
  void flush_rows();
  void write_numbers();
  RowArrays lines_{"invoice_lines(invoice_id, line_no, description, quantity, unit_price, amount_minor, tax_minor,"
                   " service_from, service_to, contract_id, contract_line, charge_date, charge_kind, product, days,"
                   " full_days, discount_minor, tax_rate_ppm)",
                   {"bigint", "bigint", "text", "text", "text", "bigint", "bigint", "text", "text", "text", "text", "text",
                    "text", "text", "bigint", "bigint", "bigint", "bigint"}};
  RowArrays billed_{"billed_charges(line_ref, charge_date, charge_kind, invoice_id)", {"bigint", "text", "text", "bigint"},
                    "ON CONFLICT DO NOTHING"};
  /// Inside a book pass (one transaction, under the writer lock): prefix -> the last number taken;
  /// the first number of a prefix is taken from the ledger, the rest counted here and written
  /// back by flush_rows() when the pass ends.
  std::unordered_map<std::string, std::int64_t, StringHash, std::equal_to<>> numbers_;
  // Documents: write-behind invoices.
  int invoice_puts_ = 0;
  bool write_behind_off_ = false;
  bool invoice_keys_loaded_ = false;
  std::int64_t next_invoice_id_ = 0;
  std::unordered_map<std::string, InvoiceKey, StringHash, std::equal_to<>> invoice_keys_;
  std::vector<PendingInvoice> pending_invoices_;

 public:
  // Bulk loads (bulk.cpp): a large invoice file is COPYed with the non-unique indexes and the
  // foreign keys of invoices dropped inside the import's transaction; a large payments file
  // writes with the foreign keys of payments and applications dropped; end_bulk_import()
  // restores them all (the keys validated over every row).
  void begin_bulk_import(std::string_view kind, std::int64_t expected_rows) override;
  void end_bulk_import() override;

 private:
  struct BulkConstraint {
    std::string table, name, definition;
  };
  void start_bulk();
  void drop_upkeep(const char* table, bool indexes, bool keys = true);
  void forget_bulk();
  std::string bulk_kind_;       // begin_bulk_import saw a large file of this kind; the first put starts it
  bool bulk_active_ = false;    // inside the bulk load (its DDL done)
  bool bulk_invoices_ = false;  // invoice write-behind from the first row
  std::int64_t bulk_rows_ = 0;
  std::vector<std::pair<std::string, std::string>> bulk_indexes_;  // name, CREATE INDEX text
  std::vector<BulkConstraint> bulk_constraints_;
  // A large payments file writes behind (cash.cpp): new payments and their applications wait
  // here with SQLite's ids, and the invoices' balance changes add up per invoice (find_invoice
  // adds them in); flush_payments() COPYs both and updates the invoices in one statement, before
  // any statement that may read payments, applications or invoices.
  struct PendingPayment {
    domain::Payment p;
    std::optional<std::int64_t> customer_id;
    std::uint64_t hash;
    std::int64_t batch;
    long line;
    std::int64_t unapplied;
    std::string last;
  };
  struct PendingApplication {
    std::int64_t id, invoice_id, payment_id, amount;
    std::string day, rule;
    int confidence;
    std::int64_t batch;
    std::string note;
  };
  void flush_payments();
  bool bulk_payments_ = false;
  bool bulk_no_openings_ = false;  // no opening balances in the ledger: opening_balance_of needs no read
  bool payment_keys_loaded_ = false;
  std::int64_t next_payment_id_ = 0, first_pending_payment_ = 0, next_application_id_ = 0;
  std::unordered_map<std::string, InvoiceKey, StringHash, std::equal_to<>> payment_keys_;
  std::vector<PendingPayment> pending_payments_;
  std::vector<PendingApplication> pending_applications_;
  std::unordered_map<std::int64_t, std::pair<std::int64_t, std::string>> invoice_deltas_;  // invoice id -> amount, last day
  /// The open invoices, read once by find_invoice in a payments load without opening balances
  /// (nothing else in it changes an invoice), and what the load has applied to each since.
  bool open_invoices_loaded_ = false;
  std::unordered_map<std::string, InvoiceRef, StringHash, std::equal_to<>> open_invoices_;
  std::unordered_map<std::int64_t, std::int64_t> applied_deltas_;
};

}  // namespace otc::store::pg
