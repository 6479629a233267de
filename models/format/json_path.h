#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace faaslab {

// Dotted paths: how messages, the sweep's --param and the editor name a
// place in a scenario ("architectures[1].keep_alive_s"), and their
// conversion from the JSON pointers the document is edited through
// ("/architectures/1/keep_alive_s"). One set of rules for the reader, the
// sweep and the GUI.

// "workload" + "memory_mb" -> "workload.memory_mb"; "" + "name" -> "name".
std::string memberPath(std::string_view path, std::string_view key);
// "functions" + 2 -> "functions[2]".
std::string indexPath(std::string_view path, std::size_t index);

// "/architectures/0/keep_alive_s" -> "architectures[0].keep_alive_s": a
// token of digits only is an array index.
std::string dottedPathFromPointer(std::string_view pointer);

// One step of a dotted path: a member name, or an array index ("[2]").
struct JsonPathStep {
    std::string token;
    bool index = false;
};
// The steps of "a.b[2].c"; nullopt, with `problem` set, for an unbalanced
// '[' or an empty step. Indexes are not checked to be numbers here.
std::optional<std::vector<JsonPathStep>> splitDottedPath(std::string_view path,
                                                         std::string& problem);

} // namespace faaslab
