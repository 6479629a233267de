#pragma once

#include <span>
#include <string>
#include <vector>

namespace faaslab::test {

// The outcome of comparing a simulated mean with a closed-form value.
struct MeanCheck {
    double expected = 0.0;
    double mean = 0.0;
    double halfWidth = 0.0; // confidence half-width at `level`
    double level = 0.0;
    int replications = 0;
    // What the half-width is: a Student-t interval over replications, or a
    // normal-approximation band for a count or proportion.
    std::string basis;
    bool passed = false;
    std::string describe() const;
};

// Compares the mean of independent replication estimates with `expected`.
// The tolerance is not chosen by hand: it is the Student-t confidence
// half-width of the replication mean at `level` (99.9 % by default, so a
// correct model fails a given check about once in a thousand seeds).
MeanCheck checkMean(std::span<const double> estimates, double expected, double level = 0.999);

// Binomial proportion check for n independent trials with k successes:
// |k/n - p| <= z * sqrt(p(1-p)/n), z for the two-sided `level`.
MeanCheck checkProportion(double successes, double trials, double expectedP, double level = 0.999);

// Two-sided standard-normal quantile for a confidence level (0.999 -> 3.29).
double normalCriticalValue(double level);

} // namespace faaslab::test

// QVERIFY2 with the check's description on failure. Set
// FAASLAB_SHOW_CHECKS=1 to print every check (docs/validation.md quotes
// these lines).
#define FAASLAB_VERIFY_CHECK(check)                                                                \
    do {                                                                                           \
        const auto& check_ = (check);                                                              \
        if (qEnvironmentVariableIsSet("FAASLAB_SHOW_CHECKS")) {                                    \
            qInfo("%s: %s", QTest::currentTestFunction(), check_.describe().c_str());              \
        }                                                                                          \
        QVERIFY2(check_.passed, check_.describe().c_str());                                        \
    } while (false)

namespace faaslab::test {

// A count of events of a Poisson process with expected value `expected`:
// |count - expected| <= z * sqrt(expected) (normal approximation, fine for
// expected counts above a few dozen).
MeanCheck checkPoissonCount(double count, double expected, double level = 0.999);

} // namespace faaslab::test
