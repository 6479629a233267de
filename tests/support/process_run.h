#pragma once

#include <QString>
#include <QStringList>
#include <functional>

class QWidget;

namespace faaslab::test {

// What a finished program left behind. exitCode is -1 if it crashed or had
// to be killed after the timeout.
struct ProcessOutcome {
    int exitCode = -1;
    QString out;
    QString err;
};

// How the program is started, beyond its arguments.
struct ProcessSetup {
    // Standard output goes to this file (e.g. /dev/full) instead of a pipe.
    QString standardOutputFile;
    // Runs in the child between fork and exec (POSIX): resource limits,
    // dropping privileges. Only async-signal-safe calls belong here.
    std::function<void()> childModifier;
};

// Runs `program` with `arguments` to completion (killing it after
// `timeoutMs`), as a user at a shell would.
ProcessOutcome runProgram(const QString& program, const QStringList& arguments,
                          int timeoutMs = 300000, const ProcessSetup& setup = {});

// Saves what the user sees as NAME.png in $FAASLAB_SCREENSHOT_DIR when that
// variable is set (to look at a chart after a change); returns false only if
// writing failed.
bool maybeGrab(QWidget* widget, const QString& name);

} // namespace faaslab::test
