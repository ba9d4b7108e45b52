#include "otc/report/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "otc/core/error.hpp"

namespace otc::report {

using core::Error;
using core::ErrorKind;

namespace {

std::string os_reason(int err) { return err ? std::string(": ") + std::strerror(err) : std::string(); }

// The file a chain of symlinks ends at (it may not exist yet); `path` itself when it is no link.
std::string follow_links(const std::string& path) {
  namespace fs = std::filesystem;
  fs::path p = path;
  for (int hops = 0; hops < 40; ++hops) {
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(p, ec))) return p.string();
    fs::path next = fs::read_symlink(p, ec);
    if (ec) return p.string();
    p = next.is_absolute() ? next : p.parent_path() / next;
  }
  throw Error(ErrorKind::kInput, "cannot write output file: too many levels of symbolic links", {path});
}

}  // namespace

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
  if (path_.empty()) throw Error(ErrorKind::kInput, "cannot write output file: no name given");
  // /dev/stdout, /dev/fd/N, /proc/self/fd/N name an open file of this process (whatever the
  // shell redirected): write through it, in append mode so that `>>` keeps what is there.
  const bool own_fd = path_ == "/dev/stdout" || path_ == "/dev/stderr" || path_.rfind("/dev/fd/", 0) == 0 ||
                      path_.rfind("/proc/self/fd/", 0) == 0;
  if (own_fd) {
    target_ = path_;
    out_ = std::make_unique<std::ofstream>(path_, std::ios::binary | std::ios::out | std::ios::app);
    if (!*out_) throw Error(ErrorKind::kInput, "cannot write output file" + os_reason(errno), {path_});
    return;
  }
  target_ = follow_links(path_);
  struct stat st {};
  const bool exists = ::stat(target_.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode))
    throw Error(ErrorKind::kInput, "cannot write output file: it is a directory", {path_}, "name a file inside it");
  if (exists && S_ISBLK(st.st_mode))
    throw Error(ErrorKind::kInput, "cannot write output file: it is a block device", {path_});
  if (exists && !S_ISREG(st.st_mode)) {
    // A FIFO, a terminal, /dev/null, /dev/full: write through; renaming would replace the node.
    out_ = std::make_unique<std::ofstream>(target_, std::ios::binary | std::ios::out | std::ios::app);
    if (!*out_) throw Error(ErrorKind::kInput, "cannot write output file" + os_reason(errno), {path_});
    return;
  }
  if (exists) {
    // The rename would succeed over a file we may not write (or fail on an immutable one, after
    // the ledger committed): ask now, while failing still changes nothing.
    int fd = ::open(target_.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) throw Error(ErrorKind::kInput, "cannot write output file" + os_reason(errno), {path_});
    ::close(fd);
  }
  temp_ = target_ + ".otc-tmp";
  errno = 0;
  out_ = std::make_unique<std::ofstream>(temp_, std::ios::binary | std::ios::trunc);
  if (!*out_) {
    int err = errno;
    out_.reset();
    std::remove(temp_.c_str());
    temp_.clear();
    done_ = true;
    throw Error(ErrorKind::kInput, "cannot write output file" + os_reason(err), {path_});
  }
}

AtomicFile::~AtomicFile() {
  if (!done_) discard();
}

void AtomicFile::finish() {
  if (finished_) return;
  errno = 0;
  out_->flush();
  bool ok = static_cast<bool>(*out_);
  int err = ok ? 0 : errno;
  out_->close();
  if (ok && out_->fail()) {
    ok = false;
    err = errno;
  }
  if (ok && !temp_.empty()) {
    // Delayed allocation reports a full disk at fsync, not at write: ask before anyone commits.
    int fd = ::open(temp_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
      ok = false;
      err = errno;
    }
    if (fd >= 0) ::close(fd);
  }
  if (!ok) {
    discard();
    throw Error(ErrorKind::kInput, "cannot write output file" + os_reason(err), {path_});
  }
  finished_ = true;
}

void AtomicFile::publish() {
  finish();
  if (done_) return;
  if (!temp_.empty() && std::rename(temp_.c_str(), target_.c_str()) != 0) {
    int err = errno;
    done_ = true;  // keep the temporary file: it holds the whole report
    throw Error(ErrorKind::kInput, "cannot put the report in place" + os_reason(err), {path_});
  }
  done_ = true;
}

void AtomicFile::commit() {
  try {
    publish();
  } catch (...) {
    if (!temp_.empty()) std::remove(temp_.c_str());
    throw;
  }
}

void AtomicFile::discard() {
  if (out_ && out_->is_open()) out_->close();
  if (!temp_.empty()) std::remove(temp_.c_str());
  done_ = true;
}

}  // namespace otc::report
