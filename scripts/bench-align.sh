#!/usr/bin/env bash
# `triangulate align` throughput on one core: every ECB+ gold sentence pair (../shared/bench/alignment) as a JSON line
# {"a", "b"}, decided by the release binary pinned to core 0. Prints pairs, seconds and pairs/s, and the share of the
# gold pairs (all same-event-instance pairs) the pairwise decision aligns.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${TRIANGULATE_SHARED:-../shared}
pairs=.build/bench/align-pairs.jsonl
mkdir -p .build/bench
python3 - "$shared" "$pairs" <<'PY'
import json, sys
shared, out = sys.argv[1], sys.argv[2]
lines = {}
for row in open(shared + "/bench/clustering/ecbplus.jsonl"):
    doc = json.loads(row)
    lines[doc["id"]] = doc["text"].split("\n")
with open(out, "w") as handle:
    for row in open(shared + "/bench/alignment/ecbplus-sentence-pairs.jsonl"):
        pair = json.loads(row)
        a = lines[pair["a"]["doc"]][pair["a"]["line"]]
        b = lines[pair["b"]["doc"]][pair["b"]["line"]]
        handle.write(json.dumps({"a": a, "b": b}) + "\n")
PY
swift build -c release --product triangulate >&2
start=$(date +%s.%N)
taskset -c 0 ./.build/release/triangulate align --input "$pairs" --output .build/bench/align-out.jsonl --quiet
end=$(date +%s.%N)
python3 - "$pairs" .build/bench/align-out.jsonl "$start" "$end" <<'PY'
import json, sys
count = sum(1 for _ in open(sys.argv[1]))
aligned = sum(1 for row in open(sys.argv[2]) if json.loads(row).get("aligned"))
seconds = float(sys.argv[4]) - float(sys.argv[3])
print(f"triangulate align: {count} pairs in {seconds:.2f} s on one core = {count / seconds:.0f} pairs/s; "
      f"aligned {aligned} ({aligned / count:.3f} of the gold pairs)")
PY
