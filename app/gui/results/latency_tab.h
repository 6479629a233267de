#pragma once

#include "app/gui/results/chart_style.h"
#include "app/gui/results/chart_tab.h"

#include <optional>

class QCPGraph;

namespace faaslab::gui {

// The latency distribution of every architecture's completed requests as a
// cumulative curve on a logarithmic latency axis, as a share of all arrived
// requests: a curve ends below 100 % by the share that was rejected, timed
// out or failed, which its legend entry names (with a cross at the end).
// Where every request completed, the curve's p50, p95 and p99 are marked and
// named in the legend; reference lines at 50, 95 and 99 %. Hovering reads
// off the share of requests completed within the latency under the cursor.
class LatencyTab : public ChartTab {
    Q_OBJECT

public:
    explicit LatencyTab(QWidget* parent = nullptr);

    QString title() const override { return tr("Latency"); }
    void showResults(const ScenarioResults& results) override;
    void clearResults() override;
    QList<QCustomPlot*> charts() const override { return {m_plot}; }

    QCustomPlot* chart() const { return m_plot; }
    // The curve and the quantile markers (or the end cross) of architecture
    // `index` (nullptr when it completed no request).
    QCPGraph* curve(int index) const;
    QCPGraph* markers(int index) const;
    // Places the hover cursor at `seconds`, as moving the mouse there does.
    void showCursorAt(double seconds);
    void hideCursor();
    // The hover box's text, "" while hidden.
    QString readoutText() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void applyStyle() override;
    void redraw() override;

private:
    void build(const ScenarioResults& results);
    void resetView();
    void fitTitle();

    QCustomPlot* m_plot;
    QCPTextElement* m_title = nullptr;
    QString m_titleText;
    HoverCursor m_cursor;
    QList<QCPGraph*> m_curves;  // per architecture, nullptr when empty
    QList<QCPGraph*> m_markers; // per architecture, nullptr when empty
    double m_lowerS = 0.001;
    double m_upperS = 10.0;
};

} // namespace faaslab::gui
