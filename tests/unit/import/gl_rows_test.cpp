#include <catch2/catch.hpp>

#include <string>

#include "otc/core/error.hpp"
#include "otc/import/gl_rows.hpp"

using namespace otc;

namespace {

import::GlReadResult read(const std::string& text, const import::GlReadOptions& options = {}) {
  import::CsvReader csv("gl.csv", text, options.mapping && options.mapping->delimiter ? *options.mapping->delimiter : ',');
  return import::read_gl_rows(csv, options);
}

std::string issue_text(const core::Issue& i) { return core::format_location(i.where) + ": " + i.message; }

}  // namespace

TEST_CASE("GL rows: debit and credit columns, names from the generic profile", "[gl_rows]") {
  auto r = read(
      "Posting Date,GL Account,Debit Amount,Credit Amount,Currency,Source,Journal\n"
      "2026-09-30,1200,\"2,300.00\",,USD,Balance forward,BF-9\n"
      "2026-10-05,1200,,900.00,USD,Customer Payment,P3\n"
      "2026-10-06,1200,10.00,4.00,JPY,Invoice,JE-1\n");
  CHECK(r.issues.empty());
  REQUIRE(r.rows.size() == 3);
  CHECK(r.rows[0].date.iso() == "2026-09-30");
  CHECK(r.rows[0].account == "1200");
  CHECK(r.rows[0].debit_minor == 230000);
  CHECK(r.rows[0].credit_minor == 0);
  CHECK(r.rows[0].source == "Balance forward");
  CHECK(r.rows[0].journal_id == "BF-9");
  CHECK(r.rows[0].source_line == 2);
  CHECK(r.rows[1].debit_minor == 0);
  CHECK(r.rows[1].credit_minor == 90000);
  CHECK(r.rows[2].currency.view() == "JPY");  // amounts in the row's own currency
  CHECK(r.rows[2].debit_minor == 10);
  CHECK(r.rows[2].credit_minor == 4);
}

TEST_CASE("GL rows: one signed amount, US dates and no currency column through a mapping file", "[gl_rows]") {
  import::MappingFile map;
  map.columns = {{"date", "Posted"}, {"source", "Txn Type"}, {"journal_id", "Num"}};
  map.date_format = "%m/%d/%Y";
  map.decimal_comma = true;
  map.delimiter = ';';
  import::GlReadOptions o;
  o.mapping = &map;
  o.settings.default_currency = "EUR";
  auto r = read(
      "Posted;Account;Txn Type;Num;Amount\n"
      "10/01/2026;1200;Invoice;R-1;1.250,50\n"
      "10/05/2026;1200;Payment;Z-1;-900,00\n",
      o);
  CHECK(r.issues.empty());
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0].date.iso() == "2026-10-01");
  CHECK(r.rows[0].currency.view() == "EUR");
  CHECK(r.rows[0].debit_minor == 125050);
  CHECK(r.rows[0].credit_minor == 0);
  CHECK(r.rows[1].debit_minor == 0);
  CHECK(r.rows[1].credit_minor == 90000);
  CHECK(r.rows[1].source == "Payment");
  CHECK(r.rows[1].journal_id == "Z-1");
}

TEST_CASE("GL rows: the NetSuite profile reads Type as the source", "[gl_rows]") {
  import::GlReadOptions o;
  o.profile = "netsuite";
  o.settings.default_currency = "USD";
  auto r = read("Date,Type,Document Number,Account,Debit,Credit\n2026-10-01,Invoice,INV-7,1200 Accounts Receivable,50.00,\n", o);
  REQUIRE(r.rows.size() == 1);
  CHECK(r.rows[0].source == "Invoice");
  CHECK(r.rows[0].journal_id == "INV-7");
  CHECK(r.rows[0].account == "1200 Accounts Receivable");
}

TEST_CASE("GL rows: every bad row is listed with FILE:LINE:COLUMN and left out", "[gl_rows]") {
  import::GlReadOptions o;
  auto r = read(
      "date,account,debit,credit,currency,source\n"
      "2026-10-01,1200,250.50,,EUR,Invoice\n"
      "2026-10-32,1200,,900.00,USD,Customer Payment\n"
      "2026-10-05,1200,,9x0.00,USD,Customer Payment\n"
      "2026-10-06,1200,1.005,,USD,Invoice\n"
      ",1200,1.00,,XYZ,Invoice\n"
      "2026-10-07,1200,1.00,,,Invoice\n",
      o);
  REQUIRE(r.rows.size() == 1);
  CHECK(r.rows[0].currency.view() == "EUR");
  REQUIRE(r.issues.size() == 6);
  CHECK(issue_text(r.issues[0]) ==
        "gl.csv:3:1: date '2026-10-32' is not a date (expected YYYY-MM-DD; declare another format with --date-format)");
  CHECK(issue_text(r.issues[1]) == "gl.csv:4:4: credit '9x0.00': not an amount");
  CHECK(issue_text(r.issues[2]) == "gl.csv:5:3: debit '1.005': more decimal places than the currency allows (USD has 2)");
  CHECK(issue_text(r.issues[3]) == "gl.csv:6:1: date is empty");
  CHECK(issue_text(r.issues[4]) == "gl.csv:6:5: currency 'XYZ' is not an ISO 4217 code");
  CHECK(issue_text(r.issues[5]) == "gl.csv:7:5: currency is empty and no default currency is set (--currency)");
}

TEST_CASE("GL rows: a header without the date or any amount column fails at line 1", "[gl_rows]") {
  try {
    read("date,account,source\n2026-10-01,1200,Invoice\n");
    FAIL("no error");
  } catch (const core::Error& e) {
    CHECK(std::string(e.what()) == "no column for the amount: a GL export needs debit and credit columns, or one signed amount");
    CHECK(core::format_location(e.where()) == "gl.csv:1");
  }
  CHECK_THROWS_WITH(read("when,amount\n2026-10-01,1\n"), "no column for required field(s): date");
  CHECK_THROWS_WITH(read(""), "file is empty (expected a header row)");
}
