#include "app/gui/library/run_list_model.h"

#include <QLocale>
#include <cmath>

namespace faaslab::gui {

RunListModel::RunListModel(QObject* parent)
    : QAbstractTableModel(parent) {
}

void RunListModel::setRuns(std::vector<workspace::RunSummary> runs) {
    beginResetModel();
    m_runs = std::move(runs);
    endResetModel();
}

const workspace::RunSummary* RunListModel::runAt(int row) const {
    return row >= 0 && row < static_cast<int>(m_runs.size())
               ? &m_runs[static_cast<std::size_t>(row)]
               : nullptr;
}

int RunListModel::rowOf(qint64 id) const {
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        if (m_runs[i].id == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

int RunListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

int RunListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunListModel::data(const QModelIndex& index, int role) const {
    const workspace::RunSummary* r = runAt(index.row());
    if (r == nullptr) {
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Id:
            return r->id;
        case Started:
            return QLocale().toString(r->startedAt.toLocalTime(), QLocale::ShortFormat);
        case Scenario:
            return tr("%1 (r%2)").arg(r->scenarioName).arg(r->revision);
        case Seed:
            return QString::number(r->seed);
        case Replications:
            return r->replications;
        case Cheapest:
            return r->cheapest;
        case MonthlyCost:
            return std::isfinite(r->cheapestMonthlyCost)
                       ? QLocale().toCurrencyString(r->cheapestMonthlyCost, "$")
                       : QString("—");
        case Label:
            return r->label;
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole &&
        (index.column() == Id || index.column() == Seed || index.column() == Replications ||
         index.column() == MonthlyCost)) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::ToolTipRole) {
        return tr("Run %1 of %2, revision %3\nStarted %4, took %5 s, FaaS Lab %6\nStatus: %7")
            .arg(r->id)
            .arg(r->scenarioName)
            .arg(r->revision)
            .arg(QLocale().toString(r->startedAt.toLocalTime(), QLocale::LongFormat))
            .arg(r->wallTimeS, 0, 'f', 1)
            .arg(r->softwareVersion, r->status);
    }
    return {};
}

QVariant RunListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Id:
        return tr("Run");
    case Started:
        return tr("Started");
    case Scenario:
        return tr("Scenario (revision)");
    case Seed:
        return tr("Seed");
    case Replications:
        return tr("Reps");
    case Cheapest:
        return tr("Cheapest");
    case MonthlyCost:
        return tr("Per 30 days");
    case Label:
        return tr("Label");
    default:
        return {};
    }
}

} // namespace faaslab::gui
