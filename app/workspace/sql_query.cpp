#include "app/workspace/sql_query.h"

#include <QSqlError>
#include <QStringList>

namespace faaslab::workspace {

SqlQuery::SqlQuery(const QSqlDatabase& database, const QString& sql)
    : m_query(database)
    , m_sql(sql) {
    m_prepared = m_query.prepare(sql);
}

SqlQuery& SqlQuery::bind(const QVariant& value) {
    // A null QString would be stored as NULL; text columns mean "".
    if (value.typeId() == QMetaType::QString && value.toString().isNull()) {
        m_query.addBindValue(QString(""));
        return *this;
    }
    m_query.addBindValue(value);
    return *this;
}

bool SqlQuery::exec(QString* error) {
    if (m_prepared && m_query.exec()) {
        return true;
    }
    if (error != nullptr) {
        *error = explainSqlError(m_query.lastError().driverText().isEmpty()
                                     ? m_query.lastError().text()
                                     : m_query.lastError().driverText() + ": " +
                                           m_query.lastError().databaseText());
    }
    return false;
}

bool SqlQuery::execOne(QString* error, const QString& missing) {
    if (!exec(error)) {
        return false;
    }
    if (!next()) {
        if (error != nullptr) {
            *error = missing;
        }
        return false;
    }
    return true;
}

bool SqlQuery::execChanging(QString* error, const QString& missing) {
    if (!exec(error)) {
        return false;
    }
    if (m_query.numRowsAffected() == 0) {
        if (error != nullptr) {
            *error = missing;
        }
        return false;
    }
    return true;
}

QString explainSqlError(const QString& text) {
    const QString lower = text.toLower();
    if (lower.contains("readonly") || lower.contains("read-only")) {
        return QStringLiteral("the workspace is read-only (%1)").arg(text);
    }
    if (lower.contains("locked") || lower.contains("busy")) {
        return QStringLiteral("another program kept the workspace locked for longer than the "
                              "busy timeout; try again (%1)")
            .arg(text);
    }
    if (lower.contains("malformed") || lower.contains("not a database") ||
        lower.contains("corrupt")) {
        return QStringLiteral("the workspace file is damaged (%1)").arg(text);
    }
    if (lower.contains("disk i/o") || lower.contains("full")) {
        return QStringLiteral("the disk refused the write (%1)").arg(text);
    }
    return text;
}

bool execScript(const QSqlDatabase& database, const QString& script, QString* error) {
    // Migration files put each statement's terminating ';' at the end of a
    // line, and never inside a string literal.
    QString statement;
    for (const QString& line : script.split('\n')) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith("--") && statement.trimmed().isEmpty()) {
            continue;
        }
        statement += line + '\n';
        if (trimmed.endsWith(';')) {
            QSqlQuery query(database);
            if (!query.exec(statement)) {
                if (error != nullptr) {
                    *error =
                        explainSqlError(query.lastError().text()) + "\nin: " + statement.trimmed();
                }
                return false;
            }
            statement.clear();
        }
    }
    if (!statement.trimmed().isEmpty()) {
        if (error != nullptr) {
            *error =
                QStringLiteral("statement without a terminating ';': %1").arg(statement.trimmed());
        }
        return false;
    }
    return true;
}

QString toStoredTime(const QDateTime& time) {
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromStoredTime(const QString& text) {
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

} // namespace faaslab::workspace
