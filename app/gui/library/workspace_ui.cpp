#include "app/gui/library/workspace_ui.h"

#include "app/gui/document/scenario_document.h"
#include "app/gui/library/library_dock.h"
#include "app/gui/library/pricing_catalog_dialog.h"
#include "app/gui/library/workspace_session.h"
#include "app/gui/main_window.h"
#include "app/gui/results/results_panel.h"
#include "app/gui/sweep/sweep_tab.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace faaslab::gui {

namespace {
const char* const PathKey = "workspace/path";
} // namespace

WorkspaceUi::WorkspaceUi(MainWindow* window)
    : QObject(window)
    , m_window(window)
    , m_session(new WorkspaceSession(this))
    , m_library(new LibraryDock(m_session, window)) {
    m_session->attach(window->runController(), window->document());
    m_session->attachSweeps(window->sweepTab());
    window->addDockWidget(Qt::RightDockWidgetArea, m_library);

    m_openWorkspace = new QAction(tr("Open &Workspace…"), this);
    m_openWorkspace->setToolTip(tr("Choose the workspace database (scenario library, run "
                                   "history, pricing catalog)"));
    connect(m_openWorkspace, &QAction::triggered, this, &WorkspaceUi::openWorkspaceDialog);
    m_pricingCatalog = new QAction(tr("&Pricing Catalog…"), this);
    connect(m_pricingCatalog, &QAction::triggered, this, &WorkspaceUi::showPricingCatalog);
    m_recordRuns = new QAction(tr("&Record Runs in the Workspace"), this);
    m_recordRuns->setCheckable(true);
    m_recordRuns->setChecked(m_session->recordsRuns());
    m_recordRuns->setToolTip(tr("Store every completed run with its scenario revision"));
    connect(m_recordRuns, &QAction::toggled, m_session, &WorkspaceSession::setRecordsRuns);

    connect(m_library, &LibraryDock::showRunRequested, this, &WorkspaceUi::showStoredRun);
    connect(m_library, &LibraryDock::showSweepRequested, this, &WorkspaceUi::showStoredSweep);
    connect(m_library, &LibraryDock::openScenarioRequested, this,
            [this](const QString& text, const QString& name) {
                ScenarioDocument* document = m_window->document();
                if (document->isModified() &&
                    QMessageBox::question(
                        m_window, tr("Unsaved changes"),
                        tr("The scenario \"%1\" has changes that are not saved. Open \"%2\" "
                           "anyway and lose them?")
                            .arg(document->displayName(), name)) != QMessageBox::Yes) {
                    return;
                }
                document->loadText(text, name);
                m_window->resultsPanel()->clearResults();
            });
    // Queued: the session records the run before the main window hears of
    // it, and its plain "Simulation finished." must not replace these.
    connect(
        m_session, &WorkspaceSession::runRecorded, this,
        [this](qint64 id) {
            m_window->statusBar()->showMessage(
                tr("Simulation finished; recorded as run %1.").arg(id), 8000);
        },
        Qt::QueuedConnection);
    connect(
        m_session, &WorkspaceSession::sweepRecorded, this,
        [this](qint64 id) {
            m_window->statusBar()->showMessage(tr("Sweep recorded as sweep %1.").arg(id), 8000);
        },
        Qt::QueuedConnection);
    connect(
        m_session, &WorkspaceSession::recordingFailed, this,
        [this](const QString& message) {
            m_window->statusBar()->showMessage(tr("The run was not recorded: %1").arg(message));
        },
        Qt::QueuedConnection);
}

void WorkspaceUi::addFileActions(QMenu* file) {
    file->addAction(m_openWorkspace);
    file->addAction(m_pricingCatalog);
    file->addAction(m_recordRuns);
}

void WorkspaceUi::addViewActions(QMenu* view) {
    view->addAction(m_library->toggleViewAction());
}

bool WorkspaceUi::openAtStart(const QString& path) {
    const QString file = !path.isEmpty() ? path : QSettings().value(PathKey).toString();
    QString error;
    if (openWorkspace(file, &error)) {
        return true;
    }
    m_window->statusBar()->showMessage(error);
    return false;
}

bool WorkspaceUi::openWorkspace(const QString& path, QString* error) {
    if (!m_session->open(path, error)) {
        return false;
    }
    QSettings().setValue(PathKey, m_session->path());
    m_library->setWindowTitle(tr("Library — %1").arg(QFileInfo(m_session->path()).fileName()));
    return true;
}

void WorkspaceUi::openWorkspaceDialog() {
    const QString start =
        m_session->isOpen() ? m_session->path() : workspace::Workspace::defaultPath();
    // A new file name creates a workspace; an existing one opens it.
    const QString path =
        QFileDialog::getSaveFileName(m_window, tr("Open or Create Workspace"), start,
                                     tr("FaaS Lab workspaces (*.sqlite *.db);;All files (*)"),
                                     nullptr, QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (!openWorkspace(path, &error)) {
        QMessageBox::warning(m_window, tr("Cannot open workspace"), error);
    }
}

QWidget* WorkspaceUi::showPricingCatalog() {
    if (!m_session->isOpen()) {
        QMessageBox::information(m_window, tr("Pricing Catalog"),
                                 tr("Open a workspace first (File > Open Workspace)."));
        return nullptr;
    }
    auto* dialog = new PricingCatalogDialog(m_session, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void WorkspaceUi::showStoredRun(const workspace::StoredRun& run) {
    m_window->resultsPanel()->showResults(run.results);
    m_window->statusBar()->showMessage(
        tr("Showing stored run %1 of \"%2\" (revision %3), from %4; nothing was simulated.")
            .arg(run.summary.id)
            .arg(run.summary.scenarioName)
            .arg(run.summary.revision)
            .arg(QLocale().toString(run.summary.startedAt.toLocalTime(), QLocale::ShortFormat)));
}

void WorkspaceUi::showStoredSweep(const workspace::StoredSweep& sweep, const QString& document) {
    const auto json = nlohmann::ordered_json::parse(document.toStdString(), nullptr, false);
    const bool partial = sweep.summary.status == QLatin1String("cancelled");
    m_window->sweepTab()->showStoredSweep(
        sweep.results, json.is_discarded() ? nlohmann::ordered_json() : json, partial);
    m_window->resultsPanel()->setCurrentWidget(m_window->sweepTab());
    m_window->statusBar()->showMessage(
        (partial ? tr("Showing stored partial sweep %1 of \"%2\" (stopped before its end), "
                      "from %3; nothing was simulated.")
                 : tr("Showing stored sweep %1 of \"%2\", from %3; nothing was simulated."))
            .arg(sweep.summary.id)
            .arg(sweep.summary.scenarioName)
            .arg(QLocale().toString(sweep.summary.startedAt.toLocalTime(), QLocale::ShortFormat)));
}

} // namespace faaslab::gui
