#include "models/format/json_path.h"

namespace faaslab {

std::string memberPath(std::string_view path, std::string_view key) {
    std::string out(path);
    if (!out.empty()) {
        out += '.';
    }
    out += key;
    return out;
}

std::string indexPath(std::string_view path, std::size_t index) {
    return std::string(path) + '[' + std::to_string(index) + ']';
}

std::string dottedPathFromPointer(std::string_view pointer) {
    std::string path;
    std::size_t i = 1;
    while (i <= pointer.size()) {
        const std::size_t next = pointer.find('/', i);
        const std::string_view token =
            pointer.substr(i, next == std::string_view::npos ? std::string_view::npos : next - i);
        const bool index =
            !token.empty() && token.find_first_not_of("0123456789") == std::string_view::npos;
        if (index) {
            path += '[';
            path += token;
            path += ']';
        } else {
            path = memberPath(path, token);
        }
        if (next == std::string_view::npos) {
            break;
        }
        i = next + 1;
    }
    return path;
}

std::optional<std::vector<JsonPathStep>> splitDottedPath(std::string_view path,
                                                         std::string& problem) {
    std::vector<JsonPathStep> steps;
    std::size_t i = 0;
    while (i < path.size()) {
        JsonPathStep step;
        if (path[i] == '[') {
            const std::size_t close = path.find(']', i);
            if (close == std::string_view::npos) {
                problem = "unbalanced '[' in \"" + std::string(path) + "\"";
                return std::nullopt;
            }
            step.token = std::string(path.substr(i + 1, close - i - 1));
            step.index = true;
            i = close + 1;
        } else {
            const std::size_t end = path.find_first_of(".[", i);
            step.token = std::string(path.substr(i, end == std::string_view::npos ? end : end - i));
            i = end == std::string_view::npos ? path.size() : end;
        }
        if (i < path.size() && path[i] == '.') {
            ++i;
        }
        if (step.token.empty()) {
            problem = "empty step in \"" + std::string(path) + "\"";
            return std::nullopt;
        }
        steps.push_back(std::move(step));
    }
    return steps;
}

} // namespace faaslab
