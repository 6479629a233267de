#include "app/gui/library/library_dock.h"

#include "app/gui/library/run_comparison_dialog.h"
#include "app/gui/library/run_list_model.h"
#include "app/gui/library/scenario_list_model.h"
#include "app/gui/library/sweep_list_model.h"
#include "app/gui/library/workspace_session.h"
#include "app/gui/results/record_table.h"
#include "app/workspace/scenario_store.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace faaslab::gui {

LibraryDock::LibraryDock(WorkspaceSession* session, QWidget* parent)
    : QDockWidget(tr("Library"), parent)
    , m_session(session)
    , m_search(new QLineEdit(this))
    , m_tags(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_scenarios(new ScenarioListModel(this))
    , m_runs(new RunListModel(this))
    , m_sweeps(new SweepListModel(this)) {
    setObjectName("libraryDock");
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);

    auto* filters = new QHBoxLayout;
    m_search->setPlaceholderText(tr("Search scenarios"));
    m_search->setClearButtonEnabled(true);
    m_tags->setToolTip(tr("Show only scenarios with this tag"));
    filters->addWidget(m_search, 2);
    filters->addWidget(m_tags, 1);
    layout->addLayout(filters);

    m_scenarioView = makeRecordTable(m_scenarios, body);
    m_scenarioView->setObjectName("libraryScenarios");
    m_scenarioView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_scenarioView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_runView = makeRecordTable(m_runs, body);
    m_runView->setObjectName("libraryRuns");
    m_runView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_runView->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_sweepView = makeRecordTable(m_sweeps, body);
    m_sweepView->setObjectName("librarySweeps");
    m_sweepView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_sweepView->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto* scenarioBar = new QToolBar(body);
    scenarioBar->setIconSize(QSize(1, 1));
    m_open = scenarioBar->addAction(tr("Open"), this, [this] { openScenario(selectedScenario()); });
    m_open->setToolTip(tr("Open the newest revision in the editor"));
    m_rename = scenarioBar->addAction(tr("Rename…"), this, [this] {
        const qint64 id = selectedScenario();
        const auto* s = m_scenarios->scenarioAt(m_scenarios->rowOf(id));
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Rename Scenario"), tr("New name:"),
                                                   QLineEdit::Normal, s ? s->name : QString(), &ok);
        QString error;
        if (ok && !renameScenario(id, name, &error)) {
            reportError(error);
        }
    });
    m_duplicate = scenarioBar->addAction(tr("Duplicate"), this, [this] {
        QString error;
        if (duplicateScenario(selectedScenario(), &error) == 0) {
            reportError(error);
        }
    });
    m_editTags = scenarioBar->addAction(tr("Tags…"), this, [this] {
        const qint64 id = selectedScenario();
        const auto* s = m_scenarios->scenarioAt(m_scenarios->rowOf(id));
        bool ok = false;
        const QString text =
            QInputDialog::getText(this, tr("Scenario Tags"), tr("Tags, separated by commas:"),
                                  QLineEdit::Normal, s ? s->tags.join(", ") : QString(), &ok);
        QString error;
        if (ok && !setTags(id, text.split(','), &error)) {
            reportError(error);
        }
    });
    m_delete = scenarioBar->addAction(tr("Delete…"), this, [this] {
        QString error;
        const qint64 id = selectedScenario();
        const auto* s = m_scenarios->scenarioAt(m_scenarios->rowOf(id));
        if (s != nullptr &&
            confirm(tr("Delete the scenario \"%1\" with its %n stored run(s) and every revision? "
                       "This cannot be undone.",
                       nullptr, s->runCount)
                        .arg(s->name)) &&
            !deleteScenario(id, &error)) {
            reportError(error);
        }
    });

    auto* runBar = new QToolBar(body);
    runBar->setIconSize(QSize(1, 1));
    m_showRun = runBar->addAction(tr("Show Results"), this, [this] {
        if (!selectedRuns().isEmpty()) {
            showRun(selectedRuns().front());
        }
    });
    m_showRun->setToolTip(tr("Show the stored results (nothing is simulated again)"));
    m_compare = runBar->addAction(tr("Compare"), this, [this] {
        const QList<qint64> runs = selectedRuns();
        if (runs.size() == 2) {
            // Older run on the left: "before" and "after".
            compareRuns(std::min(runs[0], runs[1]), std::max(runs[0], runs[1]));
        }
    });
    m_compare->setToolTip(tr("Select two runs to compare them side by side"));
    m_label = runBar->addAction(tr("Label…"), this, [this] {
        const QList<qint64> runs = selectedRuns();
        if (runs.isEmpty()) {
            return;
        }
        const auto* r = m_runs->runAt(m_runs->rowOf(runs.front()));
        bool ok = false;
        const QString label = QInputDialog::getText(
            this, tr("Run Label"), tr("Label (e.g. \"after the price change\"):"),
            QLineEdit::Normal, r ? r->label : QString(), &ok);
        QString error;
        if (ok && !setRunLabel(runs.front(), label, &error)) {
            reportError(error);
        }
    });
    m_deleteRun = runBar->addAction(tr("Delete…"), this, [this] {
        const QList<qint64> runs = selectedRuns();
        if (runs.isEmpty() || !confirm(tr("Delete %n stored run(s)? This cannot be undone.",
                                          nullptr, static_cast<int>(runs.size())))) {
            return;
        }
        QString error;
        for (qint64 id : runs) {
            if (!deleteRun(id, &error)) {
                reportError(error);
                return;
            }
        }
    });

    auto* sweepBar = new QToolBar(body);
    sweepBar->setIconSize(QSize(1, 1));
    m_showSweep =
        sweepBar->addAction(tr("Show Sweep"), this, [this] { showSweep(selectedSweep()); });
    m_showSweep->setToolTip(tr("Show the stored sweep in the Sweep tab (nothing is simulated "
                               "again)"));
    m_deleteSweep = sweepBar->addAction(tr("Delete…"), this, [this] {
        const qint64 id = selectedSweep();
        QString error;
        if (id != 0 && confirm(tr("Delete stored sweep %1? This cannot be undone.").arg(id)) &&
            !deleteSweep(id, &error)) {
            reportError(error);
        }
    });

    auto* splitter = new QSplitter(Qt::Vertical, body);
    auto* top = new QWidget(splitter);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_scenarioView);
    topLayout->addWidget(scenarioBar);
    m_history = new QTabWidget(splitter);
    m_history->setObjectName("libraryHistory");
    m_history->setDocumentMode(true);
    auto* runsPage = new QWidget(m_history);
    auto* runsLayout = new QVBoxLayout(runsPage);
    runsLayout->setContentsMargins(0, 0, 0, 0);
    runsLayout->addWidget(m_runView);
    runsLayout->addWidget(runBar);
    m_history->addTab(runsPage, tr("Runs"));
    auto* sweepsPage = new QWidget(m_history);
    auto* sweepsLayout = new QVBoxLayout(sweepsPage);
    sweepsLayout->setContentsMargins(0, 0, 0, 0);
    sweepsLayout->addWidget(m_sweepView);
    sweepsLayout->addWidget(sweepBar);
    m_history->addTab(sweepsPage, tr("Sweeps"));
    splitter->addWidget(top);
    splitter->addWidget(m_history);
    layout->addWidget(splitter, 1);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    setWidget(body);
    setMinimumWidth(400);

    connect(m_search, &QLineEdit::textChanged, this, &LibraryDock::refresh);
    connect(m_tags, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_refreshing) {
            refresh();
        }
    });
    connect(m_scenarioView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (!m_refreshing) {
            refresh();
        }
    });
    connect(m_runView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &LibraryDock::updateActions);
    connect(m_scenarioView, &QTableView::doubleClicked, this,
            [this] { openScenario(selectedScenario()); });
    connect(m_runView, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (const auto* r = m_runs->runAt(index.row())) {
            showRun(r->id);
        }
    });
    connect(m_sweepView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &LibraryDock::updateActions);
    connect(m_sweepView, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (const auto* sweep = m_sweeps->sweepAt(index.row())) {
            showSweep(sweep->id);
        }
    });
    connect(m_session, &WorkspaceSession::changed, this, &LibraryDock::refresh);
    refresh();
}

void LibraryDock::refresh() {
    if (m_refreshing) {
        return;
    }
    m_refreshing = true;
    const qint64 scenario = selectedScenario();
    const QList<qint64> runs = selectedRuns();
    QString error;
    if (!m_session->isOpen()) {
        m_scenarios->setScenarios({});
        m_runs->setRuns({});
        m_sweeps->setSweeps({});
        m_status->setText(tr("No workspace is open (File > Open Workspace)."));
        m_refreshing = false;
        updateActions();
        return;
    }
    workspace::ScenarioStore store(m_session->workspace());
    // Tags: keep the chosen one while it still exists.
    const QString tag = m_tags->currentData().toString();
    m_tags->clear();
    m_tags->addItem(tr("All tags"), QString());
    for (const QString& t : store.allTags(&error).value_or(QStringList{})) {
        m_tags->addItem(t, t);
    }
    m_tags->setCurrentIndex(std::max(0, m_tags->findData(tag)));
    m_scenarios->setScenarios(store.list(m_search->text(), m_tags->currentData().toString(), &error)
                                  .value_or(std::vector<workspace::StoredScenario>{}));
    const int row = m_scenarios->rowOf(scenario);
    if (row >= 0) {
        m_scenarioView->selectRow(row);
    }
    m_runs->setRuns(workspace::RunStore(m_session->workspace())
                        .list(&error, row >= 0 ? scenario : 0)
                        .value_or(std::vector<workspace::RunSummary>{}));
    const qint64 sweep = selectedSweep();
    std::vector<workspace::SweepSummary> sweeps =
        workspace::SweepStore(m_session->workspace())
            .list(&error)
            .value_or(std::vector<workspace::SweepSummary>{});
    if (const auto* shown = m_scenarios->scenarioAt(row)) {
        std::erase_if(sweeps, [shown](const workspace::SweepSummary& s) {
            return s.scenarioName != shown->name;
        });
    }
    m_sweeps->setSweeps(std::move(sweeps));
    m_scenarioView->resizeColumnsToContents();
    m_runView->resizeColumnsToContents();
    m_sweepView->resizeColumnsToContents();
    m_history->setTabText(1, tr("Sweeps (%1)").arg(m_sweeps->rowCount()));
    m_history->setTabText(0, tr("Runs (%1)").arg(m_runs->rowCount()));
    m_status->setText(error.isEmpty() ? tr("%1 — %n run(s) shown", nullptr, m_runs->rowCount())
                                            .arg(QDir::toNativeSeparators(m_session->path()))
                                      : error);
    m_refreshing = false;
    selectRuns(runs);
    if (const int sweepRow = m_sweeps->rowOf(sweep); sweepRow >= 0) {
        m_sweepView->selectRow(sweepRow);
    }
    updateActions();
}

void LibraryDock::selectScenario(qint64 id) {
    const int row = m_scenarios->rowOf(id);
    if (row >= 0) {
        m_scenarioView->selectRow(row);
    } else {
        m_scenarioView->clearSelection();
    }
}

void LibraryDock::selectRuns(const QList<qint64>& ids) {
    QItemSelection selection;
    for (qint64 id : ids) {
        const int row = m_runs->rowOf(id);
        if (row >= 0) {
            selection.select(m_runs->index(row, 0),
                             m_runs->index(row, RunListModel::ColumnCount - 1));
        }
    }
    m_runView->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

qint64 LibraryDock::selectedScenario() const {
    const QModelIndexList rows = m_scenarioView->selectionModel()->selectedRows();
    const auto* s = rows.isEmpty() ? nullptr : m_scenarios->scenarioAt(rows.front().row());
    return s != nullptr ? s->id : 0;
}

QList<qint64> LibraryDock::selectedRuns() const {
    QList<qint64> ids;
    for (const QModelIndex& index : m_runView->selectionModel()->selectedRows()) {
        if (const auto* r = m_runs->runAt(index.row())) {
            ids << r->id;
        }
    }
    return ids;
}

void LibraryDock::updateActions() {
    const bool scenario = selectedScenario() != 0;
    for (QAction* a : {m_open, m_rename, m_duplicate, m_editTags, m_delete}) {
        a->setEnabled(scenario);
    }
    const auto runs = selectedRuns().size();
    m_showRun->setEnabled(runs >= 1);
    m_label->setEnabled(runs == 1);
    m_deleteRun->setEnabled(runs >= 1);
    m_compare->setEnabled(runs == 2);
    m_showSweep->setEnabled(selectedSweep() != 0);
    m_deleteSweep->setEnabled(selectedSweep() != 0);
}

qint64 LibraryDock::selectedSweep() const {
    const QModelIndexList rows = m_sweepView->selectionModel()->selectedRows();
    const auto* s = rows.isEmpty() ? nullptr : m_sweeps->sweepAt(rows.front().row());
    return s != nullptr ? s->id : 0;
}

void LibraryDock::showSweep(qint64 id) {
    QString error;
    const auto sweep = workspace::SweepStore(m_session->workspace()).load(id, &error);
    const auto revision = sweep ? workspace::ScenarioStore(m_session->workspace())
                                      .revision(sweep->summary.revisionId, &error)
                                : std::nullopt;
    if (!revision) {
        reportError(error);
        return;
    }
    emit showSweepRequested(*sweep, revision->document);
}

bool LibraryDock::deleteSweep(qint64 id, QString* error) {
    const bool ok = workspace::SweepStore(m_session->workspace()).remove(id, error);
    if (ok) {
        m_session->notifyChanged();
    }
    return ok;
}

bool LibraryDock::renameScenario(qint64 id, const QString& name, QString* error) {
    const bool ok = workspace::ScenarioStore(m_session->workspace()).rename(id, name, error);
    if (ok) {
        m_session->notifyChanged();
    }
    return ok;
}

qint64 LibraryDock::duplicateScenario(qint64 id, QString* error) {
    workspace::ScenarioStore store(m_session->workspace());
    const auto scenario = store.find(id, error);
    if (!scenario) {
        return 0;
    }
    const auto copy =
        store.duplicate(id, store.unusedName(tr("%1 copy").arg(scenario->name)), error);
    if (!copy) {
        return 0;
    }
    m_session->notifyChanged();
    selectScenario(*copy);
    return *copy;
}

bool LibraryDock::deleteScenario(qint64 id, QString* error) {
    const bool ok = workspace::ScenarioStore(m_session->workspace()).remove(id, error);
    if (ok) {
        m_session->notifyChanged();
    }
    return ok;
}

bool LibraryDock::setTags(qint64 id, const QStringList& tags, QString* error) {
    const bool ok = workspace::ScenarioStore(m_session->workspace()).setTags(id, tags, error);
    if (ok) {
        m_session->notifyChanged();
    }
    return ok;
}

bool LibraryDock::deleteRun(qint64 id, QString* error) {
    const bool ok = workspace::RunStore(m_session->workspace()).remove(id, error);
    if (ok) {
        m_session->notifyChanged();
    }
    return ok;
}

bool LibraryDock::setRunLabel(qint64 id, const QString& label, QString* error) {
    const bool ok = workspace::RunStore(m_session->workspace()).setLabel(id, label, error);
    if (ok) {
        m_session->notifyChanged();
    }
    return ok;
}

void LibraryDock::openScenario(qint64 id) {
    QString error;
    workspace::ScenarioStore store(m_session->workspace());
    const auto scenario = store.find(id, &error);
    const auto revision =
        scenario ? store.revision(scenario->latestRevisionId, &error) : std::nullopt;
    if (!revision) {
        reportError(error);
        return;
    }
    emit openScenarioRequested(revision->document, scenario->name);
}

void LibraryDock::showRun(qint64 id) {
    QString error;
    const auto run = workspace::RunStore(m_session->workspace()).load(id, &error);
    if (!run) {
        reportError(error);
        return;
    }
    emit showRunRequested(*run);
}

QWidget* LibraryDock::compareRuns(qint64 a, qint64 b) {
    QString error;
    workspace::RunStore store(m_session->workspace());
    const auto before = store.load(a, &error);
    const auto after = before ? store.load(b, &error) : std::nullopt;
    if (!after) {
        reportError(error);
        return nullptr;
    }
    // The scenario each run simulated, for the list of changed settings.
    workspace::ScenarioStore scenarios(m_session->workspace());
    auto scenarioOf = [&scenarios](const workspace::StoredRun& run) {
        QString ignored;
        const auto revision = scenarios.revision(run.summary.revisionId, &ignored);
        const auto json = revision ? nlohmann::ordered_json::parse(revision->document.toStdString(),
                                                                   nullptr, false)
                                   : nlohmann::ordered_json();
        return json.is_discarded() ? nlohmann::ordered_json() : json;
    };
    auto* dialog =
        new RunComparisonDialog(*before, *after, scenarioOf(*before), scenarioOf(*after), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void LibraryDock::setConfirmation(std::function<bool(const QString&)> confirm) {
    m_confirm = std::move(confirm);
}

bool LibraryDock::confirm(const QString& question) {
    if (m_confirm) {
        return m_confirm(question);
    }
    return QMessageBox::question(this, tr("Delete"), question,
                                 QMessageBox::Yes | QMessageBox::Cancel,
                                 QMessageBox::Cancel) == QMessageBox::Yes;
}

void LibraryDock::reportError(const QString& message) {
    if (!message.isEmpty()) {
        QMessageBox::warning(this, tr("Library"), message);
    }
}

} // namespace faaslab::gui
