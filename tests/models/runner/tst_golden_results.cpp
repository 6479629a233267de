// Pins the results of every format-1 example scenario byte for byte, so that
// model extensions (applications, traces, keep-alive policies) cannot shift the
// numbers of existing scenarios unnoticed. The golden files were written by
// this test from the code as it was before those extensions:
//   FAASLAB_UPDATE_GOLDEN=1 ctest -R models/runner/golden_results
// Rewrite them only for a deliberate, documented change of the model.

#include "models/report/results_writer.h"
#include "models/runner/scenario_runner.h"
#include "models/scenario/scenario_reader.h"
#include "resources/embedded_files.h"
#include "tests/support/test_scenarios.h"

#include <QTest>
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

using namespace faaslab;

namespace {

// A shortened run of the example: long enough to exercise keep-alive expiry,
// autoscaling and replications, short enough for CI.
Scenario shortened(Scenario s) {
    s.simulation.durationS = std::min(s.simulation.durationS, 7200.0);
    s.simulation.warmupS = std::min(s.simulation.warmupS, 600.0);
    s.simulation.replications = std::min(s.simulation.replications, 2);
    return s;
}

std::string goldenPath(std::string_view scenarioFile) {
    return test::sourcePath("tests/models/runner/golden/" + std::string(scenarioFile));
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

class GoldenResultsTest : public QObject {
    Q_OBJECT

private slots:
    void formatOneExamplesAreByteIdentical_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("contents");
        for (const resources::EmbeddedFile& file : resources::exampleScenarioFiles()) {
            const std::string text(file.contents);
            if (text.find("faaslab.scenario/1") == std::string::npos) {
                continue; // later formats are covered by their own tests
            }
            QTest::newRow(std::string(file.name).c_str())
                << QString::fromStdString(std::string(file.name)) << QString::fromStdString(text);
        }
    }

    void formatOneExamplesAreByteIdentical() {
        QFETCH(QString, file);
        QFETCH(QString, contents);
        const Scenario scenario = shortened(test::exampleScenarioFromJson(contents.toStdString()));
        RunOptions options;
        options.threads = 2;
        ScenarioResults results = runScenario(scenario, options).results;
        results.softwareVersion = "golden"; // the version string is not a model output
        const std::string actual = resultsToJsonText(results) + "\n";
        const std::string path = goldenPath(file.toStdString());
        if (std::getenv("FAASLAB_UPDATE_GOLDEN") != nullptr) {
            std::ofstream(path, std::ios::binary) << actual;
            QSKIP("golden file rewritten");
        }
        const std::string expected = readFile(path);
        QVERIFY2(!expected.empty(),
                 qPrintable("missing golden file " + QString::fromStdString(path)));
        if (actual != expected) {
            const auto mismatch =
                std::mismatch(actual.begin(), actual.end(), expected.begin(), expected.end());
            const auto at = static_cast<std::size_t>(mismatch.first - actual.begin());
            const std::size_t from = at > 80 ? at - 80 : 0;
            QFAIL(qPrintable(
                QString("results differ from %1 at byte %2:\n  now:    ...%3\n  golden: ...%4")
                    .arg(QString::fromStdString(path))
                    .arg(at)
                    .arg(QString::fromStdString(actual.substr(from, 160)))
                    .arg(QString::fromStdString(expected.substr(from, 160)))));
        }
    }
};

QTEST_APPLESS_MAIN(GoldenResultsTest)
#include "tst_golden_results.moc"
