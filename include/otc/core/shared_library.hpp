#pragma once
// A system library opened on first use (dlopen), not at process start: otc links neither libpq nor
// libxlsxwriter, so a command that needs neither (most of them, on a SQLite ledger) does not pay
// for loading them and the ~20 libraries they pull in (issue 12: the process start was a third of
// `aging` as of now). The libraries' own headers still declare the calls; the forwarding
// definitions live in src/store/pg/libpq_calls.cpp and src/report/xlsxwriter_calls.cpp.
#include <string>

namespace otc::core {

class SharedLibrary {
 public:
  /// `soname` e.g. "libpq.so.5"; `purpose` and `package` name what it is for and the Debian
  /// package that installs it, for the error when it cannot be opened.
  SharedLibrary(const char* soname, const char* purpose, const char* package);
  /// The address of `name` in the library, opening it first if needed; throws core::Error
  /// (kLedger) naming the library when it or the symbol is missing.
  void* symbol(const char* name);

 private:
  void open();
  const char* soname_;
  const char* purpose_;
  const char* package_;
  void* handle_ = nullptr;
};

}  // namespace otc::core
