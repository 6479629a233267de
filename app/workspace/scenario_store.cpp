#include "app/workspace/scenario_store.h"

#include "app/workspace/sql_query.h"
#include "app/workspace/workspace.h"

namespace faaslab::workspace {

namespace {

using Json = nlohmann::ordered_json;

// The text stored for a document: always the same formatting, so equal
// documents are equal text.
QString documentText(const Json& document) {
    return QString::fromStdString(document.dump(2));
}

const char* const ScenarioColumns =
    "SELECT s.id, s.name, s.created_at, s.updated_at, "
    "(SELECT count(*) FROM scenario_revisions r WHERE r.scenario_id = s.id), "
    "(SELECT count(*) FROM runs u JOIN scenario_revisions r ON u.revision_id = r.id "
    " WHERE r.scenario_id = s.id), "
    "(SELECT max(r.id) FROM scenario_revisions r WHERE r.scenario_id = s.id), "
    "(SELECT group_concat(tag, char(10)) FROM (SELECT tag FROM scenario_tags t "
    " WHERE t.scenario_id = s.id ORDER BY tag)) "
    "FROM scenarios s ";

StoredScenario scenarioFrom(const SqlQuery& q) {
    StoredScenario s;
    s.id = q.value(0).toLongLong();
    s.name = q.value(1).toString();
    s.createdAt = fromStoredTime(q.value(2).toString());
    s.updatedAt = fromStoredTime(q.value(3).toString());
    s.revisionCount = q.value(4).toInt();
    s.runCount = q.value(5).toInt();
    s.latestRevisionId = q.value(6).toLongLong();
    const QString tags = q.value(7).toString();
    s.tags = tags.isEmpty() ? QStringList{} : tags.split('\n');
    return s;
}

ScenarioRevision revisionFrom(const SqlQuery& q) {
    ScenarioRevision r;
    r.id = q.value(0).toLongLong();
    r.scenarioId = q.value(1).toLongLong();
    r.number = q.value(2).toInt();
    r.document = q.value(3).toString();
    r.createdAt = fromStoredTime(q.value(4).toString());
    return r;
}

const char* const RevisionColumns =
    "SELECT id, scenario_id, number, document, created_at FROM scenario_revisions ";

QString validName(const QString& name, QString* error) {
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() && error != nullptr) {
        *error = QStringLiteral("a scenario name cannot be empty");
    }
    return trimmed;
}

} // namespace

std::optional<ScenarioRevision> ScenarioStore::addRevision(qint64 scenarioId, const QString& text,
                                                           QString* error) {
    const QString now = toStoredTime(QDateTime::currentDateTimeUtc());
    SqlQuery insert(m_workspace.database(),
                    "INSERT INTO scenario_revisions (scenario_id, number, document, created_at) "
                    "SELECT ?, coalesce(max(number), 0) + 1, ?, ? FROM scenario_revisions "
                    "WHERE scenario_id = ?");
    insert.bind(scenarioId).bind(text).bind(now).bind(scenarioId);
    SqlQuery touch(m_workspace.database(), "UPDATE scenarios SET updated_at = ? WHERE id = ?");
    touch.bind(now).bind(scenarioId);
    if (!insert.exec(error) || !touch.exec(error)) {
        return std::nullopt;
    }
    return revision(insert.query().lastInsertId().toLongLong(), error);
}

std::optional<ScenarioRevision> ScenarioStore::record(const QString& name, const Json& document,
                                                      QString* error) {
    const QString cleanName = validName(name, error);
    if (cleanName.isEmpty()) {
        return std::nullopt;
    }
    const QString text = documentText(document);
    std::optional<ScenarioRevision> result;
    const bool ok = m_workspace.write(
        [&](QString* problem) {
            SqlQuery find(m_workspace.database(), "SELECT id FROM scenarios WHERE name = ?");
            find.bind(cleanName);
            if (!find.exec(problem)) {
                return false;
            }
            qint64 scenarioId = 0;
            if (find.next()) {
                scenarioId = find.value(0).toLongLong();
                SqlQuery latest(m_workspace.database(),
                                QString(RevisionColumns) +
                                    "WHERE scenario_id = ? ORDER BY number DESC LIMIT 1");
                latest.bind(scenarioId);
                if (!latest.exec(problem)) {
                    return false;
                }
                if (latest.next() && latest.value(3).toString() == text) {
                    result = revisionFrom(latest);
                    return true;
                }
            } else {
                const QString now = toStoredTime(QDateTime::currentDateTimeUtc());
                SqlQuery insert(m_workspace.database(),
                                "INSERT INTO scenarios (name, created_at, updated_at) "
                                "VALUES (?, ?, ?)");
                insert.bind(cleanName).bind(now).bind(now);
                if (!insert.exec(problem)) {
                    return false;
                }
                scenarioId = insert.query().lastInsertId().toLongLong();
            }
            result = addRevision(scenarioId, text, problem);
            return result.has_value();
        },
        error);
    return ok ? result : std::nullopt;
}

std::optional<std::vector<StoredScenario>>
ScenarioStore::list(const QString& search, const QString& tag, QString* error) const {
    QString sql = QString(ScenarioColumns) + "WHERE instr(lower(s.name), lower(?)) > 0 ";
    if (!tag.isEmpty()) {
        sql += "AND EXISTS (SELECT 1 FROM scenario_tags t WHERE t.scenario_id = s.id AND "
               "t.tag = ?) ";
    }
    sql += "ORDER BY s.name COLLATE NOCASE";
    SqlQuery q(m_workspace.database(), sql);
    q.bind(search);
    if (!tag.isEmpty()) {
        q.bind(tag);
    }
    return q.collect<StoredScenario>(error, scenarioFrom);
}

std::optional<StoredScenario> ScenarioStore::find(qint64 id, QString* error) const {
    SqlQuery q(m_workspace.database(), QString(ScenarioColumns) + "WHERE s.id = ?");
    q.bind(id);
    if (!q.execOne(error, QStringLiteral("no scenario with id %1").arg(id))) {
        return std::nullopt;
    }
    return scenarioFrom(q);
}

std::optional<StoredScenario> ScenarioStore::findByName(const QString& name, QString* error) const {
    SqlQuery q(m_workspace.database(), QString(ScenarioColumns) + "WHERE s.name = ?");
    q.bind(name.trimmed());
    if (!q.execOne(error, QStringLiteral("no scenario named '%1'").arg(name))) {
        return std::nullopt;
    }
    return scenarioFrom(q);
}

std::optional<ScenarioRevision> ScenarioStore::revision(qint64 revisionId, QString* error) const {
    SqlQuery q(m_workspace.database(), QString(RevisionColumns) + "WHERE id = ?");
    q.bind(revisionId);
    if (!q.execOne(error, QStringLiteral("no scenario revision with id %1").arg(revisionId))) {
        return std::nullopt;
    }
    return revisionFrom(q);
}

std::optional<std::vector<ScenarioRevision>> ScenarioStore::revisions(qint64 scenarioId,
                                                                      QString* error) const {
    SqlQuery q(m_workspace.database(),
               QString(RevisionColumns) + "WHERE scenario_id = ? ORDER BY number");
    q.bind(scenarioId);
    return q.collect<ScenarioRevision>(error, revisionFrom);
}

std::optional<QStringList> ScenarioStore::allTags(QString* error) const {
    SqlQuery q(m_workspace.database(), "SELECT DISTINCT tag FROM scenario_tags ORDER BY tag");
    if (!q.exec(error)) {
        return std::nullopt;
    }
    QStringList tags;
    while (q.next()) {
        tags << q.value(0).toString();
    }
    return tags;
}

bool ScenarioStore::rename(qint64 id, const QString& newName, QString* error) {
    const QString cleanName = validName(newName, error);
    if (cleanName.isEmpty()) {
        return false;
    }
    return m_workspace.write(
        [&](QString* problem) {
            const auto scenario = find(id, problem);
            if (!scenario) {
                return false;
            }
            if (scenario->name == cleanName) {
                return true;
            }
            if (findByName(cleanName, nullptr)) {
                *problem = QStringLiteral("a scenario named '%1' exists already").arg(cleanName);
                return false;
            }
            SqlQuery update(m_workspace.database(), "UPDATE scenarios SET name = ? WHERE id = ?");
            update.bind(cleanName).bind(id);
            if (!update.exec(problem)) {
                return false;
            }
            const auto latest = revision(scenario->latestRevisionId, problem);
            if (!latest) {
                return false;
            }
            Json document = Json::parse(latest->document.toStdString(), nullptr, false);
            if (document.is_object()) {
                document["name"] = cleanName.toStdString();
                return addRevision(id, documentText(document), problem).has_value();
            }
            return true;
        },
        error);
}

std::optional<qint64> ScenarioStore::duplicate(qint64 id, const QString& newName, QString* error) {
    std::optional<qint64> copy;
    const bool ok = m_workspace.write(
        [&](QString* problem) {
            const auto scenario = find(id, problem);
            if (!scenario) {
                return false;
            }
            const auto latest = revision(scenario->latestRevisionId, problem);
            if (!latest) {
                return false;
            }
            Json document = Json::parse(latest->document.toStdString(), nullptr, false);
            if (document.is_object()) {
                document["name"] = newName.trimmed().toStdString();
            }
            if (findByName(newName, nullptr)) {
                *problem = QStringLiteral("a scenario named '%1' exists already").arg(newName);
                return false;
            }
            const auto created = record(newName, document, problem);
            if (!created || !setTags(created->scenarioId, scenario->tags, problem)) {
                return false;
            }
            copy = created->scenarioId;
            return true;
        },
        error);
    return ok ? copy : std::nullopt;
}

bool ScenarioStore::remove(qint64 id, QString* error) {
    return m_workspace.write(
        [&](QString* problem) {
            SqlQuery del(m_workspace.database(), "DELETE FROM scenarios WHERE id = ?");
            del.bind(id);
            return del.execChanging(problem, QStringLiteral("no scenario with id %1").arg(id));
        },
        error);
}

bool ScenarioStore::setTags(qint64 id, const QStringList& tags, QString* error) {
    return m_workspace.write(
        [&](QString* problem) {
            SqlQuery clear(m_workspace.database(),
                           "DELETE FROM scenario_tags WHERE scenario_id = ?");
            clear.bind(id);
            if (!clear.exec(problem)) {
                return false;
            }
            for (const QString& tag : tags) {
                const QString clean = tag.trimmed();
                if (clean.isEmpty()) {
                    continue;
                }
                SqlQuery add(
                    m_workspace.database(),
                    "INSERT OR IGNORE INTO scenario_tags (scenario_id, tag) VALUES (?, ?)");
                add.bind(id).bind(clean);
                if (!add.exec(problem)) {
                    return false;
                }
            }
            return true;
        },
        error);
}

QString ScenarioStore::unusedName(const QString& base) const {
    QString candidate = base.trimmed();
    for (int n = 2; findByName(candidate, nullptr); ++n) {
        candidate = QStringLiteral("%1 (%2)").arg(base.trimmed()).arg(n);
    }
    return candidate;
}

} // namespace faaslab::workspace
