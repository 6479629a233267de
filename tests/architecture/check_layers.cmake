# Fails when a source includes a header of a higher layer, or when the
# engine or the model includes Qt. Run as a test (architecture/layers):
#   cmake -DSOURCE_DIR=<tree> -P tests/architecture/check_layers.cmake
#
# The layers, bottom first. A folder may include headers of its own layer
# and of the layers below it; docs/architecture.md draws the same order, and
# models/CMakeLists.txt builds one library per models layer in it.
set(layers
    "simulator"
    "models/format models/io"
    "models/workload"
    "models/billing"
    "models/results"
    "models/platforms"
    "models/scenario models/application"
    "models/runner"
    "models/report"
    "app/workspace"
    "app/cli app/gui")
set(without_qt simulator models)

if(NOT SOURCE_DIR)
    message(FATAL_ERROR "give -DSOURCE_DIR=<the source tree>")
endif()

set(folders "")
set(index 0)
foreach(layer IN LISTS layers)
    separate_arguments(members UNIX_COMMAND "${layer}")
    foreach(folder IN LISTS members)
        list(APPEND folders "${folder}")
        string(MAKE_C_IDENTIFIER "${folder}" key)
        set(rank_${key} ${index})
        set(layer_${key} "${layer}")
    endforeach()
    math(EXPR index "${index} + 1")
endforeach()

# The layer folder a path lies in, or "" outside every layer.
function(layer_folder path out)
    set(found "")
    foreach(folder IN LISTS folders)
        string(LENGTH "${folder}/" length)
        string(SUBSTRING "${path}" 0 ${length} head)
        if(head STREQUAL "${folder}/")
            set(found "${folder}")
        endif()
    endforeach()
    set(${out} "${found}" PARENT_SCOPE)
endfunction()

file(GLOB_RECURSE sources RELATIVE "${SOURCE_DIR}"
    "${SOURCE_DIR}/simulator/*.h" "${SOURCE_DIR}/simulator/*.cpp"
    "${SOURCE_DIR}/models/*.h" "${SOURCE_DIR}/models/*.cpp"
    "${SOURCE_DIR}/app/*.h" "${SOURCE_DIR}/app/*.cpp")
set(problems 0)
foreach(source IN LISTS sources)
    layer_folder("${source}" from)
    if(from STREQUAL "")
        continue()
    endif()
    string(MAKE_C_IDENTIFIER "${from}" from_key)
    file(STRINGS "${SOURCE_DIR}/${source}" includes REGEX "^#include [\"<]")
    foreach(line IN LISTS includes)
        if(line MATCHES "^#include <Q")
            foreach(top IN LISTS without_qt)
                if(source MATCHES "^${top}/")
                    message(SEND_ERROR "${source}: ${line}: ${top}/ is plain C++; Qt belongs in app/")
                    math(EXPR problems "${problems} + 1")
                endif()
            endforeach()
            continue()
        endif()
        if(NOT line MATCHES "^#include \"([^\"]+)\"")
            continue()
        endif()
        layer_folder("${CMAKE_MATCH_1}" to)
        if(to STREQUAL "")
            continue()
        endif()
        string(MAKE_C_IDENTIFIER "${to}" to_key)
        if(rank_${to_key} GREATER rank_${from_key})
            message(SEND_ERROR
                "${source}: ${line}: points up, from layer '${layer_${from_key}}' to "
                "'${layer_${to_key}}' (the order is in tests/architecture/check_layers.cmake)")
            math(EXPR problems "${problems} + 1")
        endif()
    endforeach()
endforeach()
list(LENGTH sources count)
if(problems GREATER 0)
    message(FATAL_ERROR "${problems} includes break the layer order")
endif()
message(STATUS "${count} sources checked: every include points to the same layer or below")
