#pragma once

#include "app/gui/results/chart_style.h"
#include "app/gui/results/results_tab.h"
#include "app/gui/sweep/break_even_model.h"
#include "models/runner/sweep_runner.h"

#include <QElapsedTimer>
#include <QStringList>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QCPGraph;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace faaslab::gui {

class RunController;
class RunProgressWidget;
class SweepChart;
class ScenarioDocument;

// The dotted paths of every numeric field of a scenario document, in
// document order, as runSweep() and `faaslab-cli sweep --param` take them:
// "workload.arrivals.rate_per_s", "architectures[0].keep_alive_s".
QStringList numericParameterPaths(const nlohmann::ordered_json& document);

// Re-runs the scenario for a range of values of one numeric field (the same
// sweep as `faaslab-cli sweep`, through the same runSweep()), on a worker
// thread with progress and Stop, and plots the 30-day cost and the p99
// latency of every architecture against the value, with the break-even
// points where the cheapest architecture changes.
//
// The sweep is independent of the main run: the results panel's
// showResults() / clearResults() do not touch it. A sweep belongs to the
// scenario it was computed from: later edits (even ones that make the
// scenario invalid or remove the swept field) mark it stale, with a note,
// until the user sweeps again; they never clear it or change the chosen
// parameter. Points are drawn as they finish; Stop keeps the finished ones
// as a partial sweep.
class SweepTab : public ResultsTab {
    Q_OBJECT

public:
    explicit SweepTab(ScenarioDocument* document, QWidget* parent = nullptr);
    ~SweepTab() override;

    QString title() const override { return tr("Sweep"); }
    void showResults(const ScenarioResults&) override {}
    void clearResults() override {}
    bool showsResults() const override { return m_results.has_value(); }
    // The chart, once a sweep (complete, partial or stored) is shown: an
    // empty chart is never exported.
    QList<QCustomPlot*> charts() const override;

    // Sweeps `parameter` over exactly `values` (as `--values` does on the
    // command line). Refused, with a message in the tab, while a sweep runs
    // or the scenario is invalid.
    void startSweep(const QString& parameter, const std::vector<double>& values);
    // What the Run sweep button does: checks From / To / Points like
    // `--range FROM:TO:POINTS[:log]` and sweeps the selected parameter.
    // Returns false (with the message shown) when the range is refused.
    bool startSweepFromControls();
    bool isRunning() const;
    RunController* controller() const { return m_controller; }
    // A sweep is refused (with a message) while `other` runs: both would
    // share the cores and each take twice as long.
    void setOtherRun(RunController* other) { m_otherRun = other; }
    // The sweep shown: the last completed one, a partial one (stopped, or
    // while running, the points finished so far) or a stored one; nullptr
    // before the first.
    const SweepResults* lastResults() const { return m_results ? &*m_results : nullptr; }
    // Whether lastResults() lacks points: stopped before the end, or still
    // running; and how many points it was to have.
    bool isPartial() const { return m_results && m_resultsPartial; }
    std::size_t plannedPoints() const { return m_resultsPlanned; }
    // Whether the scenario changed since lastResults() was computed.
    bool isStale() const;
    // What the sweep is doing, for the status bar: "Sweeping
    // workload.arrivals.rate_per_s: 3 of 12 points done (31 %)"; "" when idle.
    QString activityText() const;
    // The estimate shown before starting, for the controls' current range
    // (0 while unknown), and the speed it assumes (invocations per second of
    // one thread; calibrated on the scenario, then measured on each sweep).
    double estimatedSeconds() const { return m_estimateS; }
    double simulationSpeed() const { return m_speed; }
    // The longest sweep the tab proposes by default (seconds).
    static constexpr double ProposalBudgetS = 90.0;
    // Writes the last sweep as JSON (the `--out` format) or CSV (`--csv`),
    // by the file's extension.
    bool saveResults(const QString& path, QString* error) const;
    // Shows a sweep that ran before (from the workspace) without running
    // anything, and sets the controls to its parameter and range;
    // `document` is the scenario as it was swept; `partial` when it was
    // stopped before its last point.
    void showStoredSweep(const SweepResults& results, const nlohmann::ordered_json& document,
                         bool partial = false);

signals:
    // A sweep ran to completion on `document` (the scenario as it was when
    // the sweep started).
    void sweepCompleted(const nlohmann::ordered_json& document, const SweepResults& results);
    // A sweep was stopped after some of its points: `results` holds those.
    void sweepStopped(const nlohmann::ordered_json& document, const SweepResults& results);
    // activityText() changed.
    void activityChanged();

public:
    // The widgets, for tests and the screenshot mode.
    QComboBox* parameterBox() const { return m_parameter; }
    QLineEdit* fromEdit() const { return m_from; }
    QLineEdit* toEdit() const { return m_to; }
    QLineEdit* pointsEdit() const { return m_points; }
    QCheckBox* logarithmicBox() const { return m_logarithmic; }
    QPushButton* runButton() const { return m_run; }
    QLabel* estimateLabel() const { return m_estimate; }
    QLabel* currentValueLabel() const { return m_current; }
    QLabel* summaryLabel() const { return m_summary; }
    RunProgressWidget* progressWidget() const { return m_progress; }
    QTableView* breakEvenTable() const { return m_table; }
    // The text of the message line (validation errors, diagnostics, "stopped").
    QString messageText() const;
    // The plotted curves of architecture i (nullptr when there is none).
    QCPGraph* costGraph(int architecture) const;
    QCPGraph* latencyGraph(int architecture) const;
    // The labels of the break-even markers, e.g. "14.3: Lambda → EC2".
    QStringList breakEvenLabels() const;
    // Shows the hover readout at horizontal pixel `pixelX` of the chart, as
    // pointing there does; readoutText() is what it says ("" when hidden).
    void showCursorAt(double pixelX);
    QString readoutText() const;

private:
    void buildControls();
    void onDocumentChanged();
    void onDocumentReplaced();
    void refreshParameters(bool freshDocument);
    void onParameterChosen();
    void prefillRange();
    void updateRunState();
    void updateSummary();
    void showMessage(const QString& text, bool error);
    void onSweepFinished();
    void onSweepCancelled();
    void onProgress(double fraction);
    void takeFinishedPoints();
    void updateEstimate();
    void ensureSpeed();
    void showRangeFromStart();
    // Expected invocations of one run with the parameter at each value
    // (0 where the scenario cannot be read there).
    std::vector<double> workAt(const QString& parameter, const std::vector<double>& values);
    // The controls' range as it would be swept; nullopt when it is refused
    // (`problem` says why).
    std::optional<std::vector<double>> rangeValues(QString* problem) const;
    void restoreControls(const SweepResults& results, bool logarithmic);
    void showSweep();
    void plotResults();
    void saveDialog();
    QString selectedParameter() const;

    ScenarioDocument* m_document;
    RunController* m_controller;
    RunProgressWidget* m_progress = nullptr;

    QComboBox* m_parameter = nullptr;
    QLabel* m_current = nullptr;
    QLineEdit* m_from = nullptr;
    QLineEdit* m_to = nullptr;
    QLineEdit* m_points = nullptr;
    QCheckBox* m_logarithmic = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_save = nullptr;
    QWidget* m_messageBar = nullptr;
    QLabel* m_messageIcon = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_estimate = nullptr;
    QLabel* m_breakEvenTitle = nullptr;
    SweepChart* m_chart = nullptr;
    QTableView* m_table = nullptr;
    BreakEvenModel* m_model = nullptr;

    QStringList m_paths;
    // The value the range fields were prefilled from; they follow the
    // document's value until the user edits them.
    std::optional<double> m_prefilledFrom;
    bool m_rangeEdited = false;
    // Whether the chart was last drawn for a stale sweep (it says so); an
    // edit replots only when this changes, so typing keeps the zoom.
    bool m_plottedStale = false;

    RunController* m_otherRun = nullptr;
    // Points finished by the worker, not yet taken by the GUI thread.
    struct FinishedPoints {
        std::mutex mutex;
        std::vector<SweepPoint> points;
    };
    std::shared_ptr<FinishedPoints> m_finished;
    std::size_t m_pointsDone = 0;
    double m_fraction = 0.0;
    double m_pointsPhaseS = 0.0;       // when the last point finished
    std::vector<double> m_pendingWork; // per value, for the measured speed

    std::shared_ptr<SweepOutput> m_pending; // written by the worker only
    nlohmann::ordered_json m_pendingDocument;
    QString m_pendingParameter;
    bool m_pendingLogarithmic = false;
    std::optional<SweepResults> m_results;
    bool m_resultsPartial = false;
    std::size_t m_resultsPlanned = 0;
    double m_speed = 0.0;
    double m_estimateS = 0.0;
    // Expected work per value of the selected parameter (cleared on edits).
    std::map<std::pair<QString, double>, double> m_workCache;
    bool m_resultsLogarithmic = false;
    nlohmann::ordered_json m_sweptDocument; // the document m_results came from
};

} // namespace faaslab::gui
