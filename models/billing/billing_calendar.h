#pragma once

#include "models/billing/cost_breakdown.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace faaslab {

// 30-day billing months counted from the start of the measured window, and
// how a billed period is shared between them: each month gets the seconds of
// the period that fall in it, and the rounding surplus (billed minus actual)
// goes to the month in which the period ended.
class BillingCalendar {
public:
    void start(double windowStart) { m_start = windowStart; }
    double windowStart() const { return m_start; }

    std::size_t monthOf(double time) const {
        const double months = (time - m_start) / BillingMonthSeconds;
        return months > 0.0 ? static_cast<std::size_t>(months) : 0;
    }
    double monthStart(std::size_t month) const {
        return m_start + static_cast<double>(month) * BillingMonthSeconds;
    }
    // Months started by a window ending at `end` (at least one).
    std::size_t monthsUpTo(double end) const {
        const double months = (end - m_start) / BillingMonthSeconds;
        return std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(months - 1e-12)));
    }

    // Calls add(month, seconds) for the parts of [begin, end) in each month,
    // then add(month of end, billed - (end - begin)) for the surplus.
    template <typename Add> void apportion(double begin, double end, double billed, Add add) const {
        std::size_t month = monthOf(begin);
        double cursor = begin;
        while (cursor < end) {
            const double boundary = std::min(end, monthStart(month + 1));
            add(month, boundary - cursor);
            cursor = boundary;
            ++month;
        }
        const double surplus = billed - (end - begin);
        if (surplus > 0.0) {
            add(monthOf(end > begin ? std::nextafter(end, begin) : end), surplus);
        }
    }

private:
    double m_start = 0.0;
};

// Usage kept per month in a vector that grows as months start (at most 122
// for the 10-year horizon limit).
template <typename Usage> class MonthlyUsage {
public:
    Usage& month(std::size_t index) {
        if (index >= m_months.size()) {
            m_months.resize(index + 1);
        }
        return m_months[index];
    }
    const std::vector<Usage>& months() const { return m_months; }
    void clear() { m_months.clear(); }
    Usage total() const {
        Usage sum{};
        for (const Usage& u : m_months) {
            sum += u;
        }
        return sum;
    }

private:
    std::vector<Usage> m_months;
};

} // namespace faaslab
