// Every validation rule of the scenario format: each row breaks one thing in
// an otherwise valid scenario and names the path and the reason expected.

#include "models/scenario/architecture_fields.h"
#include "models/scenario/section_fields.h"
#include "models/scenario/scenario_reader.h"
#include "tests/support/broken_rules.h"

#include <QtTest>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

using namespace faaslab;
using Json = nlohmann::ordered_json;

namespace {

const char* const Valid = R"({
  "format": "faaslab.scenario/1",
  "name": "valid",
  "description": "a valid scenario to break",
  "simulation": { "duration_s": 3600, "warmup_s": 60, "seed": 7, "replications": 2,
                  "timeseries_bin_s": 60 },
  "workload": {
    "arrivals": { "process": "poisson", "rate_per_s": 5 },
    "service_time_s": { "dist": "exponential", "mean": 0.2 },
    "memory_mb": 512
  },
  "architectures": [
    { "name": "Lambda", "type": "serverless",
      "cold_start_s": { "dist": "lognormal", "mean": 0.5, "cv": 0.5 },
      "keep_alive_s": 600, "max_instances": 100, "provisioned_instances": 1,
      "concurrency_per_instance": 1, "instance_selection": "most_recently_used",
      "timeout_s": 30, "pricing": { "preset": "aws-lambda-x86" } }
  ]
})";

Json valid() {
    return Json::parse(Valid);
}

// Sets (or with "<remove>", deletes) the member at a JSON pointer.
Json patched(const std::string& pointer, const std::string& value) {
    return test::withBrokenRule(valid(), pointer, value);
}

} // namespace

class ScenarioReaderTest : public QObject {
    Q_OBJECT

private slots:
    void acceptsTheValidBase() {
        const ScenarioReadResult result = ScenarioReader().readText(Valid);
        QVERIFY2(result.ok(),
                 qPrintable(QString::fromStdString(result.diagnostics.format("valid"))));
        const Scenario& s = *result.scenario;
        QCOMPARE(s.simulation.seed, std::uint64_t(7));
        QCOMPARE(s.simulation.replications, 2);
        QCOMPARE(s.workload.arrivals.ratePerS, 5.0);
        const auto& c = std::get<ServerlessConfig>(s.architectures[0].config);
        QCOMPARE(c.provisionedInstances, 1);
        QCOMPARE(c.pricing.info.presetId, std::string("aws-lambda-x86"));
        QCOMPARE(c.pricing.perRequest, 0.2e-6);
    }

    void reportsEachBrokenRule_data() {
        test::addBrokenRuleColumns();
        const auto row = test::addBrokenRule;
        // Document
        row("format missing", "/format", "<remove>", "format",
            "is required (a string) but missing");
        row("format unknown", "/format", R"("faaslab.scenario/9")", "format",
            "unsupported format \"faaslab.scenario/9\"");
        row("format not a string", "/format", "1", "format", "must be a string, got 1");
        row("name missing", "/name", "<remove>", "name", "is required");
        row("name empty", "/name", R"("")", "name", "must not be empty");
        row("name too long", "/name", ("\"" + std::string(201, 'x') + "\"").c_str(), "name",
            "at most 200 characters");
        row("description not text", "/description", "[]", "description",
            "must be a string, got an array");
        row("unknown root key", "/architecture", "[]", "architecture",
            "unknown key; did you mean \"architectures\"?");
        // Simulation
        row("simulation not object", "/simulation", "5", "simulation", "must be an object, got 5");
        row("duration negative", "/simulation/duration_s", "-3", "simulation.duration_s",
            "must be a positive number, got -3");
        row("duration zero", "/simulation/duration_s", "0", "simulation.duration_s",
            "must be a positive number");
        row("duration absurd", "/simulation/duration_s", "1e12", "simulation.duration_s",
            "must be at most 315360000 (10 years)");
        row("duration string", "/simulation/duration_s", R"("1h")", "simulation.duration_s",
            "must be a number, got the string \"1h\"");
        row("duration null", "/simulation/duration_s", "null", "simulation.duration_s",
            "must be a number, got null");
        row("warmup negative", "/simulation/warmup_s", "-1", "simulation.warmup_s",
            "must be a non-negative number");
        row("warmup too long", "/simulation/warmup_s", "3600", "simulation.warmup_s",
            "must be shorter than duration_s (3600)");
        row("seed negative", "/simulation/seed", "-1", "simulation.seed",
            "must be a non-negative whole number, got -1");
        row("seed fractional", "/simulation/seed", "1.5", "simulation.seed",
            "must be a non-negative whole number");
        row("replications zero", "/simulation/replications", "0", "simulation.replications",
            "must be at least 1");
        row("replications fractional", "/simulation/replications", "2.5", "simulation.replications",
            "must be a whole number, got 2.5");
        row("replications absurd", "/simulation/replications", "20000", "simulation.replications",
            "must be at most 10000");
        row("bin zero", "/simulation/timeseries_bin_s", "0", "simulation.timeseries_bin_s",
            "must be a positive number");
        row("bin wider than window", "/simulation/timeseries_bin_s", "7200",
            "simulation.timeseries_bin_s", "must not exceed the measured span");
        row("simulation typo", "/simulation/durations", "5", "simulation.durations",
            "did you mean \"duration_s\"?");
        // Workload
        row("workload missing", "/workload", "<remove>", "workload", "is required (an object)");
        row("arrivals missing", "/workload/arrivals", "<remove>", "workload.arrivals",
            "is required (an object)");
        row("process missing", "/workload/arrivals/process", "<remove>",
            "workload.arrivals.process", "is required");
        row("process typo", "/workload/arrivals/process", R"("possion")",
            "workload.arrivals.process", "did you mean \"poisson\"?");
        row("rate negative (issue example)", "/workload/arrivals/rate_per_s", "-3",
            "workload.arrivals.rate_per_s", "must be a positive number, got -3");
        row("rate missing", "/workload/arrivals/rate_per_s", "<remove>",
            "workload.arrivals.rate_per_s", "is required (a number) but missing");
        row("rate absurd", "/workload/arrivals/rate_per_s", "1e8", "workload.arrivals.rate_per_s",
            "must be at most 10000000 (10 million requests per second)");
        row("rate typo", "/workload/arrivals/rate_per_sec", "5", "workload.arrivals.rate_per_sec",
            "did you mean \"rate_per_s\"?");
        row("key of another process", "/workload/arrivals/amplitude", "0.5",
            "workload.arrivals.amplitude", "is not used here (it belongs to process \"diurnal\")");
        row("on_off rate_on missing", "/workload/arrivals",
            R"({"process": "on_off", "rate_off_per_s": 1, "mean_on_s": 1, "mean_off_s": 1})",
            "workload.arrivals.rate_on_per_s", "is required");
        row("on_off rate_off negative", "/workload/arrivals",
            R"({"process": "on_off", "rate_on_per_s": 5, "rate_off_per_s": -1, "mean_on_s": 1, "mean_off_s": 1})",
            "workload.arrivals.rate_off_per_s", "must be a non-negative number");
        row("on_off mean_on zero", "/workload/arrivals",
            R"({"process": "on_off", "rate_on_per_s": 5, "rate_off_per_s": 0, "mean_on_s": 0, "mean_off_s": 1})",
            "workload.arrivals.mean_on_s", "must be a positive number");
        row("diurnal amplitude above 1", "/workload/arrivals",
            R"({"process": "diurnal", "rate_per_s": 5, "amplitude": 1.5})",
            "workload.arrivals.amplitude", "must be at most 1");
        row("diurnal period zero", "/workload/arrivals",
            R"({"process": "diurnal", "rate_per_s": 5, "amplitude": 0.5, "period_s": 0})",
            "workload.arrivals.period_s", "must be a positive number");
        row("steps not array", "/workload/arrivals", R"({"process": "steps", "steps": 5})",
            "workload.arrivals.steps", "must be an array, got 5");
        row("steps empty", "/workload/arrivals", R"({"process": "steps", "steps": []})",
            "workload.arrivals.steps", "must list between 1 and 100000 steps");
        row("steps first not at zero", "/workload/arrivals",
            R"({"process": "steps", "steps": [{"from_s": 5, "rate_per_s": 1}]})",
            "workload.arrivals.steps[0].from_s", "must be 0 for the first step");
        row("steps out of order", "/workload/arrivals",
            R"({"process": "steps", "steps": [{"from_s": 0, "rate_per_s": 1}, {"from_s": 0, "rate_per_s": 2}]})",
            "workload.arrivals.steps[1].from_s", "must be later than the previous step's (0)");
        row("steps all zero", "/workload/arrivals",
            R"({"process": "steps", "steps": [{"from_s": 0, "rate_per_s": 0}]})",
            "workload.arrivals.steps", "at least one step with a positive rate_per_s");
        row("step not object", "/workload/arrivals", R"({"process": "steps", "steps": [[0, 5]]})",
            "workload.arrivals.steps[0]", "must be an object like");
        row("steps period too short", "/workload/arrivals",
            R"({"process": "steps", "steps": [{"from_s": 0, "rate_per_s": 1}, {"from_s": 100, "rate_per_s": 2}], "period_s": 100})",
            "workload.arrivals.period_s", "must be later than the last step's from_s (100)");
        row("service missing", "/workload/service_time_s", "<remove>", "workload.service_time_s",
            "is required (an object)");
        row("dist missing", "/workload/service_time_s/dist", "<remove>",
            "workload.service_time_s.dist", "is required");
        row("dist typo", "/workload/service_time_s/dist", R"("exponental")",
            "workload.service_time_s.dist", "did you mean \"exponential\"?");
        row("exponential mean zero", "/workload/service_time_s/mean", "0",
            "workload.service_time_s.mean", "must be a positive number");
        row("deterministic negative", "/workload/service_time_s",
            R"({"dist": "deterministic", "value": -0.1})", "workload.service_time_s.value",
            "must be a non-negative number");
        row("duration sample absurd", "/workload/service_time_s",
            R"({"dist": "deterministic", "value": 1e7})", "workload.service_time_s.value",
            "must be at most 1000000");
        row("uniform max below min", "/workload/service_time_s",
            R"({"dist": "uniform", "min": 2, "max": 1})", "workload.service_time_s.max",
            "must be at least min (2), got 1");
        row("lognormal cv zero", "/workload/service_time_s",
            R"({"dist": "lognormal", "mean": 1, "cv": 0})", "workload.service_time_s.cv",
            "must be a positive number");
        row("gamma cv missing", "/workload/service_time_s", R"({"dist": "gamma", "mean": 1})",
            "workload.service_time_s.cv", "is required");
        row("empirical empty", "/workload/service_time_s",
            R"({"dist": "empirical", "samples": []})", "workload.service_time_s.samples",
            "must list at least one observation");
        row("empirical text sample", "/workload/service_time_s",
            R"({"dist": "empirical", "samples": [0.1, "fast"]})",
            "workload.service_time_s.samples[1]", "must be a number, got the string \"fast\"");
        row("empirical negative sample", "/workload/service_time_s",
            R"({"dist": "empirical", "samples": [0.1, -2]})", "workload.service_time_s.samples[1]",
            "must be a non-negative number");
        row("key of another dist", "/workload/service_time_s/cv", "0.5",
            "workload.service_time_s.cv", "is not used here (it belongs to dists \"lognormal\"");
        row("memory missing", "/workload/memory_mb", "<remove>", "workload.memory_mb",
            "is required");
        row("memory zero", "/workload/memory_mb", "0", "workload.memory_mb",
            "must be a positive number");
        row("memory text", "/workload/memory_mb", R"("512")", "workload.memory_mb",
            "must be a number, got the string \"512\"");
        // Architectures
        row("architectures missing", "/architectures", "<remove>", "architectures",
            "is required (an array)");
        row("architectures not array", "/architectures", "{}", "architectures",
            "must be an array, got an object");
        row("architectures empty", "/architectures", "[]", "architectures",
            "must list at least one architecture");
        row("architecture not object", "/architectures/0", "5", "architectures[0]",
            "must be an object, got 5");
        row("architecture name missing", "/architectures/0/name", "<remove>",
            "architectures[0].name", "is required");
        row("architecture name too long", "/architectures/0/name",
            ("\"" + std::string(65, 'n') + "\"").c_str(), "architectures[0].name",
            "at most 64 characters");
        row("type missing", "/architectures/0/type", "<remove>", "architectures[0].type",
            "is required");
        row("type typo", "/architectures/0/type", R"("serverles")", "architectures[0].type",
            "did you mean \"serverless\"?");
        row("cold start missing", "/architectures/0/cold_start_s", "<remove>",
            "architectures[0].cold_start_s", "is required (an object)");
        row("keep-alive negative", "/architectures/0/keep_alive_s", "-5",
            "architectures[0].keep_alive_s", "must be a non-negative number, got -5");
        row("max instances zero", "/architectures/0/max_instances", "0",
            "architectures[0].max_instances", "must be at least 1");
        row("max instances fractional", "/architectures/0/max_instances", "1.5",
            "architectures[0].max_instances", "must be a whole number");
        row("max instances absurd", "/architectures/0/max_instances", "2e6",
            "architectures[0].max_instances", "must be at most 1000000");
        row("provisioned above max", "/architectures/0/provisioned_instances", "101",
            "architectures[0].provisioned_instances", "must not exceed max_instances (100)");
        row("concurrency zero", "/architectures/0/concurrency_per_instance", "0",
            "architectures[0].concurrency_per_instance", "must be at least 1");
        row("selection unknown", "/architectures/0/instance_selection", R"("random")",
            "architectures[0].instance_selection", "must be one of \"most_recently_used\"");
        row("timeout zero", "/architectures/0/timeout_s", "0", "architectures[0].timeout_s",
            "must be a positive number");
        row("architecture typo", "/architectures/0/keepalive_s", "5",
            "architectures[0].keepalive_s", "did you mean \"keep_alive_s\"?");
        // Pricing
        row("pricing missing", "/architectures/0/pricing", "<remove>", "architectures[0].pricing",
            "is required but missing");
        row("pricing a number", "/architectures/0/pricing", "5", "architectures[0].pricing",
            "must be a preset name or an object, got 5");
        row("preset unknown", "/architectures/0/pricing", R"({"preset": "aws-lamda-x86"})",
            "architectures[0].pricing.preset", "did you mean \"aws-lambda-x86\"?");
        row("preset shorthand unknown", "/architectures/0/pricing", R"("azure-function")",
            "architectures[0].pricing", "unknown pricing preset \"azure-function\"");
        row("provisioned without rates", "/architectures/0/pricing",
            R"("azure-functions-consumption")", "architectures[0].provisioned_instances",
            "this price list has no provisioned-concurrency rates");
        row("memory above the offering", "/workload/memory_mb", "20000", "architectures[0].pricing",
            "allows at most 10240 MB of memory, but workload.memory_mb is 20000");
        row("inline without compute rate", "/architectures/0/pricing",
            R"({"per_million_requests": 0.2})", "architectures[0].pricing.per_gb_s", "is required");
        row("inline without request rate", "/architectures/0/pricing", R"({"per_gb_s": 0.00001})",
            "architectures[0].pricing.per_million_requests", "is required");
        row("override negative", "/architectures/0/pricing/per_gb_s", "-1",
            "architectures[0].pricing.per_gb_s", "must be a non-negative number, got -1");
        row("flat and tiered", "/architectures/0/pricing",
            R"({"per_million_requests": 0.2, "per_gb_s": 1, "per_gb_s_tiers": [{"per_gb_s": 1}]})",
            "architectures[0].pricing.per_gb_s_tiers", "give either per_gb_s");
        row("tiers out of order", "/architectures/0/pricing",
            R"({"per_million_requests": 0.2, "per_gb_s_tiers": [{"up_to_gb_s": 10, "per_gb_s": 1}, {"up_to_gb_s": 5, "per_gb_s": 1}, {"per_gb_s": 1}]})",
            "architectures[0].pricing.per_gb_s_tiers[1].up_to_gb_s",
            "must be larger than the previous tier's (10)");
        row("last tier bounded", "/architectures/0/pricing",
            R"({"per_million_requests": 0.2, "per_gb_s_tiers": [{"up_to_gb_s": 10, "per_gb_s": 1}]})",
            "architectures[0].pricing.per_gb_s_tiers[0].up_to_gb_s",
            "must be absent on the last tier");
        row("ghz without memory tiers", "/architectures/0/pricing",
            R"({"per_million_requests": 0.2, "per_gb_s": 1, "per_ghz_s": 1})",
            "architectures[0].pricing.per_ghz_s", "needs memory_tiers");
        row("granularity zero", "/architectures/0/pricing/granularity_ms", "0",
            "architectures[0].pricing.granularity_ms", "must be at least 1e-06, got 0");
        row("pricing typo", "/architectures/0/pricing/granularity", "5",
            "architectures[0].pricing.granularity", "did you mean \"granularity_ms\"?");
        row("free tier typo", "/architectures/0/pricing/free_tier", R"({"requets": 5})",
            "architectures[0].pricing.free_tier.requets", "did you mean \"requests\"?");
        row("inline provisioned rates incomplete", "/architectures/0/pricing",
            R"({"per_million_requests": 0.2, "per_gb_s": 1, "provisioned": {"per_gb_s": 0.1}})",
            "architectures[0].pricing.provisioned.execution_per_gb_s", "is required");
        row("apply_free_tier not boolean", "/architectures/0/pricing/apply_free_tier", R"("yes")",
            "architectures[0].pricing.apply_free_tier", "must be true or false");
        row("granularity below a nanosecond", "/architectures/0/pricing/granularity_ms", "1e-12",
            "architectures[0].pricing.granularity_ms", "must be at least");
        // Scale
        row("too many requests", "/simulation/duration_s", "300000000", "simulation.duration_s",
            "more than the limit of 1e+12");
        row("too many requests in steps", "/workload/arrivals",
            R"({"process": "steps", "steps": [{"from_s": 0, "rate_per_s": 10000000}, {"from_s": 2000000, "rate_per_s": 0}]})",
            "simulation.duration_s", "more than the limit of 1e+12");
        row("too many requests in flight", "/workload/service_time_s",
            R"({"dist": "exponential", "mean": 2000000})", "workload.service_time_s.mean",
            "must be at most 1000000");
        row("too many requests in flight at the peak", "/workload/arrivals",
            R"({"process": "diurnal", "rate_per_s": 4000000, "amplitude": 1})", "workload",
            "requests in service at once");
        // The generator's work between arrivals: 2 x 3600 s / 2e-9 s x 2
        // replications changes of state, with about one arrival a second.
        row("too many on/off changes", "/workload/arrivals",
            R"({"process": "on_off", "rate_on_per_s": 1, "rate_off_per_s": 0, "mean_on_s": 1e-9, "mean_off_s": 1e-9})",
            "workload.arrivals", "change rate about 7.2e+12 times in all");
        row("too many step boundaries", "/workload/arrivals",
            R"({"process": "steps", "steps": [{"from_s": 0, "rate_per_s": 1e-12}], "period_s": 1e-9})",
            "workload.arrivals", "more than the limit of 1e+12; lengthen the phases or the period");
    }
    void reportsEachBrokenRule() {
        QFETCH(QString, pointer);
        QFETCH(QString, value);
        QFETCH(QString, path);
        QFETCH(QString, reason);
        Json document = patched(pointer.toStdString(), value.toStdString());
        if (pointer == "/simulation/duration_s" && value == "300000000") {
            document["workload"]["arrivals"]["rate_per_s"] = 5000;
        }
        if (path == "simulation.duration_s" && pointer == "/workload/arrivals") {
            document["simulation"]["duration_s"] = 1e7; // steps schedule runs to 2e6 s
        }
        if (path == "workload" && pointer == "/workload/arrivals") {
            // Peak 8e6/s x 1 s in service; 60 s keeps the request count legal.
            document["workload"]["service_time_s"]["mean"] = 1.0;
            document["simulation"]["duration_s"] = 60;
            document["simulation"]["warmup_s"] = 0;
        }
        const std::string mismatch = test::brokenRuleMismatch(
            ScenarioReader().readText(document.dump(2)), path.toStdString(), reason.toStdString());
        QVERIFY2(mismatch.empty(), mismatch.c_str());
    }

    // The field table (architecture_fields.h) is the one list of each
    // type's keys and defaults: every key it lists is read by its type, a
    // number it gives a default for reads the same written out as left out,
    // and a key of another type is reported as belonging there.
    void architectureFieldTableMatchesTheReader_data() {
        QTest::addColumn<QString>("type");
        for (const std::string_view type : ArchitectureTypes) {
            QTest::newRow(std::string(type).c_str()) << QString::fromUtf8(type.data(), type.size());
        }
    }
    void architectureFieldTableMatchesTheReader() {
        QFETCH(QString, type);
        Json base = valid();
        Json& arch = base["architectures"][0];
        arch = Json{{"name", "A"}, {"type", type.toStdString()}};
        if (type == "serverless") {
            arch["pricing"] = "aws-lambda-x86";
            arch["keep_alive_policy"] = "hybrid_histogram";
            arch["hybrid_histogram"] = Json::object();
            arch["cold_start_s"] = Json{{"dist", "deterministic"}, {"value", 0.5}};
        } else if (type == "container") {
            arch["pricing"] = "gcp-cloud-run-request";
            arch["autoscaler"] = Json::object();
            arch["startup_s"] = Json{{"dist", "deterministic"}, {"value", 5}};
        } else {
            arch["pricing"] = "aws-ec2-c5-large";
            arch["autoscaling"] = Json{{"min_instances", 1},
                                       {"max_instances", 4},
                                       {"boot_s", Json{{"dist", "deterministic"}, {"value", 60}}}};
            arch["instances"] = 2;
        }
        const ScenarioReadResult without = ScenarioReader().readJson(base);
        QVERIFY2(without.ok(), without.diagnostics.format("base").c_str());
        int checked = 0;
        for (const ArchitectureField& field : architectureFields(type.toStdString())) {
            if (!field.defaultValue) {
                continue;
            }
            Json written = base;
            written["architectures"][0][Json::json_pointer("/" + field.key)] = *field.defaultValue;
            const ScenarioReadResult with = ScenarioReader().readJson(written);
            QVERIFY2(with.ok(), (field.key + ": " + with.diagnostics.format("with")).c_str());
            QVERIFY2(with.scenario->architectures[0].config ==
                         without.scenario->architectures[0].config,
                     (field.key + " written as its default reads differently").c_str());
            ++checked;
        }
        QVERIFY(checked >= 5);
        // A key of another type only.
        const std::string other = type == "vm" ? "keep_alive_s" : "queue_capacity";
        const std::string owner = type == "vm" ? "\"serverless\"" : "\"vm\"";
        Json foreign = base;
        foreign["architectures"][0][other] = 1;
        const ScenarioReadResult result = ScenarioReader().readJson(foreign);
        const Diagnostic* d = result.diagnostics.find("architectures[0]." + other);
        QVERIFY(d != nullptr);
        QCOMPARE(QString::fromStdString(d->message),
                 QString::fromStdString("is not used here (it belongs to type " + owner + ")"));
    }

    // section_fields.h gives the defaults of the simulation section and of
    // the arrival processes' optional keys: each reads the same written out
    // as left out, and a key outside the table has no default.
    void sectionFieldDefaultsMatchTheReader() {
        Json base = valid();
        base["simulation"] = Json::object();
        base["workload"]["arrivals"] =
            Json{{"process", "diurnal"}, {"rate_per_s", 5}, {"amplitude", 0.5}};
        const ScenarioReadResult without = ScenarioReader().readJson(base);
        QVERIFY2(without.ok(), without.diagnostics.format("base").c_str());
        int checked = 0;
        for (const char* key :
             {"duration_s", "warmup_s", "seed", "replications", "timeseries_bin_s"}) {
            const auto value = simulationFieldDefault(key);
            QVERIFY2(value.has_value(), key);
            Json written = base;
            // Whole numbers as a file would hold them ("seed": 1, not 1.0).
            if (*value == std::floor(*value)) {
                written["simulation"][key] = static_cast<std::int64_t>(*value);
            } else {
                written["simulation"][key] = *value;
            }
            const ScenarioReadResult with = ScenarioReader().readJson(written);
            QVERIFY2(with.ok(), with.diagnostics.format(key).c_str());
            QVERIFY2(with.scenario->simulation == without.scenario->simulation, key);
            ++checked;
        }
        for (const char* key : {"period_s", "peak_time_s"}) {
            const auto value = arrivalFieldDefault("diurnal", key);
            QVERIFY2(value.has_value(), key);
            Json written = base;
            written["workload"]["arrivals"][key] = *value;
            const ScenarioReadResult with = ScenarioReader().readJson(written);
            QVERIFY2(with.ok(), with.diagnostics.format(key).c_str());
            QVERIFY2(with.scenario->workload.arrivals == without.scenario->workload.arrivals, key);
            ++checked;
        }
        QCOMPARE(checked, 7);
        QCOMPARE(arrivalFieldDefault("trace", "time_scale"), std::optional<double>(1.0));
        QVERIFY(!arrivalFieldDefault("diurnal", "rate_per_s")); // required
        QVERIFY(!arrivalFieldDefault("poisson", "period_s"));   // not a poisson key
        QVERIFY(!simulationFieldDefault("name"));
    }

    void aKeyOfTwoOtherTypesNamesBoth() {
        Json document = valid();
        document["architectures"][0] = Json{{"name", "VMs"},
                                            {"type", "vm"},
                                            {"instances", 2},
                                            {"max_instances", 10},
                                            {"pricing", "aws-ec2-c5-large"}};
        const ScenarioReadResult result = ScenarioReader().readJson(document);
        const Diagnostic* d = result.diagnostics.find("architectures[0].max_instances");
        QVERIFY(d != nullptr);
        QCOMPARE(QString::fromStdString(d->message),
                 QString("is not used here (it belongs to types \"serverless\" and "
                         "\"container\")"));
    }

    void formatsTheIssueExampleExactly() {
        const std::string text = patched("/workload/arrivals/rate_per_s", "-3").dump(2);
        const ScenarioReadResult result = ScenarioReader().readText(text);
        const Diagnostic* d = result.diagnostics.find("workload.arrivals.rate_per_s");
        QVERIFY(d != nullptr);
        // dump(2) writes: 1 "{", 2 format, 3 name, 4 description,
        // 5-11 simulation (five members), 12 "workload": {, 13 "arrivals": {,
        // 14 process, 15 `      "rate_per_s": -3`: six spaces, the 12-character
        // key, ':', a space, so the value starts in column 21.
        QCOMPARE(QString::fromStdString(d->format("api.json")),
                 QString("api.json:15:21: workload.arrivals.rate_per_s: must be a positive "
                         "number, got -3"));
    }

    void reportsEveryProblemInOnePass() {
        Json document = valid();
        document["simulation"]["seed"] = -1;
        document["workload"]["memory_mb"] = 0;
        document["architectures"][0]["keep_alive_s"] = -1;
        const ScenarioReadResult result = ScenarioReader().readText(document.dump());
        QCOMPARE(result.diagnostics.items().size(), std::size_t(3));
    }

    void rejectsDuplicateArchitectureNames() {
        Json document = valid();
        document["architectures"].push_back(document["architectures"][0]);
        const ScenarioReadResult result = ScenarioReader().readText(document.dump());
        const Diagnostic* d = result.diagnostics.find("architectures[1].name");
        QVERIFY(d != nullptr);
        QVERIFY(d->message.find("already the name of architectures[0]") != std::string::npos);
    }

    void rejectsDuplicateKeys() {
        const ScenarioReadResult result = ScenarioReader().readText(
            R"({"format": "faaslab.scenario/1", "name": "a", "name": "b"})");
        const Diagnostic* d = result.diagnostics.find("name");
        QVERIFY(d != nullptr);
        QVERIFY(d->message.find("more than once") != std::string::npos);
        QCOMPARE(d->column, 55); // the repeated value
    }

    void locatesSyntaxErrors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("reason");
        // Positions are those of the start of the offending token.
        QTest::newRow("missing comma")
            << "{\n  \"a\": 1\n  \"b\": 2\n}" << 3 << 3 << "unexpected string literal";
        QTest::newRow("trailing comma") << "{\n  \"a\": 1,\n}" << 3 << 1 << "unexpected '}'";
        QTest::newRow("unterminated") << "{ \"a\": [1, 2" << 1 << 13 << "unexpected end of input";
        QTest::newRow("overflow") << "{\n \"a\": 1e999 }" << 2 << 7 << "number overflow";
        QTest::newRow("nan literal") << "{ \"a\": NaN }" << 1 << 8 << "syntax error";
        QTest::newRow("misspelt literal") << "{ \"a\": tru }" << 1 << 8 << "invalid literal";
        QTest::newRow("empty") << "" << 1 << 1 << "unexpected end of input";
    }
    void locatesSyntaxErrors() {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, reason);
        const ScenarioReadResult result = ScenarioReader().readText(text.toStdString());
        QCOMPARE(result.diagnostics.items().size(), std::size_t(1));
        const Diagnostic& d = result.diagnostics.items().front();
        QVERIFY2(d.message.find(reason.toStdString()) != std::string::npos, d.message.c_str());
        QCOMPARE(d.line, line);
        QCOMPARE(d.column, column);
    }

    // Documents built in code (the GUI, sweeps) hold integers as signed.
    void acceptsSignedIntegersFromDocumentsBuiltInCode() {
        Json document = valid();
        document["simulation"]["seed"] = std::int64_t{42};
        document["architectures"][0]["max_instances"] = std::int64_t{7};
        const ScenarioReadResult result = ScenarioReader().readJson(document);
        QVERIFY(result.ok());
        QCOMPARE(result.scenario->simulation.seed, std::uint64_t(42));
    }

    void rejectsNonJsonRoots() {
        QVERIFY(ScenarioReader().readText("[1, 2]").diagnostics.items().front().message.find(
                    "must be a JSON object, got an array") != std::string::npos);
    }

    void reportsFileProblems() {
        const ScenarioReader reader;
        QVERIFY(reader.readFile("/nonexistent/scenario.json")
                    .diagnostics.items()
                    .front()
                    .message.find("no such file") != std::string::npos);
        const QString binary = QDir::temp().filePath("faaslab-binary.json");
        {
            std::ofstream out(binary.toStdString(), std::ios::binary);
            out.write("{\0}", 3);
        }
        const auto result = reader.readFile(binary.toStdString());
        QVERIFY(result.diagnostics.items().front().message.find("NUL byte") != std::string::npos);
        QFile::remove(binary);
    }
};

QTEST_APPLESS_MAIN(ScenarioReaderTest)
#include "tst_scenario_reader.moc"
