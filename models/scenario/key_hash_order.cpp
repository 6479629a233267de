#include "models/scenario/key_hash_order.h"

#include <algorithm>
#include <array>
#include <cassert>

namespace faaslab {

std::vector<std::uint64_t> keyHashOrder(std::size_t n,
                                        const std::function<std::string_view(std::size_t)>& key) {
    assert(n <= 0xFFFF'FFFFu);
    std::vector<std::uint64_t> order(n);
    for (std::size_t i = 0; i < n; ++i) {
        order[i] = (std::uint64_t{keyHash(key(i))} << 32) | i;
    }
    constexpr std::size_t SortDirectlyBelow = 256;
    if (n < SortDirectlyBelow) {
        std::sort(order.begin(), order.end());
        return order;
    }
    // Least significant digit first, 8 bits of the hash per pass; each pass
    // is stable, and the input is in index order, so equal hashes stay in
    // index order and the whole number ends up sorted.
    std::vector<std::uint64_t> buffer(n);
    for (int shift = 32; shift < 64; shift += 8) {
        std::array<std::size_t, 257> start{};
        for (const std::uint64_t v : order) {
            ++start[((v >> shift) & 0xFF) + 1];
        }
        for (std::size_t d = 1; d < start.size(); ++d) {
            start[d] += start[d - 1];
        }
        for (const std::uint64_t v : order) {
            buffer[start[(v >> shift) & 0xFF]++] = v;
        }
        order.swap(buffer);
    }
    return order;
}

} // namespace faaslab
