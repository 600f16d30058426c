# Fails when a source file of a stage includes a header that the stage may
# not use, according to cmake/layers.cmake. Run by every build (before the
# libraries compile) and by CTest:
#   cmake -DSOURCE_DIR=<root> [-DSTAMP=<file>] -P cmake/check_layering.cmake
# Prints every offending include as FILE:LINE, then fails; touches STAMP
# when all is well.
cmake_minimum_required(VERSION 3.25)
if(NOT SOURCE_DIR)
  message(FATAL_ERROR "check_layering: pass -DSOURCE_DIR=<the source root>")
endif()
include(${CMAKE_CURRENT_LIST_DIR}/layers.cmake)

set(problems "")
set(earlier "")
foreach(stage IN LISTS NEWSMON_STAGES)
  # The table itself: a stage may use only stages listed before it, so the
  # graph cannot have a cycle.
  foreach(used IN LISTS NEWSMON_USES_${stage})
    if(NOT used IN_LIST earlier)
      string(APPEND problems "cmake/layers.cmake: ${stage} uses ${used}, which is not a stage below it\n")
    endif()
  endforeach()
  list(APPEND earlier ${stage})
endforeach()

# The stage a header path belongs to ("daemon/net/fetcher.h" -> net), or "".
function(stage_of path out)
  set(found "")
  foreach(stage IN LISTS NEWSMON_STAGES)
    newsmon_stage_dir(${stage} dir)
    string(FIND "${path}" "${dir}/" at)
    if(at EQUAL 0)
      string(LENGTH "${dir}/" prefix)
      string(SUBSTRING "${path}" ${prefix} -1 rest)
      if(NOT rest MATCHES "/")  # a file directly in the folder
        set(found ${stage})
      endif()
    endif()
  endforeach()
  set(${out} "${found}" PARENT_SCOPE)
endfunction()

# Every source must sit in a stage folder.
file(GLOB_RECURSE all_sources RELATIVE ${SOURCE_DIR}
  ${SOURCE_DIR}/daemon/*.h ${SOURCE_DIR}/daemon/*.cpp ${SOURCE_DIR}/extractors/*.h ${SOURCE_DIR}/extractors/*.cpp)
foreach(file IN LISTS all_sources)
  stage_of("${file}" stage)
  if(stage STREQUAL "")
    string(APPEND problems "${file}: not in a stage folder (cmake/layers.cmake lists them)\n")
    continue()
  endif()
  set(allowed ${stage} ${NEWSMON_USES_${stage}})
  file(STRINGS ${SOURCE_DIR}/${file} lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
  file(STRINGS ${SOURCE_DIR}/${file} all_lines)
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"]*)\".*" "\\1" header "${line}")
    list(FIND all_lines "${line}" index)
    math(EXPR line_number "${index} + 1")
    stage_of("${header}" used)
    if(used STREQUAL "")
      string(APPEND problems "${file}:${line_number}: includes \"${header}\", which is not in a stage folder\n")
    elseif(NOT used IN_LIST allowed)
      string(REPLACE ";" " " may "${NEWSMON_USES_${stage}}")
      string(APPEND problems
        "${file}:${line_number}: includes \"${header}\" (${used}), but ${stage} may use only: ${may}\n")
    endif()
  endforeach()
endforeach()

if(NOT problems STREQUAL "")
  # NOTICE prints the lines as they are; an error message would be re-wrapped.
  message(NOTICE "${problems}")
  message(FATAL_ERROR "includes against the layering: see cmake/layers.cmake")
endif()
if(STAMP)
  file(TOUCH ${STAMP})
endif()
