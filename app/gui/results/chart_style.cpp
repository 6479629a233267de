#include "app/gui/results/chart_style.h"

#include <QFileInfo>
#include <QFontMetrics>
#include <algorithm>
#include <qcustomplot.h>

namespace faaslab::gui {

QColor architectureColor(int index) {
    static const QColor palette[] = {
        QColor(0, 114, 178),   // blue
        QColor(230, 159, 0),   // orange
        QColor(0, 158, 115),   // bluish green
        QColor(204, 121, 167), // reddish purple
        QColor(86, 180, 233),  // sky blue
        QColor(213, 94, 0),    // vermillion
        QColor(240, 228, 66),  // yellow
        QColor(120, 120, 120), // grey
    };
    return palette[static_cast<std::size_t>(index) % std::size(palette)];
}

QPen architecturePen(int index, double width) {
    static const Qt::PenStyle styles[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine,
                                          Qt::DashDotDotLine};
    QPen pen(architectureColor(index), width);
    pen.setStyle(styles[static_cast<std::size_t>(index) % std::size(styles)]);
    return pen;
}

void labelAxis(QCPAxis* axis, const QString& label) {
    const QPalette palette = axis->parentPlot()->palette();
    const QColor text = palette.color(QPalette::WindowText);
    axis->setLabel(label);
    axis->setLabelColor(text);
    axis->setTickLabelColor(text);
    axis->setBasePen(QPen(text));
    axis->setTickPen(QPen(text));
    axis->setSubTickPen(QPen(text));
    QColor grid = text;
    grid.setAlpha(40);
    axis->grid()->setPen(QPen(grid, 0, Qt::DotLine));
    axis->grid()->setSubGridVisible(false);
}

void styleChart(QCustomPlot* plot) {
    const QPalette palette = plot->palette();
    plot->setBackground(palette.brush(QPalette::Base));
    plot->axisRect()->setBackground(palette.brush(QPalette::Base));
    for (QCPAxis* axis : plot->axisRect()->axes()) {
        labelAxis(axis, axis->label());
    }
    plot->legend->setVisible(true);
    plot->legend->setBrush(palette.brush(QPalette::Base));
    plot->legend->setBorderPen(QPen(palette.color(QPalette::Mid)));
    plot->legend->setTextColor(palette.color(QPalette::WindowText));
    plot->legend->setSelectedTextColor(palette.color(QPalette::HighlightedText));
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom | QCP::iSelectLegend);
    plot->setMinimumSize(320, 220);
}

void enableLegendToggles(QCustomPlot* plot) {
    QObject::connect(plot, &QCustomPlot::legendClick, plot,
                     [plot](QCPLegend*, QCPAbstractLegendItem* item, QMouseEvent*) {
                         auto* entry = qobject_cast<QCPPlottableLegendItem*>(item);
                         if (entry == nullptr) {
                             return;
                         }
                         QCPAbstractPlottable* plottable = entry->plottable();
                         plottable->setVisible(!plottable->visible());
                         QFont font = entry->font();
                         font.setItalic(!plottable->visible());
                         entry->setFont(font);
                         entry->setTextColor(plottable->visible()
                                                 ? plot->palette().color(QPalette::WindowText)
                                                 : plot->palette().color(QPalette::Mid));
                         plot->replot(QCustomPlot::rpQueuedReplot);
                     });
}

bool exportChart(QCustomPlot* plot, const QString& path, QString* error) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    bool ok = false;
    if (suffix == "pdf") {
        ok = plot->savePdf(path, plot->width(), plot->height());
    } else if (suffix == "png") {
        ok = plot->savePng(path, plot->width(), plot->height(), 2.0);
    } else {
        *error = QObject::tr("Choose a file ending in .png or .pdf, not \"%1\".").arg(path);
        return false;
    }
    if (!ok) {
        *error = QObject::tr("Cannot write %1.").arg(path);
    }
    return ok;
}

void showPlaceholder(QCustomPlot* plot, const QString& text) {
    plot->clearPlottables();
    plot->clearItems();
    auto* label = new QCPItemText(plot);
    label->position->setType(QCPItemPosition::ptAxisRectRatio);
    label->position->setCoords(0.5, 0.5);
    label->setText(text);
    label->setColor(plot->palette().color(QPalette::Mid));
    // A chart that laid out its own axis rects may have no legend.
    if (plot->legend != nullptr) {
        plot->legend->setVisible(false);
    }
    plot->replot();
}

QCPTextElement* addChartTitle(QCustomPlot* plot, const QString& title) {
    QFont font = plot->font();
    font.setBold(true);
    auto* text = new QCPTextElement(plot, title, font);
    text->setTextColor(plot->palette().color(QPalette::WindowText));
    text->setTextFlags(Qt::AlignLeft | Qt::AlignVCenter);
    text->setMargins(QMargins(8, 4, 8, 2));
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, text);
    plot->plotLayout()->setRowStretchFactor(0, 0.001);
    plot->plotLayout()->setRowSpacing(0);
    return text;
}

QCPTextElement* putTitleAndLegendAbove(QCustomPlot* plot, const QString& title, int legendColumns) {
    const QPalette palette = plot->palette();
    auto* header = new QCPLayoutGrid;
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, header);
    // The axis rect takes all the height the header does not need.
    plot->plotLayout()->setRowStretchFactor(0, 0.001);
    plot->plotLayout()->setRowSpacing(0);

    QFont font = plot->font();
    font.setBold(true);
    auto* text = new QCPTextElement(plot, title, font);
    text->setTextColor(palette.color(QPalette::WindowText));
    text->setTextFlags(Qt::AlignLeft | Qt::AlignVCenter);
    text->setMargins(QMargins(8, 4, 8, 2));
    header->addElement(0, 0, text);

    // The legend on a row of its own under the title: beside it, long names
    // were cut off as soon as the title and the entries did not both fit.
    plot->axisRect()->insetLayout()->take(plot->legend);
    header->addElement(1, 0, plot->legend);
    header->setRowSpacing(0);
    plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot->legend->setColumnSpacing(12);
    plot->legend->setRowSpacing(0);
    plot->legend->setMargins(QMargins(8, 0, 8, 2));
    // Outside the data a frame only adds clutter.
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setBrush(Qt::NoBrush);
    fitLegendToWidth(plot, legendColumns);
    return text;
}

namespace {

const char* const LegendColumnsProperty = "faaslabLegendColumns";
const char* const BaseHeightProperty = "faaslabMinimumHeightWithoutLegend";

// As many columns of the widest entry as fit the chart's width, at most the
// chart's maximum: every entry keeps its whole text.
void fitLegendNow(QCustomPlot* plot) {
    QCPLegend* legend = plot->legend;
    const int maxColumns = std::max(1, plot->property(LegendColumnsProperty).toInt());
    int widest = 0;
    for (int i = 0; i < legend->itemCount(); ++i) {
        if (QCPAbstractLegendItem* item = legend->item(i)) {
            widest = std::max(widest, item->minimumOuterSizeHint().width());
        }
    }
    int columns = maxColumns;
    if (widest > 0) {
        const QMargins margins = legend->margins();
        const int available = plot->width() - margins.left() - margins.right() - 16;
        const int spacing = legend->columnSpacing();
        columns = std::clamp((available + spacing) / (widest + spacing), 1, maxColumns);
    }
    if (columns != legend->wrap()) {
        legend->setWrap(columns);
        legend->setFillOrder(legend->fillOrder(), true);
    }
    // The chart grows by the legend's height, so that many entries in few
    // columns neither overlap nor squash the plot area.
    int rowHeight = 0;
    int entries = 0;
    for (int i = 0; i < legend->itemCount(); ++i) {
        if (QCPAbstractLegendItem* item = legend->item(i)) {
            rowHeight = std::max(rowHeight, item->minimumOuterSizeHint().height());
            ++entries;
        }
    }
    const int rows = legend->visible() ? (entries + columns - 1) / columns : 0;
    const int height = plot->property(BaseHeightProperty).toInt() + rows * rowHeight;
    if (plot->minimumHeight() != height) {
        plot->setMinimumHeight(height);
    }
}

} // namespace

void fitLegendToWidth(QCustomPlot* plot, int maxColumns) {
    const bool connected = plot->property(LegendColumnsProperty).isValid();
    plot->setProperty(LegendColumnsProperty, std::max(1, maxColumns));
    if (!connected) {
        plot->setProperty(BaseHeightProperty, plot->minimumHeight());
        // Before every replot, so a resize or new entries lay out again.
        QObject::connect(plot, &QCustomPlot::beforeReplot, plot, [plot] { fitLegendNow(plot); });
    }
    fitLegendNow(plot);
}

QString wrapToWidth(const QString& text, const QFont& font, int width) {
    const QFontMetrics metrics(font);
    if (width <= 0) {
        return text;
    }
    QStringList lines;
    for (const QString& paragraph : text.split(QLatin1Char('\n'))) {
        QString line;
        for (const QString& word : paragraph.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            const QString candidate = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
            if (line.isEmpty() || metrics.horizontalAdvance(candidate) <= width) {
                line = candidate;
            } else {
                lines << line;
                line = word;
            }
        }
        lines << line;
    }
    // A single word wider than the room keeps its start and its end, which
    // is where names that differ usually differ ("...-east-1", "...-west-2").
    for (QString& l : lines) {
        if (metrics.horizontalAdvance(l) > width) {
            l = metrics.elidedText(l, Qt::ElideMiddle, width);
        }
    }
    return lines.join(QLatin1Char('\n'));
}

void putLegendRight(QCustomPlot* plot) {
    QCPLayoutGrid* layout = plot->plotLayout();
    int row = 0;
    int column = 0;
    for (int r = 0; r < layout->rowCount(); ++r) {
        for (int c = 0; c < layout->columnCount(); ++c) {
            if (layout->element(r, c) == plot->axisRect()) {
                row = r;
                column = c;
            }
        }
    }
    // Axis rect and legend share a row of their own: in a column of the
    // main layout, the legend would also be squeezed by a wide title above.
    QCPAxisRect* rect = plot->axisRect();
    auto* body = new QCPLayoutGrid;
    layout->take(rect);
    layout->addElement(row, column, body);
    body->addElement(0, 0, rect);
    body->setColumnSpacing(0);
    auto* side = new QCPLayoutGrid;
    body->addElement(0, 1, side);
    body->setColumnStretchFactor(1, 0.001);
    plot->axisRect()->insetLayout()->take(plot->legend);
    side->addElement(0, 0, plot->legend);
    // An empty stretching row below keeps the legend at its natural height.
    side->expandTo(2, 1);
    side->setRowStretchFactor(0, 0.001);
    side->setRowStretchFactor(1, 1.0);
    // Top-aligned with the axis rect whatever the axes above it need.
    auto* top = new QCPMarginGroup(plot);
    plot->axisRect()->setMarginGroup(QCP::msTop, top);
    side->setMarginGroup(QCP::msTop, top);
    side->setAutoMargins(QCP::msTop);
    side->setMargins(QMargins(12, 0, 8, 0));
}

HoverCursor addHoverCursor(QCustomPlot* plot) {
    const QPalette palette = plot->palette();
    const QString name = QStringLiteral("hover");
    if (plot->layer(name) == nullptr) {
        QCPLayer* below = plot->layer(QStringLiteral("legend"));
        plot->addLayer(name, below != nullptr ? below : plot->layer(plot->layerCount() - 1),
                       QCustomPlot::limAbove);
        plot->layer(name)->setMode(QCPLayer::lmBuffered);
    }
    HoverCursor cursor;
    cursor.layer = plot->layer(name);

    cursor.line = new QCPItemStraightLine(plot);
    cursor.line->setLayer(cursor.layer);
    QColor lineColor = palette.color(QPalette::WindowText);
    lineColor.setAlpha(150);
    cursor.line->setPen(QPen(lineColor, 1.0));
    // Vertical whatever the value axis (a log axis has no 0).
    for (QCPItemPosition* point : {cursor.line->point1, cursor.line->point2}) {
        point->setTypeY(QCPItemPosition::ptAxisRectRatio);
    }
    cursor.line->point1->setCoords(0.0, 0.0);
    cursor.line->point2->setCoords(0.0, 1.0);
    cursor.line->setVisible(false);
    cursor.line->setSelectable(false);

    cursor.box = new QCPItemText(plot);
    cursor.box->setLayer(cursor.layer);
    cursor.box->position->setType(QCPItemPosition::ptAbsolute);
    cursor.box->setTextAlignment(Qt::AlignLeft);
    cursor.box->setPadding(QMargins(6, 4, 6, 4));
    QColor fill = palette.color(QPalette::Base);
    fill.setAlpha(235);
    cursor.box->setBrush(fill);
    cursor.box->setPen(QPen(palette.color(QPalette::Mid)));
    cursor.box->setColor(palette.color(QPalette::WindowText));
    cursor.box->setVisible(false);
    cursor.box->setSelectable(false);
    return cursor;
}

void moveHoverCursor(const HoverCursor& cursor, double key, const QString& text,
                     Qt::Alignment placement, std::optional<double> value) {
    if (cursor.line == nullptr) {
        return;
    }
    QCustomPlot* plot = cursor.line->parentPlot();
    QCPAxisRect* rect = plot->axisRect();
    cursor.line->point1->setCoords(key, 0.0);
    cursor.line->point2->setCoords(key, 1.0);
    cursor.line->setVisible(true);
    cursor.box->setText(text);
    cursor.box->setVisible(!text.isEmpty());

    const QMargins padding = cursor.box->padding();
    const QSize box = QFontMetrics(cursor.box->font())
                          .boundingRect(QRect(), static_cast<int>(Qt::AlignLeft), text)
                          .size() +
                      QSize(padding.left() + padding.right(), padding.top() + padding.bottom());
    const double gap = 8.0;
    const double pixel = rect->axis(QCPAxis::atBottom)->coordToPixel(key);
    const double roomLeft = pixel - rect->left() - gap;
    const double roomRight = rect->right() - pixel - gap;
    bool left = roomLeft > roomRight;
    // The side asked for, unless the box would not fit there but would on
    // the other.
    if (placement & Qt::AlignLeft) {
        left = roomLeft >= box.width() || roomRight < box.width();
    } else if (placement & Qt::AlignRight) {
        left = roomRight < box.width() && roomLeft >= box.width();
    }

    double top = rect->top() + 6.0;
    if (value) {
        const double y = rect->axis(QCPAxis::atLeft)->coordToPixel(*value);
        top = (placement & Qt::AlignBottom) ? y - 4.0 - box.height() : y + 4.0;
    } else if (placement & Qt::AlignVCenter) {
        top = rect->center().y() - box.height() / 2.0;
    } else if (placement & Qt::AlignBottom) {
        top = rect->bottom() - 6.0 - box.height();
    }
    // Never outside the plot area, where it would be cut off.
    top = std::max(static_cast<double>(rect->top()) + 2.0,
                   std::min(top, static_cast<double>(rect->bottom()) - 2.0 - box.height()));
    cursor.box->setPositionAlignment(Qt::AlignTop | (left ? Qt::AlignRight : Qt::AlignLeft));
    cursor.box->position->setCoords(pixel + (left ? -gap : gap), top);
    cursor.layer->replot();
}

void hideHoverCursor(const HoverCursor& cursor) {
    if (cursor.line == nullptr || !cursor.line->visible()) {
        return;
    }
    cursor.line->setVisible(false);
    cursor.box->setVisible(false);
    cursor.layer->replot();
}

} // namespace faaslab::gui
