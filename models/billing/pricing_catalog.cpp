#include "models/billing/pricing_catalog.h"

#include "resources/embedded_files.h"

#include <stdexcept>

namespace faaslab {

const PricingCatalog& PricingCatalog::builtin() {
    // Built once, on first use; thread-safe by the rules of function-local
    // statics. A malformed built-in file is a build defect, caught by tests.
    static const PricingCatalog catalog = [] {
        PricingCatalog c;
        for (const resources::EmbeddedFile& file : resources::pricingPresetFiles()) {
            auto document = nlohmann::ordered_json::parse(file.contents, nullptr, false);
            if (document.is_discarded() || !document.is_object()) {
                throw std::logic_error("built-in pricing preset is not a JSON object: " +
                                       std::string(file.name));
            }
            PricingPreset preset;
            preset.id = document.value("id", "");
            preset.kind = document.value("kind", "");
            preset.fileName = std::string(file.name);
            preset.document = std::move(document);
            c.add(std::move(preset));
        }
        return c;
    }();
    return catalog;
}

void PricingCatalog::add(PricingPreset preset) {
    for (PricingPreset& existing : m_presets) {
        if (existing.id == preset.id) {
            existing = std::move(preset);
            return;
        }
    }
    m_presets.push_back(std::move(preset));
}

const PricingPreset* PricingCatalog::find(const std::string& id) const {
    for (const PricingPreset& preset : m_presets) {
        if (preset.id == id) {
            return &preset;
        }
    }
    return nullptr;
}

std::vector<std::string> PricingCatalog::ids(const std::string& kind) const {
    std::vector<std::string> result;
    for (const PricingPreset& preset : m_presets) {
        if (preset.kind == kind) {
            result.push_back(preset.id);
        }
    }
    return result;
}

} // namespace faaslab
