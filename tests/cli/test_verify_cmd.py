"""The `factcheck verify` command, run in-process through typer's CliRunner."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from factcheck.cli import app

ARTICLE = "Officials said 208 protesters were killed in the capital.\n"
AGREEING = "The ministry said 208 protesters were killed in the capital.\n"
CONFLICTING = "Doctors said 225 protesters were killed in the capital.\n"
UNRELATED = "The city spent £800,000 on repairs.\n"
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


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def article(tmp_path: Path) -> Path:
    return write(tmp_path, "article.txt", ARTICLE)


@pytest.fixture
def agreeing(tmp_path: Path) -> Path:
    return write(tmp_path, "ministry.txt", AGREEING)


@pytest.fixture
def conflicting(tmp_path: Path) -> Path:
    return write(tmp_path, "doctors.txt", CONFLICTING)


def test_several_sources_after_one_option(
    article: Path, agreeing: Path, conflicting: Path, tmp_path: Path
) -> None:
    result = invoke(
        "verify", article, "--sources", agreeing, conflicting, "--format", "json", "--no-save"
    )
    assert result.exit_code == 0, stderr_of(result)
    data = json.loads(stdout_of(result))
    assert data["article"] == "article"
    assert data["sources"] == ["doctors", "ministry"]
    [claim] = data["claims"]
    assert claim["text"] == "208"
    assert claim["verdict"] == "disputed"
    assert {item["document"]: item["relation"] for item in claim["evidence"]} == {
        "ministry": "agrees",
        "doctors": "conflicts",
    }
    assert not (tmp_path / "claims").exists()
    assert "1 claims" in stderr_of(result) and "1 disputed" in stderr_of(result)
    no_traceback(result)


def test_source_folder_is_expanded(article: Path, tmp_path: Path) -> None:
    folder = tmp_path / "library"
    write(folder, "ministry.txt", AGREEING)
    write(folder, "budget.md", UNRELATED)
    result = invoke("verify", article, "-s", folder, "-f", "json", "--no-save")
    assert result.exit_code == 0, stderr_of(result)
    data = json.loads(stdout_of(result))
    assert data["sources"] == ["budget", "ministry"]
    assert [claim["verdict"] for claim in data["claims"]] == ["supported"]


def test_report_is_saved_to_the_workspace_given(
    article: Path, agreeing: Path, tmp_path: Path
) -> None:
    workspace = tmp_path / "desk"
    result = invoke("verify", article, "--sources", agreeing, "--workspace", workspace)
    assert result.exit_code == 0, stderr_of(result)
    saved = workspace / "claims" / "article.json"
    assert saved.is_file()
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["article"] == "article"
    assert [claim["verdict"] for claim in data["claims"]] == ["supported"]
    assert json.loads(stdout_of(result)) == data  # not a terminal: json by default
    assert not (tmp_path / "claims").exists()


def test_report_is_saved_to_the_environment_workspace(
    article: Path, agreeing: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = tmp_path / "newsroom"
    workspace.mkdir()
    monkeypatch.setenv("FACTCHECK_WORKSPACE", str(workspace))
    result = invoke("verify", article, "--sources", agreeing, "--format", "json")
    assert result.exit_code == 0, stderr_of(result)
    assert (workspace / "claims" / "article.json").is_file()
    assert not (tmp_path / "claims").exists()


def test_workspace_library_is_the_default_source(tmp_path: Path, article: Path) -> None:
    write(tmp_path / "sources", "doctors.txt", CONFLICTING)
    write(tmp_path / "sources", "README.md", "Put 12 source files here.\n")
    result = invoke("verify", article, "--format", "json", "--no-save")
    assert result.exit_code == 0, stderr_of(result)
    data = json.loads(stdout_of(result))
    assert data["sources"] == ["doctors"]
    assert [claim["verdict"] for claim in data["claims"]] == ["disputed"]


def test_csv_has_a_verdict_column(article: Path, agreeing: Path) -> None:
    result = invoke("verify", article, "--sources", agreeing, "--format", "csv", "--no-save")
    assert result.exit_code == 0, stderr_of(result)
    reader = csv.DictReader(io.StringIO(stdout_of(result)))
    assert reader.fieldnames is not None and "verdict" in reader.fieldnames
    rows = list(reader)
    assert len(rows) == 1
    assert rows[0]["verdict"] == "supported"
    assert rows[0]["best_source"] == "ministry"


def test_markdown_has_a_table(article: Path, conflicting: Path) -> None:
    result = invoke("verify", article, "--sources", conflicting, "--format", "md", "--no-save")
    assert result.exit_code == 0, stderr_of(result)
    lines = stdout_of(result).splitlines()
    assert lines[0].startswith("# ")
    header = next(index for index, line in enumerate(lines) if line.startswith("| claim"))
    assert "verdict" in lines[header]
    assert set(lines[header + 1].replace("|", "").split()) == {"---"}
    assert "disputed" in lines[header + 2] and "doctors" in lines[header + 2]


def test_output_file(article: Path, agreeing: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    result = invoke("verify", article, "-s", agreeing, "-o", target, "--no-save")
    assert result.exit_code == 0, stderr_of(result)
    assert json.loads(target.read_text(encoding="utf-8"))["article"] == "article"
    assert stdout_of(result).strip() == ""


def test_fail_on_disputed_exits_1_when_a_claim_is_disputed(
    article: Path, conflicting: Path
) -> None:
    result = invoke(
        "verify", article, "--sources", conflicting, "--fail-on", "disputed", "--no-save"
    )
    assert result.exit_code == 1, stderr_of(result)
    assert json.loads(stdout_of(result))["claims"][0]["verdict"] == "disputed"
    no_traceback(result)


def test_fail_on_disputed_exits_0_otherwise(article: Path, agreeing: Path) -> None:
    result = invoke("verify", article, "--sources", agreeing, "--fail-on", "disputed", "--no-save")
    assert result.exit_code == 0, stderr_of(result)


def test_disputed_without_fail_on_exits_0(article: Path, conflicting: Path) -> None:
    result = invoke("verify", article, "--sources", conflicting, "--no-save")
    assert result.exit_code == 0, stderr_of(result)


def test_missing_article_is_a_one_line_error(tmp_path: Path, agreeing: Path) -> None:
    result = invoke("verify", tmp_path / "nowhere.txt", "--sources", agreeing)
    assert result.exit_code == 2
    message = stderr_of(result).strip()
    assert message and "\n" not in message
    assert "nowhere.txt" in message
    assert not (tmp_path / "claims").exists()
    no_traceback(result)


def test_missing_source_is_a_one_line_error(tmp_path: Path, article: Path) -> None:
    result = invoke("verify", article, "--sources", tmp_path / "gone.txt", "--no-save")
    assert result.exit_code == 2
    message = stderr_of(result).strip()
    assert message and "\n" not in message and "gone.txt" in message
    no_traceback(result)


def test_no_sources_in_an_empty_workspace(article: Path) -> None:
    result = invoke("verify", article)
    assert result.exit_code == 2
    message = stderr_of(result).strip()
    assert "--sources" in message
    assert "\n" not in message
    no_traceback(result)


def test_extra_arguments_without_sources_are_a_usage_error(
    article: Path, agreeing: Path, tmp_path: Path
) -> None:
    result = invoke("verify", article, agreeing, "--no-save")
    assert result.exit_code == 2
    assert "--sources" in stderr_of(result)
    assert not (tmp_path / "claims").exists()
    no_traceback(result)


def test_unknown_fail_on_value_is_a_usage_error(article: Path, agreeing: Path) -> None:
    result = invoke("verify", article, "--sources", agreeing, "--fail-on", "supported")
    assert result.exit_code == 2
    no_traceback(result)


def test_verify_help() -> None:
    result = invoke("verify", "--help")
    assert result.exit_code == 0
    shown = stdout_of(result)
    assert "Usage" in shown
    assert "--sources" in shown and "--fail-on" in shown and "--no-save" in shown
