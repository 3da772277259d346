/*
 * actorgraph/version.h - the version of the headers, at compile time. ag_version()
 * (actorgraph/util/error.h) gives the version of the library linked at run time; a
 * program built against one and run with another can compare the two.
 *
 * CMakeLists.txt reads the project version from this file, so it is the one place the
 * version is written.
 */
#ifndef ACTORGRAPH_VERSION_H
#define ACTORGRAPH_VERSION_H

#define AG_VERSION_MAJOR 0
#define AG_VERSION_MINOR 1
#define AG_VERSION_PATCH 0
#define AG_VERSION "0.1.0"
/* One number that orders versions: AG_VERSION_NUMBER >= AG_VERSION_AT(0, 1, 0). */
#define AG_VERSION_AT(major, minor, patch) ((major)*10000 + (minor)*100 + (patch))
#define AG_VERSION_NUMBER AG_VERSION_AT(AG_VERSION_MAJOR, AG_VERSION_MINOR, AG_VERSION_PATCH)

#endif
