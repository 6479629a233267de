#pragma once

#include "app/gui/results/chart_style.h"
#include "app/gui/results/chart_tab.h"

#include <QList>
#include <array>
#include <optional>
#include <string>

class QCPGraph;
class QCPItemTracer;
class QCPRange;
class QLabel;

namespace faaslab::gui {

// The run over simulated time, as charts stacked on one time axis: request
// rate (and rejections), live and busy instances, queue length and
// cumulative cost, one colour per architecture. Zooming or panning one chart
// moves them all, and hovering shows a cursor on every chart with the exact
// values of the time-series bin under it.
class TimeSeriesTab : public ChartTab {
    Q_OBJECT

public:
    enum Chart { RateChart, InstancesChart, QueueChart, CostChart, ChartCount };

    explicit TimeSeriesTab(QWidget* parent = nullptr);

    QString title() const override { return tr("Time series"); }
    void showResults(const ScenarioResults& results) override;
    void clearResults() override;
    QList<QCustomPlot*> charts() const override;

    QCustomPlot* chart(Chart which) const { return m_plots[which]; }
    // Seconds per unit of the time axis: 3600, 60 or 1.
    double timeScale() const { return m_timeScale; }
    // Places the cursor at simulated time `seconds`, as hovering does; outside
    // the measured window it hides the cursor.
    void showCursorAt(double seconds);
    void hideCursor();
    // What the hover box of a chart says ("" while hidden) and the line above
    // the charts.
    QString readoutText(Chart which) const;
    QString cursorText() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void applyStyle() override;
    void redraw() override;

private:
    // One drawn series and where its values come from, for the hover box.
    struct Line {
        QCPGraph* graph = nullptr;
        QCPItemTracer* tracer = nullptr;
        int architecture = 0;
        std::string column;
        bool atBinEnd = false; // cumulative values belong to the end of a bin
    };

    void build(const ScenarioResults& results);
    void drawChartsInTurn();
    static QString usageHint();
    QCPGraph* addLine(Chart chart, int architecture, const std::string& column, const QString& name,
                      const QPen& pen, bool cumulative);
    void addTracers();
    QString hoverText(Chart chart, std::size_t bin) const;
    void syncTimeRange(QCustomPlot* source, const QCPRange& range);
    void resetTimeRange();
    void hoverAt(QCustomPlot* plot, const QPoint& position);

    std::array<QCustomPlot*, ChartCount> m_plots{};
    std::array<QCPTextElement*, ChartCount> m_titles{};
    std::array<HoverCursor, ChartCount> m_cursors{};
    std::array<QList<Line>, ChartCount> m_lines;
    QLabel* m_cursorLabel = nullptr;
    double m_timeScale = 1.0;
    QString m_timeUnit;
    double m_fullLower = 0.0;
    double m_fullUpper = 0.0;
    std::optional<double> m_cursorSeconds;
    bool m_syncing = false;
    int m_drawGeneration = 0;
};

} // namespace faaslab::gui
