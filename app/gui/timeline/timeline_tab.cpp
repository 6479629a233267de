#include "app/gui/timeline/timeline_tab.h"

#include "app/gui/document/scenario_document.h"
#include "app/gui/results/chart_style.h"
#include "app/gui/run_controller.h"
#include "app/gui/timeline/timeline_plot.h"
#include "models/format/number_format.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace faaslab::gui {

namespace {

QString seconds(double s) {
    return QString::fromStdString(formatNumber(std::round(s * 100.0) / 100.0)) + " s";
}

// A coloured square and its meaning, for the legend row.
QString legendItem(const QColor& color, const QString& text) {
    return QStringLiteral("<span style='color:%1'>&#9632;</span>&nbsp;%2")
        .arg(color.name(QColor::HexRgb), text.toHtmlEscaped());
}

constexpr double Speeds[] = {1.0, 10.0, 60.0, 600.0};
constexpr int TickMs = 50;

} // namespace

TimelineTab::TimelineTab(ScenarioDocument* document, QWidget* parent)
    : ResultsTab(parent)
    , m_document(document)
    , m_controller(new RunController(this)) {
    auto* layout = new QVBoxLayout(this);

    auto* windowRow = new QHBoxLayout;
    windowRow->addWidget(new QLabel(tr("Window from"), this));
    m_from = new QLineEdit(this);
    m_from->setObjectName("timelineFrom");
    m_from->setMaximumWidth(90);
    windowRow->addWidget(m_from);
    windowRow->addWidget(new QLabel(tr("s to"), this));
    m_to = new QLineEdit(this);
    m_to->setObjectName("timelineTo");
    m_to->setMaximumWidth(90);
    windowRow->addWidget(m_to);
    windowRow->addWidget(new QLabel(tr("s"), this));
    m_record = new QPushButton(tr("Record timeline"), this);
    m_record->setToolTip(tr("Runs each architecture up to the window's end with the scenario's "
                            "seed and records every instance and request in the window."));
    windowRow->addWidget(m_record);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    windowRow->addWidget(m_message, 1);
    layout->addLayout(windowRow);

    auto* playRow = new QHBoxLayout;
    m_playButton = new QPushButton(tr("Play"), this);
    m_stepButton = new QPushButton(tr("Step"), this);
    m_stepButton->setToolTip(tr("Move the cursor to the next change"));
    m_speed = new QComboBox(this);
    for (const double speed : Speeds) {
        m_speed->addItem(tr("%1× speed").arg(speed));
    }
    m_speed->setCurrentIndex(1);
    m_time = new QLabel(this);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_time->setFont(big);
    playRow->addWidget(m_playButton);
    playRow->addWidget(m_stepButton);
    playRow->addWidget(m_speed);
    playRow->addWidget(m_time);
    playRow->addStretch();
    layout->addLayout(playRow);

    m_counters = new QLabel(this);
    m_counters->setObjectName("timelineCounters");
    m_counters->setFont(big);
    m_counters->setTextFormat(Qt::PlainText);
    m_counters->setWordWrap(true);
    layout->addWidget(m_counters);

    auto* legend = new QLabel(this);
    legend->setText(QStringList{
        legendItem(TimelinePlot::coldStartColor(), tr("cold start / start-up / boot")),
        legendItem(TimelinePlot::executingColor(), tr("executing (darker: requests sharing it)")),
        legendItem(TimelinePlot::idleColor(), tr("idle, kept warm")),
        legendItem(TimelinePlot::provisionedColor(),
                   tr("provisioned / minimum, kept whatever the load")),
        legendItem(TimelinePlot::rejectedColor(), tr("✕ rejected (top row)")), tr("| reclaimed")}
                        .join("&nbsp;&nbsp;&nbsp;"));
    legend->setWordWrap(true);
    layout->addWidget(legend);

    // Lanes keep a readable height; many instances scroll instead of
    // shrinking to hairlines.
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_plot = new QCustomPlot(scroll);
    m_plot->setObjectName("timelineChart");
    m_plot->setMinimumHeight(300);
    m_plot->setMouseTracking(true);
    styleChart(m_plot);
    scroll->setWidget(m_plot);
    layout->addWidget(scroll, 1);
    m_hover = new QLabel(this);
    m_hover->setWordWrap(true);
    m_hover->setMinimumHeight(m_hover->fontMetrics().height() * 2);
    layout->addWidget(m_hover);

    connect(m_record, &QPushButton::clicked, this, &TimelineTab::recordFromControls);
    connect(m_playButton, &QPushButton::clicked, this, [this] { isPlaying() ? pause() : play(); });
    connect(m_stepButton, &QPushButton::clicked, this, &TimelineTab::step);
    m_play.setInterval(TickMs);
    connect(&m_play, &QTimer::timeout, this, &TimelineTab::onTick);
    connect(m_plot, &QCustomPlot::mouseMove, this, &TimelineTab::onMouseMove);
    connect(m_controller, &RunController::finished, this, &TimelineTab::onRecorded);
    connect(m_controller, &RunController::failed, this, [this](const QString& message) {
        m_record->setEnabled(true);
        showMessage(tr("Recording failed: %1").arg(message));
    });
    connect(m_document, &ScenarioDocument::changed, this, [this] {
        if (m_lanes.empty() && m_document->scenario()) {
            const SimulationSettings& s = m_document->scenario()->simulation;
            m_from->setText(QString::fromStdString(formatNumber(s.warmupS)));
            m_to->setText(
                QString::fromStdString(formatNumber(std::min(s.warmupS + 600.0, s.durationS))));
        }
    });
    if (m_document->scenario()) {
        const SimulationSettings& s = m_document->scenario()->simulation;
        m_from->setText(QString::fromStdString(formatNumber(s.warmupS)));
        m_to->setText(
            QString::fromStdString(formatNumber(std::min(s.warmupS + 600.0, s.durationS))));
    }
    rebuildPlot();
}

TimelineTab::~TimelineTab() {
    m_controller->stop();
    m_controller->waitForFinished(5000);
}

QList<QCustomPlot*> TimelineTab::charts() const {
    return m_lanes.empty() ? QList<QCustomPlot*>{} : QList<QCustomPlot*>{m_plot};
}

QString TimelineTab::messageText() const {
    return m_message->text();
}

void TimelineTab::showMessage(const QString& text) {
    m_message->setText(text);
}

bool TimelineTab::recordFromControls() {
    bool okFrom = false;
    bool okTo = false;
    const double from = m_from->text().trimmed().toDouble(&okFrom);
    const double to = m_to->text().trimmed().toDouble(&okTo);
    if (!okFrom || !okTo) {
        showMessage(tr("From and To must be numbers of seconds."));
        return false;
    }
    return record(from, to);
}

bool TimelineTab::record(double from, double to) {
    if (m_controller->isRunning()) {
        showMessage(tr("A recording is already running."));
        return false;
    }
    const auto& scenario = m_document->scenario();
    if (!scenario) {
        showMessage(tr("Fix the scenario's problems first."));
        return false;
    }
    const double duration = scenario->simulation.durationS;
    if (from < 0.0 || from >= duration || to <= from || to > duration) {
        showMessage(tr("The window must lie within the run (0 to %1 s) and end after it starts.")
                        .arg(QString::fromStdString(formatNumber(duration))));
        return false;
    }
    std::vector<std::size_t> architectures;
    QStringList skipped;
    for (std::size_t a = 0; a < scenario->architectures.size(); ++a) {
        if (const auto why = timelineUnsupported(*scenario, a)) {
            skipped << QString::fromStdString(*why);
        } else {
            architectures.push_back(a);
        }
    }
    if (architectures.empty()) {
        showMessage(skipped.isEmpty() ? tr("Nothing to record.") : skipped.front());
        return false;
    }
    pause();
    auto results = std::make_shared<std::vector<TimelineOutput>>();
    m_pending = results;
    const TimelineWindow window{from, to, 200000};
    m_controller->startJob(
        [scenario = *scenario, architectures, window,
         results](const std::atomic<bool>& cancel, std::function<void(double)> progress) {
            for (std::size_t i = 0; i < architectures.size(); ++i) {
                results->push_back(recordTimeline(scenario, architectures[i], 0, window, &cancel));
                progress(static_cast<double>(i + 1) / static_cast<double>(architectures.size()));
                if (cancel.load()) {
                    return false;
                }
            }
            return true;
        });
    m_record->setEnabled(false);
    showMessage(tr("Recording…"));
    return true;
}

void TimelineTab::onRecorded() {
    m_record->setEnabled(true);
    if (!m_pending) {
        return;
    }
    m_lanes.clear();
    QStringList truncated;
    for (TimelineOutput& output : *m_pending) {
        if (output.truncated) {
            truncated << tr("%1 truncated at t = %2 (200,000 records)")
                             .arg(QString::fromStdString(output.architecture),
                                  seconds(output.truncatedAtS));
        }
        m_lanes.emplace_back(std::move(output));
    }
    m_pending.reset();
    showMessage(truncated.isEmpty() ? QString() : truncated.join("; "));
    m_cursor = m_lanes.empty() ? 0.0 : m_lanes.front().timeline().window.fromS;
    rebuildPlot();
}

int TimelineTab::laneCount(int architecture) const {
    return architecture >= 0 && architecture < architectureCount()
               ? static_cast<int>(lanes(architecture).lanes().size())
               : 0;
}

void TimelineTab::rebuildPlot() {
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_cursorLines.clear();
    m_rects.clear();
    m_plot->plotLayout()->clear();
    if (m_lanes.empty()) {
        auto* rect = new QCPAxisRect(m_plot);
        m_plot->plotLayout()->addElement(0, 0, rect);
        labelAxis(rect->axis(QCPAxis::atBottom), tr("Simulated time (s)"));
        labelAxis(rect->axis(QCPAxis::atLeft), tr("Instance"));
        showPlaceholder(m_plot, tr("Choose a window and press Record timeline to watch every "
                                   "instance: cold starts, requests, keep-alive and throttling."));
        m_counters->clear();
        m_time->clear();
        return;
    }
    auto* group = new QCPMarginGroup(m_plot);
    const TimelineWindow& window = m_lanes.front().timeline().window;
    for (std::size_t a = 0; a < m_lanes.size(); ++a) {
        const TimelineLanes& lanes = m_lanes[a];
        auto* title = new QCPTextElement(
            m_plot, tr("%1 (%2): %n instance(s) in the window", nullptr,
                       static_cast<int>(lanes.lanes().size()))
                        .arg(QString::fromStdString(lanes.timeline().architecture),
                             QString::fromStdString(lanes.timeline().type)));
        title->setTextColor(m_plot->palette().color(QPalette::WindowText));
        m_plot->plotLayout()->addElement(static_cast<int>(2 * a), 0, title);
        auto* rect = new QCPAxisRect(m_plot);
        m_plot->plotLayout()->addElement(static_cast<int>(2 * a + 1), 0, rect);
        m_plot->plotLayout()->setRowStretchFactor(static_cast<int>(2 * a), 0.01);
        m_plot->plotLayout()->setRowStretchFactor(
            static_cast<int>(2 * a + 1),
            std::clamp(static_cast<double>(lanes.lanes().size()) + 2.0, 3.0, 30.0));
        rect->setMarginGroup(QCP::msLeft | QCP::msRight, group);
        rect->setRangeDrag(Qt::Horizontal);
        rect->setRangeZoom(Qt::Horizontal);
        QCPAxis* x = rect->axis(QCPAxis::atBottom);
        QCPAxis* y = rect->axis(QCPAxis::atLeft);
        labelAxis(x, a + 1 == m_lanes.size() ? tr("Simulated time (s)") : QString());
        labelAxis(y, tr("Instance"));
        y->setRangeReversed(true); // instance 0 at the top, rejections above it
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        ticker->addTick(-1.0, tr("rejected"));
        const int count = static_cast<int>(lanes.lanes().size());
        const int every = std::max(1, count / 12);
        for (int i = 0; i < count; i += every) {
            ticker->addTick(i,
                            QString::number(lanes.lanes()[static_cast<std::size_t>(i)].instance));
        }
        y->setTicker(ticker);
        y->setRange(-1.6, std::max(0.6, count - 0.4));
        x->setRange(window.fromS, window.toS);
        auto* plot = new TimelinePlot(x, y, &m_lanes[a]);
        plot->setName(QString::fromStdString(lanes.timeline().architecture));
        auto* line = new QCPItemStraightLine(m_plot);
        line->setClipAxisRect(rect);
        for (QCPItemPosition* p : {line->point1, line->point2}) {
            p->setAxes(x, y);
            p->setAxisRect(rect);
        }
        line->setPen(QPen(QColor(0xCC, 0x00, 0x00), 1.5));
        m_cursorLines.push_back(line);
        m_rects.push_back(rect);
    }
    // One time axis: zooming or dragging any architecture moves them all.
    for (QCPAxisRect* rect : m_rects) {
        connect(rect->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::rangeChanged),
                this, [this](const QCPRange& range) {
                    for (QCPAxisRect* other : m_rects) {
                        QCPAxis* x = other->axis(QCPAxis::atBottom);
                        if (x->range() != range) {
                            x->setRange(range);
                        }
                    }
                });
    }
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    int height = 0;
    for (const TimelineLanes& lanes : m_lanes) {
        height += 14 * (static_cast<int>(lanes.lanes().size()) + 2) + 60;
    }
    m_plot->setMinimumHeight(std::max(300, height));
    updateCursor();
}

void TimelineTab::setCursorTime(double time) {
    if (m_lanes.empty()) {
        return;
    }
    const TimelineWindow& w = m_lanes.front().timeline().window;
    m_cursor = std::clamp(time, w.fromS, w.toS);
    updateCursor();
}

void TimelineTab::updateCursor() {
    for (QCPItemStraightLine* line : m_cursorLines) {
        line->point1->setCoords(m_cursor, 0.0);
        line->point2->setCoords(m_cursor, 1.0);
    }
    m_time->setText(tr("t = %1").arg(seconds(m_cursor)));
    m_counters->setText(countersText());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString TimelineTab::countersText() const {
    QStringList lines;
    for (const TimelineLanes& lanes : m_lanes) {
        const TimelineLanes::Counters c = lanes.countersAt(m_cursor);
        lines << tr("%1: %2 alive, %3 busy, %4 idle · so far %5 completed, %6 cold starts, "
                    "%7 rejected")
                     .arg(QString::fromStdString(lanes.timeline().architecture))
                     .arg(c.alive)
                     .arg(c.busy)
                     .arg(c.alive - c.busy)
                     .arg(c.completed)
                     .arg(c.coldStarts)
                     .arg(c.rejected);
    }
    return lines.join('\n');
}

void TimelineTab::play() {
    if (m_lanes.empty()) {
        return;
    }
    const TimelineWindow& w = m_lanes.front().timeline().window;
    if (m_cursor >= w.toS) {
        m_cursor = w.fromS;
    }
    m_play.start();
    m_playButton->setText(tr("Pause"));
}

void TimelineTab::pause() {
    m_play.stop();
    m_playButton->setText(tr("Play"));
}

void TimelineTab::step() {
    if (m_lanes.empty()) {
        return;
    }
    double next = std::numeric_limits<double>::infinity();
    for (const TimelineLanes& lanes : m_lanes) {
        const double t = lanes.nextChangeAfter(m_cursor);
        if (t > m_cursor) {
            next = std::min(next, t);
        }
    }
    if (std::isfinite(next)) {
        setCursorTime(next);
    }
}

void TimelineTab::onTick() {
    const double speed = Speeds[std::clamp(m_speed->currentIndex(), 0, 3)];
    const TimelineWindow& w = m_lanes.front().timeline().window;
    setCursorTime(m_cursor + speed * TickMs / 1000.0);
    if (m_cursor >= w.toS) {
        pause();
    }
}

QString TimelineTab::hoverTextAt(int architecture, int lane, double time) const {
    if (architecture < 0 || architecture >= architectureCount()) {
        return {};
    }
    const TimelineLanes& lanes = this->lanes(architecture);
    if (lane >= static_cast<int>(lanes.lanes().size()) || lane < -1) {
        return {};
    }
    // A rejection is a point: accept it within a small share of the view.
    const QCPRange range =
        m_rects.empty() ? QCPRange(0, 1) : m_rects.front()->axis(QCPAxis::atBottom)->range();
    if (const TimelineLanes::Span* span = lanes.spanAt(lane, time, range.size() / 200.0)) {
        return TimelineLanes::describe(*span, lanes);
    }
    return lane >= 0 ? lanes.describeLane(lane) : QString();
}

void TimelineTab::onMouseMove(QMouseEvent* event) {
    for (std::size_t a = 0; a < m_rects.size(); ++a) {
        QCPAxisRect* rect = m_rects[a];
        if (!rect->rect().contains(event->pos())) {
            continue;
        }
        const double time = rect->axis(QCPAxis::atBottom)->pixelToCoord(event->pos().x());
        const int lane = static_cast<int>(
            std::lround(rect->axis(QCPAxis::atLeft)->pixelToCoord(event->pos().y())));
        const QString text = hoverTextAt(static_cast<int>(a), lane, time);
        m_hover->setText(text);
        m_plot->setToolTip(text);
        return;
    }
    m_hover->clear();
}

} // namespace faaslab::gui
