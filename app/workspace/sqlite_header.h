#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace faaslab::workspace {

// The fields of an SQLite 3 database header (the first 100 bytes of the
// file, https://www.sqlite.org/fileformat.html#the_database_header) and the
// b-tree header of page 1 that follows, read from the file's bytes. Reading
// them needs no SQLite connection, so no lock is taken, no hot journal is
// rolled back and no -wal or -shm file is created: a file can be identified
// before anything touches it.
//
// In WAL mode a committed change of page 1 may still sit in the -wal file;
// the caller decides whether the bytes of the main file can be trusted.
struct SqliteHeader {
    enum class Kind {
        Empty,     // no bytes at all
        NotSqlite, // does not start with "SQLite format 3\0"
        Truncated, // starts like SQLite but is shorter than its headers
        Sqlite,
    };
    Kind kind = Kind::Empty;
    qint32 userVersion = 0;   // PRAGMA user_version (offset 60)
    qint32 applicationId = 0; // PRAGMA application_id (offset 68)
    bool wal = false;         // file format versions 2: WAL mode (offsets 18, 19)
    // Page 1 holds the schema table; it is a leaf page with no cells exactly
    // when the database has no table, index, view or trigger.
    bool hasSchemaObjects = false;

    // The bytes needed: the 100-byte header and page 1's b-tree header.
    static constexpr int Bytes = 108;
    static SqliteHeader parse(const QByteArray& bytes);
};

} // namespace faaslab::workspace
