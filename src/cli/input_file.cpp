#include "input_file.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "otc/core/error.hpp"
#include "otc/core/sha256.hpp"

namespace otc::cli {

InputFile::InputFile(const std::string& arg) : path_(arg), name_(arg) {
  if (arg != "-") return;
  name_ = "<stdin>";
  const char* dir = std::getenv("TMPDIR");
  std::string pattern = std::string(dir && *dir ? dir : "/tmp") + "/otc-stdin-XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  int fd = mkstemp(buf.data());
  if (fd < 0) throw core::Error(core::ErrorKind::kInput, "cannot spool stdin to a temporary file", {name_});
  temp_ = path_ = buf.data();
  std::vector<char> chunk(1 << 20);
  std::size_t n;
  while ((n = std::fread(chunk.data(), 1, chunk.size(), stdin)) > 0) {
    if (::write(fd, chunk.data(), n) != static_cast<ssize_t>(n)) {
      ::close(fd);
      throw core::Error(core::ErrorKind::kInput, "cannot spool stdin to a temporary file", {name_});
    }
  }
  ::close(fd);
}

InputFile::~InputFile() {
  if (!temp_.empty()) std::remove(temp_.c_str());
}

const std::string& InputFile::sha256() {
  if (sha_.empty()) sha_ = core::sha256_file(path_);
  return sha_;
}

}  // namespace otc::cli
