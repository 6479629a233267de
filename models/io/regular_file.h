#pragma once

#include <fstream>
#include <optional>
#include <string>

namespace faaslab {

// Opening input files (scenarios, traces) safely. A FIFO, a device or a
// socket would make open() or the first read block or never end, so every
// input file is checked with stat() before it is opened, and only a regular
// file (symbolic links followed) is opened. The reasons are lower-case and
// name no file, so callers can say which file and why:
//   "no such file", "is a FIFO, not a regular file",
//   "is in a symbolic link loop (too many levels of symbolic links)", ...

// Why `path` is not a regular file that can be read, or nothing.
std::optional<std::string> regularFileProblem(const std::string& path);

// Opens `path` for binary reading after that check; the reason on failure
// (`in` then stays closed).
std::optional<std::string> openRegularFile(const std::string& path, std::ifstream& in);

} // namespace faaslab
