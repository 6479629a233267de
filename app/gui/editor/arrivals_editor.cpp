#include "app/gui/editor/arrivals_editor.h"

#include "app/gui/document/field_help.h"
#include "app/gui/document/json_field.h"
#include "app/gui/document/problem_labels.h"
#include "app/gui/document/scenario_templates.h"
#include "app/gui/editor/preview_plot.h"
#include "app/gui/results/chart_style.h"
#include "models/scenario/json_object_reader.h"
#include "models/scenario/section_fields.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace faaslab::gui {

using Json = ScenarioDocument::Json;

namespace {

const std::string ArrivalsPointer = "/workload/arrivals";

const QStringList Processes = {"poisson", "constant", "on_off", "diurnal", "steps", "trace"};

QStringList processLabels() {
    return {QObject::tr("Poisson (random, steady rate)"),
            QObject::tr("Constant (evenly spaced)"),
            QObject::tr("On/off bursts"),
            QObject::tr("Diurnal (daily cycle)"),
            QObject::tr("Steps (rate schedule)"),
            QObject::tr("Trace replay (file)")};
}

std::string stringAt(const Json& object, const char* key, const std::string& fallback) {
    return object.is_object() && object.contains(key) && object[key].is_string()
               ? object[key].get<std::string>()
               : fallback;
}

// A key of an arrival process. A key left out takes the default the model's
// table gives (section_fields.h); `placeholder` explains one without a
// number (left untranslated here, translated where it is shown).
struct Parameter {
    const char* key;
    const char* placeholder = nullptr;
};

QList<Parameter> parametersOf(const QString& process) {
    if (process == "poisson" || process == "constant") {
        return {{"rate_per_s"}};
    }
    if (process == "on_off") {
        return {{"rate_on_per_s"}, {"rate_off_per_s"}, {"mean_on_s"}, {"mean_off_s"}};
    }
    if (process == "diurnal") {
        return {{"rate_per_s"}, {"amplitude"}, {"period_s"}, {"peak_time_s"}};
    }
    if (process == "steps") {
        return {{"period_s", QT_TRANSLATE_NOOP("ArrivalsEditor", "none: the last rate holds")}};
    }
    return {};
}

// Seconds, minutes, hours or days, whichever keeps the axis numbers small.
struct TimeScale {
    double seconds;
    QString unit;
};

TimeScale timeScaleFor(double span) {
    if (span >= 3 * 86400.0) {
        return {86400.0, QObject::tr("days")};
    }
    if (span >= 3 * 3600.0) {
        return {3600.0, QObject::tr("h")};
    }
    if (span >= 180.0) {
        return {60.0, QObject::tr("min")};
    }
    return {1.0, QObject::tr("s")};
}

} // namespace

ArrivalsEditor::ArrivalsEditor(ScenarioDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_process(new QComboBox(this))
    , m_form(new QFormLayout())
    , m_preview(new PreviewPlot(tr("Time"), tr("Requests/s"), this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* top = new QFormLayout();
    top->setContentsMargins(0, 0, 0, 0);
    m_process->setObjectName("arrivalProcess");
    allowNarrow(m_process);
    m_process->addItems(processLabels());
    m_process->setToolTip(fieldHelp("process"));
    top->addRow(fieldLabel("process"), m_process);
    layout->addLayout(top);
    auto* problems = createErrorLabel(this);
    setSectionProblems(problems, "workload.arrivals");
    layout->addWidget(problems);
    m_form->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_form);
    m_preview->setObjectName("ratePreview");
    m_preview->setToolTip(tr("Expected request rate over the simulated time, as the simulation "
                             "will generate it."));
    layout->addWidget(m_preview);

    connect(m_process, &QComboBox::activated, this, [this](int index) {
        const ScenarioDocument::Pointer where(ArrivalsPointer);
        m_document->setValue(
            where, arrivalsTemplate(Processes[index].toStdString(), m_document->valueAt(where)),
            tr("Change arrival process"));
    });
    rebuild();
}

void ArrivalsEditor::rebuild() {
    while (m_form->rowCount() > 0) {
        m_form->removeRow(0);
    }
    m_fields.clear();
    m_steps = nullptr;
    m_stepsError = nullptr;
    const Json value = m_document->valueAt(ScenarioDocument::Pointer(ArrivalsPointer));
    const QString process =
        value.is_object() && value.contains("process") && value["process"].is_string()
            ? QString::fromStdString(value["process"].get<std::string>())
            : QString();
    m_builtFor = builtKey(value);
    m_process->setCurrentIndex(static_cast<int>(Processes.indexOf(process)));
    if (process == "trace") {
        addTraceFields(stringAt(value, "format", "timestamps") == "azure");
    }

    if (process == "steps") {
        auto* holder = new QWidget(this);
        auto* column = new QVBoxLayout(holder);
        column->setContentsMargins(0, 0, 0, 0);
        m_steps = new QTableWidget(0, 2, holder);
        m_steps->setObjectName("steps");
        m_steps->setHorizontalHeaderLabels({tr("From (s)"), tr("Rate (requests/s)")});
        m_steps->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
        m_steps->verticalHeader()->setVisible(false);
        m_steps->setMinimumHeight(110);
        m_steps->setMaximumHeight(180);
        m_steps->setToolTip(tr("From each time on, requests arrive at random (Poisson) at that "
                               "rate. The first step starts at 0."));
        auto* buttons = new QHBoxLayout();
        auto* add = new QPushButton(tr("Add step"), holder);
        auto* remove = new QPushButton(tr("Remove step"), holder);
        buttons->addWidget(add);
        buttons->addWidget(remove);
        buttons->addStretch();
        m_stepsError = createErrorLabel(holder);
        claimProblems(m_stepsError, "workload.arrivals.steps");
        column->addWidget(m_steps);
        column->addLayout(buttons);
        column->addWidget(m_stepsError);
        m_form->addRow(tr("Schedule"), holder);

        connect(m_steps, &QTableWidget::cellChanged, this, [this] {
            if (!m_updatingSteps) {
                commitSteps();
            }
        });
        connect(add, &QPushButton::clicked, this, [this] {
            // A new step an hour after the last one, at the same rate.
            const int rows = m_steps->rowCount();
            const double lastFrom = rows > 0 && m_steps->item(rows - 1, 0) != nullptr
                                        ? QLocale::c().toDouble(m_steps->item(rows - 1, 0)->text())
                                        : -3600.0;
            const QString rate = rows > 0 && m_steps->item(rows - 1, 1) != nullptr
                                     ? m_steps->item(rows - 1, 1)->text()
                                     : QStringLiteral("1");
            m_updatingSteps = true;
            m_steps->insertRow(rows);
            m_steps->setItem(
                rows, 0,
                new QTableWidgetItem(QString::fromStdString(formatNumber(lastFrom + 3600))));
            m_steps->setItem(rows, 1, new QTableWidgetItem(rate));
            m_updatingSteps = false;
            commitSteps();
        });
        connect(remove, &QPushButton::clicked, this, [this] {
            const int row =
                m_steps->currentRow() >= 0 ? m_steps->currentRow() : m_steps->rowCount() - 1;
            if (row >= 0) {
                m_updatingSteps = true;
                m_steps->removeRow(row);
                m_updatingSteps = false;
                commitSteps();
            }
        });
    }
    for (const Parameter& parameter : parametersOf(process)) {
        auto* field = new JsonField(m_document, ArrivalsPointer + "/" + parameter.key,
                                    JsonField::Kind::Number, this);
        field->setPlaceholder(parameter.placeholder != nullptr
                                  ? tr(parameter.placeholder)
                                  : JsonField::defaultPlaceholder(
                                        arrivalFieldDefault(process.toStdString(), parameter.key)));
        QString help = fieldHelp(parameter.key);
        if (process == "steps" && QString(parameter.key) == "period_s") {
            help = tr("Repeat the schedule every this many seconds (after the last step). "
                      "Empty: the last step's rate holds to the end.");
        }
        field->setHelp(help);
        m_form->addRow(fieldLabel(parameter.key), field);
        m_fields.append(field);
    }
    refresh();
}

std::string ArrivalsEditor::builtKey(const Json& arrivals) {
    // A trace's fields depend on its format as well.
    const std::string process = stringAt(arrivals, "process", "");
    return process == "trace" ? process + "/" + stringAt(arrivals, "format", "timestamps")
                              : process;
}

void ArrivalsEditor::addTraceFields(bool azure) {
    auto add = [this](const std::string& key, JsonField::Kind kind, const QString& placeholder) {
        auto* field = new JsonField(m_document, ArrivalsPointer + "/" + key, kind, this);
        const QString name = QString::fromStdString(key.substr(key.rfind('/') + 1));
        field->setPlaceholder(placeholder);
        field->setHelp(fieldHelp(name));
        m_fields.append(field);
        return std::pair{field, name};
    };
    auto addRow = [this](std::pair<JsonField*, QString> field) {
        m_form->addRow(fieldLabel(field.second), field.first);
        return field.first;
    };
    // A file field with a Browse button that stores the path relative to
    // the scenario's folder when it can, so the pair can be moved together.
    auto addFile = [this, &add](const std::string& key, const QString& placeholder) {
        auto [field, name] = add(key, JsonField::Kind::Text, placeholder);
        auto* row = new QWidget(this);
        auto* line = new QHBoxLayout(row);
        line->setContentsMargins(0, 0, 0, 0);
        line->addWidget(field, 1);
        auto* browse = new QPushButton(tr("Browse…"), row);
        browse->setObjectName(QString::fromStdString("browse-" + key));
        line->addWidget(browse, 0, Qt::AlignTop);
        m_form->addRow(fieldLabel(name), row);
        connect(browse, &QPushButton::clicked, this, [this, key] {
            const QString base = QString::fromStdString(m_document->baseDirectory());
            const QString chosen =
                QFileDialog::getOpenFileName(this, tr("Choose a trace file"), base,
                                             tr("CSV files (*.csv *.txt);;All files (*)"));
            if (chosen.isEmpty()) {
                return;
            }
            const QString stored = base.isEmpty() ? chosen : QDir(base).relativeFilePath(chosen);
            m_document->setValue(ScenarioDocument::Pointer(ArrivalsPointer + "/" + key),
                                 Json(stored.toStdString()), tr("Choose trace file"));
        });
    };

    JsonField* format = addRow(add("format", JsonField::Kind::Choice, {}));
    format->setChoices({"timestamps", "azure"},
                       {tr("Timestamps (CSV, seconds)"), tr("Azure Functions trace (per minute)")});
    format->setDefaultChoice("timestamps");
    addFile("file", tr("required"));
    if (azure) {
        addRow(add("select/trigger", JsonField::Kind::Text, tr("any trigger")));
        addRow(add("select/top_n", JsonField::Kind::Number, tr("all selected functions")));
        JsonField* spread = addRow(add("spread", JsonField::Kind::Choice, {}));
        spread->setChoices({"uniform", "even"}, {tr("Uniformly at random"), tr("Evenly")});
        spread->setDefaultChoice("uniform");
        addFile("durations_file", tr("none: the workload's service time"));
        addFile("memory_file", tr("none: the workload's memory"));
    } else {
        addRow(add("function", JsonField::Kind::Text, tr("all rows")));
    }
    addRow(add("time_scale", JsonField::Kind::Number,
               JsonField::defaultPlaceholder(arrivalFieldDefault("trace", "time_scale"))));
    addRow(add("repeat", JsonField::Kind::Boolean, {}));
}

void ArrivalsEditor::refreshSteps() {
    const Json steps = m_document->valueAt(ScenarioDocument::Pointer(ArrivalsPointer + "/steps"));
    {
        // Cells are only rewritten when they differ, so an open cell editor
        // and the selection survive a refresh.
        m_updatingSteps = true;
        const int rows = steps.is_array() ? static_cast<int>(steps.size()) : 0;
        m_steps->setRowCount(rows);
        auto text = [](const Json& step, const char* key) {
            return step.is_object() && step.contains(key) ? JsonField::textFromValue(step[key])
                                                          : QString();
        };
        for (int row = 0; row < rows; ++row) {
            const Json& step = steps[static_cast<std::size_t>(row)];
            const QString from = text(step, "from_s");
            const QString rate = text(step, "rate_per_s");
            for (int column = 0; column < 2; ++column) {
                const QString& wanted = column == 0 ? from : rate;
                QTableWidgetItem* item = m_steps->item(row, column);
                if (item == nullptr) {
                    m_steps->setItem(row, column, new QTableWidgetItem(wanted));
                } else if (item->text() != wanted) {
                    item->setText(wanted);
                }
            }
        }
        m_updatingSteps = false;
    }
    showError(m_stepsError, m_document->problemUnder("workload.arrivals.steps"));
}

void ArrivalsEditor::commitSteps() {
    // The whole schedule is one value; cells that are not numbers go in as
    // text so the reader names them ("steps[2].rate_per_s: must be ...").
    Json steps = Json::array();
    for (int row = 0; row < m_steps->rowCount(); ++row) {
        Json step = Json::object();
        const char* keys[] = {"from_s", "rate_per_s"};
        for (int column = 0; column < 2; ++column) {
            const QTableWidgetItem* item = m_steps->item(row, column);
            if (const auto v =
                    JsonField::valueFromText(item != nullptr ? item->text() : QString(), true)) {
                step[keys[column]] = *v;
            }
        }
        steps.push_back(step);
    }
    m_document->setValue(ScenarioDocument::Pointer(ArrivalsPointer + "/steps"), steps,
                         tr("Change rate schedule"));
}

void ArrivalsEditor::refresh() {
    const Json value = m_document->valueAt(ScenarioDocument::Pointer(ArrivalsPointer));
    if (builtKey(value) != m_builtFor) {
        rebuild();
        return;
    }
    for (JsonField* field : m_fields) {
        field->refresh();
    }
    if (m_steps != nullptr) {
        refreshSteps();
    }
    updatePreview();
}

void ArrivalsEditor::updatePreview() {
    const auto& scenario = m_document->scenario();
    if (!scenario) {
        m_preview->setMessage(tr("Preview when the scenario is valid"));
        return;
    }
    m_preview->reset();
    const ArrivalSpec& arrivals = scenario->workload.arrivals;
    const double duration = scenario->simulation.durationS;
    const TimeScale scale = timeScaleFor(duration);
    m_preview->xAxis->setLabel(tr("Time (%1)").arg(scale.unit));

    // Dense enough that a schedule's edges and a daily cycle look right; the
    // rate is a closed form, so this costs microseconds.
    constexpr int Points = 800;
    QVector<double> x;
    QVector<double> y;
    x.reserve(Points + 1);
    y.reserve(Points + 1);
    for (int i = 0; i <= Points; ++i) {
        const double t = duration * i / Points;
        x << t / scale.seconds;
        y << arrivals.expectedRateAt(t);
    }
    m_preview->setToolTip(tr("Expected request rate over the simulated time, as the simulation "
                             "will generate it."));
    QCPGraph* graph = m_preview->addGraph();
    graph->setData(x, y, true);
    QColor color = architectureColor(0);
    graph->setPen(QPen(color, 1.5));
    color.setAlpha(50);
    graph->setBrush(color);
    if (arrivals.process == ArrivalSpec::Process::OnOff) {
        // The mean is what can be drawn; show the two levels it switches
        // between as well, so the burstiness is visible.
        for (const double level : {arrivals.rateOnPerS, arrivals.rateOffPerS}) {
            auto* line = new QCPItemStraightLine(m_preview);
            line->point1->setCoords(0, level);
            line->point2->setCoords(1, level);
            line->setPen(QPen(m_preview->palette().color(QPalette::Mid), 1, Qt::DashLine));
        }
        m_preview->setToolTip(
            tr("On/off bursts start at random times: the solid line is the "
               "long-run mean rate, the dashed lines the burst and quiet rates."));
    }
    m_preview->xAxis->setRange(0, duration / scale.seconds);
    const double peak = std::max(arrivals.peakRate(), 1e-9);
    m_preview->yAxis->setRange(0, peak * 1.15);
    m_preview->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace faaslab::gui
