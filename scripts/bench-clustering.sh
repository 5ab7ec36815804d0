#!/usr/bin/env bash
# make bench-clustering: story clustering accuracy, speed against peers, and scale.
#  1. accuracy on ECB+ (odd topics: where defaults were chosen; even: held out; all) — B-cubed and ARI;
#  2. speed, whole process each, on ECB+ and on a 3k synthetic stream (PEER_N): `triangulate cluster` vs. the scikit-learn
#     pipeline (TF-IDF, agglomerative average linkage, cosine, threshold 0.8) and vs. datasketch MinHashLSH for the
#     near-duplicate part; both from PyPI into a throwaway virtualenv (.build/bench-venv);
#  3. scale: synthetic streams of 10k, 100k and 1M articles (scripts/synthetic-stream.py): time, articles/s, peak RSS
#     and B-cubed F1 on the synthetic labels. SCALES="10000 100000" to skip the million.
set -euo pipefail
cd "$(dirname "$0")/.."
ecb=$(realpath "${ECB:-../shared/bench/clustering/ecbplus.jsonl}")
[ -f "$ecb" ] || { echo "error: no ECB+ file at $ecb" >&2; exit 1; }
work=.build/bench-clustering
mkdir -p "$work"
source scripts/bench-common.sh
bench_peers 'import sklearn, datasketch' scikit-learn datasketch
swift build -c release --product triangulate >&2
(cd Benchmarks && swift build -c release --product cluster-eval >&2)
eval_tool=Benchmarks/.build/release/cluster-eval

echo "== accuracy on ECB+ (defaults; chosen on the odd topics) =="
$eval_tool "$ecb"

peer_n=${PEER_N:-3000}  # scikit-learn is quadratic in time and memory: keep its stream small
python3 scripts/synthetic-stream.py "$peer_n" --source "$ecb" > "$work/syn-$peer_n.jsonl"
echo "== speed, whole process (best of 3 for triangulate) =="
for input in "$ecb" "$work/syn-$peer_n.jsonl"; do
    name=$(basename "$input" .jsonl)
    read -r best best_k < <(best_of_3 "$work/tri-$name.out" ./.build/release/triangulate cluster --input "$input" \
        --lineage "$work/tri-$name.lineage")
    read -r sk_s sk_k < <(timed "$work/sk-$name.out" "$bench_venv/bin/python" scripts/peer-clustering.py sklearn "$input")
    read -r ds_s ds_k < <(timed "$work/ds-$name.out" "$bench_venv/bin/python" scripts/peer-clustering.py datasketch "$input")
    echo "$name ($(wc -l < "$input") articles):"
    printf "  %-44s %7.2f s  peak RSS %7.1f MiB\n" "triangulate cluster (stories + near-duplicates)" "$best" \
        "$(awk "BEGIN{print $best_k/1024}")"
    printf "  %-44s %7.2f s  peak RSS %7.1f MiB  -> triangulate %.1fx faster\n" "scikit-learn TF-IDF + average linkage" \
        "$sk_s" "$(awk "BEGIN{print $sk_k/1024}")" "$(awk "BEGIN{print $sk_s/$best}")"
    printf "  %-44s %7.2f s  peak RSS %7.1f MiB  -> triangulate %.1fx faster\n" "datasketch MinHashLSH (near-duplicates only)" \
        "$ds_s" "$(awk "BEGIN{print $ds_k/1024}")" "$(awk "BEGIN{print $ds_s/$best}")"
    echo -n "  quality: triangulate "
    $eval_tool --score "$input" "$work/tri-$name.out"
    echo -n "  quality: scikit-learn "
    $eval_tool --score "$input" "$work/sk-$name.out"
    echo "  near-duplicate pairs: triangulate $(wc -l < "$work/tri-$name.lineage"), datasketch $(wc -l < "$work/ds-$name.out")"
done

echo "== scale: synthetic streams =="
printf "  %9s %9s %10s %12s %8s\n" articles seconds articles/s "peak RSS MiB" "B3 F1"
for n in ${SCALES:-10000 100000 1000000}; do
    file="$work/syn-$n.jsonl"
    [ -f "$file" ] || python3 scripts/synthetic-stream.py "$n" --source "$ecb" > "$file"
    read -r s k < <(timed "$work/tri-syn-$n.out" ./.build/release/triangulate cluster --input "$file")
    f1=$($eval_tool --score "$file" "$work/tri-syn-$n.out" | sed -E 's/.*F1 ([0-9.]+).*/\1/')
    printf "  %9d %9.1f %10.0f %12.1f %8s\n" "$n" "$s" "$(awk "BEGIN{print $n/$s}")" "$(awk "BEGIN{print $k/1024}")" "$f1"
done
