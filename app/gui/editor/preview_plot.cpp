#include "app/gui/editor/preview_plot.h"

#include "app/gui/results/chart_style.h"

namespace faaslab::gui {

PreviewPlot::PreviewPlot(const QString& xLabel, const QString& yLabel, QWidget* parent)
    : QCustomPlot(parent)
    , m_xLabel(xLabel)
    , m_yLabel(yLabel) {
    setFixedHeight(120);
    reset();
}

void PreviewPlot::reset() {
    clearItems();
    clearPlottables();
    const QPalette p = palette();
    setBackground(p.brush(QPalette::Base));
    axisRect()->setBackground(p.brush(QPalette::Base));
    labelAxis(xAxis, m_xLabel);
    labelAxis(yAxis, m_yLabel);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    for (QCPAxis* axis : {xAxis, yAxis}) {
        axis->setTickLabelFont(small);
        axis->setLabelFont(small);
    }
    legend->setVisible(false);
    setInteractions({});
}

void PreviewPlot::setMessage(const QString& text) {
    reset();
    auto* label = new QCPItemText(this);
    label->position->setType(QCPItemPosition::ptAxisRectRatio);
    label->position->setCoords(0.5, 0.5);
    label->setText(text);
    label->setColor(palette().color(QPalette::Mid));
    replot(QCustomPlot::rpQueuedReplot);
}

} // namespace faaslab::gui
