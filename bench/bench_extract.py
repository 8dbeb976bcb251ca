"""Figure-extraction throughput and memory, with quantulum3 as the peer reference.

    .venv/bin/python bench/bench_extract.py [--mb 5] [--peer-mb 0.25] [--json PATH]
        [--plain-share X] [--dense-share 0.85 | --no-dense]

Builds a deterministic news-like corpus (bench/corpus.py), then measures, each in a
fresh process pinned to one core so that ru_maxrss is that engine's own peak:

* factcheck: ``extract_claims(Document(id="bench", text=corpus))`` as one call over
  the whole corpus, the sentence splitter alone, and extract_claims again on the
  peer's prefix so both engines are also compared on identical text;
* quantulum3 (in .venv-bench, created on demand): ``parser.parse(sentence)`` over a
  prefix of the corpus (quantulum3 is slow), rate extrapolated to the full corpus;
* factcheck again on a figure-dense corpus of the same size and seed (--dense-share:
  0.85 of the sentences without a figure, against the corpus default 0.9), as a
  stress case, reported with its bytes per figure but not judged against the targets.

MB means 10**6 bytes of UTF-8 text; RSS is in MiB.  The script prints a table and
PASS/FAIL against the targets (>= 1 MB/s, >= 10x quantulum3, both judged on the main
corpus) but exits 0 whatever the numbers; it exits 1 only if an engine crashed.  It
writes nothing into the repo except the --json file, if asked (bench/out/ is
gitignored for that).
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
BENCH_VENV = ROOT / ".venv-bench"
PEER_REQUIREMENT = "quantulum3>=0.9"  # the [bench] extra in pyproject.toml
MB = 1_000_000
TARGET_MBPS = 1.0
TARGET_RATIO = 10.0
DENSE_SHARE = 0.85  # share of sentences without a figure in the stress corpus
WARMUP_TEXT = (
    "About 3,000 troops were deployed 35 km from the border on Jan. 6, Gen. Okafor said. "
    "The U.S. pledged $1.5 billion, up 8.4% on 2020."
)


# --- helpers shared by parent and child ------------------------------------------


def max_rss_mib() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024  # KiB on Linux


def vm_hwm_mib() -> float | None:
    """The kernel's per-process peak RSS (Linux), a cross-check on ru_maxrss."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
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


def nbytes(text: str) -> int:
    return len(text.encode("utf-8"))


def cut_prefix(corpus: str, max_bytes: int) -> str:
    """The longest run of whole lines from the start that fits in max_bytes."""
    raw = corpus.encode("utf-8")
    if len(raw) <= max_bytes:
        return corpus
    cut = raw.rfind(b"\n", 0, max_bytes)
    return raw[: cut + 1 if cut > 0 else max_bytes].decode("utf-8", errors="ignore")


# --- the corpus child -------------------------------------------------------------


def child_corpus(
    target_bytes: str, prefix_bytes: str, seed: str, plain_share: str, out_dir: str
) -> int:
    """Build the corpus in its own process and write corpus.txt, prefix.txt, meta.json.

    The parent never holds the text: Linux carries a process's peak RSS across
    fork and exec into ru_maxrss, so a parent holding 5 MB of text (and its copies)
    would inflate every engine child's measured peak.
    """
    sys.path.insert(0, str(BENCH))
    from corpus import PLAIN_SHARE, build_corpus

    share = PLAIN_SHARE if plain_share == "default" else float(plain_share)
    out = Path(out_dir)
    t0 = time.perf_counter()
    corpus = build_corpus(int(target_bytes), seed=int(seed), plain_share=share)
    build_s = time.perf_counter() - t0
    prefix = cut_prefix(corpus, int(prefix_bytes))
    (out / "corpus.txt").write_text(corpus, encoding="utf-8")
    (out / "prefix.txt").write_text(prefix, encoding="utf-8")
    meta = {
        "bytes": nbytes(corpus),
        "lines": corpus.count("\n"),
        "seed": int(seed),
        "plain_share": share,
        "sha256": hashlib.sha256(corpus.encode("utf-8")).hexdigest()[:16],
        "build_s": build_s,
        "peer_prefix_bytes": nbytes(prefix),
    }
    (out / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return 0


# --- the factcheck child ------------------------------------------------------------


def child_factcheck(corpus_path: str, prefix_path: str, result_path: str) -> int:
    """Run in a fresh interpreter: time factcheck and write a JSON result."""
    result: dict[str, Any] = {"engine": "factcheck", "cpu": pin_one_core()}
    result["rss_start_mib"] = max_rss_mib()
    corpus = Path(corpus_path).read_text(encoding="utf-8")
    prefix = Path(prefix_path).read_text(encoding="utf-8")
    result["rss_text_mib"] = max_rss_mib()

    def save() -> None:
        Path(result_path).write_text(json.dumps(result, indent=2), encoding="utf-8")

    if str(ROOT) not in sys.path:
        sys.path.append(str(ROOT))  # in case factcheck is not installed in this interpreter
    t0 = time.perf_counter()
    try:
        from factcheck import Document, extract_claims
    except Exception as exc:  # ImportError until the API lands, or a broken package
        result["error"] = f"cannot import factcheck.extract_claims: {type(exc).__name__}: {exc}"
        save()
        return 0
    result["import_s"] = time.perf_counter() - t0
    split_sentences: Any = None
    try:
        from factcheck.text import split_sentences
    except Exception as exc:
        result["split_error"] = f"cannot import factcheck.text.split_sentences: {exc}"
    result["rss_import_mib"] = max_rss_mib()

    try:
        t0 = time.perf_counter()
        warm = list(extract_claims(Document(id="warmup", text=WARMUP_TEXT)))
        result["warmup_s"] = time.perf_counter() - t0
        result["warmup_claims"] = len(warm)
        result["rss_warm_mib"] = max_rss_mib()

        if split_sentences is not None:
            t0 = time.perf_counter()
            sentences = list(split_sentences(corpus))
            result["split_s"] = time.perf_counter() - t0
            result["sentences"] = len(sentences)
            result["prefix_sentences"] = len(list(split_sentences(prefix)))
            del sentences
            result["rss_split_mib"] = max_rss_mib()

        t0 = time.perf_counter()
        claims = list(extract_claims(Document(id="bench", text=corpus)))
        result["seconds"] = time.perf_counter() - t0
        result["rss_peak_mib"] = max_rss_mib()
        result["vm_hwm_mib"] = vm_hwm_mib()
        result["claims"] = len(claims)
        kinds = collections.Counter(str(getattr(c, "kind", "?")) for c in claims)
        result["kinds"] = dict(kinds.most_common())
        del claims

        t0 = time.perf_counter()
        prefix_claims = list(extract_claims(Document(id="prefix", text=prefix)))
        result["prefix_seconds"] = time.perf_counter() - t0
        result["prefix_claims"] = len(prefix_claims)
    except Exception:
        result["crash"] = traceback.format_exc()
        save()
        return 1
    result["bytes"] = nbytes(corpus)
    result["prefix_bytes"] = nbytes(prefix)
    result["python"] = platform.python_version()
    save()
    return 0


# --- the parent ----------------------------------------------------------------------


def machine_info() -> dict[str, Any]:
    info: dict[str, Any] = {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "cpu_model": platform.processor() or None,
    }
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu_model"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                info["mem_gib"] = round(int(line.split()[1]) / 1024 / 1024, 1)
                break
    except OSError:
        pass
    return info


def run_child(cmd: list[str], result_path: Path, timeout: float) -> dict[str, Any]:
    """Run one engine in a fresh process; return its JSON result or an error record."""
    env = dict(os.environ, PYTHONHASHSEED="0", OMP_NUM_THREADS="1", PYTHONWARNINGS="ignore")
    try:
        proc = subprocess.run(
            cmd, capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT
        )
    except subprocess.TimeoutExpired:
        return {"crash": f"timed out after {timeout:.0f} s: {' '.join(cmd)}"}
    if result_path.exists():
        data: dict[str, Any] = json.loads(result_path.read_text(encoding="utf-8"))
        if proc.returncode and "crash" not in data:
            data["crash"] = proc.stderr[-4000:] or f"exit code {proc.returncode}"
        return data
    return {"crash": proc.stderr[-4000:] or f"exit code {proc.returncode}, no result written"}


def bench_python() -> Path:
    return BENCH_VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_bench_venv() -> tuple[Path | None, str]:
    """Return .venv-bench's python with quantulum3 importable, creating it if needed."""
    python = bench_python()

    def has_quantulum() -> bool:
        if not python.exists():
            return False
        probe = subprocess.run(
            [str(python), "-c", "import quantulum3"], capture_output=True, cwd=ROOT
        )
        return probe.returncode == 0

    if has_quantulum():
        return python, "existing"
    print(f"setting up {BENCH_VENV.name}: python -m venv, pip install {PEER_REQUIREMENT} ...")
    steps = [
        [sys.executable, "-m", "venv", str(BENCH_VENV)],
        [str(python), "-m", "pip", "install", "-q", PEER_REQUIREMENT],
    ]
    for step in steps:
        proc = subprocess.run(step, capture_output=True, text=True, cwd=ROOT)
        if proc.returncode:
            tail = (proc.stderr or proc.stdout).strip().splitlines()[-5:]
            return None, f"`{' '.join(step)}` failed: " + " | ".join(tail)
    if not has_quantulum():
        return None, "quantulum3 installed but does not import"
    return python, "created"


def sklearn_present(python: Path) -> bool:
    probe = subprocess.run(
        [
            str(python),
            "-c",
            "import importlib.util as u; print(u.find_spec('sklearn') is not None)",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return probe.stdout.strip() == "True"


def rate(nbytes_: float | None, seconds: float | None) -> float | None:
    if not nbytes_ or not seconds:
        return None
    return nbytes_ / MB / seconds


def per_s(count: float | None, seconds: float | None) -> float | None:
    if count is None or not seconds:
        return None
    return count / seconds


def fmt(value: float | int | None, spec: str = ",.2f") -> str:
    if value is None:
        return "-"
    return format(value, spec)


def print_table(rows: list[list[str]], header: list[str]) -> None:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def render(cells: list[str]) -> str:
        # the first two columns are labels (left), the rest numbers (right)
        return "  ".join(
            cell.ljust(widths[i]) if i < 2 else cell.rjust(widths[i])
            for i, cell in enumerate(cells)
        )

    print(render(header))
    print("-" * len(render(header)))
    for row in rows:
        print(render(row))


def verdict(ok: bool | None) -> str:
    return "n/a " if ok is None else ("PASS" if ok else "FAIL")


def per_figure(nbytes_: float | None, figures: float | None) -> float | None:
    """Bytes of text per figure found (the corpus's figure density, as the engine sees it)."""
    if not nbytes_ or not figures:
        return None
    return nbytes_ / figures


def build_corpus_in_child(
    out_dir: Path, args: argparse.Namespace, plain_share: float | None
) -> dict[str, Any]:
    """Build a corpus in a fresh process; corpus.txt, prefix.txt and meta.json go to out_dir."""
    out_dir.mkdir(parents=True, exist_ok=True)
    return run_child(
        [
            sys.executable,
            str(Path(__file__).resolve()),
            "--child-corpus",
            str(int(args.mb * MB)),
            str(int(args.peer_mb * MB)),
            str(args.seed),
            "default" if plain_share is None else repr(plain_share),
            str(out_dir),
        ],
        out_dir / "meta.json",
        timeout=600,
    )


def run_factcheck_child(corpus_dir: Path, result_path: Path) -> dict[str, Any]:
    return run_child(
        [
            sys.executable,
            str(Path(__file__).resolve()),
            "--child-factcheck",
            str(corpus_dir / "corpus.txt"),
            str(corpus_dir / "prefix.txt"),
            str(result_path),
        ],
        result_path,
        timeout=3600,
    )


def corpus_line(label: str, meta: dict[str, Any]) -> str:
    return (
        f"{label} {meta['bytes']:,} bytes, {meta['lines']:,} lines, seed {meta['seed']}, "
        f"plain share {meta['plain_share']:g}, sha256 {meta['sha256']}…, "
        f"built in {meta['build_s']:.2f} s"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description="factcheck extraction throughput and memory, with quantulum3 as the peer"
    )
    ap.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (default 5)")
    ap.add_argument(
        "--peer-mb",
        type=float,
        default=0.25,
        help="size of the corpus prefix quantulum3 parses, in MB (default 0.25)",
    )
    ap.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    ap.add_argument(
        "--plain-share",
        type=float,
        default=None,
        help="share of main-corpus sentences without a figure "
        "(default: corpus.PLAIN_SHARE, 0.9 — about 225 bytes per figure)",
    )
    ap.add_argument(
        "--dense-share",
        type=float,
        default=DENSE_SHARE,
        help=f"the same for the figure-dense stress corpus (default {DENSE_SHARE:g}, "
        "about 160 bytes per figure)",
    )
    ap.add_argument("--no-dense", action="store_true", help="skip the figure-dense corpus")
    ap.add_argument("--json", metavar="PATH", help="also save the results as JSON here")
    ap.add_argument("--no-peer", action="store_true", help="skip quantulum3")
    ap.add_argument("--child-factcheck", nargs=3, help=argparse.SUPPRESS)
    ap.add_argument("--child-corpus", nargs=5, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child_factcheck:
        return child_factcheck(*args.child_factcheck)
    if args.child_corpus:
        return child_corpus(*args.child_corpus)

    machine = machine_info()
    print("factcheck extraction benchmark")
    print(
        f"machine: Python {machine['python']} ({machine['implementation']}), "
        f"{machine['cpu_count']} CPUs ({machine['cpus_usable']} usable), "
        f"{machine.get('cpu_model') or 'unknown CPU'}, {machine.get('mem_gib', '?')} GiB RAM; "
        "each engine pinned to one core"
    )
    print(f"         {machine['platform']}")

    crashed = False
    results: dict[str, Any] = {"machine": machine}
    dense_meta: dict[str, Any] = {}
    dense: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp_name:
        tmp = Path(tmp_name)
        main_dir, dense_dir = tmp / "main", tmp / "dense"
        meta = build_corpus_in_child(main_dir, args, args.plain_share)
        if "crash" in meta:
            print("corpus generator CRASHED\n" + meta["crash"])
            return 1
        results["corpus"] = meta
        corpus_bytes, prefix_bytes = meta["bytes"], meta["peer_prefix_bytes"]
        print(corpus_line("corpus: ", meta) + f"; peer prefix {prefix_bytes:,} bytes")
        print()

        print("running factcheck (fresh process) ...", flush=True)
        fc = run_factcheck_child(main_dir, tmp / "factcheck.json")
        results["factcheck"] = fc

        peer: dict[str, Any] = {}
        if args.no_peer:
            peer = {"error": "skipped (--no-peer)"}
        else:
            python, how = ensure_bench_venv()
            if python is None:
                peer = {"error": f"quantulum3 unavailable: {how}"}
            else:
                if sklearn_present(python):
                    print(
                        f"warning: scikit-learn is installed in {BENCH_VENV.name}; "
                        "quantulum3 is known to crash with it — remove it if the run fails"
                    )
                print(
                    f"running quantulum3 on {prefix_bytes:,} bytes ({BENCH_VENV.name}, {how}, "
                    f"fresh process; ~0.03 MB/s, so about {prefix_bytes / MB / 0.03:.0f} s) ...",
                    flush=True,
                )
                peer_result = tmp / "quantulum3.json"
                peer = run_child(
                    [
                        str(python),
                        str(BENCH / "peer_quantulum.py"),
                        str(main_dir / "prefix.txt"),
                        "--result",
                        str(peer_result),
                    ],
                    peer_result,
                    timeout=120 + prefix_bytes / 5_000,
                )
        results["quantulum3"] = peer

        if args.no_dense:
            dense = {"error": "skipped (--no-dense)"}
        else:
            dense_meta = build_corpus_in_child(dense_dir, args, args.dense_share)
            results["dense_corpus"] = dense_meta
            if "crash" in dense_meta:
                dense = {"crash": "dense corpus generator crashed:\n" + dense_meta["crash"]}
            else:
                print(corpus_line("dense corpus:", dense_meta))
                print("running factcheck on the dense corpus (fresh process) ...", flush=True)
                dense = run_factcheck_child(dense_dir, tmp / "factcheck-dense.json")
        results["dense_factcheck"] = dense
    print()

    # --- report ---------------------------------------------------------------------
    header = [
        "engine",
        "text",
        "bytes",
        "seconds",
        "MB/s",
        "sentences/s",
        "figures",
        "B/figure",
        "import RSS MiB",
        "peak RSS MiB",
    ]
    rows: list[list[str]] = []
    fc_ok = "error" not in fc and "crash" not in fc
    fc_mbps = fc_prefix_mbps = fc_bpf = None
    if fc_ok:
        fc_mbps = rate(fc["bytes"], fc["seconds"])
        fc_prefix_mbps = rate(fc["prefix_bytes"], fc["prefix_seconds"])
        fc_bpf = per_figure(fc["bytes"], fc["claims"])
        rows.append(
            [
                "factcheck extract_claims",
                "full corpus",
                fmt(fc["bytes"], ","),
                fmt(fc["seconds"], ".3f"),
                fmt(fc_mbps),
                fmt(per_s(fc.get("sentences"), fc["seconds"]), ",.0f"),
                fmt(fc["claims"], ","),
                fmt(fc_bpf, ",.0f"),
                fmt(fc["rss_import_mib"], ".1f"),
                fmt(fc["rss_peak_mib"], ".1f"),
            ]
        )
        if "split_s" in fc:
            rows.append(
                [
                    "factcheck split_sentences",
                    "full corpus",
                    fmt(fc["bytes"], ","),
                    fmt(fc["split_s"], ".3f"),
                    fmt(rate(fc["bytes"], fc["split_s"])),
                    fmt(per_s(fc["sentences"], fc["split_s"]), ",.0f"),
                    "-",
                    "-",
                    fmt(fc["rss_import_mib"], ".1f"),
                    fmt(fc["rss_split_mib"], ".1f"),
                ]
            )
        rows.append(
            [
                "factcheck extract_claims",
                "peer prefix",
                fmt(fc["prefix_bytes"], ","),
                fmt(fc["prefix_seconds"], ".3f"),
                fmt(fc_prefix_mbps),
                fmt(per_s(fc.get("prefix_sentences"), fc["prefix_seconds"]), ",.0f"),
                fmt(fc["prefix_claims"], ","),
                fmt(per_figure(fc["prefix_bytes"], fc["prefix_claims"]), ",.0f"),
                "-",
                "-",
            ]
        )
    peer_ok = "error" not in peer and "crash" not in peer
    peer_mbps = None
    if peer_ok:
        peer_mbps = rate(peer["bytes"], peer["seconds"])
        rows.append(
            [
                f"quantulum3 {peer.get('version', '')} parse",
                "peer prefix",
                fmt(peer["bytes"], ","),
                fmt(peer["seconds"], ".3f"),
                fmt(peer_mbps, ",.4f"),
                fmt(per_s(peer["sentences"], peer["seconds"]), ",.0f"),
                fmt(peer["figures"], ","),
                fmt(per_figure(peer["bytes"], peer["figures"]), ",.0f"),
                fmt(peer["rss_import_mib"], ".1f"),
                fmt(peer["rss_peak_mib"], ".1f"),
            ]
        )
    dense_ok = "error" not in dense and "crash" not in dense
    dense_mbps = dense_bpf = None
    if dense_ok:
        dense_mbps = rate(dense["bytes"], dense["seconds"])
        dense_bpf = per_figure(dense["bytes"], dense["claims"])
        rows.append(
            [
                "factcheck extract_claims",
                "dense corpus",
                fmt(dense["bytes"], ","),
                fmt(dense["seconds"], ".3f"),
                fmt(dense_mbps),
                fmt(per_s(dense.get("sentences"), dense["seconds"]), ",.0f"),
                fmt(dense["claims"], ","),
                fmt(dense_bpf, ",.0f"),
                fmt(dense["rss_import_mib"], ".1f"),
                fmt(dense["rss_peak_mib"], ".1f"),
            ]
        )
    if rows:
        print_table(rows, header)
        print("(B/figure = bytes of text / figures that engine found)")
        print()

    if fc_ok:
        print(
            f"factcheck: import {fc['import_s']:.2f} s, first call (warm-up, excluded) "
            f"{fc['warmup_s']:.3f} s; RSS start {fc['rss_start_mib']:.1f} MiB, with text "
            f"{fc['rss_text_mib']:.1f}, after import {fc['rss_import_mib']:.1f}, after warm-up "
            f"{fc['rss_warm_mib']:.1f}, peak {fc['rss_peak_mib']:.1f} MiB "
            f"(VmHWM {fmt(fc.get('vm_hwm_mib'), '.1f')}) "
            f"(peak − import = {fc['rss_peak_mib'] - fc['rss_import_mib']:.1f} MiB); "
            f"{fmt(fc.get('sentences'), ',')} sentences; "
            f"claims/s {fmt(per_s(fc['claims'], fc['seconds']), ',.0f')}"
        )
        if fc.get("kinds"):
            kinds = ", ".join(f"{k} {v:,}" for k, v in fc["kinds"].items())
            print(f"           claims by kind: {kinds}")
        if "split_error" in fc:
            print(f"           sentence splitter skipped: {fc['split_error']}")
    elif "error" in fc:
        print(f"factcheck: SKIPPED — {fc['error']}")
        print("           (the factcheck half runs once factcheck.extract_claims exists)")
    else:
        crashed = True
        print("factcheck: CRASHED\n" + fc["crash"])

    if peer_ok:
        full_s = corpus_bytes / MB / peer_mbps if peer_mbps else None
        print(
            f"quantulum3: import {peer['import_s']:.2f} s, first parse (warm-up, excluded) "
            f"{peer['warmup_s']:.2f} s; {peer['sentences']:,} sentences, "
            f"{peer['errors']} raised; RSS after import {peer['rss_import_mib']:.1f} MiB, "
            f"after warm-up {peer['rss_warm_mib']:.1f}, peak {peer['rss_peak_mib']:.1f} MiB "
            f"(VmHWM {fmt(peer.get('vm_hwm_mib'), '.1f')}); "
            f"extrapolated to the full corpus: {fmt(full_s, ',.0f')} s"
        )
        ents = ", ".join(f"{k} {v:,}" for k, v in peer.get("entities", {}).items())
        print(f"            figures by entity: {ents}")
    elif "error" in peer:
        print(f"quantulum3: SKIPPED — {peer['error']}")
    else:
        crashed = True
        print("quantulum3: CRASHED\n" + peer["crash"])

    if dense_ok:
        if dense.get("kinds"):
            kinds = ", ".join(f"{k} {v:,}" for k, v in dense["kinds"].items())
            print(f"dense corpus: claims by kind: {kinds}")
    elif "error" in dense:
        print(f"dense corpus: SKIPPED — {dense['error']}")
    else:
        crashed = True
        print("dense corpus: CRASHED\n" + dense["crash"])
    print()

    ratio = fc_mbps / peer_mbps if fc_mbps and peer_mbps else None
    ratio_prefix = fc_prefix_mbps / peer_mbps if fc_prefix_mbps and peer_mbps else None
    speed_ok = fc_mbps >= TARGET_MBPS if fc_mbps is not None else None
    ratio_ok = ratio >= TARGET_RATIO if ratio is not None else None
    print(
        f"ratio factcheck / quantulum3: {fmt(ratio, ',.1f')}x "
        f"(on the same {prefix_bytes:,}-byte prefix: {fmt(ratio_prefix, ',.1f')}x)"
    )
    print(
        f"[{verdict(speed_ok)}] factcheck >= {TARGET_MBPS:g} MB/s on one core: {fmt(fc_mbps)} MB/s"
        f" (main corpus, ≈{fmt(fc_bpf, ',.0f')} B/figure)"
    )
    print(f"[{verdict(ratio_ok)}] factcheck >= {TARGET_RATIO:g}x quantulum3: {fmt(ratio, ',.1f')}x")
    if not args.no_dense:
        print(
            f"figure-dense stress corpus (≈{fmt(dense_bpf, ',.0f')} B/figure): "
            f"{fmt(dense_mbps)} MB/s (plain share {args.dense_share:g}; informational, "
            "no target)"
        )
    results["summary"] = {
        "factcheck_mb_per_s": fc_mbps,
        "factcheck_prefix_mb_per_s": fc_prefix_mbps,
        "quantulum3_mb_per_s": peer_mbps,
        "ratio": ratio,
        "ratio_same_prefix": ratio_prefix,
        "target_mb_per_s": TARGET_MBPS,
        "target_ratio": TARGET_RATIO,
        "speed_pass": speed_ok,
        "ratio_pass": ratio_ok,
        "plain_share": meta["plain_share"],
        "bytes_per_figure": fc_bpf,
        "dense_plain_share": None if args.no_dense else args.dense_share,
        "dense_mb_per_s": dense_mbps,
        "dense_bytes_per_figure": dense_bpf,
    }

    if args.json:
        out = Path(args.json)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
        print(f"results saved to {out}")
    return 1 if crashed else 0


if __name__ == "__main__":
    raise SystemExit(main())
