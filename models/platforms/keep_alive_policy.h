#pragma once

#include <string_view>

namespace faaslab {

// How long a FaaS platform keeps an idle function instance in memory: the
// knob that trades cold starts against memory held for nothing.
enum class KeepAliveKind {
    // Every idle instance lives exactly keep_alive_s (AWS Lambda, Azure
    // Functions' classic behaviour).
    Fixed,
    // Instances are unloaded as soon as they are idle: every request that
    // does not find a busy instance with room is a cold start.
    None,
    // Per function, a histogram of idle times decides when to unload and
    // when to pre-warm again (see HybridHistogramPolicy).
    HybridHistogram,
};

// Settings of the hybrid histogram policy, in the spirit of Shahrad et al.,
// "Serverless in the Wild" (USENIX ATC 2020), published with the Azure
// Functions trace. Defaults are the paper's: 4-hour range of 1-minute bins,
// 5th/99th percentiles, 10% margins.
struct HybridHistogramSettings {
    // Idle times longer than this are out of range (counted, not binned).
    double rangeS = 14400.0;
    double binS = 60.0;
    // The pre-warm window ends at this percentile of idle times...
    double headPercentile = 5.0;
    // ...and the keep-alive window at this one.
    double tailPercentile = 99.0;
    // The pre-warm window is shortened and the keep-alive end lengthened by
    // this fraction, to absorb small shifts of the pattern.
    double margin = 0.10;
    // Below this many idle times the histogram is not trusted yet.
    int minIdleTimes = 10;
    // The coefficient of variation of the bin counts must reach this: a flat
    // histogram says nothing about when the next request comes.
    double cvThreshold = 2.0;

    bool operator==(const HybridHistogramSettings&) const = default;
};

struct KeepAlivePolicy {
    KeepAliveKind kind = KeepAliveKind::Fixed;
    HybridHistogramSettings hybrid;

    bool operator==(const KeepAlivePolicy&) const = default;
};

// The scenario-file spelling: "fixed", "none", "hybrid_histogram".
constexpr std::string_view keepAliveKindName(KeepAliveKind kind) {
    switch (kind) {
    case KeepAliveKind::None:
        return "none";
    case KeepAliveKind::HybridHistogram:
        return "hybrid_histogram";
    case KeepAliveKind::Fixed:
        break;
    }
    return "fixed";
}

} // namespace faaslab
