#include <catch2/catch.hpp>

#include <vector>

#include "otc/engine/name_match.hpp"

using namespace otc::engine;

TEST_CASE("Matching: payer names normalise legal forms, case and punctuation away", "[matching]") {
  CHECK(normalize_name("Acme Corporation Inc.") == "ACME");
  CHECK(normalize_name("ACME CORP") == "ACME");
  CHECK(normalize_name("Acme, L.L.C.") == "ACME");
  CHECK(normalize_name("A.C.M.E. Int'l, LLC") == "ACME INTERNATIONAL");
  CHECK(normalize_name("The Smith & Sons Co") == "SMITH AND SONS");
  CHECK(normalize_name("M\xC3\xBCller GmbH") == "MULLER");
  CHECK(normalize_name("Corp Solutions") == "CORP SOLUTIONS");  // never the first word
}

TEST_CASE("Matching: a name cut inside its legal form loses the fragment", "[matching]") {
  CHECK(normalize_name("MOFAN PRINTING COR") == "MOFAN PRINTING");
  CHECK(normalize_name("NENCEVA DENTAL L.L") == "NENCEVA DENTAL");
  CHECK(normalize_name("COLENRA GROUP, GMB") == "COLENRA GROUP");
}

TEST_CASE("Matching: name similarity scores", "[matching]") {
  CHECK(name_similarity("ACME FOODS", "ACME FOODS") == 1.0);
  CHECK(name_similarity("ACME FOODS", "ACME LOGISTICS") == Approx(1.0 / 3.0));
  CHECK(name_similarity("ACEM FOODS", "ACME FOODS") == Approx(1.9 / 2.1));  // one typo
  CHECK(name_similarity("MEGASOFT", "MEGA SOFT") == Approx(0.97));          // spacing
  CHECK(name_similarity("LESENTEK INDUSTRIA", "LESENTEK INDUSTRIAL SUPPLY") == Approx(0.9));  // bank cut
  CHECK(name_similarity("NORTHWIND LOGISTICS", "NORTHWIND LOGISTICS SERVICES") == Approx(0.9));
  CHECK(name_similarity("ACME", "") == 0.0);
}

TEST_CASE("Matching: name index finds exact names, aliases and typos", "[matching]") {
  NameIndex index;
  index.add(0, "Acme Foods Inc");
  index.add(1, "Acme Logistics LLC");
  index.add(2, "Globex Corporation");
  index.add(2, "Globex Trading");  // alias
  index.build();
  NameIndex::Scratch scratch;
  std::vector<NameHit> hits;

  index.lookup("ACME FOODS CORP", hits, scratch);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].owner == 0);
  CHECK(hits[0].exact);

  index.lookup("GLOBEX TRADING", hits, scratch);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].owner == 2);

  index.lookup("ACEM FOODS", hits, scratch);
  REQUIRE_FALSE(hits.empty());
  CHECK(hits[0].owner == 0);
  CHECK_FALSE(hits[0].exact);
  CHECK(hits[0].score == Approx(1.9 / 2.1));

  index.lookup("Initech", hits, scratch);
  CHECK(hits.empty());
}
