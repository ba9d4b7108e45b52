#include "otc/report/invoice_html.hpp"

#include <cctype>

#include "otc/core/money.hpp"
#include "otc/core/text.hpp"
#include "otc/engine/pricing.hpp"

namespace otc::report {
namespace {

std::string amount(std::int64_t minor, const core::Currency& c) { return core::format_amount(minor, c.exponent); }

constexpr const char* kStyle =
    "body{font-family:Helvetica,Arial,sans-serif;font-size:10.5pt;color:#111;margin:2em auto;max-width:60em}"
    "h1{font-size:20pt;margin:0 0 .2em}table{border-collapse:collapse;width:100%}"
    "th,td{padding:.35em .5em;vertical-align:top}th{text-align:left;border-bottom:2px solid #333}"
    "td.n,th.n{text-align:right;white-space:nowrap}tbody tr td{border-bottom:1px solid #ddd}"
    ".parties{display:flex;justify-content:space-between;margin:1.5em 0}.parties div{width:48%}"
    ".meta td{padding:.15em .5em}.totals{width:45%;margin-left:auto;margin-top:1em}"
    ".totals td{border:none}.totals tr.due td{font-weight:bold;border-top:2px solid #333}"
    ".void{color:#b00;font-size:16pt;font-weight:bold;border:3px solid #b00;display:inline-block;padding:.1em .6em}"
    ".remit{margin-top:2em;padding:1em;border:1px solid #999}small{color:#555}"
    "@media print{body{margin:0}}";

}  // namespace

void write_invoice_html(std::ostream& out, const store::IssuedInvoice& inv, const std::vector<store::IssuedLine>& lines,
                        const SellerInfo& seller) {
  const auto& cur = inv.currency;
  const std::string code(cur.view());
  const std::string number = html_escape(inv.number);
  std::int64_t subtotal = 0, discount = 0, tax = 0;
  for (const auto& l : lines) {
    subtotal += l.amount;
    discount += l.discount;
    tax += l.tax;
  }
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Invoice " << number
      << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
  out << "<h1>Invoice " << number << "</h1>\n";
  if (inv.status == "void") out << "<p class=\"void\">VOID</p>\n";
  out << "<table class=\"meta\">\n"
      << "<tr><td>Invoice number</td><td>" << number << "</td></tr>\n"
      << "<tr><td>Invoice date</td><td>" << inv.invoice_date.iso() << "</td></tr>\n"
      << "<tr><td>Due date</td><td>" << inv.due_date.iso() << "</td></tr>\n"
      << "<tr><td>Currency</td><td>" << html_escape(code) << "</td></tr>\n"
      << "</table>\n";
  out << "<div class=\"parties\">\n<div><h3>From</h3><p><strong>" << html_escape(seller.name) << "</strong>";
  if (!seller.address.empty()) out << "<br>" << html_lines(seller.address);
  out << "</p></div>\n<div><h3>Bill to</h3><p><strong>"
      << html_escape(inv.customer_name.empty() ? inv.customer : inv.customer_name) << "</strong><br>Customer "
      << html_escape(inv.customer);
  if (!inv.customer_email.empty()) out << "<br>" << html_escape(inv.customer_email);
  out << "</p></div>\n</div>\n";

  out << "<table class=\"lines\">\n<thead><tr><th>#</th><th>Description</th><th>Service period</th>"
         "<th class=\"n\">Quantity</th><th class=\"n\">Unit price</th><th class=\"n\">Amount</th>"
         "<th class=\"n\">Discount</th><th class=\"n\">Tax</th><th class=\"n\">Total</th></tr></thead>\n<tbody>\n";
  if (lines.empty()) {
    out << "<tr><td>1</td><td>Invoice total</td><td></td><td class=\"n\"></td><td class=\"n\"></td><td class=\"n\">"
        << amount(inv.total, cur) << "</td><td class=\"n\">0</td><td class=\"n\">0</td><td class=\"n\">"
        << amount(inv.total, cur) << "</td></tr>\n";
    subtotal = inv.total;
  }
  for (const auto& l : lines) {
    out << "<tr><td>" << l.line_no << "</td><td>" << html_escape(l.description);
    if (!l.contract_id.empty())
      out << "<br><small>Contract " << html_escape(l.contract_id) << " line " << html_escape(l.contract_line) << "</small>";
    out << "</td><td>";
    if (l.service_from && l.service_to) out << l.service_from->iso() << " to " << l.service_to->iso();
    out << "</td><td class=\"n\">" << html_escape(l.quantity) << "</td><td class=\"n\">" << html_escape(l.unit_price)
        << "</td><td class=\"n\">" << amount(l.amount, cur) << "</td><td class=\"n\">" << amount(-l.discount, cur)
        << "</td><td class=\"n\">" << amount(l.tax, cur);
    if (l.tax_rate_ppm) out << "<br><small>" << html_escape(engine::format_rate(l.tax_rate_ppm)) << "</small>";
    out << "</td><td class=\"n\">" << amount(l.total(), cur) << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n";

  out << "<table class=\"totals\">\n"
      << "<tr><td>Subtotal</td><td class=\"n\">" << amount(subtotal, cur) << "</td></tr>\n"
      << "<tr><td>Discount</td><td class=\"n\">" << amount(-discount, cur) << "</td></tr>\n"
      << "<tr><td>Tax</td><td class=\"n\">" << amount(tax, cur) << "</td></tr>\n"
      << "<tr><td>Total " << html_escape(code) << "</td><td class=\"n\">" << amount(inv.total, cur) << "</td></tr>\n";
  if (inv.credited) out << "<tr><td>Credits</td><td class=\"n\">" << amount(-inv.credited, cur) << "</td></tr>\n";
  if (inv.paid) out << "<tr><td>Payments</td><td class=\"n\">" << amount(-inv.paid, cur) << "</td></tr>\n";
  if (inv.adjusted) out << "<tr><td>Adjustments</td><td class=\"n\">" << amount(-inv.adjusted, cur) << "</td></tr>\n";
  out << "<tr class=\"due\"><td>Amount due by " << inv.due_date.iso() << "</td><td class=\"n\">"
      << amount(inv.status == "void" ? 0 : inv.open, cur) << " " << html_escape(code) << "</td></tr>\n</table>\n";

  out << "<div class=\"remit\"><strong>How to pay</strong><br>Please quote <strong>" << number
      << "</strong> as the payment reference.";
  if (!seller.remit_to.empty()) out << "<br>" << html_lines(seller.remit_to);
  out << "</div>\n</body>\n</html>\n";
}

}  // namespace otc::report
