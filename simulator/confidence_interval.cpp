#include "simulator/confidence_interval.h"

#include <cmath>
#include <limits>

namespace faaslab::sim {

namespace {

// Continued fraction for I_x(a, b) (converges fast for x < (a + 1) / (a + b + 2)).
double betaContinuedFraction(double a, double b, double x) {
    constexpr int MaxIterations = 500;
    constexpr double Epsilon = 1e-16;
    constexpr double Tiny = 1e-300;
    const double qab = a + b;
    const double qap = a + 1.0;
    const double qam = a - 1.0;
    double c = 1.0;
    double d = 1.0 - qab * x / qap;
    if (std::fabs(d) < Tiny) {
        d = Tiny;
    }
    d = 1.0 / d;
    double h = d;
    for (int m = 1; m <= MaxIterations; ++m) {
        const double m2 = 2.0 * m;
        double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 + aa * d;
        d = std::fabs(d) < Tiny ? Tiny : d;
        c = 1.0 + aa / c;
        c = std::fabs(c) < Tiny ? Tiny : c;
        d = 1.0 / d;
        h *= d * c;
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 + aa * d;
        d = std::fabs(d) < Tiny ? Tiny : d;
        c = 1.0 + aa / c;
        c = std::fabs(c) < Tiny ? Tiny : c;
        d = 1.0 / d;
        const double delta = d * c;
        h *= delta;
        if (std::fabs(delta - 1.0) < Epsilon) {
            break;
        }
    }
    return h;
}

} // namespace

double regularizedIncompleteBeta(double a, double b, double x) {
    if (x <= 0.0) {
        return 0.0;
    }
    if (x >= 1.0) {
        return 1.0;
    }
    const double logFront =
        std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
    const double front = std::exp(logFront);
    if (x < (a + 1.0) / (a + b + 2.0)) {
        return front * betaContinuedFraction(a, b, x) / a;
    }
    // Symmetry I_x(a, b) = 1 - I_{1-x}(b, a) keeps the fraction convergent.
    return 1.0 - front * betaContinuedFraction(b, a, 1.0 - x) / b;
}

double studentTCdf(double t, double dof) {
    const double x = dof / (dof + t * t);
    const double tail = 0.5 * regularizedIncompleteBeta(dof / 2.0, 0.5, x);
    return t >= 0.0 ? 1.0 - tail : tail;
}

double studentTQuantile(double p, double dof) {
    if (!(p > 0.0 && p < 1.0) || !(dof > 0.0)) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    if (p == 0.5) {
        return 0.0;
    }
    if (p < 0.5) {
        return -studentTQuantile(1.0 - p, dof);
    }
    // The CDF is monotone; bracket then bisect. 200 halvings of [0, 1e6]
    // exhaust double precision well before the loop ends.
    double low = 0.0;
    double high = 1.0;
    while (studentTCdf(high, dof) < p && high < 1e12) {
        high *= 2.0;
    }
    for (int i = 0; i < 200; ++i) {
        const double mid = 0.5 * (low + high);
        if (mid == low || mid == high) {
            break;
        }
        if (studentTCdf(mid, dof) < p) {
            low = mid;
        } else {
            high = mid;
        }
    }
    return 0.5 * (low + high);
}

ConfidenceInterval ConfidenceInterval::fromSamples(std::span<const double> samples, double level) {
    ConfidenceInterval ci;
    ci.replications = static_cast<int>(samples.size());
    if (samples.empty()) {
        return ci;
    }
    double sum = 0.0;
    for (double x : samples) {
        sum += x;
    }
    const auto n = static_cast<double>(samples.size());
    ci.mean = sum / n;
    if (samples.size() < 2) {
        return ci;
    }
    double squares = 0.0;
    for (double x : samples) {
        squares += (x - ci.mean) * (x - ci.mean);
    }
    const double sd = std::sqrt(squares / (n - 1.0));
    ci.halfWidth = studentTQuantile(0.5 + level / 2.0, n - 1.0) * sd / std::sqrt(n);
    return ci;
}

} // namespace faaslab::sim
