#pragma once

#include <QSqlDatabase>
#include <QString>
#include <functional>

namespace faaslab::workspace {

// One workspace database file: the scenario library, the run and sweep
// history and the pricing catalog (docs/workspace.md). Opening checks that
// the file is a FaaS Lab workspace before anything is written to it, brings
// its schema forward, and loads the built-in pricing presets. The
// connection is in WAL mode with foreign keys on and a busy timeout, so the
// GUI and the command line can use the same file at once.
//
// A Workspace belongs to the thread that opened it (a Qt SQL rule).
class Workspace {
public:
    struct Options {
        // Create the file (and, for the default location, its folder) when
        // it does not exist.
        bool create = true;
        // How long a write waits for another program's write to finish.
        int busyTimeoutMs = 10000;
        // Load the built-in pricing presets into the catalog.
        bool syncBuiltinPricing = true;
    };

    Workspace();
    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    // On failure the message names the file and why, and the file is left
    // as it was.
    bool open(const QString& path, QString* error);
    bool open(const QString& path, const Options& options, QString* error);
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }
    QSqlDatabase database() const;

    // Runs `body` in one write transaction (BEGIN IMMEDIATE, so it waits for
    // other writers up to the busy timeout): committed when it returns true,
    // rolled back otherwise. Nested calls join the outermost transaction.
    // On failure *error says what failed, prefixed by the file name.
    bool write(const std::function<bool(QString* error)>& body, QString* error);

    // PRAGMA integrity_check; "ok" when the file is sound.
    QString integrityCheck() const;
    int schemaVersion() const;

    // Where the file lives when no --workspace is given: the per-user data
    // folder shared by faaslab and faaslab-cli (docs/workspace.md).
    static QString defaultPath();
    // The "application_id" SQLite header field of a workspace ("FaLb").
    static constexpr int ApplicationId = 0x46614C62;

private:
    bool fail(const QString& message, QString* error);
    // Checks the opened file and brings it up to date; the problem, or "".
    QString prepare(const Options& options);

    QString m_connection;
    QString m_path;
    int m_depth = 0;
    bool m_rollbackOnly = false;
};

} // namespace faaslab::workspace
