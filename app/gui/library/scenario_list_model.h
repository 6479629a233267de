#pragma once

#include "app/workspace/scenario_store.h"

#include <QAbstractTableModel>
#include <vector>

namespace faaslab::gui {

// The Library's scenario table: name, tags, revisions, runs, last change.
class ScenarioListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Name, Tags, Revisions, Runs, Updated, ColumnCount };

    explicit ScenarioListModel(QObject* parent = nullptr);

    void setScenarios(std::vector<workspace::StoredScenario> scenarios);
    const workspace::StoredScenario* scenarioAt(int row) const;
    int rowOf(qint64 id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<workspace::StoredScenario> m_scenarios;
};

} // namespace faaslab::gui
