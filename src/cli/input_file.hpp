#pragma once
// An input file argument: "-" is stdin, spooled to a temporary file so that it can be hashed
// and read in one streaming pass like any other file.
#include <string>

namespace otc::cli {

class InputFile {
 public:
  explicit InputFile(const std::string& arg);
  ~InputFile();
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  const std::string& path() const { return path_; }          ///< a readable regular file
  const std::string& display_name() const { return name_; }  ///< for messages and the audit log
  const std::string& sha256();

 private:
  std::string path_, name_, sha_, temp_;
};

}  // namespace otc::cli
