#include "app/gui/results/latency_tab.h"

#include "models/report/comparison_table.h"
#include "models/results/metric_keys.h"
#include "models/results/ranking.h"

#include <QEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>
#include <qcustomplot.h>

namespace faaslab::gui {

namespace {

QString seconds(double s) {
    return QString::fromStdString(formatSeconds(s));
}

QString percent(double fraction) {
    return QString::fromStdString(formatPercent(fraction));
}

// The empirical CDF is a step function: its value at `s` is the fraction of
// the last point at or below `s`.
double fractionAt(const std::vector<std::pair<double, double>>& cdf, double s) {
    const auto after = std::upper_bound(
        cdf.begin(), cdf.end(), s, [](double x, const auto& point) { return x < point.first; });
    return after == cdf.begin() ? 0.0 : std::prev(after)->second;
}

constexpr double Quantiles[] = {50.0, 95.0, 99.0};

} // namespace

LatencyTab::LatencyTab(QWidget* parent)
    : ChartTab(parent)
    , m_plot(new QCustomPlot(this)) {
    m_plot->setObjectName("latencyChart");
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_plot);
    applyStyle();
    // The legend goes under the title: inside the plot, six long entries
    // covered the curves.
    m_title = putTitleAndLegendAbove(m_plot, QString(), 3);
    m_plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
    auto logTicker = QSharedPointer<QCPAxisTickerLog>::create();
    logTicker->setSubTickCount(8);
    m_plot->xAxis->setTicker(logTicker);
    m_plot->xAxis->setNumberFormat("g");
    m_plot->xAxis->setSubTicks(true);
    m_plot->setMouseTracking(true);
    m_plot->installEventFilter(this);
    enableLegendToggles(m_plot);
    connect(m_plot, &QCustomPlot::legendClick, this, [this] {
        // The markers belong to their curve: hiding one hides both.
        for (int i = 0; i < m_curves.size(); ++i) {
            if (m_curves[i] != nullptr) {
                m_markers[i]->setVisible(m_curves[i]->visible());
            }
        }
        hideCursor();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    });
    // The title wraps to the chart's width rather than being cut off.
    connect(m_plot, &QCustomPlot::beforeReplot, this, [this] { fitTitle(); });
    connect(m_plot->yAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), m_plot->yAxis2,
            qOverload<const QCPRange&>(&QCPAxis::setRange));
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        const QRect area = m_plot->axisRect()->rect();
        if (!m_results || !area.contains(event->pos())) {
            hideCursor();
            return;
        }
        showCursorAt(m_plot->xAxis->pixelToCoord(event->pos().x()));
    });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] {
        resetView();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    });
    clearResults();
}

void LatencyTab::applyStyle() {
    styleChart(m_plot);
    labelAxis(m_plot->xAxis, tr("Latency (s, log scale)"));
    labelAxis(m_plot->yAxis, tr("Completed within (% of arrived)"));
    labelAxis(m_plot->yAxis2, QString());
    m_plot->yAxis2->grid()->setVisible(false);
    if (m_title != nullptr) {
        m_title->setTextColor(m_plot->palette().color(QPalette::WindowText));
    }
}

QCPGraph* LatencyTab::curve(int index) const {
    return index >= 0 && index < m_curves.size() ? m_curves[index] : nullptr;
}

QCPGraph* LatencyTab::markers(int index) const {
    return index >= 0 && index < m_markers.size() ? m_markers[index] : nullptr;
}

void LatencyTab::clearResults() {
    m_results.reset();
    m_curves.clear();
    m_markers.clear();
    m_cursor = {};
    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis, m_plot->yAxis2}) {
        axis->setVisible(false);
    }
    m_title->setVisible(false);
    showPlaceholder(m_plot,
                    runHint() + QLatin1Char(' ') +
                        tr("This tab then "
                           "compares the latency distributions and their p50, p95 and p99."));
}

void LatencyTab::showResults(const ScenarioResults& results) {
    m_results = results;
    build(results);
}

void LatencyTab::build(const ScenarioResults& results) {
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_curves.clear();
    m_markers.clear();
    m_cursor = {};
    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis, m_plot->yAxis2}) {
        axis->setVisible(true);
    }
    m_title->setVisible(true);
    m_plot->legend->setVisible(true);

    const QPalette palette = m_plot->palette();
    double lowest = std::numeric_limits<double>::infinity();
    double highest = 0.0;
    bool anyLost = false;
    bool application = false;
    for (const ArchitectureResults& a : results.architectures) {
        application = application || !a.triggers.empty();
    }
    for (int i = 0; i < static_cast<int>(results.architectures.size()); ++i) {
        const ArchitectureResults& a = results.architectures[static_cast<std::size_t>(i)];
        // The CDF is of completed requests; scaled by the completed share,
        // a curve ends where the requests that were rejected, timed out or
        // failed begin, instead of reaching 100 % as if all were served.
        const double completed = 1.0 - unservedShare(a);
        QVector<double> keys;
        QVector<double> values;
        // The curve rises from 0 at its first latency: a distribution in
        // one bucket (a deterministic job) is then still a visible step.
        for (const auto& [s, fraction] : a.latencyCdf) {
            if (s > 0.0) {
                keys << s;
                values << 0.0;
                break;
            }
        }
        for (const auto& [s, fraction] : a.latencyCdf) {
            // A log axis has no place for a zero latency.
            if (s > 0.0) {
                keys << s;
                values << fraction * completed * 100.0;
            }
        }
        if (keys.isEmpty() || completed <= 0.0) {
            m_curves << nullptr;
            m_markers << nullptr;
            anyLost = anyLost || completed < 1.0;
            continue;
        }
        // The view starts where the curve leaves the floor (the fastest
        // 0.1 %), not at a handful of outliers decades to the left.
        const auto floor = std::find_if(values.begin(), values.end(),
                                        [](double percent) { return percent >= 0.1; });
        lowest =
            std::min(lowest, floor != values.end() ? keys[floor - values.begin()] : keys.front());
        highest = std::max(highest, keys.back());
        const QColor color = architectureColor(i);
        const QString name = QString::fromStdString(a.name);
        QCPGraph* curve = m_plot->addGraph();
        curve->setPen(architecturePen(i, 2.0));
        curve->setLineStyle(QCPGraph::lsStepLeft);
        curve->setData(keys, values, true);

        QCPGraph* marks = m_plot->addGraph();
        marks->setName(tr("%1 quantiles").arg(name));
        marks->setLineStyle(QCPGraph::lsNone);
        marks->removeFromLegend();
        if (completed >= 1.0) {
            // Name and numbers on two lines: six long names side by side
            // would not fit a narrow window on one.
            curve->setName(tr("%1\np50 %2, p95 %3, p99 %4")
                               .arg(name, seconds(a.mean.value(metric::LatencyP50)),
                                    seconds(a.mean.value(metric::LatencyP95)),
                                    seconds(a.mean.value(metric::LatencyP99))));
            marks->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(color, 2.0),
                                                   palette.brush(QPalette::Base), 9.0));
            marks->setData({a.mean.value(metric::LatencyP50), a.mean.value(metric::LatencyP95),
                            a.mean.value(metric::LatencyP99)},
                           {Quantiles[0], Quantiles[1], Quantiles[2]}, true);
        } else {
            // The table's p50/p95/p99 are of every served request, timed
            // out ones included (model-semantics.md), so they are not points
            // of this curve; the legend says what is missing instead, and a
            // cross marks where the curve ends.
            anyLost = true;
            QStringList lost;
            const double rejected = a.mean.value(metric::RejectionProbability);
            const double timedOut = a.mean.value(metric::TimeoutProbability);
            if (timedOut > 0.0) {
                lost << (application ? tr("%1 timed out or failed") : tr("%1 timed out"))
                            .arg(percent(timedOut));
            }
            if (rejected > 0.0) {
                lost << tr("%1 rejected").arg(percent(rejected));
            }
            curve->setName(
                tr("%1\n%2 completed (%3)").arg(name, percent(completed), lost.join(", ")));
            marks->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, QPen(color, 2.0),
                                                   palette.brush(QPalette::Base), 11.0));
            marks->setData({keys.back()}, {values.back()}, true);
        }
        m_curves << curve;
        m_markers << marks;
    }
    m_titleText =
        (anyLost ? tr("Latency of completed requests: share of all requests completed within a "
                      "given time\nA curve that ends below 100 %: the rest were rejected, timed "
                      "out or failed")
                 : tr("Latency distribution: share of requests completed within a given time"));
    fitTitle();
    if (highest <= 0.0) {
        clearResults();
        showPlaceholder(m_plot, tr("No request was served, so there is no latency to show."));
        return;
    }
    // Whole decades keep the tick labels round (0.001, 0.01, ..., 10).
    m_lowerS = std::pow(10.0, std::floor(std::log10(lowest)));
    m_upperS = std::pow(10.0, std::ceil(std::log10(highest)));
    if (m_upperS / m_lowerS < 100.0) {
        m_lowerS /= 10.0;
        m_upperS *= 10.0;
    }

    // Reference lines for the quantiles, named on the right-hand axis where
    // no label can collide with a curve.
    auto names = QSharedPointer<QCPAxisTickerText>::create();
    QColor reference = palette.color(QPalette::WindowText);
    reference.setAlpha(110);
    for (double q : Quantiles) {
        auto* line = new QCPItemStraightLine(m_plot);
        line->setLayer(QStringLiteral("grid"));
        line->setPen(QPen(reference, 1.0, Qt::DashLine));
        for (QCPItemPosition* point : {line->point1, line->point2}) {
            point->setTypeX(QCPItemPosition::ptAxisRectRatio);
        }
        line->point1->setCoords(0.0, q);
        line->point2->setCoords(1.0, q);
        line->setSelectable(false);
        names->addTick(q, QStringLiteral("p%1").arg(q));
    }
    m_plot->yAxis2->setTicker(names);
    m_plot->yAxis2->setTickLabels(true);
    m_plot->yAxis2->setSubTicks(false);
    m_cursor = addHoverCursor(m_plot);
    resetView();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LatencyTab::fitTitle() {
    const QMargins margins = m_title->margins();
    const QString wrapped = wrapToWidth(m_titleText, m_title->font(),
                                        m_plot->width() - margins.left() - margins.right());
    if (wrapped != m_title->text()) {
        m_title->setText(wrapped);
    }
}

void LatencyTab::resetView() {
    m_plot->xAxis->setRange(m_lowerS, m_upperS);
    m_plot->yAxis->setRange(0.0, 102.0);
}

void LatencyTab::showCursorAt(double s) {
    if (!m_results || m_cursor.line == nullptr || !(s > 0.0)) {
        return;
    }
    QStringList lines;
    lines << tr("Within %1:").arg(seconds(s));
    double lowest = 100.0;
    double highest = 0.0;
    for (int i = 0; i < m_curves.size(); ++i) {
        if (m_curves[i] == nullptr || !m_curves[i]->visible()) {
            continue;
        }
        const ArchitectureResults& a = m_results->architectures[static_cast<std::size_t>(i)];
        const double share = fractionAt(a.latencyCdf, s) * (1.0 - unservedShare(a)) * 100.0;
        lowest = std::min(lowest, share);
        highest = std::max(highest, share);
        lines << tr("%1: %2 %")
                     .arg(QString::fromStdString(a.name), QLocale().toString(share, 'f', 2));
    }
    // Cumulative curves only rise, so no curve is above the highest one's
    // value to the left of the cursor, or below the lowest one's to the
    // right: the box goes into the larger of those two empty corners.
    const QString text = lines.size() > 1 ? lines.join('\n') : QString();
    if (100.0 - highest >= lowest) {
        moveHoverCursor(m_cursor, s, text, Qt::AlignLeft | Qt::AlignBottom,
                        std::min(highest, 100.0));
    } else {
        moveHoverCursor(m_cursor, s, text, Qt::AlignRight | Qt::AlignTop, lowest);
    }
}

void LatencyTab::hideCursor() {
    hideHoverCursor(m_cursor);
}

QString LatencyTab::readoutText() const {
    if (m_cursor.box == nullptr || !m_cursor.box->visible()) {
        return {};
    }
    return m_cursor.box->text();
}

bool LatencyTab::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_plot && event->type() == QEvent::Leave) {
        hideCursor();
    }
    return ChartTab::eventFilter(watched, event);
}

void LatencyTab::redraw() {
    build(*m_results);
}

} // namespace faaslab::gui
