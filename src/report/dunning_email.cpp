#include "otc/report/dunning_email.hpp"

#include <algorithm>

#include "otc/core/error.hpp"
#include "otc/core/money.hpp"
#include "otc/core/text.hpp"
#include "otc/report/document_name.hpp"

namespace otc::report {
namespace {

using core::Error;
using core::ErrorKind;

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80 && c != '\r' && c != '\n'; });
}

std::string base64(std::string_view in) {
  static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                 static_cast<unsigned char>(in[i + 2]);
    out += k[(v >> 18) & 63];
    out += k[(v >> 12) & 63];
    out += k[(v >> 6) & 63];
    out += k[v & 63];
  }
  if (i < in.size()) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
    out += k[(v >> 18) & 63];
    out += k[(v >> 12) & 63];
    out += i + 1 < in.size() ? k[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

/// Header text: as is when printable ASCII, else an RFC 2047 encoded word per <= 45 bytes of
/// whole UTF-8 characters.
std::string header_text(std::string_view s) {
  if (is_ascii(s)) return std::string(s);
  std::string out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t end = std::min(s.size(), pos + 45);
    while (end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;  // no split character
    if (!out.empty()) out += "\r\n ";
    out += "=?utf-8?B?" + base64(s.substr(pos, end - pos)) + "?=";
    pos = end;
  }
  return out;
}

/// A display name in a mailbox: a quoted string when ASCII, else encoded words.
std::string display_name(std::string_view name) {
  if (name.empty()) return {};
  if (!is_ascii(name)) return header_text(name);
  std::string out = "\"";
  for (char c : name) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

void split_mailbox(std::string_view from, std::string& name, std::string& address) {
  auto lt = from.find('<'), gt = from.rfind('>');
  if (lt != std::string_view::npos && gt != std::string_view::npos && gt > lt) {
    name = std::string(core::trim(from.substr(0, lt)));
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
    address = std::string(core::trim(from.substr(lt + 1, gt - lt - 1)));
  } else {
    name.clear();
    address = std::string(core::trim(from));
  }
}

std::string mailbox(const std::string& name, const std::string& address) {
  return name.empty() ? address : display_name(name) + " <" + address + ">";
}

std::string rfc5322_date(core::Date d) {
  static const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  int wd = ((d.days() % 7) + 7 + 4) % 7;  // 1970-01-01 was a Thursday
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d 00:00:00 +0000", kDays[wd], d.day(), kMonths[d.month() - 1], d.year());
  return buf;
}

std::string pad_right(std::string s, std::size_t w) {
  if (s.size() < w) s.append(w - s.size(), ' ');
  return s;
}
std::string pad_left(std::string s, std::size_t w) {
  if (s.size() < w) s.insert(0, w - s.size(), ' ');
  return s;
}

std::string invoice_lines(const DunningLetter& l) {
  std::size_t wi = 7, wa = 6;
  for (const auto& i : l.invoices) {
    wi = std::max(wi, i.invoice.size());
    wa = std::max(wa, core::format_amount(i.amount_minor, l.exponent).size());
  }
  std::string out = "  " + pad_right("Invoice", wi) + "  Date        Due         Days past due  " + pad_left("Amount", wa) + "\n";
  for (std::size_t n = 0; n < l.invoices.size(); ++n) {
    const auto& i = l.invoices[n];
    out += "  " + pad_right(i.invoice, wi) + "  " + i.invoice_date.iso() + "  " + i.due_date.iso() + "  " +
           pad_left(std::to_string(i.days_past_due), 13) + "  " + pad_left(core::format_amount(i.amount_minor, l.exponent), wa);
    if (n + 1 < l.invoices.size()) out += "\n";
  }
  return out;
}

}  // namespace

const std::vector<std::string>& template_placeholders() {
  static const std::vector<std::string> k = {"customer_id",  "customer_name",  "currency", "total_past_due",
                                             "oldest_days_past_due", "level", "as_of", "invoices",
                                             "invoice_count", "from_name", "from_address"};
  return k;
}

std::string render_template(const import::PolicyTemplate& t,
                            const std::function<std::optional<std::string>(std::string_view)>& value) {
  std::string out;
  const std::string& s = t.text;
  std::size_t pos = 0;
  auto where = [&](std::size_t at) {
    core::SourceLocation w;
    w.file = t.file;
    std::size_t line_start = s.rfind('\n', at == 0 ? 0 : at - 1);
    line_start = (line_start == std::string::npos || at == 0) ? 0 : line_start + 1;
    w.line = 1 + static_cast<long>(std::count(s.begin(), s.begin() + static_cast<long>(line_start), '\n'));
    std::size_t line_end = s.find('\n', at);
    w.text = s.substr(line_start, (line_end == std::string::npos ? s.size() : line_end) - line_start);
    if (!w.text.empty() && w.text.back() == '\r') w.text.pop_back();
    w.caret = static_cast<int>(at - line_start);
    w.column = w.caret + 1;
    return w;
  };
  while (pos < s.size()) {
    std::size_t open = s.find("{{", pos);
    if (open == std::string::npos) {
      out.append(s, pos, std::string::npos);
      break;
    }
    out.append(s, pos, open - pos);
    std::size_t close = s.find("}}", open + 2);
    std::size_t nl = s.find('\n', open);
    if (close == std::string::npos || (nl != std::string::npos && nl < close))
      throw Error(ErrorKind::kInput, "'{{' without '}}' in template " + t.name, where(open));
    std::string name(core::trim(std::string_view(s).substr(open + 2, close - open - 2)));
    auto v = value(name);
    if (!v)
      throw Error(ErrorKind::kInput, "unknown placeholder {{" + name + "}} in template " + t.name, where(open),
                  "known placeholders: customer_id, customer_name, currency, total_past_due, oldest_days_past_due, level, "
                  "as_of, invoices, invoice_count, from_name, from_address");
    out += *v;
    pos = close + 2;
  }
  return out;
}

void check_template(const import::PolicyTemplate& t) {
  const auto& known = template_placeholders();
  render_template(t, [&](std::string_view n) -> std::optional<std::string> {
    if (std::find(known.begin(), known.end(), n) == known.end()) return std::nullopt;
    return std::string();
  });
}

std::string dunning_email(const DunningLetter& l, const import::PolicyTemplate& t) {
  std::string from_name, from_address;
  split_mailbox(l.from, from_name, from_address);
  const std::string total = core::format_amount(l.total_minor, l.exponent);
  std::string text = render_template(t, [&](std::string_view n) -> std::optional<std::string> {
    if (n == "customer_id") return l.customer_id;
    if (n == "customer_name") return l.customer_name.empty() ? l.customer_id : l.customer_name;
    if (n == "currency") return l.currency;
    if (n == "total_past_due") return total;
    if (n == "oldest_days_past_due") return std::to_string(l.oldest_days);
    if (n == "level") return std::to_string(l.level);
    if (n == "as_of") return l.as_of.iso();
    if (n == "invoices") return invoice_lines(l);
    if (n == "invoice_count") return std::to_string(l.invoices.size());
    if (n == "from_name") return from_name.empty() ? from_address : from_name;
    if (n == "from_address") return from_address;
    return std::nullopt;
  });
  // A first line "Subject: ..." is the subject; one blank line after it is dropped.
  std::string subject = "Past-due invoices: " + total + " " + l.currency;
  if (text.rfind("Subject:", 0) == 0) {
    std::size_t nl = text.find('\n');
    subject = std::string(core::trim(std::string_view(text).substr(8, nl == std::string::npos ? std::string::npos : nl - 8)));
    text = nl == std::string::npos ? std::string() : text.substr(nl + 1);
    if (text.rfind("\n", 0) == 0) text.erase(0, 1);
    else if (text.rfind("\r\n", 0) == 0) text.erase(0, 2);
  }
  std::string domain = from_address.substr(from_address.find('@') == std::string::npos ? from_address.size()
                                                                                        : from_address.find('@') + 1);
  if (domain.empty()) domain = "otc.invalid";
  std::string msg;
  msg += "From: " + mailbox(from_name, from_address) + "\r\n";
  msg += "To: " + mailbox(l.customer_name, l.to_address) + "\r\n";
  msg += "Subject: " + header_text(subject) + "\r\n";
  msg += "Date: " + rfc5322_date(l.as_of) + "\r\n";
  msg += "Message-ID: <dunning." + l.as_of.iso() + "." + document_file_stem(l.customer_id) + "." + l.currency + ".level" +
         std::to_string(l.level) + "@" + domain + ">\r\n";
  msg += "MIME-Version: 1.0\r\n";
  msg += "Content-Type: text/plain; charset=utf-8\r\n";
  msg += "Content-Transfer-Encoding: 8bit\r\n";
  msg += "\r\n";
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t nl = text.find('\n', pos);
    std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    msg += line + "\r\n";
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  return msg;
}

std::string dunning_file_name(const DunningLetter& l) {
  return l.as_of.iso() + "_" + document_file_stem(l.customer_id) + "_" + l.currency + "_level" + std::to_string(l.level) + ".eml";
}

}  // namespace otc::report
