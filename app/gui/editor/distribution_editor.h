#pragma once

#include "app/gui/document/scenario_document.h"
#include "models/workload/distribution_spec.h"

#include <QWidget>
#include <functional>
#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace faaslab::gui {

class JsonField;
class PreviewPlot;

// Edits one distribution of the scenario (service time, I/O wait, cold
// start, start-up or boot time): its kind, the parameters of that kind, and
// a small density preview drawn from 20,000 draws of the engine's own
// sampler, so the picture is what the simulation will use.
class DistributionEditor : public QWidget {
    Q_OBJECT

public:
    // `validated` returns the distribution as the reader understood it (the
    // document's last valid state), for the preview.
    DistributionEditor(ScenarioDocument* document, const std::string& pointer,
                       std::function<std::optional<DistributionSpec>()> validated,
                       QWidget* parent = nullptr);

    void refresh();
    QList<JsonField*> fields() const { return m_fields; }
    PreviewPlot* preview() const { return m_preview; }

private:
    void rebuild();
    void updatePreview();
    void commitSamples(const QString& text);

    ScenarioDocument* m_document;
    std::string m_pointer;
    std::function<std::optional<DistributionSpec>()> m_validated;
    QComboBox* m_kind;
    QFormLayout* m_form;
    QList<JsonField*> m_fields;
    QLineEdit* m_samples = nullptr;
    QLabel* m_samplesError = nullptr;
    PreviewPlot* m_preview;
    std::string m_builtFor;
};

} // namespace faaslab::gui
