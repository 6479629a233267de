// Format-2 (application) scenarios: every rule the reader applies to
// functions, queues, triggers, edges and their architectures gives a message
// at the right JSON path that says what is wrong and, for names, what was
// meant. Each row breaks one rule of an otherwise valid application.

#include "models/scenario/scenario_reader.h"
#include "tests/support/broken_rules.h"

#include <QtTest>
#include <nlohmann/json.hpp>

using namespace faaslab;
using Json = nlohmann::json;

namespace {

// Every trigger and edge type once.
const char* Valid = R"({ "format": "faaslab.scenario/2", "name": "shop",
  "simulation": { "duration_s": 3600, "seed": 1 },
  "application": {
    "functions": [
      { "name": "api", "service_time_s": { "dist": "deterministic", "value": 0.1 }, "memory_mb": 256 },
      { "name": "resize", "service_time_s": { "dist": "exponential", "mean": 1 }, "memory_mb": 1024 },
      { "name": "collect", "service_time_s": { "dist": "deterministic", "value": 0.2 }, "memory_mb": 256 },
      { "name": "orders", "service_time_s": { "dist": "deterministic", "value": 0.5 }, "memory_mb": 512 }
    ],
    "queues": [ { "name": "order-queue", "consumer": "orders", "batch_size": 5 } ],
    "triggers": [
      { "name": "web", "type": "http", "function": "api", "arrivals": { "process": "poisson", "rate_per_s": 1 } },
      { "name": "nightly", "type": "timer", "function": "collect", "period_s": 600, "jitter_s": 10 },
      { "name": "uploads", "type": "storage", "function": "resize", "burst_rate_per_s": 0.01, "burst_size": 5 },
      { "name": "partners", "type": "queue", "queue": "order-queue", "arrivals": { "process": "poisson", "rate_per_s": 0.5 } }
    ],
    "edges": [
      { "type": "chain", "from": "api", "to": "resize" },
      { "type": "fan_out", "from": "resize", "to": "collect", "copies": 3, "fan_in": "orders" },
      { "type": "queue", "from": "api", "queue": "order-queue" }
    ]
  },
  "architectures": [
    { "name": "Lambda", "type": "serverless", "cold_start_s": { "dist": "deterministic", "value": 0.3 }, "pricing": "aws-lambda-x86" },
    { "name": "VM", "type": "vm", "instances": 2, "pricing": "aws-ec2-t3-medium", "function_pools": "per_function" }
  ]
})";

} // namespace

class ApplicationReaderTest : public QObject {
    Q_OBJECT

private slots:
    void acceptsTheValidBase() {
        const ScenarioReadResult result = ScenarioReader().readText(Valid);
        QVERIFY2(result.scenario.has_value(), result.diagnostics.format("base").c_str());
        QVERIFY(result.scenario->application.has_value());
        QCOMPARE(result.scenario->application->functions.size(), std::size_t(4));
        QCOMPARE(result.scenario->application->triggers.size(), std::size_t(4));
        QCOMPARE(result.scenario->application->edges.size(), std::size_t(3));
    }

    void reportsEachBrokenRule_data() {
        test::addBrokenRuleColumns();
        const auto row = test::addBrokenRule;
        row("misspelt function", "/application/edges/0/to", R"("resise")",
            "application.edges[0].to", "did you mean \"resize\"");
        row("misspelt queue", "/application/edges/2/queue", R"("order-queu")",
            "application.edges[2].queue", "did you mean \"order-queue\"");
        row("unknown consumer lists the functions", "/application/queues/0/consumer", R"("nobody")",
            "application.queues[0].consumer",
            "the functions are \"api\", \"collect\", \"orders\", \"resize\"");
        row("cycle", "/application/edges/3", R"({"type": "chain", "from": "orders", "to": "api"})",
            "application.edges", "cycle (api -> resize -> orders -> api)");
        row("self loop", "/application/edges/3",
            R"({"type": "chain", "from": "orders", "to": "orders"})", "application.edges",
            "cycle (orders -> orders)");
        row("workload in format 2", "/workload", R"({})", "workload",
            "belongs to format \"faaslab.scenario/1\"");
        row("function pools on serverless", "/architectures/0/function_pools", R"("shared")",
            "architectures[0].function_pools", "serverless functions always scale on their own");
        row("unknown function pools", "/architectures/1/function_pools", R"("each")",
            "architectures[1].function_pools", "must be one of \"shared\", \"per_function\"");
        row("jitter of a whole period", "/application/triggers/1/jitter_s", R"(600)",
            "application.triggers[1].jitter_s", "must be shorter than period_s (600)");
        row("timer key on http", "/application/triggers/0/period_s", R"(5)",
            "application.triggers[0].period_s", "it belongs to type \"timer\"");
        row("duplicate function", "/application/functions/1/name", R"("api")",
            "application.functions[1].name", "already the name of functions[0]");
        row("no copies", "/application/edges/1/copies", R"(0)", "application.edges[1].copies",
            "must be at least 1");
        row("fractional copies", "/application/edges/1/copies", R"(2.5)",
            "application.edges[1].copies", "must be a whole number");
        row("too many copies on average", "/application/edges/1/copies",
            R"({"dist": "exponential", "mean": 1000000})", "application.edges[1].copies",
            "mean of at most 100000");
        row("copies on a chain", "/application/edges/0/copies", R"(3)",
            "application.edges[0].copies", "it belongs to type \"fan_out\"");
        row("unknown edge type", "/application/edges/0/type", R"("pipe")",
            "application.edges[0].type", "must be one of \"chain\", \"fan_out\", \"queue\"");
        row("unknown trigger type", "/application/triggers/0/type", R"("cron")",
            "application.triggers[0].type",
            "must be one of \"http\", \"timer\", \"storage\", \"queue\"");
        row("no functions", "/application/functions", R"([])", "application.functions",
            "must list at least one item");
        row("function without memory", "/application/functions/0/memory_mb", R"(<remove>)",
            "application.functions[0].memory_mb", "is required");
        row("backoff limit below backoff", "/application/async",
            R"({"throttle_backoff_s": 10, "throttle_backoff_max_s": 5})",
            "application.async.throttle_backoff_max_s",
            "must not be shorter than throttle_backoff_s (10)");
        row("batch of no messages", "/application/queues/0/batch_size", R"(0)",
            "application.queues[0].batch_size", "must be at least 1");
        // 100,000 copies of "collect", each fanning out to up to 100
        // "orders": one web request can start 1 + 1 + 100,000 x 101
        // invocations at once. Reported where the product passes the limit.
        row("nested fan-outs beyond what can be in flight", "/application/edges",
            R"([{"type": "chain", "from": "api", "to": "resize"},
                {"type": "fan_out", "from": "resize", "to": "collect", "copies": 100000},
                {"type": "fan_out", "from": "collect", "to": "orders",
                 "copies": {"dist": "uniform", "min": 1, "max": 100}}])",
            "application.edges[1].copies",
            "one event of trigger \"web\" can start up to 10100002 function invocations at once");
        // A distribution without an upper bound counts as 100,000 copies.
        row("nested unbounded fan-outs", "/application/edges",
            R"([{"type": "fan_out", "from": "api", "to": "resize",
                 "copies": {"dist": "exponential", "mean": 2}},
                {"type": "fan_out", "from": "resize", "to": "collect",
                 "copies": {"dist": "lognormal", "mean": 2, "cv": 1}}])",
            "application.edges[0].copies", "can start up to 10000100001 function invocations");
        row("too many on/off changes of a trigger", "/application/triggers/0/arrivals",
            R"({"process": "on_off", "rate_on_per_s": 1, "rate_off_per_s": 0, "mean_on_s": 1e-9, "mean_off_s": 1e-9})",
            "application.triggers[0].arrivals", "change rate about 7.2e+12 times in all");
        row("application in format 1", "/format", R"("faaslab.scenario/1")", "application",
            "applications need format \"faaslab.scenario/2\"");
    }
    void reportsEachBrokenRule() {
        QFETCH(QString, pointer);
        QFETCH(QString, value);
        QFETCH(QString, path);
        QFETCH(QString, reason);
        const Json document =
            test::withBrokenRule(Json::parse(Valid), pointer.toStdString(), value.toStdString());
        const std::string mismatch = test::brokenRuleMismatch(
            ScenarioReader().readText(document.dump(2)), path.toStdString(), reason.toStdString());
        QVERIFY2(mismatch.empty(), mismatch.c_str());
    }

    // Two storage triggers whose bursts alone pass the in-flight limit (no
    // fan-out passes it, so neither has an edge to blame): both are
    // reported, each at its own burst_size.
    void reportsEveryBurstBeyondWhatCanBeInFlight() {
        Json document = Json::parse(Valid);
        Json& app = document["application"];
        app["edges"][1]["copies"] = 200; // resize causes 1 + 200 + 1 invocations
        app["triggers"][2]["burst_size"] = 100000;
        Json second = app["triggers"][2];
        second["name"] = "more-uploads";
        app["triggers"].push_back(second);
        const ScenarioReadResult result = ScenarioReader().readText(document.dump(2));
        QVERIFY(!result.ok());
        std::vector<std::string> paths;
        for (const Diagnostic& d : result.diagnostics.items()) {
            QVERIFY2(d.message.find("can start up to 20200000 function invocations") !=
                         std::string::npos,
                     d.message.c_str());
            paths.push_back(d.path);
        }
        QCOMPARE(paths, (std::vector<std::string>{"application.triggers[2].burst_size",
                                                  "application.triggers[4].burst_size"}));
    }
};

QTEST_APPLESS_MAIN(ApplicationReaderTest)
#include "tst_application_reader.moc"
