#include "app/gui/application/application_part_model.h"

#include "app/gui/document/json_field.h"
#include "models/report/comparison_table.h"

#include <QApplication>
#include <QBrush>
#include <QStyle>

namespace faaslab::gui {

using Json = ScenarioDocument::Json;

namespace {

const char* listKey(ApplicationPartModel::Part part) {
    switch (part) {
    case ApplicationPartModel::Part::Functions:
        return "functions";
    case ApplicationPartModel::Part::Triggers:
        return "triggers";
    case ApplicationPartModel::Part::Edges:
        return "edges";
    }
    return "";
}

QString text(const std::string& s) {
    return QString::fromStdString(s);
}

QString member(const Json& item, const char* key) {
    if (!item.is_object() || !item.contains(key)) {
        return {};
    }
    return JsonField::textFromValue(item[key]);
}

// "every 1 day" from a number of seconds as written; the text itself when
// it is not a number (the reader reports it).
QString span(const Json& item, const char* key) {
    if (item.contains(key) && item[key].is_number()) {
        return text(formatSpan(item[key].get<double>()));
    }
    return member(item, key);
}

// How a distribution reads in one cell: "10.0 min", "exponential, mean
// 200.0 ms", as the reader understood it.
QString describe(const DistributionSpec& d) {
    using Kind = DistributionSpec::Kind;
    auto s = [](double v) {
        return text(formatSeconds(v));
    };
    switch (d.kind) {
    case Kind::Deterministic:
        return s(d.value);
    case Kind::Exponential:
        return QObject::tr("exponential, mean %1").arg(s(d.mean));
    case Kind::Uniform:
        return QObject::tr("uniform %1 to %2").arg(s(d.min), s(d.max));
    case Kind::LogNormal:
        return QObject::tr("lognormal, mean %1, cv %2").arg(s(d.mean)).arg(d.cv);
    case Kind::Gamma:
        return QObject::tr("gamma, mean %1, cv %2").arg(s(d.mean)).arg(d.cv);
    case Kind::Empirical:
        return QObject::tr("%1 samples, mean %2")
            .arg(static_cast<qsizetype>(d.samples.size()))
            .arg(s(d.meanValue()));
    }
    return {};
}

QString triggerDetails(const Json& t) {
    const QString type = member(t, "type");
    if (type == "timer") {
        QString out = QObject::tr("every %1").arg(span(t, "period_s"));
        if (t.contains("offset_s")) {
            out += QObject::tr(", from %1").arg(span(t, "offset_s"));
        }
        return out;
    }
    if (type == "storage") {
        return QObject::tr("bursts at %1 /s").arg(member(t, "burst_rate_per_s"));
    }
    if (t.contains("arrivals") && t["arrivals"].is_object()) {
        const Json& a = t["arrivals"];
        QString out = member(a, "process");
        if (a.contains("rate_per_s")) {
            out += QObject::tr(", %1 /s").arg(member(a, "rate_per_s"));
        }
        return out;
    }
    return {};
}

QString edgeDetails(const Json& e) {
    const QString type = member(e, "type");
    if (type == "queue") {
        return {};
    }
    QString out = member(e, "invocation");
    if (out.isEmpty()) {
        out = type == "fan_out" ? QStringLiteral("async") : QStringLiteral("sync");
    }
    if (type == "fan_out") {
        const QString copies = e.contains("copies") && e["copies"].is_object()
                                   ? QObject::tr("random")
                                   : member(e, "copies");
        out = QObject::tr("×%1, %2").arg(copies, out);
        if (e.contains("fan_in")) {
            out += QObject::tr(", fan-in %1").arg(member(e, "fan_in"));
        }
    }
    return out;
}

} // namespace

ApplicationPartModel::ApplicationPartModel(ScenarioDocument* document, Part part, QObject* parent)
    : QAbstractTableModel(parent)
    , m_document(document)
    , m_part(part)
    , m_rows(countRows()) {
}

std::string ApplicationPartModel::rowPointer(int row) const {
    return std::string("/application/") + listKey(m_part) + "/" + std::to_string(row);
}

std::string ApplicationPartModel::rowPath(int row) const {
    return std::string("application.") + listKey(m_part) + "[" + std::to_string(row) + "]";
}

const Json& ApplicationPartModel::item(int row) const {
    // A reference into the document: views ask for every cell often.
    static const Json none;
    const Json& document = m_document->json();
    const Json::json_pointer where(rowPointer(row));
    return document.contains(where) ? document.at(where) : none;
}

int ApplicationPartModel::countRows() const {
    const Json& document = m_document->json();
    const Json::json_pointer where(std::string("/application/") + listKey(m_part));
    return document.contains(where) && document.at(where).is_array()
               ? static_cast<int>(document.at(where).size())
               : 0;
}

void ApplicationPartModel::refresh() {
    const int rows = countRows();
    if (rows != m_rows) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    } else if (rows > 0) {
        emit dataChanged(index(0, 0), index(rows - 1, columnCount() - 1));
    }
}

int ApplicationPartModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_rows;
}

int ApplicationPartModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_part == Part::Functions ? FunctionColumns : OtherColumns;
}

std::string ApplicationPartModel::columnKey(int column) const {
    switch (m_part) {
    case Part::Functions: {
        static const char* const keys[] = {"name",         "memory_mb",     "timeout_s",
                                           "keep_alive_s", "max_instances", "service_time_s"};
        return keys[column];
    }
    case Part::Triggers: {
        static const char* const keys[] = {"name", "type", "function", ""};
        return keys[column];
    }
    case Part::Edges: {
        static const char* const keys[] = {"type", "from", "to", ""};
        return keys[column];
    }
    }
    return {};
}

QString ApplicationPartModel::cellText(int row, int column) const {
    const Json& it = item(row);
    switch (m_part) {
    case Part::Functions:
        if (column == ServiceTime) {
            // As the reader understood it when the document is valid.
            const auto& scenario = m_document->scenario();
            if (scenario && scenario->application &&
                row < static_cast<int>(scenario->application->functions.size())) {
                return describe(
                    scenario->application->functions[static_cast<std::size_t>(row)].serviceTimeS);
            }
            // Otherwise as written: "deterministic, value 2400".
            if (!it.is_object() || !it.contains("service_time_s")) {
                return {};
            }
            const Json& d = it["service_time_s"];
            if (!d.is_object()) {
                return JsonField::textFromValue(d);
            }
            QStringList parts{member(d, "dist")};
            for (const auto& [key, value] : d.items()) {
                if (key != "dist") {
                    parts << QStringLiteral("%1 %2").arg(QString::fromStdString(key),
                                                         JsonField::textFromValue(value));
                }
            }
            return parts.join(QStringLiteral(", "));
        }
        return member(it, columnKey(column).c_str());
    case Part::Triggers:
        if (column == 2 && member(it, "type") == "queue") {
            return tr("queue %1").arg(member(it, "queue"));
        }
        return column == 3 ? triggerDetails(it) : member(it, columnKey(column).c_str());
    case Part::Edges:
        if (column == 2 && member(it, "type") == "queue") {
            return tr("queue %1").arg(member(it, "queue"));
        }
        return column == 3 ? edgeDetails(it) : member(it, columnKey(column).c_str());
    }
    return {};
}

QString ApplicationPartModel::cellProblem(int row, int column) const {
    if (column == 0) {
        // The first cell speaks for the whole item.
        return m_document->problemUnder(rowPath(row));
    }
    std::string key = columnKey(column);
    if ((m_part != Part::Functions && column == 2 && member(item(row), "type") == "queue")) {
        key = "queue";
    }
    if (key.empty()) {
        return {};
    }
    return m_document->problemUnder(rowPath(row) + "." + key);
}

QVariant ApplicationPartModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const int row = index.row();
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: {
        const QString shown = cellText(row, column);
        if (shown.isEmpty() && isOverride(column)) {
            return tr("architecture's");
        }
        return shown;
    }
    case Qt::EditRole:
        return cellText(row, column);
    case Qt::ToolTipRole: {
        const QString problem = cellProblem(row, column);
        if (!problem.isEmpty()) {
            return problem;
        }
        if (isOverride(column)) {
            const QString setting = column == TimeoutS     ? tr("timeout")
                                    : column == KeepAliveS ? tr("keep-alive")
                                                           : tr("max instances");
            return tr("Overrides each serverless architecture's %1 for this function; empty "
                      "uses it.")
                .arg(setting);
        }
        // Summaries can be wider than their column.
        return m_part == Part::Functions && column != ServiceTime ? QVariant()
                                                                  : QVariant(cellText(row, column));
    }
    case Qt::ForegroundRole:
        if (!cellProblem(row, column).isEmpty()) {
            return QBrush(QColor(0xC0, 0x20, 0x20));
        }
        if (isOverride(column) && cellText(row, column).isEmpty()) {
            return QApplication::palette().brush(QPalette::PlaceholderText);
        }
        return {};
    case Qt::DecorationRole:
        if (column == 0 && !cellProblem(row, 0).isEmpty()) {
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        }
        return {};
    case Qt::TextAlignmentRole:
        if (m_part == Part::Functions && (column == MemoryMb || isOverride(column))) {
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    default:
        return {};
    }
}

bool ApplicationPartModel::isOverride(int column) const {
    return m_part == Part::Functions &&
           (column == TimeoutS || column == KeepAliveS || column == MaxInstances);
}

QVariant ApplicationPartModel::headerData(int section, Qt::Orientation orientation,
                                          int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (m_part) {
    case Part::Functions: {
        const QString headers[] = {tr("Function"),       tr("Memory (MB)"),   tr("Timeout (s)"),
                                   tr("Keep-alive (s)"), tr("Max instances"), tr("Service time")};
        return headers[section];
    }
    case Part::Triggers: {
        const QString headers[] = {tr("Trigger"), tr("Type"), tr("Invokes"), tr("When")};
        return headers[section];
    }
    case Part::Edges: {
        const QString headers[] = {tr("Edge"), tr("From"), tr("To"), tr("Invocation")};
        return headers[section];
    }
    }
    return {};
}

Qt::ItemFlags ApplicationPartModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (m_part == Part::Functions && index.column() != ServiceTime) {
        f |= Qt::ItemIsEditable;
    }
    return f;
}

bool ApplicationPartModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable)) {
        return false;
    }
    const QString typed = value.toString().trimmed();
    if (typed == cellText(index.row(), index.column())) {
        return false;
    }
    if (index.column() == Name) {
        renameFunction(index.row(), typed);
        return true;
    }
    const Json::json_pointer where(rowPointer(index.row()) + "/" + columnKey(index.column()));
    const QString what = index.column() == MemoryMb     ? tr("Edit memory")
                         : index.column() == TimeoutS   ? tr("Edit timeout")
                         : index.column() == KeepAliveS ? tr("Edit keep-alive")
                                                        : tr("Edit max instances");
    // As typed: the reader judges the value, and its message marks the cell.
    if (const auto json = JsonField::valueFromText(typed, true)) {
        m_document->setValue(where, *json, what);
    } else {
        m_document->removeValue(where, what);
    }
    // A table edit is complete when committed; the next one is a new step.
    m_document->endTyping();
    return true;
}

void ApplicationPartModel::renameFunction(int row, const QString& name) {
    // The triggers, queues and edges that name the function follow it, in
    // the same undo step, so a rename does not break the references.
    Json document = m_document->json();
    Json& functions = document["application"]["functions"];
    const Json old = functions[static_cast<std::size_t>(row)].value("name", Json());
    functions[static_cast<std::size_t>(row)]["name"] = name.toStdString();
    auto follow = [&](const char* list, std::initializer_list<const char*> keys) {
        Json& items = document["application"][list];
        if (!items.is_array() || !old.is_string()) {
            return;
        }
        for (Json& item : items) {
            for (const char* key : keys) {
                if (item.is_object() && item.contains(key) && item[key] == old) {
                    item[key] = name.toStdString();
                }
            }
        }
    };
    if (document["application"].contains("triggers")) {
        follow("triggers", {"function"});
    }
    if (document["application"].contains("queues")) {
        follow("queues", {"consumer"});
    }
    if (document["application"].contains("edges")) {
        follow("edges", {"from", "to", "fan_in"});
    }
    m_document->replaceDocument(document, tr("Rename function"));
}

} // namespace faaslab::gui
