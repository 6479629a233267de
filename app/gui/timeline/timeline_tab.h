#pragma once

#include "app/gui/results/results_tab.h"
#include "app/gui/timeline/timeline_lanes.h"

#include <QTimer>
#include <memory>
#include <vector>

class QComboBox;
class QCPAxisRect;
class QCPItemStraightLine;
class QLabel;
class QLineEdit;
class QMouseEvent;
class QPushButton;

namespace faaslab::gui {

class RunController;
class ScenarioDocument;

// Teaching: every instance of every architecture, live. For a window of
// simulated time (by default the first 10 minutes after warm-up) it records
// the timeline of each architecture (recordTimeline(), the same records as
// `faaslab-cli timeline`) and draws them stacked on one time axis: a lane
// per instance with its cold start or start-up, the requests it ran and
// its idle time kept warm; rejected requests on a row of their own. A time
// cursor plays the window back with counters beside it; pointing at a
// request explains it in words.
class TimelineTab : public ResultsTab {
    Q_OBJECT

public:
    explicit TimelineTab(ScenarioDocument* document, QWidget* parent = nullptr);
    ~TimelineTab() override;

    QString title() const override { return tr("Timeline"); }
    void showResults(const ScenarioResults&) override {}
    void clearResults() override {}
    bool showsResults() const override { return !m_lanes.empty(); }
    QList<QCustomPlot*> charts() const override;

    // Records [from, to] for every architecture the version can record, on
    // a worker thread; false (with a message) when the scenario is invalid,
    // the window is refused or a recording runs.
    bool record(double from, double to);
    // What Record timeline does: the window in the From and To fields.
    bool recordFromControls();
    RunController* controller() const { return m_controller; }

    // For tests and the screenshot mode.
    int architectureCount() const { return static_cast<int>(m_lanes.size()); }
    int laneCount(int architecture) const;
    double cursorTime() const { return m_cursor; }
    void setCursorTime(double time);
    bool isPlaying() const { return m_play.isActive(); }
    void play();
    void pause();
    void step();
    // What pointing at `lane` (-1: the rejections row) of `architecture` at
    // `time` says ("" when nothing is there).
    QString hoverTextAt(int architecture, int lane, double time) const;
    QString countersText() const;
    QString messageText() const;
    const TimelineLanes& lanes(int architecture) const {
        return m_lanes[static_cast<std::size_t>(architecture)];
    }

private:
    void onRecorded();
    void rebuildPlot();
    void updateCursor();
    void onMouseMove(QMouseEvent* event);
    void onTick();
    void showMessage(const QString& text);

    ScenarioDocument* m_document;
    RunController* m_controller;
    QLineEdit* m_from = nullptr;
    QLineEdit* m_to = nullptr;
    QPushButton* m_record = nullptr;
    QPushButton* m_playButton = nullptr;
    QPushButton* m_stepButton = nullptr;
    QComboBox* m_speed = nullptr;
    QLabel* m_time = nullptr;
    QLabel* m_counters = nullptr;
    QLabel* m_hover = nullptr;
    QLabel* m_message = nullptr;
    QCustomPlot* m_plot = nullptr;
    std::vector<QCPAxisRect*> m_rects;
    std::vector<QCPItemStraightLine*> m_cursorLines;

    std::shared_ptr<std::vector<TimelineOutput>> m_pending; // written by the worker
    std::vector<TimelineLanes> m_lanes;
    QTimer m_play;
    double m_cursor = 0.0;
};

} // namespace faaslab::gui
