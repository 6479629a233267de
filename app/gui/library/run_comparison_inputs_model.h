#pragma once

#include "models/scenario/json_diff.h"

#include <QAbstractTableModel>
#include <nlohmann/json.hpp>
#include <vector>

namespace faaslab::gui {

// What differs between the scenario documents two runs simulated: one row
// per setting (its path as the reader names it, the value before and
// after), so a comparison says why the numbers moved before it shows them.
class RunComparisonInputsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Setting, Before, After, ColumnCount };

    // Null documents mean "not available" (a revision that could not be read).
    RunComparisonInputsModel(const nlohmann::ordered_json& before,
                             const nlohmann::ordered_json& after, QObject* parent = nullptr);

    bool isAvailable() const { return m_available; }
    const std::vector<JsonChange>& changes() const { return m_changes; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<JsonChange> m_changes;
    bool m_available;
};

} // namespace faaslab::gui
