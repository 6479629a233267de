#pragma once

#include "app/workspace/run_store.h"

#include <QAbstractTableModel>
#include <optional>
#include <vector>

namespace faaslab::gui {

// Two stored runs metric by metric: one row per architecture and metric
// (matched by architecture name), with both values, the difference and the
// relative change. Rows whose values differ are highlighted; an increase
// is shown red and a decrease green (for every metric here, cost and latency
// above all, lower is better).
class RunComparisonModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Architecture, Metric, Before, After, Change, ChangePercent, ColumnCount };

    RunComparisonModel(const workspace::StoredRun& before, const workspace::StoredRun& after,
                       QObject* parent = nullptr);

    void setOnlyDifferences(bool on);
    // Rows whose values differ, of all rows.
    int differenceCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    struct Row {
        QString architecture;
        QString metric; // key
        QString label;
        QString unit;
        std::optional<double> before;
        std::optional<double> after;
        bool differs() const;
    };
    const Row& row(int index) const { return m_rows[static_cast<std::size_t>(m_shown[index])]; }

private:
    std::vector<Row> m_rows;
    std::vector<int> m_shown;
    QString m_beforeTitle;
    QString m_afterTitle;
};

// "Run 12 (r3, 2026-11-20 10:00) after the price change"
QString runTitle(const workspace::RunSummary& run);

} // namespace faaslab::gui
