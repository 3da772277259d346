# Embedded default lexicon: scripts/gen-lexicon.c runs at build time over Debian's
# iso-codes, libgeonames (optional; tzdata's zone1970.tab otherwise), wamerican and the
# project's data/*.txt, and writes generated/ag_lexicon_data.c into libcore.
set(AG_ISO3166_JSON /usr/share/iso-codes/json/iso_3166-1.json CACHE FILEPATH
    "iso-codes ISO 3166-1 JSON (Debian package iso-codes)")
set(AG_WORDS_FILE /usr/share/dict/words CACHE FILEPATH
    "English word list (Debian package wamerican)")
set(AG_ZONE1970_TAB /usr/share/zoneinfo/zone1970.tab CACHE FILEPATH
    "tzdata zone1970.tab, the city source when libgeonames is absent")
foreach(f ${AG_ISO3166_JSON} ${AG_WORDS_FILE} ${AG_ZONE1970_TAB})
  if(NOT EXISTS ${f})
    message(FATAL_ERROR "lexicon: ${f} not found (apt-get install iso-codes wamerican tzdata)")
  endif()
endforeach()

add_executable(ag-gen-lexicon ${PROJECT_SOURCE_DIR}/scripts/gen-lexicon.c)
target_link_libraries(ag-gen-lexicon PRIVATE PkgConfig::JANSSON ag_warnings)
pkg_check_modules(GEONAMES IMPORTED_TARGET geonames)
if(GEONAMES_FOUND)
  target_compile_definitions(ag-gen-lexicon PRIVATE AG_HAVE_GEONAMES)
  target_link_libraries(ag-gen-lexicon PRIVATE PkgConfig::GEONAMES)
else()
  message(WARNING "lexicon: libgeonames-dev not found; cities come from tzdata only")
endif()

file(GLOB AG_LEXICON_DATA CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/data/*.txt)
set(AG_LEXICON_C ${PROJECT_BINARY_DIR}/generated/ag_lexicon_data.c)
add_custom_command(
  OUTPUT ${AG_LEXICON_C}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/generated
  COMMAND ag-gen-lexicon ${PROJECT_SOURCE_DIR}/data ${AG_ISO3166_JSON} ${AG_WORDS_FILE}
          ${AG_ZONE1970_TAB} ${AG_LEXICON_C}
  DEPENDS ag-gen-lexicon ${AG_LEXICON_DATA} ${AG_ISO3166_JSON} ${AG_WORDS_FILE}
  COMMENT "Generating the embedded default lexicon"
  VERBATIM)
target_sources(ag_core_objects PRIVATE ${AG_LEXICON_C})
