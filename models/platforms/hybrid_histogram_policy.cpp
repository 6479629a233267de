#include "models/platforms/hybrid_histogram_policy.h"

namespace faaslab {

HybridHistogramPolicy::HybridHistogramPolicy(const HybridHistogramSettings& settings,
                                             double fallbackKeepAliveS)
    : m_settings(settings)
    , m_fallbackKeepAliveS(fallbackKeepAliveS)
    , m_histogram(settings.rangeS, settings.binS) {
}

void HybridHistogramPolicy::recompute() {
    m_stale = false;
    m_windows = KeepAliveWindows{0.0, m_fallbackKeepAliveS, false};
    if (m_histogram.total() < static_cast<std::uint64_t>(m_settings.minIdleTimes) ||
        m_histogram.binCountCv() < m_settings.cvThreshold) {
        return;
    }
    const long head = m_histogram.percentileBin(m_settings.headPercentile);
    const long tail = m_histogram.percentileBin(m_settings.tailPercentile);
    if (head < 0 || tail < 0) {
        return;
    }
    const double w = m_histogram.binWidth();
    const double prewarm = static_cast<double>(head) * w * (1.0 - m_settings.margin);
    const double end = static_cast<double>(tail + 1) * w * (1.0 + m_settings.margin);
    m_windows = KeepAliveWindows{prewarm, end - prewarm, true};
}

} // namespace faaslab
