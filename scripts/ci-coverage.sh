#!/bin/sh
# CI: line coverage of the library per folder (scripts/coverage.sh), in its own build
# directory beside the release build .ci/run passes; fails under 85%.
# Usage: scripts/ci-coverage.sh BUILD_DIR
set -eu
exec "$(dirname "$0")/coverage.sh" "$1-coverage"
