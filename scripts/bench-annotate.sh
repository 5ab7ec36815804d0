#!/usr/bin/env bash
# Annotation throughput (MB/s of text on one core), release build, over the bundled Examples corpus
# and, when present, the seed articles in ../shared. Usage: scripts/bench-annotate.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../Benchmarks"
swift build -c release --product annotate-throughput >&2
paths=(../Examples)
[ -d ../../shared/seeds ] && paths+=(../../shared/seeds)
exec taskset -c 0 ./.build/release/annotate-throughput --seconds "${1:-5}" "${paths[@]}"
