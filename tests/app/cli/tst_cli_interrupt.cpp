// Ctrl-C and SIGTERM stop a run through the engine's cooperative
// cancellation, even while an arrival generator is searching through
// billions of rate changes without an event: the command exits 1 within a
// few seconds, says it was interrupted and writes no results.

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>

namespace {

// Valid (6e10 changes of state in all, under the limit of 1e12) but hours
// of work: nanosecond on/off phases over a minute.
const char* const Scenario = R"({
  "format": "faaslab.scenario/1", "name": "nanosecond phases",
  "simulation": { "duration_s": 60, "seed": 1 },
  "workload": {
    "arrivals": { "process": "on_off", "rate_on_per_s": 1, "rate_off_per_s": 0,
                  "mean_on_s": 1e-9, "mean_off_s": 1e-9 },
    "service_time_s": { "dist": "exponential", "mean": 0.2 }, "memory_mb": 512 },
  "architectures": [ { "name": "Lambda", "type": "serverless",
    "cold_start_s": { "dist": "exponential", "mean": 0.5 }, "pricing": "aws-lambda-x86" } ]
})";

} // namespace

class CliInterruptTest : public QObject {
    Q_OBJECT

private slots:
    void aSignalStopsARunThatIsSearchingForArrivals_data() {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGINT") << SIGINT;
        QTest::newRow("SIGTERM") << SIGTERM;
    }
    void aSignalStopsARunThatIsSearchingForArrivals() {
        QFETCH(int, signal);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString scenario = dir.filePath("phases.json");
        const QString results = dir.filePath("results.json");
        {
            QFile file(scenario);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(Scenario);
        }
        QProcess cli;
        cli.start(FAASLAB_CLI, {"run", scenario, "--out", results});
        QVERIFY(cli.waitForStarted());
        // Long enough to be inside the search (the scenario is read in
        // milliseconds), and the process must still be running.
        QVERIFY(!cli.waitForFinished(1000));
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(::kill(static_cast<pid_t>(cli.processId()), signal), 0);
        QVERIFY2(cli.waitForFinished(5000), "still running 5 s after the signal");
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.exitCode(), 1);
        QVERIFY2(cli.readAllStandardError().contains("interrupted; no results were written"),
                 "no message about the interruption");
        QVERIFY(!QFile::exists(results));
    }
};

QTEST_GUILESS_MAIN(CliInterruptTest)
#include "tst_cli_interrupt.moc"
