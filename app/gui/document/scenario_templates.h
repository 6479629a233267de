#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace faaslab::gui {

// Sensible starting values when the user picks another arrival process,
// distribution or architecture type in the editor, so that switching gives
// a valid, meaningful configuration rather than an empty one. Values the
// old configuration shares with the new one (a rate, a mean) are kept.
nlohmann::ordered_json arrivalsTemplate(const std::string& process,
                                        const nlohmann::ordered_json& previous);
nlohmann::ordered_json distributionTemplate(const std::string& dist,
                                            const nlohmann::ordered_json& previous);
nlohmann::ordered_json architectureTemplate(const std::string& type, const std::string& name);

} // namespace faaslab::gui
