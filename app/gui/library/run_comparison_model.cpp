#include "app/gui/library/run_comparison_model.h"

#include "models/report/comparison_table.h"
#include "models/results/metric_keys.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>
#include <cmath>

namespace faaslab::gui {

namespace {

QString formatValue(double v, const QString& unit) {
    if (!std::isfinite(v)) {
        return QStringLiteral("—");
    }
    if (unit == "s") {
        return QString::fromStdString(formatSeconds(v));
    }
    if (unit == "USD") {
        return QString::fromStdString(formatMoney(v));
    }
    if (unit == "%") {
        return QString::fromStdString(formatPercent(v));
    }
    if (std::floor(v) == v && std::abs(v) < 1e15) {
        return QString::fromStdString(formatCount(v));
    }
    return QLocale().toString(v, 'f', 2) + (unit.isEmpty() ? QString() : " " + unit);
}

// A difference of two percentages is in percentage points: 2.00 % to
// 2.68 % is +0.68 pp (a relative change of 34 %, in the next column).
QString formatDifference(double delta, const QString& unit) {
    if (unit == "%") {
        QString text = QString::fromStdString(formatPercent(delta));
        if (text.endsWith(QStringLiteral(" %"))) {
            text.chop(1);
            text += QObject::tr("pp");
        }
        return text;
    }
    return formatValue(delta, unit);
}

const ArchitectureResults* findArchitecture(const ScenarioResults& r, const std::string& name) {
    for (const ArchitectureResults& a : r.architectures) {
        if (a.name == name) {
            return &a;
        }
    }
    return nullptr;
}

void addKeys(const ArchitectureResults* a, std::vector<std::string>& keys) {
    if (a == nullptr) {
        return;
    }
    for (const MetricValues::Entry& e : a->mean.entries()) {
        if (std::find(keys.begin(), keys.end(), e.key) == keys.end()) {
            keys.push_back(e.key);
        }
    }
}

} // namespace

QString runTitle(const workspace::RunSummary& run) {
    QString title = QObject::tr("Run %1 of %2 (r%3, %4)")
                        .arg(run.id)
                        .arg(run.scenarioName)
                        .arg(run.revision)
                        .arg(QLocale().toString(run.startedAt.toLocalTime(), QLocale::ShortFormat));
    if (!run.label.isEmpty()) {
        title += " — " + run.label;
    }
    return title;
}

bool RunComparisonModel::Row::differs() const {
    if (!before || !after) {
        return before.has_value() != after.has_value();
    }
    if (std::isnan(*before) && std::isnan(*after)) {
        return false;
    }
    return *before != *after;
}

RunComparisonModel::RunComparisonModel(const workspace::StoredRun& before,
                                       const workspace::StoredRun& after, QObject* parent)
    : QAbstractTableModel(parent)
    , m_beforeTitle(tr("Before: run %1").arg(before.summary.id))
    , m_afterTitle(tr("After: run %1").arg(after.summary.id)) {
    std::vector<std::string> names;
    for (const auto* r : {&before.results, &after.results}) {
        for (const ArchitectureResults& a : r->architectures) {
            if (std::find(names.begin(), names.end(), a.name) == names.end()) {
                names.push_back(a.name);
            }
        }
    }
    for (const std::string& name : names) {
        const ArchitectureResults* a = findArchitecture(before.results, name);
        const ArchitectureResults* b = findArchitecture(after.results, name);
        // The catalogue's order first, then each platform's breakdown keys.
        std::vector<std::string> keys;
        for (const MetricInfo& info : metricCatalog()) {
            keys.emplace_back(info.key);
        }
        addKeys(a, keys);
        addKeys(b, keys);
        for (const std::string& key : keys) {
            Row row;
            row.architecture = QString::fromStdString(name);
            row.metric = QString::fromStdString(key);
            if (a != nullptr) {
                row.before = a->mean.find(key);
            }
            if (b != nullptr) {
                row.after = b->mean.find(key);
            }
            if (!row.before && !row.after) {
                continue;
            }
            if (const MetricInfo* info = findMetric(key)) {
                row.label = QString::fromUtf8(info->label.data(), qsizetype(info->label.size()));
                row.unit = QString::fromUtf8(info->unit.data(), qsizetype(info->unit.size()));
            } else if (row.metric.startsWith(
                           QString::fromUtf8(metric::CostBreakdownPrefix.data()))) {
                row.label = tr("Cost (window): %1")
                                .arg(row.metric.mid(qsizetype(metric::CostBreakdownPrefix.size())));
                row.unit = "USD";
            } else if (row.metric.startsWith(
                           QString::fromUtf8(metric::CostMonthlyBreakdownPrefix.data()))) {
                row.label =
                    tr("Cost per 30 days: %1")
                        .arg(row.metric.mid(qsizetype(metric::CostMonthlyBreakdownPrefix.size())));
                row.unit = "USD";
            } else {
                row.label = row.metric;
            }
            m_rows.push_back(std::move(row));
        }
    }
    setOnlyDifferences(false);
}

void RunComparisonModel::setOnlyDifferences(bool on) {
    beginResetModel();
    m_shown.clear();
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (!on || m_rows[i].differs()) {
            m_shown.push_back(static_cast<int>(i));
        }
    }
    endResetModel();
}

int RunComparisonModel::differenceCount() const {
    return static_cast<int>(
        std::count_if(m_rows.begin(), m_rows.end(), [](const Row& r) { return r.differs(); }));
}

int RunComparisonModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_shown.size());
}

int RunComparisonModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunComparisonModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const Row& r = row(index.row());
    const bool both = r.before && r.after && std::isfinite(*r.before) && std::isfinite(*r.after);
    const double delta = both ? *r.after - *r.before : 0.0;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Architecture:
            return r.architecture;
        case Metric:
            return r.label;
        case Before:
            return r.before ? formatValue(*r.before, r.unit) : tr("(none)");
        case After:
            return r.after ? formatValue(*r.after, r.unit) : tr("(none)");
        case Change:
            if (!both || delta == 0.0) {
                return r.differs() ? tr("changed") : QString();
            }
            return (delta > 0 ? "+" : "−") + formatDifference(std::abs(delta), r.unit);
        case ChangePercent:
            if (!both || delta == 0.0 || *r.before == 0.0) {
                return QString();
            }
            return QStringLiteral("%1%2 %")
                .arg(delta > 0 ? "+" : "−")
                .arg(QLocale().toString(std::abs(delta / *r.before) * 100.0, 'f', 1));
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Before) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::BackgroundRole && r.differs()) {
        return QBrush(QColor(255, 243, 205)); // a soft amber behind changed rows
    }
    if (role == Qt::ForegroundRole && both && delta != 0.0 &&
        (index.column() == Change || index.column() == ChangePercent)) {
        return QBrush(delta > 0 ? QColor(176, 0, 32) : QColor(0, 110, 40));
    }
    if (role == Qt::FontRole && r.differs() && index.column() >= Change) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ToolTipRole) {
        return r.metric;
    }
    return {};
}

QVariant RunComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Architecture:
        return tr("Architecture");
    case Metric:
        return tr("Metric");
    case Before:
        return m_beforeTitle;
    case After:
        return m_afterTitle;
    case Change:
        return tr("Change");
    case ChangePercent:
        return tr("Change %");
    default:
        return {};
    }
}

} // namespace faaslab::gui
