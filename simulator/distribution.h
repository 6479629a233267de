#pragma once

#include "simulator/random_stream.h"

#include <memory>
#include <string_view>
#include <vector>

namespace faaslab::sim {

// A non-negative random duration (service time, cold-start delay, start-up
// time...). A small value type: the kind and up to two parameters, plus a
// shared read-only sample list for the empirical kind, so copies are cheap and
// the per-draw cost is one switch.
//
// Parameters are in the form a user thinks in (mean and coefficient of
// variation) and converted once, at construction, into the form the sampler
// needs. Construction assumes validated parameters; the scenario reader owns
// the validation rules and their messages.
class Distribution {
public:
    enum class Kind { Deterministic, Exponential, Uniform, LogNormal, Gamma, Empirical };

    Distribution() = default; // deterministic zero

    static Distribution deterministic(double value);
    static Distribution exponential(double mean);
    static Distribution uniform(double min, double max);
    // Log-normal with the given mean and coefficient of variation (sd / mean):
    // sigma^2 = ln(1 + cv^2), mu = ln(mean) - sigma^2 / 2.
    static Distribution logNormal(double mean, double cv);
    // Gamma with the given mean and cv: shape k = 1 / cv^2, scale = mean * cv^2.
    static Distribution gamma(double mean, double cv);
    // Resamples uniformly from the given observations.
    static Distribution empirical(std::vector<double> samples);

    double sample(RandomStream& rng) const {
        switch (m_kind) {
        case Kind::Deterministic:
            return m_a;
        case Kind::Exponential:
            return rng.exponential(m_a);
        case Kind::Uniform:
            return m_a + (m_b - m_a) * rng.uniform();
        case Kind::LogNormal:
            return std::exp(m_a + m_b * rng.standardNormal());
        case Kind::Gamma:
            return m_b * rng.standardGamma(m_a);
        case Kind::Empirical:
            return (*m_samples)[rng.below(m_samples->size())];
        }
        return 0.0;
    }

    Kind kind() const { return m_kind; }
    double mean() const;
    double variance() const;
    // True when every draw is the same value (no randomness consumed).
    bool isDeterministic() const { return m_kind == Kind::Deterministic; }
    // Quantile function where a closed form exists (deterministic,
    // exponential, uniform; empirical by order statistic); NaN otherwise.
    double quantile(double p) const;

    static std::string_view kindName(Kind kind);

private:
    Kind m_kind = Kind::Deterministic;
    double m_a = 0.0; // value | mean | min | mu | shape
    double m_b = 0.0; //       |      | max | sigma | scale
    std::shared_ptr<const std::vector<double>> m_samples;
};

} // namespace faaslab::sim
