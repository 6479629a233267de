#pragma once

#include "app/workspace/run_store.h"

#include <QDialog>
#include <nlohmann/json.hpp>

class QLabel;
class QTableView;

namespace faaslab::gui {

class RunComparisonInputsModel;
class RunComparisonModel;

// Two stored runs side by side ("before" the older, "after" the newer):
// first what changed in the scenario they simulated (setting by setting),
// then their results metric by metric, with what changed highlighted and a
// switch to show only the differences.
class RunComparisonDialog : public QDialog {
    Q_OBJECT

public:
    // The scenario documents the runs simulated (their stored revisions);
    // null when a revision could not be read.
    RunComparisonDialog(const workspace::StoredRun& before, const workspace::StoredRun& after,
                        const nlohmann::ordered_json& beforeScenario,
                        const nlohmann::ordered_json& afterScenario, QWidget* parent = nullptr);

    RunComparisonModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    RunComparisonInputsModel* inputsModel() const { return m_inputs; }
    QTableView* inputsView() const { return m_inputsView; }
    // The line above the input changes ("2 settings differ" or why none do).
    QLabel* inputsSummary() const { return m_inputsSummary; }

private:
    RunComparisonModel* m_model;
    QTableView* m_view;
    RunComparisonInputsModel* m_inputs;
    QTableView* m_inputsView;
    QLabel* m_inputsSummary;
};

} // namespace faaslab::gui
