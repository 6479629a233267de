#pragma once

#include "app/gui/timeline/timeline_lanes.h"

#include <qcustomplot.h>

namespace faaslab::gui {

// Draws one architecture's lanes in an axis rect: a row per instance (its
// lifeline kept warm, its cold start or start-up, the requests it ran) and
// a row above them for the rejected requests. Only what lies in the visible
// time range is drawn, so 200,000 records stay responsive.
class TimelinePlot : public QCPAbstractPlottable {
public:
    TimelinePlot(QCPAxis* keyAxis, QCPAxis* valueAxis, const TimelineLanes* lanes);

    // Row of lane i (0 at the top, below the rejections row at -1).
    static double rowOf(int lane) { return static_cast<double>(lane); }

    double selectTest(const QPointF& pos, bool onlySelectable,
                      QVariant* details = nullptr) const override;
    QCPRange getKeyRange(bool& foundRange,
                         QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
                           const QCPRange& inKeyRange = QCPRange()) const override;

    // The colours of the legend drawn by the tab.
    static QColor coldStartColor();
    static QColor executingColor();
    static QColor idleColor();
    static QColor provisionedColor();
    static QColor rejectedColor();

protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override;

private:
    const TimelineLanes* m_lanes;
};

} // namespace faaslab::gui
