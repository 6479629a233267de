#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace faaslab::test {

// What a finished program left behind. exitCode is -1 if it crashed or had
// to be killed after the timeout.
struct ProcessOutcome {
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs `program` with `arguments` to completion (killing it after
// `timeoutMs`), as a user at a shell would.
ProcessOutcome runProgram(const QString& program, const QStringList& arguments,
                          int timeoutMs = 300000);

// Saves what the user sees as NAME.png in $FAASLAB_SCREENSHOT_DIR when that
// variable is set (to look at a chart after a change); returns false only if
// writing failed.
bool maybeGrab(QWidget* widget, const QString& name);

} // namespace faaslab::test
