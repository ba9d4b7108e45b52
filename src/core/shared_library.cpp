#include "otc/core/shared_library.hpp"

#include <dlfcn.h>

#include <mutex>

#include "otc/core/error.hpp"

namespace otc::core {

SharedLibrary::SharedLibrary(const char* soname, const char* purpose, const char* package)
    : soname_(soname), purpose_(purpose), package_(package) {}

void SharedLibrary::open() {
  void* h = dlopen(soname_, RTLD_NOW | RTLD_LOCAL);
  if (!h) {
    const char* why = dlerror();
    throw Error(ErrorKind::kLedger, std::string(purpose_) + " needs " + soname_ + ", which could not be loaded: " + (why ? why : "unknown reason"),
                {}, std::string("install the Debian package ") + package_);
  }
  handle_ = h;
}

void* SharedLibrary::symbol(const char* name) {
  static std::mutex m;  // each forwarding call looks its function up once, under this lock
  std::lock_guard<std::mutex> lock(m);
  if (!handle_) open();
  dlerror();
  void* p = dlsym(handle_, name);
  if (!p) {
    throw Error(ErrorKind::kLedger, std::string(soname_) + " has no function " + name + " (too old a version?)", {},
                std::string("install a current ") + package_);
  }
  return p;
}

}  // namespace otc::core
