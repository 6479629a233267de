#include "models/io/regular_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace faaslab {

namespace {

std::string lowerFirst(std::string text) {
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') {
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
    }
    return text;
}

std::string statProblem(const std::error_code& ec) {
    if (ec == std::errc::no_such_file_or_directory) {
        return "no such file";
    }
    if (ec == std::errc::too_many_symbolic_link_levels) {
        return "is in a symbolic link loop (too many levels of symbolic links)";
    }
    if (ec == std::errc::permission_denied) {
        return "cannot be read: permission denied";
    }
    if (ec == std::errc::not_a_directory) {
        return "no such file (a part of the path is not a folder)";
    }
    return "cannot be read: " + lowerFirst(ec.message());
}

} // namespace

std::optional<std::string> regularFileProblem(const std::string& path) {
    namespace fs = std::filesystem;
    if (path.empty()) {
        return "no file name given";
    }
    std::error_code ec;
    const fs::file_status status = fs::status(fs::path(path), ec);
    if (ec) {
        return statProblem(ec);
    }
    switch (status.type()) {
    case fs::file_type::regular:
        return std::nullopt;
    case fs::file_type::not_found:
        return "no such file";
    case fs::file_type::directory:
        return "is a directory, not a file";
    case fs::file_type::fifo:
        return "is a FIFO (named pipe), not a regular file; FaaS Lab reads regular files only";
    case fs::file_type::character:
    case fs::file_type::block:
        return "is a device, not a regular file; FaaS Lab reads regular files only";
    case fs::file_type::socket:
        return "is a socket, not a regular file; FaaS Lab reads regular files only";
    default:
        return "is not a regular file; FaaS Lab reads regular files only";
    }
}

std::optional<std::string> openRegularFile(const std::string& path, std::ifstream& in) {
    if (auto problem = regularFileProblem(path)) {
        return problem;
    }
    errno = 0;
    in.open(path, std::ios::binary);
    if (!in) {
        const int error = errno;
        return error != 0 ? "cannot be read: " + lowerFirst(std::strerror(error))
                          : std::string("cannot be read");
    }
    return std::nullopt;
}

} // namespace faaslab
