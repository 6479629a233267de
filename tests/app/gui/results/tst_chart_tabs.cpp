// The Time series, Latency and Cost tabs fed with the results of a real run
// (a short scenario with a function, a container service and a VM fleet):
// what each chart draws must be exactly the model's numbers, with units on
// the axes, legends, a hover readout of the right values, placeholders, PNG
// and PDF export, and colours that follow a dark palette.
//
// With FAASLAB_SCREENSHOT_DIR=DIR set, the suite also saves what the user sees
// (light and dark, with a hover cursor) as PNGs in DIR.

#include "app/gui/results/chart_style.h"
#include "app/gui/results/cost_tab.h"
#include "app/gui/results/latency_tab.h"
#include "app/gui/results/overview_tab.h"
#include "app/gui/results/time_series_tab.h"
#include "models/report/comparison_table.h"
#include "models/results/metric_keys.h"
#include "models/runner/scenario_runner.h"
#include "models/scenario/scenario_reader.h"
#include "resources/embedded_files.h"
#include "tests/support/process_run.h"
#include "tests/support/test_scenarios.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <qcustomplot.h>

using namespace faaslab;
using namespace faaslab::gui;

namespace {

// 20 requests/s of 200 ms for 2 h (1 h 50 min measured, 5-minute bins):
// the function is capped at 6 instances, so it throttles (Erlang B(6, 4) is
// about 12 %); three m5.large VMs (6 cores) queue at the bursts.
const char* const ThreeArchitectures = R"({ "format": "faaslab.scenario/1",
  "name": "chart tabs",
  "simulation": { "duration_s": 7200, "warmup_s": 600, "seed": 3, "timeseries_bin_s": 300 },
  "workload": { "arrivals": { "process": "poisson", "rate_per_s": 20 },
                "service_time_s": { "dist": "gamma", "mean": 0.2, "cv": 1.0 },
                "memory_mb": 1024 },
  "architectures": [
    { "name": "Lambda", "type": "serverless", "max_instances": 6,
      "cold_start_s": { "dist": "lognormal", "mean": 0.5, "cv": 0.4 },
      "pricing": "aws-lambda-x86" },
    { "name": "Cloud Run", "type": "container", "vcpu": 1, "memory_mb": 1024,
      "concurrency_per_instance": 20, "min_instances": 1, "max_instances": 10,
      "startup_s": { "dist": "lognormal", "mean": 4, "cv": 0.3 },
      "pricing": "gcp-cloud-run-instance" },
    { "name": "EC2 x 3", "type": "vm", "instances": 3, "queue_capacity": 200,
      "queue_timeout_s": 30, "pricing": "aws-ec2-m5-large" } ] })";

ScenarioResults runThreeArchitectures() {
    const ScenarioReadResult read = ScenarioReader().readText(ThreeArchitectures);
    if (!read.ok()) {
        qFatal("test scenario invalid: %s", read.diagnostics.items().empty()
                                                ? "?"
                                                : read.diagnostics.items().front().message.c_str());
    }
    RunOutput output = runScenario(*read.scenario);
    if (output.status != RunStatus::Completed) {
        qFatal("test scenario did not complete");
    }
    return output.results;
}

const std::vector<double>& column(const ArchitectureResults& a, const std::string& name) {
    const int index = a.series.columnIndex(name);
    if (index < 0) {
        qFatal("no column %s", name.c_str());
    }
    return a.series.values[static_cast<std::size_t>(index)];
}

QCPGraph* graphNamed(QCustomPlot* plot, const QString& name) {
    for (int i = 0; i < plot->graphCount(); ++i) {
        if (plot->graph(i)->name() == name) {
            return plot->graph(i);
        }
    }
    return nullptr;
}

QStringList graphNames(QCustomPlot* plot) {
    QStringList names;
    for (int i = 0; i < plot->graphCount(); ++i) {
        names << plot->graph(i)->name();
    }
    return names;
}

QCPItemText* placeholderOf(QCustomPlot* plot) {
    return plot->itemCount() == 1 ? qobject_cast<QCPItemText*>(plot->item(0)) : nullptr;
}

QPalette darkPalette() {
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(37, 37, 38));
    dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    dark.setColor(QPalette::AlternateBase, QColor(45, 45, 45));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    dark.setColor(QPalette::Button, QColor(45, 45, 48));
    dark.setColor(QPalette::ButtonText, QColor(230, 230, 230));
    dark.setColor(QPalette::Mid, QColor(110, 110, 110));
    dark.setColor(QPalette::PlaceholderText, QColor(160, 160, 160));
    dark.setColor(QPalette::Highlight, QColor(38, 79, 120));
    dark.setColor(QPalette::HighlightedText, QColor(255, 255, 255));
    return dark;
}

// Pixels of `color` (within a small tolerance for anti-aliasing) in `image`.
int pixelsOf(const QImage& image, const QColor& color) {
    int count = 0;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            if (std::abs(qRed(line[x]) - color.red()) <= 3 &&
                std::abs(qGreen(line[x]) - color.green()) <= 3 &&
                std::abs(qBlue(line[x]) - color.blue()) <= 3) {
                ++count;
            }
        }
    }
    return count;
}

// The 0-based index of the bin containing `seconds`.
std::size_t binOf(const TimeSeries& s, double seconds) {
    return static_cast<std::size_t>((seconds - s.startS) / s.binS);
}

void saveShot(QWidget* widget, const QString& name) {
    const QPixmap shot = widget->grab();
    QVERIFY(!shot.isNull());
    QCOMPARE(shot.size(), widget->size() * widget->devicePixelRatioF());
    QVERIFY(faaslab::test::maybeGrab(widget, name));
}

ScenarioResults runScenarioOrFail(const Scenario& scenario) {
    RunOutput output = runScenario(scenario);
    if (output.status != RunStatus::Completed) {
        qFatal("scenario %s did not complete", scenario.name.c_str());
    }
    return output.results;
}

std::string exampleText(std::string_view name) {
    for (const resources::EmbeddedFile& file : resources::exampleScenarioFiles()) {
        if (file.name == name) {
            return std::string(file.contents);
        }
    }
    qFatal("no example %s", std::string(name).c_str());
}

// The rows of the command-line table text: label (as printed, with its
// indent), then one cell per architecture. Columns are 3 or more spaces
// apart; no label or cell holds 3 spaces in a row.
QList<QStringList> tableRows(const std::string& table) {
    QList<QStringList> rows;
    const QStringList lines = QString::fromStdString(table).split('\n');
    // The grid: after the first blank line, up to the next one.
    const qsizetype start = lines.indexOf(QString()) + 2; // skip the names row
    for (qsizetype i = start; i < lines.size() && !lines[i].isEmpty(); ++i) {
        rows << lines[i].split(QRegularExpression(" {3,}"));
    }
    return rows;
}

// Overlapping visible siblings anywhere under `root`, as "a / b" names.
QStringList overlappingSiblings(QWidget* root) {
    QStringList found;
    QList<QWidget*> parents = root->findChildren<QWidget*>();
    parents.prepend(root);
    for (QWidget* parent : parents) {
        QList<QWidget*> children;
        for (QObject* child : parent->children()) {
            auto* w = qobject_cast<QWidget*>(child);
            if (w != nullptr && w->isVisible() && !w->isWindow()) {
                children << w;
            }
        }
        for (int i = 0; i < children.size(); ++i) {
            for (int j = i + 1; j < children.size(); ++j) {
                if (children[i]->geometry().intersects(children[j]->geometry())) {
                    found << QStringLiteral("%1 '%2' / %3 '%4' in %5")
                                 .arg(children[i]->objectName(),
                                      qobject_cast<QLabel*>(children[i])
                                          ? qobject_cast<QLabel*>(children[i])->text()
                                          : QString(),
                                      children[j]->objectName(),
                                      qobject_cast<QLabel*>(children[j])
                                          ? qobject_cast<QLabel*>(children[j])->text()
                                          : QString(),
                                      parent->objectName());
                }
            }
        }
    }
    return found;
}

// Every legend entry's text, after checking that it is drawn whole inside
// the chart.
QStringList legendEntries(QCustomPlot* plot) {
    QStringList names;
    for (int i = 0; i < plot->legend->itemCount(); ++i) {
        auto* item = qobject_cast<QCPPlottableLegendItem*>(plot->legend->item(i));
        if (item == nullptr) {
            continue;
        }
        const QRect rect = item->outerRect();
        const QString name = item->plottable()->name();
        const int needed = static_cast<QCPLayoutElement*>(item)->minimumOuterSizeHint().width();
        if (rect.width() < needed || !plot->rect().contains(rect)) {
            qWarning("legend entry cut off: %s (%d of %d px)", qPrintable(name), rect.width(),
                     needed);
            return {};
        }
        for (int j = 0; j < i; ++j) {
            if (plot->legend->item(j) != nullptr &&
                plot->legend->item(j)->outerRect().intersects(rect)) {
                qWarning("legend entries overlap: %s", qPrintable(name));
                return {};
            }
        }
        names << name;
    }
    // And the data keeps room to be read.
    if (plot->axisRect()->height() < 100) {
        qWarning("plot area squashed to %d px", plot->axisRect()->height());
        return {};
    }
    return names;
}

bool allDistinct(const QStringList& list) {
    return QSet<QString>(list.begin(), list.end()).size() == list.size();
}

} // namespace

class TestChartTabs : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void timeSeriesDrawsTheSeries();
    void timeSeriesAxesHaveUnitsAndLineUp();
    void timeSeriesZoomMovesEveryChart();
    void timeSeriesHoverShowsTheBinValues();
    void timeSeriesHidingALineDropsItFromTheReadout();
    void timeSeriesClearShowsAPlaceholder();

    void latencyDrawsTheCdfAndQuantiles();
    void latencyHoverReadsTheCdf();
    void latencyClearShowsAPlaceholder();

    void costStacksTheMonthlyBreakdown();
    void costSwitchesToTheWindow();
    void costHoverNamesTheSegment();
    void costClearShowsAPlaceholder();

    void overviewShowsTimeoutsAndWhyNotRanked();
    void overviewCardsAreTheTableRowsForEveryExample();
    void latencyPlotsCompletedRequestsOnly();
    void layoutsHoldWithSixLongNames();

    void chartsExportAsPngAndPdf();
    void darkPaletteColoursTheCharts();
    void screenshots();

private:
    ScenarioResults m_results;
};

void TestChartTabs::initTestCase() {
    m_results = runThreeArchitectures();
    QCOMPARE(m_results.architectures.size(), std::size_t(3));
    for (const auto& a : m_results.architectures) {
        QVERIFY(a.series.binCount() >= 20);
        QVERIFY(!a.latencyCdf.empty());
    }
    // The fixture must exercise the optional lines: rejections and a queue.
    const auto& lambda = m_results.architectures[0];
    QVERIFY(lambda.mean.value(metric::Rejected) > 0.0);
    const auto& queue = column(m_results.architectures[2], "queue_length");
    QVERIFY(*std::max_element(queue.begin(), queue.end()) > 0.0);
}

void TestChartTabs::timeSeriesDrawsTheSeries() {
    TimeSeriesTab tab;
    tab.showResults(m_results);
    QCOMPARE(tab.title(), QStringLiteral("Time series"));
    const auto& archs = m_results.architectures;

    // Request rate: arrivals once, plus every architecture that rejected.
    QCustomPlot* rate = tab.chart(TimeSeriesTab::RateChart);
    QStringList expectedRate = {"Arrivals"};
    for (const auto& a : archs) {
        const auto& rejections = column(a, "rejections_per_s");
        if (*std::max_element(rejections.begin(), rejections.end()) > 0.0) {
            expectedRate << QString::fromStdString(a.name) + " rejected";
        }
    }
    QVERIFY(expectedRate.contains("Lambda rejected"));
    QCOMPARE(graphNames(rate), expectedRate);
    QCOMPARE(rate->legend->itemCount(), expectedRate.size());

    QCOMPARE(graphNames(tab.chart(TimeSeriesTab::InstancesChart)),
             QStringList({"Lambda live", "Cloud Run live", "EC2 x 3 live", "Lambda busy",
                          "Cloud Run busy", "EC2 x 3 busy"}));
    QCOMPARE(tab.chart(TimeSeriesTab::InstancesChart)->legend->itemCount(), 6);
    QCOMPARE(graphNames(tab.chart(TimeSeriesTab::QueueChart)),
             QStringList({"Lambda", "Cloud Run", "EC2 x 3"}));
    QCOMPARE(graphNames(tab.chart(TimeSeriesTab::CostChart)),
             QStringList({"Lambda", "Cloud Run", "EC2 x 3"}));
    QCOMPARE(tab.chart(TimeSeriesTab::CostChart)->legend->itemCount(), 3);

    // Minutes for a window of 1 h 50 min.
    QCOMPARE(tab.timeScale(), 60.0);
    for (int i = 0; i < 3; ++i) {
        const ArchitectureResults& a = archs[static_cast<std::size_t>(i)];
        const TimeSeries& s = a.series;
        const QString name = QString::fromStdString(a.name);
        QCPGraph* live = graphNamed(tab.chart(TimeSeriesTab::InstancesChart), name + " live");
        QCPGraph* busy = graphNamed(tab.chart(TimeSeriesTab::InstancesChart), name + " busy");
        QCPGraph* cost = graphNamed(tab.chart(TimeSeriesTab::CostChart), name);
        QCPGraph* queue = graphNamed(tab.chart(TimeSeriesTab::QueueChart), name);
        QVERIFY(live && busy && cost && queue);
        QCOMPARE(live->pen().color(), architectureColor(i));
        QCOMPARE(busy->pen().color(), architectureColor(i));
        QCOMPARE(cost->pen().color(), architectureColor(i));
        QCOMPARE(live->pen().style(), Qt::SolidLine);
        // Busy instances are the shaded area under their own line.
        QCOMPARE(busy->pen().style(), Qt::SolidLine);
        QCOMPARE(busy->brush().style(), Qt::SolidPattern);
        QCOMPARE(busy->brush().color().rgb(), architectureColor(i).rgb());
        QVERIFY(busy->brush().color().alpha() < 128);

        // Bin averages: one step per bin at its start, closed at the end.
        const auto bins = static_cast<int>(s.binCount());
        QCOMPARE(live->data()->size(), bins + 1);
        QCOMPARE(queue->data()->size(), bins + 1);
        for (int b = 0; b < bins; ++b) {
            const auto at = static_cast<std::size_t>(b);
            QCOMPARE(live->data()->at(b)->key, (s.startS + b * s.binS) / 60.0);
            QCOMPARE(live->data()->at(b)->value, column(a, "instances")[at]);
            QCOMPARE(busy->data()->at(b)->value, column(a, "busy_instances")[at]);
            QCOMPARE(queue->data()->at(b)->value, column(a, "queue_length")[at]);
        }
        QCOMPARE(live->data()->at(bins)->key, s.endS / 60.0);
        // Running cost: 0 at the start, each bin's value at its end.
        QCOMPARE(cost->data()->size(), bins + 1);
        QCOMPARE(cost->data()->at(0)->value, 0.0);
        for (int b = 0; b < bins; ++b) {
            QCOMPARE(cost->data()->at(b + 1)->key,
                     std::min(s.startS + (b + 1) * s.binS, s.endS) / 60.0);
            QCOMPARE(cost->data()->at(b + 1)->value,
                     column(a, "cost_cumulative")[static_cast<std::size_t>(b)]);
        }
    }
    QCPGraph* arrivals = graphNamed(rate, "Arrivals");
    const auto& expected = column(archs[0], "arrivals_per_s");
    for (std::size_t b = 0; b < expected.size(); ++b) {
        QCOMPARE(arrivals->data()->at(static_cast<int>(b))->value, expected[b]);
    }
    QCPGraph* rejected = graphNamed(rate, "Lambda rejected");
    QCOMPARE(rejected->data()->at(3)->value, column(archs[0], "rejections_per_s")[3]);
}

void TestChartTabs::timeSeriesAxesHaveUnitsAndLineUp() {
    TimeSeriesTab tab;
    tab.resize(1100, 1000);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    tab.showResults(m_results);
    QApplication::processEvents();
    const QList<QCustomPlot*> charts = tab.charts();
    QCOMPARE(charts.size(), 4);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(charts[i], tab.chart(static_cast<TimeSeriesTab::Chart>(i)));
        QCOMPARE(charts[i]->xAxis->label(), QStringLiteral("Simulated time (min)"));
    }
    QVERIFY(charts[0]->yAxis->label().contains("req/s"));
    QVERIFY(charts[1]->yAxis->label().contains("(count)"));
    QVERIFY(charts[2]->yAxis->label().contains("(requests)"));
    QVERIFY(charts[3]->yAxis->label().contains("(USD)"));
    // The whole measured window is in view and every value fits.
    const TimeSeries& s = m_results.architectures[0].series;
    QCOMPARE(charts[0]->xAxis->range().lower, s.startS / 60.0);
    QCOMPARE(charts[0]->xAxis->range().upper, s.endS / 60.0);
    const auto& cost = column(m_results.architectures[2], "cost_cumulative");
    QVERIFY(charts[3]->yAxis->range().upper >= cost.back());
    QCOMPARE(charts[3]->yAxis->range().lower, 0.0);
    // Stacked on one time axis, the plot areas line up to the pixel.
    for (QCustomPlot* chart : charts) {
        chart->replot();
    }
    for (QCustomPlot* chart : charts) {
        QCOMPARE(chart->axisRect()->left(), charts[0]->axisRect()->left());
        QCOMPARE(chart->axisRect()->right(), charts[0]->axisRect()->right());
    }
}

void TestChartTabs::timeSeriesZoomMovesEveryChart() {
    TimeSeriesTab tab;
    tab.showResults(m_results);
    const TimeSeries& s = m_results.architectures[0].series;
    tab.chart(TimeSeriesTab::QueueChart)->xAxis->setRange(40.0, 70.0);
    for (QCustomPlot* chart : tab.charts()) {
        QCOMPARE(chart->xAxis->range().lower, 40.0);
        QCOMPARE(chart->xAxis->range().upper, 70.0);
    }
    // Zooming out stops at the measured window.
    tab.chart(TimeSeriesTab::CostChart)->xAxis->setRange(-500.0, 900.0);
    for (QCustomPlot* chart : tab.charts()) {
        QCOMPARE(chart->xAxis->range().lower, s.startS / 60.0);
        QCOMPARE(chart->xAxis->range().upper, s.endS / 60.0);
    }
    // Zooming in stops at four bins (20 min).
    tab.chart(TimeSeriesTab::RateChart)->xAxis->setRange(50.0, 52.0);
    QCOMPARE(tab.chart(TimeSeriesTab::CostChart)->xAxis->range().size(), 20.0);
    QCOMPARE(tab.chart(TimeSeriesTab::CostChart)->xAxis->range().center(), 51.0);
    // A double-click brings the whole window back after a zoom.
    tab.chart(TimeSeriesTab::RateChart)->xAxis->setRange(50.0, 75.0);
    QCOMPARE(tab.chart(TimeSeriesTab::CostChart)->xAxis->range().upper, 75.0);
    QTest::mouseDClick(tab.chart(TimeSeriesTab::InstancesChart), Qt::LeftButton);
    // Qt 6.4's double click leaves the button down for later tests.
    QTest::mouseRelease(tab.chart(TimeSeriesTab::InstancesChart), Qt::LeftButton);
    QCOMPARE(tab.chart(TimeSeriesTab::CostChart)->xAxis->range().upper, s.endS / 60.0);
}

void TestChartTabs::timeSeriesHoverShowsTheBinValues() {
    TimeSeriesTab tab;
    tab.resize(1100, 1000);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    tab.showResults(m_results);
    QApplication::processEvents();
    QCustomPlot* instances = tab.chart(TimeSeriesTab::InstancesChart);
    instances->replot();
    const auto& archs = m_results.architectures;
    const TimeSeries& s = archs[0].series;
    QCOMPARE(tab.readoutText(TimeSeriesTab::CostChart), QString());

    // The mouse in the middle of bin 7 of the instances chart.
    const double seconds = s.startS + 7.5 * s.binS;
    const QPoint at(qRound(instances->xAxis->coordToPixel(seconds / 60.0)),
                    instances->axisRect()->center().y());
    QTest::mouseMove(instances, at);
    const std::size_t bin = binOf(s, instances->xAxis->pixelToCoord(at.x()) * 60.0);
    QCOMPARE(bin, std::size_t(7));

    // Every chart shows the cursor, each with its own values of that bin.
    const QString cost = tab.readoutText(TimeSeriesTab::CostChart);
    for (const auto& a : archs) {
        QVERIFY2(
            cost.contains(QString::fromStdString(a.name) + ": " +
                          QString::fromStdString(formatMoney(column(a, "cost_cumulative")[bin]))),
            qPrintable(cost));
    }
    const QString counts = tab.readoutText(TimeSeriesTab::InstancesChart);
    const double ec2 = column(archs[2], "instances")[bin];
    QVERIFY2(
        counts.contains(QStringLiteral("EC2 x 3: %1 live").arg(QLocale().toString(ec2, 'f', 2))),
        qPrintable(counts));
    const double lambdaBusy = column(archs[0], "busy_instances")[bin];
    QVERIFY2(counts.contains(QStringLiteral("%1 busy").arg(QLocale().toString(lambdaBusy, 'f', 2))),
             qPrintable(counts));
    const QString rate = tab.readoutText(TimeSeriesTab::RateChart);
    const double arrivals = column(archs[0], "arrivals_per_s")[bin];
    QVERIFY2(rate.contains(
                 QStringLiteral("Arrivals: %1 req/s").arg(QLocale().toString(arrivals, 'f', 2))),
             qPrintable(rate));
    // The bin's edges in minutes: 10 + 7 x 5 = 45 to 50.
    QVERIFY2(rate.startsWith("45–50 min"), qPrintable(rate));
    QVERIFY(!tab.readoutText(TimeSeriesTab::QueueChart).isEmpty());
    QVERIFY2(tab.cursorText().contains("45 to 50 min"), qPrintable(tab.cursorText()));

    // Leaving the chart hides the cursor everywhere.
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(instances, &leave);
    for (int c = 0; c < TimeSeriesTab::ChartCount; ++c) {
        QCOMPARE(tab.readoutText(static_cast<TimeSeriesTab::Chart>(c)), QString());
    }
}

void TestChartTabs::timeSeriesHidingALineDropsItFromTheReadout() {
    TimeSeriesTab tab;
    tab.resize(1100, 1000);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    tab.showResults(m_results);
    QApplication::processEvents();
    QCustomPlot* cost = tab.chart(TimeSeriesTab::CostChart);
    cost->replot();
    const TimeSeries& s = m_results.architectures[0].series;
    tab.showCursorAt(s.startS + 2.5 * s.binS);
    QVERIFY(tab.readoutText(TimeSeriesTab::CostChart).contains("Cloud Run: "));

    // Clicking the legend entry hides the line and its value.
    QCPAbstractLegendItem* entry = cost->legend->itemWithPlottable(graphNamed(cost, "Cloud Run"));
    QVERIFY(entry != nullptr);
    QTest::mouseClick(cost, Qt::LeftButton, Qt::NoModifier, entry->rect().center());
    QVERIFY(!graphNamed(cost, "Cloud Run")->visible());
    const QString text = tab.readoutText(TimeSeriesTab::CostChart);
    QVERIFY2(!text.contains("Cloud Run") && text.contains("Lambda: "), qPrintable(text));
    // Outside the measured window there is nothing to read.
    tab.showCursorAt(s.startS - 10.0);
    QCOMPARE(tab.readoutText(TimeSeriesTab::CostChart), QString());
}

void TestChartTabs::timeSeriesClearShowsAPlaceholder() {
    TimeSeriesTab tab;
    tab.showResults(m_results);
    QVERIFY(tab.chart(TimeSeriesTab::CostChart)->graphCount() > 0);
    tab.clearResults();
    for (QCustomPlot* chart : tab.charts()) {
        QCOMPARE(chart->plottableCount(), 0);
    }
    QCPItemText* message = placeholderOf(tab.chart(TimeSeriesTab::RateChart));
    QVERIFY(message != nullptr);
    QVERIFY(message->text().contains("Run"));
    // The charts keep their places (no relayout when results come).
    QVERIFY(!tab.chart(TimeSeriesTab::CostChart)->isHidden());
    QVERIFY(!tab.chart(TimeSeriesTab::CostChart)->legend->visible());
    tab.showCursorAt(m_results.architectures[0].series.startS + 100.0);
    QCOMPARE(tab.readoutText(TimeSeriesTab::RateChart), QString());
    // And the charts come back with the next results.
    tab.showResults(m_results);
    QVERIFY(!tab.chart(TimeSeriesTab::CostChart)->isHidden());
    QCOMPARE(tab.chart(TimeSeriesTab::CostChart)->graphCount(), 3);
}

void TestChartTabs::latencyDrawsTheCdfAndQuantiles() {
    LatencyTab tab;
    tab.showResults(m_results);
    QCOMPARE(tab.title(), QStringLiteral("Latency"));
    QCOMPARE(tab.charts(), QList<QCustomPlot*>{tab.chart()});
    QCustomPlot* plot = tab.chart();
    // One curve and one set of quantile markers per architecture; only the
    // curves are in the legend.
    QCOMPARE(plot->graphCount(), 6);
    QCOMPARE(plot->legend->itemCount(), 3);
    for (int i = 0; i < 3; ++i) {
        const ArchitectureResults& a = m_results.architectures[static_cast<std::size_t>(i)];
        QCPGraph* curve = tab.curve(i);
        QCPGraph* markers = tab.markers(i);
        QVERIFY(curve && markers);
        QVERIFY(curve->name().startsWith(QString::fromStdString(a.name)));
        QCOMPARE(curve->pen().color(), architectureColor(i));
        QCOMPARE(curve->lineStyle(), QCPGraph::lsStepLeft);
        // The CDF of completed requests as a share of all arrived ones.
        const double completed = a.mean.value(metric::Completed) / a.mean.value(metric::Arrived);
        // (It rises from 0 at the first latency.)
        QCOMPARE(curve->data()->size(), static_cast<int>(a.latencyCdf.size()) + 1);
        QCOMPARE(curve->data()->at(0)->key, a.latencyCdf[0].first);
        QCOMPARE(curve->data()->at(0)->value, 0.0);
        for (std::size_t p = 0; p < a.latencyCdf.size(); ++p) {
            QCOMPARE(curve->data()->at(static_cast<int>(p) + 1)->key, a.latencyCdf[p].first);
            QCOMPARE(curve->data()->at(static_cast<int>(p) + 1)->value,
                     a.latencyCdf[p].second * completed * 100.0);
        }
        QCOMPARE(plot->legend->itemWithPlottable(markers), nullptr);
        if (completed < 1.0) {
            // Lambda throttles: its curve ends at the completed share, the
            // legend says how much was rejected, a cross marks the end.
            QCOMPARE(i, 0);
            QCOMPARE(curve->data()->at(curve->data()->size() - 1)->value, completed * 100.0);
            QVERIFY2(curve->name().contains(QString::fromStdString(formatPercent(completed)) +
                                            " completed (" +
                                            QString::fromStdString(formatPercent(
                                                a.mean.value(metric::RejectionProbability))) +
                                            " rejected)"),
                     qPrintable(curve->name()));
            QCOMPARE(markers->data()->size(), 1);
            QCOMPARE(markers->scatterStyle().shape(), QCPScatterStyle::ssCross);
            continue;
        }
        QVERIFY(curve->name().contains(
            "p99 " + QString::fromStdString(formatSeconds(a.mean.value(metric::LatencyP99)))));
        QCOMPARE(markers->data()->size(), 3);
        QCOMPARE(markers->data()->at(0)->key, a.mean.value(metric::LatencyP50));
        QCOMPARE(markers->data()->at(0)->value, 50.0);
        QCOMPARE(markers->data()->at(1)->key, a.mean.value(metric::LatencyP95));
        QCOMPARE(markers->data()->at(1)->value, 95.0);
        QCOMPARE(markers->data()->at(2)->key, a.mean.value(metric::LatencyP99));
        QCOMPARE(markers->data()->at(2)->value, 99.0);
    }
    QCOMPARE(plot->xAxis->scaleType(), QCPAxis::stLogarithmic);
    QVERIFY(!plot->xAxis->ticker().dynamicCast<QCPAxisTickerLog>().isNull());
    QVERIFY(plot->xAxis->label().contains("(s"));
    QVERIFY(plot->yAxis->label().contains("(% of arrived)"));
    // Every latency is in view; the percentiles are named on the right.
    for (const auto& a : m_results.architectures) {
        QVERIFY(plot->xAxis->range().contains(a.mean.value(metric::LatencyP50)));
        QVERIFY(plot->xAxis->range().upper >= a.latencyCdf.back().first);
    }
    const auto names = plot->yAxis2->ticker().dynamicCast<QCPAxisTickerText>();
    QVERIFY(!names.isNull());
    QCOMPARE(names->ticks().value(50.0), QStringLiteral("p50"));
    QCOMPARE(names->ticks().value(95.0), QStringLiteral("p95"));
    QCOMPARE(names->ticks().value(99.0), QStringLiteral("p99"));
    QVERIFY(plot->yAxis2->visible());
    // The dashed reference lines at those three levels.
    QList<double> levels;
    for (int i = 0; i < plot->itemCount(); ++i) {
        auto* line = qobject_cast<QCPItemStraightLine*>(plot->item(i));
        if (line != nullptr && line->point1->typeY() == QCPItemPosition::ptPlotCoords) {
            QCOMPARE(line->point1->coords().y(), line->point2->coords().y());
            levels << line->point1->coords().y();
        }
    }
    QCOMPARE(levels, QList<double>({50.0, 95.0, 99.0}));
}

void TestChartTabs::latencyHoverReadsTheCdf() {
    LatencyTab tab;
    tab.resize(1000, 700);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    tab.showResults(m_results);
    QApplication::processEvents();
    QCustomPlot* plot = tab.chart();
    plot->replot();
    const auto& lambda = m_results.architectures[0];
    const int x = qRound(plot->xAxis->coordToPixel(lambda.mean.value(metric::LatencyP95)));
    QTest::mouseMove(plot, QPoint(x, plot->axisRect()->center().y()));
    const double s = plot->xAxis->pixelToCoord(x);
    // The share of Lambda's requests completed within s, straight from its
    // CDF of completed requests times the completed share.
    double fraction = 0.0;
    for (const auto& [seconds, f] : lambda.latencyCdf) {
        if (seconds <= s) {
            fraction = f;
        }
    }
    fraction *= lambda.mean.value(metric::Completed) / lambda.mean.value(metric::Arrived);
    QVERIFY(fraction > 0.7 && fraction < 0.99);
    const QString text = tab.readoutText();
    QVERIFY2(text.startsWith("Within " + QString::fromStdString(formatSeconds(s))),
             qPrintable(text));
    QVERIFY2(text.contains("Lambda: " + QLocale().toString(fraction * 100.0, 'f', 2) + " %"),
             qPrintable(text));
    QVERIFY(text.contains("Cloud Run: ") && text.contains("EC2 x 3: "));
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(plot, &leave);
    QCOMPARE(tab.readoutText(), QString());
}

void TestChartTabs::latencyClearShowsAPlaceholder() {
    LatencyTab tab;
    tab.showResults(m_results);
    tab.clearResults();
    QCOMPARE(tab.chart()->plottableCount(), 0);
    QCOMPARE(tab.curve(0), nullptr);
    QCPItemText* message = placeholderOf(tab.chart());
    QVERIFY(message != nullptr);
    QVERIFY(message->text().contains("Run"));
    QVERIFY(!tab.chart()->legend->visible());
}

// The nightly batch: the 40-minute monolith fails on Lambda (15-minute
// limit) after its retries, half of Lambda's requests. The cards say so,
// as the command-line table does, and why Lambda is not ranked.
void TestChartTabs::overviewShowsTimeoutsAndWhyNotRanked() {
    const ScenarioResults results =
        runScenarioOrFail(test::exampleScenarioFromJson(exampleText("nightly-batch.json")));
    OverviewTab tab;
    tab.showResults(results);
    QCOMPARE(tab.cards().size(), 2);
    const auto rows = tab.cardRows(0);
    QVERIFY(rows.contains({"  timed out or failed", "7 (50.00 %)"}));
    QVERIFY(rows.contains({"  rejected", "0 (0.00 %)"}));
    QCOMPARE(tab.valueText(0, QString::fromUtf8(metric::TimeoutProbability.data())),
             QStringLiteral("7 (50.00 %)"));
    QCOMPARE(tab.badgeText(0), QStringLiteral("not ranked"));
    QCOMPARE(tab.notRankedText(0),
             QStringLiteral("Not ranked: leaves 50.00 % of requests unserved (rejected, timed "
                            "out or failed)."));
    // The VM is dearer, and cheapest because Lambda is not ranked; the
    // summary says both, in the table's words.
    QVERIFY(results.architectures[1].mean.value(metric::CostMonthly) >
            results.architectures[0].mean.value(metric::CostMonthly));
    QCOMPARE(tab.badgeText(1), QStringLiteral("cheapest, fastest"));
    QCOMPARE(tab.notRankedText(1), QString());
    for (const std::string& line : verdictLines(results)) {
        QVERIFY2(tab.summaryText().contains(QString::fromStdString(line).toHtmlEscaped()),
                 qPrintable(tab.summaryText()));
    }
    QVERIFY(tab.summaryText().contains("Not ranked: Lambda (15-minute limit) leaves 50.00 %"));
}

// Every example, shortened and with two replications (so the cells carry
// their ± half-widths): each card shows exactly its column of the table the
// command line prints, row for row, and the summary its verdict lines.
void TestChartTabs::overviewCardsAreTheTableRowsForEveryExample() {
    int examples = 0;
    for (const resources::EmbeddedFile& file : resources::exampleScenarioFiles()) {
        Scenario scenario = test::exampleScenarioFromJson(std::string(file.contents));
        scenario.simulation.durationS = std::min(scenario.simulation.durationS, 3600.0);
        scenario.simulation.warmupS = std::min(scenario.simulation.warmupS, 600.0);
        scenario.simulation.replications = 2;
        const ScenarioResults results = runScenarioOrFail(scenario);
        const QList<QStringList> table = tableRows(formatComparisonTable(results));
        QVERIFY(table.size() > 20);
        OverviewTab tab;
        tab.showResults(results);
        QCOMPARE(tab.cards().size(), static_cast<qsizetype>(results.architectures.size()));
        for (int a = 0; a < tab.cards().size(); ++a) {
            const auto rows = tab.cardRows(a);
            QCOMPARE(rows.size(), table.size());
            for (int r = 0; r < rows.size(); ++r) {
                QCOMPARE(table[r].size(), tab.cards().size() + 1);
                QCOMPARE(rows[r].first, table[r][0]);
                QCOMPARE(rows[r].second, table[r][a + 1]);
            }
            QStringList badges;
            for (const std::string& b : architectureBadges(results, static_cast<std::size_t>(a))) {
                badges << QString::fromStdString(b);
            }
            QCOMPARE(tab.badgeText(a), badges.join(", "));
        }
        for (const std::string& line : verdictLines(results)) {
            QVERIFY(tab.summaryText().contains(QString::fromStdString(line).toHtmlEscaped()));
        }
        ++examples;
    }
    QCOMPARE(examples, 14);
}

// Failed requests are not plotted as served: on the nightly batch, Lambda's
// curve ends at the half that completed, before the failures' latency (which
// the table's percentiles include, as documented).
void TestChartTabs::latencyPlotsCompletedRequestsOnly() {
    const ScenarioResults results =
        runScenarioOrFail(test::exampleScenarioFromJson(exampleText("nightly-batch.json")));
    const ArchitectureResults& lambda = results.architectures[0];
    QCOMPARE(lambda.mean.value(metric::Completed), 7.0);
    QCOMPARE(lambda.mean.value(metric::TimedOut), 7.0);
    // The CDF holds the 7 completed pipelines only: about 40 minutes each.
    QCOMPARE(lambda.latencyCdf.back().second, 1.0);
    QVERIFY(lambda.latencyCdf.back().first < 45 * 60.0);
    QVERIFY(lambda.latencyCdf.front().first > 40 * 60.0);
    // The failed monoliths (3 x 15 min + 1 + 2 min of retry delays) are in
    // the served latency quantiles.
    QVERIFY(lambda.mean.value(metric::LatencyP99) > 47 * 60.0);

    LatencyTab tab;
    tab.showResults(results);
    QCPGraph* curve = tab.curve(0);
    QVERIFY(curve != nullptr);
    QCOMPARE(curve->data()->at(curve->data()->size() - 1)->value, 50.0);
    QVERIFY(curve->data()->at(curve->data()->size() - 1)->key < 45 * 60.0);
    QCOMPARE(curve->name(), QStringLiteral("Lambda (15-minute limit)\n50.00 % completed (50.00 % "
                                           "timed out or failed)"));
    QCOMPARE(tab.markers(0)->data()->size(), 1);
    QCOMPARE(tab.markers(0)->data()->at(0)->value, 50.0);
    // The VM completes everything: it reaches 100 %, quantiles marked.
    QCPGraph* vm = tab.curve(1);
    QCOMPARE(vm->data()->at(vm->data()->size() - 1)->value, 100.0);
    QCOMPARE(tab.markers(1)->data()->size(), 3);
    QVERIFY(tab.chart()->yAxis->label().contains("% of arrived"));
}

// Six architectures whose long names differ only at the end, at 1024x700:
// no overlapping widgets on the overview, no value cut off, no horizontal
// scrolling, and every chart legend names every series whole and distinctly.
void TestChartTabs::layoutsHoldWithSixLongNames() {
    QFile file(
        QString::fromStdString(test::sourcePath("tests/app/gui/results/six_long_names.json")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const ScenarioResults results =
        runScenarioOrFail(test::scenarioFromJson(file.readAll().toStdString()));
    QCOMPARE(results.architectures.size(), std::size_t(6));

    for (const QSize size : {QSize(1024, 700), QSize(640, 500), QSize(1920, 1080)}) {
        const QString at = QStringLiteral(" at %1x%2").arg(size.width()).arg(size.height());
        OverviewTab overview;
        overview.resize(size);
        overview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&overview));
        overview.showResults(results);
        QApplication::processEvents();
        QApplication::processEvents();
        const QStringList overlaps = overlappingSiblings(&overview);
        QVERIFY2(overlaps.isEmpty(), qPrintable(overlaps.join('\n') + at));
        auto* scroll = overview.findChild<QScrollArea*>("overviewScroll");
        QVERIFY(!scroll->horizontalScrollBar()->isVisible());
        for (QFrame* card : overview.cards()) {
            QVERIFY(card->isVisible());
            for (QLabel* label : card->findChildren<QLabel*>()) {
                if (!label->isVisible()) {
                    continue;
                }
                if (label->wordWrap()) {
                    // Wrapped text gets the height its lines need.
                    QVERIFY2(label->height() >= label->heightForWidth(label->width()),
                             qPrintable(label->text() + at));
                } else {
                    QVERIFY2(label->fontMetrics().horizontalAdvance(label->text()) <=
                                 label->contentsRect().width(),
                             qPrintable(label->text() + at));
                }
            }
        }

        LatencyTab latency;
        latency.resize(size);
        latency.show();
        QVERIFY(QTest::qWaitForWindowExposed(&latency));
        latency.showResults(results);
        latency.chart()->replot();
        latency.chart()->replot();
        QStringList entries = legendEntries(latency.chart());
        QCOMPARE(entries.size(), 6);
        QVERIFY(allDistinct(entries));

        TimeSeriesTab series;
        series.resize(size);
        series.show();
        QVERIFY(QTest::qWaitForWindowExposed(&series));
        series.showResults(results);
        for (QCustomPlot* plot : series.charts()) {
            plot->replot();
            plot->replot();
            entries = legendEntries(plot);
            QVERIFY2(!entries.isEmpty(), qPrintable(at));
            QVERIFY(allDistinct(entries));
        }
        QCOMPARE(legendEntries(series.chart(TimeSeriesTab::InstancesChart)).size(), 12);

        CostTab cost;
        cost.resize(size);
        cost.show();
        QVERIFY(QTest::qWaitForWindowExposed(&cost));
        cost.showResults(results);
        cost.chart()->replot();
        cost.chart()->replot();
        QVERIFY(!legendEntries(cost.chart()).isEmpty());
        QStringList ticks;
        const int slot = cost.chart()->axisRect()->width() / 6;
        const QFontMetrics metrics(cost.chart()->xAxis->tickLabelFont());
        for (int i = 0; i < 6; ++i) {
            ticks << cost.tickText(i);
            for (const QString& line : cost.tickText(i).split('\n')) {
                QVERIFY2(metrics.horizontalAdvance(line) <= slot, qPrintable(line + at));
            }
        }
        QVERIFY(allDistinct(ticks));
        // Numbered bars come with a key naming every architecture.
        if (ticks.first().startsWith("1\n")) {
            for (const auto& a : results.architectures) {
                QVERIFY(cost.keyText().replace('\n', ' ').contains(QString::fromStdString(a.name)));
            }
        }
    }
}

void TestChartTabs::costStacksTheMonthlyBreakdown() {
    CostTab tab;
    tab.showResults(m_results);
    QCOMPARE(tab.title(), QStringLiteral("Cost"));
    QCOMPARE(tab.period(), CostTab::Monthly);
    QCustomPlot* plot = tab.chart();
    QCOMPARE(tab.charts(), QList<QCustomPlot*>{plot});

    // Components: those that cost something somewhere, nothing else.
    QStringList expected;
    for (const auto& a : m_results.architectures) {
        for (const auto& entry : a.mean.entries()) {
            const std::string prefix(metric::CostMonthlyBreakdownPrefix);
            if (entry.key.starts_with(prefix) && entry.value != 0.0) {
                expected << QString::fromStdString(entry.key.substr(prefix.size()));
            }
        }
    }
    expected.removeDuplicates();
    QStringList components = tab.components();
    QCOMPARE(QSet<QString>(components.begin(), components.end()),
             QSet<QString>(expected.begin(), expected.end()));
    QVERIFY(components.contains("compute") && components.contains("instances"));
    QCOMPARE(plot->plottableCount(), components.size());
    QCOMPARE(plot->legend->itemCount(), components.size());

    for (int c = 0; c < components.size(); ++c) {
        auto* bars = qobject_cast<QCPBars*>(plot->plottable(c));
        QVERIFY(bars != nullptr);
        QCOMPARE(bars->name(), CostTab::componentLabel(components[c]));
        QCOMPARE(bars->brush().color(), CostTab::componentColor(components[c]));
        // Stacked in order, the legend reading top-down like the stack.
        QCOMPARE(static_cast<QCPAbstractPlottable*>(bars->barBelow()),
                 c == 0 ? nullptr : plot->plottable(c - 1));
        QCOMPARE(plot->legend->itemWithPlottable(bars),
                 plot->legend->item(components.size() - 1 - c));
        const std::string key = "cost.monthly_breakdown." + components[c].toStdString();
        for (int i = 0; i < 3; ++i) {
            const double value =
                m_results.architectures[static_cast<std::size_t>(i)].mean.value(key);
            const auto point = bars->data()->findBegin(i - 0.1);
            const bool drawn = point != bars->data()->constEnd() && point->key == i;
            QCOMPARE(drawn, value != 0.0);
            if (drawn) {
                QCOMPARE(point->value, value);
            }
        }
    }
    // The serverless compute and the VM instances in numbers.
    const auto compute = qobject_cast<QCPBars*>(plot->plottable(components.indexOf("compute")));
    QCOMPARE(compute->data()->at(0)->value,
             m_results.architectures[0].mean.value("cost.monthly_breakdown.compute"));

    // Totals above the bars, and names under them.
    for (int i = 0; i < 3; ++i) {
        const ArchitectureResults& a = m_results.architectures[static_cast<std::size_t>(i)];
        auto* total = plot->findChild<QCPItemText*>(QStringLiteral("total-%1").arg(i));
        QVERIFY(total != nullptr);
        QCOMPARE(total->text(),
                 QString::fromStdString(formatMoney(a.mean.value(metric::CostMonthly))));
        QCOMPARE(total->position->coords(), QPointF(i, a.mean.value(metric::CostMonthly)));
        QVERIFY(plot->yAxis->range().upper > a.mean.value(metric::CostMonthly) * 1.1);
    }
    const auto names = plot->xAxis->ticker().dynamicCast<QCPAxisTickerText>();
    QVERIFY(!names.isNull());
    QCOMPARE(names->ticks().value(0), QStringLiteral("Lambda\nserverless"));
    QCOMPARE(names->ticks().value(2), QStringLiteral("EC2 x 3\nvm"));
    QVERIFY(plot->yAxis->label().contains("30 days"));
    QVERIFY(plot->yAxis->label().contains("(USD)"));
}

void TestChartTabs::costSwitchesToTheWindow() {
    CostTab tab;
    tab.showResults(m_results);
    auto* box = tab.findChild<QComboBox*>("costPeriod");
    QVERIFY(box != nullptr);
    QVERIFY(box->isEnabled());
    QCOMPARE(box->itemText(1), QStringLiteral("Simulated window (%1)")
                                   .arg(QString::fromStdString(formatSpan(7200.0 - 600.0))));
    box->setCurrentIndex(1);
    QCOMPARE(tab.period(), CostTab::Window);
    QCustomPlot* plot = tab.chart();
    const QStringList components = tab.components();
    for (int c = 0; c < components.size(); ++c) {
        auto* bars = qobject_cast<QCPBars*>(plot->plottable(c));
        const std::string key = "cost.breakdown." + components[c].toStdString();
        for (int i = 0; i < 3; ++i) {
            const double value =
                m_results.architectures[static_cast<std::size_t>(i)].mean.value(key);
            const auto point = bars->data()->findBegin(i - 0.1);
            if (value != 0.0) {
                QCOMPARE(point->key, double(i));
                QCOMPARE(point->value, value);
            }
        }
    }
    for (int i = 0; i < 3; ++i) {
        auto* total = plot->findChild<QCPItemText*>(QStringLiteral("total-%1").arg(i));
        QCOMPARE(total->text(), QString::fromStdString(formatMoney(
                                    m_results.architectures[static_cast<std::size_t>(i)].mean.value(
                                        metric::CostTotal))));
    }
    QVERIFY(plot->yAxis->label().contains("window"));
    QVERIFY(plot->yAxis->label().contains("(USD)"));
    tab.setPeriod(CostTab::Monthly);
    QCOMPARE(box->currentIndex(), 0);
    QVERIFY(plot->yAxis->label().contains("30 days"));
}

void TestChartTabs::costHoverNamesTheSegment() {
    CostTab tab;
    tab.resize(1000, 700);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    tab.showResults(m_results);
    QApplication::processEvents();
    QCustomPlot* plot = tab.chart();
    plot->replot();
    // The middle of the VM fleet's only segment.
    const ArchitectureResults& ec2 = m_results.architectures[2];
    const double instances = ec2.mean.value("cost.monthly_breakdown.instances");
    const QPoint middle(qRound(plot->xAxis->coordToPixel(2.0)),
                        qRound(plot->yAxis->coordToPixel(instances / 2.0)));
    const QString text = tab.segmentTextAt(middle);
    QVERIFY2(
        text.startsWith("EC2 x 3, VM instances: " + QString::fromStdString(formatMoney(instances))),
        qPrintable(text));
    QVERIFY(text.contains("100.0 %"));
    // Between the bars there is nothing to name.
    QCOMPARE(tab.segmentTextAt(QPoint(qRound(plot->xAxis->coordToPixel(1.5)), middle.y())),
             QString());
}

void TestChartTabs::costClearShowsAPlaceholder() {
    CostTab tab;
    tab.showResults(m_results);
    QVERIFY(tab.chart()->plottableCount() > 0);
    tab.clearResults();
    QCOMPARE(tab.chart()->plottableCount(), 0);
    QVERIFY(tab.components().isEmpty());
    QCPItemText* message = placeholderOf(tab.chart());
    QVERIFY(message != nullptr);
    QVERIFY(message->text().contains("Run"));
    QVERIFY(!tab.findChild<QComboBox*>("costPeriod")->isEnabled());
    QCOMPARE(tab.segmentTextAt(QPoint(100, 100)), QString());
}

void TestChartTabs::chartsExportAsPngAndPdf() {
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    TimeSeriesTab series;
    LatencyTab latency;
    CostTab cost;
    for (ResultsTab* tab : std::initializer_list<ResultsTab*>{&series, &latency, &cost}) {
        tab->resize(1000, 900);
        tab->show();
        QVERIFY(QTest::qWaitForWindowExposed(tab));
        tab->showResults(m_results);
    }
    QApplication::processEvents();
    int n = 0;
    for (ResultsTab* tab : std::initializer_list<ResultsTab*>{&series, &latency, &cost}) {
        for (QCustomPlot* chart : tab->charts()) {
            const QString base = directory.filePath(QString::number(++n));
            QString error;
            QVERIFY2(exportChart(chart, base + ".png", &error), qPrintable(error));
            QVERIFY2(exportChart(chart, base + ".pdf", &error), qPrintable(error));
            QImage image(base + ".png");
            QVERIFY(!image.isNull());
            QCOMPARE(image.size(), chart->size() * 2);
            QFile pdf(base + ".pdf");
            QVERIFY(pdf.open(QIODevice::ReadOnly));
            QVERIFY(pdf.size() > 1000);
            QCOMPARE(pdf.read(4), QByteArray("%PDF"));
            if (tab == &cost) {
                // The bars themselves are in the picture, in their colours.
                QVERIFY(pixelsOf(image, CostTab::componentColor("instances")) > 5000);
                QVERIFY(pixelsOf(image, CostTab::componentColor("compute")) > 1000);
            }
            if (tab == &latency) {
                QVERIFY(pixelsOf(image, architectureColor(1)) > 200);
            }
        }
    }
    QCOMPARE(n, 6);
    QString error;
    QVERIFY(!exportChart(cost.chart(), directory.filePath("chart.svg"), &error));
    QVERIFY(error.contains(".png"));
}

void TestChartTabs::darkPaletteColoursTheCharts() {
    const QPalette light = QApplication::palette();
    const QPalette dark = darkPalette();
    const QColor text = dark.color(QPalette::WindowText);
    {
        QApplication::setPalette(dark);
        CostTab cost;
        cost.showResults(m_results);
        QCOMPARE(cost.chart()->yAxis->tickLabelColor(), text);
        QCOMPARE(cost.chart()->axisRect()->backgroundBrush().color(), dark.color(QPalette::Base));
        auto* total = cost.chart()->findChild<QCPItemText*>("total-0");
        QCOMPARE(total->color(), text);
        QCOMPARE(cost.chart()->legend->textColor(), text);
        QApplication::setPalette(light);
    }
    // A tab made in a light palette follows a switch to a dark one.
    LatencyTab latency;
    latency.showResults(m_results);
    QVERIFY(latency.chart()->xAxis->tickLabelColor() != text);
    latency.setPalette(dark);
    QApplication::processEvents();
    QCOMPARE(latency.chart()->xAxis->tickLabelColor(), text);
    QCOMPARE(latency.chart()->legend->textColor(), text);
    QCOMPARE(latency.chart()->graphCount(), 6);
    TimeSeriesTab series;
    series.showResults(m_results);
    series.setPalette(dark);
    QApplication::processEvents();
    QCustomPlot* rate = series.chart(TimeSeriesTab::RateChart);
    QCOMPARE(rate->yAxis->labelColor(), text);
    // The workload line is drawn in the text colour, readable on dark.
    QCOMPARE(graphNamed(rate, "Arrivals")->pen().color(), text);
    QCOMPARE(series.chart(TimeSeriesTab::CostChart)->graphCount(), 3);
}

void TestChartTabs::screenshots() {
    const QPalette light = QApplication::palette();
    for (const bool isDark : {false, true}) {
        QApplication::setPalette(isDark ? darkPalette() : light);
        const QString suffix = isDark ? "-dark" : "";
        TimeSeriesTab series;
        LatencyTab latency;
        CostTab cost;
        for (ResultsTab* tab : std::initializer_list<ResultsTab*>{&series, &latency, &cost}) {
            tab->resize(1150, 820);
            tab->show();
            QVERIFY(QTest::qWaitForWindowExposed(tab));
            tab->clearResults();
        }
        QApplication::processEvents();
        saveShot(&series, "time-series-empty" + suffix);
        saveShot(&cost, "cost-empty" + suffix);
        for (ResultsTab* tab : std::initializer_list<ResultsTab*>{&series, &latency, &cost}) {
            tab->showResults(m_results);
        }
        QApplication::processEvents();
        saveShot(&series, "time-series" + suffix);
        saveShot(&latency, "latency" + suffix);
        saveShot(&cost, "cost" + suffix);
        const TimeSeries& s = m_results.architectures[0].series;
        series.showCursorAt(s.startS + 0.7 * (s.endS - s.startS));
        latency.showCursorAt(m_results.architectures[0].mean.value(metric::LatencyP95));
        QVERIFY(!series.readoutText(TimeSeriesTab::InstancesChart).isEmpty());
        QVERIFY(!latency.readoutText().isEmpty());
        QApplication::processEvents();
        saveShot(&series, "time-series-hover" + suffix);
        saveShot(&latency, "latency-hover" + suffix);
        cost.setPeriod(CostTab::Window);
        QApplication::processEvents();
        saveShot(&cost, "cost-window" + suffix);
    }
    QApplication::setPalette(light);
}

QTEST_MAIN(TestChartTabs)
#include "tst_chart_tabs.moc"
