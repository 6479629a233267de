#include "models/application/application_spec.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace faaslab {

std::string_view TriggerSpec::typeName(Type type) {
    switch (type) {
    case Type::Http:
        return "http";
    case Type::Timer:
        return "timer";
    case Type::Storage:
        return "storage";
    case Type::Queue:
        return "queue";
    }
    return "http";
}

std::string_view EdgeSpec::typeName(Type type) {
    switch (type) {
    case Type::Chain:
        return "chain";
    case Type::FanOut:
        return "fan_out";
    case Type::Queue:
        return "queue";
    }
    return "chain";
}

std::vector<const EdgeSpec*> ApplicationSpec::edgesFrom(int function) const {
    std::vector<const EdgeSpec*> out;
    for (const EdgeSpec& e : edges) {
        if (e.from == function) {
            out.push_back(&e);
        }
    }
    return out;
}

namespace {

// Mean of max(1, round(X)), the integer count a copies or burst-size
// distribution stands for; estimated from its mean (exact for the
// deterministic counts the examples use).
double meanCount(const DistributionSpec& spec) {
    return std::max(1.0, std::round(spec.meanValue()));
}

void accumulate(const ApplicationSpec& app, int function, double weight,
                std::vector<double>& counts, int depth) {
    if (depth > static_cast<int>(app.functions.size()) + static_cast<int>(app.queues.size())) {
        return; // a cycle; the reader rejects those, this only guards
    }
    counts[static_cast<std::size_t>(function)] += weight;
    for (const EdgeSpec* e : app.edgesFrom(function)) {
        switch (e->type) {
        case EdgeSpec::Type::Chain:
            accumulate(app, e->to, weight, counts, depth + 1);
            break;
        case EdgeSpec::Type::FanOut:
            accumulate(app, e->to, weight * meanCount(e->copies), counts, depth + 1);
            if (e->fanIn) {
                accumulate(app, *e->fanIn, weight, counts, depth + 1);
            }
            break;
        case EdgeSpec::Type::Queue: {
            const QueueSpec& q = app.queues[static_cast<std::size_t>(e->queue)];
            // Batches, not messages, are invocations; at least one per batch.
            accumulate(app, q.consumer, weight / q.batchSize, counts, depth + 1);
            break;
        }
        }
    }
}

} // namespace

double ApplicationSpec::maxCount(const DistributionSpec& count) {
    double largest = MaxCopies;
    switch (count.kind) {
    case DistributionSpec::Kind::Deterministic:
        largest = count.value;
        break;
    case DistributionSpec::Kind::Uniform:
        largest = count.max;
        break;
    case DistributionSpec::Kind::Empirical:
        if (!count.samples.empty()) {
            largest = *std::max_element(count.samples.begin(), count.samples.end());
        }
        break;
    default:
        break; // unbounded: the runtime clamps samples at MaxCopies
    }
    return std::clamp(std::round(largest), 1.0, MaxCopies);
}

double ApplicationSpec::expectedInvocations(double durationS) const {
    double total = 0.0;
    for (std::size_t t = 0; t < triggers.size(); ++t) {
        const TriggerSpec& trigger = triggers[t];
        double events = 0.0;
        switch (trigger.type) {
        case TriggerSpec::Type::Http:
        case TriggerSpec::Type::Queue:
            events = trigger.arrivals.expectedArrivals(durationS);
            break;
        case TriggerSpec::Type::Timer:
            // Ticks at offset, offset + period, ... before the end.
            events = trigger.periodS > 0.0 && durationS > trigger.offsetS
                         ? std::floor((durationS - trigger.offsetS) / trigger.periodS) + 1.0
                         : 0.0;
            break;
        case TriggerSpec::Type::Storage:
            events =
                trigger.burstRatePerS * durationS * std::max(1.0, trigger.burstSize.meanValue());
            break;
        }
        double perEvent = 0.0;
        for (const double c : invocationsPerRequest(static_cast<int>(t))) {
            perEvent += c;
        }
        total += events * std::max(1.0, perEvent);
    }
    return total;
}

ApplicationSpec::WorstCase ApplicationSpec::worstCaseInvocations(int trigger, double limit) const {
    // caused[f]: invocations one invocation of f causes, itself included,
    // computed once per function (depth first, memoised), so that a graph
    // of many diamonds costs its edges, not its paths. Requires an acyclic
    // graph (the reader checks that first).
    std::vector<double> caused(functions.size(), -1.0);
    int culprit = -1;
    std::function<double(int)> visit = [&](int f) {
        double& memo = caused[static_cast<std::size_t>(f)];
        if (memo >= 0.0) {
            return memo;
        }
        memo = 0.0; // guards a cycle the reader would have refused
        double total = 1.0;
        for (std::size_t e = 0; e < edges.size(); ++e) {
            const EdgeSpec& edge = edges[e];
            if (edge.from != f) {
                continue;
            }
            switch (edge.type) {
            case EdgeSpec::Type::Chain:
                total += visit(edge.to);
                break;
            case EdgeSpec::Type::FanOut: {
                const double copies = maxCount(edge.copies) * visit(edge.to);
                if (copies > limit && culprit < 0) {
                    culprit = static_cast<int>(e);
                }
                total += copies + (edge.fanIn ? visit(*edge.fanIn) : 0.0);
                break;
            }
            case EdgeSpec::Type::Queue:
                total += visit(queues[static_cast<std::size_t>(edge.queue)].consumer);
                break;
            }
        }
        memo = total;
        return total;
    };
    const TriggerSpec& t = triggers[static_cast<std::size_t>(trigger)];
    WorstCase out;
    if (t.type == TriggerSpec::Type::Queue) {
        out.invocations = visit(queues[static_cast<std::size_t>(t.queue)].consumer);
    } else {
        out.invocations = visit(t.function);
        if (t.type == TriggerSpec::Type::Storage) {
            out.invocations *= maxCount(t.burstSize);
        }
    }
    out.culprit = culprit;
    return out;
}

std::vector<double> ApplicationSpec::invocationsPerRequest(int trigger) const {
    std::vector<double> counts(functions.size(), 0.0);
    const TriggerSpec& t = triggers[static_cast<std::size_t>(trigger)];
    if (t.type == TriggerSpec::Type::Queue) {
        const QueueSpec& q = queues[static_cast<std::size_t>(t.queue)];
        accumulate(*this, q.consumer, 1.0 / q.batchSize, counts, 0);
    } else {
        accumulate(*this, t.function, 1.0, counts, 0);
    }
    return counts;
}

} // namespace faaslab
