#pragma once

#include "app/workspace/run_store.h"

#include <QAbstractTableModel>
#include <vector>

namespace faaslab::gui {

// The Library's run table: one row per stored run, newest first. Rows are
// plain values read in one query, so ten thousand runs list at once.
class RunListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Id,
        Started,
        Scenario,
        Seed,
        Replications,
        Cheapest,
        MonthlyCost,
        Label,
        ColumnCount
    };

    explicit RunListModel(QObject* parent = nullptr);

    void setRuns(std::vector<workspace::RunSummary> runs);
    const workspace::RunSummary* runAt(int row) const;
    int rowOf(qint64 id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<workspace::RunSummary> m_runs;
};

} // namespace faaslab::gui
