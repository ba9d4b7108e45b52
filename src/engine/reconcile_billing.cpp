#include "otc/core/text.hpp"
#include "otc/engine/reconcile_billing.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <memory>
#include <string_view>
#include <thread>

#include "otc/core/error.hpp"

namespace otc::engine {
namespace {

using core::Error;
using core::ErrorKind;

// ---------------------------------------------------------------------------------------------
// Compact record encoding. A side's lines are stored as length-prefixed records in one byte
// arena, and in the same form in spilled run files: a 4-byte record length, varints for the
// string lengths, ordinal, source line and the four numbers (zigzag), the currency, then the key,
// customer and document bytes. No per-line allocation; about as many bytes as the CSV line.

struct Fields {
  std::uint64_t hash;         // of the key: the primary sort order
  std::uint32_t ordinal;      // input order within the side
  std::uint32_t source_line;
  std::int64_t quantity;
  std::int64_t unit_price;
  std::int64_t discount;
  std::int64_t amount_minor;
  char currency[3];
  std::int8_t exponent;
};

// A decoded record: views into the arena or a run buffer, valid until that buffer moves on.
struct LineRef {
  Fields h;
  std::string_view key, customer, document;
};

// A 64-bit hash of the key, eight bytes at a time (multiply-xorshift mixing). Fixed constants and
// little-endian loads: the same on every run, so the order of the breaks is too.
std::uint64_t key_hash(std::string_view key) {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ULL;
  std::uint64_t h = 0x243F6A8885A308D3ULL ^ (key.size() * kMul);
  const char* p = key.data();
  std::size_t n = key.size();
  auto mix = [&](std::uint64_t w) {
    h ^= w * 0xBF58476D1CE4E5B9ULL;
    h = (h << 31 | h >> 33) * kMul;
  };
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    mix(w);
  }
  if (n > 0) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, n);
    mix(w ^ 0xFF);
  }
  h ^= h >> 29;
  h *= 0x94D049BB133111EBULL;
  h ^= h >> 32;
  return h;
}

char* put_varint(char* p, std::uint64_t v) {
  while (v >= 0x80) {
    *p++ = static_cast<char>(v | 0x80);
    v >>= 7;
  }
  *p++ = static_cast<char>(v);
  return p;
}
char* put_signed(char* p, std::int64_t v) {
  return put_varint(p, (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
}
std::uint64_t get_varint(const char*& p) {
  std::uint64_t v = 0;
  for (int shift = 0;; shift += 7) {
    auto b = static_cast<unsigned char>(*p++);
    v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
    if (b < 0x80) return v;
  }
}
std::int64_t get_signed(const char*& p) {
  std::uint64_t u = get_varint(p);
  return static_cast<std::int64_t>(u >> 1) ^ -static_cast<std::int64_t>(u & 1);
}

std::uint32_t record_size(const char* p) {
  std::uint32_t n;
  std::memcpy(&n, p, 4);
  return n;
}

LineRef decode(const char* p) {
  LineRef r;
  const char* q = p + 4;
  auto key_len = static_cast<std::size_t>(get_varint(q));
  auto customer_len = static_cast<std::size_t>(get_varint(q));
  auto document_len = static_cast<std::size_t>(get_varint(q));
  r.h.ordinal = static_cast<std::uint32_t>(get_varint(q));
  r.h.source_line = static_cast<std::uint32_t>(get_varint(q));
  r.h.quantity = get_signed(q);
  r.h.unit_price = get_signed(q);
  r.h.discount = get_signed(q);
  r.h.amount_minor = get_signed(q);
  std::memcpy(r.h.currency, q, 3);
  r.h.exponent = static_cast<std::int8_t>(q[3]);
  q += 4;
  r.key = std::string_view(q, key_len);
  r.customer = std::string_view(q + key_len, customer_len);
  r.document = std::string_view(q + key_len + customer_len, document_len);
  r.h.hash = key_hash(r.key);
  return r;
}

// The merge order of both sides: key hash, then key bytes (so equal hashes of different keys
// still separate), then input order.
int compare_refs(const LineRef& a, const LineRef& b) {
  if (a.h.hash != b.h.hash) return a.h.hash < b.h.hash ? -1 : 1;
  int c = a.key.compare(b.key);
  if (c != 0) return c;
  if (a.h.ordinal != b.h.ordinal) return a.h.ordinal < b.h.ordinal ? -1 : 1;
  return 0;
}

void append_record(std::vector<char>& arena, const BillingLine& line, std::uint32_t ordinal) {
  char head[4 + 9 * 10 + 4];
  char* p = head + 4;
  p = put_varint(p, line.key.size());
  p = put_varint(p, line.customer.size());
  p = put_varint(p, line.document.size());
  p = put_varint(p, ordinal);
  p = put_varint(p, line.source_line <= 0 ? 0 : static_cast<std::uint64_t>(std::min<long>(line.source_line, 0xFFFFFFFFL)));
  p = put_signed(p, line.quantity);
  p = put_signed(p, line.unit_price);
  p = put_signed(p, line.discount);
  p = put_signed(p, line.amount_minor);
  std::memcpy(p, line.currency.code, 3);
  p[3] = static_cast<char>(line.currency.exponent);
  p += 4;
  std::size_t total = static_cast<std::size_t>(p - head) + line.key.size() + line.customer.size() + line.document.size();
  if (total > 0xFFFFFFFFu) throw Error(ErrorKind::kInput, "a billing line is too long");
  auto total32 = static_cast<std::uint32_t>(total);
  std::memcpy(head, &total32, 4);
  arena.insert(arena.end(), head, p);
  arena.insert(arena.end(), line.key.begin(), line.key.end());
  arena.insert(arena.end(), line.customer.begin(), line.customer.end());
  arena.insert(arena.end(), line.document.begin(), line.document.end());
}

// ---------------------------------------------------------------------------------------------
// Spilled runs: an unlinked temporary file per run, written once and read once, sequentially.

class TempRun {
 public:
  explicit TempRun(const std::string& dir) {
    std::string pattern = dir + "/otc-reconcile-XXXXXX";
    fd_ = ::mkstemp(pattern.data());
    if (fd_ < 0)
      throw Error(ErrorKind::kInput, std::string("cannot create a temporary file in ") + dir + ": " + std::strerror(errno),
                  {}, "set a writable directory with TMPDIR");
    ::unlink(pattern.c_str());  // nothing is left behind, even if the process dies
  }
  ~TempRun() {
    if (fd_ >= 0) ::close(fd_);
  }
  TempRun(const TempRun&) = delete;
  TempRun& operator=(const TempRun&) = delete;

  void write_all(const char* p, std::size_t n) {
    while (n > 0) {
      ssize_t w = ::write(fd_, p, n);
      if (w < 0) {
        if (errno == EINTR) continue;
        throw Error(ErrorKind::kInput, std::string("cannot write a temporary file: ") + std::strerror(errno));
      }
      p += w;
      n -= static_cast<std::size_t>(w);
      written_ += static_cast<std::uint64_t>(w);
    }
  }
  std::size_t read_at(char* p, std::size_t n, std::uint64_t offset) const {
    for (;;) {
      ssize_t r = ::pread(fd_, p, n, static_cast<off_t>(offset));
      if (r < 0 && errno == EINTR) continue;
      if (r < 0) throw Error(ErrorKind::kInput, std::string("cannot read a temporary file: ") + std::strerror(errno));
      return static_cast<std::size_t>(r);
    }
  }
  std::uint64_t size() const { return written_; }

 private:
  int fd_ = -1;
  std::uint64_t written_ = 0;
};

// One sorted input to the k-way merge: either the in-memory chunk or a spilled run.
class Cursor {
 public:
  virtual ~Cursor() = default;
  /// Moves to the next record; false at the end. `current()` is valid until the next call.
  virtual bool advance() = 0;
  const LineRef& current() const { return cur_; }

 protected:
  LineRef cur_;
};

struct IndexEntry {
  std::uint64_t hash;
  std::uint32_t offset;
  std::uint32_t ordinal;
};

class MemoryCursor : public Cursor {
 public:
  MemoryCursor(const std::vector<char>& arena, const std::vector<IndexEntry>& index) : arena_(arena), index_(index) {}
  bool advance() override {
    if (pos_ >= index_.size()) return false;
    cur_ = decode(arena_.data() + index_[pos_++].offset);
    return true;
  }

 private:
  const std::vector<char>& arena_;
  const std::vector<IndexEntry>& index_;
  std::size_t pos_ = 0;
};

class RunCursor : public Cursor {
 public:
  explicit RunCursor(std::unique_ptr<TempRun> run) : run_(std::move(run)) { buf_.resize(kBufferSize); }
  bool advance() override {
    if (!ensure(4)) return false;
    std::uint32_t total = record_size(buf_.data() + pos_);
    if (!ensure(total)) throw Error(ErrorKind::kInput, "a temporary sort file was truncated");
    cur_ = decode(buf_.data() + pos_);
    pos_ += total;
    return true;
  }

 private:
  static constexpr std::size_t kBufferSize = 256u << 10;
  // Makes `n` bytes available at pos_, refilling (and growing for a huge record) as needed.
  bool ensure(std::size_t n) {
    if (end_ - pos_ >= n) return true;
    std::size_t have = end_ - pos_;
    std::memmove(buf_.data(), buf_.data() + pos_, have);
    pos_ = 0;
    end_ = have;
    if (buf_.size() < n) buf_.resize(n);
    while (end_ < n && file_offset_ < run_->size()) {
      std::size_t got = run_->read_at(buf_.data() + end_, buf_.size() - end_, file_offset_);
      if (got == 0) break;
      end_ += got;
      file_offset_ += got;
    }
    return end_ - pos_ >= n;
  }

  std::unique_ptr<TempRun> run_;
  std::vector<char> buf_;
  std::size_t pos_ = 0, end_ = 0;
  std::uint64_t file_offset_ = 0;
};

// ---------------------------------------------------------------------------------------------
// One side: collects lines within a memory budget, spilling sorted runs; then yields all lines
// in merge order.

class SideSorter {
 public:
  SideSorter(std::size_t budget, std::string temp_dir) : budget_(std::max<std::size_t>(budget, 1)), temp_dir_(std::move(temp_dir)) {
    arena_.reserve(budget_);  // address space only: pages are touched as lines arrive
  }

  void consume(BillingLineSource& source) {
    BillingLine line;
    while (source.next(line)) {
      if (count_ == 0xFFFFFFFFu) throw Error(ErrorKind::kInput, "too many billing lines (more than 4294967295)");
      if (arena_.size() + index_.size() * sizeof(IndexEntry) >= budget_ && !index_.empty()) spill();
      if (arena_.size() > 0xFFFFFFFFu - (1u << 24)) spill();  // offsets are 32-bit
      auto offset = static_cast<std::uint32_t>(arena_.size());
      append_record(arena_, line, count_);
      index_.push_back({key_hash(line.key), offset, count_});
      ++count_;
    }
    sort_chunk();
  }

  std::uint64_t count() const { return count_; }
  std::uint64_t runs() const { return runs_.size(); }
  std::uint64_t spilled_bytes() const { return spilled_bytes_; }

  /// The cursors to merge: the spilled runs and the last chunk, kept in memory.
  std::vector<std::unique_ptr<Cursor>> cursors() {
    std::vector<std::unique_ptr<Cursor>> out;
    for (auto& run : runs_) out.push_back(std::make_unique<RunCursor>(std::move(run)));
    runs_.clear();
    if (!index_.empty()) out.push_back(std::make_unique<MemoryCursor>(arena_, index_));
    return out;
  }

 private:
  void sort_chunk() {
    const char* base = arena_.data();
    std::sort(index_.begin(), index_.end(), [base](const IndexEntry& a, const IndexEntry& b) {
      if (a.hash != b.hash) return a.hash < b.hash;
      LineRef ra = decode(base + a.offset), rb = decode(base + b.offset);
      int c = ra.key.compare(rb.key);
      if (c != 0) return c < 0;
      return a.ordinal < b.ordinal;
    });
  }

  void spill() {
    sort_chunk();
    if (temp_dir_.empty())
      throw Error(ErrorKind::kInput, "the billing sort needs a directory for temporary files and none was given");
    auto run = std::make_unique<TempRun>(temp_dir_);
    std::vector<char> out;
    out.reserve(1u << 20);
    for (const IndexEntry& e : index_) {
      const char* rec = arena_.data() + e.offset;
      out.insert(out.end(), rec, rec + record_size(rec));
      if (out.size() >= (1u << 20)) {
        run->write_all(out.data(), out.size());
        out.clear();
      }
    }
    if (!out.empty()) run->write_all(out.data(), out.size());
    spilled_bytes_ += run->size();
    runs_.push_back(std::move(run));
    arena_.clear();
    index_.clear();
  }

  std::size_t budget_;
  std::string temp_dir_;
  std::vector<char> arena_;
  std::vector<IndexEntry> index_;
  std::vector<std::unique_ptr<TempRun>> runs_;
  std::uint32_t count_ = 0;
  std::uint64_t spilled_bytes_ = 0;
};

// A k-way merge of a side's cursors, in merge order.
class MergedStream {
 public:
  explicit MergedStream(std::vector<std::unique_ptr<Cursor>> cursors) : cursors_(std::move(cursors)) {
    for (std::size_t i = 0; i < cursors_.size(); ++i)
      if (cursors_[i]->advance()) heap_.push_back(i);
    std::make_heap(heap_.begin(), heap_.end(), Greater{this});
  }
  /// The next line, or nullptr at the end. Valid until the next call.
  const LineRef* next() {
    if (pending_ != kNone) {
      if (cursors_[pending_]->advance()) {
        heap_.push_back(pending_);
        std::push_heap(heap_.begin(), heap_.end(), Greater{this});
      }
      pending_ = kNone;
    }
    if (heap_.empty()) return nullptr;
    std::pop_heap(heap_.begin(), heap_.end(), Greater{this});
    pending_ = heap_.back();
    heap_.pop_back();
    return &cursors_[pending_]->current();
  }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  struct Greater {
    const MergedStream* self;
    bool operator()(std::size_t a, std::size_t b) const {
      return compare_refs(self->cursors_[a]->current(), self->cursors_[b]->current()) > 0;
    }
  };
  std::vector<std::unique_ptr<Cursor>> cursors_;
  std::vector<std::size_t> heap_;
  std::size_t pending_ = kNone;
};

// ---------------------------------------------------------------------------------------------
// Comparing one key's lines.

struct OwnedLine {
  std::string key, customer, document;
  std::int64_t quantity = 0, unit_price = 0, discount = 0, amount_minor = 0;
  core::Currency currency;
  std::uint32_t ordinal = 0;
  std::uint32_t source_line = 0;

  void assign(const LineRef& r) {
    key.assign(r.key);
    customer.assign(r.customer);
    document.assign(r.document);
    quantity = r.h.quantity;
    unit_price = r.h.unit_price;
    discount = r.h.discount;
    amount_minor = r.h.amount_minor;
    std::memcpy(currency.code, r.h.currency, 3);
    currency.code[3] = '\0';
    currency.exponent = r.h.exponent;
    ordinal = r.h.ordinal;
    source_line = r.h.source_line;
  }
};

enum DiffBit : unsigned {
  kDiffCurrency = 1u << 0,
  kDiffCustomer = 1u << 1,
  kDiffQuantity = 1u << 2,
  kDiffPrice = 1u << 3,
  kDiffDiscount = 1u << 4,
  kDiffAmount = 1u << 5,
};

using core::trim;

bool same_customer(std::string_view a, std::string_view b, bool ignore_case) {
  a = trim(a);
  b = trim(b);
  if (!ignore_case) return a == b;
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    unsigned char x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
    if (x >= 'A' && x <= 'Z') x = static_cast<unsigned char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<unsigned char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

bool beyond(std::int64_t a, std::int64_t b, std::int64_t tolerance) {
  __int128 d = static_cast<__int128>(a) - b;
  if (d < 0) d = -d;
  return d > tolerance;
}

unsigned diff_fields(const OwnedLine& c, const OwnedLine& e, const BillingReconcileOptions& o) {
  unsigned d = 0;
  bool currency_differs = o.compare_currency && !(c.currency == e.currency);
  if (currency_differs) d |= kDiffCurrency;
  if (o.compare_customer && !same_customer(c.customer, e.customer, o.customer_ignore_case)) d |= kDiffCustomer;
  if (o.compare_quantity && beyond(c.quantity, e.quantity, o.quantity_tolerance)) d |= kDiffQuantity;
  if (!currency_differs) {
    if (o.compare_unit_price && beyond(c.unit_price, e.unit_price, o.price_tolerance)) d |= kDiffPrice;
    if (o.compare_discount && beyond(c.discount, e.discount, o.discount_tolerance)) d |= kDiffDiscount;
    if (o.compare_amount && beyond(c.amount_minor, e.amount_minor, o.amount_tolerance_minor)) d |= kDiffAmount;
    // Prices are compared per the same price period: a unit price that differs while the amounts
    // agree to the cent is the same price quoted per another period (or rounded otherwise), not
    // a price break.
    if ((d & kDiffPrice) && o.compare_amount && !(d & kDiffAmount)) d &= ~kDiffPrice;
  }
  return d;
}

int popcount(unsigned v) { return __builtin_popcount(v); }

std::string line_ref(std::string_view side, const OwnedLine& l) {
  std::string s(side);
  if (!l.document.empty()) {
    s += ' ';
    s += l.document;
  }
  if (l.source_line > 0) {
    s += " (line ";
    s += std::to_string(l.source_line);
    s += ')';
  }
  return s;
}

class GroupComparer {
 public:
  GroupComparer(const BillingReconcileOptions& o, const BreakCallback& cb, BillingSummary& s) : o_(o), cb_(cb), s_(s) {}

  void compare(const std::vector<OwnedLine>& crm, std::size_t n, const std::vector<OwnedLine>& erp, std::size_t m) {
    paired_erp_.assign(m, false);
    crm_pair_.assign(n, kNone);
    // Pair best-first: for each CRM line in input order, the unpaired ERP line that differs in the
    // fewest fields (earliest on ties). A duplicate of a correct line thus never shows as a difference.
    for (std::size_t i = 0; i < n; ++i) {
      std::size_t best = kNone;
      int best_count = 1 << 20;
      for (std::size_t j = 0; j < m; ++j) {
        if (paired_erp_[j]) continue;
        int count = popcount(diff_fields(crm[i], erp[j], o_));
        if (count < best_count) {
          best = j;
          best_count = count;
          if (count == 0) break;
        }
      }
      if (best != kNone) {
        paired_erp_[best] = true;
        crm_pair_[i] = best;
      }
    }
    for (std::size_t i = 0; i < n; ++i)
      if (crm_pair_[i] != kNone) compare_pair(crm[i], erp[crm_pair_[i]]);
    for (std::size_t i = 0; i < n; ++i)
      if (crm_pair_[i] == kNone) missing_in_erp(crm[i]);
    bool earlier_erp = n > 0;
    const OwnedLine* first_erp = nullptr;
    for (std::size_t j = 0; j < m; ++j)
      if (paired_erp_[j]) {
        first_erp = &erp[j];
        break;
      }
    for (std::size_t j = 0; j < m; ++j) {
      if (paired_erp_[j]) continue;
      if (earlier_erp) {
        duplicate(erp[j], first_erp);
      } else {
        missing_in_crm(erp[j]);
        earlier_erp = true;
        first_erp = &erp[j];
      }
    }
  }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  void emit(Break& b) {
    ++s_.breaks;
    ++s_.by_type[static_cast<std::size_t>(b.type)];
    cb_(b);
  }

  void compare_pair(const OwnedLine& c, const OwnedLine& e) {
    ++s_.matched_pairs;
    unsigned d = diff_fields(c, e, o_);
    if (d == 0) {
      ++s_.clean_pairs;
      return;
    }
    const std::string where = line_ref("CRM", c) + " vs " + line_ref("ERP", e);
    const bool same_currency = c.currency == e.currency;
    std::string amount_effect;
    if (same_currency && c.amount_minor != e.amount_minor) {
      amount_effect = "; amount effect " + money_text(c.amount_minor - e.amount_minor, c.currency) + " " +
                      std::string(c.currency.view());
    }
    if (d & kDiffCurrency) {
      Break b{BreakType::kCurrencyMismatch, c.key, std::string(c.currency.view()), std::string(e.currency.view()),
              "", "", std::nullopt,
              where + ": the contract bills in " + std::string(c.currency.view()) + ", the invoice is in " +
                  std::string(e.currency.view()) + "; credit and rebill in the contract currency"};
      emit(b);
    }
    if (d & kDiffCustomer) {
      Break b{BreakType::kCustomerMismatch, c.key, c.customer, e.customer, "", "", std::nullopt,
              where + ": invoiced to " + e.customer + " but the contract is with " + c.customer +
                  "; credit and rebill to the contract customer"};
      emit(b);
    }
    // Quantity, unit price and discount differ the same way: "billed X a, contract X b".
    auto micros_break = [&](BreakType type, std::int64_t contract, std::int64_t billed, std::string currency,
                            const char* billed_what, const char* contract_what, const char* action) {
      Break b{type, c.key, micros_text(contract), micros_text(billed), micros_text(contract - billed), std::move(currency),
              std::nullopt,
              where + ": billed " + billed_what + " " + micros_text(billed) + ", contract " + contract_what + " " +
                  micros_text(contract) + amount_effect + "; " + action};
      emit(b);
    };
    if (d & kDiffQuantity)
      micros_break(BreakType::kQuantityDifference, c.quantity, e.quantity, "", "quantity", "quantity",
                   "bill or credit the difference");
    if (d & kDiffPrice)
      micros_break(BreakType::kPriceDifference, c.unit_price, e.unit_price, std::string(c.currency.view()), "unit price",
                   "price", "check the price book and rebill");
    if (d & kDiffDiscount)
      micros_break(BreakType::kDiscountDifference, c.discount, e.discount, "", "discount", "discount",
                   "apply the contract discount");
    if ((d & kDiffAmount) && !(d & (kDiffQuantity | kDiffPrice | kDiffDiscount))) {
      std::int64_t diff = c.amount_minor - e.amount_minor;
      Break b{BreakType::kAmountDifference, c.key, money_text(c.amount_minor, c.currency),
              money_text(e.amount_minor, e.currency), money_text(diff, c.currency), std::string(c.currency.view()), diff,
              where + ": quantity, price and discount agree but the amounts differ; " +
                  (diff > 0 ? std::string("bill the shortfall") : std::string("credit the excess"))};
      emit(b);
    }
  }

  void missing_in_erp(const OwnedLine& c) {
    Break b{BreakType::kMissingInErp, c.key, money_text(c.amount_minor, c.currency), "",
            money_text(c.amount_minor, c.currency), std::string(c.currency.view()), c.amount_minor,
            line_ref("CRM", c) + " for customer " + c.customer + " has no ERP invoice line; bill it (unbilled)"};
    emit(b);
  }

  void missing_in_crm(const OwnedLine& e) {
    Break b{BreakType::kMissingInCrm, e.key, "", money_text(e.amount_minor, e.currency),
            money_text(-e.amount_minor, e.currency), std::string(e.currency.view()), -e.amount_minor,
            line_ref("ERP", e) + " for customer " + e.customer +
                " has no CRM contract line; add the contract line or credit the invoice"};
    emit(b);
  }

  void duplicate(const OwnedLine& e, const OwnedLine* first) {
    std::string text = line_ref("ERP", e) + " bills this key again";
    if (first != nullptr) text += " (already billed by " + line_ref("ERP", *first) + ")";
    text += "; credit the duplicate";
    Break b{BreakType::kDuplicateBilling, e.key, "", money_text(e.amount_minor, e.currency),
            money_text(-e.amount_minor, e.currency), std::string(e.currency.view()), -e.amount_minor, text};
    emit(b);
  }

  const BillingReconcileOptions& o_;
  const BreakCallback& cb_;
  BillingSummary& s_;
  std::vector<bool> paired_erp_;
  std::vector<std::size_t> crm_pair_;
};

// Reads one key's lines from a stream into `group` (reusing its strings); `la` is the lookahead.
std::size_t take_group(MergedStream& stream, const LineRef*& la, std::uint64_t hash, std::string_view key,
                       std::vector<OwnedLine>& group) {
  std::size_t n = 0;
  while (la != nullptr && la->h.hash == hash && la->key == key) {
    if (group.size() <= n) group.emplace_back();
    group[n++].assign(*la);
    la = stream.next();
  }
  return n;
}

}  // namespace

BillingSummary reconcile_billing(BillingLineSource& crm, BillingLineSource& erp, const BillingReconcileOptions& options,
                                 const BreakCallback& on_break) {
  BillingSummary summary;
  SideSorter crm_side(options.memory_budget_bytes, options.temp_dir);
  SideSorter erp_side(options.memory_budget_bytes, options.temp_dir);

  if (options.parallel) {
    std::exception_ptr crm_error;
    std::thread worker([&] {
      try {
        crm_side.consume(crm);
      } catch (...) {
        crm_error = std::current_exception();
      }
    });
    std::exception_ptr erp_error;
    try {
      erp_side.consume(erp);
    } catch (...) {
      erp_error = std::current_exception();
    }
    worker.join();
    if (crm_error) std::rethrow_exception(crm_error);
    if (erp_error) std::rethrow_exception(erp_error);
  } else {
    crm_side.consume(crm);
    erp_side.consume(erp);
  }
  summary.crm_lines = crm_side.count();
  summary.erp_lines = erp_side.count();
  summary.spilled_runs = crm_side.runs() + erp_side.runs();
  summary.spilled_bytes = crm_side.spilled_bytes() + erp_side.spilled_bytes();

  MergedStream left(crm_side.cursors());
  MergedStream right(erp_side.cursors());
  const LineRef* c = left.next();
  const LineRef* e = right.next();
  std::vector<OwnedLine> crm_group, erp_group;
  std::string key;
  GroupComparer comparer(options, on_break, summary);
  while (c != nullptr || e != nullptr) {
    const LineRef* lead = c;
    if (lead == nullptr || (e != nullptr && compare_refs(*e, *c) < 0)) lead = e;
    std::uint64_t hash = lead->h.hash;
    key.assign(lead->key);  // the view dies when its stream advances
    std::size_t n = take_group(left, c, hash, key, crm_group);
    std::size_t m = take_group(right, e, hash, key, erp_group);
    comparer.compare(crm_group, n, erp_group, m);
  }
  return summary;
}

std::vector<Break> reconcile_billing(const std::vector<BillingLine>& crm, const std::vector<BillingLine>& erp,
                                     const BillingReconcileOptions& options, BillingSummary* summary) {
  std::vector<Break> out;
  VectorBillingSource crm_source(crm), erp_source(erp);
  BillingReconcileOptions o = options;
  o.parallel = false;  // vector sources are cheap; keep tests single-threaded
  BillingSummary s = reconcile_billing(crm_source, erp_source, o, [&](const Break& b) { out.push_back(b); });
  sort_breaks(out);
  if (summary != nullptr) *summary = s;
  return out;
}

}  // namespace otc::engine
