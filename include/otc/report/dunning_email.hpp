#pragma once
// Dunning e-mails: a policy template rendered into an RFC 5322 message (.eml) — To, From,
// Subject, Date, Message-ID, MIME-Version, Content-Type text/plain; charset=utf-8, CRLF line ends.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "otc/core/date.hpp"
#include "otc/import/collections_policy.hpp"

namespace otc::report {

struct DunningInvoiceLine {
  std::string invoice;
  core::Date invoice_date, due_date;
  int days_past_due = 0;
  std::int64_t amount_minor = 0;   ///< the undisputed open balance
};

struct DunningLetter {
  std::string customer_id, customer_name, to_address;
  std::string from;                ///< "Name <address>" or an address
  std::string currency;
  int exponent = 2;
  int level = 0;
  core::Date as_of;
  int oldest_days = 0;
  std::int64_t total_minor = 0;
  std::vector<DunningInvoiceLine> invoices;
};

/// The placeholders templates may use: customer_id, customer_name, currency, total_past_due,
/// oldest_days_past_due, level, as_of, invoices, invoice_count, from_name, from_address.
const std::vector<std::string>& template_placeholders();

/// Replaces each `{{name}}` by value(name). Throws core::Error(kInput) at TEMPLATE:LINE:COL for an
/// unknown placeholder (value returns nullopt) or a `{{` without `}}`.
std::string render_template(const import::PolicyTemplate& t,
                            const std::function<std::optional<std::string>(std::string_view)>& value);

/// Checks that a template uses only known placeholders (before anything is written).
void check_template(const import::PolicyTemplate& t);

/// The whole message, CRLF line ends.
std::string dunning_email(const DunningLetter& letter, const import::PolicyTemplate& t);

/// "AS_OF_CUSTOMER_CURRENCY_levelN.eml" (the customer id through document_file_stem).
std::string dunning_file_name(const DunningLetter& letter);

}  // namespace otc::report
