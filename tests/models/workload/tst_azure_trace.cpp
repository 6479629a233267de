#include "models/workload/azure_duration_trace.h"
#include "models/workload/azure_invocation_trace.h"
#include "models/workload/azure_memory_trace.h"
#include "tests/support/test_scenarios.h"

#include <QTemporaryFile>
#include <QtTest>
#include <cmath>
#include <fstream>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

using namespace faaslab;

namespace {

// The day totals of the shipped sample rows, documented in
// resources/traces/README.md (http, http, queue, event, storage, orchestration,
// others, timer).
const std::vector<std::uint64_t> SampleTotals{57583, 17284, 8625, 4294, 2145, 1150, 411, 96};

struct SampleRow {
    std::string app;
    std::string function;
};

// Hashes of the shipped sample, read with plain string splitting so the test
// does not depend on the reader it checks.
std::vector<SampleRow> sampleRows() {
    std::ifstream in(test::resourcePath("traces/sample-azure.d01.csv"));
    std::vector<SampleRow> rows;
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
        const auto c1 = line.find(',');
        const auto c2 = line.find(',', c1 + 1);
        const auto c3 = line.find(',', c2 + 1);
        rows.push_back({line.substr(c1 + 1, c2 - c1 - 1), line.substr(c2 + 1, c3 - c2 - 1)});
    }
    return rows;
}

std::optional<TraceError> readSample(const AzureFunctionSelection& sel, AzureMinuteCounts& out) {
    std::ifstream in(test::resourcePath("traces/sample-azure.d01.csv"));
    return readAzureInvocationCounts(in, sel, out);
}

std::string invocationHeader(int minutes = 1440) {
    std::string header = "HashOwner,HashApp,HashFunction,Trigger";
    for (int m = 1; m <= minutes; ++m) {
        header += "," + std::to_string(m);
    }
    return header;
}

// A row "o,a,<function>,<trigger>,c,c,...": its minute m starts at column
// prefix + 1 + 2 * (m - 1) when every count is one character.
std::string invocationRow(const std::string& function, const std::string& trigger,
                          const std::string& count = "1", int minutes = 1440) {
    std::string row = "o,a," + function + "," + trigger;
    for (int m = 1; m <= minutes; ++m) {
        row += "," + count;
    }
    return row;
}

std::string withCount(std::string row, int minute, const std::string& count) {
    // Every count of invocationRow(..., "1") is one character; "o,a,f,http,"
    // is 11 characters.
    const std::size_t at = 11 + 2 * static_cast<std::size_t>(minute - 1);
    return row.replace(at, 1, count);
}

void expectInvocationError(const std::string& text, const AzureFunctionSelection& sel, int line,
                           int column, const std::string& messagePart) {
    std::istringstream in(text);
    AzureMinuteCounts out;
    const auto error = readAzureInvocationCounts(in, sel, out);
    QVERIFY2(error.has_value(), text.substr(0, 80).c_str());
    QVERIFY2(error->message.find(messagePart) != std::string::npos, error->message.c_str());
    QCOMPARE(error->line, line);
    QCOMPARE(error->column, column);
}

void expectInvocationError(const std::string& text, int line, int column,
                           const std::string& messagePart) {
    expectInvocationError(text, AzureFunctionSelection{}, line, column, messagePart);
}

const std::string DurationHeader =
    "HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum,percentile_Average_0,"
    "percentile_Average_1,percentile_Average_25,percentile_Average_50,percentile_Average_75,"
    "percentile_Average_99,percentile_Average_100\n";

const std::string MemoryHeader =
    "HashOwner,HashApp,SampleCount,AverageAllocatedMb,AverageAllocatedMb_pct1,"
    "AverageAllocatedMb_pct5,AverageAllocatedMb_pct25,AverageAllocatedMb_pct50,"
    "AverageAllocatedMb_pct75,AverageAllocatedMb_pct95,AverageAllocatedMb_pct99,"
    "AverageAllocatedMb_pct100\n";

void expectDurationError(const std::string& text, const std::vector<std::string>& hashes, int line,
                         int column, const std::string& messagePart) {
    std::istringstream in(text);
    std::vector<AzureFunctionDurations> out;
    const auto error = readAzureFunctionDurations(in, hashes, out);
    QVERIFY2(error.has_value(), text.c_str());
    QVERIFY2(error->message.find(messagePart) != std::string::npos, error->message.c_str());
    QCOMPARE(error->line, line);
    QCOMPARE(error->column, column);
}

void expectMemoryError(const std::string& text, const std::vector<std::string>& apps, int line,
                       int column, const std::string& messagePart) {
    std::istringstream in(text);
    std::vector<AzureAppMemory> out;
    const auto error = readAzureAppMemory(in, apps, out);
    QVERIFY2(error.has_value(), text.c_str());
    QVERIFY2(error->message.find(messagePart) != std::string::npos, error->message.c_str());
    QCOMPARE(error->line, line);
    QCOMPARE(error->column, column);
}

AzureFunctionDurations durations(std::uint64_t count, std::array<double, 7> percentilesMs) {
    AzureFunctionDurations f;
    f.count = count;
    f.percentilesMs = percentilesMs;
    return f;
}

void compareQuantiles(const std::vector<double>& actual, const std::vector<double>& expected) {
    QCOMPARE(actual.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        // Exact arithmetic up to rounding of a few operations on numbers near 1.
        QVERIFY2(std::abs(actual[i] - expected[i]) < 1e-12,
                 (std::to_string(i) + ": " + std::to_string(actual[i])).c_str());
    }
}

} // namespace

class AzureTraceTest : public QObject {
    Q_OBJECT

private slots:
    // --- invocation counts on the shipped sample ---

    void readsAllFunctionsOfTheSample() {
        AzureMinuteCounts out;
        QVERIFY(!readSample({}, out).has_value());
        QCOMPARE(out.selectedHashes.size(), std::size_t(8));
        QCOMPARE(out.selectedApps.size(), std::size_t(8));
        QCOMPARE(out.total,
                 std::accumulate(SampleTotals.begin(), SampleTotals.end(), std::uint64_t(0)));
        QCOMPARE(out.total, std::uint64_t(91588));
        QCOMPARE(out.perMinute.size(), std::size_t(1440));
        QCOMPARE(std::accumulate(out.perMinute.begin(), out.perMinute.end(), std::uint64_t(0)),
                 out.total);
        const auto rows = sampleRows();
        for (std::size_t i = 0; i < rows.size(); ++i) {
            QCOMPARE(out.selectedHashes[i], rows[i].function);
            QCOMPARE(out.selectedApps[i], rows[i].app);
        }
    }

    void selectsByTrigger() {
        AzureMinuteCounts out;
        QVERIFY(!readSample({{}, "http", 0}, out).has_value());
        QCOMPARE(out.total, SampleTotals[0] + SampleTotals[1]);
        QCOMPARE(out.selectedHashes.size(), std::size_t(2));

        // The timer row fires once every 15 minutes (README), exactly.
        QVERIFY(!readSample({{}, "timer", 0}, out).has_value());
        QCOMPARE(out.total, std::uint64_t(96));
        QCOMPARE(out.perMinute[0], 0u);
        QCOMPARE(out.perMinute[13], 0u);
        QCOMPARE(out.perMinute[14], 1u); // minute 15
        QCOMPARE(out.perMinute[1439], 1u);
        QCOMPARE(out.selectedHashes, std::vector<std::string>{sampleRows()[7].function});
    }

    void selectsByHash() {
        const auto rows = sampleRows();
        AzureMinuteCounts out;
        QVERIFY(!readSample({{rows[2].function}, "", 0}, out).has_value());
        QCOMPARE(out.total, SampleTotals[2]);
        QCOMPARE(out.selectedApps, std::vector<std::string>{rows[2].app});

        // Order of the request does not matter: the result is in file order.
        QVERIFY(!readSample({{rows[6].function, rows[3].function}, "", 0}, out).has_value());
        QCOMPARE(out.total, SampleTotals[3] + SampleTotals[6]);
        QCOMPARE(out.selectedHashes,
                 (std::vector<std::string>{rows[3].function, rows[6].function}));
    }

    void selectsTopN() {
        const auto rows = sampleRows();
        AzureMinuteCounts out;
        QVERIFY(!readSample({{}, "", 3}, out).has_value());
        QCOMPARE(out.total, std::uint64_t(57583 + 17284 + 8625));
        QCOMPARE(out.selectedHashes,
                 (std::vector<std::string>{rows[0].function, rows[1].function, rows[2].function}));

        // More than there are: every function.
        QVERIFY(!readSample({{}, "", 50}, out).has_value());
        QCOMPARE(out.total, std::uint64_t(91588));
    }

    void combinesFiltersWithTopNLast() {
        const auto rows = sampleRows();
        AzureMinuteCounts out;
        QVERIFY(!readSample({{}, "http", 1}, out).has_value());
        QCOMPARE(out.total, std::uint64_t(57583));

        // Top 2 among event, storage and timer: event and storage.
        QVERIFY(!readSample({{rows[7].function, rows[3].function, rows[4].function}, "", 2}, out)
                     .has_value());
        QCOMPARE(out.total, std::uint64_t(4294 + 2145));
        QCOMPARE(out.selectedHashes,
                 (std::vector<std::string>{rows[3].function, rows[4].function}));

        // Hash and trigger: only the row passing both.
        QVERIFY(!readSample({{rows[0].function, rows[2].function}, "queue", 0}, out).has_value());
        QCOMPARE(out.total, std::uint64_t(8625));
    }

    void topNBreaksTiesByEarlierRow() {
        const std::string text = invocationHeader() + "\n" + invocationRow("f1", "http", "1") +
                                 "\n" + invocationRow("f2", "http", "2") + "\n" +
                                 invocationRow("f3", "http", "1") + "\n" +
                                 invocationRow("f4", "http", "2") + "\n";
        std::istringstream in(text);
        AzureMinuteCounts out;
        QVERIFY(!readAzureInvocationCounts(in, {{}, "", 3}, out).has_value());
        QCOMPARE(out.selectedHashes, (std::vector<std::string>{"f1", "f2", "f4"}));
        QCOMPARE(out.total, std::uint64_t(5 * 1440));
        QCOMPARE(out.perMinute[700], 5u);
    }

    void toleratesCrlfAndBlankLines() {
        const std::string text = invocationHeader() + "\r\n" + invocationRow("f1", "timer", "3") +
                                 "\r\n\r\n" + invocationRow("f2", "queue", "4") + "\r\n";
        std::istringstream in(text);
        AzureMinuteCounts out;
        QVERIFY(!readAzureInvocationCounts(in, {{}, "queue", 1}, out).has_value());
        QCOMPARE(out.total, std::uint64_t(4 * 1440));
        QCOMPARE(out.perMinute[1439], 4u);
    }

    void readsTwentyThousandRowsForTopThree() {
        // Row r counts r invocations in minute 1 and none otherwise, so the
        // top three are the last three rows. A real file: the reader seeks.
        QTemporaryFile file;
        QVERIFY(file.open());
        {
            std::ofstream out(file.fileName().toStdString(), std::ios::binary);
            out << invocationHeader() << '\n';
            const std::string zeros = [] {
                std::string s;
                for (int m = 2; m <= 1440; ++m) {
                    s += ",0";
                }
                return s;
            }();
            for (int r = 0; r < 20000; ++r) {
                out << "o,a,f" << r << ",http," << r << zeros << '\n';
            }
        }
        std::ifstream in(file.fileName().toStdString(), std::ios::binary);
        AzureMinuteCounts counts;
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!readAzureInvocationCounts(in, {{}, "", 3}, counts).has_value());
        qInfo("20000 rows, two passes: %lld ms", static_cast<long long>(timer.elapsed()));
        QCOMPARE(counts.selectedHashes, (std::vector<std::string>{"f19997", "f19998", "f19999"}));
        QCOMPARE(counts.total, std::uint64_t(19997 + 19998 + 19999));
        QCOMPARE(counts.perMinute[0], 19997u + 19998u + 19999u);
        QCOMPARE(counts.perMinute[1], 0u);
    }

    // --- malformed invocation traces ---

    void emptyFile() { expectInvocationError("", 1, 1, "the file is empty"); }
    void missingHeader() {
        expectInvocationError(invocationRow("f", "http") + "\n", 1, 1,
                              "missing header: expected column 'HashOwner'");
    }
    void wrongHeaderColumn() {
        std::string header = invocationHeader();
        header.replace(header.find("Trigger"), 7, "Trig");
        // "HashOwner,HashApp,HashFunction," is 31 characters.
        expectInvocationError(header + "\n", 1, 32, "expected column 'Trigger'");
    }
    void headerTooShort() {
        const std::string header = invocationHeader(1439);
        expectInvocationError(header + "\n", 1, int(header.size()) + 1, "expected column '1440'");
    }
    void headerOnly() {
        expectInvocationError(invocationHeader() + "\n", 1, 1, "no function rows");
    }
    void tooFewFields() {
        const std::string row = invocationRow("f", "http", "1", 1439);
        QCOMPARE(row.size(), std::size_t(11 + 2 * 1439 - 1));
        expectInvocationError(invocationHeader() + "\n" + row + "\n", 2, 2889,
                              "expected 1444 fields, found 1443");
    }
    void tooManyFields() {
        // The extra field starts after 1444 one-character-count fields.
        expectInvocationError(invocationHeader() + "\n" + invocationRow("f", "http", "1", 1441) +
                                  "\n",
                              2, 11 + 2 * 1440 + 1, "expected 1444 fields, found 1445");
    }
    // Issue 15, item 10: a byte order mark before the header.
    void readsFilesThatStartWithAByteOrderMark() {
        const std::string text =
            "\xEF\xBB\xBF" + invocationHeader() + "\n" + invocationRow("f1", "http", "2") + "\n";
        std::istringstream in(text);
        AzureMinuteCounts out;
        QVERIFY(!readAzureInvocationCounts(in, {}, out).has_value());
        QCOMPARE(out.total, std::uint64_t(2 * 1440));
        // The header is taken: what is missing is the rows after it.
        expectDurationError("\xEF\xBB\xBF" + DurationHeader, {}, 1, 1,
                            "no function rows after the header");
        expectMemoryError("\xEF\xBB\xBF" + MemoryHeader, {}, 1, 1, "no app rows after the header");
    }
    // Issue 15, item 13: a NUL byte used to end the line silently, so
    // "1<NUL>x" at the end of a row was read as 1.
    void refusesNulBytes() {
        std::string row = invocationRow("f", "http");
        row.replace(row.size() - 1, 1, std::string("1\0x", 3));
        expectInvocationError(invocationHeader() + "\n" + row + "\n", 2,
                              static_cast<int>(row.size()) - 1, "NUL byte");
    }
    void nonIntegerCount() {
        expectInvocationError(invocationHeader() + "\n" +
                                  withCount(invocationRow("f", "http"), 3, "1.5") + "\n",
                              2, 16, "'1.5' for minute 3 is not a non-negative integer");
    }
    void negativeCount() {
        expectInvocationError(invocationHeader() + "\n" +
                                  withCount(invocationRow("f", "http"), 3, "-1") + "\n",
                              2, 16, "'-1' for minute 3 must be >= 0");
    }
    void countOverflow() {
        expectInvocationError(invocationHeader() + "\n" +
                                  withCount(invocationRow("f", "http"), 3, "4294967296") + "\n",
                              2, 16, "for minute 3 overflows");
    }
    void summedCountOverflow() {
        const std::string big = withCount(invocationRow("f", "http", "0"), 2, "4294967295");
        expectInvocationError(invocationHeader() + "\n" + big + "\n" + big + "\n", 3, 14,
                              "summed over the selected functions overflows for minute 2");
    }
    void emptyFunctionHash() {
        std::string row = invocationRow("f", "http");
        row.erase(4, 1); // "o,a,,http,..."
        expectInvocationError(invocationHeader() + "\n" + row + "\n", 2, 5,
                              "HashFunction is empty");
    }
    void overlongLine() {
        expectInvocationError(invocationHeader() + "\n" + std::string(70000, '1') + "\n", 2,
                              int(AzureInvocationMaxLineLength) + 1, "longer than 65536");
    }
    void noFunctionMatchesTrigger() {
        const std::string text = invocationHeader() + "\n" + invocationRow("f1", "http") + "\n" +
                                 invocationRow("f2", "queue") + "\n";
        expectInvocationError(text, {{}, "timer", 0}, 0, 0,
                              "no function matches the selection (trigger 'timer'); trigger "
                              "values in the trace: http queue");
    }
    void noFunctionMatchesHashAndTrigger() {
        const std::string text = invocationHeader() + "\n" + invocationRow("f1", "http") + "\n";
        expectInvocationError(text, {{"f1"}, "queue", 2}, 0, 0,
                              "(trigger 'queue', hashes 'f1', top 2)");
    }
    void requestedHashMissing() {
        const std::string text = invocationHeader() + "\n" + invocationRow("f1", "http") + "\n";
        expectInvocationError(text, {{"f1", "nothere"}, "", 0}, 0, 0,
                              "function hash 'nothere' is not in the trace");
    }
    void negativeTopN() {
        expectInvocationError(invocationHeader() + "\n", {{}, "", -1}, 0, 0, "topN must be >= 0");
    }

    // --- durations ---

    void readsSampleDurationsOfSelectedFunctions() {
        const auto rows = sampleRows();
        std::ifstream in(test::resourcePath("traces/sample-azure-durations.d01.csv"));
        std::vector<AzureFunctionDurations> out;
        QVERIFY(!readAzureFunctionDurations(in, {rows[7].function, rows[0].function}, out));
        QCOMPARE(out.size(), std::size_t(2));
        QCOMPARE(out[0].function, rows[0].function);
        QCOMPARE(out[0].app, rows[0].app);
        // Count is the day total of the invocation trace (README).
        QCOMPARE(out[0].count, SampleTotals[0]);
        QCOMPARE(out[1].count, SampleTotals[7]);
        // Median 91: points round(91 * (0.2 0.3 0.7 1 1.5 4 6)).
        QCOMPARE(out[0].percentilesMs, (std::array<double, 7>{18, 27, 64, 91, 137, 364, 546}));
        QCOMPARE(out[0].minimumMs, 18.0);
        QCOMPARE(out[0].maximumMs, 546.0);
        // The mean of the piecewise-linear distribution: .01*45/2 + .24*91/2 +
        // .25*155/2 + .25*228/2 + .24*501/2 + .01*910/2 = 123.69.
        QCOMPARE(out[0].averageMs, 123.690);
    }

    void quantilesOfOneSampleFunctionInterpolateItsPercentiles() {
        const auto rows = sampleRows();
        std::ifstream in(test::resourcePath("traces/sample-azure-durations.d01.csv"));
        std::vector<AzureFunctionDurations> out;
        QVERIFY(!readAzureFunctionDurations(in, {rows[7].function}, out));
        // Timer: 1027 1541 3595 5136 7704 20544 30816 ms at 0 1 25 50 75 99 100 %.
        const auto q = azureServiceTimeQuantilesS(out, 100);
        QCOMPARE(q.size(), std::size_t(100));
        QVERIFY(std::abs(q[0] - (1027 + 0.5 * (1541 - 1027)) / 1000.0) < 1e-12);
        QVERIFY(std::abs(q[12] - (1541 + 0.115 / 0.24 * (3595 - 1541)) / 1000.0) < 1e-12);
        QVERIFY(std::abs(q[49] - (3595 + 0.245 / 0.25 * (5136 - 3595)) / 1000.0) < 1e-12);
        QVERIFY(std::abs(q[99] - (20544 + 0.5 * (30816 - 20544)) / 1000.0) < 1e-12);
        QVERIFY(std::is_sorted(q.begin(), q.end()));
    }

    void quantilesInvertTheCountWeightedMixture() {
        // 3 parts U[0,1000] ms and 1 part U[1000,2000] ms: the mixture CDF is
        // 0.75 x / 1000 below 1000 ms and 0.75 + 0.25 (x - 1000) / 1000 above.
        // (Averaging the quantile curves instead would give 375 ms at 0.125.)
        const std::vector<AzureFunctionDurations> mix{
            durations(3, {0, 10, 250, 500, 750, 990, 1000}),
            durations(1, {1000, 1010, 1250, 1500, 1750, 1990, 2000})};
        compareQuantiles(azureServiceTimeQuantilesS(mix, 4),
                         {0.125 / 0.75, 0.375 / 0.75, 0.625 / 0.75, 1.5});
    }

    void quantilesHandleAFunctionWithOneDuration() {
        // Half U[0,1000] ms, half always 500 ms: F jumps from 0.25 to 0.75 at 500.
        const std::vector<AzureFunctionDurations> mix{
            durations(5, {0, 10, 250, 500, 750, 990, 1000}),
            durations(5, {500, 500, 500, 500, 500, 500, 500})};
        compareQuantiles(azureServiceTimeQuantilesS(mix, 4), {0.25, 0.5, 0.5, 0.75});
        compareQuantiles(azureServiceTimeQuantilesS({mix[1]}, 3), {0.5, 0.5, 0.5});
    }

    void quantilesOfNothingAreEmpty() {
        QVERIFY(azureServiceTimeQuantilesS({}, 100).empty());
        QVERIFY(azureServiceTimeQuantilesS({durations(1, {1, 2, 3, 4, 5, 6, 7})}, 0).empty());
    }

    void durationHeaderWrongColumn() {
        std::string header = DurationHeader;
        header.replace(header.find("Count"), 5, "Cnt");
        // "HashOwner,HashApp,HashFunction,Average," is 39 characters.
        expectDurationError(header, {}, 1, 40, "expected column 'Count'");
    }
    void durationEmptyFile() { expectDurationError("", {}, 1, 1, "the file is empty"); }
    void durationsDecrease() {
        // Columns: o1 a3 f5 10@7 5@10 1@12 9@14 1@16 2@18 3@20 2@22.
        expectDurationError(DurationHeader + "o,a,f,10,5,1,9,1,2,3,2,5,6,9\n", {}, 2, 22,
                            "percentile_Average_50 '2' is below percentile_Average_25");
    }
    void durationCountNotWhole() {
        expectDurationError(DurationHeader + "o,a,f,10,2.5,1,9,1,2,3,4,5,6,9\n", {}, 2, 10,
                            "Count '2.5' must be a whole number");
    }
    void durationNegative() {
        expectDurationError(DurationHeader + "o,a,f,-1,2,1,9,1,2,3,4,5,6,9\n", {}, 2, 7,
                            "Average '-1' must be >= 0");
    }
    void durationNotFinite() {
        expectDurationError(DurationHeader + "o,a,f,nan,2,1,9,1,2,3,4,5,6,9\n", {}, 2, 7,
                            "Average 'nan' is not a number");
    }
    void durationMaximumBelowMinimum() {
        expectDurationError(DurationHeader + "o,a,f,10,2,5,4,1,2,3,4,5,6,9\n", {}, 2, 14,
                            "Maximum '4' is below Minimum");
    }
    void durationFieldCount() {
        // "o,a,f,10,2,1,9,1,2,3,4,5,6" is 26 characters.
        expectDurationError(DurationHeader + "o,a,f,10,2,1,9,1,2,3,4,5,6\n", {}, 2, 27,
                            "expected 14 fields, found 13");
    }
    void durationHashMissing() {
        expectDurationError(DurationHeader + "o,a,f,10,2,1,9,1,2,3,4,5,6,9\n", {"f", "g"}, 0, 0,
                            "function hash 'g' is not in the duration trace");
    }

    // --- memory ---

    void weightsSampleMemoryOfTheSelectedFunctionsApps() {
        AzureMinuteCounts counts;
        QVERIFY(!readSample({{}, "http", 0}, counts).has_value());
        std::ifstream in(test::resourcePath("traces/sample-azure-memory.d01.csv"));
        std::vector<AzureAppMemory> apps;
        QVERIFY(!readAzureAppMemory(in, counts.selectedApps, apps));
        QCOMPARE(apps.size(), std::size_t(2));
        // README: (58, 236) and (120, 202): (58*236 + 120*202) / 178.
        QCOMPARE(apps[0].sampleCount, std::uint64_t(58));
        QCOMPARE(apps[1].averageAllocatedMb, 202.0);
        QCOMPARE(apps[0].percentilesMb,
                 (std::array<double, 8>{142, 165, 212, 236, 260, 307, 330, 354}));
        QVERIFY(std::abs(azureWeightedAverageMemoryMb(apps) - 37928.0 / 178.0) < 1e-12);
    }

    void memoryCountsAnAppListedTwiceOnce() {
        std::istringstream in(MemoryHeader + "o,a1,10,100,1,2,3,4,5,6,7,8\n" +
                              "o,a2,30,200,1,2,3,4,5,6,7,8\n" + "o,a3,60,900,1,2,3,4,5,6,7,8\n");
        std::vector<AzureAppMemory> apps;
        QVERIFY(!readAzureAppMemory(in, {"a2", "a1", "a2"}, apps));
        QCOMPARE(apps.size(), std::size_t(2));
        // (10*100 + 30*200) / 40 = 175.
        QCOMPARE(azureWeightedAverageMemoryMb(apps), 175.0);
    }

    void memoryAverageOfHugeAveragesStaysFinite() {
        // Found with the checks of trace_reader_fuzzer: averages the reader accepts as finite
        // made the weighted (and the plain) sum overflow to infinity.
        std::istringstream weighted(MemoryHeader + "o,a1,10,1e308,1,2,3,4,5,6,7,8\n" +
                                    "o,a2,30,1e308,1,2,3,4,5,6,7,8\n");
        std::vector<AzureAppMemory> apps;
        QVERIFY(!readAzureAppMemory(weighted, {}, apps));
        // (10 * 1e308 + 30 * 1e308) / 40 = 1e308.
        const double mean = azureWeightedAverageMemoryMb(apps);
        QVERIFY(std::isfinite(mean));
        QVERIFY(std::abs(mean - 1e308) <= 1e308 * 1e-15);

        std::istringstream plain(MemoryHeader + "o,a1,0,1e308,1,2,3,4,5,6,7,8\n" +
                                 "o,a2,0,1.5e308,1,2,3,4,5,6,7,8\n");
        QVERIFY(!readAzureAppMemory(plain, {}, apps));
        // No samples: the plain mean (1e308 + 1.5e308) / 2 = 1.25e308.
        const double plainMean = azureWeightedAverageMemoryMb(apps);
        QVERIFY(std::isfinite(plainMean));
        QVERIFY(std::abs(plainMean - 1.25e308) <= 1.25e308 * 1e-15);
    }

    void memoryHeaderWrongColumn() {
        std::string header = MemoryHeader;
        header.replace(header.find("SampleCount"), 11, "Samples");
        expectMemoryError(header, {}, 1, 19, "expected column 'SampleCount'");
    }
    void memoryPercentilesDecrease() {
        // Columns: o1 a3 10@5 100@8 1@12 2@14 3@16 4@18 5@20 6@22 7@24 1@26.
        expectMemoryError(MemoryHeader + "o,a,10,100,1,2,3,4,5,6,7,1\n", {}, 2, 26,
                          "AverageAllocatedMb_pct100 '1' is below AverageAllocatedMb_pct99");
    }
    void memorySampleCountNotWhole() {
        expectMemoryError(MemoryHeader + "o,a,1e-1,100,1,2,3,4,5,6,7,8\n", {}, 2, 5,
                          "SampleCount '1e-1' must be a whole number");
    }
    void memoryNotANumber() {
        expectMemoryError(MemoryHeader + "o,a,10,big,1,2,3,4,5,6,7,8\n", {}, 2, 8,
                          "AverageAllocatedMb 'big' is not a number");
    }
    void memoryFieldCount() {
        expectMemoryError(MemoryHeader + "o,a,10,100,1,2,3,4,5,6,7,8,9\n", {}, 2, 28,
                          "expected 12 fields, found 13");
    }
    void memoryAppMissing() {
        expectMemoryError(MemoryHeader + "o,a,10,100,1,2,3,4,5,6,7,8\n", {"b"}, 0, 0,
                          "app hash 'b' is not in the memory trace");
    }
};

QTEST_APPLESS_MAIN(AzureTraceTest)
#include "tst_azure_trace.moc"
