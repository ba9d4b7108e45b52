#pragma once
// For the benchmark tools: run a program, stdout to a file, and measure its wall time and peak RSS.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace otc::tools {

struct RunResult {
  double seconds = 0;
  long peak_rss_kb = 0;
  int status = 0;
};

inline RunResult run_measured(const std::vector<std::string>& args, const std::string& stdout_path) {
  std::fflush(stdout);
  auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    if (!freopen(stdout_path.c_str(), "w", stdout)) _exit(127);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  struct rusage ru {};
  wait4(pid, &status, 0, &ru);
  RunResult r;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.peak_rss_kb = ru.ru_maxrss;
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  return r;
}

}  // namespace otc::tools
