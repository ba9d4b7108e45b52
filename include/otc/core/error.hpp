#pragma once
// The few error types that abort a command, and the one {where, message} issue type that readers
// and use cases report bad rows with. Only main() catches and prints (src/cli/error_printer.cpp).
#include <stdexcept>
#include <string>
#include <vector>

namespace otc::core {

/// Where in an input a problem was found. line/column are 1-based; 0 means unknown. For CSV
/// files `column` is the field number; `caret` is the byte offset of the problem in `text`.
struct SourceLocation {
  std::string file;
  long line = 0;
  int column = 0;
  std::string text;   ///< the offending input line, when known (the printer cuts it to 200 characters)
  int caret = -1;     ///< byte offset in `text` the caret points at; -1 = unknown
};

/// One bad row or cell: where, and why. Readers collect them; the caller decides whether to go on.
struct Issue {
  SourceLocation where;
  std::string message;
};

enum class ErrorKind {
  kInput,         ///< bad input data (exit 1)
  kLedger,        ///< ledger missing, locked, newer schema, constraint (exit 1)
  kUsage,         ///< bad command-line usage (exit 2)
  kOverflow,      ///< arithmetic would overflow (exit 1)
  kPeriodClosed,  ///< a posting dated in a closed period (exit 1)
  kNotFound,      ///< a named record (invoice, payment, application) is not in the ledger (exit 1)
  kReportNotPlaced,  ///< the ledger changed, but its report could not be put in place (exit 4)
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string message, SourceLocation where = {}, std::string hint = {})
      : std::runtime_error(std::move(message)), kind_(kind), where_(std::move(where)),
        hint_(std::move(hint)) {}
  ErrorKind kind() const { return kind_; }
  const SourceLocation& where() const { return where_; }
  const std::string& hint() const { return hint_; }
  /// Outermost first: "while applying bank.bai2", "while reading line 40", ...
  const std::vector<std::string>& context() const { return context_; }
  /// Bad rows found before the error was raised, each printed with its line and caret.
  const std::vector<Issue>& issues() const { return issues_; }

  /// Adds a context line ("while ..."); used where an error passes through a layer that knows more.
  Error& add_context(std::string what) {
    context_.insert(context_.begin(), std::move(what));
    return *this;
  }
  Error& with_issues(std::vector<Issue> issues) {
    issues_ = std::move(issues);
    return *this;
  }

 private:
  ErrorKind kind_;
  SourceLocation where_;
  std::string hint_;
  std::vector<std::string> context_;
  std::vector<Issue> issues_;
};

/// Formats "FILE:LINE:COLUMN" (parts that are unknown are left out).
std::string format_location(const SourceLocation& where);

}  // namespace otc::core
