#!/usr/bin/env bash
# URL fetching throughput against a loopback server: COUNT invented pages (about 17 KB of HTML each) served by
# Python's http.server (threaded), fetched and extracted by the release build of `triangulate extract`, first from one
# host (one request at a time: politeness) and then spread over four loopback addresses (four hosts at once).
# --host-delay 0 and --ignore-robots so that the figure is the fetcher's, not the politeness delay's.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/triangulate
count=${COUNT:-2000}
scratch=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$scratch"' EXIT
python3 - "$count" "$scratch" <<'PY'
import random, sys
count, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(7)
words = "council harbor ferry bridge vote budget mayor plan school river storm road board port".split()
for index in range(count):
    paragraphs = "".join(
        "<p>" + " ".join(f"The {rng.choice(words)} {rng.choice(words)} would cost {rng.randint(2, 90)} million, "
                         f"said {rng.choice(words).title()} {index}." for _ in range(6)) + "</p>" for _ in range(12))
    with open(f"{out}/p{index}.html", "w") as handle:
        handle.write(f"<!doctype html><html><head><title>Story {index}</title></head><body><nav>"
                     + "".join(f'<a href="/{w}">{w}</a>' for w in words * 4)
                     + f"</nav><article><h1>Story {index}</h1>{paragraphs}</article></body></html>")
PY
python3 -u -m http.server 0 --directory "$scratch" > "$scratch/server.log" 2>/dev/null &
server=$!
for _ in $(seq 1 100); do grep -q " port " "$scratch/server.log" && break; sleep 0.05; done
port=$(grep -o "port [0-9]*" "$scratch/server.log" | head -1 | cut -d' ' -f2)
bytes=$(cat "$scratch"/p*.html | wc -c)
run() {
    local label=$1
    shift
    local start end
    start=$(date +%s.%N)
    "$bin" extract "$@" --allow-private-addresses --host-delay 0 --ignore-robots -q -o "$scratch/out.jsonl"
    end=$(date +%s.%N)
    local lines
    lines=$(wc -l < "$scratch/out.jsonl")
    awk -v label="$label" -v n="$lines" -v s="$start" -v e="$end" -v b="$bytes" -v c="$count" \
        'BEGIN {t = e - s; printf "%s: %d of %d pages in %.2f s: %.0f pages/s, %.1f MB/s\n", label, n, c, t, n / t, b / t / 1e6}'
}
one=()
four=()
for ((i = 0; i < count; i++)); do
    one+=("http://127.0.0.1:$port/p$i.html")
    four+=("http://127.0.0.$((i % 4 + 1)):$port/p$i.html")
done
echo "$count pages, $((bytes / 1000)) kB in all, python3 http.server on loopback"
run "one host (one request at a time)" "${one[@]}"
run "four hosts (127.0.0.1-4, --fetch-concurrency 8)" "${four[@]}"
