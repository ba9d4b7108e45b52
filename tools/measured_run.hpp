#pragma once
// For the benchmark tools: run a program, stdout to a file, and measure its wall time and peak RSS.
// A child forked from the benchmark would count the benchmark's own resident pages (its generated
// data) in its peak RSS, and with fork pay for copying them. So each run goes through a launcher:
// the benchmark binary itself, started afresh (small) with `--measured-child`, forks and execs
// the program, times it and reports through a pipe. Every tool's main calls measured_child first.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

extern char** environ;

namespace otc::tools {

struct RunResult {
  double seconds = 0;
  long peak_rss_kb = 0;
  int status = 0;
};

/// In the launcher (argv: TOOL --measured-child FD STDOUT PROGRAM ARGS...): runs PROGRAM and writes
/// "seconds peak_rss_kb status" to FD; returns the exit code for main. -1 when not the launcher.
inline int measured_child(int argc, char** argv) {
  if (argc < 5 || std::strcmp(argv[1], "--measured-child") != 0) return -1;
  const int fd = std::atoi(argv[2]);
  auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    if (!freopen(argv[3], "w", stdout)) _exit(127);
    execv(argv[4], argv + 4);
    _exit(127);
  }
  int status = 0;
  struct rusage ru {};
  wait4(pid, &status, 0, &ru);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  char buf[96];
  const int n = std::snprintf(buf, sizeof buf, "%.6f %ld %d\n", seconds, ru.ru_maxrss, WIFEXITED(status) ? WEXITSTATUS(status) : 128);
  if (write(fd, buf, static_cast<std::size_t>(n)) != n) return 1;
  return 0;
}

inline RunResult run_measured(const std::vector<std::string>& args, const std::string& stdout_path) {
  std::fflush(stdout);
  RunResult r;
  r.status = 127;
  int fds[2];
  if (pipe(fds) != 0) return r;
  const std::string fd = std::to_string(fds[1]);
  std::vector<std::string> all = {"/proc/self/exe", "--measured-child", fd, stdout_path};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (const auto& a : all) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, "/proc/self/exe", nullptr, nullptr, argv.data(), environ);
  close(fds[1]);
  if (spawned != 0) {
    close(fds[0]);
    return r;
  }
  std::string text;
  char buf[128];
  for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) text.append(buf, static_cast<std::size_t>(n));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (std::sscanf(text.c_str(), "%lf %ld %d", &r.seconds, &r.peak_rss_kb, &r.status) != 3) r.status = 127;
  return r;
}

}  // namespace otc::tools
