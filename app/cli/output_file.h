#pragma once

#include <QString>
#include <string>

namespace faaslab::cli {

// The one way faaslab-cli writes an output file (--out, --csv, --timeseries,
// sweep output, runs export, pricing export). Prints why on standard error
// and returns false when the file was not written in full.
//
// * A regular file (new or existing) is replaced atomically: the contents go
//   to a temporary file beside it, every write is checked (a short write on
//   a full disk is an error), the file is flushed to disk and only then
//   renamed over the old one. On any failure the old file is left as it was.
// * An existing FIFO, character device (/dev/null, a terminal) or socket is
//   written directly, in place: renaming a regular file over it would
//   replace it.
// * A folder, or a symbolic link loop, is refused.
bool writeOutputFile(const QString& path, const std::string& contents);

} // namespace faaslab::cli
