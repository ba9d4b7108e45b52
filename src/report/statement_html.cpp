#include "otc/report/statement_html.hpp"

#include "otc/core/money.hpp"
#include "otc/core/text.hpp"
#include "otc/report/html.hpp"

namespace otc::report {
namespace {

std::string amount(std::int64_t minor, const core::Currency& c) { return core::format_amount(minor, c.exponent); }

const char* kind_label(const std::string& kind) {
  if (kind == "invoice") return "Invoice";
  if (kind == "void") return "Invoice voided";
  if (kind == "payment") return "Payment";
  if (kind == "credit") return "Credit memo";
  if (kind == "write_off") return "Write-off";
  if (kind == "deduction") return "Deduction";
  if (kind == "adjustment") return "Adjustment";
  if (kind == "reversal") return "Returned payment";
  if (kind == "unapply") return "Unapplied";
  if (kind == "transfer") return "Transfer";
  return "Other";
}

void head(std::ostream& out, const std::string& title) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" << html_escape(title)
      << "</title>\n<style>" << statement_style() << "</style>\n</head>\n<body>\n";
}

void parties(std::ostream& out, const SellerInfo& seller, const store::CreditCustomer& c, const char* to_label) {
  out << "<div class=\"parties\">\n<div><h3>From</h3><p><strong>" << html_escape(seller.name) << "</strong>";
  if (!seller.address.empty()) out << "<br>" << html_lines(seller.address);
  out << "</p></div>\n<div><h3>" << to_label << "</h3><p><strong>"
      << html_escape(c.name.empty() ? c.external_id : c.name) << "</strong><br>Customer " << html_escape(c.external_id);
  if (!c.email.empty()) out << "<br>" << html_escape(c.email);
  out << "</p></div>\n</div>\n";
}

void remittance(std::ostream& out, const SellerInfo& seller, const std::string& reference_hint) {
  out << "<div class=\"remit\"><strong>How to pay</strong><br>" << reference_hint;
  if (!seller.remit_to.empty()) out << "<br>" << html_lines(seller.remit_to);
  out << "</div>\n";
}

}  // namespace

const char* statement_style() {
  return "@page{margin:14mm 12mm}"
         "body{font-family:Helvetica,Arial,sans-serif;font-size:10pt;color:#111;margin:2em auto;max-width:60em}"
         "h1{font-size:18pt;margin:0 0 .2em}h2{font-size:13pt;margin:1.4em 0 .4em;border-bottom:2px solid #333}"
         "h3{font-size:10pt;margin:0 0 .3em;color:#555;text-transform:uppercase;letter-spacing:.05em}"
         "table{border-collapse:collapse;width:100%}thead{display:table-header-group}tr{page-break-inside:avoid}"
         "th,td{padding:.3em .45em;vertical-align:top}th{text-align:left;border-bottom:2px solid #333;background:#f2f2f2}"
         "td.n,th.n{text-align:right;white-space:nowrap}tbody tr td{border-bottom:1px solid #ddd}"
         ".parties{display:flex;justify-content:space-between;margin:1.2em 0}.parties div{width:48%}"
         ".meta td{padding:.1em .5em .1em 0;border:none}.due{font-weight:bold;font-size:12pt}"
         ".summary{width:55%;margin-left:auto;margin-top:.8em}.summary td{border:none}"
         ".summary tr.total td{font-weight:bold;border-top:2px solid #333}.late{color:#a00}"
         ".aging td,.aging th{text-align:right}.remit{margin-top:1.6em;padding:.8em 1em;border:1px solid #999;page-break-inside:avoid}"
         ".note{margin-top:1em;color:#333}small{color:#555}"
         "@media print{body{margin:0;max-width:none;font-size:9.5pt}.parties{display:table;width:100%}"
         ".parties div{display:table-cell}h2{page-break-after:avoid}}";
}

void write_statement_html(std::ostream& out, const engine::Statement& st, const SellerInfo& seller,
                          const StatementTexts& texts) {
  const auto& c = st.customer;
  const bool activity = st.since.has_value();
  const std::string title = std::string(activity ? "Activity statement" : "Statement of account") + " — " +
                            (c.name.empty() ? c.external_id : c.name) + " — " + st.as_of.iso();
  head(out, title);
  out << "<h1>" << (activity ? "Activity statement" : "Statement of account") << "</h1>\n<table class=\"meta\">\n";
  out << "<tr><td>Customer</td><td>" << html_escape(c.external_id) << "</td></tr>\n";
  if (activity) out << "<tr><td>Period</td><td>" << st.since->iso() << " to " << st.as_of.iso() << "</td></tr>\n";
  else out << "<tr><td>As of</td><td>" << st.as_of.iso() << "</td></tr>\n";
  if (c.terms_days) out << "<tr><td>Terms</td><td>net " << *c.terms_days << " days</td></tr>\n";
  out << "</table>\n";
  parties(out, seller, c, "Statement for");

  if (st.currencies.empty()) out << "<p>Nothing is open and nothing was posted" << (activity ? " in the period" : "") << ". Balance 0.</p>\n";
  for (const auto& cs : st.currencies) {
    const std::string code = html_escape(cs.currency.view());
    const auto& cur = cs.currency;
    if (activity) {
      out << "<h2>" << code << "</h2>\n<table class=\"lines\">\n<thead><tr><th>Date</th><th>Type</th><th>Reference</th>"
             "<th>Details</th><th class=\"n\">Charges</th><th class=\"n\">Credits</th><th class=\"n\">Balance</th></tr></thead>\n<tbody>\n";
      out << "<tr><td>" << st.since->iso() << "</td><td>Opening balance</td><td></td><td></td><td class=\"n\"></td>"
             "<td class=\"n\"></td><td class=\"n\">" << amount(cs.opening_balance, cur) << "</td></tr>\n";
      for (const auto& l : cs.lines) {
        out << "<tr><td>" << l.date.iso() << "</td><td>" << kind_label(l.kind) << "</td><td>" << html_escape(l.reference)
            << "</td><td>" << html_escape(l.detail) << "</td><td class=\"n\">"
            << (l.amount_minor > 0 ? amount(l.amount_minor, cur) : std::string()) << "</td><td class=\"n\">"
            << (l.amount_minor < 0 ? amount(-l.amount_minor, cur) : std::string()) << "</td><td class=\"n\">"
            << amount(l.balance_minor, cur) << "</td></tr>\n";
      }
      out << "</tbody>\n</table>\n<table class=\"summary\">\n<tr><td>Opening balance " << st.since->iso()
          << "</td><td class=\"n\">" << amount(cs.opening_balance, cur) << "</td></tr>\n";
      std::int64_t charges = 0, credits = 0;
      for (const auto& l : cs.lines) (l.amount_minor > 0 ? charges : credits) += l.amount_minor;
      out << "<tr><td>Charges</td><td class=\"n\">" << amount(charges, cur) << "</td></tr>\n"
          << "<tr><td>Payments and credits</td><td class=\"n\">" << amount(-credits, cur) << "</td></tr>\n"
          << "<tr class=\"total\"><td>Closing balance " << st.as_of.iso() << "</td><td class=\"n\">"
          << amount(cs.closing_balance, cur) << " " << code << "</td></tr>\n</table>\n";
      continue;
    }
    out << "<h2>" << code << " — balance due <span class=\"due\">" << amount(cs.closing_balance, cur) << " " << code
        << "</span></h2>\n";
    out << "<table class=\"lines\">\n<thead><tr><th>Invoice</th><th>Date</th><th>Due</th><th>PO</th>"
           "<th class=\"n\">Amount</th><th class=\"n\">Open</th><th class=\"n\">Days past due</th></tr></thead>\n<tbody>\n";
    for (const auto& i : cs.items) {
      out << "<tr><td>" << html_escape(i.invoice) << "</td><td>" << i.invoice_date.iso() << "</td><td>" << i.due_date.iso()
          << "</td><td>" << html_escape(i.po_number) << "</td><td class=\"n\">" << amount(i.total_minor, cur)
          << "</td><td class=\"n\">" << amount(i.open_minor, cur) << "</td><td class=\"n" << (i.days_past_due > 0 ? " late" : "")
          << "\">" << (i.days_past_due > 0 ? std::to_string(i.days_past_due) : std::string("current")) << "</td></tr>\n";
    }
    for (const auto& u : cs.credits) {
      out << "<tr><td>Payment " << html_escape(u.payment) << "</td><td>" << u.received_date.iso() << "</td><td></td><td>"
          << html_escape(u.reference) << "</td><td class=\"n\">" << amount(-u.amount_minor, cur) << "</td><td class=\"n\">"
          << amount(-u.unapplied_minor, cur) << "</td><td class=\"n\">on account</td></tr>\n";
    }
    out << "</tbody>\n</table>\n<table class=\"summary\">\n<tr><td>Open invoices</td><td class=\"n\">"
        << amount(cs.open_ar, cur) << "</td></tr>\n<tr><td>Unapplied payments</td><td class=\"n\">"
        << amount(-cs.unapplied, cur) << "</td></tr>\n<tr class=\"total\"><td>Balance due</td><td class=\"n\">"
        << amount(cs.closing_balance, cur) << " " << code << "</td></tr>\n</table>\n";
    out << "<h3 style=\"margin-top:1em\">Aging of open invoices (" << code << ")</h3>\n<table class=\"aging\">\n<thead><tr>";
    for (const auto& label : st.buckets.labels()) out << "<th class=\"n\">" << html_escape(label) << "</th>";
    out << "<th class=\"n\">Total</th></tr></thead>\n<tbody><tr>";
    for (auto v : cs.aging) out << "<td class=\"n\">" << amount(v, cur) << "</td>";
    out << "<td class=\"n\">" << amount(cs.open_ar, cur) << "</td></tr></tbody>\n</table>\n";
  }
  remittance(out, seller, "Please quote your customer number <strong>" + html_escape(c.external_id) +
                              "</strong> and the invoice numbers you pay.");
  if (!texts.note.empty()) out << "<p class=\"note\">" << html_lines(texts.note) << "</p>\n";
  if (!texts.contact.empty()) out << "<p class=\"note\">Questions about this statement: " << html_escape(texts.contact) << "</p>\n";
  out << "</body>\n</html>\n";
}

}  // namespace otc::report
