#pragma once

#include <QMargins>
#include <QString>

class QCustomPlot;
class QCPItemText;

namespace faaslab::gui {

// A line of context under a chart while it is exported ("Spiky traffic ·
// seed 1, 1 replication · exported 2026-12-07 14:02 · FaaS Lab 0.9.0"): a
// PNG or PDF passed around on its own must still say what it shows. The
// line takes a band at the bottom of the plot (the export keeps the plot's
// size) and is removed again when the footnote goes out of scope, so the
// window never shows it.
class ChartFootnote {
public:
    ChartFootnote(QCustomPlot* plot, const QString& text);
    ~ChartFootnote();
    ChartFootnote(const ChartFootnote&) = delete;
    ChartFootnote& operator=(const ChartFootnote&) = delete;

    QString text() const { return m_text; }

private:
    QCustomPlot* m_plot;
    QString m_text;
    QCPItemText* m_item = nullptr;
    QMargins m_margins;
    QMargins m_minimumMargins;
};

} // namespace faaslab::gui
