#include "models/workload/distribution_spec.h"

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

} // namespace faaslab
