#pragma once
// The terminal, for the commands: its width (for --format table) and progress on stderr.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace otc::cli {

/// Whether stdout / stderr is a terminal.
bool stdout_is_terminal();
bool stderr_is_terminal();

/// The width a table must fit: $COLUMNS when it is a positive number, else the terminal's width
/// when stdout is one, else 120.
std::size_t terminal_columns();

/// Progress on stderr: "otc: aging: 1,200,000/3,000,000 rows, 410,000 rows/s, ETA 5s". Shown only
/// when stderr is a terminal and -q is not given, and only once the work has taken a second (short
/// commands stay silent); redrawn at most five times a second; the line is cleared at the end.
class Progress {
 public:
  using Clock = std::chrono::steady_clock;
  /// `total` 0 = unknown (no ETA). `enabled` false: every call does nothing.
  Progress(std::string what, std::uint64_t total, bool enabled);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  /// `done` rows so far (callers call it every few thousand rows: it reads the clock each time).
  void update(std::uint64_t done);
  void set_total(std::uint64_t total) { total_ = total; }
  /// Clears the line (if one was drawn).
  void finish();
  /// A callback for a use case (ops take `std::function<void(std::uint64_t done, std::uint64_t total)>`).
  std::function<void(std::uint64_t, std::uint64_t)> callback();

  /// The line for a state, for tests: no clock, no terminal.
  static std::string line(const std::string& what, std::uint64_t done, std::uint64_t total, double seconds);

 private:
  std::string what_;
  std::uint64_t total_;
  bool enabled_;
  bool drawn_ = false;
  Clock::time_point start_;
  Clock::time_point last_draw_;
};

/// A Progress for a command given its -q flag: enabled only when stderr is a terminal and not quiet.
inline bool progress_wanted(bool quiet) { return !quiet && stderr_is_terminal(); }

}  // namespace otc::cli
