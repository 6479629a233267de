#include "app/gui/library/run_comparison_inputs_model.h"

namespace faaslab::gui {

RunComparisonInputsModel::RunComparisonInputsModel(const nlohmann::ordered_json& before,
                                                   const nlohmann::ordered_json& after,
                                                   QObject* parent)
    : QAbstractTableModel(parent)
    , m_available(!before.is_null() && !after.is_null()) {
    if (m_available) {
        m_changes = jsonDifferences(before, after);
    }
}

int RunComparisonInputsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_changes.size());
}

int RunComparisonInputsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunComparisonInputsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const JsonChange& change = m_changes[static_cast<std::size_t>(index.row())];
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Setting:
            return QString::fromStdString(change.path);
        case Before:
            return QString::fromStdString(jsonChangeText(change.before));
        case After:
            return QString::fromStdString(jsonChangeText(change.after));
        default:
            return {};
        }
    }
    return {};
}

QVariant RunComparisonInputsModel::headerData(int section, Qt::Orientation orientation,
                                              int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Setting:
        return tr("Setting");
    case Before:
        return tr("Before");
    case After:
        return tr("After");
    default:
        return {};
    }
}

} // namespace faaslab::gui
