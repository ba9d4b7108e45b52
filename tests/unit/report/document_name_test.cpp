#include "otc/report/document_name.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string>

using otc::report::document_file_stem;
using otc::report::id_from_file_stem;

TEST_CASE("document_file_stem: ids that fold to one name elsewhere stay apart", "[report][document_name]") {
  CHECK(document_file_stem("COL/1") == "COL%2F1");
  CHECK(document_file_stem("COL_1") == "COL_1");
  CHECK(document_file_stem("COL:1") == "COL%3A1");
  CHECK(document_file_stem("A B") == "A%20B");
  CHECK(document_file_stem("50%") == "50%25");
  CHECK(document_file_stem("..") == "%2E.");
  CHECK(document_file_stem(".hidden") == "%2Ehidden");
  CHECK(document_file_stem("Müller") == "M%C3%BCller");
  CHECK(document_file_stem("") == "%");
}

TEST_CASE("document_file_stem: reversible and collision-free", "[report][document_name]") {
  const std::string ids[] = {"COL/1", "COL_1", "COL:1", "COL%2F1", "%", "", ".a", "%2Ea", "INV-0001", "Müller & Co"};
  std::set<std::string> stems;
  for (const auto& id : ids) {
    const std::string stem = document_file_stem(id);
    CHECK(id_from_file_stem(stem) == id);
    CHECK(stem.find('/') == std::string::npos);
    stems.insert(stem);
  }
  CHECK(stems.size() == std::size(ids));
}
