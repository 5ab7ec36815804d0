#!/usr/bin/env bash
# `triangulate serve` under load from wrk (Debian) on loopback, release build: reads of one story
# (GET /api/stories/{id}, the largest story of the bundled Examples) and sustained ingest (POST /api/articles, a new
# invented article per request, in two consecutive runs so the second starts from the collection the first grew).
# The server and wrk share the machine's cores. SECONDS_PER_RUN (default 15) sets each run's length.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/triangulate
seconds=${SECONDS_PER_RUN:-15}
scratch=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$scratch"' EXIT

source scripts/serve-common.sh

# wrk's summary: requests/s, p50, p99, and any non-2xx responses.
summary() {
    awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$5}
        /requests in/ {n=$1} END {printf "%s requests, %s req/s, p50 %s, p99 %s, non-2xx %s\n", n, rps, p50, p99, bad+0}'
}

"$bin" ingest --database "$scratch/read.sqlite" Examples -q
start_server "$scratch/read.sqlite" "$scratch/serve.log"
story=$(curl -fsS "http://127.0.0.1:$port/api/stories" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
curl -fsS "http://127.0.0.1:$port/api/stories/$story" -o "$scratch/story.json"
echo "read: GET /api/stories/$story ($(wc -c < "$scratch/story.json") bytes), wrk -t2 -c32 -d${seconds}s"
wrk -t2 -c32 -d"${seconds}s" --latency "http://127.0.0.1:$port/api/stories/$story" | summary
stop_server

start_server "$scratch/ingest.sqlite" "$scratch/serve.log"
for run in 1 2; do
    echo "ingest run $run: POST /api/articles, a new article per request, wrk -t1 -c8 -d${seconds}s"
    BENCH_START=$(( (run - 1) * 20000 )) wrk -t1 -c8 -d"${seconds}s" --latency \
        -s Benchmarks/server/post-articles.lua "http://127.0.0.1:$port/" | summary
    echo "  collection after run $run: $("$bin" stories --database "$scratch/ingest.sqlite" --limit 1000000 \
        --format json | grep -c '"headline"') stories"
done
stop_server
