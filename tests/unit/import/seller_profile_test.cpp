#include <catch2/catch.hpp>

#include "otc/core/error.hpp"
#include "otc/import/seller_profile.hpp"

using namespace otc;

TEST_CASE("seller profile: TOML and INI forms, lines, escapes, comments", "[import][seller]") {
  auto p = import::parse_seller_profile(
      "# Brightline\n"
      "[seller]\n"
      "name = \"Brightline \\\"Cloud\\\", Inc.\"\n"
      "address = [\"1 Main St\", \"Suite #5\"]\n"
      "email = ar@brightline.example   # a comment\n"
      "[remittance]\r\n"
      "bank = First Bank\r\n"
      "iban = \"DE89 3704 0044 0532 0130 00\"\n"
      "instructions = Checks to PO Box 100; Springfield\n"
      "; an INI comment\n"
      "[statement]\n"
      "note = Thank you\n",
      "seller.toml");
  CHECK(p.name == "Brightline \"Cloud\", Inc.");
  REQUIRE(p.address.size() == 2);
  CHECK(p.address[1] == "Suite #5");
  CHECK(p.email == "ar@brightline.example");
  REQUIRE(p.remittance.size() == 4);
  CHECK(p.remittance[0] == "Bank: First Bank");
  CHECK(p.remittance[1] == "IBAN: DE89 3704 0044 0532 0130 00");
  CHECK(p.remittance[2] == "Checks to PO Box 100");
  CHECK(p.remittance[3] == "Springfield");
  CHECK(p.statement_note == "Thank you");
}

TEST_CASE("seller profile: errors name the file, line and column", "[import][seller]") {
  auto where = [](const std::string& text) {
    try {
      import::parse_seller_profile(text, "seller.ini");
    } catch (const core::Error& e) {
      return core::format_location(e.where()) + ": " + e.what();
    }
    return std::string("no error");
  };
  CHECK(where("[seller]\nnmae = x\n") == "seller.ini:2:1: unknown key 'nmae' in [seller]");
  CHECK(where("[bank]\n") == "seller.ini:1:1: unknown section [bank]");
  CHECK(where("name = x\n") == "seller.ini:1:1: key 'name' before any section");
  CHECK(where("[seller]\nname = \"open\n") == "seller.ini:2:8: unterminated quoted value");
  CHECK(where("[seller]\njust text\n") == "seller.ini:2:1: expected `key = value`");
}
