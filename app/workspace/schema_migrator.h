#pragma once

#include <QSqlDatabase>
#include <QString>
#include <vector>

namespace faaslab::workspace {

// Brings a workspace database forward to a schema version, one numbered
// migration (resources/sql/NNN_name.sql) at a time. The version lives in
// PRAGMA user_version; migration N takes version N - 1 to N. Each migration
// runs in its own transaction together with the version bump, so a database
// is always at exactly one version, whatever interrupts the upgrade.
class SchemaMigrator {
public:
    struct Migration {
        int version = 0;
        QString name; // file name
        QString sql;
    };

    SchemaMigrator();

    // The newest version this build knows.
    int latestVersion() const;
    const std::vector<Migration>& migrations() const { return m_migrations; }

    static int currentVersion(const QSqlDatabase& database, QString* error);
    // Applies migrations until `target` (default: latest). Refuses a
    // database newer than this build knows.
    bool migrate(const QSqlDatabase& database, QString* error, int target = -1) const;

private:
    std::vector<Migration> m_migrations;
};

} // namespace faaslab::workspace
