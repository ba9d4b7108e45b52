#pragma once
// The few error types that abort a command. Only main() catches them.
#include <stdexcept>
#include <string>

namespace otc::core {

/// Where in an input a problem was found. line/column are 1-based; 0 means unknown.
struct SourceLocation {
  std::string file;
  long line = 0;
  int column = 0;
};

enum class ErrorKind {
  kInput,     ///< bad input data (exit 1)
  kLedger,    ///< ledger missing, locked, newer schema, constraint (exit 1)
  kUsage,     ///< bad command-line usage (exit 2)
  kOverflow,  ///< arithmetic would overflow (exit 1)
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string message, SourceLocation where = {}, std::string hint = {})
      : std::runtime_error(std::move(message)), kind_(kind), where_(std::move(where)),
        hint_(std::move(hint)) {}
  ErrorKind kind() const { return kind_; }
  const SourceLocation& where() const { return where_; }
  const std::string& hint() const { return hint_; }

 private:
  ErrorKind kind_;
  SourceLocation where_;
  std::string hint_;
};

/// Formats "FILE:LINE:COLUMN: message" (parts that are unknown are left out).
std::string format_location(const SourceLocation& where);

}  // namespace otc::core
