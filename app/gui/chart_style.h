#pragma once

#include <QColor>
#include <QString>

class QCustomPlot;
class QCPAxis;
class QCPAbstractPlottable;
class QWidget;

namespace faaslab::gui {

// One look for every chart: colours that follow the application palette
// (light or dark), readable fonts, labelled axes with units, a legend, and
// mouse zoom and pan switched on.

// The colour of the i-th architecture, the same in every chart and card
// (Okabe-Ito: distinguishable with colour-blindness and on dark palettes).
QColor architectureColor(int index);

// Applies the palette-aware style and interactions to a plot.
void styleChart(QCustomPlot* plot);
// Sets an axis label ("Latency (s)") and the palette's text colours.
void labelAxis(QCPAxis* axis, const QString& label);
// Clicking a legend item shows or hides its plottable.
void enableLegendToggles(QCustomPlot* plot);

// Writes a chart to `path` as PNG (2x, for high-DPI) or vector PDF, by the
// file's extension. Returns false with a message on failure.
bool exportChart(QCustomPlot* plot, const QString& path, QString* error);

// A "no results yet" message drawn on an empty chart.
void showPlaceholder(QCustomPlot* plot, const QString& text);

} // namespace faaslab::gui
