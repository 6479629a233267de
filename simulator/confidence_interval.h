#pragma once

#include <span>

namespace faaslab::sim {

// Mean and confidence half-width of independent replication estimates, by the
// Student t interval: mean +/- t_{(1+level)/2, n-1} * s / sqrt(n).
struct ConfidenceInterval {
    double mean = 0.0;
    double halfWidth = 0.0; // 0 when fewer than two replications
    int replications = 0;

    static ConfidenceInterval fromSamples(std::span<const double> samples, double level = 0.95);
};

// Regularised incomplete beta function I_x(a, b), by the continued fraction
// of Didonato & Morris evaluated with the modified Lentz method.
double regularizedIncompleteBeta(double a, double b, double x);

// Cumulative distribution of Student's t with `dof` degrees of freedom.
double studentTCdf(double t, double dof);

// The p-quantile of Student's t (0 < p < 1), e.g. studentTQuantile(0.975, 4)
// = 2.7764. Solved by bisection on the CDF to full double precision.
double studentTQuantile(double p, double dof);

} // namespace faaslab::sim
