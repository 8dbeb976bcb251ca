"""Peer benchmark: quantulum3 over a text file, sentence by sentence.

Runs inside .venv-bench (quantulum3 without scikit-learn), not in factcheck's venv,
so it must not import factcheck or the bench helpers.  bench_extract.py starts it
in a fresh process and reads the JSON it writes:

    .venv-bench/bin/python bench/peer_quantulum.py CORPUS.txt --result OUT.json

The first parse() call loads quantulum3's unit tables (a few seconds); it is timed
separately on a fixed sentence and left out of the rate.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import platform
import re
import resource
import sys
import time
import warnings

# One sentence per piece: split at . ! ? followed by space and a capital or quote,
# then glue back pieces that ended on a common abbreviation ("Mr.", "U.S.", "Jan.").
_SPLIT = re.compile(r"(?<=[.!?])[\"”']?\s+(?=[\"“A-Z0-9$€£])")
_ABBREV = re.compile(
    r"(?:\b(?i:Mr|Mrs|Ms|Dr|Gen|Sen|Gov|Rep|Prof|Capt|Lt|Col|Sgt|Rev|Adm|Insp|St|Ft|Mt|Co|Corp"
    r"|Inc|Ltd|Jan|Feb|Aug|Sept|Oct|Nov|Dec|Fla|No|vs)|\b[A-Z](?:\.[A-Z])*)\.$"
)


def split_sentences(text: str) -> list[str]:
    sentences: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        pending = ""
        for piece in _SPLIT.split(line):
            pending = f"{pending} {piece}" if pending else piece
            if not _ABBREV.search(pending):
                sentences.append(pending)
                pending = ""
        if pending:
            sentences.append(pending)
    return sentences


def max_rss_mib() -> float:
    # ru_maxrss is KiB on Linux (bytes on macOS)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def vm_hwm_mib() -> float | None:
    """The kernel's per-process peak RSS (Linux), a cross-check on ru_maxrss."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def pin_one_core() -> int | None:
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return cpu
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="quantulum3 throughput on a text file")
    ap.add_argument("corpus", help="UTF-8 text file")
    ap.add_argument("--result", required=True, help="write the JSON result here")
    args = ap.parse_args(argv)

    cpu = pin_one_core()
    rss_start = max_rss_mib()
    with open(args.corpus, encoding="utf-8") as fh:
        text = fh.read()
    sentences = split_sentences(text)

    warnings.simplefilter("ignore")  # "classifier dependencies not installed" is expected
    t0 = time.perf_counter()
    from quantulum3 import parser  # timed on purpose

    import_s = time.perf_counter() - t0
    rss_import = max_rss_mib()

    t0 = time.perf_counter()
    parser.parse("About 3,000 troops were deployed 35 km away on Jan. 6 at a cost of $1.5bn.")
    warmup_s = time.perf_counter() - t0
    rss_warm = max_rss_mib()

    figures = 0
    errors = 0
    entities: collections.Counter[str] = collections.Counter()
    t0 = time.perf_counter()
    for sentence in sentences:
        try:
            found = parser.parse(sentence)
        except Exception:  # a peer's crash on one sentence should not end the run
            errors += 1
            continue
        figures += len(found)
        for quantity in found:
            entities[quantity.unit.entity.name] += 1
    seconds = time.perf_counter() - t0

    version = "unknown"
    try:
        from importlib.metadata import version as dist_version

        version = dist_version("quantulum3")
    except Exception:
        pass

    result = {
        "engine": "quantulum3",
        "version": version,
        "python": platform.python_version(),
        "cpu": cpu,
        "bytes": len(text.encode("utf-8")),
        "sentences": len(sentences),
        "seconds": seconds,
        "import_s": import_s,
        "warmup_s": warmup_s,
        "figures": figures,
        "errors": errors,
        "entities": dict(entities.most_common(12)),
        "rss_start_mib": rss_start,
        "rss_import_mib": rss_import,
        "rss_warm_mib": rss_warm,
        "rss_peak_mib": max_rss_mib(),
        "vm_hwm_mib": vm_hwm_mib(),
    }
    with open(args.result, "w", encoding="utf-8") as fh:
        json.dump(result, fh, indent=2)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
