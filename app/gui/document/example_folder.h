#pragma once

#include <QString>

namespace faaslab::gui {

// The folder an example scenario opened from the menu reads its relative
// files from. Examples are compiled into the program, but a trace replay
// names "../traces/sample-azure.d01.csv": the embedded sample traces are
// written once to <cache>/examples/traces/ (rewritten only when they differ,
// e.g. after an upgrade) and <cache>/examples/scenarios is returned, so the
// example works wherever the program is installed. Empty, with `error`
// set, when the cache folder cannot be written.
QString exampleFolder(QString* error);

} // namespace faaslab::gui
