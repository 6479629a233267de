#include "simulator/distribution.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace faaslab::sim {

Distribution Distribution::deterministic(double value) {
    Distribution d;
    d.m_kind = Kind::Deterministic;
    d.m_a = value;
    return d;
}

Distribution Distribution::exponential(double mean) {
    Distribution d;
    d.m_kind = Kind::Exponential;
    d.m_a = mean;
    return d;
}

Distribution Distribution::uniform(double min, double max) {
    Distribution d;
    d.m_kind = Kind::Uniform;
    d.m_a = min;
    d.m_b = max;
    return d;
}

Distribution Distribution::logNormal(double mean, double cv) {
    Distribution d;
    d.m_kind = Kind::LogNormal;
    const double sigma2 = std::log1p(cv * cv);
    d.m_a = std::log(mean) - sigma2 / 2.0;
    d.m_b = std::sqrt(sigma2);
    return d;
}

Distribution Distribution::gamma(double mean, double cv) {
    Distribution d;
    d.m_kind = Kind::Gamma;
    d.m_a = 1.0 / (cv * cv);
    d.m_b = mean * cv * cv;
    return d;
}

Distribution Distribution::empirical(std::vector<double> samples) {
    Distribution d;
    d.m_kind = Kind::Empirical;
    d.m_samples = std::make_shared<const std::vector<double>>(std::move(samples));
    return d;
}

double Distribution::mean() const {
    switch (m_kind) {
    case Kind::Deterministic:
    case Kind::Exponential:
        return m_a;
    case Kind::Uniform:
        return (m_a + m_b) / 2.0;
    case Kind::LogNormal:
        return std::exp(m_a + m_b * m_b / 2.0);
    case Kind::Gamma:
        return m_a * m_b;
    case Kind::Empirical:
        return std::accumulate(m_samples->begin(), m_samples->end(), 0.0) /
               static_cast<double>(m_samples->size());
    }
    return 0.0;
}

double Distribution::variance() const {
    switch (m_kind) {
    case Kind::Deterministic:
        return 0.0;
    case Kind::Exponential:
        return m_a * m_a;
    case Kind::Uniform:
        return (m_b - m_a) * (m_b - m_a) / 12.0;
    case Kind::LogNormal: {
        const double s2 = m_b * m_b;
        return std::expm1(s2) * std::exp(2.0 * m_a + s2);
    }
    case Kind::Gamma:
        return m_a * m_b * m_b;
    case Kind::Empirical: {
        const double mu = mean();
        double sum = 0.0;
        for (double x : *m_samples) {
            sum += (x - mu) * (x - mu);
        }
        return sum / static_cast<double>(m_samples->size());
    }
    }
    return 0.0;
}

double Distribution::quantile(double p) const {
    switch (m_kind) {
    case Kind::Deterministic:
        return m_a;
    case Kind::Exponential:
        return -m_a * std::log1p(-p);
    case Kind::Uniform:
        return m_a + (m_b - m_a) * p;
    case Kind::Empirical: {
        std::vector<double> sorted(*m_samples);
        std::sort(sorted.begin(), sorted.end());
        const auto n = static_cast<double>(sorted.size());
        const auto rank = static_cast<std::size_t>(std::max(1.0, std::ceil(p * n)));
        return sorted[std::min(rank, sorted.size()) - 1];
    }
    case Kind::LogNormal:
    case Kind::Gamma:
        break;
    }
    return std::numeric_limits<double>::quiet_NaN();
}

std::string_view Distribution::kindName(Kind kind) {
    switch (kind) {
    case Kind::Deterministic:
        return "deterministic";
    case Kind::Exponential:
        return "exponential";
    case Kind::Uniform:
        return "uniform";
    case Kind::LogNormal:
        return "lognormal";
    case Kind::Gamma:
        return "gamma";
    case Kind::Empirical:
        return "empirical";
    }
    return "unknown";
}

} // namespace faaslab::sim
