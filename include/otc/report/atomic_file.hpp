#pragma once
// The one output file writer (docs/output.md). A regular file (or a name that does not exist yet)
// is written to FILE.otc-tmp beside its target and renamed over it only when complete, so a
// reader (or a failed run) never sees half a report. A symlink is followed: its target is
// written, the link stays. A FIFO, a character device or a socket is written through (a rename
// cannot replace what a reader holds open). A directory is refused.
//
// Two steps, so that a use case can finish the writing before its ledger commit and leave only
// the rename for after it: finish() flushes, syncs and checks every byte; publish() renames.
#include <fstream>
#include <memory>
#include <ostream>
#include <string>

namespace otc::report {

class AtomicFile {
 public:
  /// Opens the temporary file (or the special file) for writing; throws otc::core::Error(kInput)
  /// naming `path` when it cannot, when `path` is a directory, or when an existing regular
  /// target could not be replaced (an immutable or read-only file).
  explicit AtomicFile(std::string path);
  /// Removes the temporary file unless publish() succeeded.
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream() { return *out_; }
  /// The name as given (-o FILE).
  const std::string& path() const { return path_; }
  /// Where the bytes end up: `path`, or the file a symlink names.
  const std::string& target() const { return target_; }
  /// The complete report waits here between finish() and publish(); empty when written through.
  const std::string& temp_path() const { return temp_; }
  /// true for FIFOs and devices: the bytes went straight to the target.
  bool written_through() const { return temp_.empty(); }

  /// Flushes, syncs to disk and closes; throws otc::core::Error(kInput) naming `path` when any
  /// write failed (disk full, EIO). The temporary file is removed on failure. Idempotent.
  void finish();
  /// Renames the finished temporary file over the target (finish() first if not done). Throws
  /// otc::core::Error(kInput) naming `path` and leaves the temporary file in place when the
  /// rename fails, so that a report written after a ledger commit is never lost.
  void publish();
  /// finish() then publish().
  void commit();
  /// Drops what was written.
  void discard();

 private:
  std::string path_;
  std::string target_;
  std::string temp_;
  std::unique_ptr<std::ofstream> out_;
  bool finished_ = false;
  bool done_ = false;
};

}  // namespace otc::report
