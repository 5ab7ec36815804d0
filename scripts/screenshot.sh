#!/usr/bin/env bash
# The README's screenshot: the bundled Examples/ ingested into a scratch database, served on a free loopback port,
# and the page of the story with most articles rendered by Debian's Chromium (headless) to docs/screenshot-story.png.
# TRIANGULATE names the executable (default: the release build).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${TRIANGULATE:-.build/release/triangulate}
out=${1:-docs/screenshot-story.png}
scratch=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$scratch"' EXIT
"$bin" ingest --database "$scratch/examples.sqlite" Examples -q
"$bin" serve --database "$scratch/examples.sqlite" --port 0 2>"$scratch/serve.log" &
server=$!
for _ in $(seq 1 200); do
    grep -q "on http://127.0.0.1:" "$scratch/serve.log" && break
    sleep 0.05
done
port=$(grep -o "on http://127.0.0.1:[0-9]*" "$scratch/serve.log" | head -1 | sed 's/.*://')
[ -n "$port" ] || { echo "the server did not start: $(cat "$scratch/serve.log")" >&2; exit 1; }
# The story with most articles: the list's counts, largest first.
story=$(curl -fsS "http://127.0.0.1:$port/" |
    grep -o 'href="/stories/[^"]*">[^<]*</a> <span class="count">[0-9]*' |
    sed 's/href="\/stories\/\([^"]*\)".*count">\([0-9]*\)/\2 \1/' | sort -rn | head -1 | cut -d' ' -f2)
chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars --window-size=1280,1500 \
    --screenshot="$out" "http://127.0.0.1:$port/stories/$story" 2>/dev/null
echo "wrote $out (story $story)" >&2
