#include "progress.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "otc/report/row_sink.hpp"

namespace otc::cli {

bool stdout_is_terminal() { return ::isatty(STDOUT_FILENO) == 1; }
bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

std::size_t terminal_columns() {
  if (const char* env = std::getenv("COLUMNS"); env && *env) {
    std::size_t v = 0;
    std::string_view s(env);
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec == std::errc() && p == s.data() + s.size() && v > 0) return v;
  }
  if (stdout_is_terminal()) {
    winsize ws{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  }
  return 120;
}

Progress::Progress(std::string what, std::uint64_t total, bool enabled)
    : what_(std::move(what)), total_(total), enabled_(enabled), start_(Clock::now()), last_draw_(start_) {}

Progress::~Progress() { finish(); }

std::string Progress::line(const std::string& what, std::uint64_t done, std::uint64_t total, double seconds) {
  std::string out = "otc: " + what + ": " + report::group_thousands(std::to_string(done));
  if (total) out += "/" + report::group_thousands(std::to_string(total));
  out += " rows";
  if (seconds > 0) {
    auto rate = static_cast<std::uint64_t>(static_cast<double>(done) / seconds);
    out += ", " + report::group_thousands(std::to_string(rate)) + " rows/s";
    if (total && rate > 0 && done <= total) {
      auto eta = (total - done + rate - 1) / rate;
      out += ", ETA ";
      out += eta >= 60 ? std::to_string(eta / 60) + "m" + std::to_string(eta % 60) + "s" : std::to_string(eta) + "s";
    }
  }
  return out;
}

void Progress::update(std::uint64_t done) {
  if (!enabled_) return;
  auto now = Clock::now();
  if (now - start_ < std::chrono::seconds(1) || now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  std::cerr << "\r\x1b[K" << line(what_, done, total_, seconds) << std::flush;
  drawn_ = true;
}

void Progress::finish() {
  if (drawn_) std::cerr << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

std::function<void(std::uint64_t, std::uint64_t)> Progress::callback() {
  if (!enabled_) return {};
  return [this](std::uint64_t done, std::uint64_t total) {
    if (total) total_ = total;
    update(done);
  };
}

}  // namespace otc::cli
