#include <catch2/catch.hpp>

#include "otc/core/error.hpp"
#include "otc/report/dunning_email.hpp"

using namespace otc;

TEST_CASE("dunning e-mail: headers, CRLF, placeholders", "[dunning-email]") {
  import::PolicyTemplate t{"t.txt", "t.txt", "Subject: {{ currency }} {{total_past_due}} due\n\nHello {{customer_name}},\n{{invoices}}\n"};
  report::DunningLetter l;
  l.customer_id = "C/1";
  l.customer_name = "Zoë \"Z\" AG";
  l.to_address = "ap@z.example";
  l.from = "AR Team <ar@seller.example>";
  l.currency = "EUR";
  l.level = 2;
  l.as_of = *core::Date::from_ymd(2026, 12, 2);
  l.total_minor = 123450;
  l.invoices.push_back({"INV-9", *core::Date::from_ymd(2026, 9, 1), *core::Date::from_ymd(2026, 10, 1), 62, 123450});
  auto m = report::dunning_email(l, t);
  CHECK(m == "From: \"AR Team\" <ar@seller.example>\r\n"
             "To: =?utf-8?B?Wm/DqyAiWiIgQUc=?= <ap@z.example>\r\n"
             "Subject: EUR 1234.50 due\r\n"
             "Date: Wed, 02 Dec 2026 00:00:00 +0000\r\n"
             "Message-ID: <dunning.2026-12-02.C%2F1.EUR.level2@seller.example>\r\n"
             "MIME-Version: 1.0\r\n"
             "Content-Type: text/plain; charset=utf-8\r\n"
             "Content-Transfer-Encoding: 8bit\r\n"
             "\r\n"
             "Hello Zoë \"Z\" AG,\r\n"
             "  Invoice  Date        Due         Days past due   Amount\r\n"
             "  INV-9    2026-09-01  2026-10-01             62  1234.50\r\n");
  CHECK(report::dunning_file_name(l) == "2026-12-02_C%2F1_EUR_level2.eml");
}

TEST_CASE("dunning e-mail: an unknown placeholder names the template file and line", "[dunning-email]") {
  import::PolicyTemplate t{"l1.txt", "mail/l1.txt", "Subject: x\n\nDear {{customer_name}},\nPay {{amount_due}} now.\n"};
  try {
    report::check_template(t);
    FAIL("no error");
  } catch (const core::Error& e) {
    CHECK(std::string(e.what()) == "unknown placeholder {{amount_due}} in template l1.txt");
    CHECK(core::format_location(e.where()) == "mail/l1.txt:4:5");
    CHECK(e.where().text == "Pay {{amount_due}} now.");
  }
}
