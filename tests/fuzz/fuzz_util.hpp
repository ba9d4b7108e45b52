#pragma once
// Shared by the libFuzzer targets (built with -DOTC_FUZZ=ON, clang only; scripts/fuzz.sh).
// A target may throw otc::core::Error (that is how bad input is reported); anything else — a
// crash, a sanitizer report, another exception type, a hang — is a bug.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "otc/core/error.hpp"

namespace otc::fuzz {

inline std::string_view as_view(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Some readers take a path: the input written to one private file per process.
inline const std::string& scratch_file(std::string_view data) {
  static const std::string path = "/tmp/otc-fuzz-" + std::to_string(::getpid()) + ".in";
  if (FILE* f = std::fopen(path.c_str(), "wb")) {
    std::fwrite(data.data(), 1, data.size(), f);
    std::fclose(f);
  }
  return path;
}

/// Runs `body`, accepting otc::core::Error: the one way a reader says "bad input".
template <class Body>
void expect_only_otc_errors(Body&& body) {
  try {
    body();
  } catch (const core::Error& e) {
    // Every error must say something and, when it has a line, a sane one.
    if (std::string_view(e.what()).empty() || e.where().line < 0) __builtin_trap();
  }
}

}  // namespace otc::fuzz
