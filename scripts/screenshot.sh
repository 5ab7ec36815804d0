#!/usr/bin/env bash
# The README's screenshot: the bundled Examples/ ingested into a scratch database, served on a free loopback port,
# and the page of the story with most articles rendered by Debian's Chromium (headless) to docs/screenshot-story.png.
# TRIANGULATE names the executable (default: the release build).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${TRIANGULATE:-.build/release/triangulate}
out=${1:-docs/screenshot-story.png}
scratch=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$scratch"' EXIT
"$bin" ingest --database "$scratch/examples.sqlite" Examples -q
source scripts/serve-common.sh
start_server "$scratch/examples.sqlite" "$scratch/serve.log"
# The story with most articles: the list's counts, largest first.
story=$(curl -fsS "http://127.0.0.1:$port/" |
    grep -o 'href="/stories/[^"]*">[^<]*</a> <span class="count">[0-9]*' |
    sed 's/href="\/stories\/\([^"]*\)".*count">\([0-9]*\)/\2 \1/' | sort -rn | head -1 | cut -d' ' -f2)
chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars --window-size=1280,1500 \
    --screenshot="$out" "http://127.0.0.1:$port/stories/$story" 2>/dev/null
echo "wrote $out (story $story)" >&2
