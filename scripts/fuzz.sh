#!/usr/bin/env bash
# Builds every libFuzzer target of Fuzz/ (release, fuzzer + address sanitizers) and runs each for FUZZ_SECONDS
# (default 30). A crash, a hang (an input over 1 s), a leak or running out of memory fails the run; the input that
# did it is left in .build/fuzz/artifacts/TARGET/. Seed corpora come from the tests' fixtures, Examples/ and, when
# present, ../shared (seeds, extraction pages, ECB+ articles). FUZZ_TARGETS limits the targets; FUZZ_JOBS runs that
# many fuzzing processes per target (default 1).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SECONDS_EACH=${FUZZ_SECONDS:-30}
TARGETS=${FUZZ_TARGETS:-"FuzzText FuzzHTML FuzzAnnotate FuzzJSONLines FuzzStory FuzzWARC FuzzFeed"}
SHARED=${TRIANGULATE_SHARED:-$ROOT/../shared}
WORK=$ROOT/.build/fuzz
mkdir -p "$WORK"

build() {
  # --sanitize=fuzzer gives libFuzzer's main and coverage; the trailing -Xswiftc flag must name both sanitizers
  # (SwiftPM passes two -sanitize= flags in no fixed order and swiftc keeps only the last). The Fuzz package holds
  # only fuzz targets, so building all of it builds each once, sharing one sanitized build of the library.
  (cd Fuzz && swift build -c release --scratch-path "$WORK/build" \
    --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=address 2>&1 \
    | grep -v -e "Cannot export local symbol" >&2)
}

seed_corpus() {
  local target=$1 dir=$WORK/corpus/$1
  mkdir -p "$dir"
  [ -n "$(ls -A "$dir" 2>/dev/null)" ] && return 0
  case $target in
    FuzzHTML)
      if [ -d "$SHARED/bench/extraction/html" ]; then
        for page in $(ls "$SHARED"/bench/extraction/html/*.html.gz | head -40); do
          { gzip -dc "$page" || true; } | head -c 65536 > "$dir/$(basename "$page" .gz)" || true
        done
      fi
      printf '<html><head><title>T</title></head><body><article><p>The council met on Monday.</p></article></body></html>' > "$dir/tiny.html"
      ;;
    FuzzJSONLines)
      printf '{"id":"a","text":"The council met on Monday.","title":"Council","published":"2024-05-01"}\n{"id":"b","text":"x"}\n' > "$dir/lines.jsonl"
      printf '{"a":"Sentencing was set for May 9.","b":"The judge will sentence him on May 9."}\n' > "$dir/pairs.jsonl"
      if [ -f "$SHARED/bench/clustering/ecbplus.jsonl" ]; then head -c 12000 "$SHARED/bench/clustering/ecbplus.jsonl" > "$dir/ecb.jsonl"; fi
      ;;
    FuzzWARC)
      # One archive of each kind: plain, and gzip per record; a chunked gzip-encoded page among the records.
      local page='<html><head><title>Council</title></head><body><p>The council met on Monday and approved the ferry after four hours.</p></body></html>'
      local http="HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n$page"
      local chunked="HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n<html><body><p>T\r\n0\r\n\r\n"
      : > "$dir/plain.warc"
      : > "$dir/members.warc.gz"
      for block in "$http" "$chunked"; do
        local length
        length=$(printf "$block" | wc -c)
        local record="WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.test/a\r\nWARC-Date: 2025-03-05T10:00:00Z\r\nContent-Type: application/http;msgtype=response\r\nContent-Length: $length\r\n\r\n$block\r\n\r\n"
        printf "$record" >> "$dir/plain.warc"
        printf "$record" | gzip -c >> "$dir/members.warc.gz"
      done
      ;;
    FuzzFeed)
      printf '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title><item><title>A</title><link>https://example.test/a</link><pubDate>Tue, 04 Mar 2025 10:00:00 +0000</pubDate><content:encoded><![CDATA[<p>The council met on Monday and approved the ferry.</p>]]></content:encoded></item></channel></rss>' > "$dir/feed.rss"
      printf '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>W</title><entry><title>B</title><link rel="alternate" href="https://example.test/b"/><updated>2025-03-05T08:00:00Z</updated><author><name>S</name></author><content type="html">&lt;p&gt;The vote split the council.&lt;/p&gt;</content></entry></feed>' > "$dir/feed.atom"
      printf '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item rdf:about="https://example.test/c"><title>C</title><link>https://example.test/c</link><description>Ferry approved.</description></item></rdf:RDF>' > "$dir/feed.rdf"
      ;;
    FuzzStory)
      local story=$dir/seeds.txt
      : > "$story"
      for file in "$SHARED"/seeds/ford-xiaomi/*.txt; do [ -f "$file" ] && { head -c 6000 "$file"; printf '\n\n'; } >> "$story"; done
      find Examples -name '*.txt' | sort | head -12 | while read -r file; do head -c 3000 "$file" > "$dir/$(basename "$file")"; done
      ;;
    *)
      for file in "$SHARED"/seeds/ford-xiaomi/*.txt; do [ -f "$file" ] && cp "$file" "$dir/"; done
      find Examples -name '*.txt' | sort | while read -r file; do cp "$file" "$dir/"; done
      ;;
  esac
}

build
status=0
for target in $TARGETS; do
  seed_corpus "$target"
  mkdir -p "$WORK/artifacts/$target"
  binary=$WORK/build/release/$target
  echo "== $target: $SECONDS_EACH s" >&2
  if ! ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=64} "$binary" "$WORK/corpus/$target" \
      -max_total_time="$SECONDS_EACH" -timeout=1 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
      ${FUZZ_JOBS:+-jobs=$FUZZ_JOBS -workers=$FUZZ_JOBS} \
      -artifact_prefix="$WORK/artifacts/$target/" 2> "$WORK/$target.log"; then
    echo "$target FAILED: see $WORK/$target.log and $WORK/artifacts/$target/" >&2
    tail -40 "$WORK/$target.log" >&2
    status=1
  fi
  grep -E "^stat::number_of_executed_units|^stat::average_exec_per_sec|^stat::peak_rss_mb|DONE" "$WORK/$target.log" >&2 || true
done
exit $status
