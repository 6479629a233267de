// faaslab-cli as a user drives it: exit codes, messages, output files.

#include "tests/support/process_run.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>
#include <nlohmann/json.hpp>

namespace {

using Outcome = faaslab::test::ProcessOutcome;

Outcome cli(const QStringList& arguments, int timeoutMs = 60000) {
    return faaslab::test::runProgram(FAASLAB_CLI, arguments, timeoutMs);
}

QString example() {
    return QStringLiteral(FAASLAB_SOURCE_DIR) + "/resources/scenarios/serverless-api.json";
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& contents) {
    const QString path = dir.filePath(name);
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(contents);
    return path;
}

const char* const Small = R"({ "format": "faaslab.scenario/1", "name": "small",
  "simulation": { "duration_s": 600, "seed": 1, "timeseries_bin_s": 60 },
  "workload": { "arrivals": { "process": "poisson", "rate_per_s": 3 },
                "service_time_s": { "dist": "exponential", "mean": 0.2 }, "memory_mb": 512 },
  "architectures": [ { "name": "L", "type": "serverless",
      "cold_start_s": { "dist": "exponential", "mean": 0.5 }, "pricing": "aws-lambda-x86" } ] })";

} // namespace

class CliTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void helpDocumentsCommandsOptionsAndExitCodes() {
        const Outcome top = cli({"--help"});
        QCOMPARE(top.exitCode, 0);
        for (const char* word : {"run SCENARIO.json", "validate", "pricing list", "Exit status"}) {
            QVERIFY2(top.out.contains(word), word);
        }
        const Outcome run = cli({"run", "--help"});
        QCOMPARE(run.exitCode, 0);
        for (const char* option :
             {"--json", "--out", "--csv", "--timeseries", "--seed", "--replications", "--duration",
              "--warmup", "--threads", "--quiet", "Exit status: 0 success, 2 usage"}) {
            QVERIFY2(run.out.contains(option), option);
        }
        QCOMPARE(cli({"--version"}).exitCode, 0);
    }

    void durationAloneNamesDurationNotWarmup() {
        const QString scenario =
            writeFile(m_dir, "warm.json",
                      QByteArray(Small).replace("\"seed\": 1", "\"warmup_s\": 60, \"seed\": 1"));
        const Outcome o = cli({"run", scenario, "--duration", "30"});
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.startsWith("--duration 30 conflicts with simulation.warmup_s in " +
                                  scenario +
                                  ": must be shorter than duration_s (30), got 60 (change it "
                                  "in the file, or give --warmup)"),
                 qPrintable(o.err));
        // An option that is itself wrong is still named as before.
        const Outcome both = cli({"run", scenario, "--duration", "30", "--warmup", "40"});
        QCOMPARE(both.exitCode, 2);
        QVERIFY2(both.err.startsWith("--warmup (simulation.warmup_s): must be shorter"),
                 qPrintable(both.err));
    }

    void commandHelpNamesTheCommandOnce() {
        const Outcome o = cli({"run", "--help"});
        QCOMPARE(o.exitCode, 0);
        QVERIFY2(o.out.startsWith(QStringLiteral("Usage: %1 run ").arg(FAASLAB_CLI)),
                 qPrintable(o.out));
        QVERIFY2(o.out.contains("'faaslab-cli runs'"), qPrintable(o.out));
        QVERIFY2(!o.out.contains("faaslab-cli run runs"), qPrintable(o.out));
    }

    void runPrintsTheComparisonTable() {
        const Outcome o = cli({"run", example()});
        QCOMPARE(o.exitCode, 0);
        for (const char* text : {"Lambda x86", "Azure Functions", "Cloud Functions", "Latency mean",
                                 "Cost per 30 days", "Cheapest:"}) {
            QVERIFY2(o.out.contains(text), text);
        }
        QVERIFY2(o.err.isEmpty(), qPrintable(o.err)); // no progress when stderr is not a terminal
    }

    void jsonOutputIsDeterministicAndMatchesTheFile() {
        const QString out = m_dir.filePath("results.json");
        const Outcome a = cli({"run", example(), "--json", "--out", out});
        const Outcome b = cli({"run", example(), "--json"});
        QCOMPARE(a.exitCode, 0);
        QCOMPARE(a.out, b.out);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), a.out);
        const auto j = nlohmann::json::parse(a.out.toStdString());
        QCOMPARE(j["format"].get<std::string>(), std::string("faaslab.results/1"));
        QCOMPARE(j["architectures"].size(), std::size_t(4));
    }

    void overridesChangeTheRun() {
        const QString file = writeFile(m_dir, "small.json", Small);
        const Outcome o = cli({"run", file, "--json", "--seed", "9", "--replications", "3",
                               "--duration", "300", "--warmup", "30", "--threads", "1"});
        QCOMPARE(o.exitCode, 0);
        const auto j = nlohmann::json::parse(o.out.toStdString());
        QCOMPARE(j["seed"].get<int>(), 9);
        QCOMPARE(j["replications"].get<int>(), 3);
        QCOMPARE(j["duration_s"].get<double>(), 300.0);
        QCOMPARE(j["warmup_s"].get<double>(), 30.0);
        QVERIFY(j["architectures"][0].contains("ci95"));
    }

    void badOverridesAreUsageErrors_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("seed not a number")
            << QStringList{"--seed", "abc"}
            << "--seed: expected a non-negative whole number, got 'abc'";
        QTest::newRow("replications zero")
            << QStringList{"--replications", "0"}
            << "--replications (simulation.replications): must be at least 1, got 0";
        QTest::newRow("duration negative")
            << QStringList{"--duration", "-5"}
            << "--duration (simulation.duration_s): must be a positive number, got -5";
        QTest::newRow("warmup beyond duration")
            << QStringList{"--warmup", "900"}
            << "--warmup (simulation.warmup_s): must be shorter than duration_s (600)";
        QTest::newRow("threads zero")
            << QStringList{"--threads", "0"} << "--threads: must be between 1 and 1024, got 0";
        QTest::newRow("unknown option") << QStringList{"--sed", "1"} << "Unknown option 'sed'";
        QTest::newRow("missing value") << QStringList{"--seed"} << "Missing value after '--seed'";
    }
    void badOverridesAreUsageErrors() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const QString file = writeFile(m_dir, "small.json", Small);
        const Outcome o = cli(QStringList{"run", file} + arguments);
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.contains(message), qPrintable(o.err));
        QVERIFY(o.out.isEmpty());
    }

    void usageErrorsExitWithTwo_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no command") << QStringList{} << "Usage: faaslab-cli COMMAND";
        QTest::newRow("unknown command") << QStringList{"simulate"} << "unknown command 'simulate'";
        QTest::newRow("run without file")
            << QStringList{"run"} << "expected one scenario file, got 0";
        QTest::newRow("run with two files")
            << QStringList{"run", "a.json", "b.json"} << "expected one scenario file, got 2";
        QTest::newRow("missing file")
            << QStringList{"run", "/nonexistent.json"} << "/nonexistent.json: no such file";
        QTest::newRow("directory") << QStringList{"run", "/tmp"} << "is a directory";
        QTest::newRow("pricing without action")
            << QStringList{"pricing"} << "expected 'list', 'show ID'";
        QTest::newRow("unknown preset")
            << QStringList{"pricing", "show", "aws"} << "no preset named 'aws'";
    }
    void usageErrorsExitWithTwo() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Outcome o = cli(arguments);
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.contains(message), qPrintable(o.err));
    }

    // An invalid scenario: every problem with its place, nothing run,
    // nothing written.
    void invalidScenarioReportsEveryProblemAndRunsNothing() {
        QByteArray text = Small;
        text.replace("\"rate_per_s\": 3", "\"rate_per_s\": -3");
        text.replace("\"memory_mb\": 512", "\"memory_mb\": \"512\"");
        const QString file = writeFile(m_dir, "broken.json", text);
        const QString out = m_dir.filePath("never.json");
        const Outcome o = cli({"run", file, "--out", out});
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.contains(file + ":4:"), qPrintable(o.err));
        QVERIFY(o.err.contains("workload.arrivals.rate_per_s: must be a positive number, got -3"));
        QVERIFY(o.err.contains("workload.memory_mb: must be a number, got the string \"512\""));
        QVERIFY(o.err.contains("2 problems found; nothing was run."));
        QVERIFY(o.out.isEmpty());
        QVERIFY(!QFile::exists(out));
    }

    void unwritableOutputIsAFailureNotACrash() {
        const QString file = writeFile(m_dir, "small.json", Small);
        const Outcome o = cli({"run", file, "--out", "/nonexistent/dir/results.json"});
        QCOMPARE(o.exitCode, 1);
        QVERIFY2(o.err.contains("/nonexistent/dir/results.json: cannot write"), qPrintable(o.err));
    }

    void writesSummaryAndTimeSeriesCsv() {
        const QString file = writeFile(m_dir, "small.json", Small);
        const QString csv = m_dir.filePath("summary.csv");
        const QString series = m_dir.filePath("series.csv");
        QCOMPARE(cli({"run", file, "--csv", csv, "--timeseries", series}).exitCode, 0);
        // Six comment lines say what computed the file (the same in both).
        QFile summary(csv);
        QVERIFY(summary.open(QIODevice::ReadOnly));
        const QByteArray summaryText = summary.readAll();
        QVERIFY(summaryText.startsWith("# scenario: "));
        QCOMPARE(summaryText.count('\n'), 6 + 2);
        QFile ts(series);
        QVERIFY(ts.open(QIODevice::ReadOnly));
        const QByteArray text = ts.readAll();
        QCOMPARE(text.left(text.indexOf("architecture,")),
                 summaryText.left(summaryText.indexOf("architecture,")));
        QVERIFY(text.contains("\narchitecture,bin_start_s,bin_end_s,arrivals_per_s"));
        QCOMPARE(text.count('\n'), 6 + 11); // header + 10 one-minute bins
    }

    void validateChecksEveryFile() {
        const QString good = writeFile(m_dir, "good.json", Small);
        const QString bad = writeFile(m_dir, "bad.json", "{ \"format\": ");
        const Outcome o = cli({"validate", good, bad});
        QCOMPARE(o.exitCode, 2);
        QVERIFY(o.out.contains(good + ": valid (1 architecture)"));
        QVERIFY2(o.err.contains(bad + ":1:"), qPrintable(o.err));
        QCOMPARE(cli({"validate", good}).exitCode, 0);
    }

    void pricingListsAndShowsPresets() {
        const Outcome list = cli({"pricing", "list"});
        QCOMPARE(list.exitCode, 0);
        QVERIFY(list.out.contains("aws-lambda-x86"));
        QVERIFY(list.out.contains("gcp-cloud-functions-gen1"));
        const Outcome show = cli({"pricing", "show", "azure-functions-consumption"});
        QCOMPARE(show.exitCode, 0);
        QVERIFY(show.out.contains("https://azure.microsoft.com"));
        QVERIFY(show.out.contains("at least 100 ms"));
    }

    void sweepFindsTheBreakEvenAndWritesCsv() {
        const char* scenario = R"({ "format": "faaslab.scenario/1", "name": "be",
          "simulation": { "duration_s": 86400 },
          "workload": { "arrivals": { "process": "constant", "rate_per_s": 5 },
                        "service_time_s": { "dist": "deterministic", "value": 0.1 },
                        "memory_mb": 1024 },
          "architectures": [
            { "name": "Lambda", "type": "serverless",
              "cold_start_s": { "dist": "deterministic", "value": 0 }, "keep_alive_s": 86400,
              "pricing": "aws-lambda-x86" },
            { "name": "EC2", "type": "vm", "instances": 1, "pricing": "aws-ec2-m5-large" } ] })";
        const QString file = writeFile(m_dir, "be.json", scenario);
        const QString csv = m_dir.filePath("sweep.csv");
        const Outcome o = cli({"sweep", file, "--param", "workload.arrivals.rate_per_s", "--range",
                               "1:50:8", "--csv", csv});
        QCOMPARE(o.exitCode, 0);
        QVERIFY2(o.out.contains("rate_per_s = 14.2"), qPrintable(o.out));
        QVERIFY(o.out.contains("Lambda is cheapest below, EC2 above"));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray sweepText = f.readAll();
        QVERIFY(
            sweepText.startsWith("# scenario: be\n# parameter: workload.arrivals.rate_per_s\n"));
        QCOMPARE(sweepText.count('\n'), 4 + 1 + 8 * 2);
        const Outcome j = cli({"sweep", file, "--param", "workload.arrivals.rate_per_s", "--values",
                               "2,30", "--json", "--no-break-even"});
        QCOMPARE(j.exitCode, 0);
        const auto json = nlohmann::json::parse(j.out.toStdString());
        QCOMPARE(json["format"].get<std::string>(), std::string("faaslab.sweep/1"));
        QCOMPARE(json["points"].size(), std::size_t(2));
    }

    void sweepUsageErrors_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no param") << QStringList{"--values", "1,2"} << "--param PATH is required";
        QTest::newRow("both value forms")
            << QStringList{"--param", "x", "--values", "1", "--range", "1:2:3"}
            << "give either --values or --range";
        QTest::newRow("bad value") << QStringList{"--param", "x", "--values", "1,two"}
                                   << "--values: 'two' is not a number";
        QTest::newRow("bad range")
            << QStringList{"--param", "x", "--range", "1:2"} << "--range: expected FROM:TO:POINTS";
        QTest::newRow("log from zero") << QStringList{"--param", "x", "--range", "0:2:3:log"}
                                       << "a logarithmic range needs FROM > 0";
        QTest::newRow("unknown field")
            << QStringList{"--param", "workload.memory", "--values", "1,2"}
            << "did you mean \"memory_mb\"?";
    }
    void sweepUsageErrors() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const QString file = writeFile(m_dir, "small.json", Small);
        const Outcome o = cli(QStringList{"sweep", file} + arguments);
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.contains(message), qPrintable(o.err));
    }

    // Ctrl+C stops a long run promptly; nothing is written.
    void interruptStopsTheRunWithoutWritingResults() {
        QByteArray text = Small;
        text.replace("\"duration_s\": 600", "\"duration_s\": 2592000");
        text.replace("\"rate_per_s\": 3", "\"rate_per_s\": 500");
        const QString file = writeFile(m_dir, "long.json", text);
        const QString out = m_dir.filePath("interrupted.json");
        QProcess process;
        process.start(FAASLAB_CLI, {"run", file, "--out", out});
        QVERIFY(process.waitForStarted());
        QTest::qWait(500);
        QVERIFY(process.state() == QProcess::Running);
        QElapsedTimer timer;
        timer.start();
        ::kill(static_cast<pid_t>(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(5000));
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(process.exitCode(), 1);
        QVERIFY(QString::fromUtf8(process.readAllStandardError()).contains("interrupted"));
        QVERIFY(!QFile::exists(out));
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
