#include "app/workspace/sqlite_header.h"

namespace faaslab::workspace {

namespace {

qint32 bigEndian32(const QByteArray& bytes, int offset) {
    quint32 value = 0;
    for (int i = 0; i < 4; ++i) {
        value = (value << 8) | static_cast<quint8>(bytes.at(offset + i));
    }
    return static_cast<qint32>(value);
}

} // namespace

SqliteHeader SqliteHeader::parse(const QByteArray& bytes) {
    SqliteHeader header;
    if (bytes.isEmpty()) {
        return header;
    }
    static const QByteArray Magic("SQLite format 3\0", 16);
    if (!bytes.startsWith(Magic.left(qMin(bytes.size(), Magic.size())))) {
        header.kind = Kind::NotSqlite;
        return header;
    }
    if (bytes.size() < Bytes) {
        header.kind = Kind::Truncated;
        return header;
    }
    header.kind = Kind::Sqlite;
    header.wal = bytes.at(18) == 2 && bytes.at(19) == 2;
    header.userVersion = bigEndian32(bytes, 60);
    header.applicationId = bigEndian32(bytes, 68);
    // Page 1's b-tree header: the page type at offset 100 (13 = a leaf table
    // page) and the number of cells at 103-104.
    const int pageType = static_cast<quint8>(bytes.at(100));
    const int cells =
        (static_cast<quint8>(bytes.at(103)) << 8) | static_cast<quint8>(bytes.at(104));
    header.hasSchemaObjects = pageType != 13 || cells != 0;
    return header;
}

} // namespace faaslab::workspace
