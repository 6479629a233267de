#pragma once

#include "app/workspace/run_store.h"
#include "app/workspace/sweep_store.h"

#include <QDockWidget>
#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QTabWidget;
class QTableView;

namespace faaslab::gui {

class RunListModel;
class ScenarioListModel;
class SweepListModel;
class WorkspaceSession;

// The Library: the workspace's scenarios (searchable, filtered by tag) and
// the runs and sweeps of the selected one (all of them when none is
// selected). A scenario opens in the editor; a run or a sweep shows its
// stored results without simulating; two runs open side by side. Deleting
// asks first: it cannot be undone.
class LibraryDock : public QDockWidget {
    Q_OBJECT

public:
    explicit LibraryDock(WorkspaceSession* session, QWidget* parent = nullptr);

    QTableView* scenarioView() const { return m_scenarioView; }
    QTableView* runView() const { return m_runView; }
    QLineEdit* searchField() const { return m_search; }
    QComboBox* tagFilter() const { return m_tags; }
    ScenarioListModel* scenarioModel() const { return m_scenarios; }
    RunListModel* runModel() const { return m_runs; }
    QTableView* sweepView() const { return m_sweepView; }
    SweepListModel* sweepModel() const { return m_sweeps; }
    // The Runs and Sweeps pages under the scenarios.
    QTabWidget* historyTabs() const { return m_history; }
    QAction* deleteScenarioAction() const { return m_delete; }
    QAction* compareAction() const { return m_compare; }

    // Re-reads the workspace (keeps the selection where it can).
    void refresh();
    void selectScenario(qint64 id);
    void selectRuns(const QList<qint64>& ids);
    qint64 selectedScenario() const;
    QList<qint64> selectedRuns() const;
    qint64 selectedSweep() const;

    // The actions, callable directly (tests, scripts); the toolbar buttons
    // ask for names and confirmation first.
    bool renameScenario(qint64 id, const QString& name, QString* error);
    qint64 duplicateScenario(qint64 id, QString* error);
    bool deleteScenario(qint64 id, QString* error);
    bool setTags(qint64 id, const QStringList& tags, QString* error);
    bool deleteRun(qint64 id, QString* error);
    bool setRunLabel(qint64 id, const QString& label, QString* error);
    void openScenario(qint64 id);
    void showRun(qint64 id);
    void showSweep(qint64 id);
    bool deleteSweep(qint64 id, QString* error);
    // Opens the comparison of two runs; returns the dialog (not modal).
    QWidget* compareRuns(qint64 a, qint64 b);

    // Asked before anything is deleted; a message box unless replaced.
    void setConfirmation(std::function<bool(const QString& question)> confirm);

signals:
    void openScenarioRequested(const QString& documentText, const QString& name);
    void showRunRequested(const workspace::StoredRun& run);
    // `document` is the scenario revision the sweep ran on (JSON text).
    void showSweepRequested(const workspace::StoredSweep& sweep, const QString& document);

private:
    void updateActions();
    void reportError(const QString& message);
    bool confirm(const QString& question);

    WorkspaceSession* m_session;
    QLineEdit* m_search;
    QComboBox* m_tags;
    QLabel* m_status;
    QTableView* m_scenarioView;
    QTableView* m_runView;
    ScenarioListModel* m_scenarios;
    RunListModel* m_runs;
    QTableView* m_sweepView;
    SweepListModel* m_sweeps;
    QTabWidget* m_history;
    QAction* m_open;
    QAction* m_rename;
    QAction* m_duplicate;
    QAction* m_editTags;
    QAction* m_delete;
    QAction* m_showRun;
    QAction* m_compare;
    QAction* m_label;
    QAction* m_deleteRun;
    QAction* m_showSweep;
    QAction* m_deleteSweep;
    std::function<bool(const QString&)> m_confirm;
    bool m_refreshing = false;
};

} // namespace faaslab::gui
