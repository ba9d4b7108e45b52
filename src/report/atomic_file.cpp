#include "otc/report/atomic_file.hpp"

#include <cstdio>

#include "otc/core/error.hpp"

namespace otc::report {

using core::Error;
using core::ErrorKind;

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)), temp_(path_ + ".otc-tmp") {
  out_ = std::make_unique<std::ofstream>(temp_, std::ios::binary | std::ios::trunc);
  if (!*out_) throw Error(ErrorKind::kInput, "cannot write output file", {path_});
}

AtomicFile::~AtomicFile() {
  if (!done_) discard();
}

void AtomicFile::commit() {
  out_->flush();
  bool ok = static_cast<bool>(*out_);
  out_->close();
  ok = ok && !out_->fail();
  if (!ok || std::rename(temp_.c_str(), path_.c_str()) != 0) {
    discard();
    throw Error(ErrorKind::kInput, "cannot write output file", {path_});
  }
  done_ = true;
}

void AtomicFile::discard() {
  if (out_->is_open()) out_->close();
  std::remove(temp_.c_str());
  done_ = true;
}

}  // namespace otc::report
