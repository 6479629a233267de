#include "app/gui/document/scenario_templates.h"

#include <charconv>

namespace faaslab::gui {

using Json = nlohmann::ordered_json;

namespace {

double numberOr(const Json& object, const char* key, double fallback) {
    return object.is_object() && object.contains(key) && object[key].is_number()
               ? object[key].get<double>()
               : fallback;
}

// A value derived from one the user wrote, without the binary rounding of
// the arithmetic: 0.6 * 1.5 is 0.8999999999999999 as a double, and the form
// would show that where 0.9 is meant. Twelve significant digits keep every
// value a person writes.
double tidy(double value) {
    char buffer[32];
    const auto written =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 12);
    double result = value;
    std::from_chars(buffer, written.ptr, result);
    return result;
}

} // namespace

Json arrivalsTemplate(const std::string& process, const Json& previous) {
    const double rate = numberOr(previous, "rate_per_s", numberOr(previous, "rate_on_per_s", 5.0));
    if (process == "on_off") {
        return Json{{"process", "on_off"},
                    {"rate_on_per_s", tidy(rate * 4.0)},
                    {"rate_off_per_s", tidy(rate / 10.0)},
                    {"mean_on_s", 60.0},
                    {"mean_off_s", 300.0}};
    }
    if (process == "diurnal") {
        return Json{{"process", "diurnal"},
                    {"rate_per_s", rate},
                    {"amplitude", 0.5},
                    {"period_s", 86400},
                    {"peak_time_s", 50400}};
    }
    if (process == "steps") {
        return Json{
            {"process", "steps"},
            {"steps", Json::array({Json{{"from_s", 0}, {"rate_per_s", rate}},
                                   Json{{"from_s", 3600}, {"rate_per_s", tidy(rate * 2.0)}}})},
            {"period_s", 7200}};
    }
    if (process == "trace") {
        // Chosen with the Browse button; until then the reader says a file is needed.
        return Json{{"process", "trace"}, {"format", "timestamps"}, {"file", ""}};
    }
    return Json{{"process", process}, {"rate_per_s", rate}};
}

Json distributionTemplate(const std::string& dist, const Json& previous) {
    const double mean = numberOr(previous, "mean", numberOr(previous, "value", 0.2));
    if (dist == "deterministic") {
        return Json{{"dist", dist}, {"value", mean}};
    }
    if (dist == "exponential") {
        return Json{{"dist", dist}, {"mean", mean}};
    }
    if (dist == "uniform") {
        return Json{{"dist", dist}, {"min", tidy(mean / 2.0)}, {"max", tidy(mean * 1.5)}};
    }
    if (dist == "empirical") {
        return Json{{"dist", dist},
                    {"samples", Json::array({tidy(mean / 2.0), mean, tidy(mean * 1.5)})}};
    }
    return Json{{"dist", dist}, {"mean", mean}, {"cv", numberOr(previous, "cv", 1.0)}};
}

Json architectureTemplate(const std::string& type, const std::string& name) {
    if (type == "container") {
        return Json{{"name", name},
                    {"type", "container"},
                    {"vcpu", 1},
                    {"memory_mb", 1024},
                    {"concurrency_per_instance", 80},
                    {"queue_timeout_s", 60},
                    {"min_instances", 0},
                    {"max_instances", 100},
                    {"startup_s", Json{{"dist", "lognormal"}, {"mean", 3}, {"cv", 0.3}}},
                    {"autoscaler", Json{{"interval_s", 2},
                                        {"window_s", 60},
                                        {"target_utilization", 0.7},
                                        {"scale_down_delay_s", 60},
                                        {"cpu_target_utilization", 0.6}}},
                    {"pricing", "gcp-cloud-run-request"}};
    }
    if (type == "vm") {
        return Json{{"name", name},
                    {"type", "vm"},
                    {"instances", 2},
                    {"dispatch", "central_queue"},
                    {"queue_capacity", 1000},
                    {"queue_timeout_s", 30},
                    {"pricing", "aws-ec2-m5-large"}};
    }
    return Json{{"name", name},
                {"type", "serverless"},
                {"cold_start_s", Json{{"dist", "lognormal"}, {"mean", 0.5}, {"cv", 0.5}}},
                {"keep_alive_s", 600},
                {"max_instances", 1000},
                {"provisioned_instances", 0},
                {"concurrency_per_instance", 1},
                {"instance_selection", "most_recently_used"},
                {"timeout_s", 900},
                {"pricing", "aws-lambda-x86"}};
}

} // namespace faaslab::gui
