#include "app/gui/sweep/sweep_tab.h"

#include "app/gui/document/scenario_document.h"
#include "app/gui/results/export_file_name.h"
#include "app/gui/run_controller.h"
#include "app/gui/run_progress_widget.h"
#include "app/gui/sweep/sweep_chart.h"
#include "models/report/comparison_table.h"
#include "models/report/sweep_writer.h"
#include "models/results/ranking.h"
#include "models/runner/sweep_parameter.h"
#include "models/runner/sweep_time_estimate.h"
#include "models/scenario/scenario_reader.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QThread>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>
#include <cctype>
#include <cmath>
#include <qcustomplot.h>

namespace faaslab::gui {

namespace {

using Json = nlohmann::ordered_json;

// More diagnostics than this are summarised ("… and 12 more").
constexpr int MaxMessageLines = 8;

QString text(const std::string& s) {
    return QString::fromStdString(s);
}

// "12.3 M", "450 k": simulated invocations, for the estimate.
QString countText(double count) {
    if (count >= 1e9) {
        return QObject::tr("%1 G").arg(count / 1e9, 0, 'f', 1);
    }
    if (count >= 1e6) {
        return QObject::tr("%1 M").arg(count / 1e6, 0, 'f', 1);
    }
    if (count >= 1e3) {
        return QObject::tr("%1 k").arg(count / 1e3, 0, 'f', 0);
    }
    return QString::number(count, 'f', 0);
}

} // namespace

QStringList numericParameterPaths(const nlohmann::ordered_json& document) {
    QStringList paths;
    for (const std::string& path : faaslab::numericParameterPaths(document)) {
        paths << text(path);
    }
    return paths;
}

// ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------

SweepTab::SweepTab(ScenarioDocument* document, QWidget* parent)
    : ResultsTab(parent)
    , m_document(document)
    , m_controller(new RunController(this)) {
    setObjectName("sweepTab");
    buildControls();

    connect(m_document, &ScenarioDocument::changed, this, &SweepTab::onDocumentChanged);
    connect(m_document, &ScenarioDocument::loaded, this, &SweepTab::onDocumentReplaced);
    connect(m_document, &ScenarioDocument::validityChanged, this, &SweepTab::updateRunState);
    connect(m_controller, &RunController::started, this, [this] {
        updateRunState();
        emit activityChanged();
    });
    connect(m_controller, &RunController::progress, this,
            [this](double fraction, double, double) { onProgress(fraction); });
    connect(m_controller, &RunController::finished, this, &SweepTab::onSweepFinished);
    connect(m_controller, &RunController::cancelled, this, &SweepTab::onSweepCancelled);
    connect(m_controller, &RunController::failed, this, [this](const QString& message) {
        m_pending.reset();
        m_finished.reset();
        plotResults();
        updateRunState();
        showMessage(tr("The sweep failed: %1").arg(message), true);
        emit activityChanged();
    });

    refreshParameters(true);
    plotResults();
    updateSummary();
    updateRunState();
}

SweepTab::~SweepTab() = default;

void SweepTab::buildControls() {
    // Everything scrolls when the window is too small for it (a 1024x700
    // laptop with the editor beside it): controls, chart and table keep the
    // room they need instead of being squeezed over each other.
    auto* topLayout = new QVBoxLayout(this);
    topLayout->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName("sweepScroll");
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* body = new QWidget(scroll);
    body->setObjectName("sweepBody");
    scroll->setWidget(body);
    topLayout->addWidget(scroll);
    auto* outer = new QVBoxLayout(body);

    auto* controls = new QGridLayout;
    controls->setColumnStretch(1, 1);
    m_parameter = new QComboBox(body);
    m_parameter->setObjectName("sweepParameter");
    // Editable, so any path can be typed (as with --param); the completer
    // finds a field by any part of its path ("keep" → keep_alive_s).
    m_parameter->setEditable(true);
    m_parameter->setInsertPolicy(QComboBox::NoInsert);
    m_parameter->setMaxVisibleItems(20);
    m_parameter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_parameter->setMinimumContentsLength(24);
    m_parameter->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_parameter->completer()->setFilterMode(Qt::MatchContains);
    m_parameter->completer()->setCompletionMode(QCompleter::PopupCompletion);
    // Filling the list blocks signals, so this sees only the user's choices.
    connect(m_parameter, &QComboBox::currentTextChanged, this, &SweepTab::onParameterChosen);
    m_parameter->setToolTip(tr("The numeric field of the scenario to vary, by its path in the "
                               "scenario file (as faaslab-cli sweep --param takes it)."));
    auto* parameterLabel = new QLabel(tr("&Parameter:"), body);
    parameterLabel->setBuddy(m_parameter);
    m_current = new QLabel(body);
    m_current->setObjectName("sweepCurrentValue");
    m_current->setWordWrap(true); // "unavailable: …" on a narrow window
    m_current->setToolTip(tr("The field's value in the scenario; the range is prefilled from "
                             "a tenth of it to ten times it, narrowed if that would take long."));
    auto* parameterRow = new QHBoxLayout;
    parameterRow->addWidget(m_parameter, 3);
    parameterRow->addWidget(m_current, 1);
    controls->addWidget(parameterLabel, 0, 0);
    controls->addLayout(parameterRow, 0, 1);

    auto* range = new QHBoxLayout;
    auto addField = [&](const QString& label, QLineEdit*& edit, const QString& name,
                        const QString& tip) {
        edit = new QLineEdit(body);
        edit->setObjectName(name);
        edit->setToolTip(tip);
        edit->setMaximumWidth(110);
        auto* l = new QLabel(label, body);
        l->setBuddy(edit);
        range->addWidget(l);
        range->addWidget(edit, 1);
        connect(edit, &QLineEdit::textEdited, this, [this] {
            m_rangeEdited = true;
            updateEstimate();
        });
        connect(edit, &QLineEdit::textChanged, this, &SweepTab::updateEstimate);
        connect(edit, &QLineEdit::returnPressed, this, [this] {
            if (m_run->isEnabled()) {
                startSweepFromControls();
            }
        });
    };
    addField(tr("&From:"), m_from, "sweepFrom", tr("The first value of the sweep."));
    addField(tr("&To:"), m_to, "sweepTo", tr("The last value of the sweep."));
    addField(tr("P&oints:"), m_points, "sweepPoints",
             tr("How many values, from %1 to %2, each a complete run of every architecture.")
                 .arg(MinSweepPoints)
                 .arg(MaxSweepPoints));
    m_points->setMaximumWidth(60);
    // Room for a value like "2.048e+06" at any window width (the cursor is
    // put at the start of a prefilled value, so a longer one shows its
    // leading digits).
    for (QLineEdit* edit : {m_from, m_to}) {
        edit->setMinimumWidth(edit->fontMetrics().horizontalAdvance(QStringLiteral("2.048e+06")) +
                              2 * edit->fontMetrics().averageCharWidth());
    }
    m_logarithmic = new QCheckBox(tr("&Logarithmic"), body);
    m_logarithmic->setObjectName("sweepLogarithmic");
    m_logarithmic->setToolTip(tr("Space the values geometrically (1, 2, 5, 10 …) and use a "
                                 "logarithmic parameter axis."));
    connect(m_logarithmic, &QCheckBox::clicked, this, [this] {
        m_rangeEdited = true;
        updateEstimate();
    });
    range->addWidget(m_logarithmic);
    range->addStretch(1);
    auto* rangeLabel = new QLabel(tr("Range:"), body);
    controls->addWidget(rangeLabel, 1, 0);
    controls->addLayout(range, 1, 1);

    auto* buttons = new QHBoxLayout;
    m_run = new QPushButton(QIcon::fromTheme("media-playback-start"), tr("&Run sweep"), body);
    m_run->setObjectName("sweepRun");
    connect(m_run, &QPushButton::clicked, this, [this] { startSweepFromControls(); });
    buttons->addWidget(m_run);
    m_save = new QPushButton(QIcon::fromTheme("document-save-as"), tr("&Save sweep…"), body);
    m_save->setObjectName("sweepSave");
    m_save->setToolTip(tr("Write the sweep as JSON or CSV, the files faaslab-cli sweep --out and "
                          "--csv write."));
    connect(m_save, &QPushButton::clicked, this, &SweepTab::saveDialog);
    buttons->addWidget(m_save);
    buttons->addStretch(1);
    controls->addLayout(buttons, 2, 1);
    outer->addLayout(controls);

    // Said before Run sweep is pressed: a sweep of a two-day scenario can
    // take half an hour.
    m_estimate = new QLabel(body);
    m_estimate->setObjectName("sweepEstimate");
    m_estimate->setWordWrap(true);
    m_estimate->setTextFormat(Qt::RichText);
    outer->addWidget(m_estimate);

    m_progress = new RunProgressWidget(m_controller, body);
    m_progress->setStopToolTip(tr("Stop the sweep; the points finished so far stay, shown as a "
                                  "partial sweep."));
    outer->addWidget(m_progress);

    // Problems are shown in the tab, where the controls are, not in a
    // dialog: the user corrects a field and presses Run again.
    m_messageBar = new QWidget(body);
    auto* messageLayout = new QHBoxLayout(m_messageBar);
    messageLayout->setContentsMargins(0, 0, 0, 0);
    m_messageIcon = new QLabel(m_messageBar);
    m_messageIcon->setAlignment(Qt::AlignTop);
    m_message = new QLabel(m_messageBar);
    m_message->setObjectName("sweepMessage");
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    messageLayout->addWidget(m_messageIcon);
    messageLayout->addWidget(m_message, 1);
    m_messageBar->setVisible(false);
    outer->addWidget(m_messageBar);

    m_summary = new QLabel(body);
    m_summary->setObjectName("sweepSummary");
    m_summary->setWordWrap(true);
    outer->addWidget(m_summary);

    auto* splitter = new QSplitter(Qt::Vertical, body);
    splitter->setChildrenCollapsible(false);
    m_chart = new SweepChart(splitter);
    splitter->addWidget(m_chart);

    auto* tableBox = new QWidget(splitter);
    auto* tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    m_breakEvenTitle = new QLabel(tr("<b>Break-even points</b> (cheapest by 30-day cost, located "
                                     "to 1 % of the value)"),
                                  tableBox);
    m_breakEvenTitle->setObjectName("sweepBreakEvenTitle");
    m_breakEvenTitle->setWordWrap(true);
    tableLayout->addWidget(m_breakEvenTitle);
    m_model = new BreakEvenModel(this);
    m_table = new QTableView(tableBox);
    m_table->setObjectName("sweepBreakEvens");
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setMinimumHeight(80);
    tableLayout->addWidget(m_table);
    splitter->addWidget(tableBox);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    outer->addWidget(splitter, 1);
}

QList<QCustomPlot*> SweepTab::charts() const {
    if (!m_results) {
        return {};
    }
    return {m_chart};
}

bool SweepTab::isRunning() const {
    return m_controller->isRunning();
}

QString SweepTab::messageText() const {
    return m_messageBar->isVisibleTo(this) ? m_message->text() : QString();
}

QString SweepTab::selectedParameter() const {
    return m_parameter->currentText().trimmed();
}

QCPGraph* SweepTab::costGraph(int architecture) const {
    return m_chart->costGraph(architecture);
}

QCPGraph* SweepTab::latencyGraph(int architecture) const {
    return m_chart->latencyGraph(architecture);
}

QStringList SweepTab::breakEvenLabels() const {
    return m_chart->breakEvenLabels();
}

void SweepTab::showCursorAt(double pixelX) {
    m_chart->showCursorAt(pixelX);
}

QString SweepTab::readoutText() const {
    return m_chart->readoutText();
}

void SweepTab::showMessage(const QString& message, bool error) {
    m_message->setText(message);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_messageIcon->setPixmap(
        style()
            ->standardIcon(error ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxInformation,
                           nullptr, this)
            .pixmap(size, size));
    m_messageBar->setVisible(!message.isEmpty());
}

// ---------------------------------------------------------------------------
// Parameters and range

void SweepTab::onDocumentChanged() {
    // An edit never clears the sweep or changes the chosen parameter: the
    // sweep belongs to the scenario it ran on and is shown as stale (see
    // updateSummary()) until the user sweeps again.
    m_workCache.clear();
    refreshParameters(false);
    if (m_results) {
        updateSummary();
        // Only when the chart's "stale" mark must change: replotting at
        // every keystroke would throw away the user's zoom.
        if (isStale() != m_plottedStale) {
            plotResults();
        }
    }
    updateRunState();
}

void SweepTab::onDocumentReplaced() {
    // Another scenario (not the same one saved under another name):
    // calibrate on it, and propose its own range.
    m_speed = 0.0;
    m_workCache.clear();
    m_rangeEdited = false;
    m_prefilledFrom.reset();
    refreshParameters(true);
    updateRunState();
}

void SweepTab::refreshParameters(bool freshDocument) {
    const QStringList paths = numericParameterPaths(m_document->json());
    const QString selected = selectedParameter();
    // Opening or creating a scenario proposes its own field if the chosen
    // one is not in it; an edit never changes the choice, even when it
    // makes the field disappear for a while ("6x" typed in it): the choice
    // is kept and shown as unavailable.
    if (paths != m_paths || (freshDocument && !paths.contains(selected))) {
        m_paths = paths;
        const QSignalBlocker blocker(m_parameter);
        m_parameter->clear();
        m_parameter->addItems(paths);
        QString choice = selected;
        if (choice.isEmpty() || (freshDocument && !paths.contains(choice))) {
            // The arrival rate, the usual question ("from which load on is
            // the fleet cheaper?").
            const QString rate = QStringLiteral("workload.arrivals.rate_per_s");
            choice = paths.contains(rate) ? rate : QString();
            if (choice.isEmpty()) {
                for (const QString& p : paths) {
                    if (p.contains(".arrivals.") && p.contains("rate")) {
                        choice = p;
                        break;
                    }
                }
            }
            if (choice.isEmpty() && !paths.isEmpty()) {
                choice = paths.front();
            }
        }
        const int index = m_parameter->findText(choice);
        if (index >= 0) {
            m_parameter->setCurrentIndex(index);
        } else {
            m_parameter->setEditText(choice);
        }
        if (choice != selected) {
            m_rangeEdited = false;
            m_prefilledFrom.reset();
        }
    }
    prefillRange();
}

void SweepTab::onParameterChosen() {
    // A new field: its own range, whatever was typed for the previous one.
    m_rangeEdited = false;
    m_prefilledFrom.reset();
    prefillRange();
    updateRunState();
}

void SweepTab::prefillRange() {
    const Json& document = m_document->json();
    std::string problem;
    const auto pointer = parameterPointer(document, selectedParameter().toStdString(), problem);
    if (!pointer) {
        // Kept as chosen, shown as unavailable until the field is a number
        // again (or another is chosen).
        m_current->setText(selectedParameter().isEmpty()
                               ? QString()
                               : tr("<i>unavailable:</i> not a number in the scenario now"));
        m_current->setToolTip(QString::fromStdString(problem));
        updateEstimate();
        return;
    }
    m_current->setToolTip(tr("The field's value in the scenario; the range is prefilled from "
                             "a tenth of it to ten times it, narrowed if that would take long."));
    const double value = document.at(*pointer).get<double>();
    m_current->setText(tr("current value: %1").arg(sweepValueText(value)));
    // The range follows the document's value (an edit of the rate in the
    // editor moves it) until the user types their own.
    if (m_rangeEdited || (m_prefilledFrom && *m_prefilledFrom == value)) {
        updateEstimate();
        return;
    }
    m_prefilledFrom = value;
    // Two decades around the current value, geometrically spaced: enough to
    // see a trend and find a break-even point without knowing the model;
    // narrowed when the estimate says it would take long.
    const bool whole = takesWholeNumbers(document, *pointer, value, PricingCatalog::builtin(),
                                         m_document->baseDirectory());
    if (m_document->isValid()) {
        ensureSpeed();
    }
    const QString parameter = selectedParameter();
    const SweepRangeProposal proposal = proposeSweepRange(
        value, whole,
        [this, &parameter](const std::vector<double>& values) {
            return estimateSweepSeconds(workAt(parameter, values), m_speed);
        },
        ProposalBudgetS);
    const QSignalBlocker fromBlocker(m_from);
    const QSignalBlocker toBlocker(m_to);
    const QSignalBlocker pointsBlocker(m_points);
    m_from->setText(sweepValueText(proposal.from));
    m_to->setText(sweepValueText(proposal.to));
    m_points->setText(QString::number(proposal.points));
    showRangeFromStart();
    m_logarithmic->setChecked(proposal.logarithmic);
    updateEstimate();
}

void SweepTab::showRangeFromStart() {
    // setText() leaves the cursor at the end, so a value wider than its field
    // would show only its last digits ("048e+06" for 2.048e+06).
    for (QLineEdit* edit : {m_from, m_to, m_points}) {
        edit->setCursorPosition(0);
    }
}

void SweepTab::ensureSpeed() {
    if (m_speed > 0.0 || !m_document->scenario()) {
        return;
    }
    // A short calibration on this scenario (a fraction of a second): the
    // events per invocation differ a lot between scenarios.
    m_speed = measureSimulationSpeed(*m_document->scenario());
}

std::vector<double> SweepTab::workAt(const QString& parameter, const std::vector<double>& values) {
    std::vector<double> work;
    std::string problem;
    const auto pointer = parameterPointer(m_document->json(), parameter.toStdString(), problem);
    for (const double v : values) {
        const auto key = std::make_pair(parameter, v);
        auto found = m_workCache.find(key);
        if (found == m_workCache.end()) {
            double w = 0.0;
            if (pointer) {
                if (const auto scenario =
                        scenarioWithValue(m_document->json(), *pointer, v,
                                          PricingCatalog::builtin(), m_document->baseDirectory())) {
                    w = expectedRunWork(*scenario);
                }
            }
            found = m_workCache.emplace(key, w).first;
        }
        work.push_back(found->second);
    }
    return work;
}

std::optional<std::vector<double>> SweepTab::rangeValues(QString* problem) const {
    // The checks and messages of `faaslab-cli sweep --range FROM:TO:POINTS`,
    // with the fields named as they are labelled here.
    bool okFrom = false;
    bool okTo = false;
    bool okCount = false;
    const double from = m_from->text().trimmed().toDouble(&okFrom);
    const double to = m_to->text().trimmed().toDouble(&okTo);
    const int count = m_points->text().trimmed().toInt(&okCount);
    if (!okFrom || !std::isfinite(from)) {
        *problem = tr("From: '%1' is not a number").arg(m_from->text());
        return std::nullopt;
    }
    if (!okTo || !std::isfinite(to)) {
        *problem = tr("To: '%1' is not a number").arg(m_to->text());
        return std::nullopt;
    }
    if (!okCount) {
        *problem = tr("Points: '%1' is not a whole number").arg(m_points->text());
        return std::nullopt;
    }
    const bool logarithmic = m_logarithmic->isChecked();
    const SweepRangeLabels labels{tr("From").toStdString(), tr("To").toStdString(),
                                  tr("Points").toStdString()};
    if (std::string text = sweepRangeProblem(from, to, count, logarithmic, labels); !text.empty()) {
        text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
        *problem = QString::fromStdString(text);
        return std::nullopt;
    }
    std::string pointerProblem;
    const auto pointer =
        parameterPointer(m_document->json(), selectedParameter().toStdString(), pointerProblem);
    const bool whole =
        pointer && takesWholeNumbers(m_document->json(), *pointer, from, PricingCatalog::builtin(),
                                     m_document->baseDirectory());
    return sweepRangeValues(from, to, count, logarithmic, whole);
}

void SweepTab::updateEstimate() {
    m_estimateS = 0.0;
    QString problem;
    const auto values = rangeValues(&problem);
    if (!values || !m_document->isValid()) {
        m_estimate->clear();
        m_estimate->setVisible(false);
        return;
    }
    ensureSpeed();
    const std::vector<double> work = workAt(selectedParameter(), *values);
    double total = 0.0;
    for (const double w : work) {
        total += w;
    }
    m_estimateS = estimateSweepSeconds(work, m_speed);
    if (!(m_estimateS > 0.0)) {
        m_estimate->clear();
        m_estimate->setVisible(false);
        return;
    }
    const int threads = std::max(1, QThread::idealThreadCount());
    QString text = tr("Estimated time: about <b>%1</b> for %2 runs of %3 simulated invocations "
                      "in all, at %4 invocations/s per core on %5 cores; each break-even point "
                      "adds about 7 runs.")
                       .arg(m_estimateS < 1.0 ? tr("less than 1 s") : formatDuration(m_estimateS))
                       .arg(values->size())
                       .arg(countText(total), countText(m_speed))
                       .arg(threads);
    if (m_estimateS > ProposalBudgetS) {
        text = QStringLiteral("<span style='color:#b35900'>%1</span> ")
                   .arg(tr("Long sweep: fewer points or a narrower range is quicker.")) +
               text;
    }
    m_estimate->setText(text);
    m_estimate->setVisible(true);
}

void SweepTab::updateRunState() {
    const bool valid = m_document->isValid();
    const bool running = isRunning();
    m_run->setEnabled(valid && !running);
    m_run->setToolTip(!valid    ? tr("The scenario has problems; fix them (see Problems) first.")
                      : running ? tr("A sweep is running; Stop ends it.")
                                : tr("Run the scenario once per value, on every core."));
    m_save->setEnabled(m_results.has_value() && !running);
}

bool SweepTab::startSweepFromControls() {
    const QString parameter = selectedParameter();
    if (parameter.isEmpty()) {
        showMessage(tr("Choose the field to vary, e.g. workload.arrivals.rate_per_s."), true);
        return false;
    }
    QString problem;
    const auto values = rangeValues(&problem);
    if (!values) {
        showMessage(problem, true);
        return false;
    }
    startSweep(parameter, *values);
    return isRunning();
}

// ---------------------------------------------------------------------------
// Running

void SweepTab::startSweep(const QString& parameter, const std::vector<double>& values) {
    if (isRunning()) {
        showMessage(tr("A sweep is already running; stop it first."), true);
        return;
    }
    if (m_otherRun != nullptr && m_otherRun->isRunning()) {
        showMessage(tr("The scenario is running; wait for it (or stop it) before sweeping."), true);
        return;
    }
    if (!m_document->isValid()) {
        showMessage(tr("The scenario has problems; fix them (see Problems) before sweeping."),
                    true);
        return;
    }
    showMessage({}, false);
    SweepSpec spec;
    spec.parameter = parameter.trimmed().toStdString();
    spec.values = values;
    const Json document = m_document->json();
    m_pendingDocument = document;
    m_pendingParameter = text(spec.parameter);
    m_pendingLogarithmic = m_logarithmic->isChecked() && !values.empty() &&
                           *std::min_element(values.begin(), values.end()) > 0.0;
    std::vector<double> distinct = values;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    m_pendingWork = workAt(m_pendingParameter, distinct);
    m_resultsPlanned = distinct.size();
    m_pointsDone = 0;
    m_fraction = 0.0;
    m_pointsPhaseS = 0.0;
    auto output = std::make_shared<SweepOutput>();
    m_pending = output;
    auto finished = std::make_shared<FinishedPoints>();
    m_finished = finished;
    // The worker gets copies of everything: the user may edit the scenario
    // while the sweep runs; the sweep belongs to the document as it was.
    m_controller->startJob(
        [document, spec, output, finished, base = m_document->baseDirectory()](
            const std::atomic<bool>& cancel, std::function<void(double)> progress) {
            SweepOptions options;
            options.baseDirectory = base;
            options.cancel = &cancel;
            options.progress = std::move(progress);
            options.pointFinished = [finished](std::size_t, const SweepPoint& point) {
                std::lock_guard lock(finished->mutex);
                finished->points.push_back(point);
            };
            *output = runSweep(document, spec, options);
            // A refused parameter or value is a completed job with diagnostics.
            return output->status == RunStatus::Completed;
        });
    if (!m_results) {
        m_chart->showWaiting(
            tr("Sweeping %1 over %2 values…").arg(m_pendingParameter).arg(values.size()));
    }
    updateRunState();
}

void SweepTab::onProgress(double fraction) {
    m_fraction = fraction;
    takeFinishedPoints();
    emit activityChanged();
}

void SweepTab::takeFinishedPoints() {
    if (!m_finished) {
        return;
    }
    std::vector<SweepPoint> arrived;
    {
        std::lock_guard lock(m_finished->mutex);
        arrived.swap(m_finished->points);
    }
    if (arrived.empty()) {
        return;
    }
    if (m_pointsDone == 0) {
        // The first point of a new sweep replaces the one shown: from now on
        // the chart shows this sweep as it fills in.
        const std::optional<Scenario>& scenario = m_document->scenario();
        SweepResults live;
        live.parameter = m_pendingParameter.toStdString();
        // The names and settings of the document as it was swept.
        const ScenarioReadResult read = ScenarioReader(m_document->pricingCatalog())
                                            .setBaseDirectory(m_document->baseDirectory())
                                            .readJson(m_pendingDocument);
        const Scenario* swept = read.scenario ? &*read.scenario : scenario ? &*scenario : nullptr;
        if (swept != nullptr) {
            live.scenarioName = swept->name;
            live.seed = swept->simulation.seed;
            live.replications = swept->simulation.replications;
            for (const ArchitectureSpec& a : swept->architectures) {
                live.architectureNames.push_back(a.name);
            }
        }
        m_results = std::move(live);
        m_sweptDocument = m_pendingDocument;
        m_resultsLogarithmic = m_pendingLogarithmic;
        m_resultsPartial = true;
    }
    m_pointsDone += arrived.size();
    for (SweepPoint& p : arrived) {
        const auto at =
            std::lower_bound(m_results->points.begin(), m_results->points.end(), p.value,
                             [](const SweepPoint& a, double value) { return a.value < value; });
        m_results->points.insert(at, std::move(p));
    }
    if (m_pointsDone == m_resultsPlanned) {
        m_pointsPhaseS = m_controller->elapsedS();
    }
    showSweep();
}

QString SweepTab::activityText() const {
    if (!isRunning()) {
        return {};
    }
    const int percent = static_cast<int>(m_fraction * 100.0);
    if (m_resultsPlanned > 0 && m_pointsDone >= m_resultsPlanned) {
        return tr("Sweeping %1: all %2 points done, locating break-even points (%3 %)")
            .arg(m_pendingParameter)
            .arg(m_resultsPlanned)
            .arg(percent);
    }
    return tr("Sweeping %1: %2 of %3 points done (%4 %)")
        .arg(m_pendingParameter)
        .arg(m_pointsDone)
        .arg(m_resultsPlanned)
        .arg(percent);
}

void SweepTab::onSweepFinished() {
    const std::shared_ptr<SweepOutput> output = std::move(m_pending);
    m_pending.reset();
    m_finished.reset();
    updateRunState();
    emit activityChanged();
    if (!output) {
        return;
    }
    if (!output->ok()) {
        plotResults(); // the previous sweep, or the placeholder again
        // The command line prints "--param PATH: message" for each; the
        // same messages, one per line.
        QStringList lines;
        const auto& items = output->diagnostics.items();
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (static_cast<int>(i) == MaxMessageLines) {
                lines << tr("… and %1 more").arg(items.size() - i);
                break;
            }
            lines << QStringLiteral("%1: %2").arg(m_pendingParameter, text(items[i].message));
        }
        showMessage(lines.join('\n'), true);
        return;
    }
    // The measured speed replaces the calibration: the points' work over
    // the time they took, on as many threads as ran them.
    double work = 0.0;
    for (const double w : m_pendingWork) {
        work += w;
    }
    const double pointsTime = m_pointsPhaseS > 0.0 ? m_pointsPhaseS : m_controller->elapsedS();
    const auto threads = static_cast<double>(std::min<std::size_t>(
        m_pendingWork.size(), static_cast<std::size_t>(std::max(1, QThread::idealThreadCount()))));
    if (work > 0.0 && pointsTime > 0.1) {
        m_speed = work / (pointsTime * threads);
    }
    m_results = std::move(output->results);
    m_resultsPartial = false;
    m_sweptDocument = std::move(m_pendingDocument);
    m_resultsLogarithmic = m_pendingLogarithmic;
    showSweep();
    updateEstimate();
    emit sweepCompleted(m_sweptDocument, *m_results);
}

void SweepTab::onSweepCancelled() {
    const std::shared_ptr<SweepOutput> output = std::move(m_pending);
    m_pending.reset();
    m_finished.reset();
    updateRunState();
    emit activityChanged();
    if (output && !output->results.points.empty()) {
        // The runner's own list of the finished points (the same ones drawn
        // so far, and any finished since the last poll).
        m_results = std::move(output->results);
        m_resultsPartial = true;
        m_resultsPlanned = output->pointsPlanned;
        m_sweptDocument = m_pendingDocument;
        m_resultsLogarithmic = m_pendingLogarithmic;
        showSweep();
        showMessage(m_results->points.size() < m_resultsPlanned
                        ? tr("Sweep stopped after %1 of %2 points; they are kept as a partial "
                             "sweep (no break-even points were located).")
                              .arg(m_results->points.size())
                              .arg(m_resultsPlanned)
                        : tr("Sweep stopped while locating break-even points; its %1 points "
                             "are kept as a partial sweep, without break-even points.")
                              .arg(m_results->points.size()),
                    false);
        emit sweepStopped(m_sweptDocument, *m_results);
        return;
    }
    plotResults();
    showMessage(tr("Sweep stopped before any point finished; the previous results are "
                   "unchanged."),
                false);
}

void SweepTab::showStoredSweep(const SweepResults& results, const Json& document, bool partial) {
    if (isRunning()) {
        m_controller->stop();
        m_controller->waitForFinished(5000);
    }
    m_results = results;
    m_resultsPartial = partial;
    // A stored partial sweep does not say how many points it was to have.
    m_resultsPlanned = partial ? 0 : results.points.size();
    m_sweptDocument = document;
    // The values' spacing is not stored; a range over a decade or more of
    // positive values reads best on a log axis, as the tab proposes them.
    double lowest = 0.0;
    double highest = 0.0;
    for (std::size_t i = 0; i < results.points.size(); ++i) {
        const double v = results.points[i].value;
        lowest = i == 0 ? v : std::min(lowest, v);
        highest = i == 0 ? v : std::max(highest, v);
    }
    m_resultsLogarithmic = lowest > 0.0 && highest / lowest >= 10.0;
    restoreControls(results, m_resultsLogarithmic);
    showMessage({}, false);
    showSweep();
}

void SweepTab::restoreControls(const SweepResults& results, bool logarithmic) {
    // The controls say what the shown sweep swept, so Run sweep repeats it.
    const QString parameter = text(results.parameter);
    {
        const QSignalBlocker blocker(m_parameter);
        const int index = m_parameter->findText(parameter);
        if (index >= 0) {
            m_parameter->setCurrentIndex(index);
        } else {
            m_parameter->setEditText(parameter);
        }
    }
    if (!results.points.empty()) {
        const QSignalBlocker fromBlocker(m_from);
        const QSignalBlocker toBlocker(m_to);
        const QSignalBlocker pointsBlocker(m_points);
        m_from->setText(sweepValueText(results.points.front().value));
        m_to->setText(sweepValueText(results.points.back().value));
        m_points->setText(QString::number(results.points.size()));
        showRangeFromStart();
        m_logarithmic->setChecked(logarithmic);
    }
    m_rangeEdited = true;
    m_prefilledFrom.reset();
    prefillRange(); // the current value (or "unavailable"), and the estimate
}

void SweepTab::showSweep() {
    m_model->setResults(&*m_results);
    m_table->resizeRowsToContents();
    plotResults();
    updateSummary();
    updateRunState();
}

bool SweepTab::isStale() const {
    return m_results && m_sweptDocument != m_document->json();
}

void SweepTab::updateSummary() {
    if (!m_results) {
        m_summary->setText(
            tr("Choose a numeric field of the scenario and a range, then press Run sweep. Each "
               "value is a complete run of every architecture; break-even points mark where the "
               "cheapest architecture (by 30-day cost) changes."));
        return;
    }
    const SweepResults& r = *m_results;
    QString summary = tr("Sweep of <b>%1</b> over %2 values (scenario: %3, seed %4, %5).")
                          .arg(text(r.parameter).toHtmlEscaped())
                          .arg(r.points.size())
                          .arg(text(r.scenarioName).toHtmlEscaped())
                          .arg(r.seed)
                          .arg(r.replications == 1 ? tr("1 replication")
                                                   : tr("%1 replications").arg(r.replications));
    if (m_resultsPartial) {
        summary += QLatin1Char(' ') +
                   (isRunning() ? tr("<b>Running:</b> %1 of %2 points so far; break-even "
                                     "points are located when all are done.")
                                      .arg(r.points.size())
                                      .arg(m_resultsPlanned)
                    : m_resultsPlanned > r.points.size()
                        ? tr("<b>Partial sweep:</b> stopped after %1 of %2 points; no "
                             "break-even points were located.")
                              .arg(r.points.size())
                              .arg(m_resultsPlanned)
                        : tr("<b>Partial sweep:</b> stopped before its end; no "
                             "break-even points were located."));
    } else if (r.breakEvens.empty()) {
        const std::string cheapest = r.points.empty() ? std::string() : r.points.front().cheapest;
        const auto undecided =
            std::count_if(r.points.begin(), r.points.end(),
                          [](const SweepPoint& p) { return !cheapestVerdictAt(p).decided(); });
        if (undecided == 0) {
            summary +=
                QLatin1Char(' ') + tr("No break-even point: <b>%1</b> is cheapest at every value.")
                                       .arg(text(cheapest).toHtmlEscaped());
        } else {
            // The means never change hands, but at some values the
            // replications cannot tell the lowest from the next.
            summary += QLatin1Char(' ') +
                       tr("No break-even point: <b>%1</b> has the lowest mean cost at every "
                          "value, but at %2 of %3 values its cost is not distinguishable at "
                          "95 % from the next one's.")
                           .arg(text(cheapest).toHtmlEscaped())
                           .arg(undecided)
                           .arg(r.points.size());
        }
    } else {
        summary += QLatin1Char(' ') +
                   (r.breakEvens.size() == 1
                        ? tr("1 break-even point, located with %1 more runs.").arg(r.extraRuns)
                        : tr("%1 break-even points, located with %2 more runs.")
                              .arg(r.breakEvens.size())
                              .arg(r.extraRuns));
    }
    if (isStale() && !isRunning()) {
        summary += QStringLiteral(" <span style='color:#b35900'><b>%1</b> %2</span>")
                       .arg(tr("Stale:"),
                            tr("the scenario has changed since this sweep; these results are "
                               "for the scenario as it was. Run the sweep again to update "
                               "them."));
    }
    m_summary->setText(summary);
}

bool SweepTab::saveResults(const QString& path, QString* error) const {
    if (!m_results) {
        *error = tr("There is no sweep to save; run one first.");
        return false;
    }
    const QString suffix = QFileInfo(path).suffix().toLower();
    std::string contents;
    if (suffix == "json") {
        contents = sweepToJson(*m_results).dump(2) + "\n";
    } else if (suffix == "csv") {
        contents = sweepCsv(*m_results);
    } else {
        *error = tr("Choose a file ending in .json or .csv, not \"%1\".").arg(path);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(contents.data(), static_cast<qint64>(contents.size())) < 0 || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void SweepTab::saveDialog() {
    if (!m_results) {
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Sweep"), portableFileName(m_document->displayName()) + "-sweep.json",
        tr("Sweep JSON (*.json);;CSV, one row per value and architecture (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (saveResults(path, &error)) {
        showMessage(tr("Saved the sweep to %1.").arg(path), false);
    } else {
        showMessage(error, true);
    }
}

// ---------------------------------------------------------------------------
// Chart

void SweepTab::plotResults() {
    m_plottedStale = isStale();
    if (!m_results || m_results->points.empty()) {
        m_chart->showEmpty();
        return;
    }
    QStringList notes;
    if (m_resultsPartial) {
        notes << (isRunning()
                      ? tr("(running: %1 of %2 points)")
                            .arg(m_results->points.size())
                            .arg(m_resultsPlanned)
                      : tr("(partial: stopped after %1 points)").arg(m_results->points.size()));
    }
    if (isStale() && !isRunning()) {
        notes << tr("(stale: the scenario changed since)");
    }
    m_chart->showSweep(*m_results, m_resultsLogarithmic, notes);
}

} // namespace faaslab::gui
