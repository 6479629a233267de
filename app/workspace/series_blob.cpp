#include "app/workspace/series_blob.h"

#include <QtEndian>
#include <bit>
#include <cstdint>
#include <cstring>

namespace faaslab::workspace {

QByteArray packDoubles(std::span<const double> values) {
    QByteArray blob(static_cast<qsizetype>(values.size() * 8), Qt::Uninitialized);
    char* out = blob.data();
    for (double v : values) {
        qToLittleEndian(std::bit_cast<std::uint64_t>(v), out);
        out += 8;
    }
    return blob;
}

std::optional<std::vector<double>> unpackDoubles(const QByteArray& blob) {
    if (blob.size() % 8 != 0) {
        return std::nullopt;
    }
    std::vector<double> values(static_cast<std::size_t>(blob.size() / 8));
    const char* in = blob.constData();
    for (double& v : values) {
        v = std::bit_cast<double>(qFromLittleEndian<std::uint64_t>(in));
        in += 8;
    }
    return values;
}

} // namespace faaslab::workspace
