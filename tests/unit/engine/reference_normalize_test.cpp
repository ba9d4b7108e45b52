#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "otc/engine/reference_normalize.hpp"

using namespace otc::engine;

namespace {

std::vector<std::string> keys_of(std::string_view text, bool structured = false) {
  std::vector<RefCandidate> out;
  extract_references(text, structured, out);
  std::vector<std::string> keys;
  for (const auto& c : out) keys.emplace_back(c.key_view());
  return keys;
}

}  // namespace

TEST_CASE("Matching: invoice key drops letters, punctuation and leading zeros", "[matching]") {
  CHECK(invoice_key("INV-000123") == "123");
  CHECK(invoice_key("inv 123") == "123");
  CHECK(invoice_key("#000123") == "123");
  CHECK(invoice_key("INV000123") == "123");
  CHECK(invoice_key("2024-0001") == "2024-1");
  CHECK(invoice_key("INV-000000") == "0");
  CHECK(invoice_key("no digits") == "");
  CHECK(last_run_key("2024-1") == "1");
  CHECK(last_run_key("123") == "");
}

TEST_CASE("Matching: compact reference keeps upper-case letters and digits", "[matching]") {
  std::string out;
  append_compact("inv-000 123/a", out);
  CHECK(out == "INV000123A");
}

TEST_CASE("Matching: references in free text, amounts and dates skipped", "[matching]") {
  std::vector<RefCandidate> out;
  extract_references("Payment inv 123 and 124, total 1,234.56 on 2024-03-15", false, out);
  REQUIRE(out.size() == 2);
  CHECK(out[0].key_view() == "123");
  CHECK(out[0].context == RefContext::kInvoiceWord);
  CHECK(out[1].key_view() == "124");
  CHECK(out[1].context == RefContext::kInvoiceWord);
}

TEST_CASE("Matching: customer formats of one invoice number give the same key", "[matching]") {
  const std::string text = GENERATE(std::string("INV-000123"), std::string("inv 123"), std::string("#123"),
                                    std::string("Inv#000123 paid"), std::string("Invoice no. 000123"),
                                    std::string("PMT FOR INV000123"), std::string("INV 000123"));
  std::vector<RefCandidate> out;
  extract_references(text, false, out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].key_view() == "123");
  CHECK(out[0].context == RefContext::kInvoiceWord);
}

TEST_CASE("Matching: order and customer numbers are not invoice references", "[matching]") {
  CHECK(keys_of("PO 4711 INV 88") == std::vector<std::string>{"88"});
  CHECK(keys_of("CUST 99812 PO12345") == std::vector<std::string>{});
}

TEST_CASE("Matching: bare numbers need four digits", "[matching]") {
  std::vector<RefCandidate> out;
  extract_references("thanks 123 55512", false, out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].key_view() == "55512");
  CHECK(out[0].context == RefContext::kBare);
}

TEST_CASE("Matching: a structured field marks its references structured", "[matching]") {
  std::vector<RefCandidate> out;
  extract_references("INV-000123, INV-000124", true, out);
  REQUIRE(out.size() == 2);
  CHECK(out[0].context == RefContext::kStructured);
  CHECK(std::string(out[0].compact_view()) == "INV000123");
  CHECK(std::string(out[0].digits_view()) == "000123");
}

TEST_CASE("Matching: a slash list yields the joined key and each run", "[matching]") {
  CHECK(keys_of("Invoices 123/124") == std::vector<std::string>{"123-124", "123", "124"});
}

TEST_CASE("Matching: edit distance counts a transposition as one edit", "[matching]") {
  CHECK(edit_distance("123", "132", 2) == 1);
  CHECK(edit_distance("000123", "00123", 2) == 1);
  CHECK(edit_distance("123456", "123456", 2) == 0);
  CHECK(edit_distance("ACME", "ACEM", 2) == 1);
  CHECK(edit_distance("123456", "654321", 2) == 3);  // stops at limit + 1
  CHECK(edit_distance("12", "123456", 2) == 3);
}

TEST_CASE("Matching: one-edit digit variants include the usual typos", "[matching]") {
  std::set<std::string> variants;
  for_each_digit_edit("123", [&](std::string_view v) { variants.emplace(v); });
  CHECK(variants.count("132") == 1);   // transposition
  CHECK(variants.count("12") == 1);    // deletion
  CHECK(variants.count("1234") == 1);  // insertion
  CHECK(variants.count("923") == 1);   // substitution
  CHECK(variants.count("123") == 0);
  CHECK(variants.count("321") == 0);   // two edits
}
