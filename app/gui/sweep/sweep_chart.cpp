#include "app/gui/sweep/sweep_chart.h"

#include "app/gui/results/axis_scale.h"
#include "app/gui/sweep/break_even_model.h"
#include "models/format/number_format.h"
#include "models/results/metric_keys.h"
#include "models/results/ranking.h"
#include "models/runner/sweep_parameter.h"

#include <QEvent>
#include <QFontMetrics>
#include <QMouseEvent>
#include <algorithm>
#include <cmath>
#include <limits>

namespace faaslab::gui {

namespace {

QString text(const std::string& s) {
    return QString::fromStdString(s);
}

// Short enough for a chart label, precise enough for a point located to 1 %:
// three significant digits, but never an exponent for a large whole part.
QString compactValue(double value) {
    const double magnitude = std::fabs(value);
    const int wholeDigits = magnitude >= 1.0 ? static_cast<int>(std::log10(magnitude)) + 1 : 1;
    if (wholeDigits > 6) {
        return QString::number(value, 'g', 3);
    }
    return QString::number(value, 'g', std::max(3, wholeDigits));
}

QString parameterAxisLabel(const QString& path) {
    const QString unit = QString::fromStdString(parameterUnit(path.toStdString()));
    return unit.isEmpty() ? path : QStringLiteral("%1 (%2)").arg(path, unit);
}

// Fits an axis to its visible data with a margin; a linear axis of costs or
// latencies starts at zero, so the heights of the curves compare honestly.
void fitAxis(QCPAxis* axis, double margin, bool fromZero) {
    bool found = false;
    QCPRange data;
    for (QCPAbstractPlottable* plottable : axis->plottables()) {
        if (!plottable->visible()) {
            continue;
        }
        bool ok = false;
        const QCP::SignDomain domain =
            axis->scaleType() == QCPAxis::stLogarithmic ? QCP::sdPositive : QCP::sdBoth;
        const bool isKey = plottable->keyAxis() == axis;
        const QCPRange r =
            isKey ? plottable->getKeyRange(ok, domain) : plottable->getValueRange(ok, domain);
        if (!ok) {
            continue;
        }
        data = found ? QCPRange(std::min(data.lower, r.lower), std::max(data.upper, r.upper)) : r;
        found = true;
    }
    if (!found) {
        return;
    }
    if (axis->scaleType() == QCPAxis::stLogarithmic) {
        double lo = std::log10(data.lower);
        double hi = std::log10(data.upper);
        const double span = hi - lo > 0.0 ? hi - lo : 1.0;
        lo -= margin * span;
        hi += margin * span;
        axis->setRange(std::pow(10.0, lo), std::pow(10.0, hi));
        return;
    }
    const double span = data.size() > 0.0 ? data.size() : std::max(1.0, std::fabs(data.upper));
    double lower = data.lower - margin * span;
    if (fromZero && data.lower >= 0.0) {
        lower = 0.0;
    }
    axis->setRange(lower, data.upper + margin * span);
}

} // namespace

SweepChart::SweepChart(QWidget* parent)
    : QCustomPlot(parent) {
    setObjectName("sweepChart");
    // Two stacked charts with a title, legend and break-even labels need
    // this much height; below it the tab scrolls rather than overlap them.
    setMinimumHeight(340);
    setStatusTip(tr("Drag to pan, scroll to zoom, double-click to fit; click a legend "
                    "entry to hide an architecture; point at a marker for its values."));

    // One chart with two stacked axis rects sharing the parameter axis: cost
    // above, p99 latency below. A margin group keeps their plotting areas
    // aligned whatever the width of the tick labels; the title and legend
    // sit in a row above, as in the other tabs, where they cover no curve.
    styleChart(this);
    m_title = putTitleAndLegendAbove(this, QString(), 4);
    // Title and legend each in a row of their own: side by side, on a
    // 1024-pixel screen with the editor open, they cut each other off.
    if (auto* header = qobject_cast<QCPLayoutGrid*>(plotLayout()->element(0, 0))) {
        if (header->take(legend)) {
            header->simplify();
            header->addElement(1, 0, legend);
            header->setRowSpacing(0);
        }
    }
    m_costRect = axisRect();
    m_latencyRect = new QCPAxisRect(this);
    plotLayout()->addElement(2, 0, m_latencyRect);
    plotLayout()->setRowStretchFactor(1, 1.2);
    plotLayout()->setRowStretchFactor(2, 1.0);
    auto* group = new QCPMarginGroup(this);
    m_costRect->setMarginGroup(QCP::msLeft | QCP::msRight, group);
    m_latencyRect->setMarginGroup(QCP::msLeft | QCP::msRight, group);
    // The top margin of the cost area holds the break-even labels; it is
    // sized in placeBreakEvenLabels().
    m_costRect->setAutoMargins(QCP::msLeft | QCP::msRight | QCP::msBottom);
    m_costRect->setMargins(QMargins(0, 10, 0, 0));

    // Zooming or dragging either area moves the shared parameter axis.
    QCPAxis* costX = m_costRect->axis(QCPAxis::atBottom);
    QCPAxis* latencyX = m_latencyRect->axis(QCPAxis::atBottom);
    connect(costX, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), latencyX,
            qOverload<const QCPRange&>(&QCPAxis::setRange));
    connect(latencyX, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), costX,
            qOverload<const QCPRange&>(&QCPAxis::setRange));

    enableLegendToggles(this);
    // An architecture's hollow markers and latency curve follow its legend
    // entry (connected after enableLegendToggles, so this runs after it).
    connect(this, &QCustomPlot::legendClick, this, [this] {
        for (const Curves& c : m_curves) {
            const bool visible = c.cost->visible();
            c.costRejecting->setVisible(visible);
            c.latency->setVisible(visible);
            c.latencyRejecting->setVisible(visible);
        }
        hideCursor();
        replot(rpQueuedReplot);
    });
    connect(this, &QCustomPlot::afterLayout, this, &SweepChart::placeBreakEvenLabels);
    // The readout follows the mouse without a button pressed.
    setMouseTracking(true);
    connect(this, &QCustomPlot::mouseMove, this, &SweepChart::onMouseMove);
    connect(this, &QCustomPlot::mouseDoubleClick, this, [this] {
        fitView();
        replot();
    });
    restyle();
    showEmpty();
}

void SweepChart::restyle() {
    styleChart(this);
    const QPalette colours = palette();
    m_latencyRect->setBackground(colours.brush(QPalette::Base));
    for (QCPAxis* axis : m_latencyRect->axes()) {
        labelAxis(axis, axis->label());
    }
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    m_title->setTextColor(colours.color(QPalette::WindowText));
}

QCPGraph* SweepChart::costGraph(int architecture) const {
    return architecture >= 0 && architecture < static_cast<int>(m_curves.size())
               ? m_curves[static_cast<std::size_t>(architecture)].cost
               : nullptr;
}

QCPGraph* SweepChart::latencyGraph(int architecture) const {
    return architecture >= 0 && architecture < static_cast<int>(m_curves.size())
               ? m_curves[static_cast<std::size_t>(architecture)].latency
               : nullptr;
}

QStringList SweepChart::breakEvenLabels() const {
    QStringList labels;
    for (const QCPItemText* label : m_breakEvenLabels) {
        labels << label->text();
    }
    return labels;
}

void SweepChart::showSweep(const SweepResults& results, bool logarithmic,
                           const QStringList& notes) {
    m_results = results;
    m_logarithmic = logarithmic;
    m_notes = notes;
    draw();
}

void SweepChart::showEmpty() {
    m_results.reset();
    m_notes.clear();
    draw();
}

void SweepChart::showWaiting(const QString& message) {
    m_cursor = {};
    m_latencyCursor = nullptr;
    showPlaceholder(this, message);
}

void SweepChart::changeEvent(QEvent* event) {
    QCustomPlot::changeEvent(event);
    // Charts draw with colours taken from the palette when they are built,
    // so a switch between light and dark draws them again.
    if (event->type() == QEvent::PaletteChange) {
        restyle();
        draw();
    }
}

void SweepChart::clearDrawing() {
    clearPlottables();
    clearItems();
    m_curves.clear();
    m_cursor = {};
    m_latencyCursor = nullptr;
    m_breakEvenLabels.clear();
    m_breakEvenValues.clear();
    if (m_footnote != nullptr) {
        plotLayout()->remove(m_footnote);
        plotLayout()->simplify();
        m_footnote = nullptr;
    }
}

void SweepChart::draw() {
    clearDrawing();
    QCPAxis* costX = m_costRect->axis(QCPAxis::atBottom);
    QCPAxis* costY = m_costRect->axis(QCPAxis::atLeft);
    QCPAxis* latencyX = m_latencyRect->axis(QCPAxis::atBottom);
    QCPAxis* latencyY = m_latencyRect->axis(QCPAxis::atLeft);
    labelAxis(costY, tr("Cost per 30 days (USD)"));
    labelAxis(latencyY, tr("p99 latency (s)"));
    if (!m_results || m_results->points.empty()) {
        labelAxis(costX, tr("Parameter"));
        labelAxis(latencyX, tr("Parameter"));
        for (QCPAxis* axis : {costX, costY, latencyX, latencyY}) {
            setAxisScale(axis, false, 5);
            axis->setRange(0.0, 1.0);
        }
        m_title->setText(tr("30-day cost and p99 latency against a parameter"));
        showPlaceholder(this, tr("Run a sweep to plot each architecture's cost and p99 "
                                 "latency against the parameter."));
        return;
    }
    const SweepResults& r = *m_results;
    const QPalette colours = palette();
    const QColor textColor = colours.color(QPalette::WindowText);
    const QColor base = colours.color(QPalette::Base);
    const QString parameter = text(r.parameter);
    QString title = tr("30-day cost and p99 latency against %1").arg(parameterShortName(parameter));
    // Said on the chart too, so an exported image carries it.
    for (const QString& note : m_notes) {
        title += QLatin1Char('\n') + note;
    }
    m_title->setText(title);
    labelAxis(costX, parameterAxisLabel(parameter));
    labelAxis(latencyX, parameterAxisLabel(parameter));

    // Log axes for a logarithmic sweep (a cost proportional to the load is
    // then a straight line), if every value can be drawn on one.
    // Latencies often span decades (100 ms served, 30 s queued to the
    // timeout): a linear axis would flatten every fast curve onto zero.
    bool costPositive = true;
    double latencyMin = std::numeric_limits<double>::infinity();
    double latencyMax = 0.0;
    for (const SweepPoint& p : r.points) {
        for (const ArchitectureResults& a : p.architectures) {
            costPositive = costPositive && a.mean.value(metric::CostMonthly) > 0.0;
            if (a.mean.value(metric::Completed) > 0.0) {
                latencyMin = std::min(latencyMin, a.mean.value(metric::LatencyP99));
                latencyMax = std::max(latencyMax, a.mean.value(metric::LatencyP99));
            }
        }
    }
    const bool latencyPositive = latencyMin > 0.0 && std::isfinite(latencyMin);
    setAxisScale(costX, m_logarithmic, 8);
    setAxisScale(latencyX, m_logarithmic, 8);
    setAxisScale(costY, m_logarithmic && costPositive, 5);
    // A log axis only where the latencies span decades; otherwise a linear
    // axis from zero, so that noise of a few percent (0.81 to 0.845 s) does
    // not fill the height and read as a trend.
    const bool latencyLog = latencyPositive && latencyMax >= 100.0 * latencyMin;
    setAxisScale(latencyY, latencyLog, 4);
    if (latencyLog) {
        labelAxis(latencyY, tr("p99 latency (s, log scale)"));
    }

    bool anyRejecting = false;
    for (std::size_t i = 0; i < r.architectureNames.size(); ++i) {
        const QColor color = architectureColor(static_cast<int>(i));
        Curves c;
        auto makeLine = [&](QCPAxisRect* rect) {
            QCPGraph* g = addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
            g->setName(text(r.architectureNames[i]));
            g->setPen(architecturePen(static_cast<int>(i), 2.0));
            g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, 7.0));
            return g;
        };
        auto makeHollow = [&](QCPAxisRect* rect) {
            QCPGraph* g = addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
            g->setName(text(r.architectureNames[i]));
            g->setLineStyle(QCPGraph::lsNone);
            // A ring filled with the background: drawn over the disc, it
            // turns the point hollow.
            g->setScatterStyle(
                QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(color, 2.0), QBrush(base), 9.0));
            g->removeFromLegend();
            return g;
        };
        c.cost = makeLine(m_costRect);
        c.costRejecting = makeHollow(m_costRect);
        c.latency = makeLine(m_latencyRect);
        c.latency->removeFromLegend();
        c.latencyRejecting = makeHollow(m_latencyRect);
        for (const SweepPoint& p : r.points) {
            if (i >= p.architectures.size()) {
                continue;
            }
            const ArchitectureResults& a = p.architectures[i];
            const double cost = a.mean.value(metric::CostMonthly);
            const double p99 = a.mean.value(metric::LatencyP99);
            // Leaving more than 1 % unserved (rejected, timed out or failed,
            // as the ranking counts them) means its cost is not for the
            // whole load; a timeout is as much a failure as a rejection.
            const bool rejecting = !servesWholeLoad(a);
            // A latency is only defined if some request was served.
            const bool served = a.mean.value(metric::Completed) > 0.0;
            c.cost->addData(p.value, cost);
            if (served) {
                c.latency->addData(p.value, p99);
            }
            if (rejecting) {
                anyRejecting = true;
                c.costRejecting->addData(p.value, cost);
                if (served) {
                    c.latencyRejecting->addData(p.value, p99);
                }
            }
        }
        m_curves.push_back(c);
    }

    // Break-even points: a dashed line through both areas, labelled above
    // the cost area (placed in placeBreakEvenLabels, which staggers labels
    // that would overlap).
    QColor lineColor = textColor;
    lineColor.setAlpha(150);
    QFont labelFont = font();
    labelFont.setPointSizeF(labelFont.pointSizeF() * 0.9);
    for (const BreakEven& b : r.breakEvens) {
        for (QCPAxisRect* rect : {m_costRect, m_latencyRect}) {
            auto* line = new QCPItemStraightLine(this);
            line->setClipAxisRect(rect);
            for (QCPItemPosition* position : {line->point1, line->point2}) {
                position->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
            }
            // Two positive heights: valid on a logarithmic axis too.
            line->point1->setCoords(b.value, 1.0);
            line->point2->setCoords(b.value, 2.0);
            line->setPen(QPen(lineColor, 1.0, Qt::DashLine));
            line->setSelectable(false);
        }
        auto* label = new QCPItemText(this);
        label->setClipToAxisRect(false);
        label->position->setType(QCPItemPosition::ptAbsolute);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->setText(QStringLiteral("%1: %2 → %3")
                           .arg(compactValue(b.value), text(b.cheaperBelow), text(b.cheaperAbove)));
        label->setFont(labelFont);
        label->setColor(textColor);
        label->setPadding(QMargins(3, 1, 3, 1));
        label->setSelectable(false);
        label->setVisible(false); // until placed
        m_breakEvenLabels.push_back(label);
        m_breakEvenValues.push_back(b.value);
    }

    if (anyRejecting) {
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.9);
        m_footnote =
            new QCPTextElement(this,
                               tr("○ hollow marker: leaves more than 1 % of the requests unserved "
                                  "there (rejected, timed out or failed); its cost is not "
                                  "for the whole load"),
                               small);
        m_footnote->setTextColor(textColor);
        plotLayout()->addElement(plotLayout()->rowCount(), 0, m_footnote);
        plotLayout()->setRowStretchFactor(plotLayout()->rowCount() - 1, 0.001);
    }

    legend->setVisible(true);
    createCursor();
    fitView();
    replot();
}

void SweepChart::fitView() {
    if (m_curves.empty()) {
        return;
    }
    fitAxis(m_costRect->axis(QCPAxis::atBottom), 0.03, false);
    fitAxis(m_costRect->axis(QCPAxis::atLeft), 0.08, true);
    fitAxis(m_latencyRect->axis(QCPAxis::atLeft), 0.08, true);
}

void SweepChart::placeBreakEvenLabels() {
    // Labels in rows above the cost area: each takes the first row where it
    // clears the previous label, so none overlaps another or a curve. Runs
    // after every layout (zoom, drag, resize), so labels follow their lines.
    const int padding = 4;
    int rows = 0;
    if (!m_breakEvenLabels.empty()) {
        QCPAxis* x = m_costRect->axis(QCPAxis::atBottom);
        const QRect area = m_costRect->rect();
        const QFontMetrics metrics(m_breakEvenLabels.front()->font());
        const int lineHeight = metrics.height() + 4;
        std::vector<std::size_t> order(m_breakEvenLabels.size());
        for (std::size_t i = 0; i < order.size(); ++i) {
            order[i] = i;
        }
        std::sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) {
            return m_breakEvenValues[a] < m_breakEvenValues[b];
        });
        std::vector<int> rowEnds; // right edge of the last label in each row
        for (std::size_t i : order) {
            QCPItemText* label = m_breakEvenLabels[i];
            const double px = x->coordToPixel(m_breakEvenValues[i]);
            if (!std::isfinite(px) || px < area.left() - 1 || px > area.right() + 1) {
                label->setVisible(false);
                continue;
            }
            const int width = metrics.horizontalAdvance(label->text()) + 6;
            const int left =
                std::clamp(static_cast<int>(px) - width / 2, 0, std::max(0, this->width() - width));
            std::size_t row = 0;
            while (row < rowEnds.size() && rowEnds[row] + padding > left) {
                ++row;
            }
            if (row == rowEnds.size()) {
                rowEnds.push_back(0);
            }
            rowEnds[row] = left + width;
            label->position->setCoords(left + width / 2.0,
                                       area.top() - 2 - static_cast<double>(row) * lineHeight);
            label->setVisible(true);
        }
        rows = static_cast<int>(rowEnds.size());
        const int top = rows > 0 ? rows * lineHeight + 4 : 10;
        if (m_costRect->margins().top() != top) {
            QMargins margins = m_costRect->margins();
            margins.setTop(top);
            m_costRect->setMargins(margins);
            // The area moved down; lay out again with the new margin.
            replot(rpQueuedReplot);
        }
        return;
    }
    if (m_costRect->margins().top() != 10) {
        QMargins margins = m_costRect->margins();
        margins.setTop(10);
        m_costRect->setMargins(margins);
        replot(rpQueuedReplot);
    }
}

void SweepChart::createCursor() {
    m_cursor = addHoverCursor(this);
    // The shared cursor draws in the first axis rect; a second line on its
    // layer continues it through the latency area.
    m_latencyCursor = new QCPItemStraightLine(this);
    m_latencyCursor->setLayer(m_cursor.layer);
    m_latencyCursor->setClipAxisRect(m_latencyRect);
    m_latencyCursor->setPen(m_cursor.line->pen());
    for (QCPItemPosition* point : {m_latencyCursor->point1, m_latencyCursor->point2}) {
        point->setAxes(m_latencyRect->axis(QCPAxis::atBottom),
                       m_latencyRect->axis(QCPAxis::atLeft));
        point->setAxisRect(m_latencyRect);
        point->setTypeY(QCPItemPosition::ptAxisRectRatio);
    }
    m_latencyCursor->setVisible(false);
    m_latencyCursor->setSelectable(false);
}

void SweepChart::hideCursor() {
    if (m_latencyCursor != nullptr) {
        m_latencyCursor->setVisible(false);
    }
    hideHoverCursor(m_cursor);
}

QString SweepChart::readoutText() const {
    return m_cursor.box != nullptr && m_cursor.box->visible() ? m_cursor.box->text() : QString();
}

void SweepChart::onMouseMove(QMouseEvent* event) {
    const QPoint pos = event->pos();
    if (!m_results || m_results->points.empty() || m_cursor.line == nullptr ||
        !(m_costRect->rect().contains(pos) || m_latencyRect->rect().contains(pos))) {
        hideCursor();
        return;
    }
    showCursorAt(pos.x());
}

void SweepChart::showCursorAt(double pixelX) {
    // Snaps to the nearest swept value: between values there is no result
    // to read, only the straight line drawn between two.
    if (!m_results || m_cursor.line == nullptr) {
        return;
    }
    QCPAxis* x = m_costRect->axis(QCPAxis::atBottom);
    const SweepPoint* nearest = nullptr;
    double best = std::numeric_limits<double>::infinity();
    for (const SweepPoint& p : m_results->points) {
        const double distance = std::fabs(x->coordToPixel(p.value) - pixelX);
        if (distance < best) {
            best = distance;
            nearest = &p;
        }
    }
    if (nearest == nullptr) {
        hideCursor();
        return;
    }
    QStringList lines;
    // A winner only where the replications separate it (ranking.h).
    lines << tr("%1 = %2 (cheapest: %3)")
                 .arg(parameterShortName(text(m_results->parameter)),
                      sweepValueText(nearest->value),
                      cheapestVerdictAt(*nearest).decided() ? text(nearest->cheapest)
                                                            : tr("not distinguishable at 95 %"));
    for (std::size_t i = 0; i < nearest->architectures.size() && i < m_curves.size(); ++i) {
        if (!m_curves[i].cost->visible()) {
            continue;
        }
        const ArchitectureResults& a = nearest->architectures[i];
        QString line = tr("%1: %2 per 30 days, p99 %3")
                           .arg(text(a.name), text(formatMoney(a.mean.value(metric::CostMonthly))),
                                text(formatSeconds(a.mean.value(metric::LatencyP99))));
        if (!servesWholeLoad(a)) {
            line += tr(", leaves %1 unserved").arg(text(formatPercent(unservedShare(a))));
        }
        lines << line;
    }
    m_latencyCursor->point1->setCoords(nearest->value, 0.0);
    m_latencyCursor->point2->setCoords(nearest->value, 1.0);
    m_latencyCursor->setVisible(lines.size() > 1);
    moveHoverCursor(m_cursor, nearest->value, lines.size() > 1 ? lines.join('\n') : QString());
}

} // namespace faaslab::gui
