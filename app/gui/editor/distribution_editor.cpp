#include "app/gui/editor/distribution_editor.h"

#include "app/gui/document/field_help.h"
#include "app/gui/document/json_field.h"
#include "app/gui/document/problem_labels.h"
#include "app/gui/document/scenario_templates.h"
#include "app/gui/editor/preview_plot.h"
#include "app/gui/results/chart_style.h"
#include "models/scenario/json_object_reader.h"
#include "models/format/json_path.h"
#include "simulator/random_stream.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QVBoxLayout>
#include <algorithm>
#include <qcustomplot.h>

namespace faaslab::gui {

namespace {

const QStringList Kinds = {"deterministic", "exponential", "uniform",
                           "lognormal",     "gamma",       "empirical"};

QStringList kindLabels() {
    return {QObject::tr("Always the same"), QObject::tr("Exponential"), QObject::tr("Uniform"),
            QObject::tr("Log-normal"),      QObject::tr("Gamma"),       QObject::tr("Samples")};
}

QStringList parametersOf(const QString& kind) {
    if (kind == "deterministic") {
        return {"value"};
    }
    if (kind == "exponential") {
        return {"mean"};
    }
    if (kind == "uniform") {
        return {"min", "max"};
    }
    if (kind == "lognormal" || kind == "gamma") {
        return {"mean", "cv"};
    }
    return {};
}

} // namespace

DistributionEditor::DistributionEditor(ScenarioDocument* document, const std::string& pointer,
                                       std::function<std::optional<DistributionSpec>()> validated,
                                       QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_pointer(pointer)
    , m_validated(std::move(validated))
    , m_kind(new QComboBox(this))
    , m_form(new QFormLayout())
    , m_preview(new PreviewPlot(tr("Seconds"), tr("Density"), this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* top = new QFormLayout();
    top->setContentsMargins(0, 0, 0, 0);
    m_kind->addItems(kindLabels());
    allowNarrow(m_kind);
    m_kind->setToolTip(fieldHelp("dist"));
    top->addRow(fieldLabel("dist"), m_kind);
    layout->addLayout(top);
    // Problems no parameter field shows: a kind the reader does not know,
    // a key that does not belong to it.
    auto* problems = createErrorLabel(this);
    setSectionProblems(problems, dottedPathFromPointer(m_pointer));
    layout->addWidget(problems);
    m_form->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_form);
    m_preview->setObjectName("densityPreview");
    m_preview->setToolTip(tr("Shape of the distribution: 20,000 draws of the simulator's own "
                             "random numbers."));
    layout->addWidget(m_preview);

    connect(m_kind, &QComboBox::activated, this, [this](int index) {
        const ScenarioDocument::Pointer where(m_pointer);
        const auto previous = m_document->valueAt(where);
        m_document->setValue(where, distributionTemplate(Kinds[index].toStdString(), previous),
                             tr("Change distribution"));
    });
    rebuild();
    updatePreview();
}

void DistributionEditor::rebuild() {
    while (m_form->rowCount() > 0) {
        m_form->removeRow(0);
    }
    m_fields.clear();
    m_samples = nullptr;
    m_samplesError = nullptr;
    const auto value = m_document->valueAt(ScenarioDocument::Pointer(m_pointer));
    const QString kind = value.is_object() && value.contains("dist") && value["dist"].is_string()
                             ? QString::fromStdString(value["dist"].get<std::string>())
                             : QString();
    m_builtFor = kind.toStdString();
    m_kind->setCurrentIndex(static_cast<int>(Kinds.indexOf(kind)));
    // Absent but valid: the distribution comes from elsewhere (a trace's
    // companion durations file); the preview shows it.
    const bool derived = kind.isEmpty() && m_validated && m_validated().has_value();
    m_kind->setPlaceholderText(derived ? tr("From the trace's durations file")
                                       : tr("Choose a distribution"));
    for (const QString& parameter : parametersOf(kind)) {
        auto* field = new JsonField(m_document, m_pointer + "/" + parameter.toStdString(),
                                    JsonField::Kind::Number, this);
        field->setHelp(fieldHelp(parameter));
        m_form->addRow(fieldLabel(parameter), field);
        m_fields.append(field);
    }
    if (kind == "empirical") {
        auto* holder = new QWidget(this);
        auto* column = new QVBoxLayout(holder);
        column->setContentsMargins(0, 0, 0, 0);
        m_samples = new QLineEdit(holder);
        m_samples->setObjectName("samples");
        m_samples->setPlaceholderText(tr("e.g. 0.12, 0.2, 0.35"));
        m_samples->setToolTip(tr("Measured durations in seconds, separated by commas; each draw "
                                 "picks one of them with equal probability."));
        m_samplesError = createErrorLabel(holder);
        claimProblems(m_samplesError, dottedPathFromPointer(m_pointer + "/samples"));
        column->addWidget(m_samples);
        column->addWidget(m_samplesError);
        m_form->addRow(tr("Samples (s)"), holder);
        connect(m_samples, &QLineEdit::textEdited, this, &DistributionEditor::commitSamples);
        connect(m_samples, &QLineEdit::editingFinished, m_document, &ScenarioDocument::endTyping);
    }
    refresh();
}

void DistributionEditor::commitSamples(const QString& text) {
    // Numbers stay numbers; anything else goes in as text, for the reader
    // to name ("samples[2]: must be a number, got the string "x"").
    ScenarioDocument::Json samples = ScenarioDocument::Json::array();
    for (const QString& part : text.split(',', Qt::SkipEmptyParts)) {
        if (const auto v = JsonField::valueFromText(part, true)) {
            samples.push_back(*v);
        }
    }
    m_document->setValue(ScenarioDocument::Pointer(m_pointer + "/samples"), samples,
                         tr("Change samples"));
}

void DistributionEditor::refresh() {
    const auto value = m_document->valueAt(ScenarioDocument::Pointer(m_pointer));
    const std::string kind =
        value.is_object() && value.contains("dist") && value["dist"].is_string()
            ? value["dist"].get<std::string>()
            : std::string();
    if (kind != m_builtFor) {
        rebuild();
        return;
    }
    for (JsonField* field : m_fields) {
        field->refresh();
    }
    if (m_samples != nullptr && !m_samples->hasFocus()) {
        QStringList parts;
        if (value.contains("samples") && value["samples"].is_array()) {
            for (const auto& v : value["samples"]) {
                parts << JsonField::textFromValue(v);
            }
        }
        m_samples->setText(parts.join(", "));
    }
    if (m_samplesError != nullptr) {
        const QString message =
            m_document->problemUnder(dottedPathFromPointer(m_pointer + "/samples"));
        showError(m_samplesError, message);
    }
    updatePreview();
}

void DistributionEditor::updatePreview() {
    const auto spec = m_validated ? m_validated() : std::nullopt;
    if (!spec) {
        m_preview->setMessage(tr("Preview when the scenario is valid"));
        return;
    }
    m_preview->reset();
    const sim::Distribution distribution = spec->toDistribution();
    sim::RandomStream rng(20240601);
    std::vector<double> draws(20000);
    for (double& d : draws) {
        d = distribution.sample(rng);
    }
    std::sort(draws.begin(), draws.end());
    const double low = draws.front();
    // Up to the 99th percentile, so a heavy tail does not squash the shape.
    const double high = std::max(draws[draws.size() * 99 / 100], low + 1e-9);
    QVector<double> x;
    QVector<double> y;
    if (distribution.isDeterministic() || high - low < 1e-12) {
        x = {low, low};
        y = {0.0, 1.0};
    } else {
        constexpr int Bins = 40;
        const double width = (high - low) / Bins;
        QVector<double> counts(Bins, 0.0);
        for (double d : draws) {
            if (d <= high) {
                counts[std::min(Bins - 1, static_cast<int>((d - low) / width))] += 1.0;
            }
        }
        for (int i = 0; i < Bins; ++i) {
            x << low + (i + 0.5) * width;
            y << counts[i] / (static_cast<double>(draws.size()) * width);
        }
    }
    QCPGraph* graph = m_preview->addGraph();
    graph->setData(x, y, true);
    QColor color = architectureColor(0);
    graph->setPen(QPen(color, 1.5));
    color.setAlpha(60);
    graph->setBrush(color);
    if (distribution.isDeterministic()) {
        graph->setLineStyle(QCPGraph::lsImpulse);
    }
    m_preview->yAxis->setTickLabels(false);
    m_preview->rescaleAxes();
    m_preview->xAxis->scaleRange(1.1, m_preview->xAxis->range().center());
    m_preview->yAxis->setRangeLower(0.0);
    m_preview->yAxis->setRangeUpper(m_preview->yAxis->range().upper * 1.1);
    m_preview->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace faaslab::gui
