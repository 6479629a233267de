#include "app/gui/application/application_graph_view.h"

#include <QFontMetricsF>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace faaslab::gui {

namespace {

constexpr double NoteHeight = 20.0;

// Trigger colours (Okabe-Ito, readable on light and dark palettes).
QColor triggerColor(TriggerSpec::Type type) {
    switch (type) {
    case TriggerSpec::Type::Http:
        return QColor(0x00, 0x72, 0xB2);
    case TriggerSpec::Type::Timer:
        return QColor(0xD5, 0x5E, 0x00);
    case TriggerSpec::Type::Storage:
        return QColor(0x00, 0x9E, 0x73);
    case TriggerSpec::Type::Queue:
        return QColor(0xCC, 0x79, 0xA7);
    }
    return {};
}

// One icon per trigger type, drawn in `r` with `pen`: a globe for HTTP, a
// clock for timers, a bucket for storage, stacked messages for queues.
void drawTriggerIcon(QPainter& painter, TriggerSpec::Type type, const QRectF& r,
                     const QColor& color) {
    painter.save();
    QPen pen(color, 1.4);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    const QRectF in = r.adjusted(1, 1, -1, -1);
    switch (type) {
    case TriggerSpec::Type::Http:
        painter.drawEllipse(in);
        painter.drawEllipse(in.adjusted(in.width() * 0.3, 0, -in.width() * 0.3, 0));
        painter.drawLine(QPointF(in.left(), in.center().y()), QPointF(in.right(), in.center().y()));
        break;
    case TriggerSpec::Type::Timer:
        painter.drawEllipse(in);
        painter.drawLine(in.center(), QPointF(in.center().x(), in.top() + in.height() * 0.2));
        painter.drawLine(in.center(), QPointF(in.right() - in.width() * 0.25, in.center().y()));
        break;
    case TriggerSpec::Type::Storage: {
        const double lid = in.height() * 0.3;
        painter.drawEllipse(QRectF(in.left(), in.top(), in.width(), lid));
        painter.drawLine(QPointF(in.left(), in.top() + lid / 2),
                         QPointF(in.left(), in.bottom() - lid / 2));
        painter.drawLine(QPointF(in.right(), in.top() + lid / 2),
                         QPointF(in.right(), in.bottom() - lid / 2));
        painter.drawArc(QRectF(in.left(), in.bottom() - lid, in.width(), lid), 180 * 16, 180 * 16);
        break;
    }
    case TriggerSpec::Type::Queue: {
        const double w = in.width() / 4;
        painter.setBrush(color);
        for (int k = 0; k < 3; ++k) {
            painter.drawRect(QRectF(in.left() + k * (w + w / 2), in.top() + in.height() * 0.2, w,
                                    in.height() * 0.6));
        }
        break;
    }
    }
    painter.restore();
}

// Line styles of the arrow kinds, also used by the legend.
QPen arrowPen(ApplicationGraph::Arrow::Kind kind, const QColor& color, bool selected) {
    using Kind = ApplicationGraph::Arrow::Kind;
    QPen pen(color, kind == Kind::FanOut ? 2.6 : 1.4);
    if (selected) {
        pen.setWidthF(pen.widthF() + 1.6);
    }
    if (kind == Kind::Queue) {
        pen.setStyle(Qt::DashLine);
    } else if (kind == Kind::FanIn) {
        pen.setStyle(Qt::DotLine);
    }
    pen.setCapStyle(Qt::FlatCap);
    return pen;
}

struct LegendItem {
    QString text;
    std::optional<TriggerSpec::Type> trigger;
    ApplicationGraph::Arrow::Kind arrow = ApplicationGraph::Arrow::Kind::Chain;
};

QList<LegendItem> legendItems() {
    using Kind = ApplicationGraph::Arrow::Kind;
    return {
        {QObject::tr("HTTP"), TriggerSpec::Type::Http},
        {QObject::tr("timer"), TriggerSpec::Type::Timer},
        {QObject::tr("storage"), TriggerSpec::Type::Storage},
        {QObject::tr("queue trigger"), TriggerSpec::Type::Queue},
        {QObject::tr("chain"), std::nullopt, Kind::Chain},
        {QObject::tr("fan-out"), std::nullopt, Kind::FanOut},
        {QObject::tr("fan-in"), std::nullopt, Kind::FanIn},
        {QObject::tr("queue"), std::nullopt, Kind::Queue},
    };
}

constexpr double LegendSample = 22.0;
constexpr double LegendSpacing = 14.0;

} // namespace

ApplicationGraphView::ApplicationGraphView(QWidget* parent)
    : QWidget(parent) {
    setObjectName("applicationGraph");
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    setMouseTracking(false);
}

QSize ApplicationGraphView::sizeHint() const {
    return {420, 320};
}

QSize ApplicationGraphView::minimumSizeHint() const {
    return {200, 140};
}

void ApplicationGraphView::setApplication(const ApplicationSpec& application, bool current) {
    const bool same = m_application && *m_application == application;
    const bool noteChanged = m_current != current;
    m_current = current;
    if (!same) {
        m_application = application;
        m_graph = ApplicationGraph(application);
    }
    // The note about a stale graph takes a line of the widget.
    if (!same || noteChanged) {
        relayout();
    }
    update();
}

void ApplicationGraphView::clear() {
    m_application.reset();
    m_graph = ApplicationGraph();
    m_selected = {};
    update();
}

void ApplicationGraphView::setSelectedPart(const ApplicationPart& part) {
    if (m_selected == part) {
        return;
    }
    m_selected = part;
    update();
}

double ApplicationGraphView::legendHeight(double width) const {
    const QFontMetricsF metrics(m_graph.labelFont());
    double x = 0;
    int rows = 1;
    for (const LegendItem& item : legendItems()) {
        const double w = LegendSample + 4 + metrics.horizontalAdvance(item.text) + LegendSpacing;
        if (x > 0 && x + w > width) {
            ++rows;
            x = 0;
        }
        x += w;
    }
    return rows * (metrics.height() + 4) + 6;
}

QRectF ApplicationGraphView::graphArea() const {
    QRectF area = QRectF(rect()).adjusted(4, 4, -4, -4);
    area.setBottom(area.bottom() - legendHeight(area.width()));
    if (!m_current) {
        area.setTop(area.top() + NoteHeight);
    }
    return area;
}

void ApplicationGraphView::relayout() {
    if (!m_application) {
        return;
    }
    // The legend's font is the graph's label font, which layOut sets.
    m_graph.layOut(ApplicationGraph::Orientation::LeftToRight, font());
    const QRectF area = graphArea();
    auto fit = [&area](const QSizeF& size) {
        if (size.isEmpty()) {
            return 1.0;
        }
        return std::min({1.0, area.width() / size.width(), area.height() / size.height()});
    };
    const double across = fit(m_graph.size());
    ApplicationGraph down = m_graph;
    down.layOut(ApplicationGraph::Orientation::TopToBottom, font());
    if (fit(down.size()) > across + 1e-9) {
        m_graph = std::move(down);
    }
    m_scale = fit(m_graph.size());
    const QSizeF shown = m_graph.size() * m_scale;
    m_offset = QPointF(area.left() + std::max(0.0, (area.width() - shown.width()) / 2),
                       area.top() + std::max(0.0, (area.height() - shown.height()) / 2));
}

void ApplicationGraphView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    relayout();
}

QPointF ApplicationGraphView::toWidget(const QPointF& graphPoint) const {
    return m_offset + graphPoint * m_scale;
}

QPointF ApplicationGraphView::toGraph(const QPointF& widgetPoint) const {
    return (widgetPoint - m_offset) / m_scale;
}

void ApplicationGraphView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !m_application) {
        QWidget::mousePressEvent(event);
        return;
    }
    const ApplicationPart part = m_graph.partAt(toGraph(event->position()));
    setSelectedPart(part);
    emit partClicked(part);
}

bool ApplicationGraphView::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip && m_application) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QPointF at = toGraph(help->pos());
        QString tip;
        for (const auto& n : m_graph.nodes()) {
            if (n.rect.contains(at)) {
                tip = QStringLiteral("<b>%1</b><br>%2")
                          .arg(n.title.toHtmlEscaped(), n.details.join(QStringLiteral("<br>")));
                break;
            }
        }
        if (tip.isEmpty()) {
            const ApplicationPart part = m_graph.partAt(at);
            for (const auto& a : m_graph.arrows()) {
                if (a.part == part && part.kind == ApplicationPart::Kind::Edge) {
                    tip = a.label.join(QLatin1Char(' '));
                    break;
                }
            }
        }
        if (tip.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), tip, this);
        }
        return true;
    }
    return QWidget::event(event);
}

void ApplicationGraphView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = palette();
    if (!m_application) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("The application's functions, triggers and edges appear here."));
        return;
    }
    if (!m_current) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(QRectF(6, 4, width() - 12, NoteHeight), Qt::AlignLeft | Qt::AlignVCenter,
                         tr("The last valid version: fix the problems to update the graph."));
    }

    painter.save();
    painter.translate(m_offset);
    painter.scale(m_scale, m_scale);
    if (!m_current) {
        painter.setOpacity(0.55);
    }
    const QColor text = pal.color(QPalette::Text);
    const QColor highlight = pal.color(QPalette::Highlight);
    const QColor line =
        pal.color(QPalette::Text).lighter(pal.color(QPalette::Base).lightness() < 128 ? 80 : 160);
    const QFont titleFont = m_graph.titleFont();
    const QFont labelFont = m_graph.labelFont();
    const QFontMetricsF labelMetrics(labelFont);

    // Arrows under nodes, labels over arrows.
    for (const auto& a : m_graph.arrows()) {
        const bool selected = a.part == m_selected && a.part.kind != ApplicationPart::Kind::None;
        QColor color = a.kind == ApplicationGraph::Arrow::Kind::Trigger
                           ? triggerColor(m_graph.nodes()[a.from].triggerType)
                           : line;
        if (selected) {
            color = highlight;
        }
        painter.setPen(arrowPen(a.kind, color, selected));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(a.path);
        const QPointF back = a.head - a.direction * 8.0;
        const QPointF side(-a.direction.y() * 4.5, a.direction.x() * 4.5);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawPolygon(QPolygonF({a.head, back + side, back - side}));
    }
    painter.setFont(labelFont);
    for (const auto& a : m_graph.arrows()) {
        if (a.labelRect.isNull()) {
            continue;
        }
        const bool selected = a.part == m_selected && a.part.kind != ApplicationPart::Kind::None;
        painter.setPen(QPen(selected ? highlight : pal.color(QPalette::Mid), selected ? 1.5 : 0.8));
        painter.setBrush(pal.color(QPalette::Base));
        painter.drawRoundedRect(a.labelRect, 4, 4);
        painter.setPen(text);
        painter.drawText(a.labelRect, Qt::AlignCenter, a.labelLines.join(QLatin1Char('\n')));
    }

    for (const auto& n : m_graph.nodes()) {
        const bool selected = n.part == m_selected;
        if (n.part.kind == ApplicationPart::Kind::Function) {
            painter.setPen(QPen(selected ? highlight : text.lighter(130), selected ? 2.4 : 1.2));
            painter.setBrush(pal.color(QPalette::AlternateBase));
            painter.drawRoundedRect(n.rect, 7, 7);
            const QRectF inner = n.rect.adjusted(7, 5, -7, -5);
            painter.setFont(titleFont);
            painter.setPen(text);
            const QFontMetricsF titleMetrics(titleFont);
            painter.drawText(
                QRectF(inner.left(), inner.top(), inner.width(), titleMetrics.height()),
                Qt::AlignHCenter | Qt::AlignTop,
                titleMetrics.elidedText(n.title, Qt::ElideMiddle, inner.width()));
            painter.setFont(labelFont);
            painter.setPen(pal.color(QPalette::PlaceholderText)
                               .darker(pal.color(QPalette::Base).lightness() < 128 ? 70 : 120));
            double y = inner.top() + titleMetrics.height();
            for (const QString& d : n.lines) {
                painter.drawText(QRectF(inner.left(), y, inner.width(), labelMetrics.height()),
                                 Qt::AlignHCenter | Qt::AlignTop, d);
                y += labelMetrics.height();
            }
        } else {
            const QColor color = triggerColor(n.triggerType);
            painter.setPen(QPen(selected ? highlight : color, selected ? 2.4 : 1.4));
            QColor fill = color;
            fill.setAlphaF(0.14);
            painter.setBrush(fill);
            painter.drawRoundedRect(n.rect, n.rect.height() / 2, n.rect.height() / 2);
            drawTriggerIcon(painter, n.triggerType, n.iconRect, color);
            painter.setFont(labelFont);
            painter.setPen(text);
            const QRectF name(n.iconRect.right() + 6, n.rect.top(),
                              n.rect.right() - n.rect.height() / 2 + 2 - n.iconRect.right() - 6,
                              n.rect.height());
            painter.drawText(name, Qt::AlignLeft | Qt::AlignVCenter,
                             labelMetrics.elidedText(n.title, Qt::ElideMiddle, name.width()));
        }
    }
    painter.restore();

    const QRectF area = QRectF(rect()).adjusted(4, 4, -4, -4);
    const double legend = legendHeight(area.width());
    paintLegend(painter, QRectF(area.left(), area.bottom() - legend, area.width(), legend));
}

void ApplicationGraphView::paintLegend(QPainter& painter, const QRectF& area) const {
    const QPalette& pal = palette();
    const QFont font = m_graph.labelFont();
    const QFontMetricsF metrics(font);
    painter.save();
    painter.setPen(QPen(pal.color(QPalette::Mid), 0.8));
    painter.drawLine(area.topLeft(), area.topRight());
    painter.setFont(font);
    const QColor line =
        pal.color(QPalette::Text).lighter(pal.color(QPalette::Base).lightness() < 128 ? 80 : 160);
    const double rowHeight = metrics.height() + 4;
    double x = area.left();
    double y = area.top() + 5;
    for (const LegendItem& item : legendItems()) {
        const double w = LegendSample + 4 + metrics.horizontalAdvance(item.text) + LegendSpacing;
        if (x > area.left() && x + w > area.right()) {
            x = area.left();
            y += rowHeight;
        }
        const QRectF sample(x, y + (rowHeight - 14) / 2, LegendSample, 14);
        if (item.trigger) {
            drawTriggerIcon(painter, *item.trigger,
                            QRectF(sample.center().x() - 7, sample.top(), 14, 14),
                            triggerColor(*item.trigger));
        } else {
            painter.setPen(arrowPen(item.arrow, line, false));
            painter.drawLine(QPointF(sample.left(), sample.center().y()),
                             QPointF(sample.right(), sample.center().y()));
        }
        painter.setPen(pal.color(QPalette::Text));
        painter.drawText(QRectF(sample.right() + 4, y, w, rowHeight),
                         Qt::AlignLeft | Qt::AlignVCenter, item.text);
        x += w;
    }
    painter.restore();
}

} // namespace faaslab::gui
