#include "app/gui/library/scenario_list_model.h"

#include <QLocale>

namespace faaslab::gui {

ScenarioListModel::ScenarioListModel(QObject* parent)
    : QAbstractTableModel(parent) {
}

void ScenarioListModel::setScenarios(std::vector<workspace::StoredScenario> scenarios) {
    beginResetModel();
    m_scenarios = std::move(scenarios);
    endResetModel();
}

const workspace::StoredScenario* ScenarioListModel::scenarioAt(int row) const {
    return row >= 0 && row < static_cast<int>(m_scenarios.size())
               ? &m_scenarios[static_cast<std::size_t>(row)]
               : nullptr;
}

int ScenarioListModel::rowOf(qint64 id) const {
    for (std::size_t i = 0; i < m_scenarios.size(); ++i) {
        if (m_scenarios[i].id == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

int ScenarioListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_scenarios.size());
}

int ScenarioListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScenarioListModel::data(const QModelIndex& index, int role) const {
    const workspace::StoredScenario* s = scenarioAt(index.row());
    if (s == nullptr) {
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name:
            return s->name;
        case Tags:
            return s->tags.join(", ");
        case Revisions:
            return s->revisionCount;
        case Runs:
            return s->runCount;
        case Updated:
            return QLocale().toString(s->updatedAt.toLocalTime(), QLocale::ShortFormat);
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && (index.column() == Revisions || index.column() == Runs)) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::ToolTipRole) {
        return tr("%1\nCreated %2, %n revision(s)", nullptr, s->revisionCount)
            .arg(s->name, QLocale().toString(s->createdAt.toLocalTime(), QLocale::ShortFormat));
    }
    return {};
}

QVariant ScenarioListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Name:
        return tr("Scenario");
    case Tags:
        return tr("Tags");
    case Revisions:
        return tr("Revisions");
    case Runs:
        return tr("Runs");
    case Updated:
        return tr("Changed");
    default:
        return {};
    }
}

} // namespace faaslab::gui
