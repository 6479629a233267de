#pragma once

#include "models/billing/pricing_catalog.h"

#include <QDateTime>
#include <QString>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

namespace faaslab::workspace {

class Workspace;

// A preset as the workspace keeps it.
struct StoredPreset {
    QString id;
    QString kind;
    QString provider;
    QString product;
    QString region;
    QString billingKind;
    QString sourceUrl;
    QString asOf;
    bool builtin = false; // shipped with FaaS Lab (else imported or copied)
    bool edited = false;  // a built-in the user changed
    QString copiedFrom;
    QDateTime updatedAt;
    nlohmann::ordered_json document;
    // For a built-in: the version this FaaS Lab ships (null for user presets).
    nlohmann::ordered_json shippedDocument;
};

// The pricing catalog of a workspace: the built-in presets
// (resources/pricing), loaded on every open without overwriting the user's
// edits, plus the user's own presets. Every preset written is first checked
// by the model's own preset readers, so the catalog only holds price lists a
// scenario can use.
class PricingCatalogStore {
public:
    explicit PricingCatalogStore(Workspace& workspace)
        : m_workspace(workspace) {}

    // Adds new built-ins and updates unedited ones to the shipped version;
    // an edited built-in keeps the user's document.
    bool syncBuiltins(QString* error);

    std::optional<std::vector<StoredPreset>> list(QString* error) const;
    std::optional<StoredPreset> find(const QString& id, QString* error) const;

    // Stores a preset document (new or changed), after validation; problems
    // are listed as "path: message" lines. Changing a built-in marks it
    // edited.
    bool save(const nlohmann::ordered_json& document, QString* error);
    // A user preset `newId` with the document of `id`.
    bool copy(const QString& id, const QString& newId, QString* error);
    // Removes a user preset; a built-in can only be reverted.
    bool remove(const QString& id, QString* error);
    // Puts the shipped document back on an edited built-in.
    bool revert(const QString& id, QString* error);

    // The catalog a scenario reader resolves "preset" names through: every
    // workspace preset (edited built-ins as edited, unedited ones as
    // shipped with this version).
    std::optional<PricingCatalog> catalog(QString* error) const;

    // {"format": "faaslab.pricing-catalog/1", "presets": [...]} with the
    // given presets (all when empty).
    std::optional<std::string> exportJson(const QStringList& ids, QString* error) const;
    // Imports a catalog file or a single preset file; every preset is
    // checked before any is stored (all or nothing). Returns the ids.
    std::optional<QStringList> importJson(const std::string& text, QString* error);

    // Checks a preset document with the model's readers; "" when valid.
    static QString validate(const nlohmann::ordered_json& document);

private:
    bool store(const nlohmann::ordered_json& document, const QString& copiedFrom, QString* error);
    Workspace& m_workspace;
};

} // namespace faaslab::workspace
