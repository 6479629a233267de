#pragma once

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <optional>
#include <vector>

namespace faaslab::workspace {

// A prepared statement with positional parameters whose failures come back
// as one readable sentence (SQLite's own message, explained when it is one a
// user can act on: the file is read-only, another program holds it, it is
// damaged).
class SqlQuery {
public:
    SqlQuery(const QSqlDatabase& database, const QString& sql);

    SqlQuery& bind(const QVariant& value);
    // Runs the statement; on failure sets *error (when given) and returns false.
    bool exec(QString* error);
    // Runs a query that must find a row (left current): false with
    // *error = `missing` when it finds none.
    bool execOne(QString* error, const QString& missing);
    // Runs a change that must touch a row: false with *error = `missing`
    // when it touches none.
    bool execChanging(QString* error, const QString& missing);
    // Runs a query and turns every row into a T with `read`.
    template <typename T, typename Read>
    std::optional<std::vector<T>> collect(QString* error, Read read) {
        if (!exec(error)) {
            return std::nullopt;
        }
        std::vector<T> rows;
        while (next()) {
            rows.push_back(read(*this));
        }
        return rows;
    }
    bool next() { return m_query.next(); }
    QVariant value(int column) const { return m_query.value(column); }
    QSqlQuery& query() { return m_query; }

private:
    QSqlQuery m_query;
    QString m_sql;
    bool m_prepared = false;
};

// SQLite's message for a failed statement, with what it means for the user.
QString explainSqlError(const QString& driverText);

// Runs statements separated by ';' at line ends (a migration file); stops
// at the first failure.
bool execScript(const QSqlDatabase& database, const QString& script, QString* error);

// Times are stored as ISO 8601 UTC text with milliseconds, which sorts
// chronologically as text.
QString toStoredTime(const QDateTime& time);
QDateTime fromStoredTime(const QString& text);

} // namespace faaslab::workspace
