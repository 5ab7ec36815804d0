"""Compares the Swift MiniLM encoder (Benchmarks' minilm-check output, JSON lines of ids and vector on stdin) with the
numpy forward pass of distill-embeddings.py over the same token ids; prints the worst cosine and exits 1 below 0.9999.

  minilm-check < sentences.txt | .build/embeddings/venv/bin/python scripts/check-minilm.py .build/minilm
"""
import importlib.util
import json
import os
import sys

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("distill", os.path.join(here, "distill-embeddings.py"))
distill = importlib.util.module_from_spec(spec)
spec.loader.exec_module(distill)

model_dir = sys.argv[1] if len(sys.argv) > 1 else ".build/minilm"
with open(os.path.join(model_dir, "config.json"), encoding="utf-8") as f:
    config = json.load(f)
bert = distill.Bert(distill.read_safetensors(os.path.join(model_dir, "model.safetensors")), config)
worst = 1.0
count = 0
for line in sys.stdin:
    row = json.loads(line)
    hidden = bert(np.array([row["ids"]], dtype=np.int64))[0]
    reference = hidden.mean(axis=0)
    reference /= np.linalg.norm(reference)
    cosine = float(np.dot(reference, np.array(row["vector"], dtype=np.float32)))
    worst = min(worst, cosine)
    count += 1
print(f"{count} sentences, worst cosine with the numpy reference {worst:.6f}")
sys.exit(0 if count > 0 and worst >= 0.9999 else 1)
