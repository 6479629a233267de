#include "models/scenario/application_reader.h"

#include "models/scenario/distribution_reader.h"
#include "models/scenario/scenario_reader.h"
#include "models/scenario/workload_reader.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

namespace faaslab::reading {

namespace {

// A count written either as a whole number ("copies": 100) or as a
// distribution whose samples are rounded ("copies": {"dist": ...}).
std::optional<DistributionSpec> readCount(JsonObjectReader& r, std::string_view key, bool required,
                                          double fallback) {
    const Json* node = r.member(key);
    if (node == nullptr) {
        if (required) {
            r.error(key, "is required (a whole number, or a distribution whose samples are "
                         "rounded)");
            return std::nullopt;
        }
        return DistributionSpec::deterministic(fallback);
    }
    // The documented maximum, for a count and for a distribution's mean.
    constexpr double MaxCopies = ApplicationSpec::MaxCopies;
    if (node->is_number()) {
        const double v = node->get<double>();
        const std::string why = NumberRule::count(1, MaxCopies, "100000").violation(v);
        if (!why.empty()) {
            r.error(key, why);
            return std::nullopt;
        }
        return DistributionSpec::deterministic(v);
    }
    auto spec = readDistribution(r, key, required);
    if (spec && spec->meanValue() > MaxCopies) {
        r.error(key, "must have a mean of at most 100000, got " + formatNumber(spec->meanValue()));
        return std::nullopt;
    }
    return spec;
}

// Resolves a reference by name to an index, suggesting the nearest name.
std::optional<int> resolveName(JsonObjectReader& r, std::string_view key, bool required,
                               const std::map<std::string, int>& names, std::string_view what) {
    if (!required && !r.has(key)) {
        return std::nullopt;
    }
    const auto name = r.requiredString(key, 64);
    if (!name) {
        return std::nullopt;
    }
    const auto it = names.find(*name);
    if (it != names.end()) {
        return it->second;
    }
    std::set<std::string> candidates;
    std::string list;
    for (const auto& [n, index] : names) {
        candidates.insert(n);
        list += (list.empty() ? "\"" : ", \"") + n + "\"";
    }
    std::string message = "no " + std::string(what) + " is named \"" + *name + "\"";
    const std::string nearest = nearestWord(*name, candidates);
    if (!nearest.empty()) {
        message += "; did you mean \"" + nearest + "\"?";
    } else if (!list.empty()) {
        message += " (the " + std::string(what) + "s are " + list + ")";
    }
    r.error(key, message);
    return std::nullopt;
}

// Reads the "name" member of list item `r` and checks it is unique.
std::string readPartName(JsonObjectReader& r, std::map<std::string, int>& names, int index,
                         std::string_view list) {
    const std::string name = r.requiredString("name", 64).value_or("");
    if (name.empty()) {
        return name;
    }
    const auto [it, inserted] = names.emplace(name, index);
    if (!inserted) {
        r.error("name", "\"" + name + "\" is already the name of " + std::string(list) + "[" +
                            std::to_string(it->second) + "]");
    }
    return name;
}

// Calls `read(itemReader, index)` for each object of an array member.
template <typename Read>
void forEachObject(JsonObjectReader& parent, std::string_view key, bool required,
                   std::size_t maxItems, Read read) {
    const Json* items = parent.array(key, required);
    if (items == nullptr) {
        return;
    }
    if (required && items->empty()) {
        parent.error(key, "must list at least one item");
    }
    if (items->size() > maxItems) {
        parent.error(key, "must list at most " + std::to_string(maxItems) + " items, got " +
                              std::to_string(items->size()));
        return;
    }
    for (std::size_t i = 0; i < items->size(); ++i) {
        const std::string path = indexPath(parent.childPath(key), i);
        const Json& item = (*items)[i];
        if (!item.is_object()) {
            parent.diagnostics().error(path, "must be an object, got " +
                                                 JsonObjectReader::describe(item));
            continue;
        }
        JsonObjectReader r(&item, path, parent.diagnostics());
        read(r, static_cast<int>(i));
    }
}

// The function graph must be acyclic: a request must end. Edges are
// function -> function (chain, fan-out, fan-in) and producer -> consumer
// through a queue. Reports the first cycle found, as a path of names.
void checkAcyclic(const ApplicationSpec& app, JsonObjectReader& r) {
    const std::size_t n = app.functions.size();
    std::vector<std::vector<int>> next(n);
    for (const EdgeSpec& e : app.edges) {
        const auto from = static_cast<std::size_t>(e.from);
        if (e.type == EdgeSpec::Type::Queue) {
            next[from].push_back(app.queues[static_cast<std::size_t>(e.queue)].consumer);
        } else {
            next[from].push_back(e.to);
            if (e.fanIn) {
                next[from].push_back(*e.fanIn);
            }
        }
    }
    std::vector<int> state(n, 0); // 0 new, 1 on the path, 2 done
    std::vector<int> path;
    std::function<bool(int)> visit = [&](int f) {
        state[static_cast<std::size_t>(f)] = 1;
        path.push_back(f);
        for (int g : next[static_cast<std::size_t>(f)]) {
            if (state[static_cast<std::size_t>(g)] == 1) {
                path.push_back(g);
                return true;
            }
            if (state[static_cast<std::size_t>(g)] == 0 && visit(g)) {
                return true;
            }
        }
        path.pop_back();
        state[static_cast<std::size_t>(f)] = 2;
        return false;
    };
    for (std::size_t f = 0; f < n; ++f) {
        if (state[f] == 0 && visit(static_cast<int>(f))) {
            const int start = path.back();
            std::string cycle;
            bool on = false;
            for (int g : path) {
                on = on || g == start;
                if (on) {
                    cycle += (cycle.empty() ? "" : " -> ") +
                             app.functions[static_cast<std::size_t>(g)].name;
                }
            }
            r.error("edges", "the functions form a cycle (" + cycle +
                                 "), so a request would never end; every path must end");
            return;
        }
    }
}

// The copies of a fan-out are submitted at once, so one trigger event can
// put the product of the largest copies along a path in flight; refuse a
// graph whose worst case the engine could not hold (the run would fail
// after minutes and gigabytes), at the fan-out where it passes the limit.
void checkWorstCaseInFlight(const ApplicationSpec& app, JsonObjectReader& r) {
    std::set<int> reported;
    for (std::size_t t = 0; t < app.triggers.size(); ++t) {
        const auto worst =
            app.worstCaseInvocations(static_cast<int>(t), ScenarioReader::MaxRequestsInFlight);
        // One message per culprit fan-out; a trigger with no fan-out to
        // blame (culprit -1) is reported on its own.
        if (worst.invocations <= ScenarioReader::MaxRequestsInFlight ||
            (worst.culprit >= 0 && !reported.insert(worst.culprit).second)) {
            continue;
        }
        const std::string what =
            "one event of trigger \"" + app.triggers[t].name + "\" can start up to " +
            (std::isfinite(worst.invocations) ? formatNumber(worst.invocations)
                                              : std::string("more than 1e308")) +
            " function invocations at once (the largest copies of each fan-out multiplied "
            "along the path), more than the " +
            formatNumber(ScenarioReader::MaxRequestsInFlight) + " this version can hold in flight";
        if (worst.culprit >= 0) {
            r.diagnostics().error(
                indexPath(r.childPath("edges"), static_cast<std::size_t>(worst.culprit)) +
                    ".copies",
                what);
        } else {
            const bool burst = app.triggers[t].type == TriggerSpec::Type::Storage;
            r.diagnostics().error(
                indexPath(r.childPath("triggers"), t) + (burst ? ".burst_size" : ""), what);
        }
    }
}

} // namespace

std::optional<ApplicationSpec> readApplication(JsonObjectReader& root,
                                               const std::filesystem::path& base) {
    JsonObjectReader r = root.object("application", true);
    if (!r.valid()) {
        return std::nullopt;
    }
    const std::size_t errorsBefore = r.diagnostics().count();
    ApplicationSpec app;
    std::map<std::string, int> functionNames, queueNames, triggerNames;

    forEachObject(r, "functions", true, 200, [&](JsonObjectReader& f, int i) {
        FunctionSpec fn;
        fn.name = readPartName(f, functionNames, i, "functions");
        fn.serviceTimeS = readDistribution(f, "service_time_s", true)
                              .value_or(DistributionSpec::deterministic(0));
        if (f.has("io_wait_s")) {
            fn.ioWaitS = readDistribution(f, "io_wait_s", false);
        }
        fn.memoryMb = f.requiredNumber("memory_mb", NumberRule::positive(1048576, "1 TiB"))
                          .value_or(fn.memoryMb);
        fn.timeoutS = f.optionalNumber("timeout_s", PositiveSample);
        fn.keepAliveS = f.optionalNumber("keep_alive_s", ZeroOrSpan);
        if (const auto limit = f.optionalNumber(
                "max_instances", NumberRule::count(1, 1e6, "one million instances"))) {
            fn.maxInstances = static_cast<int>(*limit);
        }
        f.finish();
        app.functions.push_back(std::move(fn));
    });

    forEachObject(r, "queues", false, 100, [&](JsonObjectReader& q, int i) {
        QueueSpec spec;
        spec.name = readPartName(q, queueNames, i, "queues");
        spec.consumer = resolveName(q, "consumer", true, functionNames, "function").value_or(0);
        spec.batchSize = static_cast<int>(
            q.integer("batch_size", NumberRule::count(1, 10000, "10000 messages"), spec.batchSize));
        spec.batchingWindowS = q.number("batching_window_s", ZeroOrSpan, spec.batchingWindowS);
        spec.maxConcurrency = static_cast<int>(
            q.integer("max_concurrency", NumberRule::count(1, 100000, "100000 batches"),
                      spec.maxConcurrency));
        spec.visibilityTimeoutS = q.number("visibility_timeout_s", Span, spec.visibilityTimeoutS);
        spec.maxReceiveCount = static_cast<int>(
            q.integer("max_receive_count", NumberRule::count(1, 1000, "1000 receives"),
                      spec.maxReceiveCount));
        q.finish();
        app.queues.push_back(std::move(spec));
    });

    forEachObject(r, "triggers", true, 100, [&](JsonObjectReader& t, int i) {
        TriggerSpec spec;
        spec.name = readPartName(t, triggerNames, i, "triggers");
        const auto type = t.requiredChoice("type", {"http", "timer", "storage", "queue"});
        std::map<std::string, std::string> elsewhere = {
            {"function", "a queue trigger's function is its queue's consumer"},
            {"arrivals", "it belongs to types \"http\" and \"queue\""},
            {"queue", "it belongs to type \"queue\""},
            {"period_s", "it belongs to type \"timer\""},
            {"offset_s", "it belongs to type \"timer\""},
            {"jitter_s", "it belongs to type \"timer\""},
            {"burst_rate_per_s", "it belongs to type \"storage\""},
            {"burst_size", "it belongs to type \"storage\""},
        };
        if (!type) {
            for (const auto& [k, note] : elsewhere) {
                t.allow(k);
            }
            t.finish();
            return;
        }
        if (*type != "queue") {
            spec.function = resolveName(t, "function", true, functionNames, "function").value_or(0);
        }
        if (*type == "http" || *type == "queue") {
            spec.type = *type == "http" ? TriggerSpec::Type::Http : TriggerSpec::Type::Queue;
            spec.arrivals = readArrivals(t, base).value_or(ArrivalSpec{});
            if (*type == "queue") {
                spec.queue = resolveName(t, "queue", true, queueNames, "queue").value_or(0);
            }
        } else if (*type == "timer") {
            spec.type = TriggerSpec::Type::Timer;
            spec.periodS = t.requiredNumber("period_s", Span).value_or(spec.periodS);
            spec.offsetS = t.number("offset_s", ZeroOrSpan, 0.0);
            spec.jitterS = t.number("jitter_s", ZeroOrSpan, 0.0);
            if (spec.jitterS >= spec.periodS) {
                t.error("jitter_s", "must be shorter than period_s (" + formatNumber(spec.periodS) +
                                        "), got " + formatNumber(spec.jitterS));
            }
        } else {
            spec.type = TriggerSpec::Type::Storage;
            spec.burstRatePerS = t.requiredNumber("burst_rate_per_s", RateRule).value_or(1.0);
            spec.burstSize =
                readCount(t, "burst_size", false, 1.0).value_or(DistributionSpec::deterministic(1));
        }
        t.finish(elsewhere);
        app.triggers.push_back(std::move(spec));
    });

    forEachObject(r, "edges", false, 1000, [&](JsonObjectReader& e, int) {
        EdgeSpec spec;
        const auto type = e.requiredChoice("type", {"chain", "fan_out", "queue"});
        const std::map<std::string, std::string> elsewhere = {
            {"to", "it belongs to types \"chain\" and \"fan_out\""},
            {"invocation", "it belongs to types \"chain\" and \"fan_out\""},
            {"copies", "it belongs to type \"fan_out\""},
            {"fan_in", "it belongs to type \"fan_out\""},
            {"queue", "it belongs to type \"queue\""},
        };
        spec.from = resolveName(e, "from", true, functionNames, "function").value_or(0);
        if (!type) {
            for (const auto& [k, note] : elsewhere) {
                e.allow(k);
            }
            e.finish();
            return;
        }
        if (*type == "queue") {
            spec.type = EdgeSpec::Type::Queue;
            spec.queue = resolveName(e, "queue", true, queueNames, "queue").value_or(0);
        } else {
            spec.type = *type == "chain" ? EdgeSpec::Type::Chain : EdgeSpec::Type::FanOut;
            spec.to = resolveName(e, "to", true, functionNames, "function").value_or(0);
            spec.async = e.choice("invocation", {"sync", "async"},
                                  *type == "chain" ? "sync" : "async") == "async";
            if (*type == "fan_out") {
                spec.copies =
                    readCount(e, "copies", true, 1.0).value_or(DistributionSpec::deterministic(1));
                spec.fanIn = resolveName(e, "fan_in", false, functionNames, "function");
            }
        }
        e.finish(elsewhere);
        app.edges.push_back(std::move(spec));
    });

    JsonObjectReader a = r.object("async", false);
    if (a.valid()) {
        AsyncInvocationSettings& s = app.async;
        s.maxRetries = static_cast<int>(
            a.integer("max_retries", NumberRule::count(0, 100, "100 retries"), s.maxRetries));
        s.retryDelayS = a.number("retry_delay_s", ZeroOrSpan, s.retryDelayS);
        s.throttleBackoffS = a.number("throttle_backoff_s", Span, s.throttleBackoffS);
        s.throttleBackoffMaxS = a.number("throttle_backoff_max_s", Span, s.throttleBackoffMaxS);
        s.maxEventAgeS = a.number("max_event_age_s", Span, s.maxEventAgeS);
        if (s.throttleBackoffMaxS < s.throttleBackoffS) {
            a.error("throttle_backoff_max_s", "must not be shorter than throttle_backoff_s (" +
                                                  formatNumber(s.throttleBackoffS) + "), got " +
                                                  formatNumber(s.throttleBackoffMaxS));
        }
        a.finish();
    }
    r.finish();
    if (r.diagnostics().count() != errorsBefore) {
        return std::nullopt;
    }
    checkAcyclic(app, r);
    if (r.diagnostics().count() != errorsBefore) {
        return std::nullopt;
    }
    checkWorstCaseInFlight(app, r);
    if (r.diagnostics().count() != errorsBefore) {
        return std::nullopt;
    }
    return app;
}

} // namespace faaslab::reading
