"""Peer runs for `make bench-clustering` (measurement only, never a dependency of Triangulate).

  peer-clustering.py sklearn FILE.jsonl     TF-IDF + agglomerative clustering (average linkage, cosine distance,
                                            threshold 0.8): prints {"id", "story"} lines
  peer-clustering.py datasketch FILE.jsonl  MinHash (64 permutations, word 4-shingles) + MinHashLSH (threshold 0.5),
                                            each article queried then inserted: prints {"copy", "source"} lines
"""
import json
import re
import sys

WORD = re.compile(r"\w+")


def read(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        row = json.loads(line)
        rows.append((row["id"], (row.get("title") or "") + "\n" + row["text"]))
    return rows


def sklearn_run(rows):
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform([text for _, text in rows])
    labels = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=0.8
    ).fit_predict(matrix.toarray())
    for (article, _), label in zip(rows, labels):
        print(json.dumps({"id": article, "story": int(label)}))


def datasketch_run(rows):
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=0.5, num_perm=64)
    for article, text in rows:
        words = WORD.findall(text.lower())
        signature = MinHash(num_perm=64)
        for index in range(max(0, len(words) - 3)):
            signature.update(" ".join(words[index:index + 4]).encode("utf-8"))
        for source in lsh.query(signature):
            print(json.dumps({"copy": article, "source": source}))
        lsh.insert(article, signature)


if __name__ == "__main__":
    mode, path = sys.argv[1], sys.argv[2]
    {"sklearn": sklearn_run, "datasketch": datasketch_run}[mode](read(path))
