// faaslab: the FaaS Lab desktop application.

#include "main_window.h"
#include "run_controller.h"
#include "scenario_document.h"
#include "workspace_ui.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>
#include <cstdio>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName("FaaS Lab");
    QApplication::setOrganizationName("FaaS Lab");
    QApplication::setApplicationVersion(FAASLAB_VERSION);
    QApplication::setDesktopFileName("faaslab");

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QObject::tr("Compare serverless functions, serverless containers and VMs on the same "
                    "workload. Opens SCENARIO, or the default example."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("scenario", QObject::tr("Scenario file to open."),
                                 "[SCENARIO.json]");
    const QCommandLineOption screenshot(
        "screenshot",
        QObject::tr("Run the scenario, save PNGs of the editor and every results tab in DIR, "
                    "and exit (works offscreen: QT_QPA_PLATFORM=offscreen)."),
        "DIR");
    const QCommandLineOption size("size", QObject::tr("Window size for --screenshot, WxH."), "WxH",
                                  "1600x1000");
    const QCommandLineOption workspace(
        "workspace",
        QObject::tr("Workspace database FILE (scenario library, run history, pricing catalog); "
                    "default: the last one opened, else the per-user default."),
        "FILE");
    parser.addOptions({screenshot, size, workspace});
    parser.process(app);

    faaslab::gui::MainWindow window;
    window.workspaceUi()->openAtStart(parser.value(workspace));
    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty()) {
        if (!window.openFile(files.front()) && parser.isSet(screenshot)) {
            return 2;
        }
    } else {
        // First-time users land on a ready-to-run comparison.
        window.openExample("mid-size-api.json");
    }

    if (parser.isSet(screenshot)) {
        const QStringList parts = parser.value(size).split('x');
        const QSize windowSize(parts.value(0).toInt(), parts.value(1).toInt());
        if (!window.document()->isValid()) {
            std::fprintf(stderr, "faaslab: the scenario has problems; nothing to run\n");
            return 2;
        }
        window.resize(windowSize);
        window.show();
        window.run();
        if (!window.runController()->waitForFinished(600000)) {
            std::fprintf(stderr, "faaslab: the run did not finish\n");
            return 1;
        }
        const QStringList written = window.saveScreenshots(parser.value(screenshot), windowSize);
        for (const QString& path : written) {
            std::printf("%s\n", qPrintable(path));
        }
        return written.isEmpty() ? 1 : 0;
    }

    window.show();
    return QApplication::exec();
}
