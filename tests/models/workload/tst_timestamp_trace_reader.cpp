#include "models/workload/timestamp_trace_reader.h"
#include "tests/support/test_scenarios.h"

#include <QtTest>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace faaslab;

namespace {

struct ReadResult {
    std::vector<TraceArrival> arrivals;
    std::optional<TraceError> error;
};

ReadResult readAll(const std::string& text) {
    std::istringstream in(text);
    TimestampTraceReader reader(in);
    ReadResult result;
    TraceArrival arrival;
    while (reader.next(arrival)) {
        result.arrivals.push_back(arrival);
    }
    result.error = reader.error();
    return result;
}

void expectError(const std::string& text, int line, int column, const std::string& messagePart) {
    const ReadResult result = readAll(text);
    QVERIFY2(result.error.has_value(), text.c_str());
    QCOMPARE(result.error->line, line);
    QCOMPARE(result.error->column, column);
    QVERIFY2(result.error->message.find(messagePart) != std::string::npos,
             result.error->message.c_str());
}

} // namespace

class TimestampTraceReaderTest : public QObject {
    Q_OBJECT

private slots:
    void readsTimesAndFunctionsSkippingHeaderCommentsAndBlankLines() {
        const ReadResult r = readAll(
            "# sample\ntimestamp_s,function\n\n0,api\n0.5,img\r\n0.5,api\n  # late\n2.25,api");
        QVERIFY(!r.error.has_value());
        QCOMPARE(r.arrivals.size(), std::size_t(4));
        QCOMPARE(r.arrivals[0].timeS, 0.0);
        QCOMPARE(r.arrivals[1].timeS, 0.5);
        QCOMPARE(r.arrivals[1].function, std::string("img"));
        QCOMPARE(r.arrivals[2].timeS, 0.5); // equal timestamps are allowed
        QCOMPARE(r.arrivals[3].timeS, 2.25);
        QCOMPARE(r.arrivals[3].function, std::string("api"));
    }

    void readsSingleColumnWithoutHeader() {
        const ReadResult r = readAll("1\n2\n3\n");
        QVERIFY(!r.error.has_value());
        QCOMPARE(r.arrivals.size(), std::size_t(3));
        QCOMPARE(r.arrivals[2].timeS, 3.0);
        QVERIFY(r.arrivals[2].function.empty());
    }

    void readsTheShippedSampleCompletely() {
        std::ifstream in(test::resourcePath("traces/sample-timestamps.csv"));
        QVERIFY(in.good());
        TimestampTraceReader reader(in);
        TraceArrival arrival;
        int count = 0;
        while (reader.next(arrival)) {
            ++count;
        }
        QVERIFY(!reader.error().has_value());
        QCOMPARE(count, 1233); // documented in resources/traces/README.md
    }

    void nonNumericTimestamp() { expectError("1\nabc\n", 2, 1, "is not a number"); }

    // Issue 15, item 10: a byte order mark made the first line a "header",
    // silently dropping the first arrival.
    void keepsTheFirstArrivalAfterAByteOrderMark() {
        const ReadResult r = readAll("\xEF\xBB\xBF"
                                     "0.5\n1.0\n2.0\n");
        QVERIFY(!r.error.has_value());
        QCOMPARE(r.arrivals.size(), std::size_t(3));
        QCOMPARE(r.arrivals[0].timeS, 0.5);
        const ReadResult header = readAll("\xEF\xBB\xBF"
                                          "timestamp_s,function\n0.5,api\n");
        QVERIFY(!header.error.has_value());
        QCOMPARE(header.arrivals.size(), std::size_t(1));
        QCOMPARE(header.arrivals[0].function, std::string("api"));
        // Columns count from after the mark.
        expectError("\xEF\xBB\xBF"
                    "1x\n",
                    1, 2, "is not a number");
    }

    // Issue 15, item 13: "1<NUL>x" was read as 1; trailing garbage in a
    // number is refused at its column, also on the line that may be a header.
    void refusesNulBytesAndTrailingGarbage() {
        expectError(std::string("0\n1\0x\n", 7), 2, 2, "NUL byte");
        expectError(std::string("1\0x\n2\n", 7), 1, 2, "NUL byte");
        expectError(std::string("0\n1,api\0\n", 10), 2, 6, "NUL byte");
        expectError("1x\n2\n", 1, 2, "is not a number");
        expectError("0\n2.5s\n", 2, 4, "is not a number");
        expectError("-\n", 1, 1, "is not a number");
    }
    void negativeTimestamp() { expectError("1\n-2\n", 2, 1, ">= 0"); }
    void decreasingTimestamp() { expectError("1\n3\n2\n", 3, 1, "must not decrease"); }
    void tooManyColumns() { expectError("1,a\n2,a,b\n", 2, 4, "1 or 2 columns"); }
    void columnCountChanges() { expectError("1,a\n2\n", 2, 2, "like the first data line"); }
    void emptyFunctionName() { expectError("1,\n", 1, 3, "function name is empty"); }
    void emptyFile() { expectError("", 1, 1, "no arrivals"); }
    void onlyHeaderAndComments() { expectError("# c\ntimestamp_s\n", 2, 1, "no arrivals"); }
    void overlongLine() {
        expectError("1\n" + std::string(TimestampTraceReader::MaxLineLength + 10, '1') + "\n", 2,
                    int(TimestampTraceReader::MaxLineLength) + 1, "longer than");
    }
    void lineOfMaximumLengthIsAccepted() {
        const std::string comment = "#" + std::string(TimestampTraceReader::MaxLineLength - 1, 'x');
        const ReadResult r = readAll(comment + "\n7\n");
        QVERIFY(!r.error.has_value());
        QCOMPARE(r.arrivals.size(), std::size_t(1));
        QCOMPARE(r.arrivals[0].timeS, 7.0);
    }
    void infiniteTimestamp() { expectError("1\ninf\n", 2, 1, "is not a number"); }
};

QTEST_APPLESS_MAIN(TimestampTraceReaderTest)
#include "tst_timestamp_trace_reader.moc"
