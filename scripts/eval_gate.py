"""Quality gate: run the shared scorers and fail when a score falls below its pinned floor.

Floors live in tests/eval/baseline.json. When a score improves, raise its floor in the same
commit (`--update` writes the current scores as the new floors; it never lowers one).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "tests" / "eval" / "baseline.json"
FIGURE_METRICS = {
    "detection F1": "figures.detection_f1",
    "value accuracy (low, high, qualifier)": "figures.value_accuracy",
    "kind accuracy": "figures.kind_accuracy",
    "unit accuracy": "figures.unit_accuracy",
    "predicate accuracy": "figures.predicate_accuracy",
}


def _run(arguments: list[str]) -> str:
    """Run a Python script, echo its output and return it; stop on failure."""
    proc = subprocess.run([sys.executable, *arguments], capture_output=True, text=True, check=False)
    sys.stdout.write(proc.stdout)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"{Path(arguments[0]).name} exited {proc.returncode}")
    return proc.stdout


OWN_SET = ROOT / "tests" / "data" / "figures-own.jsonl"


def run_figures(
    shared: Path, factcheck: str, gold: Path | None = None, prefix: str = "figures"
) -> dict[str, float]:
    """Score figure extraction on a labelled set (the shared development set by default)."""
    script = shared / "eval" / "score_figures.py"
    gold = gold or shared / "eval" / "figures-dev.jsonl"
    output = _run([str(script), str(gold), "--factcheck", factcheck])
    scores: dict[str, float] = {}
    for label, key in FIGURE_METRICS.items():
        match = re.search(re.escape(label) + r"\s+([0-9.]+)", output)
        if match is None:
            raise SystemExit(f"score_figures.py printed no '{label}'")
        scores[key.replace("figures.", f"{prefix}.")] = float(match.group(1))
    return scores


def run_peers(shared: Path) -> dict[str, float]:
    """Peer projects' number-word cases through our reader (scripts/eval_peers.py)."""
    output = _run([str(ROOT / "scripts" / "eval_peers.py"), "--shared", str(shared)])
    scores: dict[str, float] = {}
    for label, key in (("cardinal", "peers.cardinal"), ("in-sentence", "peers.in_sentence")):
        match = re.search(rf"peers {label}\s+\d+/\d+ pass rate ([0-9.]+)", output)
        if match is None:
            raise SystemExit(f"eval_peers.py printed no '{label}' pass rate")
        scores[key] = float(match.group(1))
    return scores


def run_disputes(shared: Path, factcheck: str) -> dict[str, float]:
    """Cross-source links and disputed pairs on the shared disputes set."""
    output = _run(
        [
            str(shared / "eval" / "score_disputes.py"),
            str(shared / "eval" / "disputes"),
            "--factcheck",
            factcheck,
        ]
    )
    links = re.search(r"links:.*precision ([0-9.]+)\s+recall ([0-9.]+)", output)
    disputed = re.search(r"disputed:.*precision ([0-9.]+)\s+recall ([0-9.]+)", output)
    not_same = re.search(r"not_same\) (\d+)", output)
    if not (links and disputed and not_same):
        raise SystemExit("score_disputes.py printed no link or dispute scores")
    return {
        "disputes.links_precision": float(links.group(1)),
        "disputes.links_recall": float(links.group(2)),
        "disputes.disputed_precision": float(disputed.group(1)),
        "disputes.disputed_recall": float(disputed.group(2)),
        # a floor on minus the count: any new link between look-alike measures fails the gate
        "disputes.minus_not_same_links": -float(not_same.group(1)),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--factcheck", default=str(ROOT / ".venv" / "bin" / "factcheck"))
    parser.add_argument("--update", action="store_true", help="raise floors to the current scores")
    args = parser.parse_args()
    if not (args.shared / "eval").is_dir():
        raise SystemExit(f"{args.shared}/eval not found: pass --shared PATH")
    scores = run_figures(args.shared, args.factcheck)
    # our own held-out set, written from scratch: a check that rules generalise
    scores.update(run_figures(args.shared, args.factcheck, OWN_SET, prefix="own"))
    scores.update(run_peers(args.shared))
    scores.update(run_disputes(args.shared, args.factcheck))
    floors: dict[str, float] = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    failed = [
        f"{key}: {scores[key]:.3f} < floor {floor:.3f}"
        for key, floor in floors.items()
        if scores.get(key, 0.0) < floor
    ]
    raised = {key: value for key, value in scores.items() if value > floors.get(key, -1.0)}
    print()
    for key, value in sorted(scores.items()):
        floor = floors.get(key)
        mark = "" if floor is None else f"  (floor {floor:.3f})"
        print(f"{key:32} {value:.3f}{mark}")
    if failed:
        print("\nquality gate FAILED:\n  " + "\n  ".join(failed))
        return 1
    if raised and args.update:
        floors.update(raised)
        BASELINE.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n")
        print(f"\nraised floors: {', '.join(sorted(raised))}")
    elif raised:
        print(
            f"\nscores above their floors ({', '.join(sorted(raised))}): "
            "run `make eval-update` and commit"
        )
    print("quality gate passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
