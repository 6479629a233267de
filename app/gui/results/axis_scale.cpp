#include "app/gui/results/axis_scale.h"

#include <QFontMetrics>
#include <QLocale>
#include <cmath>
#include <qcustomplot.h>
#include <vector>

namespace faaslab::gui {

namespace {

// Whether the labels of the `ticks` inside `range` fit side by side on a
// horizontal axis, two characters apart; a vertical axis always has room.
bool labelsFit(const QCPAxis* axis, const QVector<double>& ticks, const QCPRange& range) {
    if (axis == nullptr || axis->orientation() != Qt::Horizontal || axis->axisRect() == nullptr ||
        axis->axisRect()->width() <= 0) {
        return true;
    }
    const QFontMetrics metrics(axis->tickLabelFont());
    const QLocale locale = axis->parentPlot()->locale();
    int total = 0;
    for (const double v : ticks) {
        if (v >= range.lower && v <= range.upper) {
            total += metrics.horizontalAdvance(locale.toString(v, 'g', axis->numberPrecision())) +
                     2 * metrics.averageCharWidth();
        }
    }
    return total <= axis->axisRect()->width();
}

// Evenly spaced ticks, as many as asked for but no more than the labels
// leave room for on a narrow window.
class SweepLinearTicker : public QCPAxisTicker {
public:
    explicit SweepLinearTicker(const QCPAxis* axis)
        : m_axis(axis) {}

protected:
    double getTickStep(const QCPRange& range) override {
        const int wanted = tickCount();
        double step = QCPAxisTicker::getTickStep(range);
        while (mTickCount > 2 && !labelsFit(m_axis, createTickVector(step, range), range)) {
            --mTickCount;
            step = QCPAxisTicker::getTickStep(range);
        }
        mTickCount = wanted;
        return step;
    }

private:
    const QCPAxis* m_axis;
};

// Ticks for a logarithmic axis: the densest of 1-2-3-5-7, 1-2-5, 1-3 per
// decade that stays within the tick count and whose labels fit the axis
// (decade ticks alone would leave one or two labels on a sweep over a decade
// or two), decades otherwise.
class SweepLogTicker : public QCPAxisTickerLog {
public:
    explicit SweepLogTicker(const QCPAxis* axis)
        : m_axis(axis) {}

protected:
    QVector<double> createTickVector(double tickStep, const QCPRange& range) override {
        m_fine = false;
        if (!(range.lower > 0.0) || !(range.upper > range.lower)) {
            return QCPAxisTickerLog::createTickVector(tickStep, range);
        }
        static const std::vector<std::vector<double>> mantissaSets = {
            {1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 5, 7}, {1, 2, 5}, {1, 3}};
        const int first = static_cast<int>(std::floor(std::log10(range.lower))) - 1;
        const int last = static_cast<int>(std::ceil(std::log10(range.upper)));
        for (std::size_t k = 0; k < mantissaSets.size(); ++k) {
            QVector<double> ticks;
            int inRange = 0;
            for (int exponent = first; exponent <= last; ++exponent) {
                for (double m : mantissaSets[k]) {
                    const double v = m * std::pow(10.0, exponent);
                    ticks.push_back(v);
                    inRange += v >= range.lower && v <= range.upper ? 1 : 0;
                }
            }
            if (k == 0 && inRange < 2) {
                // Zoomed into less than a step: plain evenly spaced ticks.
                return QCPAxisTicker::createTickVector(tickStep, range);
            }
            if (inRange <= tickCount() + 3 && labelsFit(m_axis, ticks, range)) {
                m_fine = true;
                return ticks;
            }
        }
        return QCPAxisTickerLog::createTickVector(tickStep, range);
    }
    int getSubTickCount(double tickStep) override {
        return m_fine ? 0 : QCPAxisTickerLog::getSubTickCount(tickStep);
    }

private:
    const QCPAxis* m_axis;
    bool m_fine = false;
};

} // namespace

void setAxisScale(QCPAxis* axis, bool logarithmic, int tickCount) {
    if (logarithmic) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        auto ticker = QSharedPointer<SweepLogTicker>::create(axis);
        ticker->setSubTickCount(8);
        ticker->setTickCount(tickCount);
        axis->setTicker(ticker);
    } else {
        axis->setScaleType(QCPAxis::stLinear);
        auto ticker = QSharedPointer<SweepLinearTicker>::create(axis);
        ticker->setTickCount(tickCount);
        axis->setTicker(ticker);
    }
    axis->setNumberFormat("g");
    axis->setNumberPrecision(6);
}

} // namespace faaslab::gui
