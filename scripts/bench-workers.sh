#!/usr/bin/env bash
# Workers against one local PostgreSQL server (a throwaway cluster with fsync on, scripts/with-postgres.sh): the 982
# ECB+ articles (../shared/bench/clustering/ecbplus.jsonl) written as text files, queued with `ingest --queue`, then
# taken by 1, 2 and 4 `worker --until-idle` processes (release build). Prints articles/s, the grouping lock's share
# of the workers' time, and B-cubed F1 of the stories against ECB+'s events, next to one process (`analyze` of the
# same files) for the same clustering quality. Usage: bash scripts/bench-workers.sh [WORKER COUNTS...]
set -euo pipefail
cd "$(dirname "$0")/.."
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1 2 4)
corpus=${ECBPLUS:-../shared/bench/clustering/ecbplus.jsonl}
swift build -c release --product triangulate >&2
work=$(mktemp -d /tmp/triangulate-bench-workers.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 - "$corpus" "$work" <<'PY'
import json, os, sys
corpus, work = sys.argv[1], sys.argv[2]
os.makedirs(work + "/in")
with open(work + "/gold.jsonl", "w") as gold:
    for line in open(corpus):
        row = json.loads(line)
        with open(f"{work}/in/{row['id']}.txt", "w") as f:
            f.write(row["text"])
        gold.write(json.dumps({"id": row["id"], "event": row["event"]}) + "\n")
PY
cat >"$work/score.py" <<'PY'
import collections, json, sys
gold = {json.loads(l)["id"]: json.loads(l)["event"] for l in open(sys.argv[1])}
stories = json.load(open(sys.argv[2]))["stories"]
predicted = {a: s["id"] for s in stories for a in s["articles"]}
ids = sorted(gold)
by_event, by_story = collections.Counter(gold[i] for i in ids), collections.Counter(predicted.get(i, "none:" + i) for i in ids)
pair = collections.Counter((gold[i], predicted.get(i, "none:" + i)) for i in ids)
p = sum(pair[(gold[i], predicted.get(i, "none:" + i))] / by_story[predicted.get(i, "none:" + i)] for i in ids) / len(ids)
r = sum(pair[(gold[i], predicted.get(i, "none:" + i))] / by_event[gold[i]] for i in ids) / len(ids)
print(f"{2 * p * r / (p + r):.4f}")
PY
T=./.build/release/triangulate
articles=$(ls "$work/in" | wc -l)
start=$(date +%s.%N)
$T analyze "$work/in" --format json -q >"$work/single.json"
single=$(python3 -c "print(f'{$articles / ($(date +%s.%N) - $start):.1f}')")
echo "one process (analyze): $articles articles, $single articles/s, B3 F1 $(python3 "$work/score.py" "$work/gold.jsonl" "$work/single.json")"
export PG_FSYNC=on WORKER_ARGS="${WORKER_ARGS:-}"
bash scripts/with-postgres.sh bash -c '
    set -euo pipefail
    T='"$T"'; work='"$work"'; articles='"$articles"'
    server=${TRIANGULATE_TEST_POSTGRES%%\?*}
    password=${server#postgresql://postgres:}; password=${password%%@*}
    base=${server%/postgres}
    for k in '"${counts[*]}"'; do
        PGPASSWORD=$password psql -q "$server" -c "CREATE DATABASE bench_$k" >/dev/null
        url="$base/bench_$k?sslmode=disable"
        $T ingest --queue --database "$url" "$work/in" -q
        start=$(date +%s.%N)
        pids=()
        for i in $(seq "$k"); do
            $T worker --database "$url" --until-idle --name "w$i" ${WORKER_ARGS:-} 2>"$work/w$k-$i.log" &
            pids+=($!)
        done
        for pid in "${pids[@]}"; do wait "$pid" || { echo "a worker failed:" >&2; cat "$work"/w$k-*.log >&2; exit 1; }; done
        seconds=$(python3 -c "print($(date +%s.%N) - $start)")
        $T stories --database "$url" --format json >"$work/workers-$k.json"
        f1=$(python3 "$work/score.py" "$work/gold.jsonl" "$work/workers-$k.json")
        lock=$(cat "$work"/w$k-*.log | python3 -c "
import re, sys
wait = held = busy = 0.0
for line in sys.stdin:
    m = re.search(r\"waited ([0-9.]+) s for the grouping lock, held it ([0-9.]+) s, busy ([0-9.]+) s\", line)
    if m: wait += float(m[1]); held += float(m[2]); busy += float(m[3])
print(f\"lock waited {wait:.1f} s, held {held:.1f} s of {busy:.1f} s busy (summed over workers)\")")
        echo "$k worker(s): $articles articles in $(printf %.1f "$seconds") s, $(python3 -c "print(f\"{$articles / $seconds:.1f}\")") articles/s, B3 F1 $f1; $lock"
    done
'
