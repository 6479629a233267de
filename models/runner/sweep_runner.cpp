#include "models/runner/sweep_runner.h"

#include "models/format/number_format.h"
#include "models/results/ranking.h"
#include "models/runner/sweep_parameter.h"
#include "models/runner/work_in_flight_error.h"
#include "models/scenario/json_object_reader.h"
#include "models/format/json_path.h"
#include "models/scenario/scenario_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace faaslab {

using Json = nlohmann::ordered_json;

std::vector<double> sweepRange(double from, double to, int count, bool logarithmic) {
    std::vector<double> values;
    for (int i = 0; i < count; ++i) {
        const double t = count > 1 ? static_cast<double>(i) / (count - 1) : 0.0;
        values.push_back(logarithmic ? from * std::pow(to / from, t) : from + t * (to - from));
    }
    if (count > 1) {
        values.back() = to; // exactly, whatever the rounding
    }
    return values;
}

std::vector<double> sweepRangeValues(double from, double to, int count, bool logarithmic,
                                     bool wholeNumbers) {
    std::vector<double> values = sweepRange(from, to, count, logarithmic);
    if (wholeNumbers) {
        for (double& v : values) {
            v = std::round(v);
        }
        values.erase(std::unique(values.begin(), values.end()), values.end());
    }
    return values;
}

std::string sweepRangeProblem(double from, double to, int count, bool logarithmic,
                              const SweepRangeLabels& labels) {
    auto number = [](double v) {
        char text[32];
        std::snprintf(text, sizeof text, "%g", v);
        return std::string(text);
    };
    if (!std::isfinite(from) || !std::isfinite(to)) {
        return labels.from + " and " + labels.to + " must be finite numbers";
    }
    if (count < MinSweepPoints || count > MaxSweepPoints) {
        return labels.points + " must be between " + std::to_string(MinSweepPoints) + " and " +
               std::to_string(MaxSweepPoints) + ", got " + std::to_string(count);
    }
    if (!(from < to)) {
        return labels.from + " must be less than " + labels.to + ", got " + number(from) + ":" +
               number(to);
    }
    if (logarithmic && from <= 0.0) {
        return "a logarithmic range needs " + labels.from + " > 0, got " + number(from);
    }
    return {};
}

std::optional<std::vector<double>> parseSweepRange(const std::string& text, std::string& problem) {
    std::vector<std::string> parts(1);
    for (const char c : text) {
        if (c == ':') {
            parts.emplace_back();
        } else {
            parts.back() += c;
        }
    }
    // Whole-string conversions only: "12x" or "" is not a number.
    auto toNumber = [](const std::string& part, double& value) {
        char* end = nullptr;
        value = std::strtod(part.c_str(), &end);
        return !part.empty() && end == part.c_str() + part.size();
    };
    double from = 0.0;
    double to = 0.0;
    double points = 0.0;
    const bool shapeOk = (parts.size() == 3 || (parts.size() == 4 && parts[3] == "log")) &&
                         toNumber(parts[0], from) && toNumber(parts[1], to) &&
                         toNumber(parts[2], points) && points == std::floor(points) &&
                         std::abs(points) <= 1e9;
    if (!shapeOk) {
        problem =
            "expected FROM:TO:POINTS or FROM:TO:POINTS:log, e.g. 1:100:12:log, got '" + text + "'";
        return std::nullopt;
    }
    const int count = static_cast<int>(points);
    const bool logarithmic = parts.size() == 4;
    problem = sweepRangeProblem(from, to, count, logarithmic);
    if (!problem.empty()) {
        return std::nullopt;
    }
    return sweepRange(from, to, count, logarithmic);
}

std::optional<Json::json_pointer> parameterPointer(const Json& scenario, const std::string& path,
                                                   std::string& problem) {
    // "a.b[2].c" -> "/a/b/2/c"
    const auto steps = splitDottedPath(path, problem);
    if (!steps) {
        return std::nullopt;
    }
    std::string pointer;
    const Json* node = &scenario;
    std::string walked;
    for (const auto& [token, index] : *steps) {
        if (index) {
            if (!node->is_array() || token.size() > 9 ||
                token.find_first_not_of("0123456789") != std::string::npos ||
                std::stoull(token) >= node->size()) {
                problem =
                    (walked.empty() ? "the scenario" : walked) + " has no element [" + token + "]" +
                    (node->is_array() ? " (it has " + std::to_string(node->size()) + " elements)"
                                      : "");
                return std::nullopt;
            }
            node = &(*node)[std::stoull(token)];
            walked = indexPath(walked, std::stoull(token));
        } else {
            if (!node->is_object() || !node->contains(token)) {
                problem =
                    (walked.empty() ? "the scenario" : walked) + " has no field \"" + token + "\"";
                if (node->is_object()) {
                    std::set<std::string> keys;
                    for (const auto& [key, value] : node->items()) {
                        keys.insert(key);
                    }
                    const std::string nearest = nearestWord(token, keys);
                    if (!nearest.empty()) {
                        problem += "; did you mean \"" + nearest + "\"?";
                    }
                }
                return std::nullopt;
            }
            node = &(*node)[token];
            walked = memberPath(walked, token);
        }
        pointer += "/" + token;
    }
    if (!node->is_number()) {
        problem = walked + " is " + JsonObjectReader::describe(*node) +
                  ", not a number; a sweep varies a numeric field";
        return std::nullopt;
    }
    return Json::json_pointer(pointer);
}

namespace {

struct Evaluator {
    const Json& document;
    Json::json_pointer pointer;
    std::string parameter; // as the user named it, for messages
    std::string costMetric;
    bool wholeNumbers = false;
    const PricingCatalog* catalog = nullptr;
    std::string baseDirectory;
    ReplicationLimits limits;

    std::optional<Scenario> scenarioAt(double value, Diagnostics* problems) const {
        Json copy = document;
        if (wholeNumbers) {
            copy[pointer] = static_cast<std::int64_t>(std::llround(value));
        } else {
            copy[pointer] = value;
        }
        ScenarioReadResult read =
            ScenarioReader(catalog != nullptr ? *catalog : PricingCatalog::builtin())
                .setBaseDirectory(baseDirectory)
                .readJson(copy);
        if (!read.ok() && problems != nullptr) {
            *problems = read.diagnostics;
        }
        return read.scenario;
    }

    // Runs one point single-threaded (the sweep parallelises over points);
    // `progress` hears the point's own fraction.
    std::optional<SweepPoint> run(double value, const std::atomic<bool>* cancel,
                                  const std::function<void(double)>& progress = {}) const {
        const auto scenario = scenarioAt(value, nullptr);
        if (!scenario) {
            return std::nullopt;
        }
        RunOptions options;
        options.threads = 1;
        options.cancel = cancel;
        options.limits = limits;
        if (progress) {
            options.progress = [&progress](const RunProgressReport& r) {
                progress(r.fraction);
            };
        }
        RunOutput out;
        try {
            out = runScenario(*scenario, options);
        } catch (const WorkInFlightError& e) {
            throw WorkInFlightError(e, "at " + parameter + " = " + formatNumber(value));
        }
        if (out.status == RunStatus::Cancelled) {
            return std::nullopt;
        }
        SweepPoint point;
        point.value = value;
        // The ranking rule of every comparison: an architecture that leaves
        // many more requests unserved than the best is not the cheapest.
        if (!out.results.architectures.empty()) {
            point.cheapest =
                out.results.architectures[cheapestArchitecture(out.results, costMetric)].name;
        }
        for (ArchitectureResults& a : out.results.architectures) {
            a.series = TimeSeries{};
            a.latencyCdf.clear();
            point.architectures.push_back(std::move(a));
        }
        return point;
    }
};

// Runs `count` tasks on a pool of threads; task i writes only slot i. The
// first exception a task throws ends the loop (tasks not yet started are
// skipped) and is rethrown here: escaping a std::thread would terminate
// the program.
template <typename Task> void parallelFor(std::size_t count, int threads, Task task) {
    const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t workers =
        std::min<std::size_t>(count, threads > 0 ? static_cast<std::size_t>(threads) : hardware);
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failureMutex;
    std::vector<std::thread> pool;
    for (std::size_t w = 0; w < workers; ++w) {
        pool.emplace_back([&] {
            for (std::size_t i = next++; i < count; i = next++) {
                try {
                    task(i);
                } catch (...) {
                    std::lock_guard lock(failureMutex);
                    if (!failure) {
                        failure = std::current_exception();
                    }
                    next = count;
                }
            }
        });
    }
    for (std::thread& t : pool) {
        t.join();
    }
    if (failure) {
        std::rethrow_exception(failure);
    }
}

} // namespace

RankingVerdict cheapestVerdictAt(const SweepPoint& point, std::string_view costMetric) {
    return cheapestVerdict(point.architectures, costMetric);
}

SweepOutput runSweep(const Json& scenario, const SweepSpec& spec, const SweepOptions& options) {
    SweepOutput output;
    std::string problem;
    const auto pointer = parameterPointer(scenario, spec.parameter, problem);
    if (!pointer) {
        output.diagnostics.error(spec.parameter, problem);
        return output;
    }
    if (spec.values.empty()) {
        output.diagnostics.error(spec.parameter, "no values to sweep");
        return output;
    }
    Evaluator evaluator{scenario, *pointer,        spec.parameter,        spec.costMetric,
                        false,    options.catalog, options.baseDirectory, options.limits};
    // A field takes whole numbers (max_instances, ...) if the reader refuses
    // a fractional value where it accepts the whole one; bisection then works
    // on whole numbers.
    evaluator.wholeNumbers =
        takesWholeNumbers(scenario, *pointer, spec.values.front(),
                          options.catalog != nullptr ? *options.catalog : PricingCatalog::builtin(),
                          options.baseDirectory);

    // Every value is checked before anything runs.
    std::vector<double> values = spec.values;
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    for (double v : values) {
        if (evaluator.wholeNumbers && v != std::floor(v)) {
            output.diagnostics.error(spec.parameter, "with " + spec.parameter + " = " +
                                                         formatNumber(v) +
                                                         ": must be a whole number");
            continue;
        }
        Diagnostics problems;
        if (!evaluator.scenarioAt(v, &problems)) {
            for (const Diagnostic& d : problems.items()) {
                output.diagnostics.error(d.path, "with " + spec.parameter + " = " +
                                                     formatNumber(v) + ": " + d.message);
            }
        }
    }
    if (output.diagnostics.hasErrors()) {
        return output;
    }

    SweepResults& r = output.results;
    r.parameter = spec.parameter;
    {
        const auto first = evaluator.scenarioAt(values.front(), nullptr);
        r.scenarioName = first->name;
        r.seed = first->simulation.seed;
        r.replications = first->simulation.replications;
        for (const ArchitectureSpec& a : first->architectures) {
            r.architectureNames.push_back(a.name);
        }
    }

    output.pointsPlanned = values.size();
    std::vector<std::optional<SweepPoint>> points(values.size());
    // Each point's own fraction, so that progress moves within long points.
    std::vector<double> pointFraction(values.size(), 0.0);
    std::mutex progressMutex;
    auto report = [&](std::size_t i, double fraction) {
        if (!options.progress) {
            return;
        }
        std::lock_guard lock(progressMutex);
        pointFraction[i] = std::clamp(fraction, 0.0, 1.0);
        double sum = 0.0;
        for (const double f : pointFraction) {
            sum += f;
        }
        options.progress(0.8 * sum / static_cast<double>(values.size()));
    };
    std::mutex finishedMutex;
    // Larger values are usually heavier (more requests, more instances):
    // handing them out first keeps the last thread from running the
    // heaviest point alone. Which thread runs a point never changes it.
    parallelFor(values.size(), options.threads, [&](std::size_t k) {
        const std::size_t i = values.size() - 1 - k;
        points[i] = evaluator.run(values[i], options.cancel,
                                  [&report, i](double fraction) { report(i, fraction); });
        if (!points[i]) {
            return;
        }
        report(i, 1.0);
        if (options.pointFinished) {
            std::lock_guard lock(finishedMutex);
            options.pointFinished(i, *points[i]);
        }
    });
    bool complete = true;
    for (auto& p : points) {
        if (p) {
            r.points.push_back(std::move(*p));
        } else {
            complete = false;
        }
    }
    if (!complete) {
        // Stopped: the finished points stay, as a partial sweep.
        output.status = RunStatus::Cancelled;
        return output;
    }

    if (options.findBreakEvens) {
        // One bisection per interval whose cheapest architecture changes; the
        // intervals are independent and run in parallel.
        struct Bracket {
            double lower, upper;
            std::string below, above;
        };
        std::vector<Bracket> brackets;
        for (std::size_t i = 0; i + 1 < r.points.size(); ++i) {
            if (r.points[i].cheapest != r.points[i + 1].cheapest) {
                brackets.push_back(Bracket{r.points[i].value, r.points[i + 1].value,
                                           r.points[i].cheapest, r.points[i + 1].cheapest});
            }
        }
        std::vector<std::vector<BreakEven>> found(brackets.size());
        std::vector<int> runs(brackets.size(), 0);
        bool cancelled = false;
        const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
        const int threads = options.threads > 0 ? options.threads : static_cast<int>(hardware);
        // Each bracket is bisected serially in logic, but with several
        // threads the next levels of its bisection tree are evaluated
        // together (speculatively): the points visited are exactly those of
        // a serial bisection, so the result does not depend on the threads.
        const int perBracket =
            std::max(1, threads / std::max(1, static_cast<int>(brackets.size())));
        std::mutex cancelMutex;
        parallelFor(brackets.size(), std::min<int>(threads, static_cast<int>(brackets.size())),
                    [&](std::size_t b) {
                        std::map<double, std::string> cheapestAt; // evaluated points
                        auto midpointOf = [&](double lower, double upper) {
                            const double mid = 0.5 * (lower + upper);
                            return evaluator.wholeNumbers ? std::floor(mid) : mid;
                        };
                        auto isNarrow = [&](double lower, double upper) {
                            const double scale = std::max(std::fabs(lower), std::fabs(upper));
                            return evaluator.wholeNumbers
                                       ? upper - lower <= 1.0
                                       : upper - lower <= spec.breakEvenTolerance * scale;
                        };
                        std::vector<Bracket> work{brackets[b]};
                        while (!work.empty()) {
                            Bracket k = work.back();
                            work.pop_back();
                            if (isNarrow(k.lower, k.upper)) {
                                found[b].push_back(BreakEven{0.5 * (k.lower + k.upper), k.lower,
                                                             k.upper, k.below, k.above});
                                continue;
                            }
                            const double mid = midpointOf(k.lower, k.upper);
                            if (!cheapestAt.contains(mid)) {
                                // The first levels of this bracket's bisection tree, in
                                // breadth-first order, as many as there are threads.
                                std::vector<double> speculative;
                                std::vector<std::pair<double, double>> level{{k.lower, k.upper}};
                                while (!level.empty() &&
                                       static_cast<int>(speculative.size()) < perBracket) {
                                    std::vector<std::pair<double, double>> next;
                                    for (const auto& [lo, hi] : level) {
                                        if (static_cast<int>(speculative.size()) >= perBracket ||
                                            isNarrow(lo, hi)) {
                                            continue;
                                        }
                                        const double m = midpointOf(lo, hi);
                                        if (!cheapestAt.contains(m)) {
                                            speculative.push_back(m);
                                        }
                                        next.emplace_back(lo, m);
                                        next.emplace_back(m, hi);
                                    }
                                    level.swap(next);
                                }
                                std::vector<std::optional<SweepPoint>> results(speculative.size());
                                parallelFor(speculative.size(), perBracket, [&](std::size_t i) {
                                    results[i] = evaluator.run(speculative[i], options.cancel);
                                });
                                for (std::size_t i = 0; i < speculative.size(); ++i) {
                                    if (!results[i]) {
                                        std::lock_guard lock(cancelMutex);
                                        cancelled = true;
                                        return;
                                    }
                                    cheapestAt[speculative[i]] = results[i]->cheapest;
                                }
                                runs[b] += static_cast<int>(speculative.size());
                            }
                            const std::string& at = cheapestAt.at(mid);
                            if (at == k.below) {
                                work.push_back(Bracket{mid, k.upper, k.below, k.above});
                            } else if (at == k.above) {
                                work.push_back(Bracket{k.lower, mid, k.below, k.above});
                            } else {
                                // A third architecture is cheapest in between: two
                                // changes in this interval.
                                work.push_back(Bracket{mid, k.upper, at, k.above});
                                work.push_back(Bracket{k.lower, mid, k.below, at});
                            }
                        }
                    });
        if (cancelled) {
            output.status = RunStatus::Cancelled;
            return output;
        }
        for (std::size_t b = 0; b < brackets.size(); ++b) {
            std::sort(found[b].begin(), found[b].end(),
                      [](const BreakEven& x, const BreakEven& y) { return x.value < y.value; });
            r.breakEvens.insert(r.breakEvens.end(), found[b].begin(), found[b].end());
            r.extraRuns += runs[b];
        }
    }
    if (options.progress) {
        options.progress(1.0);
    }
    return output;
}

} // namespace faaslab
