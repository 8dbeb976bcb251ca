"""The `factcheck claims` command, run in-process through typer's CliRunner."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from factcheck import __version__
from factcheck.cli import app

CONTRACT_KEYS = {
    "id",
    "document",
    "sentence",
    "sentence_start",
    "sentence_end",
    "start",
    "end",
    "text",
    "kind",
    "low",
    "high",
    "qualifier",
    "unit",
    "predicate",
    "subject",
    "claim",
}
ARTICLE = (
    "Russia deployed more than 3,000 troops to the region.\n\n"
    "Police arrested 9,900 people, officials said. The curfew was lifted in May 2020.\n"
)
SECOND = "The city spent £800,000 on repairs. About 40 per cent went to schools.\n"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
# A wide terminal, so that rich does not wrap table cells, and no colour codes.
ENV = {"COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"}


def make_runner() -> CliRunner:
    """A runner that keeps stderr apart where the installed typer/click allows it."""
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:  # newer click: stderr is always captured separately
        return CliRunner()


def invoke(*args: str, input: str | None = None) -> Result:
    return make_runner().invoke(app, list(args), input=input, env=ENV)


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


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_jsonl_lines_have_the_contract_keys(article: Path) -> None:
    result = invoke("claims", str(article), "--format", "jsonl")
    assert result.exit_code == 0, stderr_of(result)
    lines = [line for line in stdout_of(result).splitlines() if line.strip()]
    rows = [json.loads(line) for line in lines]
    assert [row["text"] for row in rows] == ["more than 3,000", "9,900", "May 2020"]
    for row in rows:
        assert set(row) == CONTRACT_KEYS
        assert row["document"] == "article"
        assert ARTICLE[row["start"] : row["end"]] == row["text"]
    assert rows[0]["low"] == 3000 and rows[0]["high"] is None
    assert rows[0]["qualifier"] == "gt" and rows[0]["unit"] == "troops"
    assert rows[2]["low"] == "2020-05"
    no_traceback(result)


def test_json_is_one_array(article: Path) -> None:
    result = invoke("claims", str(article), "--format", "json")
    assert result.exit_code == 0, stderr_of(result)
    rows = json.loads(stdout_of(result))
    assert isinstance(rows, list) and len(rows) == 3
    assert all(set(row) == CONTRACT_KEYS for row in rows)
    assert rows[1]["text"] == "9,900" and rows[1]["low"] == 9900


def test_csv_has_a_header_and_rows(article: Path) -> None:
    result = invoke("claims", str(article), "--format", "csv")
    assert result.exit_code == 0, stderr_of(result)
    reader = csv.DictReader(io.StringIO(stdout_of(result)))
    assert reader.fieldnames is not None
    assert {"document", "start", "end", "text", "kind", "low", "high", "qualifier"} <= set(
        reader.fieldnames
    )
    rows = list(reader)
    assert len(rows) == 3
    assert rows[0]["text"] == "more than 3,000"
    assert rows[0]["low"] == "3000" and rows[0]["high"] == ""
    assert rows[0]["kind"] == "count" and rows[0]["qualifier"] == "gt"


def test_table_shows_the_figures(article: Path) -> None:
    result = invoke("claims", str(article), "--format", "table")
    assert result.exit_code == 0, stderr_of(result)
    shown = stdout_of(result)
    assert "9,900" in shown
    assert "May 2020" in shown
    no_traceback(result)


def test_output_file_is_written(article: Path, tmp_path: Path) -> None:
    target = tmp_path / "claims.jsonl"
    result = invoke("claims", str(article), "--output", str(target))
    assert result.exit_code == 0, stderr_of(result)
    assert target.is_file()
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 3 and all(set(row) == CONTRACT_KEYS for row in rows)
    assert "more than 3,000" not in stdout_of(result)


def test_output_file_in_csv(article: Path, tmp_path: Path) -> None:
    target = tmp_path / "claims.csv"
    result = invoke("claims", str(article), "-f", "csv", "-o", str(target))
    assert result.exit_code == 0, stderr_of(result)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("document,")
    assert len(lines) == 4


def test_missing_file_is_a_one_line_error(tmp_path: Path) -> None:
    result = invoke("claims", str(tmp_path / "nowhere.txt"))
    assert result.exit_code == 2
    message = stderr_of(result).strip()
    assert message and "\n" not in message
    assert "nowhere.txt" in message
    no_traceback(result)


def test_binary_file_is_refused(tmp_path: Path) -> None:
    image = tmp_path / "picture.txt"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10")
    result = invoke("claims", str(image))
    assert result.exit_code == 2
    message = stderr_of(result).strip()
    assert message and "\n" not in message
    assert "picture.txt" in message
    no_traceback(result)


def test_folder_expands_to_its_documents(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "first.md").write_text(ARTICLE, encoding="utf-8")
    (folder / "second.txt").write_text(SECOND, encoding="utf-8")
    (folder / "notes.json").write_text('{"figure": 12345}', encoding="utf-8")
    (folder / ".hidden.txt").write_text("Hidden note with 777 figures.", encoding="utf-8")
    result = invoke("claims", str(folder), "--format", "jsonl")
    assert result.exit_code == 0, stderr_of(result)
    rows = [json.loads(line) for line in stdout_of(result).splitlines() if line.strip()]
    assert {row["document"] for row in rows} == {"first", "second"}
    texts = [row["text"] for row in rows]
    assert "£800,000" in texts and "About 40 per cent" in texts
    assert "777" not in texts and "12345" not in texts


def test_front_matter_sets_id_and_date(tmp_path: Path) -> None:
    path = tmp_path / "dated.md"
    path.write_text(
        "---\nid: story-1\ndate: 2022-01-15\n---\nProtesters gathered on Tuesday.\n",
        encoding="utf-8",
    )
    result = invoke("claims", str(path), "--format", "jsonl")
    assert result.exit_code == 0, stderr_of(result)
    row = json.loads(stdout_of(result).splitlines()[0])
    assert row["document"] == "story-1"
    assert row["text"] == "Tuesday" and row["low"] == "2022-01-11"


def test_standard_input(tmp_path: Path) -> None:
    result = invoke("claims", "-", "--format", "jsonl", input=SECOND)
    assert result.exit_code == 0, stderr_of(result)
    rows = [json.loads(line) for line in stdout_of(result).splitlines() if line.strip()]
    assert [row["text"] for row in rows] == ["£800,000", "About 40 per cent"]


def test_app_help() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    shown = stdout_of(result)
    assert "Usage" in shown
    assert "claims" in shown


def test_claims_help() -> None:
    result = invoke("claims", "--help")
    assert result.exit_code == 0
    shown = stdout_of(result)
    assert "Usage" in shown
    assert "--format" in shown and "--output" in shown


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert __version__ in stdout_of(result)


def test_claims_without_paths_is_a_usage_error() -> None:
    result = invoke("claims")
    assert result.exit_code == 2
    no_traceback(result)


def test_unknown_format_is_a_usage_error(article: Path) -> None:
    result = invoke("claims", str(article), "--format", "xml")
    assert result.exit_code == 2
    no_traceback(result)


def test_a_bad_file_inside_a_folder_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.txt").write_text("Some 300 people fled the floods.\n", encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 16)
    result = invoke("claims", str(folder), "--format", "jsonl")
    assert result.exit_code == 0
    assert len(stdout_of(result).splitlines()) == 1
    assert "skipped" in stderr_of(result) and "bad.txt" in stderr_of(result)


def test_a_folder_of_only_bad_files_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "bad.txt").write_bytes(b"%PDF-1.7\n" + b"\x00" * 16)
    result = invoke("claims", str(folder), "--format", "jsonl")
    assert result.exit_code == 2
    assert "no readable document" in stderr_of(result)
