#include "app/workspace/schema_migrator.h"

#include "app/workspace/sql_query.h"
#include "resources/embedded_files.h"

#include <QSqlQuery>
#include <stdexcept>

namespace faaslab::workspace {

SchemaMigrator::SchemaMigrator() {
    for (const resources::EmbeddedFile& file : resources::schemaMigrationFiles()) {
        const QString name = QString::fromUtf8(file.name.data(), qsizetype(file.name.size()));
        Migration m;
        bool ok = false;
        m.version = name.left(3).toInt(&ok);
        // Numbering gaps or duplicates are build defects, caught by the
        // migration tests.
        if (!ok || m.version != static_cast<int>(m_migrations.size()) + 1) {
            throw std::logic_error("schema migrations must be numbered 001, 002, ... without "
                                   "gaps: " +
                                   name.toStdString());
        }
        m.name = name;
        m.sql = QString::fromUtf8(file.contents.data(), qsizetype(file.contents.size()));
        m_migrations.push_back(std::move(m));
    }
}

int SchemaMigrator::latestVersion() const {
    return static_cast<int>(m_migrations.size());
}

int SchemaMigrator::currentVersion(const QSqlDatabase& database, QString* error) {
    SqlQuery query(database, "PRAGMA user_version");
    if (!query.exec(error) || !query.next()) {
        return -1;
    }
    return query.value(0).toInt();
}

bool SchemaMigrator::migrate(const QSqlDatabase& database, QString* error, int target) const {
    if (target < 0) {
        target = latestVersion();
    }
    const int current = currentVersion(database, error);
    if (current < 0) {
        return false;
    }
    if (current > latestVersion()) {
        *error = QStringLiteral("it was written by a newer FaaS Lab (schema version %1; this "
                                "version knows up to %2); it was left unchanged")
                     .arg(current)
                     .arg(latestVersion());
        return false;
    }
    for (int version = current + 1; version <= target; ++version) {
        const Migration& m = m_migrations[static_cast<std::size_t>(version - 1)];
        QString problem;
        if (!SqlQuery(database, "BEGIN IMMEDIATE").exec(&problem)) {
            *error = QStringLiteral("cannot upgrade the schema: %1").arg(problem);
            return false;
        }
        const bool applied =
            execScript(database, m.sql, &problem) &&
            execScript(database, QStringLiteral("PRAGMA user_version = %1;").arg(version),
                       &problem) &&
            SqlQuery(database, "COMMIT").exec(&problem);
        if (!applied) {
            QSqlQuery(database).exec("ROLLBACK");
            *error = QStringLiteral("cannot upgrade the schema to version %1 (%2): %3")
                         .arg(version)
                         .arg(m.name, problem);
            return false;
        }
    }
    return true;
}

} // namespace faaslab::workspace
