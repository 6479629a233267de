#include "app/gui/results/time_series_tab.h"

#include "models/report/comparison_table.h"

#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

namespace faaslab::gui {

namespace {

// One device pixel at normal DPI: Qt's raster engine strokes such lines on a
// fast path; wider ones cost tens of times more with thousands of points.
constexpr qreal LineWidth = 1.0;

// A real timer between drawing steps, not a posted event: posted events
// queued back to back run in one go, before the window gets to input.
constexpr int StepPauseMs = 1;

// Readable digits for a rate, a count or a queue length: small values keep
// enough decimals not to read as 0.
QString number(double value) {
    if (std::isnan(value)) {
        return QStringLiteral("–");
    }
    const double magnitude = std::abs(value);
    const int decimals = magnitude >= 100.0 ? 1 : magnitude >= 1.0 || value == 0.0 ? 2 : 3;
    return QLocale().toString(value, 'f', decimals);
}

// Decimals that tell neighbouring bin edges apart (0.25 h -> 2, 5 min -> 0).
int edgeDecimals(double step) {
    if (step >= 1.0 && std::abs(step - std::round(step)) < 1e-9) {
        return 0;
    }
    return std::clamp(static_cast<int>(std::ceil(-std::log10(step))) + 1, 1, 4);
}

double finiteMax(const std::vector<double>& values, double current) {
    for (double v : values) {
        if (std::isfinite(v)) {
            current = std::max(current, v);
        }
    }
    return current;
}

} // namespace

TimeSeriesTab::TimeSeriesTab(QWidget* parent)
    : ChartTab(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(2);
    m_cursorLabel = new QLabel(this);
    m_cursorLabel->setObjectName("timeSeriesCursor");
    m_cursorLabel->setTextFormat(Qt::PlainText);
    // The readout lists every line's value: it wraps rather than widen the
    // window past a laptop screen.
    m_cursorLabel->setWordWrap(true);
    layout->addWidget(m_cursorLabel);
    // Below a legible height per chart the charts scroll rather than shrink.
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* inner = new QWidget(scroll);
    auto* stack = new QVBoxLayout(inner);
    stack->setContentsMargins(0, 0, 0, 0);
    stack->setSpacing(4);
    for (int i = 0; i < ChartCount; ++i) {
        auto* plot = new QCustomPlot(inner);
        plot->setObjectName(QStringLiteral("timeSeriesChart%1").arg(i));
        m_plots[static_cast<std::size_t>(i)] = plot;
        stack->addWidget(plot, 1);
    }
    scroll->setWidget(inner);
    layout->addWidget(scroll, 1);
    applyStyle();

    // Stacked charts only compare at a glance if their plot areas line up.
    auto* margins = new QCPMarginGroup(m_plots[0]);
    for (QCustomPlot* plot : m_plots) {
        plot->axisRect()->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
        // Only time zooms: every chart keeps its whole value range in view.
        plot->axisRect()->setRangeDrag(Qt::Horizontal);
        plot->axisRect()->setRangeZoom(Qt::Horizontal);
        plot->setMouseTracking(true);
        plot->installEventFilter(this);
        enableLegendToggles(plot);
        connect(plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
                [this, plot](const QCPRange& range) { syncTimeRange(plot, range); });
        connect(plot, &QCustomPlot::mouseMove, this,
                [this, plot](QMouseEvent* event) { hoverAt(plot, event->pos()); });
        connect(plot, &QCustomPlot::mouseDoubleClick, this, [this] { resetTimeRange(); });
        // A hidden line must leave the hover box too.
        connect(plot, &QCustomPlot::legendClick, this, [this] {
            if (m_cursorSeconds) {
                showCursorAt(*m_cursorSeconds);
            }
        });
    }
    clearResults();
}

void TimeSeriesTab::applyStyle() {
    static const char* const titles[ChartCount] = {
        QT_TR_NOOP("Request rate"),
        QT_TR_NOOP("Instances: live (lines) and busy (shaded)"),
        QT_TR_NOOP("Queue length (time-averaged)"),
        QT_TR_NOOP("Cumulative cost"),
    };
    static const char* const valueLabels[ChartCount] = {
        QT_TR_NOOP("Rate (req/s)"),
        QT_TR_NOOP("Instances (count)"),
        QT_TR_NOOP("Waiting (requests)"),
        QT_TR_NOOP("Cost (USD)"),
    };
    for (int i = 0; i < ChartCount; ++i) {
        QCustomPlot* plot = m_plots[static_cast<std::size_t>(i)];
        styleChart(plot);
        if (m_titles[static_cast<std::size_t>(i)] == nullptr) {
            m_titles[static_cast<std::size_t>(i)] = putTitleAndLegendAbove(plot, tr(titles[i]), 4);
        } else {
            // Restyled for a new palette: the header keeps its place.
            m_titles[static_cast<std::size_t>(i)]->setTextColor(
                plot->palette().color(QPalette::WindowText));
            plot->legend->setBorderPen(Qt::NoPen);
            plot->legend->setBrush(Qt::NoBrush);
        }
        labelAxis(plot->yAxis, tr(valueLabels[i]));
        plot->setMinimumSize(320, 200);
    }
    m_cursorLabel->setForegroundRole(QPalette::PlaceholderText);
}

QList<QCustomPlot*> TimeSeriesTab::charts() const {
    return {m_plots.begin(), m_plots.end()};
}

void TimeSeriesTab::clearResults() {
    m_results.reset();
    m_cursorSeconds.reset();
    for (std::size_t i = 0; i < m_plots.size(); ++i) {
        m_cursors[i] = {};
        m_lines[i].clear();
        m_plots[i]->clearPlottables();
        m_plots[i]->clearItems();
        // Every chart stays in place, empty but titled and with labelled
        // axes: the tab keeps its layout, so the first results need no
        // relayout of four charts (and the user sees what will be drawn).
        m_plots[i]->legend->setVisible(false);
        m_plots[i]->xAxis->setRange(0.0, 1.0);
        m_plots[i]->yAxis->setRange(0.0, 1.0);
        labelAxis(m_plots[i]->xAxis, tr("Simulated time"));
        m_plots[i]->replot(QCustomPlot::rpQueuedReplot);
    }
    showPlaceholder(m_plots[0], runHint() + QLatin1Char(' ') +
                                    tr("This tab then "
                                       "shows request rate, instances, queue length and cost over "
                                       "time."));
    m_cursorLabel->setText(usageHint());
}

void TimeSeriesTab::showResults(const ScenarioResults& results) {
    m_results = results;
    build(results);
}

void TimeSeriesTab::build(const ScenarioResults& results) {
    m_cursorSeconds.reset();
    for (std::size_t i = 0; i < m_plots.size(); ++i) {
        m_lines[i].clear();
        m_plots[i]->clearPlottables();
        m_plots[i]->clearItems();
        m_plots[i]->legend->setVisible(true);
    }
    const auto& archs = results.architectures;
    double lower = 0.0;
    double upper = 0.0;
    bool any = false;
    for (const auto& a : archs) {
        if (a.series.binCount() > 0) {
            lower = any ? std::min(lower, a.series.startS) : a.series.startS;
            upper = any ? std::max(upper, a.series.endS) : a.series.endS;
            any = true;
        }
    }
    if (!any) {
        clearResults();
        showPlaceholder(m_plots[0], tr("This run recorded no time series."));
        return;
    }
    // The unit that keeps tick labels short for the span shown.
    const double span = upper - lower;
    m_timeScale = span > 3 * 3600.0 ? 3600.0 : span > 3 * 60.0 ? 60.0 : 1.0;
    m_timeUnit = m_timeScale == 3600.0 ? tr("h") : m_timeScale == 60.0 ? tr("min") : tr("s");
    m_fullLower = lower / m_timeScale;
    m_fullUpper = upper / m_timeScale;

    const int count = static_cast<int>(archs.size());
    const QColor text = palette().color(QPalette::WindowText);
    const auto archName = [&](int i) {
        return QString::fromStdString(archs[static_cast<std::size_t>(i)].name);
    };

    // Live instances on the first legend row, busy ones on the second.
    fitLegendToWidth(m_plots[InstancesChart], std::clamp(count, 1, 4));
    for (Chart c : {RateChart, QueueChart, CostChart}) {
        fitLegendToWidth(m_plots[c], 4);
    }

    // Every architecture serves the identical request stream, so one line
    // stands for all; the first architecture with a series provides it.
    for (int i = 0; i < count; ++i) {
        if (archs[static_cast<std::size_t>(i)].series.binCount() > 0) {
            addLine(RateChart, i, "arrivals_per_s", tr("Arrivals"), QPen(text, LineWidth), false);
            break;
        }
    }
    for (int i = 0; i < count; ++i) {
        const TimeSeries& s = archs[static_cast<std::size_t>(i)].series;
        const int column = s.columnIndex("rejections_per_s");
        if (column >= 0 && finiteMax(s.values[static_cast<std::size_t>(column)], 0.0) > 0.0) {
            addLine(RateChart, i, "rejections_per_s", tr("%1 rejected").arg(archName(i)),
                    QPen(architectureColor(i), LineWidth), false);
        }
    }
    for (int i = 0; i < count; ++i) {
        addLine(InstancesChart, i, "instances", tr("%1 live").arg(archName(i)),
                QPen(architectureColor(i), LineWidth), false);
    }
    for (int i = 0; i < count; ++i) {
        // Shaded rather than dashed: a dashed polyline of thousands of
        // points takes the raster engine's slow stroker, tens of times
        // slower than a thin solid line and a fill.
        if (QCPGraph* busy =
                addLine(InstancesChart, i, "busy_instances", tr("%1 busy").arg(archName(i)),
                        QPen(architectureColor(i), LineWidth), false)) {
            QColor shade = architectureColor(i);
            shade.setAlpha(60);
            busy->setBrush(shade);
        }
    }
    for (int i = 0; i < count; ++i) {
        addLine(QueueChart, i, "queue_length", archName(i), QPen(architectureColor(i), LineWidth),
                false);
        addLine(CostChart, i, "cost_cumulative", archName(i), QPen(architectureColor(i), LineWidth),
                true);
    }
    for (std::size_t c = 0; c < m_plots.size(); ++c) {
        QCustomPlot* plot = m_plots[c];
        double top = 0.0;
        for (const Line& line : m_lines[c]) {
            const TimeSeries& s = archs[static_cast<std::size_t>(line.architecture)].series;
            top = finiteMax(s.values[static_cast<std::size_t>(s.columnIndex(line.column))], top);
        }
        plot->yAxis->setRange(0.0, top > 0.0 ? top * 1.1 : 1.0);
        labelAxis(plot->xAxis, tr("Simulated time (%1)").arg(m_timeUnit));
        m_cursors[c] = addHoverCursor(plot);
    }
    addTracers();
    resetTimeRange();
    m_cursorLabel->setText(usageHint());
    // The shared margins settle once every chart has laid out its own axes:
    // two layout passes, without drawing.
    for (int pass = 0; pass < 2; ++pass) {
        for (QCustomPlot* plot : m_plots) {
            for (auto phase : {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins,
                               QCPLayoutElement::upLayout}) {
                plot->plotLayout()->update(phase);
            }
        }
    }
    drawChartsInTurn();
}

void TimeSeriesTab::drawChartsInTurn() {
    // One chart per pass of the event loop: thousands of points on four
    // charts take long enough to draw that doing them at once would freeze
    // the window when a run finishes while this tab is shown. A newer build
    // (another run, a palette change) abandons the older sequence.
    const int generation = ++m_drawGeneration;
    auto drawFrom = [this, generation](auto& self, std::size_t chart) -> void {
        if (generation != m_drawGeneration || chart >= m_plots.size()) {
            return;
        }
        m_plots[chart]->replot();
        QTimer::singleShot(StepPauseMs, this, [self, chart] { self(self, chart + 1); });
    };
    QTimer::singleShot(StepPauseMs, this, [drawFrom] { drawFrom(drawFrom, 0); });
}

QCPGraph* TimeSeriesTab::addLine(Chart chart, int architecture, const std::string& column,
                                 const QString& name, const QPen& pen, bool cumulative) {
    const TimeSeries& s = m_results->architectures[static_cast<std::size_t>(architecture)].series;
    const int index = s.columnIndex(column);
    const std::size_t bins = s.binCount();
    if (index < 0 || bins == 0) {
        return nullptr;
    }
    const std::vector<double>& values = s.values[static_cast<std::size_t>(index)];
    QVector<double> keys;
    QVector<double> data;
    keys.reserve(static_cast<qsizetype>(bins) + 1);
    data.reserve(static_cast<qsizetype>(bins) + 1);
    if (cumulative) {
        // A running total: nothing is spent at the start of the window, and
        // each value is reached at the end of its bin.
        keys << s.startS / m_timeScale;
        data << 0.0;
        for (std::size_t i = 0; i < bins; ++i) {
            const double end = std::min(s.startS + static_cast<double>(i + 1) * s.binS, s.endS);
            keys << end / m_timeScale;
            data << values[i];
        }
    } else {
        // A bin average holds over the whole bin, so it is drawn as a step;
        // the closing point gives the last (possibly shorter) bin its width.
        for (std::size_t i = 0; i < bins; ++i) {
            keys << (s.startS + static_cast<double>(i) * s.binS) / m_timeScale;
            data << values[i];
        }
        keys << s.endS / m_timeScale;
        data << values.back();
    }
    QCustomPlot* plot = m_plots[chart];
    QCPGraph* graph = plot->addGraph();
    graph->setName(name);
    graph->setPen(pen);
    graph->setLineStyle(cumulative ? QCPGraph::lsLine : QCPGraph::lsStepLeft);
    graph->setData(keys, data, true);
    m_lines[chart].append(Line{graph, nullptr, architecture, column, cumulative});
    return graph;
}

void TimeSeriesTab::addTracers() {
    for (std::size_t c = 0; c < m_plots.size(); ++c) {
        for (Line& line : m_lines[c]) {
            auto* tracer = new QCPItemTracer(m_plots[c]);
            tracer->setLayer(m_cursors[c].layer);
            tracer->setStyle(QCPItemTracer::tsCircle);
            tracer->setSize(7.0);
            tracer->setPen(QPen(line.graph->pen().color(), 1.5));
            tracer->setBrush(palette().brush(QPalette::Base));
            tracer->setSelectable(false);
            tracer->setVisible(false);
            line.tracer = tracer;
        }
    }
}

void TimeSeriesTab::resetTimeRange() {
    if (!m_results) {
        return;
    }
    m_plots[0]->xAxis->setRange(m_fullLower, m_fullUpper);
}

void TimeSeriesTab::syncTimeRange(QCustomPlot* source, const QCPRange& range) {
    if (m_syncing || !m_results) {
        return;
    }
    // Keep the view on the measured window: no zooming out into emptiness and
    // no zooming in below a few bins.
    const double full = m_fullUpper - m_fullLower;
    const double binWidth = m_results->architectures.front().series.binS / m_timeScale;
    const double width = std::clamp(range.size(), std::min(full, 4.0 * binWidth), full);
    double lower = range.center() - width / 2.0;
    lower = std::clamp(lower, m_fullLower, m_fullUpper - width);
    const QCPRange clamped(lower, lower + width);
    m_syncing = true;
    for (QCustomPlot* plot : m_plots) {
        plot->xAxis->setRange(clamped);
        if (plot != source || clamped != range) {
            plot->replot(QCustomPlot::rpQueuedReplot);
        }
    }
    m_syncing = false;
    if (m_cursorSeconds) {
        showCursorAt(*m_cursorSeconds);
    }
}

void TimeSeriesTab::hoverAt(QCustomPlot* plot, const QPoint& position) {
    const QRect area = plot->axisRect()->rect();
    if (!m_results || position.x() < area.left() || position.x() > area.right()) {
        hideCursor();
        return;
    }
    showCursorAt(plot->xAxis->pixelToCoord(position.x()) * m_timeScale);
}

void TimeSeriesTab::showCursorAt(double seconds) {
    if (!m_results || m_lines[RateChart].isEmpty()) {
        return;
    }
    const TimeSeries& s =
        m_results->architectures[static_cast<std::size_t>(m_lines[RateChart].front().architecture)]
            .series;
    if (seconds < s.startS || seconds > s.endS) {
        hideCursor();
        return;
    }
    m_cursorSeconds = seconds;
    const auto bin =
        std::min(static_cast<std::size_t>((seconds - s.startS) / s.binS), s.binCount() - 1);
    const double key = seconds / m_timeScale;
    for (std::size_t c = 0; c < m_plots.size(); ++c) {
        for (const Line& line : m_lines[c]) {
            const TimeSeries& own =
                m_results->architectures[static_cast<std::size_t>(line.architecture)].series;
            const std::size_t at = std::min(bin, own.binCount() - 1);
            const double value =
                own.values[static_cast<std::size_t>(own.columnIndex(line.column))][at];
            const double end =
                std::min(own.startS + static_cast<double>(at + 1) * own.binS, own.endS);
            line.tracer->position->setCoords(line.atBinEnd ? end / m_timeScale : key, value);
            line.tracer->setVisible(line.graph->visible() && std::isfinite(value));
        }
        moveHoverCursor(m_cursors[c], key, hoverText(static_cast<Chart>(c), bin));
    }
    const int decimals = edgeDecimals(s.binS / m_timeScale);
    m_cursorLabel->setText(
        tr("Cursor at %1 %2, in the bin from %3 to %4 %2.")
            .arg(QLocale().toString(key, 'f', decimals + 1), m_timeUnit,
                 QLocale().toString((s.startS + static_cast<double>(bin) * s.binS) / m_timeScale,
                                    'f', decimals),
                 QLocale().toString(
                     std::min(s.startS + static_cast<double>(bin + 1) * s.binS, s.endS) /
                         m_timeScale,
                     'f', decimals)));
}

void TimeSeriesTab::hideCursor() {
    if (!m_cursorSeconds) {
        return;
    }
    m_cursorSeconds.reset();
    for (std::size_t c = 0; c < m_plots.size(); ++c) {
        for (const Line& line : m_lines[c]) {
            line.tracer->setVisible(false);
        }
        hideHoverCursor(m_cursors[c]);
    }
    m_cursorLabel->setText(usageHint());
}

QString TimeSeriesTab::usageHint() {
    return tr("Hover for exact values; drag or scroll to pan and zoom time on every chart, "
              "double-click to see it all; click a legend entry to hide its line.");
}

QString TimeSeriesTab::hoverText(Chart chart, std::size_t bin) const {
    const auto& archs = m_results->architectures;
    const auto valueOf = [&](const Line& line) {
        const TimeSeries& s = archs[static_cast<std::size_t>(line.architecture)].series;
        return s.values[static_cast<std::size_t>(s.columnIndex(line.column))]
                       [std::min(bin, s.binCount() - 1)];
    };
    const TimeSeries& first =
        archs[static_cast<std::size_t>(m_lines[RateChart].front().architecture)].series;
    const int decimals = edgeDecimals(first.binS / m_timeScale);
    const double from = first.startS + static_cast<double>(bin) * first.binS;
    const double to = std::min(from + first.binS, first.endS);
    QStringList lines;
    lines << (chart == CostChart
                  ? tr("Up to %1 %2")
                        .arg(QLocale().toString(to / m_timeScale, 'f', decimals), m_timeUnit)
                  : tr("%1–%2 %3")
                        .arg(QLocale().toString(from / m_timeScale, 'f', decimals),
                             QLocale().toString(to / m_timeScale, 'f', decimals), m_timeUnit));
    const QList<Line>& drawn = m_lines[chart];
    if (chart == InstancesChart) {
        // "live, busy" on one line per architecture keeps the box short.
        for (int a = 0; a < static_cast<int>(archs.size()); ++a) {
            QStringList parts;
            for (const Line& line : drawn) {
                if (line.architecture == a && line.graph->visible()) {
                    parts << (line.column == "instances" ? tr("%1 live") : tr("%1 busy"))
                                 .arg(number(valueOf(line)));
                }
            }
            if (!parts.isEmpty()) {
                lines << tr("%1: %2").arg(
                    QString::fromStdString(archs[static_cast<std::size_t>(a)].name),
                    parts.join(tr(", ")));
            }
        }
        return lines.size() > 1 ? lines.join('\n') : QString();
    }
    for (const Line& line : drawn) {
        if (!line.graph->visible()) {
            continue;
        }
        const double value = valueOf(line);
        QString shown;
        switch (chart) {
        case RateChart:
            shown = tr("%1 req/s").arg(number(value));
            break;
        case QueueChart:
            shown = tr("%1 waiting").arg(number(value));
            break;
        default:
            shown = QString::fromStdString(formatMoney(value));
            break;
        }
        lines << tr("%1: %2").arg(line.graph->name(), shown);
    }
    return lines.size() > 1 ? lines.join('\n') : QString();
}

QString TimeSeriesTab::readoutText(Chart which) const {
    const HoverCursor& cursor = m_cursors[which];
    if (cursor.box == nullptr || !cursor.box->visible()) {
        return {};
    }
    return cursor.box->text();
}

QString TimeSeriesTab::cursorText() const {
    return m_cursorLabel->text();
}

bool TimeSeriesTab::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::Leave &&
        std::find(m_plots.begin(), m_plots.end(), watched) != m_plots.end()) {
        hideCursor();
    }
    return ChartTab::eventFilter(watched, event);
}

void TimeSeriesTab::redraw() {
    build(*m_results);
}

} // namespace faaslab::gui
