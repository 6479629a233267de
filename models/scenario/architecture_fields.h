#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace faaslab {

// One key an architecture of a type accepts (besides name, description,
// type, pricing and function_pools, which every type has). `key` is below
// the architecture, nested keys with '/' ("autoscaler/interval_s").
// `defaultValue` is the number a missing key stands for, taken from the
// config structs' own defaults (never restated); empty for keys that are
// not numbers, are required, or whose default depends on other keys (a
// VM's vcpu comes from its instance type).
struct ArchitectureField {
    std::string key;
    std::optional<double> defaultValue;
};

// The architecture types in the order messages list them.
inline constexpr std::string_view ArchitectureTypes[] = {"serverless", "container", "vm"};

// Every key of `type` ("serverless", "container" or "vm"), in the order the
// editor shows them; empty for another type. The reader's "it belongs to
// type …" messages and the editor's "(default)" placeholders follow it.
const std::vector<ArchitectureField>& architectureFields(std::string_view type);

// The default of `key` for `type`, if it has a fixed one.
std::optional<double> architectureFieldDefault(std::string_view type, std::string_view key);

// The types (of ArchitectureTypes, in that order) with a top-level key
// `key` (nested keys count by their first part).
std::vector<std::string_view> architectureTypesWithKey(std::string_view key);

} // namespace faaslab
