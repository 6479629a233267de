#pragma once

#include <string>
#include <string_view>

namespace faaslab {

// The unit a key's name gives its number, by the suffixes the scenario and
// price-list formats use: "_per_s" (per s), "_s", "_ms", "_mb", "_gb",
// "_ghz", "_percent", and "vcpu". Empty when the name says none. Price-list
// rates have their own rules on top (pricingFieldUnit).
std::string keyUnit(std::string_view key);

// The last member name of a dotted path: "architectures[0].keep_alive_s" ->
// "keep_alive_s"; "samples[3]" -> "" (an element has no name).
std::string_view lastKey(std::string_view path);

} // namespace faaslab
