#pragma once
// RAII transactions over a LedgerStore: every use case opens exactly one; leaving the scope
// without commit() rolls back, so an exception can never leave half a write behind.
#include "otc/store/ledger_store.hpp"

namespace otc::store {

/// How many write transactions this process has committed (on any ledger): whether "the ledger
/// changed" when a report fails afterwards (exit 4, not 1: docs/output.md).
inline int& committed_write_count() {
  static int count = 0;
  return count;
}

/// Takes the writer lock at once (waits for another writer up to the busy timeout).
class WriteTransaction {
 public:
  explicit WriteTransaction(LedgerStore& store) : store_(store) { store_.begin_write(); }
  ~WriteTransaction() {
    if (open_) {
      try { store_.rollback(); } catch (...) {}  // a destructor must not throw; the error in flight wins
    }
  }
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;

  void commit() {
    open_ = false;
    store_.commit();
    ++committed_write_count();
  }
  /// Ends the transaction writing nothing (dry runs, nothing new to post).
  void rollback() {
    open_ = false;
    store_.rollback();
  }
  bool open() const { return open_; }
  LedgerStore& store() { return store_; }

 private:
  LedgerStore& store_;
  bool open_ = true;
};

/// A consistent snapshot for reports: every read inside sees the same ledger.
class ReadTransaction {
 public:
  explicit ReadTransaction(LedgerStore& store) : store_(store) { store_.begin_read(); }
  ~ReadTransaction() {
    if (open_) {
      try { store_.rollback(); } catch (...) {}
    }
  }
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;
  void end() {
    open_ = false;
    store_.commit();
  }

 private:
  LedgerStore& store_;
  bool open_ = true;
};

}  // namespace otc::store
