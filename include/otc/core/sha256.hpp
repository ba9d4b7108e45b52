#pragma once
#include <string>

namespace otc::core {
/// Lower-case hex SHA-256 of a file's bytes; throws otc::core::Error if it cannot be read.
std::string sha256_file(const std::string& path);
}  // namespace otc::core
