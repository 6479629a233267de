#include "app/gui/sweep/break_even_model.h"

namespace faaslab::gui {

QString sweepValueText(double value) {
    return QString::number(value, 'g', 6);
}

QString parameterShortName(const QString& path) {
    const qsizetype dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.mid(dot + 1);
}

void BreakEvenModel::setResults(const SweepResults* results) {
    beginResetModel();
    m_rows = results != nullptr ? results->breakEvens : std::vector<BreakEven>{};
    m_parameter = results != nullptr ? QString::fromStdString(results->parameter) : QString();
    endResetModel();
}

int BreakEvenModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int BreakEvenModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BreakEvenModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const BreakEven& b = m_rows[static_cast<std::size_t>(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case ValueColumn:
            return sweepValueText(b.value);
        case BetweenColumn:
            return tr("%1 … %2").arg(sweepValueText(b.lower), sweepValueText(b.upper));
        case BelowColumn:
            return QString::fromStdString(b.cheaperBelow);
        case AboveColumn:
            return QString::fromStdString(b.cheaperAbove);
        default:
            return {};
        }
    }
    if (role == Qt::UserRole) {
        // The exact value, for sorting and tests.
        return b.value;
    }
    if (role == Qt::TextAlignmentRole) {
        return index.column() <= BetweenColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                               : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role == Qt::ToolTipRole) {
        return tr("Below %1 = %2, %3 is cheapest per 30 days; above it, %4. Located by bisection "
                  "between %5 and %6.")
            .arg(m_parameter, sweepValueText(b.value), QString::fromStdString(b.cheaperBelow),
                 QString::fromStdString(b.cheaperAbove), sweepValueText(b.lower),
                 sweepValueText(b.upper));
    }
    return {};
}

QVariant BreakEvenModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case ValueColumn:
        return m_parameter.isEmpty() ? tr("Value") : parameterShortName(m_parameter);
    case BetweenColumn:
        return tr("Between");
    case BelowColumn:
        return tr("Cheaper below");
    case AboveColumn:
        return tr("Cheaper above");
    default:
        return {};
    }
}

} // namespace faaslab::gui
