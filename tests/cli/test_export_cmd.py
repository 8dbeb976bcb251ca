"""The `factcheck export` command, run in-process through typer's CliRunner."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

import factcheck.cli.export  # noqa: F401  (registers the command before cli/__init__ does)
from factcheck import Document, verify
from factcheck.cli import app
from factcheck.ledger import EXPORT_COLUMNS
from factcheck.model import Report
from factcheck.workspace import save_report

ARTICLE = (
    "Officials said 208 protesters were killed in the capital. "
    "The city spent £800,000 on repairs.\n"
)
SECOND = "Police arrested 9,900 people, officials said.\n"
MINISTRY = "The ministry said 208 protesters were killed in the capital.\n"
DOCTORS = "Doctors said 225 protesters were killed in the capital.\n"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
ENV = {"COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"}


def make_runner() -> CliRunner:
    """A runner that keeps stderr apart where the installed typer/click allows it."""
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:  # newer click: stderr is always captured separately
        return CliRunner()


def invoke(*args: str | Path) -> Result:
    return make_runner().invoke(app, [str(arg) for arg in args], env=ENV)


def stdout_of(result: Result) -> str:
    return ANSI.sub("", result.stdout)


def stderr_of(result: Result) -> str:
    try:
        text = result.stderr
    except (ValueError, AttributeError):  # old click with mixed streams
        text = result.output
    return ANSI.sub("", text)


def no_traceback(result: Result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in stdout_of(result) + stderr_of(result)


def make_report(article_id: str, text: str) -> Report:
    sources = [Document(id="ministry", text=MINISTRY), Document(id="doctors", text=DOCTORS)]
    return verify(Document(id=article_id, text=text), sources)


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    """A workspace (the test's own, via FACTCHECK_WORKSPACE) with two saved reports."""
    save_report(make_report("police", SECOND), tmp_path)
    save_report(make_report("capital", ARTICLE), tmp_path)
    return tmp_path


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_default_path_is_the_ledger_csv(ledger: Path) -> None:
    result = invoke("export")
    assert result.exit_code == 0, stderr_of(result)
    target = ledger / "claims" / "claims.csv"
    text = target.read_text(encoding="utf-8")
    assert text.splitlines()[0] == ",".join(EXPORT_COLUMNS)
    rows = read_csv(text)
    assert [(row["article"], row["text"]) for row in rows] == [
        ("capital", "208"),
        ("capital", "£800,000"),
        ("police", "9,900"),
    ]
    killed = rows[0]
    assert killed["verdict"] == "disputed"
    assert killed["evidence_count"] == "2"
    assert killed["best_source"] == "doctors" and killed["best_source_figure"] == "225"
    assert rows[1]["best_source"] == "" and rows[1]["evidence_count"] == "0"
    assert stdout_of(result) == ""
    assert f"3 claims from 2 articles → {target}" in stderr_of(result)
    assert not list((ledger / "claims").glob(".*"))  # no temporary file left behind
    # the export is not read back as a report
    again = invoke("export")
    assert again.exit_code == 0, stderr_of(again)
    assert target.read_text(encoding="utf-8") == text
    no_traceback(result)


def test_json_export(ledger: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "all.json"
    target.parent.mkdir()
    result = invoke("export", target)
    assert result.exit_code == 0, stderr_of(result)
    rows: list[dict[str, Any]] = json.loads(target.read_text(encoding="utf-8"))
    assert [row["text"] for row in rows] == ["208", "£800,000", "9,900"]
    assert set(rows[0]) == set(EXPORT_COLUMNS)
    assert rows[0]["low"] == 208 and rows[2]["low"] == 9900
    assert rows[1]["best_source"] is None
    assert "3 claims from 2 articles" in stderr_of(result)


def test_jsonl_export_with_sorted_keys(ledger: Path, tmp_path: Path) -> None:
    target = tmp_path / "all.jsonl"
    result = invoke("export", target, "--workspace", ledger)
    assert result.exit_code == 0, stderr_of(result)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    for line in lines:
        row = json.loads(line)
        assert list(row) == sorted(EXPORT_COLUMNS)
    assert json.loads(lines[2])["article"] == "police"


def test_json_export_into_the_ledger_is_not_read_as_a_report(ledger: Path) -> None:
    first = invoke("export", ledger / "claims" / "claims.json")
    assert first.exit_code == 0, stderr_of(first)
    second = invoke("export", "-", "--format", "json")
    assert second.exit_code == 0, stderr_of(second)
    assert len(json.loads(stdout_of(second))) == 3


def test_format_option_overrides_the_suffix(ledger: Path, tmp_path: Path) -> None:
    target = tmp_path / "rows.csv"
    result = invoke("export", target, "--format", "jsonl")
    assert result.exit_code == 0, stderr_of(result)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["text"] for line in lines] == ["208", "£800,000", "9,900"]
    odd = tmp_path / "rows.txt"
    result = invoke("export", odd, "-f", "json")
    assert result.exit_code == 0, stderr_of(result)
    assert len(json.loads(odd.read_text(encoding="utf-8"))) == 3


def test_unknown_suffix_is_a_one_line_error(ledger: Path, tmp_path: Path) -> None:
    result = invoke("export", tmp_path / "rows.txt")
    assert result.exit_code == 2
    message = stderr_of(result).strip()
    assert message.startswith("error:") and "--format" in message
    assert len(message.splitlines()) == 1
    assert not (tmp_path / "rows.txt").exists()
    no_traceback(result)


def test_stdout(ledger: Path) -> None:
    result = invoke("export", "-")
    assert result.exit_code == 0, stderr_of(result)
    rows = read_csv(stdout_of(result))
    assert len(rows) == 3
    assert "→ standard output" in stderr_of(result)
    assert not (ledger / "claims" / "claims.csv").exists()
    result = invoke("export", "-", "--format", "jsonl")
    assert result.exit_code == 0, stderr_of(result)
    assert len(stdout_of(result).splitlines()) == 3


def test_csv_defuses_formulas(ledger: Path) -> None:
    path = ledger / "claims" / "police.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["claims"][0]["claim"] = '=HYPERLINK("http://evil.example","click")'
    data["claims"][0]["explanation"] = "+1 source agrees"
    data["claims"][0]["unit"] = "-people"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = invoke("export", "-")
    assert result.exit_code == 0, stderr_of(result)
    [row] = [row for row in read_csv(stdout_of(result)) if row["article"] == "police"]
    assert row["claim"] == '\'=HYPERLINK("http://evil.example","click")'
    assert row["explanation"] == "'+1 source agrees"
    assert row["unit"] == "'-people"
    as_json = invoke("export", "-", "--format", "json")
    [raw] = [item for item in json.loads(stdout_of(as_json)) if item["article"] == "police"]
    assert raw["claim"].startswith("=HYPERLINK")  # JSON keeps the text as it is


def test_malformed_ledger_file_is_a_one_line_error(ledger: Path, tmp_path: Path) -> None:
    broken = ledger / "claims" / "broken.json"
    broken.write_text('{"article": "broken", "claims": [', encoding="utf-8")
    result = invoke("export", tmp_path / "out.csv")
    assert result.exit_code == 2
    message = stderr_of(result).strip()
    assert len(message.splitlines()) == 1
    assert "broken.json" in message and "invalid JSON" in message
    assert not (tmp_path / "out.csv").exists()
    no_traceback(result)


def test_invalid_report_names_the_field(ledger: Path) -> None:
    path = ledger / "claims" / "capital.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["claims"][1]["verdict"] = "probably"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = invoke("export", "-")
    assert result.exit_code == 2
    message = stderr_of(result).strip()
    assert len(message.splitlines()) == 1
    assert "capital.json: claims -> 1 -> verdict:" in message
    assert stdout_of(result) == ""
    no_traceback(result)


def test_empty_ledger_writes_the_header(tmp_path: Path) -> None:
    result = invoke("export")
    assert result.exit_code == 0, stderr_of(result)
    target = tmp_path / "claims" / "claims.csv"  # its folder created
    assert target.read_text(encoding="utf-8") == ",".join(EXPORT_COLUMNS) + "\n"
    assert "0 claims exported" in stderr_of(result)
    no_traceback(result)


def test_empty_ledger_as_json(tmp_path: Path) -> None:
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "README.md").write_text("Reports land here.\n", encoding="utf-8")
    result = invoke("export", tmp_path / "all.json")
    assert result.exit_code == 0, stderr_of(result)
    assert (tmp_path / "all.json").read_text(encoding="utf-8") == "[]\n"
    assert "0 claims exported" in stderr_of(result)


def test_one_claim_is_singular(tmp_path: Path) -> None:
    save_report(make_report("police", SECOND), tmp_path)
    result = invoke("export", "-")
    assert result.exit_code == 0, stderr_of(result)
    assert "1 claim from 1 article → standard output" in stderr_of(result)


def test_refuses_to_overwrite_a_saved_report(ledger: Path) -> None:
    report = ledger / "claims" / "police.json"
    before = report.read_text(encoding="utf-8")
    result = invoke("export", report)
    assert result.exit_code == 2
    assert "saved report" in stderr_of(result)
    assert report.read_text(encoding="utf-8") == before


def test_missing_workspace_is_an_error(tmp_path: Path) -> None:
    result = invoke("export", "-", "--workspace", tmp_path / "nowhere")
    assert result.exit_code == 2
    assert "nowhere" in stderr_of(result)
    no_traceback(result)


def test_help_lists_the_command() -> None:
    result = invoke("export", "--help")
    assert result.exit_code == 0
    text = stdout_of(result)
    assert "--format" in text and "--workspace" in text
