#include "app/gui/main_window.h"

#include "app/gui/document/example_folder.h"
#include "app/gui/document/scenario_document.h"
#include "app/gui/editor/architecture_editor.h"
#include "app/gui/editor/scenario_editor.h"
#include "app/gui/editor/undo_key_router.h"
#include "app/gui/editor/wheel_guard.h"
#include "app/gui/library/library_dock.h"
#include "app/gui/library/workspace_ui.h"
#include "app/gui/results/chart_footnote.h"
#include "app/gui/results/chart_style.h"
#include "app/gui/results/cost_tab.h"
#include "app/gui/results/export_file_name.h"
#include "app/gui/results/functions_tab.h"
#include "app/gui/results/latency_tab.h"
#include "app/gui/results/overview_tab.h"
#include "app/gui/results/results_panel.h"
#include "app/gui/results/time_series_tab.h"
#include "app/gui/run_controller.h"
#include "app/gui/run_progress_widget.h"
#include "app/gui/sweep/sweep_tab.h"
#include "app/gui/timeline/timeline_tab.h"
#include "models/report/results_writer.h"
#include "resources/embedded_files.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSaveFile>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>
#include <limits>
#include <qcustomplot.h>

namespace faaslab::gui {

namespace {
constexpr int MaxRecentFiles = 8;
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_document(new ScenarioDocument(this))
    , m_controller(new RunController(this))
    , m_editor(new ScenarioEditor(m_document))
    , m_results(new ResultsPanel(this))
    , m_progress(new RunProgressWidget(m_controller, this))
    , m_validity(new QLabel(this))
    , m_problems(new QListWidget(this)) {
    setObjectName("mainWindow");
    setAcceptDrops(true);
    WheelGuard::install(QCoreApplication::instance());
    setCentralWidget(m_results);
    m_results->addResultsTab(new OverviewTab(m_results));
    m_results->addResultsTab(new TimeSeriesTab(m_results));
    m_results->addResultsTab(new LatencyTab(m_results));
    m_results->addResultsTab(new CostTab(m_results));
    m_results->addResultsTab(new FunctionsTab(m_results));
    m_sweep = new SweepTab(m_document, m_results);
    m_results->addResultsTab(m_sweep);
    m_timeline = new TimelineTab(m_document, m_results);
    m_results->addResultsTab(m_timeline);

    m_workspaceUi = new WorkspaceUi(this);
    createActions();
    createMenus();
    createDocks();
    m_validity->setObjectName("runStatus");
    statusBar()->addWidget(m_validity, 1);
    statusBar()->addPermanentWidget(m_progress);

    connect(m_document, &ScenarioDocument::changed, this, [this] {
        updateTitle();
        updateRunState();
        updateProblems();
        if (m_results->hasResults()) {
            m_resultsStale = true;
            // Again at each edit: whether Run can update them changes.
            statusBar()->showMessage(staleResultsMessage(m_document->isValid()));
        }
    });
    // Another scenario (opened, new, from the Library): the results shown
    // were the previous one's. Saying "the scenario changed" would be wrong
    // for a file that has none yet.
    connect(m_document, &ScenarioDocument::loaded, this, [this] {
        m_results->clearResults();
        m_resultsStale = false;
        const QString shown = statusBar()->currentMessage();
        if (shown == staleResultsMessage(true) || shown == staleResultsMessage(false)) {
            statusBar()->clearMessage();
        }
    });
    connect(m_document, &ScenarioDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ScenarioDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_controller, &RunController::started, this, &MainWindow::updateRunState);
    connect(m_controller, &RunController::progress, this, &MainWindow::updateRunState);
    // One thing runs at a time: a sweep disables Run (and a run the sweep),
    // and the status bar says which is running.
    m_sweep->setOtherRun(m_controller);
    for (auto signal :
         {&RunController::started, &RunController::finished, &RunController::cancelled}) {
        connect(m_sweep->controller(), signal, this, &MainWindow::updateRunState);
    }
    connect(m_sweep->controller(), &RunController::failed, this, &MainWindow::updateRunState);
    connect(m_sweep, &SweepTab::activityChanged, this, &MainWindow::updateRunState);
    connect(m_controller, &RunController::finished, this, [this] {
        m_resultsStale = false;
        m_results->showResults(m_controller->results());
        updateRunState();
        statusBar()->showMessage(tr("Simulation finished."), 8000);
    });
    connect(m_controller, &RunController::cancelled, this, [this] {
        updateRunState();
        statusBar()->showMessage(tr("Run stopped; the previous results are unchanged."), 8000);
    });
    connect(m_controller, &RunController::failed, this, [this](const QString& message) {
        updateRunState();
        QMessageBox::critical(this, tr("Run failed"), message);
    });

    restoreLayout();
    updateTitle();
    updateRunState();
    updateProblems();
    updateRecentMenu();
}

MainWindow::~MainWindow() = default;

QString MainWindow::staleResultsMessage(bool runnable) {
    return runnable ? tr("The scenario changed since the results were computed; press Run to "
                         "update them.")
                    : tr("The scenario changed since the results were computed; fix its "
                         "problems (see Problems) to run it again.");
}

void MainWindow::createActions() {
    // The desktop's icon theme where there is one (Linux desktops), the
    // style's own icons elsewhere, so the toolbar never shows blanks.
    auto themeIcon = [this](const char* name, QStyle::StandardPixmap fallback) {
        return QIcon::fromTheme(QString::fromLatin1(name), style()->standardIcon(fallback));
    };
    m_new = new QAction(themeIcon("document-new", QStyle::SP_FileIcon), tr("&New"), this);
    m_new->setShortcut(QKeySequence::New);
    m_new->setToolTip(tr("Start a new scenario"));
    connect(m_new, &QAction::triggered, this, &MainWindow::newScenario);

    m_open =
        new QAction(themeIcon("document-open", QStyle::SP_DialogOpenButton), tr("&Open…"), this);
    m_open->setShortcut(QKeySequence::Open);
    connect(m_open, &QAction::triggered, this, &MainWindow::openDialog);

    m_save =
        new QAction(themeIcon("document-save", QStyle::SP_DialogSaveButton), tr("&Save"), this);
    m_save->setShortcut(QKeySequence::Save);
    connect(m_save, &QAction::triggered, this, &MainWindow::save);

    m_saveAs = new QAction(themeIcon("document-save-as", QStyle::SP_DialogSaveButton),
                           tr("Save &As…"), this);
    m_saveAs->setShortcut(QKeySequence::SaveAs);
    connect(m_saveAs, &QAction::triggered, this, &MainWindow::saveAs);

    // The Edit menu and the tooltip name the step ("Undo Change
    // workload.memory_mb"); the toolbar button keeps a fixed "Undo", so it
    // keeps its width and Run does not move under the pointer.
    m_undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undo->setShortcuts(QKeySequence::Undo);
    m_undo->setIcon(themeIcon("edit-undo", QStyle::SP_ArrowBack));
    m_undo->setIconText(tr("Undo"));
    m_redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redo->setShortcuts(UndoKeyRouter::redoKeys());
    m_redo->setIcon(themeIcon("edit-redo", QStyle::SP_ArrowForward));
    m_redo->setIconText(tr("Redo"));

    m_run = new QAction(themeIcon("media-playback-start", QStyle::SP_MediaPlay), tr("&Run"), this);
    m_run->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_run->setToolTip(tr("Simulate every architecture on the same requests (Ctrl+R)"));
    connect(m_run, &QAction::triggered, this, &MainWindow::run);

    m_stop = new QAction(themeIcon("media-playback-stop", QStyle::SP_MediaStop), tr("S&top"), this);
    m_stop->setShortcut(QKeySequence(Qt::Key_Escape));
    m_stop->setToolTip(tr("Stop the run (Esc)"));
    connect(m_stop, &QAction::triggered, this, [this] {
        m_controller->stop();
        m_sweep->controller()->stop();
    });

    m_quit = new QAction(tr("&Quit"), this);
    m_quit->setShortcut(QKeySequence::Quit);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);

    auto* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName("mainToolbar");
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addActions({m_new, m_open, m_save});
    toolbar->addSeparator();
    toolbar->addActions({m_undo, m_redo});
    toolbar->addSeparator();
    toolbar->addActions({m_run, m_stop});
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addActions({m_new, m_open});
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    QMenu* examples = file->addMenu(tr("&Examples"));
    for (const resources::EmbeddedFile& example : resources::exampleScenarioFiles()) {
        const QString name = QString::fromUtf8(example.name.data(), qsizetype(example.name.size()));
        examples->addAction(name, this, [this, name] {
            if (maybeSave()) {
                openExample(name);
            }
        });
    }
    file->addSeparator();
    file->addActions({m_save, m_saveAs});
    QMenu* exportMenu = file->addMenu(tr("&Export"));
    exportMenu->addAction(tr("Current &Chart (PNG or PDF)…"), this,
                          &MainWindow::exportCurrentChart);
    exportMenu->addAction(tr("&All Charts to a Folder…"), this, &MainWindow::exportAllCharts);
    exportMenu->addSeparator();
    exportMenu->addAction(tr("Results as &JSON…"), this, [this] { exportResults("json"); });
    exportMenu->addAction(tr("Results as &CSV…"), this, [this] { exportResults("csv"); });
    exportMenu->addAction(tr("&Time Series as CSV…"), this,
                          [this] { exportResults("timeseries"); });
    file->addSeparator();
    m_workspaceUi->addFileActions(file);
    file->addSeparator();
    file->addAction(m_quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addActions({m_undo, m_redo});
    edit->addSeparator();
    QMenu* add = edit->addMenu(tr("&Add Architecture"));
    add->addAction(tr("&Functions (FaaS)"), this, [this] { addArchitecture("serverless"); });
    add->addAction(tr("&Serverless Containers"), this, [this] { addArchitecture("container"); });
    add->addAction(tr("&VM Fleet"), this, [this] { addArchitecture("vm"); });

    QMenu* simulation = menuBar()->addMenu(tr("&Simulation"));
    simulation->addActions({m_run, m_stop});

    QMenu* view = menuBar()->addMenu(tr("&View"));
    m_editorDock = new QDockWidget(tr("Scenario"), this);
    m_problemsDock = new QDockWidget(tr("Problems"), this);
    view->addAction(m_editorDock->toggleViewAction());
    view->addAction(m_problemsDock->toggleViewAction());
    m_workspaceUi->addViewActions(view);
    view->addSeparator();
    view->addAction(tr("&Reset Layout"), this, [this] { restoreState(m_defaultState); });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About FaaS Lab"), this, [this] {
        QMessageBox::about(
            this, tr("About FaaS Lab"),
            tr("<h3>FaaS Lab %1</h3><p>A discrete-event simulator and cost model comparing "
               "serverless functions, serverless containers and virtual machines on the same "
               "workload.</p><p>Prices come from the providers' published rates; each preset "
               "names its source and date.</p>")
                .arg(QStringLiteral(FAASLAB_VERSION)));
    });
}

void MainWindow::createDocks() {
    m_editorDock->setObjectName("scenarioDock");
    // The editor scrolls each of its tabs itself.
    m_editor->setMinimumWidth(400);
    m_editorDock->setWidget(m_editor);
    addDockWidget(Qt::LeftDockWidgetArea, m_editorDock);
    // The Library shares the editor's side as a second tab: both are where a
    // scenario is chosen and changed, and side by side with the results
    // they would not fit a laptop screen.
    tabifyDockWidget(m_editorDock, m_workspaceUi->library());
    m_editorDock->raise();

    m_problemsDock->setObjectName("problemsDock");
    m_problems->setObjectName("problemList");
    m_problemsDock->setWidget(m_problems);
    addDockWidget(Qt::BottomDockWidgetArea, m_problemsDock);
    connect(m_problems, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        m_editorDock->show();
        m_editor->focusPath(item->data(Qt::UserRole).toString());
    });
}

void MainWindow::restoreLayout() {
    resize(1400, 900);
    // The results get the room; the problem list needs a few lines.
    resizeDocks({m_editorDock}, {460}, Qt::Horizontal);
    resizeDocks({m_problemsDock}, {110}, Qt::Vertical);
    m_defaultState = saveState();
    QSettings settings;
    restoreGeometry(settings.value("window/geometry").toByteArray());
    restoreState(settings.value("window/state").toByteArray());
}

void MainWindow::updateTitle() {
    setWindowTitle(QStringLiteral("%1[*] — FaaS Lab").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

void MainWindow::updateRunState() {
    const bool running = m_controller->isRunning();
    const bool sweeping = m_sweep->isRunning();
    m_run->setEnabled(!running && !sweeping && m_document->isValid());
    m_results->setScenarioRunnable(m_document->isValid());
    m_stop->setEnabled(running || sweeping);
    m_stop->setToolTip(sweeping ? tr("Stop the sweep (Esc); its finished points are kept")
                                : tr("Stop the run (Esc)"));
    if (sweeping) {
        m_validity->setText(m_sweep->activityText());
        m_run->setToolTip(tr("A sweep is running (see the Sweep tab); Run is available when it "
                             "ends or is stopped"));
    } else if (running) {
        m_validity->setText(
            tr("Running \"%1\"…")
                .arg(QString::fromStdString(m_document->scenario() ? m_document->scenario()->name
                                                                   : std::string())));
    } else if (m_document->isValid()) {
        m_validity->setText(tr("Ready to run."));
        m_run->setToolTip(tr("Simulate every architecture on the same requests (Ctrl+R)"));
    } else {
        const auto count = m_document->diagnostics().count();
        m_validity->setText(
            tr("%n problem(s) in the scenario; Run is disabled until they are fixed.", nullptr,
               static_cast<int>(count)));
    }
    if (!sweeping && !m_document->isValid()) {
        m_run->setToolTip(tr("Fix the scenario's problems first (see Problems)"));
    }
}

void MainWindow::updateProblems() {
    m_problems->clear();
    for (const Diagnostic& d : m_document->diagnostics().items()) {
        auto* item = new QListWidgetItem(
            QString::fromStdString((d.path.empty() ? "" : d.path + ": ") + d.message), m_problems);
        item->setData(Qt::UserRole, QString::fromStdString(d.path));
        item->setIcon(QIcon::fromTheme("dialog-warning"));
    }
    m_problemsDock->setWindowTitle(
        m_document->isValid() ? tr("Problems") : tr("Problems (%1)").arg(m_problems->count()));
}

void MainWindow::run() {
    if (m_sweep->isRunning()) {
        // Refused, and said: both would share the cores, and the sweep's
        // points would take twice as long.
        statusBar()->showMessage(tr("A sweep is running; Run is refused until it ends or is "
                                    "stopped (Sweep tab or Esc)."),
                                 8000);
        return;
    }
    if (!m_document->isValid() || m_controller->isRunning()) {
        return;
    }
    m_controller->startScenario(*m_document->scenario());
}

bool MainWindow::maybeSave() {
    if (!m_document->isModified()) {
        return true;
    }
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved changes"),
        tr("The scenario \"%1\" has changes that are not saved. Save them?")
            .arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save) {
        return save();
    }
    return answer == QMessageBox::Discard;
}

void MainWindow::newScenario() {
    if (maybeSave()) {
        m_document->newDocument();
    }
}

void MainWindow::openDialog() {
    if (!maybeSave()) {
        return;
    }
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Scenario"), QString(),
                                                      tr("Scenarios (*.json);;All files (*)"));
    if (!path.isEmpty()) {
        openFile(path);
    }
}

bool MainWindow::openFile(const QString& path) {
    QString error;
    if (!m_document->loadFile(path, &error)) {
        QMessageBox::warning(this, tr("Cannot open scenario"), error);
        return false;
    }
    addRecentFile(m_document->filePath());
    return true;
}

bool MainWindow::openExample(const QString& fileName) {
    for (const resources::EmbeddedFile& example : resources::exampleScenarioFiles()) {
        if (QString::fromUtf8(example.name.data(), qsizetype(example.name.size())) == fileName) {
            // A folder problem is only shown: the example still opens, and a
            // trace it cannot find is named in the Problems list.
            QString problem;
            const QString folder = exampleFolder(&problem);
            if (folder.isEmpty()) {
                statusBar()->showMessage(problem, 10000);
            }
            m_document->loadText(
                QString::fromUtf8(example.contents.data(), qsizetype(example.contents.size())),
                fileName, folder);
            return true;
        }
    }
    return false;
}

bool MainWindow::save() {
    if (m_document->filePath().isEmpty()) {
        return saveAs();
    }
    QString error;
    if (!m_document->saveFile(m_document->filePath(), &error)) {
        QMessageBox::warning(this, tr("Cannot save"), error);
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(m_document->filePath()), 5000);
    return true;
}

bool MainWindow::saveAs() {
    QString path = QFileDialog::getSaveFileName(
        this, tr("Save Scenario"), suggestedFileName() + ".json", tr("Scenarios (*.json)"));
    if (path.isEmpty()) {
        return false;
    }
    if (QFileInfo(path).suffix().isEmpty()) {
        path += ".json";
    }
    QString error;
    if (!m_document->saveFile(path, &error)) {
        QMessageBox::warning(this, tr("Cannot save"), error);
        return false;
    }
    addRecentFile(m_document->filePath());
    return true;
}

void MainWindow::addRecentFile(const QString& path) {
    QSettings settings;
    QStringList recent = settings.value("recentFiles").toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > MaxRecentFiles) {
        recent.removeLast();
    }
    settings.setValue("recentFiles", recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = QSettings().value("recentFiles").toStringList();
    for (const QString& path : recent) {
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path] {
            if (maybeSave()) {
                openFile(path);
            }
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::addArchitecture(const QString& type) {
    m_editorDock->show();
    m_editor->addArchitecture(type);
}

void MainWindow::exportCurrentChart() {
    auto* tab = qobject_cast<ResultsTab*>(m_results->currentWidget());
    const QList<QCustomPlot*> charts = tab != nullptr ? tab->charts() : QList<QCustomPlot*>{};
    if (charts.isEmpty()) {
        QMessageBox::information(this, tr("Export chart"),
                                 tr("The current tab has no chart to export."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"),
                                                      suggestedFileName(tab->title()) + ".png",
                                                      tr("PNG image (*.png);;PDF (*.pdf)"));
    if (path.isEmpty()) {
        return;
    }
    QString error;
    // A tab with several charts exports them as name-1.png, name-2.png ...
    for (int i = 0; i < charts.size(); ++i) {
        QString target = path;
        if (charts.size() > 1) {
            const QFileInfo info(path);
            target = info.path() + "/" + info.completeBaseName() +
                     QStringLiteral("-%1.").arg(i + 1) + info.suffix();
        }
        if (!exportTabChart(tab, charts[i], target, &error)) {
            QMessageBox::warning(this, tr("Export chart"), error);
            return;
        }
    }
}

void MainWindow::exportAllCharts() {
    const QString directory = QFileDialog::getExistingDirectory(this, tr("Export Charts To"));
    if (directory.isEmpty()) {
        return;
    }
    QStringList written;
    QString error;
    if (!exportChartsTo(directory, &written, &error)) {
        QMessageBox::warning(this, tr("Export charts"), error);
        return;
    }
    statusBar()->showMessage(tr("Wrote %1 files to %2").arg(written.size()).arg(directory), 8000);
}

bool MainWindow::exportChartsTo(const QString& directory, QStringList* written, QString* error) {
    m_results->deliverPending();
    for (ResultsTab* tab : m_results->resultsTabs()) {
        const QList<QCustomPlot*> charts = tab->charts();
        for (int i = 0; i < charts.size(); ++i) {
            const QString base = directory + "/" + portableFileName(tab->title().toLower()) +
                                 (charts.size() > 1 ? QStringLiteral("-%1").arg(i + 1) : QString());
            for (const char* suffix : {".png", ".pdf"}) {
                if (!exportTabChart(tab, charts[i], base + suffix, error)) {
                    return false;
                }
                written->append(base + suffix);
            }
        }
    }
    return true;
}

QString MainWindow::suggestedFileName(const QString& detail) const {
    return portableFileName(m_document->displayName() +
                            (detail.isEmpty() ? QString() : " " + detail));
}

namespace {

// "seed 7, 5 replications", spelled out in full for a printed footnote.
QString seedAndReplications(std::uint64_t seed, int replications) {
    return replications == 1
               ? MainWindow::tr("seed %1, 1 replication").arg(seed)
               : MainWindow::tr("seed %1, %2 replications").arg(seed).arg(replications);
}

} // namespace

QString MainWindow::chartFootnote(const ResultsTab* tab) const {
    // What the chart was computed from: the sweep's scenario for the Sweep
    // tab, the results' for the others (a stored run shown from the
    // Library may be another scenario than the one being edited).
    QString scenario = m_document->displayName();
    QString computed;
    if (tab == m_sweep && m_sweep->lastResults() != nullptr) {
        const SweepResults& sweep = *m_sweep->lastResults();
        scenario = QString::fromStdString(sweep.scenarioName);
        computed = tr("sweep of %1, %2")
                       .arg(QString::fromStdString(sweep.parameter))
                       .arg(seedAndReplications(sweep.seed, sweep.replications));
    } else if (m_results->hasResults()) {
        const ScenarioResults& results = m_results->results();
        scenario = QString::fromStdString(results.scenarioName);
        computed = seedAndReplications(results.seed, results.replications);
    }
    QStringList parts{scenario};
    if (!computed.isEmpty()) {
        parts << computed;
    }
    parts << tr("exported %1").arg(QDateTime::currentDateTime().toString("yyyy-MM-dd HH:mm"))
          << tr("FaaS Lab %1").arg(QStringLiteral(FAASLAB_VERSION));
    return parts.join(QStringLiteral(" · "));
}

bool MainWindow::exportTabChart(const ResultsTab* tab, QCustomPlot* chart, const QString& path,
                                QString* error) {
    const ChartFootnote footnote(chart, chartFootnote(tab));
    return exportChart(chart, path, error);
}

void MainWindow::exportResults(const QString& kind) {
    if (!m_results->hasResults()) {
        QMessageBox::information(this, tr("Export results"), tr("Run the scenario first."));
        return;
    }
    const bool json = kind == "json";
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Results"),
        suggestedFileName(kind == "timeseries" ? QStringLiteral("timeseries") : QString()) +
            (json ? ".json" : ".csv"),
        json ? tr("JSON (*.json)") : tr("CSV (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (!exportResultsTo(path, kind, &error)) {
        QMessageBox::warning(this, tr("Export results"), error);
    }
}

bool MainWindow::exportResultsTo(const QString& path, const QString& kind, QString* error) {
    if (!m_results->hasResults()) {
        *error = tr("There are no results to export: run the scenario first.");
        return false;
    }
    // The same writers as faaslab-cli's --out, --csv and --timeseries.
    const ScenarioResults& r = m_results->results();
    const std::string text = kind == "json"         ? resultsToJsonText(r)
                             : kind == "timeseries" ? resultsTimeSeriesCsv(r)
                                                    : resultsSummaryCsv(r);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(text.data(), static_cast<qint64>(text.size())) < 0 || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_controller->stop();
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/state", saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    const auto urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.front().isLocalFile() &&
        urls.front().toLocalFile().endsWith(".json", Qt::CaseInsensitive)) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QString path = event->mimeData()->urls().front().toLocalFile();
    if (maybeSave()) {
        openFile(path);
    }
}

QStringList MainWindow::saveScreenshots(const QString& directory, const QSize& size) {
    QStringList written;
    QDir().mkpath(directory);
    resize(size);
    show();
    QApplication::processEvents();
    auto grab = [&](QWidget* widget, const QString& name) {
        const QString path = directory + "/" + name + ".png";
        if (widget->grab().save(path)) {
            written << path;
        }
    };
    grab(this, "main-window");
    // Each editor tab: simulation, workload, and the first architecture of
    // each type.
    QTabWidget* editorTabs = m_editor->tabs();
    const int shownTab = editorTabs->currentIndex();
    QSet<QString> typesShown;
    for (int i = 0; i < editorTabs->count(); ++i) {
        QString name;
        if (i < 2) {
            name = i == 0                         ? "editor-simulation"
                   : m_editor->showsApplication() ? "editor-application"
                                                  : "editor-workload";
        } else if (const ArchitectureEditor* architecture = m_editor->architectureEditor(i - 2)) {
            const QString type = architecture->typeBox()->currentText();
            if (typesShown.contains(type)) {
                continue;
            }
            typesShown.insert(type);
            name = "editor-architecture-" + QString::number(typesShown.size());
        }
        editorTabs->setCurrentIndex(i);
        QApplication::processEvents();
        grab(m_editorDock, name);
    }
    editorTabs->setCurrentIndex(shownTab);
    m_workspaceUi->library()->raise();
    QApplication::processEvents();
    grab(m_workspaceUi->library(), "library");
    m_editorDock->raise();
    QApplication::processEvents();
    for (ResultsTab* tab : m_results->resultsTabs()) {
        m_results->setCurrentWidget(tab);
        QApplication::processEvents();
        // An empty sweep chart shows nothing: run the sweep the tab proposes
        // for this scenario (its default parameter and range) first.
        if (tab == m_sweep && m_sweep->lastResults() == nullptr &&
            m_sweep->startSweepFromControls()) {
            m_sweep->controller()->waitForFinished(std::numeric_limits<int>::max());
        }
        // Likewise the timeline: record its default window, and put the
        // cursor a third of the way in, where the counters have something
        // to say.
        if (tab == m_timeline && m_timeline->architectureCount() == 0 &&
            m_timeline->recordFromControls()) {
            m_timeline->controller()->waitForFinished(std::numeric_limits<int>::max());
            QApplication::processEvents();
            if (m_timeline->architectureCount() > 0) {
                const TimelineWindow& w = m_timeline->lanes(0).timeline().window;
                m_timeline->setCursorTime(w.fromS + (w.toS - w.fromS) / 3.0);
            }
        }
        for (QCustomPlot* chart : tab->charts()) {
            chart->replot();
        }
        QApplication::processEvents();
        if (!tab->showsResults()) {
            continue;
        }
        grab(this, "tab-" + portableFileName(tab->title().toLower()));
    }
    m_results->setCurrentIndex(0);
    return written;
}

} // namespace faaslab::gui
