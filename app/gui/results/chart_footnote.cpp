#include "app/gui/results/chart_footnote.h"

#include <QFontMetrics>
#include <qcustomplot.h>

namespace faaslab::gui {

ChartFootnote::ChartFootnote(QCustomPlot* plot, const QString& text)
    : m_plot(plot)
    , m_text(text) {
    QFont font = plot->font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    const int height = QFontMetrics(font).height() + 8;
    // The plot's layout leaves a band of that height at the bottom, where
    // the text sits in plot pixels, outside every axis rect.
    QCPLayoutGrid* layout = plot->plotLayout();
    m_margins = layout->margins();
    m_minimumMargins = layout->minimumMargins();
    layout->setMinimumMargins(m_minimumMargins + QMargins(0, 0, 0, height));
    layout->setMargins(m_margins + QMargins(0, 0, 0, height));
    m_item = new QCPItemText(plot);
    m_item->setClipToAxisRect(false);
    m_item->position->setType(QCPItemPosition::ptAbsolute);
    m_item->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    m_item->position->setCoords(8, plot->height() - 4);
    m_item->setFont(font);
    m_item->setColor(plot->palette().color(QPalette::WindowText));
    m_item->setText(text);
    m_item->setSelectable(false);
}

ChartFootnote::~ChartFootnote() {
    m_plot->removeItem(m_item);
    QCPLayoutGrid* layout = m_plot->plotLayout();
    layout->setMinimumMargins(m_minimumMargins);
    layout->setMargins(m_margins);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace faaslab::gui
