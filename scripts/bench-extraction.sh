#!/usr/bin/env bash
# make bench-extraction: `triangulate extract` and trafilatura 2.3.1 over the same benchmark pages, whole process
# each, side by side: wall time, peak memory (max RSS), the speed ratio, and both extractors' quality with the
# benchmark's scorer. trafilatura comes from PyPI into a throwaway virtualenv (.build/bench-venv, `make clean`
# removes it); it is never a dependency of Triangulate itself.
# Usage: scripts/bench-extraction.sh [BENCH_DIR]   (default ../shared/bench/extraction)
set -euo pipefail
cd "$(dirname "$0")/.."
bench=$(realpath "${1:-../shared/bench/extraction}")
[ -f "$bench/ground-truth.json" ] || { echo "error: no benchmark at $bench" >&2; exit 1; }
out=.build/bench-extraction
mkdir -p "$out"
source scripts/bench-common.sh
bench_peers 'import trafilatura, sys; sys.exit(trafilatura.__version__ != "2.3.1")' trafilatura==2.3.1 lxml_html_clean
swift build -c release --product triangulate >&2
(cd Benchmarks && swift build -c release --product extraction-eval >&2)

pages=$(ls "$bench"/html/*.html.gz | wc -l)
read -r tri_s tri_k < <(best_of_3 "$out/triangulate.jsonl" ./.build/release/triangulate extract --quiet "$bench"/html \
    --format jsonl)
read -r traf_s traf_k < <(best_of_3 "$out/trafilatura.jsonl" "$bench_venv/bin/python" scripts/trafilatura-extract.py \
    "$bench/html")

echo "extraction over $pages pages, whole process, best of 3 ($(nproc) cores):"
printf "  %-24s %7.2f s   peak RSS %6.1f MiB\n" "triangulate extract" "$tri_s" "$(awk "BEGIN{print $tri_k/1024}")"
printf "  %-24s %7.2f s   peak RSS %6.1f MiB\n" "trafilatura 2.3.1" "$traf_s" "$(awk "BEGIN{print $traf_k/1024}")"
printf "  speed ratio (trafilatura / triangulate): %.1fx\n" "$(awk "BEGIN{print $traf_s/$tri_s}")"
echo "quality (the benchmark's scorer, the same code for both):"
Benchmarks/.build/release/extraction-eval "$bench" --name "  triangulate extract" --predictions "$out/triangulate.jsonl"
Benchmarks/.build/release/extraction-eval "$bench" --name "  trafilatura 2.3.1  " --predictions "$out/trafilatura.jsonl"
