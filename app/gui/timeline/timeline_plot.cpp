#include "app/gui/timeline/timeline_plot.h"

#include <algorithm>
#include <cmath>

namespace faaslab::gui {

TimelinePlot::TimelinePlot(QCPAxis* keyAxis, QCPAxis* valueAxis, const TimelineLanes* lanes)
    : QCPAbstractPlottable(keyAxis, valueAxis)
    , m_lanes(lanes) {
    setSelectable(QCP::stNone);
}

QColor TimelinePlot::coldStartColor() {
    return QColor(0xE6, 0x9F, 0x00); // orange
}
QColor TimelinePlot::executingColor() {
    return QColor(0x00, 0x72, 0xB2, 150); // blue; overlaps (shared instances) darken
}
QColor TimelinePlot::idleColor() {
    return QColor(0x99, 0x99, 0x99, 90);
}
QColor TimelinePlot::provisionedColor() {
    return QColor(0x00, 0x9E, 0x73, 110); // green
}
QColor TimelinePlot::rejectedColor() {
    return QColor(0xD5, 0x5E, 0x00);
}

double TimelinePlot::selectTest(const QPointF&, bool, QVariant*) const {
    return -1.0;
}

QCPRange TimelinePlot::getKeyRange(bool& foundRange, QCP::SignDomain) const {
    const TimelineWindow& w = m_lanes->timeline().window;
    foundRange = true;
    return QCPRange(w.fromS, w.toS);
}

QCPRange TimelinePlot::getValueRange(bool& foundRange, QCP::SignDomain, const QCPRange&) const {
    foundRange = true;
    return QCPRange(-1.5,
                    std::max<double>(0.5, static_cast<double>(m_lanes->lanes().size()) - 0.5));
}

void TimelinePlot::draw(QCPPainter* painter) {
    QCPAxis* x = keyAxis();
    QCPAxis* y = valueAxis();
    if (x == nullptr || y == nullptr) {
        return;
    }
    const double from = x->range().lower;
    const double to = x->range().upper;
    const double rowHeight = std::abs(y->coordToPixel(1.0) - y->coordToPixel(0.0));
    const double bar = std::clamp(rowHeight * 0.7, 1.0, 18.0);
    auto rect = [&](double t0, double t1, int lane, double fraction = 1.0) {
        const double left = x->coordToPixel(std::max(t0, from));
        const double right = x->coordToPixel(std::min(t1, to));
        const double centre = y->coordToPixel(rowOf(lane));
        const double h = bar * fraction;
        // At least one pixel wide, so a short request is still seen.
        return QRectF(QPointF(left, centre - h / 2),
                      QPointF(std::max(right, left + 1.0), centre + h / 2));
    };
    painter->setPen(Qt::NoPen);
    const auto& lanes = m_lanes->lanes();
    const double windowEnd = m_lanes->timeline().window.toS;
    for (std::size_t i = 0; i < lanes.size(); ++i) {
        const auto& lane = lanes[i];
        const double end = std::min(lane.ended, windowEnd);
        if (end < from || lane.created > to) {
            continue;
        }
        painter->setBrush(lane.provisioned ? provisionedColor() : idleColor());
        painter->drawRect(rect(lane.created, end, static_cast<int>(i), 0.45));
        if (lane.ready > lane.created) {
            painter->setBrush(coldStartColor());
            painter->drawRect(rect(lane.created, std::min(lane.ready, end), static_cast<int>(i)));
        }
    }
    // Requests: only those that can reach the visible range.
    const auto& spans = m_lanes->spans();
    auto it = std::lower_bound(spans.begin(), spans.end(), from - m_lanes->longestSpan(),
                               [](const TimelineLanes::Span& s, double t) { return s.start < t; });
    painter->setBrush(executingColor());
    std::vector<QPointF> rejections;
    // Zoomed out, thousands of requests fall on a few pixels of a lane:
    // requests narrower than two pixels that touch are merged into one
    // rectangle per lane, so a frame costs what the screen can show, not
    // what was recorded. Wider ones are drawn one by one (their overlaps
    // darken: requests sharing a container instance).
    std::vector<QRectF> pending(lanes.size());
    auto flush = [&](std::size_t lane) {
        if (pending[lane].isValid()) {
            painter->drawRect(pending[lane]);
            pending[lane] = QRectF();
        }
    };
    for (; it != spans.end() && it->start <= to; ++it) {
        if (it->lane < 0) {
            if (it->end >= from) {
                rejections.emplace_back(x->coordToPixel(it->end), y->coordToPixel(-1.0));
            }
            continue;
        }
        if (it->end < from) {
            continue;
        }
        const QRectF r = rect(it->start, it->end, it->lane, 0.8);
        const auto lane = static_cast<std::size_t>(it->lane);
        if (r.width() >= 2.0) {
            flush(lane);
            painter->drawRect(r);
        } else if (pending[lane].isValid() && r.left() <= pending[lane].right() + 1.0) {
            pending[lane].setRight(std::max(pending[lane].right(), r.right()));
        } else {
            flush(lane);
            pending[lane] = r;
        }
    }
    for (std::size_t lane = 0; lane < pending.size(); ++lane) {
        flush(lane);
    }
    // Rejections: a cross each on the row above the instances.
    painter->setPen(QPen(rejectedColor(), 1.5));
    const double r = std::clamp(bar * 0.35, 2.0, 5.0);
    for (const QPointF& p : rejections) {
        painter->drawLine(QLineF(p.x() - r, p.y() - r, p.x() + r, p.y() + r));
        painter->drawLine(QLineF(p.x() - r, p.y() + r, p.x() + r, p.y() - r));
    }
    // Ends of life: a short vertical bar where an instance was reclaimed.
    painter->setPen(QPen(QColor(0x55, 0x55, 0x55), 1.5));
    for (std::size_t i = 0; i < lanes.size(); ++i) {
        if (std::isfinite(lanes[i].ended) && lanes[i].ended >= from && lanes[i].ended <= to) {
            const double px = x->coordToPixel(lanes[i].ended);
            const double py = y->coordToPixel(rowOf(static_cast<int>(i)));
            painter->drawLine(QLineF(px, py - bar / 2, px, py + bar / 2));
        }
    }
}

void TimelinePlot::drawLegendIcon(QCPPainter* painter, const QRectF& rect) const {
    painter->setPen(Qt::NoPen);
    painter->setBrush(executingColor());
    painter->drawRect(rect);
}

} // namespace faaslab::gui
