#pragma once

#include "app/gui/results/chart_style.h"
#include "models/runner/sweep_runner.h"

#include <QStringList>
#include <optional>
#include <qcustomplot.h>
#include <vector>

namespace faaslab::gui {

// The chart of a sweep: two stacked areas sharing the parameter axis, the
// 30-day cost above and the p99 latency below, a curve per architecture
// (hollow markers where it leaves more than 1 % of the requests unserved),
// a dashed line and a label at each break-even point, and a readout that
// snaps to the nearest swept value. It keeps what it shows, so a palette
// change (light or dark) draws it again without the tab.
class SweepChart : public QCustomPlot {
    Q_OBJECT

public:
    explicit SweepChart(QWidget* parent = nullptr);

    // Draws `results`; `notes` are extra title lines ("(partial: stopped
    // after 3 points)", "(stale: …)"), so an exported image carries them.
    void showSweep(const SweepResults& results, bool logarithmic, const QStringList& notes = {});
    // The empty chart with a hint to run a sweep.
    void showEmpty();
    // A message in place of the curves while the first points run.
    void showWaiting(const QString& message);
    bool showsSweep() const { return m_results.has_value() && !m_results->points.empty(); }

    // The plotted curves of architecture i (nullptr when there is none).
    QCPGraph* costGraph(int architecture) const;
    QCPGraph* latencyGraph(int architecture) const;
    // The labels of the break-even markers, e.g. "14.3: Lambda → EC2".
    QStringList breakEvenLabels() const;
    // Shows the readout at horizontal pixel `pixelX`, as pointing there
    // does; readoutText() is what it says ("" when hidden).
    void showCursorAt(double pixelX);
    QString readoutText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    // Per architecture: the line with filled markers, and hollow markers
    // drawn over the points where it leaves more than 1 % of the requests
    // unserved (servesWholeLoad).
    struct Curves {
        QCPGraph* cost = nullptr;
        QCPGraph* costRejecting = nullptr;
        QCPGraph* latency = nullptr;
        QCPGraph* latencyRejecting = nullptr;
    };

    void restyle();
    void clearDrawing();
    void draw();
    void fitView();
    void placeBreakEvenLabels();
    void createCursor();
    void hideCursor();
    void onMouseMove(QMouseEvent* event);

    QCPAxisRect* m_costRect = nullptr;
    QCPAxisRect* m_latencyRect = nullptr;
    QCPTextElement* m_title = nullptr;
    QCPTextElement* m_footnote = nullptr;
    HoverCursor m_cursor;
    QCPItemStraightLine* m_latencyCursor = nullptr;
    std::vector<Curves> m_curves;
    std::vector<QCPItemText*> m_breakEvenLabels;
    std::vector<double> m_breakEvenValues;

    std::optional<SweepResults> m_results;
    bool m_logarithmic = false;
    QStringList m_notes;
};

} // namespace faaslab::gui
