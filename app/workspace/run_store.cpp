#include "app/workspace/run_store.h"

#include "app/workspace/series_blob.h"
#include "app/workspace/sql_query.h"
#include "app/workspace/workspace.h"
#include "models/results/metric_keys.h"
#include "models/results/ranking.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <bit>
#include <cmath>
#include <limits>

namespace faaslab::workspace {

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

// SQLite integers are signed 64-bit; a seed keeps its bits.
qint64 storedSeed(std::uint64_t seed) {
    return std::bit_cast<qint64>(seed);
}
std::uint64_t seedFrom(const QVariant& v) {
    return std::bit_cast<std::uint64_t>(v.toLongLong());
}

// SQLite stores NaN as NULL; read NULL back as NaN.
QVariant storedNumber(double v) {
    return std::isnan(v) ? QVariant() : QVariant(v);
}
double numberFrom(const QVariant& v) {
    return v.isNull() ? NaN : v.toDouble();
}

const char* const SummaryColumns =
    "SELECT u.id, u.revision_id, r.scenario_id, s.name, r.number, u.seed, u.replications, "
    "u.software_version, CAST(round((julianday(u.started_at) - 2440587.5) * 86400000.0) AS "
    "INTEGER), u.wall_time_s, u.status, u.cheapest, "
    "u.cheapest_monthly_cost, u.label, u.scenario_name, u.duration_s, u.warmup_s "
    "FROM runs u JOIN scenario_revisions r ON u.revision_id = r.id "
    "JOIN scenarios s ON r.scenario_id = s.id ";

RunSummary summaryFrom(const SqlQuery& q) {
    RunSummary s;
    s.id = q.value(0).toLongLong();
    s.revisionId = q.value(1).toLongLong();
    s.scenarioId = q.value(2).toLongLong();
    s.scenarioName = q.value(3).toString();
    s.revision = q.value(4).toInt();
    s.seed = seedFrom(q.value(5));
    s.replications = q.value(6).toInt();
    s.softwareVersion = q.value(7).toString();
    // Milliseconds since the epoch, computed by SQLite: parsing ten
    // thousand ISO strings would dominate listing the runs.
    s.startedAt = QDateTime::fromMSecsSinceEpoch(q.value(8).toLongLong(), Qt::UTC);
    s.wallTimeS = q.value(9).toDouble();
    s.status = q.value(10).toString();
    s.cheapest = q.value(11).toString();
    s.cheapestMonthlyCost = numberFrom(q.value(12));
    s.label = q.value(13).toString();
    return s;
}

bool insertMetrics(const QSqlDatabase& db, qint64 runId, int architecture, int statistic,
                   const MetricValues& values, QString* error) {
    int position = 0;
    SqlQuery q(db, "INSERT INTO run_metrics (run_id, architecture, statistic, position, key, "
                   "value) VALUES (?, ?, ?, ?, ?, ?)");
    for (const MetricValues::Entry& e : values.entries()) {
        q.bind(runId).bind(architecture).bind(statistic).bind(position++);
        q.bind(QString::fromStdString(e.key)).bind(storedNumber(e.value));
        if (!q.exec(error)) {
            return false;
        }
    }
    return true;
}

// The part lists of an architecture, in the order of run_parts.kind.
std::vector<NamedMetrics>* partsOfKind(ArchitectureResults& a, int kind) {
    switch (kind) {
    case 0:
        return &a.functions;
    case 1:
        return &a.triggers;
    case 2:
        return &a.queues;
    default:
        return nullptr;
    }
}

bool insertParts(const QSqlDatabase& db, qint64 runId, int architecture,
                 const ArchitectureResults& a, QString* error) {
    SqlQuery part(db, "INSERT INTO run_parts (run_id, architecture, kind, position, name) "
                      "VALUES (?, ?, ?, ?, ?)");
    SqlQuery metric(db, "INSERT INTO run_part_metrics (run_id, architecture, kind, part, "
                        "statistic, position, key, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    const std::vector<NamedMetrics>* lists[] = {&a.functions, &a.triggers, &a.queues};
    for (int kind = 0; kind < 3; ++kind) {
        const std::vector<NamedMetrics>& parts = *lists[kind];
        for (std::size_t p = 0; p < parts.size(); ++p) {
            const int position = static_cast<int>(p);
            part.bind(runId).bind(architecture).bind(kind).bind(position);
            part.bind(QString::fromStdString(parts[p].name));
            if (!part.exec(error)) {
                return false;
            }
            for (int statistic = 0; statistic < 2; ++statistic) {
                int index = 0;
                const MetricValues& values = statistic == 0 ? parts[p].metrics : parts[p].ci95;
                for (const MetricValues::Entry& e : values.entries()) {
                    metric.bind(runId).bind(architecture).bind(kind).bind(position);
                    metric.bind(statistic).bind(index++);
                    metric.bind(QString::fromStdString(e.key)).bind(storedNumber(e.value));
                    if (!metric.exec(error)) {
                        return false;
                    }
                }
            }
        }
    }
    return true;
}

QByteArray packCdf(const std::vector<std::pair<double, double>>& cdf) {
    std::vector<double> flat;
    flat.reserve(cdf.size() * 2);
    for (const auto& [x, f] : cdf) {
        flat.push_back(x);
        flat.push_back(f);
    }
    return packDoubles(flat);
}

QString columnsText(const std::vector<std::string>& columns) {
    QJsonArray array;
    for (const std::string& c : columns) {
        array.append(QString::fromStdString(c));
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

bool insertArchitecture(const QSqlDatabase& db, qint64 runId, int position,
                        const ArchitectureResults& a, QString* error) {
    const TimeSeries& s = a.series;
    std::vector<double> values;
    values.reserve(s.columns.size() * s.binCount());
    for (const std::vector<double>& column : s.values) {
        if (column.size() != s.binCount()) {
            *error = QStringLiteral("architecture '%1': time-series columns differ in length")
                         .arg(QString::fromStdString(a.name));
            return false;
        }
        values.insert(values.end(), column.begin(), column.end());
    }
    if (s.values.size() != s.columns.size()) {
        *error = QStringLiteral("architecture '%1': time-series columns and names differ")
                     .arg(QString::fromStdString(a.name));
        return false;
    }
    SqlQuery q(db, "INSERT INTO run_architectures (run_id, position, name, type, replications, "
                   "pricing_preset, pricing_provider, pricing_product, pricing_source_url, "
                   "pricing_as_of, series_start_s, series_end_s, series_bin_s, series_columns, "
                   "series_values, latency_cdf) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                   "?, ?)");
    q.bind(runId).bind(position).bind(QString::fromStdString(a.name));
    q.bind(QString::fromStdString(a.type)).bind(a.replications);
    q.bind(QString::fromStdString(a.pricing.presetId));
    q.bind(QString::fromStdString(a.pricing.provider));
    q.bind(QString::fromStdString(a.pricing.product));
    q.bind(QString::fromStdString(a.pricing.sourceUrl));
    q.bind(QString::fromStdString(a.pricing.asOf));
    q.bind(s.startS).bind(s.endS).bind(s.binS).bind(columnsText(s.columns));
    q.bind(packDoubles(values)).bind(packCdf(a.latencyCdf));
    return q.exec(error) && insertMetrics(db, runId, position, 0, a.mean, error) &&
           insertMetrics(db, runId, position, 1, a.ci95, error) &&
           insertParts(db, runId, position, a, error);
}

QString damaged(qint64 id, const QString& what) {
    return QStringLiteral("run %1: the stored %2 is damaged").arg(id).arg(what);
}

// Positions are dense (0, 1, ...) when written; anything else is damage.
bool loadParts(const QSqlDatabase& db, qint64 id, ScenarioResults& r, QString* error) {
    auto fail = [&] {
        if (error != nullptr) {
            *error = damaged(id, "application parts");
        }
        return false;
    };
    SqlQuery parts(db, "SELECT architecture, kind, position, name FROM run_parts "
                       "WHERE run_id = ? ORDER BY architecture, kind, position");
    parts.bind(id);
    if (!parts.exec(error)) {
        return false;
    }
    while (parts.next()) {
        const auto index = static_cast<std::size_t>(parts.value(0).toInt());
        std::vector<NamedMetrics>* list =
            index < r.architectures.size()
                ? partsOfKind(r.architectures[index], parts.value(1).toInt())
                : nullptr;
        if (list == nullptr || parts.value(2).toInt() != static_cast<int>(list->size())) {
            return fail();
        }
        list->push_back(NamedMetrics{parts.value(3).toString().toStdString(), {}, {}});
    }
    SqlQuery metrics(db, "SELECT architecture, kind, part, key, value, statistic FROM "
                         "run_part_metrics WHERE run_id = ? "
                         "ORDER BY architecture, kind, part, statistic, position");
    metrics.bind(id);
    if (!metrics.exec(error)) {
        return false;
    }
    while (metrics.next()) {
        const auto index = static_cast<std::size_t>(metrics.value(0).toInt());
        std::vector<NamedMetrics>* list =
            index < r.architectures.size()
                ? partsOfKind(r.architectures[index], metrics.value(1).toInt())
                : nullptr;
        const auto part = static_cast<std::size_t>(metrics.value(2).toInt());
        if (list == nullptr || part >= list->size()) {
            return fail();
        }
        MetricValues& target =
            metrics.value(5).toInt() == 0 ? (*list)[part].metrics : (*list)[part].ci95;
        target.set(metrics.value(3).toString().toStdString(), numberFrom(metrics.value(4)));
    }
    return true;
}

} // namespace

std::optional<qint64> RunStore::save(qint64 revisionId, const ScenarioResults& results,
                                     const RunRecord& record, QString* error) {
    std::optional<qint64> id;
    QString cheapest;
    QVariant cheapestCost;
    if (!results.architectures.empty()) {
        const ArchitectureResults& a = results.architectures[cheapestArchitecture(results)];
        cheapest = QString::fromStdString(a.name);
        cheapestCost = storedNumber(a.mean.value(metric::CostMonthly));
    }
    const bool ok = m_workspace.write(
        [&](QString* problem) {
            const QSqlDatabase db = m_workspace.database();
            SqlQuery q(db,
                       "INSERT INTO runs (revision_id, scenario_name, seed, replications, "
                       "duration_s, warmup_s, software_version, started_at, wall_time_s, status, "
                       "cheapest, cheapest_monthly_cost, label) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            q.bind(revisionId).bind(QString::fromStdString(results.scenarioName));
            q.bind(storedSeed(results.seed)).bind(results.replications);
            q.bind(results.durationS).bind(results.warmupS);
            q.bind(QString::fromStdString(results.softwareVersion));
            q.bind(toStoredTime(record.startedAt)).bind(record.wallTimeS).bind(record.status);
            q.bind(cheapest).bind(cheapestCost).bind(record.label);
            if (!q.exec(problem)) {
                return false;
            }
            const qint64 runId = q.query().lastInsertId().toLongLong();
            for (std::size_t i = 0; i < results.architectures.size(); ++i) {
                if (!insertArchitecture(db, runId, static_cast<int>(i), results.architectures[i],
                                        problem)) {
                    return false;
                }
            }
            id = runId;
            return true;
        },
        error);
    return ok ? id : std::nullopt;
}

std::optional<std::vector<RunSummary>> RunStore::list(QString* error, qint64 scenarioId) const {
    SqlQuery q(m_workspace.database(), QString(SummaryColumns) +
                                           (scenarioId > 0 ? "WHERE r.scenario_id = ? " : "") +
                                           "ORDER BY u.started_at DESC, u.id DESC");
    if (scenarioId > 0) {
        q.bind(scenarioId);
    }
    q.query().setForwardOnly(true);
    return q.collect<RunSummary>(error, summaryFrom);
}

std::optional<RunSummary> RunStore::summary(qint64 id, QString* error) const {
    SqlQuery q(m_workspace.database(), QString(SummaryColumns) + "WHERE u.id = ?");
    q.bind(id);
    if (!q.execOne(error, QStringLiteral("no run with id %1").arg(id))) {
        return std::nullopt;
    }
    return summaryFrom(q);
}

std::optional<StoredRun> RunStore::load(qint64 id, QString* error) const {
    const QSqlDatabase db = m_workspace.database();
    SqlQuery head(db, QString(SummaryColumns) + "WHERE u.id = ?");
    head.bind(id);
    if (!head.execOne(error, QStringLiteral("no run with id %1").arg(id))) {
        return std::nullopt;
    }
    StoredRun run;
    run.summary = summaryFrom(head);
    ScenarioResults& r = run.results;
    r.scenarioName = head.value(14).toString().toStdString();
    r.softwareVersion = run.summary.softwareVersion.toStdString();
    r.seed = run.summary.seed;
    r.replications = run.summary.replications;
    r.durationS = head.value(15).toDouble();
    r.warmupS = head.value(16).toDouble();

    SqlQuery arch(db, "SELECT name, type, replications, pricing_preset, pricing_provider, "
                      "pricing_product, pricing_source_url, pricing_as_of, series_start_s, "
                      "series_end_s, series_bin_s, series_columns, series_values, latency_cdf "
                      "FROM run_architectures WHERE run_id = ? ORDER BY position");
    arch.bind(id);
    if (!arch.exec(error)) {
        return std::nullopt;
    }
    while (arch.next()) {
        ArchitectureResults a;
        a.name = arch.value(0).toString().toStdString();
        a.type = arch.value(1).toString().toStdString();
        a.replications = arch.value(2).toInt();
        a.pricing.presetId = arch.value(3).toString().toStdString();
        a.pricing.provider = arch.value(4).toString().toStdString();
        a.pricing.product = arch.value(5).toString().toStdString();
        a.pricing.sourceUrl = arch.value(6).toString().toStdString();
        a.pricing.asOf = arch.value(7).toString().toStdString();
        a.series.startS = arch.value(8).toDouble();
        a.series.endS = arch.value(9).toDouble();
        a.series.binS = arch.value(10).toDouble();
        const QJsonDocument columns = QJsonDocument::fromJson(arch.value(11).toByteArray());
        const auto values = unpackDoubles(arch.value(12).toByteArray());
        const auto cdf = unpackDoubles(arch.value(13).toByteArray());
        if (!columns.isArray() || !values || !cdf || cdf->size() % 2 != 0) {
            if (error != nullptr) {
                *error = damaged(id, "time series of '" + QString::fromStdString(a.name) + "'");
            }
            return std::nullopt;
        }
        for (const QJsonValue& c : columns.array()) {
            a.series.columns.push_back(c.toString().toStdString());
        }
        const std::size_t count = a.series.columns.size();
        if ((count == 0 && !values->empty()) || (count > 0 && values->size() % count != 0)) {
            if (error != nullptr) {
                *error = damaged(id, "time series of '" + QString::fromStdString(a.name) + "'");
            }
            return std::nullopt;
        }
        const std::size_t bins = count == 0 ? 0 : values->size() / count;
        for (std::size_t c = 0; c < count; ++c) {
            const auto begin = values->begin() + static_cast<std::ptrdiff_t>(c * bins);
            a.series.values.emplace_back(begin, begin + static_cast<std::ptrdiff_t>(bins));
        }
        for (std::size_t i = 0; i < cdf->size(); i += 2) {
            a.latencyCdf.emplace_back((*cdf)[i], (*cdf)[i + 1]);
        }
        r.architectures.push_back(std::move(a));
    }

    SqlQuery metrics(db, "SELECT architecture, statistic, key, value FROM run_metrics "
                         "WHERE run_id = ? ORDER BY architecture, statistic, position");
    metrics.bind(id);
    if (!metrics.exec(error)) {
        return std::nullopt;
    }
    while (metrics.next()) {
        const auto index = static_cast<std::size_t>(metrics.value(0).toInt());
        if (index >= r.architectures.size()) {
            if (error != nullptr) {
                *error = damaged(id, "metrics");
            }
            return std::nullopt;
        }
        ArchitectureResults& a = r.architectures[index];
        MetricValues& target = metrics.value(1).toInt() == 0 ? a.mean : a.ci95;
        target.set(metrics.value(2).toString().toStdString(), numberFrom(metrics.value(3)));
    }
    return loadParts(db, id, r, error) ? std::optional<StoredRun>(std::move(run)) : std::nullopt;
}

bool RunStore::remove(qint64 id, QString* error) {
    return m_workspace.write(
        [&](QString* problem) {
            SqlQuery del(m_workspace.database(), "DELETE FROM runs WHERE id = ?");
            del.bind(id);
            return del.execChanging(problem, QStringLiteral("no run with id %1").arg(id));
        },
        error);
}

bool RunStore::setLabel(qint64 id, const QString& label, QString* error) {
    return m_workspace.write(
        [&](QString* problem) {
            SqlQuery q(m_workspace.database(), "UPDATE runs SET label = ? WHERE id = ?");
            q.bind(label.trimmed()).bind(id);
            return q.execChanging(problem, QStringLiteral("no run with id %1").arg(id));
        },
        error);
}

std::optional<qint64> RunStore::count(QString* error) const {
    SqlQuery q(m_workspace.database(), "SELECT count(*) FROM runs");
    if (!q.exec(error) || !q.next()) {
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

} // namespace faaslab::workspace
