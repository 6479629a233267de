#pragma once

class QCPAxis;

namespace faaslab::gui {

// Makes `axis` linear or logarithmic with about `tickCount` ticks, labelled
// with six significant digits. On a horizontal axis only as many tick labels
// are kept as fit its width side by side, so they never run into each other
// on a narrow window. A logarithmic axis gets the densest of 1-2-3-5-7,
// 1-2-5 and 1-3 ticks per decade that fits (decade ticks alone would leave
// one or two labels on a range of a decade or two), decades otherwise.
void setAxisScale(QCPAxis* axis, bool logarithmic, int tickCount);

} // namespace faaslab::gui
