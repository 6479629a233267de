#include "app/workspace/workspace.h"

#include "app/workspace/pricing_catalog_store.h"
#include "app/workspace/schema_migrator.h"
#include "app/workspace/sql_query.h"
#include "app/workspace/sqlite_header.h"
#include "models/io/regular_file.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QStandardPaths>
#include <QUrl>
#include <vector>

namespace faaslab::workspace {

namespace {

QAtomicInt g_connections;

bool nonEmptyFile(const QString& path) {
    const QFileInfo info(path);
    return info.exists() && info.size() > 0;
}

// Identifies an existing file from its bytes, before SQLite opens it: the
// problem, or "". `isNew` is set for a file that may become a new workspace
// (no bytes, or an SQLite database with nothing in it).
QString identifyExistingFile(const QString& path, bool& isNew) {
    isNew = false;
    if (const auto problem = regularFileProblem(QFile::encodeName(path).toStdString())) {
        return QString::fromStdString(*problem);
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return QStringLiteral("cannot be read: %1").arg(file.errorString());
    }
    const SqliteHeader header = SqliteHeader::parse(file.read(SqliteHeader::Bytes));
    switch (header.kind) {
    case SqliteHeader::Kind::Empty:
        isNew = true;
        return {};
    case SqliteHeader::Kind::NotSqlite:
        return QStringLiteral("is not a FaaS Lab workspace (not an SQLite database); it was "
                              "left unchanged");
    case SqliteHeader::Kind::Truncated:
        return QStringLiteral("cannot read it as a workspace: the workspace file is damaged (it "
                              "ends inside the SQLite header); it was left unchanged");
    case SqliteHeader::Kind::Sqlite:
        break;
    }
    const QString notOurs = QStringLiteral("is an SQLite database but not a FaaS Lab workspace "
                                           "(its application_id is %1, a workspace's is %2); it "
                                           "was left unchanged");
    if (header.applicationId == Workspace::ApplicationId) {
        return {};
    }
    if (header.applicationId != 0) {
        return notOurs.arg(header.applicationId).arg(Workspace::ApplicationId);
    }
    // No application_id in the main file. A workspace being created sets it
    // in its first transaction, which may still sit in the -wal file; then
    // the SQLite-level check decides. A rollback journal left behind would
    // be replayed by opening, a write: never to a file that is not ours.
    if (!header.wal && nonEmptyFile(path + "-journal")) {
        return notOurs.arg(0).arg(Workspace::ApplicationId);
    }
    if (header.wal && nonEmptyFile(path + "-wal")) {
        return {};
    }
    if (header.userVersion != 0 || header.hasSchemaObjects) {
        return notOurs.arg(0).arg(Workspace::ApplicationId);
    }
    isNew = true;
    return {};
}

// The rows of a check pragma (integrity_check, quick_check): false, with the
// error, when it cannot run.
bool checkRows(const QSqlDatabase& db, const QString& pragma, QStringList* rows, QString* error) {
    SqlQuery query(db, pragma);
    if (!query.exec(error)) {
        return false;
    }
    while (query.next()) {
        *rows << query.value(0).toString();
    }
    return true;
}

// The database name of a read-only connection: an SQLite URI, so that
// mode=ro (never create or write) and immutable=1 can be asked for.
QString readOnlyUri(const QString& path, bool immutable) {
    return QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded) +
           (immutable ? QStringLiteral("?mode=ro&immutable=1") : QStringLiteral("?mode=ro"));
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
    m_readOnly = options.readOnly;
    // A symbolic link that leads nowhere (or in a loop) is not a missing
    // file to create; identifying it says what is wrong.
    const bool existed = info.exists() || info.isSymLink();
    bool isNew = !existed;
    if (existed) {
        if (const QString problem = identifyExistingFile(m_path, isNew); !problem.isEmpty()) {
            return fail(problem, error);
        }
        if (m_readOnly && isNew) {
            return fail(QStringLiteral("holds no workspace yet (nothing was saved in it)"), error);
        }
        // Checked before any work is done, so that a run is not simulated
        // only to find that it cannot be saved.
        if (!m_readOnly && !info.isWritable()) {
            return fail(QStringLiteral("is read-only (no permission to write it); it can be "
                                       "listed and exported from, but nothing can be saved in it"),
                        error);
        }
    } else {
        if (m_readOnly || !options.create) {
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

    if (const QString problem = connect(options); !problem.isEmpty()) {
        return fail(problem, error);
    }
    const QString problem = m_readOnly ? checkReadOnly() : prepare(options);
    if (!problem.isEmpty()) {
        return fail(problem, error);
    }
    return true;
}

QString Workspace::connect(const Options& options) {
    // How a read-only open reads the file, first choice first:
    // * nobody has it open (no -wal, no -shm) and file and folder are
    //   writable: an ordinary connection with query_only on. Closing it
    //   removes the -wal and -shm files it created, and with nothing in the
    //   WAL, closing writes nothing to the file.
    // * otherwise a read-only connection (mode=ro). It uses the -wal and
    //   -shm files of the programs that have the file open; where it has to
    //   create them they stay behind, empty, until the next writer closes.
    // * in a read-only folder without a -shm file SQLite cannot read a WAL
    //   database that way; when no -wal file holds commits the file itself
    //   has them all and is read as immutable.
    enum class Mode { QueryOnly, ReadOnly, Immutable };
    std::vector<Mode> modes;
    if (!m_readOnly) {
        modes = {Mode::QueryOnly}; // an ordinary connection; query_only is not set below
    } else {
        const QFileInfo info(m_path);
        if (!QFile::exists(m_path + "-wal") && !QFile::exists(m_path + "-shm") &&
            info.isWritable() && QFileInfo(info.absolutePath()).isWritable()) {
            modes.push_back(Mode::QueryOnly);
        }
        modes.push_back(Mode::ReadOnly);
        if (!nonEmptyFile(m_path + "-wal")) {
            modes.push_back(Mode::Immutable);
        }
    }
    QString problem;
    for (const Mode mode : modes) {
        problem.clear();
        m_connection =
            QStringLiteral("faaslab-workspace-%1").arg(g_connections.fetchAndAddRelaxed(1));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", m_connection);
            const QString busy =
                QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs);
            if (mode == Mode::QueryOnly) {
                db.setDatabaseName(m_path);
                db.setConnectOptions(busy);
            } else {
                db.setDatabaseName(readOnlyUri(m_path, mode == Mode::Immutable));
                db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;") +
                                     busy);
            }
            if (!db.open()) {
                problem = QStringLiteral("cannot open: %1")
                              .arg(explainSqlError(db.lastError().driverText() + ": " +
                                                   db.lastError().databaseText()));
            } else if (m_readOnly) {
                // Before the first read, so that nothing can write; the
                // first read is where a missing -shm shows.
                SqlQuery guard(db, "PRAGMA query_only = ON");
                SqlQuery probe(db, "SELECT count(*) FROM sqlite_master");
                if (!guard.exec(&problem) || !probe.exec(&problem)) {
                    problem = QStringLiteral("cannot read it: %1").arg(problem);
                }
            }
        }
        if (problem.isEmpty()) {
            return {};
        }
        close();
    }
    return problem;
}

QString Workspace::checkHeader(bool allowEmpty, bool* empty, int* version) {
    QString problem;
    SqlQuery header(database(), "SELECT (SELECT count(*) FROM sqlite_master), "
                                "(SELECT application_id FROM pragma_application_id), "
                                "(SELECT user_version FROM pragma_user_version)");
    if (!header.exec(&problem) || !header.next()) {
        return QStringLiteral("cannot read it as a workspace: %1").arg(problem);
    }
    const int objects = header.value(0).toInt();
    const int applicationId = header.value(1).toInt();
    *version = header.value(2).toInt();
    // Ours, or (when creating) empty; anything else belongs to another
    // program, whatever its user_version says.
    *empty = applicationId == 0 && *version == 0 && objects == 0;
    if (applicationId != ApplicationId && !(allowEmpty && *empty)) {
        return QStringLiteral("is an SQLite database but not a FaaS Lab workspace; it was left "
                              "unchanged");
    }
    const int latest = SchemaMigrator().latestVersion();
    if (*version > latest) {
        return QStringLiteral("was written by a newer FaaS Lab (schema version %1; this version "
                              "knows up to %2); it was left unchanged")
            .arg(*version)
            .arg(latest);
    }
    return {};
}

QString Workspace::checkReadOnly() {
    bool empty = false;
    int version = 0;
    if (const QString problem = checkHeader(false, &empty, &version); !problem.isEmpty()) {
        return problem;
    }
    const int latest = SchemaMigrator().latestVersion();
    if (version < latest) {
        return QStringLiteral("has schema version %1, older than this version's %2, and a "
                              "read-only command does not upgrade it; any command that saves "
                              "to it (or opening it in the desktop application) upgrades it")
            .arg(version)
            .arg(latest);
    }
    return {};
}

QString Workspace::prepare(const Options& options) {
    const QSqlDatabase db = database();
    QString problem;

    // Read before writing anything: a file that is not ours, damaged or from
    // a newer version must come out of this untouched.
    bool empty = false;
    int version = 0;
    if (problem = checkHeader(true, &empty, &version); !problem.isEmpty()) {
        return problem;
    }

    // A damaged page would take a saved run with it; refuse to add to it.
    if (!empty) {
        QStringList findings;
        if (!checkRows(db, QStringLiteral("PRAGMA quick_check(5)"), &findings, &problem)) {
            return QStringLiteral("cannot read it as a workspace: %1").arg(problem);
        }
        if (findings != QStringList{"ok"}) {
            return QStringLiteral("the workspace file is damaged (PRAGMA quick_check: %1); nothing "
                                  "was written to it. Runs can still be listed and exported "
                                  "from it where their pages are intact; restore it from a "
                                  "backup or save to another workspace")
                .arg(findings.join("; "));
        }
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
    // An empty database becomes ours; anything else got here with our id.
    if (empty && !SqlQuery(db, QStringLiteral("PRAGMA application_id = %1").arg(ApplicationId))
                      .exec(&problem)) {
        return QStringLiteral("cannot write: %1").arg(problem);
    }
    if (!SchemaMigrator().migrate(db, &problem)) {
        return problem;
    }
    if (options.syncBuiltinPricing && !PricingCatalogStore(*this).syncBuiltins(&problem)) {
        return problem;
    }
    // Opening an up-to-date workspace writes nothing, so a file SQLite could
    // only open for reading (read-only file system, file turned read-only)
    // would otherwise show only at the first save: take the write lock once.
    if (!SqlQuery(db, "BEGIN IMMEDIATE").exec(&problem)) {
        return QStringLiteral("cannot be written: %1").arg(problem);
    }
    SqlQuery(db, "ROLLBACK").exec(nullptr);
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
    if (m_readOnly) {
        if (error != nullptr) {
            *error = QStringLiteral("%1: opened read-only; nothing can be saved")
                         .arg(QDir::toNativeSeparators(m_path));
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
    QString error;
    QStringList lines;
    if (!checkRows(database(), QStringLiteral("PRAGMA integrity_check"), &lines, &error)) {
        return error;
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
