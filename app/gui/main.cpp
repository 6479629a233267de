// faaslab: the FaaS Lab desktop application.

#include "app/gui/document/scenario_document.h"
#include "app/gui/library/workspace_ui.h"
#include "app/gui/main_window.h"
#include "app/gui/run_controller.h"
#include "app/gui/sweep/sweep_tab.h"
#include "models/runner/sweep_runner.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QLineEdit>
#include <QTimer>
#include <cstdio>
#include <limits>

int main(int argc, char* argv[]) {
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
        QObject::tr("Run the scenario, save PNGs of the editor (its Application tab for an "
                    "application) and every results tab with something to show in DIR, and "
                    "exit (works offscreen: QT_QPA_PLATFORM=offscreen)."),
        "DIR");
    const QCommandLineOption size("size", QObject::tr("Window size for --screenshot, WxH."), "WxH",
                                  "1600x1000");
    const QCommandLineOption sweepParam(
        "sweep-param",
        QObject::tr("For --screenshot: the field the Sweep tab sweeps (a JSON path, as "
                    "faaslab-cli sweep --param); default: the tab's proposal."),
        "PATH");
    const QCommandLineOption sweepRange(
        "sweep-range",
        QObject::tr("For --screenshot: the sweep's values, FROM:TO:POINTS[:log] (as faaslab-cli "
                    "sweep --range); default: the tab's proposal."),
        "RANGE");
    const QCommandLineOption workspace(
        "workspace",
        QObject::tr("Workspace database FILE (scenario library, run history, pricing catalog); "
                    "default: the last one opened, else the per-user default. With --screenshot, "
                    "runs are recorded only when this is given."),
        "FILE");
    parser.addOptions({screenshot, size, sweepParam, sweepRange, workspace});

    // --help and --version are answered before the application connects to
    // a display, so they work over SSH and in scripts. Anything the parser
    // does not know may be one of Qt's own options (-platform, -style),
    // which only the application below understands.
    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        arguments << QString::fromLocal8Bit(argv[i]);
    }
    if (parser.parse(arguments)) {
        if (parser.isSet("help")) {
            std::printf("%s", qPrintable(parser.helpText().replace("<executable_name>",
                                                                   arguments.value(0, "faaslab"))));
            return 0;
        }
        if (parser.isSet("version")) {
            std::printf("%s %s\n", qPrintable(QApplication::applicationName()),
                        qPrintable(QApplication::applicationVersion()));
            return 0;
        }
    }

    QApplication app(argc, argv);
    parser.process(app);

    const bool batch = parser.isSet(screenshot);
    QSize windowSize;
    if (batch) {
        const QStringList parts = parser.value(size).split('x');
        bool okWidth = false;
        bool okHeight = false;
        windowSize = QSize(parts.value(0).toInt(&okWidth), parts.value(1).toInt(&okHeight));
        if (parts.size() != 2 || !okWidth || !okHeight || windowSize.width() < 640 ||
            windowSize.height() < 480 || windowSize.width() > 8000 || windowSize.height() > 8000) {
            std::fprintf(stderr,
                         "faaslab: --size: expected WIDTHxHEIGHT between 640x480 and "
                         "8000x8000, got '%s'\n",
                         qPrintable(parser.value(size)));
            return 2;
        }
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1) {
        std::fprintf(stderr, "faaslab: give one scenario file, not %lld\n",
                     static_cast<long long>(files.size()));
        return 2;
    }

    faaslab::gui::MainWindow window;
    // Opened before any scenario, whose price lists may come from its
    // catalog. A screenshot run leaves the user's library alone unless told.
    if (!batch || parser.isSet(workspace)) {
        window.workspaceUi()->openAtStart(parser.value(workspace));
    }
    if (files.isEmpty()) {
        // First-time users land on a ready-to-run comparison.
        window.openExample("mid-size-api.json");
    } else if (batch) {
        // No message boxes in batch mode: nobody is there to close them.
        QString error;
        if (!window.document()->loadFile(files.front(), &error)) {
            std::fprintf(stderr, "faaslab: %s\n", qPrintable(error));
            return 2;
        }
    } else {
        window.openFile(files.front());
    }

    if (batch) {
        if (!window.document()->isValid()) {
            std::fprintf(
                stderr, "%s",
                window.document()
                    ->diagnostics()
                    .format(QFileInfo(window.document()->filePath()).fileName().toStdString())
                    .c_str());
            std::fprintf(stderr, "faaslab: the scenario has problems; nothing to run\n");
            return 2;
        }
        window.resize(windowSize);
        window.show();
        window.run();
        if (!window.runController()->waitForFinished(std::numeric_limits<int>::max())) {
            std::fprintf(stderr, "faaslab: the run did not finish\n");
            return 1;
        }
        if (parser.isSet(sweepParam) || parser.isSet(sweepRange)) {
            faaslab::gui::SweepTab* sweep = window.sweepTab();
            if (parser.isSet(sweepParam)) {
                const int index = sweep->parameterBox()->findText(parser.value(sweepParam));
                if (index < 0) {
                    std::fprintf(stderr,
                                 "faaslab: --sweep-param: %s is not a numeric field of "
                                 "the scenario\n",
                                 qPrintable(parser.value(sweepParam)));
                    return 2;
                }
                sweep->parameterBox()->setCurrentIndex(index);
            }
            if (parser.isSet(sweepRange)) {
                std::string problem;
                const auto values =
                    faaslab::parseSweepRange(parser.value(sweepRange).toStdString(), problem);
                if (!values) {
                    std::fprintf(stderr, "faaslab: --sweep-range: %s\n", problem.c_str());
                    return 2;
                }
                // Through the tab's own controls, so the screenshot shows the
                // range that was swept.
                sweep->fromEdit()->setText(QString::number(values->front(), 'g', 12));
                sweep->toEdit()->setText(QString::number(values->back(), 'g', 12));
                sweep->pointsEdit()->setText(QString::number(values->size()));
                sweep->logarithmicBox()->setChecked(parser.value(sweepRange).endsWith(":log"));
            }
            sweep->startSweepFromControls();
            if (!sweep->isRunning()) {
                std::fprintf(stderr, "faaslab: cannot sweep: %s\n",
                             qPrintable(sweep->messageText()));
                return 2;
            }
            sweep->controller()->waitForFinished(std::numeric_limits<int>::max());
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
