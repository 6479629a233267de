#pragma once

#include <QSqlDatabase>
#include <QString>
#include <functional>

namespace faaslab::workspace {

// One workspace database file: the scenario library, the run and sweep
// history and the pricing catalog (docs/workspace.md). Opening identifies
// the file as a FaaS Lab workspace by its header (application_id) before
// SQLite or anything else touches it; a file that is not one is never
// written. Opened for writing, the file is checked (PRAGMA quick_check and
// a write probe), its schema brought forward and the built-in pricing
// presets loaded; the connection is in WAL mode with foreign keys on and a
// busy timeout, so the GUI and the command line can use the same file at
// once. Opened read-only, nothing is created, migrated or written, and a
// read-only file or folder can be read.
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
        // Only read: the file must exist and be a workspace of this
        // version's schema (an older one is not upgraded); `create` and
        // `syncBuiltinPricing` are ignored.
        bool readOnly = false;
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
    bool isReadOnly() const { return m_readOnly; }
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
    // Opens the SQLite connection; the problem, or "".
    QString connect(const Options& options);
    // Checks the opened file and brings it up to date; the problem, or "".
    QString prepare(const Options& options);
    // Checks a file opened read-only; the problem, or "".
    QString checkReadOnly();
    // The check both openings start with: the file is ours (or, with
    // `allowEmpty`, an empty database that may become a workspace) and not
    // from a newer version. Sets `empty` and the schema `version`; the
    // problem, or "".
    QString checkHeader(bool allowEmpty, bool* empty, int* version);

    QString m_connection;
    QString m_path;
    bool m_readOnly = false;
    int m_depth = 0;
    bool m_rollbackOnly = false;
};

} // namespace faaslab::workspace
