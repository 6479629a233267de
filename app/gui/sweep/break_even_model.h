#pragma once

#include "models/runner/sweep_runner.h"

#include <QAbstractTableModel>
#include <QString>
#include <vector>

namespace faaslab::gui {

// A swept value as the command-line sweep table prints it: six significant
// digits.
QString sweepValueText(double value);
// The last part of a dotted parameter path ("keep_alive_s" for
// "architectures[0].keep_alive_s"), for headings and titles.
QString parameterShortName(const QString& path);

// The break-even points of a sweep, one row each: the value, the bracket it
// was located in, and the architectures cheaper below and above it.
class BreakEvenModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { ValueColumn, BetweenColumn, BelowColumn, AboveColumn, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    // Shows the break-even points of `results`, or nothing for nullptr.
    void setResults(const SweepResults* results);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<BreakEven> m_rows;
    QString m_parameter;
};

} // namespace faaslab::gui
