#pragma once
// PostgreSQL unit tests run only when OTC_TEST_PG_URI names a server (a libpq URI); each test
// works in a fresh schema, dropped afterwards.
#include <cstdlib>
#include <optional>
#include <random>
#include <string>

#include "store/pg/pg_db.hpp"

namespace otc::test {

inline std::optional<std::string> pg_uri() {
  const char* u = std::getenv("OTC_TEST_PG_URI");
  if (!u || !*u) return std::nullopt;
  return std::string(u);
}

/// A schema name no other test uses; dropped (with everything in it) when it leaves the scope.
struct PgSchema {
  explicit PgSchema(std::string uri_) : uri(std::move(uri_)) {
    std::random_device rd;
    name = "otc_unit_" + std::to_string(rd() % 1000000000u);
  }
  ~PgSchema() {
    try {
      store::pg::Db db(uri);
      db.exec("DROP SCHEMA IF EXISTS \"" + name + "\" CASCADE");
    } catch (...) {
    }
  }
  std::string uri;
  std::string name;
};

}  // namespace otc::test

/// Skips the rest of a test case without a server.
#define OTC_REQUIRE_PG(uri_var)                                              \
  auto uri_var##_opt = otc::test::pg_uri();                                  \
  if (!uri_var##_opt) {                                                      \
    WARN("OTC_TEST_PG_URI is not set: PostgreSQL test skipped");             \
    return;                                                                  \
  }                                                                          \
  const std::string uri_var = *uri_var##_opt
