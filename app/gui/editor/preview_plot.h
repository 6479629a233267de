#pragma once

#include <qcustomplot.h>

namespace faaslab::gui {

// A small, non-interactive chart for the editor's previews (arrival rate,
// distribution shape): palette colours and labelled axes like the results
// charts, but no legend, no zoom and a fixed height.
class PreviewPlot : public QCustomPlot {
    Q_OBJECT

public:
    explicit PreviewPlot(const QString& xLabel, const QString& yLabel, QWidget* parent = nullptr);

    // Clears the plottables and applies the style (palette may change).
    void reset();
    void setMessage(const QString& text);

private:
    QString m_xLabel;
    QString m_yLabel;
};

} // namespace faaslab::gui
