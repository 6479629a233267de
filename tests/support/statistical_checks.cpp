#include "tests/support/statistical_checks.h"

#include "simulator/confidence_interval.h"

#include <cmath>
#include <cstdio>

namespace faaslab::test {

std::string MeanCheck::describe() const {
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, "expected %.6g, simulated %.6g +/- %.3g (%.1f %% %s)",
                  expected, mean, halfWidth, level * 100.0, basis.c_str());
    return buffer;
}

MeanCheck checkMean(std::span<const double> estimates, double expected, double level) {
    const auto ci = sim::ConfidenceInterval::fromSamples(estimates, level);
    MeanCheck check;
    check.expected = expected;
    check.mean = ci.mean;
    check.halfWidth = ci.halfWidth;
    check.level = level;
    check.replications = ci.replications;
    check.basis = "Student-t interval over " + std::to_string(ci.replications) + " replications";
    check.passed = estimates.size() >= 2 && std::fabs(ci.mean - expected) <= ci.halfWidth;
    return check;
}

double normalCriticalValue(double level) {
    // Bisection on the normal CDF, Phi(z) = erfc(-z / sqrt 2) / 2.
    const double target = 0.5 + level / 2.0;
    double low = 0.0;
    double high = 10.0;
    for (int i = 0; i < 200; ++i) {
        const double mid = 0.5 * (low + high);
        if (0.5 * std::erfc(-mid / std::sqrt(2.0)) < target) {
            low = mid;
        } else {
            high = mid;
        }
    }
    return 0.5 * (low + high);
}

MeanCheck checkProportion(double successes, double trials, double expectedP, double level) {
    MeanCheck check;
    check.expected = expectedP;
    check.mean = trials > 0 ? successes / trials : 0.0;
    check.halfWidth =
        normalCriticalValue(level) * std::sqrt(expectedP * (1.0 - expectedP) / trials);
    check.level = level;
    check.replications = 1;
    check.basis =
        "binomial band over " + std::to_string(static_cast<long long>(trials)) + " trials";
    check.passed = std::fabs(check.mean - expectedP) <= check.halfWidth;
    return check;
}

} // namespace faaslab::test

namespace faaslab::test {

MeanCheck checkPoissonCount(double count, double expected, double level) {
    MeanCheck check;
    check.expected = expected;
    check.mean = count;
    check.halfWidth = normalCriticalValue(level) * std::sqrt(expected);
    check.level = level;
    check.replications = 1;
    check.basis = "Poisson band";
    check.passed = std::fabs(count - expected) <= check.halfWidth;
    return check;
}

} // namespace faaslab::test
