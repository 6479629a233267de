#include "app/workspace/sweep_store.h"

#include "app/workspace/sql_query.h"
#include "app/workspace/workspace.h"

#include <bit>
#include <cmath>
#include <limits>

namespace faaslab::workspace {

namespace {

using Json = nlohmann::ordered_json;

// Metrics as [key, value] pairs: the order survives, and NaN (JSON has
// none) is written as null.
Json pairs(const MetricValues& values) {
    Json array = Json::array();
    for (const MetricValues::Entry& e : values.entries()) {
        array.push_back(Json::array({e.key, std::isnan(e.value) ? Json(nullptr) : Json(e.value)}));
    }
    return array;
}

bool readPairs(const Json& array, MetricValues& values) {
    if (!array.is_array()) {
        return false;
    }
    for (const Json& p : array) {
        if (!p.is_array() || p.size() != 2 || !p[0].is_string() ||
            !(p[1].is_number() || p[1].is_null())) {
            return false;
        }
        values.set(p[0].get<std::string>(),
                   p[1].is_null() ? std::numeric_limits<double>::quiet_NaN() : p[1].get<double>());
    }
    return true;
}

Json architecturesJson(const std::vector<ArchitectureResults>& architectures) {
    Json array = Json::array();
    for (const ArchitectureResults& a : architectures) {
        array.push_back({{"name", a.name},
                         {"type", a.type},
                         {"replications", a.replications},
                         {"mean", pairs(a.mean)},
                         {"ci95", pairs(a.ci95)}});
    }
    return array;
}

const char* const SummaryColumns =
    "SELECT w.id, w.revision_id, s.name, w.parameter, "
    "(SELECT count(*) FROM sweep_points p WHERE p.sweep_id = w.id), w.started_at, w.wall_time_s, "
    "w.status, w.cost_metric, w.seed, w.replications, w.extra_runs, w.break_evens "
    "FROM sweeps w JOIN scenario_revisions r ON w.revision_id = r.id "
    "JOIN scenarios s ON r.scenario_id = s.id ";

SweepSummary summaryFrom(const SqlQuery& q) {
    SweepSummary s;
    s.id = q.value(0).toLongLong();
    s.revisionId = q.value(1).toLongLong();
    s.scenarioName = q.value(2).toString();
    s.parameter = q.value(3).toString();
    s.points = q.value(4).toInt();
    s.startedAt = fromStoredTime(q.value(5).toString());
    s.wallTimeS = q.value(6).toDouble();
    s.status = q.value(7).toString();
    return s;
}

} // namespace

std::optional<qint64> SweepStore::save(qint64 revisionId, const SweepResults& results,
                                       const std::string& costMetric, const RunRecord& record,
                                       QString* error) {
    Json breakEvens = Json::array();
    for (const BreakEven& b : results.breakEvens) {
        breakEvens.push_back({{"value", b.value},
                              {"lower", b.lower},
                              {"upper", b.upper},
                              {"cheaper_below", b.cheaperBelow},
                              {"cheaper_above", b.cheaperAbove}});
    }
    std::optional<qint64> id;
    const bool ok = m_workspace.write(
        [&](QString* problem) {
            const QSqlDatabase db = m_workspace.database();
            SqlQuery q(db, "INSERT INTO sweeps (revision_id, parameter, cost_metric, seed, "
                           "replications, software_version, started_at, wall_time_s, status, "
                           "extra_runs, break_evens) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            q.bind(revisionId).bind(QString::fromStdString(results.parameter));
            q.bind(QString::fromStdString(costMetric));
            q.bind(std::bit_cast<qint64>(results.seed)).bind(results.replications);
            q.bind(QStringLiteral(FAASLAB_VERSION)).bind(toStoredTime(record.startedAt));
            q.bind(record.wallTimeS).bind(record.status).bind(results.extraRuns);
            q.bind(QString::fromStdString(breakEvens.dump()));
            if (!q.exec(problem)) {
                return false;
            }
            const qint64 sweepId = q.query().lastInsertId().toLongLong();
            SqlQuery point(db, "INSERT INTO sweep_points (sweep_id, position, value, cheapest, "
                               "architectures) VALUES (?, ?, ?, ?, ?)");
            for (std::size_t i = 0; i < results.points.size(); ++i) {
                const SweepPoint& p = results.points[i];
                point.bind(sweepId).bind(static_cast<int>(i)).bind(p.value);
                point.bind(QString::fromStdString(p.cheapest));
                point.bind(QString::fromStdString(architecturesJson(p.architectures).dump()));
                if (!point.exec(problem)) {
                    return false;
                }
            }
            id = sweepId;
            return true;
        },
        error);
    return ok ? id : std::nullopt;
}

std::optional<std::vector<SweepSummary>> SweepStore::list(QString* error) const {
    SqlQuery q(m_workspace.database(),
               QString(SummaryColumns) + "ORDER BY w.started_at DESC, w.id DESC");
    return q.collect<SweepSummary>(error, summaryFrom);
}

std::optional<StoredSweep> SweepStore::load(qint64 id, QString* error) const {
    const QSqlDatabase db = m_workspace.database();
    SqlQuery head(db, QString(SummaryColumns) + "WHERE w.id = ?");
    head.bind(id);
    if (!head.execOne(error, QStringLiteral("no sweep with id %1").arg(id))) {
        return std::nullopt;
    }
    StoredSweep sweep;
    sweep.summary = summaryFrom(head);
    sweep.costMetric = head.value(8).toString();
    SweepResults& r = sweep.results;
    r.scenarioName = sweep.summary.scenarioName.toStdString();
    r.parameter = sweep.summary.parameter.toStdString();
    r.seed = std::bit_cast<std::uint64_t>(head.value(9).toLongLong());
    r.replications = head.value(10).toInt();
    r.extraRuns = head.value(11).toInt();
    const QString damaged = QStringLiteral("sweep %1: the stored points are damaged").arg(id);
    const Json breakEvens = Json::parse(head.value(12).toString().toStdString(), nullptr, false);
    if (!breakEvens.is_array()) {
        *error = damaged;
        return std::nullopt;
    }
    for (const Json& b : breakEvens) {
        r.breakEvens.push_back(BreakEven{b.value("value", 0.0), b.value("lower", 0.0),
                                         b.value("upper", 0.0), b.value("cheaper_below", ""),
                                         b.value("cheaper_above", "")});
    }
    SqlQuery points(db, "SELECT value, cheapest, architectures FROM sweep_points WHERE "
                        "sweep_id = ? ORDER BY position");
    points.bind(id);
    if (!points.exec(error)) {
        return std::nullopt;
    }
    while (points.next()) {
        SweepPoint p;
        p.value = points.value(0).toDouble();
        p.cheapest = points.value(1).toString().toStdString();
        const Json architectures =
            Json::parse(points.value(2).toString().toStdString(), nullptr, false);
        if (!architectures.is_array()) {
            *error = damaged;
            return std::nullopt;
        }
        for (const Json& a : architectures) {
            ArchitectureResults result;
            result.name = a.value("name", "");
            result.type = a.value("type", "");
            result.replications = a.value("replications", 0);
            if (!readPairs(a.value("mean", Json()), result.mean) ||
                !readPairs(a.value("ci95", Json()), result.ci95)) {
                *error = damaged;
                return std::nullopt;
            }
            p.architectures.push_back(std::move(result));
        }
        r.points.push_back(std::move(p));
    }
    if (!r.points.empty()) {
        for (const ArchitectureResults& a : r.points.front().architectures) {
            r.architectureNames.push_back(a.name);
        }
    }
    return sweep;
}

bool SweepStore::remove(qint64 id, QString* error) {
    return m_workspace.write(
        [&](QString* problem) {
            SqlQuery del(m_workspace.database(), "DELETE FROM sweeps WHERE id = ?");
            del.bind(id);
            return del.exec(problem);
        },
        error);
}

} // namespace faaslab::workspace
