#include "app/cli/output_file.h"

#include "app/cli/cli_support.h"

#include <QFile>
#include <QSaveFile>
#include <filesystem>
#include <optional>
#include <system_error>

namespace faaslab::cli {

namespace {

bool failed(const QString& path, const QString& reason, bool kept) {
    printError(QStringLiteral("%1: cannot write: %2; %3")
                   .arg(path, reason,
                        kept ? QStringLiteral("the previous file was left as it was")
                             : QStringLiteral("nothing was written")));
    return false;
}

// Writes all of `contents`; on failure the reason and how far it got. A
// short write (the disk filled up, the file size limit) is followed by one
// that fails with the system's reason.
std::optional<QString> writeAll(QFileDevice& file, const std::string& contents) {
    qint64 done = 0;
    const auto size = static_cast<qint64>(contents.size());
    while (done < size) {
        const qint64 n = file.write(contents.data() + done, size - done);
        if (n <= 0) {
            return QStringLiteral("%1 (after %2 of %3 bytes)")
                .arg(file.errorString())
                .arg(done)
                .arg(size);
        }
        done += n;
    }
    return std::nullopt;
}

// Writes into an existing non-regular file (device, FIFO) as it is: no
// temporary file, no rename.
bool writeInPlace(const QString& path, const std::string& contents) {
    QFile file(path);
    // O_TRUNC, which WriteOnly implies, does nothing to a FIFO or a device;
    // Append would make Qt seek, which they do not support.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered | QIODevice::ExistingOnly)) {
        return failed(path, file.errorString(), false);
    }
    if (const auto problem = writeAll(file, contents)) {
        return failed(path, *problem, false);
    }
    file.close();
    if (file.error() != QFileDevice::NoError) {
        return failed(path, file.errorString(), false);
    }
    return true;
}

bool replaceAtomically(const QString& path, bool existed, const std::string& contents) {
    QSaveFile file(path);
    // Unbuffered: each write reaches the system at once, so its result is
    // the system's answer.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        return failed(path, file.errorString(), existed);
    }
    if (const auto problem = writeAll(file, contents)) {
        file.cancelWriting();
        return failed(path, *problem, existed);
    }
    // commit() flushes, syncs to disk, closes and renames; the old file
    // stays unless all of that succeeded.
    if (!file.commit()) {
        return failed(path, file.errorString(), existed);
    }
    return true;
}

} // namespace

bool writeOutputFile(const QString& path, const std::string& contents) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status status = fs::status(fs::path(QFile::encodeName(path).toStdString()), ec);
    if (ec && status.type() != fs::file_type::not_found) {
        if (ec == std::errc::too_many_symbolic_link_levels) {
            return failed(path, QStringLiteral("it is in a symbolic link loop"), false);
        }
        return failed(path, QString::fromStdString(ec.message()), false);
    }
    switch (status.type()) {
    case fs::file_type::not_found:
        return replaceAtomically(path, false, contents);
    case fs::file_type::regular:
        return replaceAtomically(path, true, contents);
    case fs::file_type::directory:
        return failed(path, QStringLiteral("it is a folder"), false);
    default:
        return writeInPlace(path, contents);
    }
}

} // namespace faaslab::cli
