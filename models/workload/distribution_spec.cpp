#include "models/workload/distribution_spec.h"

#include <cmath>

namespace faaslab {

DistributionSpec DistributionSpec::deterministic(double value) {
    DistributionSpec d;
    d.kind = Kind::Deterministic;
    d.value = value;
    return d;
}

DistributionSpec DistributionSpec::exponential(double mean) {
    DistributionSpec d;
    d.kind = Kind::Exponential;
    d.mean = mean;
    return d;
}

DistributionSpec DistributionSpec::uniform(double min, double max) {
    DistributionSpec d;
    d.kind = Kind::Uniform;
    d.min = min;
    d.max = max;
    return d;
}

DistributionSpec DistributionSpec::logNormal(double mean, double cv) {
    DistributionSpec d;
    d.kind = Kind::LogNormal;
    d.mean = mean;
    d.cv = cv;
    return d;
}

DistributionSpec DistributionSpec::gamma(double mean, double cv) {
    DistributionSpec d;
    d.kind = Kind::Gamma;
    d.mean = mean;
    d.cv = cv;
    return d;
}

DistributionSpec DistributionSpec::empirical(std::vector<double> samples) {
    DistributionSpec d;
    d.kind = Kind::Empirical;
    d.samples = std::move(samples);
    return d;
}

sim::Distribution DistributionSpec::toDistribution() const {
    switch (kind) {
    case Kind::Deterministic:
        return sim::Distribution::deterministic(value);
    case Kind::Exponential:
        return sim::Distribution::exponential(mean);
    case Kind::Uniform:
        return sim::Distribution::uniform(min, max);
    case Kind::LogNormal:
        return sim::Distribution::logNormal(mean, cv);
    case Kind::Gamma:
        return sim::Distribution::gamma(mean, cv);
    case Kind::Empirical:
        return sim::Distribution::empirical(samples);
    }
    return {};
}

double DistributionSpec::meanValue() const {
    switch (kind) {
    case Kind::Deterministic:
        return value;
    case Kind::Exponential:
    case Kind::LogNormal:
    case Kind::Gamma:
        // Not the sampler's mean: exp(mu + sigma^2 / 2) for the log-normal and
        // shape x scale for the gamma come back an ulp away from `mean`.
        return mean;
    case Kind::Uniform:
        return (min + max) / 2.0;
    case Kind::Empirical: {
        // Compensated (Neumaier) summation: the plain running sum of many
        // samples drifts by several ulps.
        double sum = 0.0;
        double compensation = 0.0;
        for (const double x : samples) {
            const double t = sum + x;
            compensation += std::fabs(sum) >= std::fabs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }
        return samples.empty() ? 0.0 : (sum + compensation) / static_cast<double>(samples.size());
    }
    }
    return 0.0;
}

} // namespace faaslab
