#pragma once
// Shared by the bank reader tests: where the fixtures are and how a file is read strictly or
// leniently. Each test file sets kTestFormat (kAuto: detect) and kCorpusFolder before including.
#include <string>

#include "otc/import/bank/bank_reader.hpp"

namespace bank_test {

using otc::core::Date;
using otc::import::BankFormat;
using otc::import::BankReadOptions;
using otc::import::BankReadResult;
using otc::import::read_bank_file;

inline std::string corpus_path(const std::string& folder, const std::string& rel) {
  return std::string(OTC_SOURCE_DIR) + "/tests/fixtures/corpus/" + folder + rel;
}
inline std::string fixture(const std::string& rel) { return std::string(OTC_SOURCE_DIR) + "/tests/fixtures/bank/" + rel; }
inline Date ymd(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

inline BankReadResult read_strict(const std::string& path, BankFormat format) { return read_bank_file(path, format, {}); }
inline BankReadResult read_lenient(const std::string& path, BankFormat format) {
  BankReadOptions o;
  o.lenient = true;
  return read_bank_file(path, format, o);
}
/// "FILE:LINE: reason" of a strict read's error, or "no error".
inline std::string strict_error_of(const std::string& path, BankFormat format) {
  try {
    read_strict(path, format);
  } catch (const otc::core::Error& e) {
    return otc::core::format_location(e.where()) + ": " + e.what();
  }
  return "no error";
}
inline int failed_checks(const BankReadResult& r) {
  int n = 0;
  for (const auto& c : r.checks) n += c.ok ? 0 : 1;
  return n;
}

}  // namespace bank_test
