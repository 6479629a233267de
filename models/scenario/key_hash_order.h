#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace faaslab {

// The 32-bit hash both the repeat search and the member lookup sort keys by.
inline std::uint32_t keyHash(std::string_view key) {
    return static_cast<std::uint32_t>(std::hash<std::string_view>{}(key));
}

// For n keys, the numbers (keyHash(key(i)) << 32) | i sorted: keys that may
// be equal are then next to each other, in their original order. A radix
// sort on the hash, linear in n: objects of millions of keys are read in
// one pass each (see docs/performance.md), where comparison sorting was a
// tenth of the reading time. n must be below 2^32.
std::vector<std::uint64_t> keyHashOrder(std::size_t n,
                                        const std::function<std::string_view(std::size_t)>& key);

} // namespace faaslab
