#pragma once

#include "simulator/distribution.h"

#include <vector>

namespace faaslab {

// A distribution as the user wrote it in a scenario (kind plus the
// parameters of that kind), kept so that a scenario can be written back
// unchanged. `toDistribution()` converts it into the kernel's sampler.
struct DistributionSpec {
    using Kind = sim::Distribution::Kind;

    Kind kind = Kind::Deterministic;
    double value = 0.0;          // deterministic
    double mean = 0.0;           // exponential, lognormal, gamma
    double cv = 0.0;             // lognormal, gamma
    double min = 0.0;            // uniform
    double max = 0.0;            // uniform
    std::vector<double> samples; // empirical

    static DistributionSpec deterministic(double value);
    static DistributionSpec exponential(double mean);
    static DistributionSpec uniform(double min, double max);
    static DistributionSpec logNormal(double mean, double cv);
    static DistributionSpec gamma(double mean, double cv);
    static DistributionSpec empirical(std::vector<double> samples);

    sim::Distribution toDistribution() const;
    // The mean as written where the kind has one (so that a mean written
    // exactly at a limit is not refused for a rounding error), else computed.
    double meanValue() const;

    bool operator==(const DistributionSpec&) const = default;
};

} // namespace faaslab
