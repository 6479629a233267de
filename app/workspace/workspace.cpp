#include "app/workspace/workspace.h"

#include "app/workspace/pricing_catalog_store.h"
#include "app/workspace/schema_migrator.h"
#include "app/workspace/sql_query.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QStandardPaths>

namespace faaslab::workspace {

namespace {

QAtomicInt g_connections;

// The first 16 bytes of every SQLite 3 database file.
constexpr char SqliteHeader[] = "SQLite format 3";

QString checkExistingFile(const QFileInfo& info) {
    if (info.isDir()) {
        return QStringLiteral("is a folder, not a workspace file");
    }
    QFile file(info.absoluteFilePath());
    if (!file.open(QIODevice::ReadOnly)) {
        return QStringLiteral("cannot be read: %1").arg(file.errorString());
    }
    const QByteArray header = file.read(16);
    if (header.isEmpty()) {
        return {}; // an empty file becomes a new workspace
    }
    if (header.size() < 16 || !header.startsWith(SqliteHeader) || header.at(15) != '\0') {
        return QStringLiteral("is not a FaaS Lab workspace (not an SQLite database); it was "
                              "left unchanged");
    }
    return {};
}

} // namespace

Workspace::Workspace() = default;

Workspace::~Workspace() {
    close();
}

bool Workspace::open(const QString& path, QString* error) {
    return open(path, Options{}, error);
}

bool Workspace::fail(const QString& message, QString* error) {
    const QString file = m_path;
    close();
    if (error != nullptr) {
        *error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(file), message);
    }
    return false;
}

bool Workspace::open(const QString& path, const Options& options, QString* error) {
    close();
    const QFileInfo info(path);
    m_path = info.absoluteFilePath();
    const bool existed = info.exists();
    if (existed) {
        if (const QString problem = checkExistingFile(info); !problem.isEmpty()) {
            return fail(problem, error);
        }
    } else {
        if (!options.create) {
            return fail(QStringLiteral("no such workspace file"), error);
        }
        const QDir folder = info.absoluteDir();
        if (!folder.exists() && path == defaultPath() && !QDir().mkpath(folder.path())) {
            return fail(QStringLiteral("cannot create the folder %1")
                            .arg(QDir::toNativeSeparators(folder.path())),
                        error);
        }
        if (!folder.exists()) {
            return fail(QStringLiteral("cannot create the workspace: the folder %1 does not exist")
                            .arg(QDir::toNativeSeparators(folder.path())),
                        error);
        }
        // Create the file ourselves first: the system's reason (read-only
        // folder or file system, no permission) is clearer than SQLite's
        // "unable to open database file". An empty file is a new workspace.
        QFile probe(m_path);
        if (!probe.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            return fail(QStringLiteral("cannot create the workspace file (is the location "
                                       "read-only?): %1")
                            .arg(probe.errorString()),
                        error);
        }
    }

    m_connection = QStringLiteral("faaslab-workspace-%1").arg(g_connections.fetchAndAddRelaxed(1));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", m_connection);
        db.setDatabaseName(m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs));
        if (!db.open()) {
            return fail(QStringLiteral("cannot open: %1")
                            .arg(explainSqlError(db.lastError().driverText() + ": " +
                                                 db.lastError().databaseText())),
                        error);
        }
    }
    const QString problem = prepare(options);
    if (!problem.isEmpty()) {
        return fail(problem, error);
    }
    return true;
}

QString Workspace::prepare(const Options& options) {
    const QSqlDatabase db = database();
    QString problem;

    // Read before writing anything: a file that is not ours, damaged or from
    // a newer version must come out of this untouched.
    int objects = 0;
    int applicationId = 0;
    int version = 0;
    {
        SqlQuery header(db, "SELECT (SELECT count(*) FROM sqlite_master), "
                            "(SELECT application_id FROM pragma_application_id), "
                            "(SELECT user_version FROM pragma_user_version)");
        if (!header.exec(&problem) || !header.next()) {
            return QStringLiteral("cannot read it as a workspace: %1").arg(problem);
        }
        objects = header.value(0).toInt();
        applicationId = header.value(1).toInt();
        version = header.value(2).toInt();
    }
    if ((applicationId != 0 && applicationId != ApplicationId) || (version == 0 && objects > 0)) {
        return QStringLiteral("is an SQLite database but not a FaaS Lab workspace; it was left "
                              "unchanged");
    }
    const SchemaMigrator migrator;
    if (version > migrator.latestVersion()) {
        return QStringLiteral("was written by a newer FaaS Lab (schema version %1; this version "
                              "knows up to %2); it was left unchanged")
            .arg(version)
            .arg(migrator.latestVersion());
    }

    // WAL: readers never block the writer and a killed writer leaves the
    // last committed transaction intact. synchronous=FULL makes a commit
    // durable before it returns, power loss included.
    {
        SqlQuery journal(db, "PRAGMA journal_mode = WAL");
        if (!journal.exec(&problem) || !journal.next()) {
            return QStringLiteral("cannot open for writing: %1").arg(problem);
        }
        const QString mode = journal.value(0).toString().toLower();
        if (mode != "wal") {
            return QStringLiteral("cannot switch to write-ahead logging (journal mode stays "
                                  "'%1'); is the location read-only?")
                .arg(mode);
        }
    }
    if (!SqlQuery(db, "PRAGMA foreign_keys = ON").exec(&problem) ||
        !SqlQuery(db, "PRAGMA synchronous = FULL").exec(&problem)) {
        return problem;
    }
    if (applicationId == 0 &&
        !SqlQuery(db, QStringLiteral("PRAGMA application_id = %1").arg(ApplicationId))
             .exec(&problem)) {
        return QStringLiteral("cannot write: %1").arg(problem);
    }
    if (!migrator.migrate(db, &problem)) {
        return problem;
    }
    if (options.syncBuiltinPricing && !PricingCatalogStore(*this).syncBuiltins(&problem)) {
        return problem;
    }
    return {};
}

void Workspace::close() {
    if (m_connection.isEmpty()) {
        return;
    }
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen()) {
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connection);
    m_connection.clear();
    m_depth = 0;
    m_rollbackOnly = false;
}

bool Workspace::isOpen() const {
    return !m_connection.isEmpty();
}

QSqlDatabase Workspace::database() const {
    return QSqlDatabase::database(m_connection, false);
}

bool Workspace::write(const std::function<bool(QString* error)>& body, QString* error) {
    QString problem;
    if (!isOpen()) {
        if (error != nullptr) {
            *error = QStringLiteral("no workspace is open");
        }
        return false;
    }
    const QSqlDatabase db = database();
    if (m_depth == 0) {
        if (!SqlQuery(db, "BEGIN IMMEDIATE").exec(&problem)) {
            if (error != nullptr) {
                *error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(m_path), problem);
            }
            return false;
        }
        m_rollbackOnly = false;
    }
    ++m_depth;
    const bool ok = body(&problem);
    --m_depth;
    if (!ok) {
        m_rollbackOnly = true;
    }
    if (m_depth > 0) {
        if (!ok && error != nullptr) {
            *error = problem;
        }
        return ok;
    }
    if (ok && !m_rollbackOnly && SqlQuery(db, "COMMIT").exec(&problem)) {
        return true;
    }
    SqlQuery(db, "ROLLBACK").exec(nullptr);
    if (error != nullptr) {
        *error = QStringLiteral("%1: %2").arg(
            QDir::toNativeSeparators(m_path),
            problem.isEmpty() ? QStringLiteral("the change was rolled back") : problem);
    }
    return false;
}

QString Workspace::integrityCheck() const {
    SqlQuery query(database(), "PRAGMA integrity_check");
    QString error;
    if (!query.exec(&error)) {
        return error;
    }
    QStringList lines;
    while (query.next()) {
        lines << query.value(0).toString();
    }
    return lines.join('\n');
}

int Workspace::schemaVersion() const {
    QString error;
    return SchemaMigrator::currentVersion(database(), &error);
}

QString Workspace::defaultPath() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/FaaS Lab/workspace.sqlite");
}

} // namespace faaslab::workspace
