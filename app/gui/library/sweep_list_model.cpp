#include "app/gui/library/sweep_list_model.h"

#include <QLocale>

namespace faaslab::gui {

SweepListModel::SweepListModel(QObject* parent)
    : QAbstractTableModel(parent) {
}

void SweepListModel::setSweeps(std::vector<workspace::SweepSummary> sweeps) {
    beginResetModel();
    m_sweeps = std::move(sweeps);
    endResetModel();
}

const workspace::SweepSummary* SweepListModel::sweepAt(int row) const {
    return row >= 0 && row < static_cast<int>(m_sweeps.size())
               ? &m_sweeps[static_cast<std::size_t>(row)]
               : nullptr;
}

int SweepListModel::rowOf(qint64 id) const {
    for (std::size_t i = 0; i < m_sweeps.size(); ++i) {
        if (m_sweeps[i].id == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

int SweepListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_sweeps.size());
}

int SweepListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SweepListModel::data(const QModelIndex& index, int role) const {
    const workspace::SweepSummary* s = sweepAt(index.row());
    if (s == nullptr) {
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Id:
            return s->id;
        case Started:
            return QLocale().toString(s->startedAt.toLocalTime(), QLocale::ShortFormat);
        case Scenario:
            return s->scenarioName;
        case Parameter:
            return s->parameter;
        case Points:
            return s->points;
        case WallTime:
            return tr("%1 s").arg(QLocale().toString(s->wallTimeS, 'f', 1));
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole &&
        (index.column() == Id || index.column() == Points || index.column() == WallTime)) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::ToolTipRole) {
        return tr("Sweep %1 of %2 over %3 (%4 values)\nStarted %5, took %6 s\nStatus: %7")
            .arg(s->id)
            .arg(s->scenarioName, s->parameter)
            .arg(s->points)
            .arg(QLocale().toString(s->startedAt.toLocalTime(), QLocale::LongFormat))
            .arg(s->wallTimeS, 0, 'f', 1)
            .arg(s->status);
    }
    return {};
}

QVariant SweepListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Id:
        return tr("Sweep");
    case Started:
        return tr("Started");
    case Scenario:
        return tr("Scenario");
    case Parameter:
        return tr("Parameter");
    case Points:
        return tr("Values");
    case WallTime:
        return tr("Took");
    default:
        return {};
    }
}

} // namespace faaslab::gui
