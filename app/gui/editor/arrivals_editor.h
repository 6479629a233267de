#pragma once

#include "app/gui/document/scenario_document.h"

#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QTableWidget;

namespace faaslab::gui {

class JsonField;
class PreviewPlot;

// Edits workload.arrivals: the arrival process, its parameters (a table for
// a schedule of steps) and a preview of the expected request rate over the
// simulated time, computed by the engine's own ArrivalSpec so the curve is
// the one the run will follow.
class ArrivalsEditor : public QWidget {
    Q_OBJECT

public:
    ArrivalsEditor(ScenarioDocument* document, QWidget* parent = nullptr);

    void refresh();
    QList<JsonField*> fields() const { return m_fields; }
    PreviewPlot* preview() const { return m_preview; }
    QTableWidget* stepsTable() const { return m_steps; }

private:
    void rebuild();
    // What the form was built for: the process, and a trace's format.
    static std::string builtKey(const ScenarioDocument::Json& arrivals);
    void addTraceFields(bool azure);
    void refreshSteps();
    void commitSteps();
    void updatePreview();

    ScenarioDocument* m_document;
    QComboBox* m_process;
    QFormLayout* m_form;
    QList<JsonField*> m_fields;
    QTableWidget* m_steps = nullptr;
    QLabel* m_stepsError = nullptr;
    PreviewPlot* m_preview;
    std::string m_builtFor;
    bool m_updatingSteps = false;
};

} // namespace faaslab::gui
