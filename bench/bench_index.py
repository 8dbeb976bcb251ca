"""Index throughput and search latency of the workspace store (factcheck/store.py).

    .venv/bin/python bench/bench_index.py [--docs 10000] [--seed 7] [--queries 50]

Writes --docs news-like documents of about 1 KB each (bench/corpus.py's generator, seeded,
so every run writes the same text) into `sources/` of a temporary workspace, then measures:

* sync: the first `Store.sync()` (every file read, hashed, parsed, extracted and inserted),
  as MB/s (10**6 bytes of source files) and documents/s, with peak RSS (ru_maxrss);
* resync: a second `sync()` with nothing changed (every file read and hashed again);
* open: `Store.open()` of the full index (includes `PRAGMA quick_check`);
* search: --queries calls of `store.search(words, limit=200)`, each query a consecutive run
  of the content words (stop words aside) of one 1,000-word article from the same
  generator, as p50/p95/max milliseconds on a warm cache.

The generated corpus has a small templated vocabulary, so every query word matches
thousands of sentences: a worst case for bm25 ranking. Nothing is written into the repo.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(ROOT), str(BENCH)]

import corpus  # noqa: E402  (bench/corpus.py, found through the path set above)

from factcheck.lexicon import STOP_WORDS  # noqa: E402
from factcheck.store import Store  # noqa: E402
from factcheck.workspace import verify_article  # noqa: E402

MB = 1_000_000
DOC_BYTES = 1_000  # a document grows paragraph by paragraph until it reaches this size
ARTICLE_WORDS = 1_000
WORD = re.compile(r"[^\W\d_][\w'’-]*")


def max_rss_mib() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024  # KiB on Linux


def document(rng: random.Random, number: int) -> str:
    """About 1 KB of news: front matter, a headline, then paragraphs."""
    date = f"20{rng.randint(10, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    parts = [corpus.headline(rng)]
    size = len(parts[0])
    while size < DOC_BYTES:
        parts.append(corpus.paragraph(rng))
        size += len(parts[-1]) + 2
    body = "\n\n".join(parts)
    return f"---\nid: doc-{number:06d}\ndate: {date}\npublisher: Bench Wire\n---\n{body}\n"


def write_library(workspace: Path, count: int, seed: int) -> int:
    """Write the documents (1,000 per folder) and return their size in bytes."""
    rng = random.Random(seed)
    total = 0
    for number in range(count):
        folder = workspace / "sources" / f"{number // 1000:03d}"
        if number % 1000 == 0:
            folder.mkdir(parents=True, exist_ok=True)
        data = document(rng, number).encode("utf-8")
        (folder / f"doc-{number:06d}.md").write_bytes(data)
        total += len(data)
    return total


def queries(seed: int, count: int) -> list[list[str]]:
    """Split the content words of a 1,000-word article into `count` consecutive queries."""
    rng = random.Random(seed + 1)
    words: list[str] = []
    while len(words) < ARTICLE_WORDS:
        words.extend(corpus.paragraph(rng).split())
    text = " ".join(words[:ARTICLE_WORDS])
    content = [
        word for word in WORD.findall(text) if len(word) >= 3 and word.lower() not in STOP_WORDS
    ]
    size = max(1, len(content) // count)
    return [content[i * size : (i + 1) * size] for i in range(count)]


def verify_latency(workspace: Path, seed: int, repeats: int = 3) -> tuple[list[float], int]:
    """Time `verify` of a 1,000-word article against the indexed library (index warm)."""
    rng = random.Random(seed + 2)
    words: list[str] = []
    paragraphs: list[str] = []
    while len(words) < ARTICLE_WORDS:
        paragraph = corpus.paragraph(rng)
        paragraphs.append(paragraph)
        words.extend(paragraph.split())
    article = workspace / "article.md"
    article.write_text("---\nid: bench-article\n---\n" + "\n\n".join(paragraphs) + "\n")
    times: list[float] = []
    claims = 0
    for _ in range(repeats):
        started = time.perf_counter()
        report = verify_article(str(article), None, workspace=workspace, save=False)
        times.append(time.perf_counter() - started)
        claims = len(report.claims)
    return times, claims


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--docs", type=int, default=10_000, help="documents to index")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--limit", type=int, default=200, help="claims per search")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="factcheck-bench-index-") as folder:
        workspace = Path(folder)
        started = time.perf_counter()
        size = write_library(workspace, args.docs, args.seed)
        generated = time.perf_counter() - started
        rss_before = max_rss_mib()
        print(
            f"{args.docs:,} documents, {size / MB:.1f} MB ({size / args.docs:,.0f} B/doc),"
            f" written in {generated:.1f} s to {workspace}",
            file=sys.stderr,
        )

        with Store.open(workspace) as store:
            started = time.perf_counter()
            result = store.sync()
            sync_seconds = time.perf_counter() - started
            rss_sync = max_rss_mib()
            started = time.perf_counter()
            again = store.sync()
            resync_seconds = time.perf_counter() - started
            index_path = store.path
        assert result.added == args.docs and not result.skipped, result
        assert again.unchanged == args.docs, again

        started = time.perf_counter()
        store = Store.open(workspace)
        open_seconds = time.perf_counter() - started
        with store:
            counts = store._db.execute(
                "SELECT (SELECT count(*) FROM sentences), (SELECT count(*) FROM claims)"
            ).fetchone()
            runs = queries(args.seed, args.queries)
            store.search(runs[0], limit=args.limit)  # warm the cache
            times: list[float] = []
            found: list[int] = []
            for words in runs:
                started = time.perf_counter()
                claims = store.search(words, limit=args.limit)
                times.append((time.perf_counter() - started) * 1000)
                found.append(len(claims))
        on_disk = sum(path.stat().st_size for path in index_path.parent.glob(index_path.name + "*"))
        verify_times, verified_claims = verify_latency(workspace, args.seed)

    sentences, claims_count = counts
    docs_per_second = args.docs / sync_seconds
    words_per_query = statistics.mean(len(words) for words in runs)
    rows = [
        ("documents", f"{args.docs:,}"),
        ("source bytes", f"{size / MB:.1f} MB"),
        ("sentences / claims", f"{sentences:,} / {claims_count:,}"),
        ("sync (all new)", f"{sync_seconds:.1f} s"),
        ("  throughput", f"{size / MB / sync_seconds:.2f} MB/s, {docs_per_second:,.0f} docs/s"),
        ("  peak RSS", f"{rss_sync:.0f} MiB (before sync {rss_before:.0f} MiB)"),
        ("resync (unchanged)", f"{resync_seconds:.2f} s"),
        ("open (quick_check)", f"{open_seconds * 1000:.0f} ms"),
        ("index on disk", f"{on_disk / MB:.1f} MB"),
        (
            f"search x{len(runs)}",
            f"{words_per_query:.1f} words/query, limit {args.limit},"
            f" {statistics.mean(found):.0f} claims/query",
        ),
        (
            "  p50 / p95 / max",
            f"{percentile(times, 0.5):.1f} / {percentile(times, 0.95):.1f} / {max(times):.1f} ms",
        ),
        (
            "verify 1,000-word article",
            f"{verified_claims} claims; warm index: median {statistics.median(verify_times):.2f} s,"
            f" max {max(verify_times):.2f} s (incl. the sync check)",
        ),
        ("peak RSS (end)", f"{max_rss_mib():.0f} MiB"),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
