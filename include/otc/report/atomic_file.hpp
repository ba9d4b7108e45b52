#pragma once
// The one atomic file writer: a report is written to FILE.otc-tmp and renamed over FILE only when
// it is complete, so a reader (or a failed run) never sees half a report.
#include <fstream>
#include <memory>
#include <ostream>
#include <string>

namespace otc::report {

class AtomicFile {
 public:
  /// Opens `path`.otc-tmp for writing; throws otc::core::Error(kInput) naming `path` when it cannot.
  explicit AtomicFile(std::string path);
  /// Removes the temporary file unless commit() succeeded.
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream() { return *out_; }
  const std::string& path() const { return path_; }
  /// Flushes, checks every write succeeded, and renames over `path`. Throws on any failure.
  void commit();
  /// Drops what was written.
  void discard();

 private:
  std::string path_;
  std::string temp_;
  std::unique_ptr<std::ofstream> out_;
  bool done_ = false;
};

}  // namespace otc::report
