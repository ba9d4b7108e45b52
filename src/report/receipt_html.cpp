#include "otc/core/money.hpp"
#include "otc/report/html.hpp"
#include "otc/report/statement_html.hpp"

namespace otc::report {

void write_receipt_html(std::ostream& out, const engine::Receipt& r, const SellerInfo& seller) {
  const auto& p = r.payment;
  const auto& cur = p.currency;
  const std::string code = html_escape(cur.view());
  auto amount = [&](std::int64_t v) { return core::format_amount(v, cur.exponent); };
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Payment receipt "
      << html_escape(p.external_id) << "</title>\n<style>" << statement_style() << "</style>\n</head>\n<body>\n";
  out << "<h1>Payment receipt</h1>\n<table class=\"meta\">\n"
      << "<tr><td>Payment</td><td>" << html_escape(p.external_id) << "</td></tr>\n"
      << "<tr><td>Received</td><td>" << p.received_date.iso() << "</td></tr>\n"
      << "<tr><td>Amount</td><td class=\"due\">" << amount(p.amount_minor) << " " << code << "</td></tr>\n"
      << "<tr><td>Method</td><td>" << html_escape(p.method.empty() ? std::string("not recorded") : p.method) << "</td></tr>\n";
  if (!p.reference.empty()) out << "<tr><td>Reference</td><td>" << html_escape(p.reference) << "</td></tr>\n";
  out << "<tr><td>As of</td><td>" << r.as_of.iso() << "</td></tr>\n</table>\n";
  out << "<div class=\"parties\">\n<div><h3>Received by</h3><p><strong>" << html_escape(seller.name) << "</strong>";
  if (!seller.address.empty()) out << "<br>" << html_lines(seller.address);
  out << "</p></div>\n<div><h3>Received from</h3><p><strong>";
  if (!p.customer_external_id.empty())
    out << html_escape(p.customer_name.empty() ? p.customer_external_id : p.customer_name) << "</strong><br>Customer "
        << html_escape(p.customer_external_id);
  else out << html_escape(p.payer_name.empty() ? std::string("Payer not yet identified") : p.payer_name) << "</strong>";
  out << "</p></div>\n</div>\n";
  if (r.reversed)
    out << "<p class=\"late\"><strong>This payment was returned on " << p.reversed_on->iso()
        << (p.reverse_reason.empty() ? std::string() : " (" + html_escape(p.reverse_reason) + ")")
        << "; the invoices below were reopened.</strong></p>\n";
  out << "<h2>Applied to</h2>\n<table class=\"lines\">\n<thead><tr><th>Invoice</th><th>Invoice date</th><th>Applied on</th>"
         "<th class=\"n\">Amount applied</th></tr></thead>\n<tbody>\n";
  if (r.lines.empty()) out << "<tr><td colspan=\"4\">Not applied to any invoice yet.</td></tr>\n";
  for (const auto& l : r.lines)
    out << "<tr><td>" << html_escape(l.invoice) << "</td><td>" << l.invoice_date.iso() << "</td><td>" << l.applied_on.iso()
        << "</td><td class=\"n\">" << amount(l.applied_minor) << "</td></tr>\n";
  out << "</tbody>\n</table>\n<table class=\"summary\">\n<tr><td>Payment</td><td class=\"n\">" << amount(p.amount_minor)
      << "</td></tr>\n<tr><td>Applied to invoices</td><td class=\"n\">" << amount(r.applied_minor)
      << "</td></tr>\n<tr class=\"total\"><td>Left on account</td><td class=\"n\">" << amount(r.on_account_minor) << " "
      << code << "</td></tr>\n</table>\n";
  out << "<p class=\"note\">Thank you for your payment.</p>\n</body>\n</html>\n";
}

}  // namespace otc::report
