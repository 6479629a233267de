#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace faaslab {

// A named price list: the JSON document of a preset file
// (resources/pricing/*.json, format "faaslab.pricing/1").
struct PricingPreset {
    std::string id;
    std::string kind; // "serverless", ...
    std::string fileName;
    nlohmann::ordered_json document;
};

// The presets a scenario can name. The built-in catalog is parsed from the
// files compiled in from resources/pricing; the reader of each kind
// (pricing_reader.h) turns a preset into rates and reports any problem with
// the preset's file name and JSON path.
class PricingCatalog {
public:
    static const PricingCatalog& builtin();

    void add(PricingPreset preset);
    const PricingPreset* find(const std::string& id) const;
    std::vector<std::string> ids(const std::string& kind) const;
    const std::vector<PricingPreset>& presets() const { return m_presets; }

private:
    std::vector<PricingPreset> m_presets;
};

} // namespace faaslab
