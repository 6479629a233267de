#include "models/results/metric_keys.h"
#include "models/report/results_writer.h"
#include "models/runner/scenario_runner.h"
#include "tests/support/test_scenarios.h"

#include <QtTest>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace faaslab;
using Json = nlohmann::json;

namespace {

// (No escaped quotes inside the raw string: moc 6.4 reads \" there as an
// escape and then fails to find the test class.)
std::string scenarioJson(int replications) {
    auto document = nlohmann::ordered_json::parse(R"({
      "format": "faaslab.scenario/1", "name": "writer",
      "simulation": { "duration_s": 1800, "seed": 3, "replications": 1, "timeseries_bin_s": 300 },
      "workload": { "arrivals": { "process": "poisson", "rate_per_s": 2 },
                    "service_time_s": { "dist": "exponential", "mean": 0.3 }, "memory_mb": 256 },
      "architectures": [
        { "name": "Lambda, x86", "type": "serverless",
          "cold_start_s": { "dist": "exponential", "mean": 0.4 }, "pricing": "aws-lambda-x86" },
        { "name": "GCF", "type": "serverless",
          "cold_start_s": { "dist": "exponential", "mean": 0.9 },
          "pricing": "gcp-cloud-functions-gen1" } ] })");
    document["name"] = "writer, \"quoted\"";
    document["simulation"]["replications"] = replications;
    return document.dump();
}

ScenarioResults run(int replications) {
    return runScenario(test::scenarioFromJson(scenarioJson(replications))).results;
}

} // namespace

class ResultsWriterTest : public QObject {
    Q_OBJECT

private slots:
    // The fields the results format promises (docs/results-format.md).
    void jsonHasEveryDocumentedField() {
        const Json j = Json::parse(resultsToJsonText(run(1)));
        QCOMPARE(j["format"].get<std::string>(), std::string("faaslab.results/1"));
        QCOMPARE(j["seed"].get<int>(), 3);
        QCOMPARE(j["architectures"].size(), std::size_t(2));
        for (const Json& a : j["architectures"]) {
            for (const char* key :
                 {"name", "type", "cold_start_probability", "rejection_probability", "utilization",
                  "latency_cdf", "timeseries", "pricing"}) {
                QVERIFY2(a.contains(key), key);
            }
            for (const char* key :
                 {"arrived", "completed", "rejected", "timed_out", "cold_starts"}) {
                QVERIFY2(a["requests"].contains(key), key);
            }
            for (const char* key : {"mean", "p50", "p95", "p99", "max"}) {
                QVERIFY2(a["latency_s"].contains(key), key);
            }
            for (const char* key : {"mean", "max", "busy_mean", "idle_mean"}) {
                QVERIFY2(a["instances"].contains(key), key);
            }
            for (const char* key : {"total", "per_million_requests", "monthly_projection"}) {
                QVERIFY2(a["cost"][key].is_number(), key);
            }
            for (const char* key : {"requests", "compute", "provisioned"}) {
                QVERIFY2(a["cost"]["breakdown"].contains(key), key);
            }
            QVERIFY(!a.contains("ci95"));
            QCOMPARE(a["timeseries"]["columns"]["arrivals_per_s"].size(), std::size_t(6));
            QVERIFY(a["pricing"]["source_url"].get<std::string>().starts_with("https://"));
        }
    }

    void replicationsAddHalfWidthsWithTheSameShape() {
        const Json j = Json::parse(resultsToJsonText(run(4)));
        const Json& a = j["architectures"][0];
        QVERIFY(a.contains("ci95"));
        QVERIFY(a["ci95"]["latency_s"]["mean"].get<double>() > 0.0);
        QVERIFY(a["ci95"]["cost"]["total"].get<double>() > 0.0);
        QVERIFY(a["ci95"]["requests"]["arrived"].get<double>() > 0.0);
    }

    void emptyBinsWriteNullNotZero() {
        ScenarioResults r = run(1);
        r.architectures[0]
            .series.values[r.architectures[0].series.columnIndex("latency_mean_s")][0] =
            std::numeric_limits<double>::quiet_NaN();
        const Json j = Json::parse(resultsToJsonText(r));
        QVERIFY(j["architectures"][0]["timeseries"]["columns"]["latency_mean_s"][0].is_null());
    }

    // A CSV file on its own still says what computed it, in comment lines
    // that readers skip (pandas: comment='#'); no clock time, so the same
    // run writes the same bytes.
    void csvFilesOpenWithTheirContext() {
        const ScenarioResults results = run(2);
        const std::string expected = "# scenario: writer, \"quoted\"\n"
                                     "# software: FaaS Lab " +
                                     softwareVersion() +
                                     "\n"
                                     "# seed: 3\n"
                                     "# replications: 2\n"
                                     "# duration_s: 1800\n"
                                     "# warmup_s: 0\n";
        for (const std::string& csv : {resultsSummaryCsv(results), resultsTimeSeriesCsv(results)}) {
            QVERIFY2(csv.starts_with(expected), csv.substr(0, 300).c_str());
            QVERIFY(csv.substr(expected.size()).starts_with("architecture,"));
        }
        QCOMPARE(resultsSummaryCsv(run(2)), resultsSummaryCsv(results));
        // A line break in a name cannot end the comment early.
        QCOMPARE(csvComments({{"scenario", "two\nlines"}, {"seed", "1"}}),
                 std::string("# scenario: two lines\n# seed: 1\n"));
    }

    // Numbers are the shortest text that reads back as the same double:
    // 0.1 stays "0.1", not 0.10000000000000001.
    void csvNumbersAreShortestRoundTrip() {
        ScenarioResults results = run(1);
        results.architectures[0].mean.set("requests.arrived", 0.1);
        results.architectures[0].mean.set("latency_s.p99", 1.0 / 3.0);
        const std::string csv = resultsSummaryCsv(results);
        QVERIFY(csv.find("\n\"Lambda, x86\",serverless,1,0.1,") != std::string::npos);
        QVERIFY(csv.find(",0.3333333333333333") != std::string::npos);
        QVERIFY(csv.find("0.33333333333333331") == std::string::npos);
    }

    void summaryCsvHasAHeaderAndOneQuotedRowPerArchitecture() {
        const std::string csv = resultsSummaryCsv(run(2));
        std::istringstream lines(csv);
        std::string header;
        while (std::getline(lines, header) && header.starts_with('#')) {
        }
        QVERIFY(header.starts_with("architecture,type,replications,requests.arrived"));
        QVERIFY(header.find(",ci95.latency_s.p99") != std::string::npos);
        std::string row;
        std::getline(lines, row);
        QVERIFY(row.starts_with("\"Lambda, x86\",serverless,2,"));
        const auto columns = [](const std::string& line) {
            int count = 1;
            bool quoted = false;
            for (char c : line) {
                quoted = c == '"' ? !quoted : quoted;
                count += (c == ',' && !quoted) ? 1 : 0;
            }
            return count;
        };
        QCOMPARE(columns(row), columns(header));
        std::getline(lines, row);
        QVERIFY(row.starts_with("GCF,"));
    }

    void timeSeriesCsvHasOneRowPerArchitectureAndBin() {
        const std::string csv = resultsTimeSeriesCsv(run(1));
        QVERIFY(csv.find("\narchitecture,bin_start_s,bin_end_s,arrivals_per_s,") !=
                std::string::npos);
        QCOMPARE(std::count(csv.begin(), csv.end(), '\n'), 6 + 1 + 2 * 6);
        QVERIFY(csv.find("\n\"Lambda, x86\",1500,1800,") != std::string::npos);
    }

    // The results documentation lists every metric the catalog defines.
    void documentationCoversEveryMetric() {
        QFile doc(QString::fromStdString(test::sourcePath("docs/results-format.md")));
        QVERIFY(doc.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(doc.readAll());
        for (const MetricInfo& info : metricCatalog()) {
            const QString key = QString::fromUtf8(info.key.data(), qsizetype(info.key.size()));
            QVERIFY2(text.contains("`" + key + "`"), qPrintable(key));
        }
    }

    void csvFieldsAreQuotedPerRfc4180() {
        QCOMPARE(csvField("plain"), std::string("plain"));
        QCOMPARE(csvField("a,b"), std::string("\"a,b\""));
        QCOMPARE(csvField("say \"hi\""), std::string("\"say \"\"hi\"\"\""));
    }
};

QTEST_APPLESS_MAIN(ResultsWriterTest)
#include "tst_results_writer.moc"
