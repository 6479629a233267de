#pragma once

#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;
class QListWidget;
class QCustomPlot;
class QMenu;

namespace faaslab::gui {

class ResultsPanel;
class ResultsTab;
class RunController;
class RunProgressWidget;
class ScenarioDocument;
class ScenarioEditor;
class SweepTab;
class TimelineTab;
class WorkspaceUi;

// The application window: the scenario editor and its problem list in dock
// widgets, the results tabs in the middle, run controls in the toolbar and
// status bar. It only wires the parts together; the document owns the
// scenario, the editor edits it, the controller runs it, the tabs show it.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    ScenarioDocument* document() const { return m_document; }
    ScenarioEditor* editor() const { return m_editor; }
    ResultsPanel* resultsPanel() const { return m_results; }
    RunController* runController() const { return m_controller; }
    SweepTab* sweepTab() const { return m_sweep; }
    TimelineTab* timelineTab() const { return m_timeline; }
    QAction* runAction() const { return m_run; }
    QAction* stopAction() const { return m_stop; }
    // The workspace: Library dock, pricing catalog, run recording.
    WorkspaceUi* workspaceUi() const { return m_workspaceUi; }

    // Opens a bundled example by file name ("mid-size-api.json").
    bool openExample(const QString& fileName);
    bool openFile(const QString& path);

    // Starts a run of the current scenario (if it is valid).
    void run();
    // Writes the results as "summary" CSV, "timeseries" CSV or "json" (the
    // command line's formats), and every chart as PNG and PDF.
    bool exportResultsTo(const QString& path, const QString& kind, QString* error);
    bool exportChartsTo(const QString& directory, QStringList* written, QString* error);
    // The line under an exported chart of `tab`: scenario, seed and
    // replications, export date and program version.
    QString chartFootnote(const ResultsTab* tab) const;
    // The file name the save and export dialogs propose, without extension:
    // the scenario's name and `detail`, portable ("Mid-size-API-...-Latency").
    QString suggestedFileName(const QString& detail = {}) const;
    // Renders the editor and every results tab to PNG files in `directory`
    // (for docs/screenshots), running the sweep tab's proposed sweep first
    // if none has run; returns the files written.
    QStringList saveScreenshots(const QString& directory, const QSize& size);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    void updateTitle();
    void updateRunState();
    void updateProblems();
    void updateRecentMenu();
    void addRecentFile(const QString& path);
    bool maybeSave();
    void newScenario();
    void openDialog();
    bool save();
    bool saveAs();
    void exportCurrentChart();
    void exportAllCharts();
    void exportResults(const QString& kind);
    bool exportTabChart(const ResultsTab* tab, QCustomPlot* chart, const QString& path,
                        QString* error);
    void addArchitecture(const QString& type);
    void restoreLayout();
    static QString staleResultsMessage(bool runnable);

    ScenarioDocument* m_document;
    RunController* m_controller;
    ScenarioEditor* m_editor;
    ResultsPanel* m_results;
    SweepTab* m_sweep = nullptr;
    TimelineTab* m_timeline = nullptr;
    WorkspaceUi* m_workspaceUi = nullptr;
    RunProgressWidget* m_progress;
    QLabel* m_validity;
    QListWidget* m_problems;
    QDockWidget* m_editorDock;
    QDockWidget* m_problemsDock;
    QMenu* m_recentMenu = nullptr;
    QByteArray m_defaultState;
    bool m_resultsStale = false;

    QAction* m_new;
    QAction* m_open;
    QAction* m_save;
    QAction* m_saveAs;
    QAction* m_undo;
    QAction* m_redo;
    QAction* m_run;
    QAction* m_stop;
    QAction* m_quit;
};

} // namespace faaslab::gui
