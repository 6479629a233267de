#pragma once

#include <QColor>
#include <QPen>
#include <QString>
#include <optional>

class QCustomPlot;
class QCPAxis;
class QCPAbstractPlottable;
class QCPItemStraightLine;
class QCPItemText;
class QCPLayer;
class QCPTextElement;
class QFont;
class QWidget;

namespace faaslab::gui {

// One look for every chart: colours that follow the application palette
// (light or dark), readable fonts, labelled axes with units, a legend, and
// mouse zoom and pan switched on.

// The colour of the i-th architecture, the same in every chart and card
// (Okabe-Ito: distinguishable with colour-blindness and on dark palettes).
QColor architectureColor(int index);
// The line of the i-th architecture: its colour, and a dash pattern of its
// own (solid, dashed, dotted, ...), so that two curves that coincide (an
// architecture hidden under another's line) both stay visible, and the
// legend tells them apart without colour.
QPen architecturePen(int index, double width);

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

// Moves the legend out of the data into a row above the axis rect, under a
// bold chart title, laid out in at most `legendColumns` columns (fewer when
// the entries would not fit the width). Charts stacked on a shared axis then
// keep identical horizontal margins, and no legend hides a line or is cut
// off. Call once, after styleChart; returns the title.
QCPTextElement* putTitleAndLegendAbove(QCustomPlot* plot, const QString& title, int legendColumns);
// Lays the legend out, at every replot, in as many columns as entries of the
// widest one's width fit the chart (at most `maxColumns`), so no entry is
// cut off. Call again to change the maximum.
void fitLegendToWidth(QCustomPlot* plot, int maxColumns);
// `text` broken into lines at spaces so that each fits `width` pixels in
// `font`; a word longer than that is shortened in its middle ("…").
QString wrapToWidth(const QString& text, const QFont& font, int width);
// A bold chart title in a row above the axis rect, so an exported chart
// says what it shows. Call once, after styleChart.
QCPTextElement* addChartTitle(QCustomPlot* plot, const QString& title);
// Moves the legend out of the data into a column right of the axis rect,
// aligned with its top. Call once, after styleChart.
void putLegendRight(QCustomPlot* plot);

// A hover cursor: a vertical line and a box of exact values next to it. Both
// live on a buffered layer of their own, so moving them repaints that layer
// only, not the thousands of data points underneath.
struct HoverCursor {
    QCPItemStraightLine* line = nullptr;
    QCPItemText* box = nullptr;
    QCPLayer* layer = nullptr;
};
// Creates the cursor, hidden. Items are owned by the plot (clearItems and
// showPlaceholder delete them), so create it again after those.
HoverCursor addHoverCursor(QCustomPlot* plot);
// Shows the line at `key` (x axis coordinate) with `text` in a box beside
// it, then repaints the cursor layer. By default the box goes at the top, on
// the side of the line with more room. In `placement`, Qt::AlignLeft or
// Qt::AlignRight asks for a side (kept only if the box fits there), and
// Qt::AlignVCenter or Qt::AlignBottom for another height; with `value`, the
// box's top edge (or with Qt::AlignBottom its bottom edge) goes just below
// (above) that value of the left axis.
void moveHoverCursor(const HoverCursor& cursor, double key, const QString& text,
                     Qt::Alignment placement = Qt::AlignTop,
                     std::optional<double> value = std::nullopt);
// Hides line and box and repaints the cursor layer.
void hideHoverCursor(const HoverCursor& cursor);

} // namespace faaslab::gui
