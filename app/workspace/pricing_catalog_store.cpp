#include "app/workspace/pricing_catalog_store.h"

#include "app/workspace/sql_query.h"
#include "app/workspace/workspace.h"
#include "models/scenario/pricing_reader.h"

#include <QRegularExpression>
#include <QStringList>
#include <algorithm>
#include <map>

namespace faaslab::workspace {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* CatalogFormat = "faaslab.pricing-catalog/1";

QString documentText(const Json& document) {
    return QString::fromStdString(document.dump(2));
}

PricingPreset presetOf(const Json& document) {
    PricingPreset preset;
    if (document.is_object()) {
        preset.id = document.value("id", "");
        preset.kind = document.value("kind", "");
    }
    preset.fileName = preset.id;
    preset.document = document;
    return preset;
}

const char* const PresetColumns =
    "SELECT id, kind, provider, product, region, billing_kind, source_url, as_of, origin, edited, "
    "copied_from, updated_at, document, builtin_document FROM pricing_presets ";

StoredPreset presetFrom(const SqlQuery& q) {
    StoredPreset p;
    p.id = q.value(0).toString();
    p.kind = q.value(1).toString();
    p.provider = q.value(2).toString();
    p.product = q.value(3).toString();
    p.region = q.value(4).toString();
    p.billingKind = q.value(5).toString();
    p.sourceUrl = q.value(6).toString();
    p.asOf = q.value(7).toString();
    p.builtin = q.value(8).toString() == "builtin";
    p.edited = q.value(9).toInt() != 0;
    p.copiedFrom = q.value(10).toString();
    p.updatedAt = fromStoredTime(q.value(11).toString());
    p.document = Json::parse(q.value(12).toString().toStdString(), nullptr, false);
    if (!q.value(13).isNull()) {
        p.shippedDocument = Json::parse(q.value(13).toString().toStdString(), nullptr, false);
    }
    return p;
}

} // namespace

QString PricingCatalogStore::validate(const Json& document) {
    if (!document.is_object()) {
        return QStringLiteral("a preset must be a JSON object");
    }
    const PricingPreset preset = presetOf(document);
    static const QRegularExpression idRule("^[a-z0-9][a-z0-9._-]{0,99}$");
    Diagnostics diagnostics;
    describePreset(preset, diagnostics);
    if (!idRule.match(QString::fromStdString(preset.id)).hasMatch()) {
        diagnostics.error("id", "must be 1 to 100 lower-case letters, digits, '.', '_' or '-', "
                                "starting with a letter or digit, got \"" +
                                    preset.id + "\"");
    }
    QStringList lines;
    for (const Diagnostic& d : diagnostics.items()) {
        lines << QString::fromStdString((d.path.empty() ? "" : d.path + ": ") + d.message);
    }
    return lines.join('\n');
}

bool PricingCatalogStore::syncBuiltins(QString* error) {
    // Read first and write only what changed, so opening an up-to-date
    // workspace writes nothing.
    SqlQuery existing(m_workspace.database(),
                      "SELECT id, origin, edited, builtin_document FROM pricing_presets");
    if (!existing.exec(error)) {
        return false;
    }
    struct Row {
        QString origin;
        bool edited = false;
        QString shipped;
    };
    std::map<QString, Row> rows;
    while (existing.next()) {
        rows[existing.value(0).toString()] =
            Row{existing.value(1).toString(), existing.value(2).toInt() != 0,
                existing.value(3).toString()};
    }
    std::vector<const PricingPreset*> changed;
    for (const PricingPreset& preset : PricingCatalog::builtin().presets()) {
        const auto row = rows.find(QString::fromStdString(preset.id));
        if (row == rows.end() || (row->second.origin == "builtin" &&
                                  row->second.shipped != documentText(preset.document))) {
            changed.push_back(&preset);
        }
    }
    if (changed.empty()) {
        return true;
    }
    return m_workspace.write(
        [&](QString* problem) {
            const QString now = toStoredTime(QDateTime::currentDateTimeUtc());
            for (const PricingPreset* preset : changed) {
                const QString id = QString::fromStdString(preset->id);
                const QString text = documentText(preset->document);
                // New: insert. Unedited: take the new version. Edited: keep
                // the user's document, remember the new shipped one.
                SqlQuery q(m_workspace.database(),
                           "INSERT INTO pricing_presets (id, document, origin, edited, "
                           "builtin_document, updated_at) VALUES (?, ?, 'builtin', 0, ?, ?) "
                           "ON CONFLICT (id) DO UPDATE SET "
                           "document = CASE WHEN edited = 0 THEN excluded.document ELSE document "
                           "END, "
                           "updated_at = CASE WHEN edited = 0 THEN excluded.updated_at ELSE "
                           "updated_at END, "
                           "builtin_document = excluded.builtin_document "
                           "WHERE origin = 'builtin'");
                q.bind(id).bind(text).bind(text).bind(now);
                if (!q.exec(problem)) {
                    *problem =
                        QStringLiteral("cannot load the built-in preset %1: %2").arg(id, *problem);
                    return false;
                }
            }
            return true;
        },
        error);
}

std::optional<std::vector<StoredPreset>> PricingCatalogStore::list(QString* error) const {
    SqlQuery q(m_workspace.database(), QString(PresetColumns) + "ORDER BY kind, id");
    return q.collect<StoredPreset>(error, presetFrom);
}

std::optional<StoredPreset> PricingCatalogStore::find(const QString& id, QString* error) const {
    SqlQuery q(m_workspace.database(), QString(PresetColumns) + "WHERE id = ?");
    q.bind(id);
    if (!q.execOne(error, QStringLiteral("no preset named '%1'").arg(id))) {
        return std::nullopt;
    }
    return presetFrom(q);
}

bool PricingCatalogStore::store(const Json& document, const QString& copiedFrom, QString* error) {
    if (const QString problems = validate(document); !problems.isEmpty()) {
        *error = QStringLiteral("preset '%1' is not valid:\n%2")
                     .arg(QString::fromStdString(presetOf(document).id), problems);
        return false;
    }
    const QString id = QString::fromStdString(document.value("id", ""));
    const QString text = documentText(document);
    const QString now = toStoredTime(QDateTime::currentDateTimeUtc());
    // A built-in counts as edited while it differs from the shipped text.
    SqlQuery q(m_workspace.database(),
               "INSERT INTO pricing_presets (id, document, origin, edited, copied_from, "
               "updated_at) VALUES (?, ?, 'user', 0, ?, ?) "
               "ON CONFLICT (id) DO UPDATE SET document = excluded.document, "
               "updated_at = excluded.updated_at, "
               "edited = CASE WHEN origin = 'builtin' AND excluded.document <> "
               "coalesce(builtin_document, '') THEN 1 ELSE 0 END");
    q.bind(id).bind(text).bind(copiedFrom).bind(now);
    return q.exec(error);
}

bool PricingCatalogStore::save(const Json& document, QString* error) {
    return m_workspace.write([&](QString* problem) { return store(document, {}, problem); }, error);
}

bool PricingCatalogStore::copy(const QString& id, const QString& newId, QString* error) {
    return m_workspace.write(
        [&](QString* problem) {
            const auto source = find(id, problem);
            if (!source) {
                return false;
            }
            if (find(newId, nullptr)) {
                *problem = QStringLiteral("a preset named '%1' exists already").arg(newId);
                return false;
            }
            Json document = source->document;
            document["id"] = newId.toStdString();
            return store(document, id, problem);
        },
        error);
}

bool PricingCatalogStore::remove(const QString& id, QString* error) {
    return m_workspace.write(
        [&](QString* problem) {
            const auto preset = find(id, problem);
            if (!preset) {
                return false;
            }
            if (preset->builtin) {
                *problem = QStringLiteral("'%1' is a built-in preset: it can be reverted to the "
                                          "shipped rates, not removed")
                               .arg(id);
                return false;
            }
            SqlQuery del(m_workspace.database(), "DELETE FROM pricing_presets WHERE id = ?");
            del.bind(id);
            return del.exec(problem);
        },
        error);
}

bool PricingCatalogStore::revert(const QString& id, QString* error) {
    return m_workspace.write(
        [&](QString* problem) {
            const PricingPreset* shipped = PricingCatalog::builtin().find(id.toStdString());
            if (shipped == nullptr) {
                *problem = QStringLiteral("'%1' is not a built-in preset").arg(id);
                return false;
            }
            const QString text = documentText(shipped->document);
            SqlQuery q(m_workspace.database(),
                       "UPDATE pricing_presets SET document = ?, builtin_document = ?, edited = 0, "
                       "updated_at = ? WHERE id = ? AND origin = 'builtin'");
            q.bind(text).bind(text).bind(toStoredTime(QDateTime::currentDateTimeUtc())).bind(id);
            return q.exec(problem);
        },
        error);
}

std::optional<PricingCatalog> PricingCatalogStore::catalog(QString* error) const {
    const auto presets = list(error);
    if (!presets) {
        return std::nullopt;
    }
    PricingCatalog catalog = PricingCatalog::builtin();
    for (const StoredPreset& stored : *presets) {
        // An unedited built-in is the shipped preset. The shipped version is
        // taken even when the stored copy is older (a workspace opened only
        // read-only since an upgrade is not synchronised), so the prices are
        // never stale.
        if (stored.builtin && !stored.edited && catalog.find(stored.id.toStdString()) != nullptr) {
            continue;
        }
        PricingPreset preset = presetOf(stored.document);
        preset.fileName = "workspace preset " + preset.id;
        catalog.add(std::move(preset));
    }
    return catalog;
}

std::optional<std::string> PricingCatalogStore::exportJson(const QStringList& ids,
                                                           QString* error) const {
    const auto presets = list(error);
    if (!presets) {
        return std::nullopt;
    }
    Json array = Json::array();
    for (const QString& id : ids) {
        if (std::none_of(presets->begin(), presets->end(),
                         [&](const StoredPreset& p) { return p.id == id; })) {
            *error = QStringLiteral("no preset named '%1'").arg(id);
            return std::nullopt;
        }
    }
    for (const StoredPreset& p : *presets) {
        if (ids.isEmpty() || ids.contains(p.id)) {
            array.push_back(p.document);
        }
    }
    Json file;
    file["format"] = CatalogFormat;
    file["presets"] = array;
    return file.dump(2) + "\n";
}

std::optional<QStringList> PricingCatalogStore::importJson(const std::string& text,
                                                           QString* error) {
    Json file = Json::parse(text, nullptr, false);
    if (file.is_discarded() || !file.is_object()) {
        *error = QStringLiteral("not a JSON object: expected a pricing catalog (\"format\": "
                                "\"%1\") or a preset (\"format\": \"faaslab.pricing/1\")")
                     .arg(CatalogFormat);
        return std::nullopt;
    }
    std::vector<Json> presets;
    const std::string format = file.value("format", "");
    if (format == CatalogFormat) {
        if (!file.contains("presets") || !file["presets"].is_array()) {
            *error = QStringLiteral("presets: must be an array of preset objects");
            return std::nullopt;
        }
        for (const Json& p : file["presets"]) {
            presets.push_back(p);
        }
    } else if (format == PricingFormat) {
        presets.push_back(file);
    } else {
        *error = QStringLiteral("format: must be \"%1\" or \"%2\", got \"%3\"")
                     .arg(CatalogFormat, QString::fromUtf8(PricingFormat.data()),
                          QString::fromStdString(format));
        return std::nullopt;
    }
    QStringList problems;
    QStringList ids;
    for (std::size_t i = 0; i < presets.size(); ++i) {
        const QString id = QString::fromStdString(presetOf(presets[i]).id);
        if (const QString p = validate(presets[i]); !p.isEmpty()) {
            for (const QString& line : p.split('\n')) {
                problems << QStringLiteral("presets[%1] (%2): %3").arg(i).arg(id, line);
            }
        }
        if (ids.contains(id)) {
            problems << QStringLiteral("presets[%1]: id '%2' appears twice").arg(i).arg(id);
        }
        ids << id;
    }
    if (!problems.isEmpty()) {
        *error = QStringLiteral("nothing was imported:\n") + problems.join('\n');
        return std::nullopt;
    }
    const bool ok = m_workspace.write(
        [&](QString* problem) {
            for (const Json& p : presets) {
                if (!store(p, {}, problem)) {
                    return false;
                }
            }
            return true;
        },
        error);
    return ok ? std::optional<QStringList>(ids) : std::nullopt;
}

} // namespace faaslab::workspace
