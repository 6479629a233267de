#include "chart_style.h"

#include <qcustomplot.h>

#include <QFileInfo>

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
    plot->legend->setVisible(false);
    plot->replot();
}

} // namespace faaslab::gui
