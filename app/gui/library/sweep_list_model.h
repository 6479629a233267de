#pragma once

#include "app/workspace/sweep_store.h"

#include <QAbstractTableModel>
#include <vector>

namespace faaslab::gui {

// The Library's sweep table: one row per stored sweep, newest first.
class SweepListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Id, Started, Scenario, Parameter, Points, WallTime, ColumnCount };

    explicit SweepListModel(QObject* parent = nullptr);

    void setSweeps(std::vector<workspace::SweepSummary> sweeps);
    const workspace::SweepSummary* sweepAt(int row) const;
    int rowOf(qint64 id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<workspace::SweepSummary> m_sweeps;
};

} // namespace faaslab::gui
