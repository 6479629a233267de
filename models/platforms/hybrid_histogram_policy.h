#pragma once

#include "models/platforms/idle_time_histogram.h"
#include "models/platforms/keep_alive_policy.h"

namespace faaslab {

// What to do with an instance that just became idle: unload it, load it
// again `prewarmS` later, and keep it warm for `keepAliveS` from then on.
// prewarmS = 0 means "keep it loaded from now on".
struct KeepAliveWindows {
    double prewarmS = 0.0;
    double keepAliveS = 0.0;
    // False while the histogram is not representative and the fixed
    // keep-alive is used instead.
    bool fromHistogram = false;

    bool operator==(const KeepAliveWindows&) const = default;
};

// The hybrid histogram keep-alive policy of one function. With the head and
// tail percentiles H and T of the idle-time histogram (as bin edges, bin
// width w) and margin m:
//   pre-warm window   = (H's bin start) * (1 - m)
//   keep-alive window = (T's bin end) * (1 + m) - pre-warm window
// so an instance is back in memory shortly before the next request is
// expected and stays until almost every idle time has passed. While fewer
// than min_idle_times were seen, the bin counts are too flat (CV below the
// threshold), or the tail percentile is out of range, the policy falls back
// to the fixed keep-alive (no pre-warming).
class HybridHistogramPolicy {
public:
    HybridHistogramPolicy(const HybridHistogramSettings& settings, double fallbackKeepAliveS);

    void recordIdleTime(double idleS) {
        m_histogram.add(idleS);
        m_stale = true;
    }

    const KeepAliveWindows& windows() {
        if (m_stale) {
            recompute();
        }
        return m_windows;
    }

    const IdleTimeHistogram& histogram() const { return m_histogram; }

private:
    void recompute();

    HybridHistogramSettings m_settings;
    double m_fallbackKeepAliveS;
    IdleTimeHistogram m_histogram;
    KeepAliveWindows m_windows;
    bool m_stale = true;
};

} // namespace faaslab
