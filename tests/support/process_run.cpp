#include "tests/support/process_run.h"

#include <QDir>
#include <QPixmap>
#include <QProcess>
#include <QWidget>

namespace faaslab::test {

ProcessOutcome runProgram(const QString& program, const QStringList& arguments, int timeoutMs,
                          const ProcessSetup& setup) {
    QProcess process;
    if (!setup.standardOutputFile.isEmpty()) {
        process.setStandardOutputFile(setup.standardOutputFile);
    }
    if (setup.childModifier) {
        process.setChildProcessModifier(setup.childModifier);
    }
    process.start(program, arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    return ProcessOutcome{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                          QString::fromUtf8(process.readAllStandardOutput()),
                          QString::fromUtf8(process.readAllStandardError())};
}

bool maybeGrab(QWidget* widget, const QString& name) {
    const QString dir = qEnvironmentVariable("FAASLAB_SCREENSHOT_DIR");
    if (dir.isEmpty()) {
        return true;
    }
    QDir().mkpath(dir);
    return widget->grab().save(dir + "/" + name + ".png");
}

} // namespace faaslab::test
