"""The `factcheck sources` commands, run in-process through typer's CliRunner."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from factcheck.cli import app
from factcheck.cli.sources import sources_app

SPENDING = "The city spent £800,000 on repairs. About 40 per cent went to schools.\n"
ARRESTS = "Police arrested 9,900 people, officials said.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
ENV = {"COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"}
INFO_KEYS = {
    "id",
    "title",
    "publisher",
    "author",
    "date",
    "url",
    "added",
    "original",
    "path",
    "sentences",
    "figures",
}


@pytest.fixture(autouse=True, scope="module")
def sources_registered() -> Iterator[None]:
    """Register the group unless cli/__init__.py already does, and leave the app as found."""
    if "sources" in [group.name for group in app.registered_groups]:
        yield
        return
    app.add_typer(sources_app, name="sources")
    try:
        yield
    finally:
        app.registered_groups[:] = [g for g in app.registered_groups if g.name != "sources"]


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.md").write_text(SPENDING, encoding="utf-8")
    (folder / "deep").mkdir()
    (folder / "deep" / "b.txt").write_text(ARRESTS, encoding="utf-8")
    return folder


def make_runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:  # newer click: stderr is always captured separately
        return CliRunner()


def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
    return make_runner().invoke(app, ["sources", *args], env={**ENV, **(env or {})})


def out(result: Result) -> str:
    return ANSI.sub("", result.stdout)


def err(result: Result) -> str:
    try:
        text = result.stderr
    except (ValueError, AttributeError):  # old click with mixed streams
        text = result.output
    return ANSI.sub("", text)


def listed(*args: str) -> list[dict[str, object]]:
    result = invoke("list", "--format", "json", *args)
    assert result.exit_code == 0, err(result)
    rows: list[dict[str, object]] = json.loads(out(result))
    return rows


def test_add_files_and_a_folder_skipping_a_binary_file(inbox: Path, tmp_path: Path) -> None:
    (inbox / "deep" / "picture.txt").write_bytes(PNG)
    single = tmp_path / "c.txt"
    single.write_text("Turnout was 61 per cent.\n", encoding="utf-8")
    result = invoke("add", str(single), str(inbox))
    assert result.exit_code == 0, err(result)
    assert out(result) == "c\na\nb\n"
    assert err(result) == (
        f"skipped {inbox / 'deep' / 'picture.txt'}: looks like a PNG image, not text\n"
        "added 3, unchanged 0, skipped 1\n"
    )
    assert sorted(p.name for p in (tmp_path / "sources").iterdir()) == ["a.md", "b.md", "c.md"]


def test_everything_skipped_exits_2(tmp_path: Path) -> None:
    picture = tmp_path / "picture.txt"
    picture.write_bytes(PNG)
    result = invoke("add", str(picture), str(tmp_path / "missing.md"))
    assert result.exit_code == 2
    assert out(result) == ""
    assert err(result) == (
        f"skipped {picture}: looks like a PNG image, not text\n"
        f"skipped {tmp_path / 'missing.md'}: no such file; check the path\n"
        "added 0, unchanged 0, skipped 2\n"
    )


def test_metadata_options_override(inbox: Path) -> None:
    result = invoke(
        "add",
        str(inbox),
        "--title",
        "Budget [draft]",
        "--publisher",
        "City Hall",
        "--date",
        "2023-05-31",
        "--url",
        "https://example.org/budget",
    )
    assert result.exit_code == 0, err(result)
    for row in listed():
        assert row["title"] == "Budget [draft]"
        assert row["publisher"] == "City Hall"
        assert row["date"] == "2023-05-31"
        assert row["url"] == "https://example.org/budget"


@pytest.mark.parametrize("value", ["31/05/2023", "2023-02-30"])
def test_bad_date_is_a_one_line_error(inbox: Path, tmp_path: Path, value: str) -> None:
    result = invoke("add", str(inbox), "--date", value)
    assert result.exit_code == 2
    assert out(result) == ""
    lines = err(result).splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: date '{value}'")
    assert "YYYY-MM-DD" in lines[0]
    assert not (tmp_path / "sources").exists()


def test_duplicate_add_is_unchanged(inbox: Path) -> None:
    invoke("add", str(inbox / "a.md"))
    result = invoke("add", str(inbox / "a.md"))
    assert result.exit_code == 0
    assert out(result) == "a\n"
    assert err(result) == "added 0, unchanged 1, skipped 0\n"


def test_same_id_with_other_text_gets_a_suffix(inbox: Path, tmp_path: Path) -> None:
    other = tmp_path / "other" / "a.md"
    other.parent.mkdir()
    other.write_text(ARRESTS, encoding="utf-8")
    invoke("add", str(inbox / "a.md"))
    result = invoke("add", str(other))
    assert result.exit_code == 0
    assert out(result) == "a-2\n"
    assert [row["id"] for row in listed()] == ["a", "a-2"]


@pytest.mark.parametrize(
    ("hostile", "expected"),
    [("../../etc/passwd", "etc_passwd"), ("/abs", "abs"), (".hidden", "hidden"), ("con", None)],
)
def test_hostile_ids_stay_inside_sources(
    tmp_path: Path, hostile: str, expected: str | None
) -> None:
    document = tmp_path / "in" / "doc.md"
    document.parent.mkdir()
    document.write_text(f"---\nid: {hostile}\n---\n{SPENDING}", encoding="utf-8")
    result = invoke("add", str(document))
    assert result.exit_code == 0, err(result)
    made = out(result).strip()
    assert made == (expected or made) and made.casefold() != "con" and "/" not in made
    stored = list((tmp_path / "sources").iterdir())
    assert [p.name for p in stored] == [f"{made}.md"]
    everything = {p.relative_to(tmp_path).parts[0] for p in tmp_path.rglob("*")}
    assert everything == {"in", "sources"}


def test_list_json_fields(inbox: Path) -> None:
    invoke("add", str(inbox))
    rows = listed()
    assert [row["id"] for row in rows] == ["a", "b"]
    assert all(set(row) == INFO_KEYS for row in rows)
    assert (rows[0]["sentences"], rows[0]["figures"]) == (2, 2)
    assert rows[0]["path"] == "sources/a.md"
    assert rows[0]["original"] == str(inbox / "a.md")


def test_list_table(inbox: Path) -> None:
    invoke("add", str(inbox))
    result = invoke("list", "--format", "table")
    assert result.exit_code == 0
    header = out(result).splitlines()[1]
    assert [cell.strip() for cell in header.strip("┃ ").split("┃")] == [
        "id",
        "title",
        "publisher",
        "date",
        "sentences",
        "figures",
    ]
    assert err(result) == "2 source(s)\n"


def test_list_of_an_empty_library() -> None:
    result = invoke("list", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(out(result)) == []
    assert err(result) == "0 source(s); add some with 'factcheck sources add PATH'\n"


def test_show_text_and_json(inbox: Path) -> None:
    invoke("add", str(inbox / "a.md"), "--title", "Budget")
    result = invoke("show", "a")
    assert result.exit_code == 0, err(result)
    head, _, body = out(result).partition("\n\n")
    assert "id: a\ntitle: Budget\n" in head + "\n"
    assert "figures: 2" in head
    assert body == SPENDING
    data = json.loads(out(invoke("show", "a", "--format", "json")))
    assert set(data) == INFO_KEYS | {"text", "claims"}
    assert data["text"] == SPENDING
    assert [claim["text"] for claim in data["claims"]] == ["£800,000", "About 40 per cent"]


@pytest.mark.parametrize("command", ["show", "remove"])
def test_unknown_id_is_a_one_line_error(command: str) -> None:
    result = invoke(command, "who-2023")
    assert result.exit_code == 2
    assert out(result) == ""
    assert err(result) == "error: Source 'who-2023' not found. Run 'factcheck sources list'.\n"


def test_remove(inbox: Path, tmp_path: Path) -> None:
    invoke("add", str(inbox))
    result = invoke("remove", "a", "--yes")
    assert result.exit_code == 0
    assert err(result) == f"removed a ({tmp_path / 'sources' / 'a.md'})\n"
    # Not on a terminal: no question, the source just goes.
    assert invoke("remove", "b").exit_code == 0
    assert listed() == []
    assert list((tmp_path / "sources").iterdir()) == []


def test_workspace_option_and_environment(inbox: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = invoke("add", str(inbox / "a.md"), "--workspace", str(elsewhere))
    assert result.exit_code == 0, err(result)
    assert (elsewhere / "sources" / "a.md").is_file()
    assert not (tmp_path / "sources").exists()
    assert listed() == []
    assert [row["id"] for row in listed("-w", str(elsewhere))] == ["a"]
    from_env = invoke("list", "--format", "json", env={"FACTCHECK_WORKSPACE": str(elsewhere)})
    assert [row["id"] for row in json.loads(out(from_env))] == ["a"]
    assert invoke("show", "a", env={"FACTCHECK_WORKSPACE": str(elsewhere)}).exit_code == 0


def test_missing_workspace_is_a_one_line_error(inbox: Path, tmp_path: Path) -> None:
    result = invoke("add", str(inbox), "--workspace", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert len(err(result).splitlines()) == 1
    assert "workspace folder does not exist" in err(result)


def test_many_files_leave_only_the_summary_on_stderr(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(7):
        (folder / f"s{number}.txt").write_text(f"There were {number} cases.\n", encoding="utf-8")
    result = invoke("add", str(folder))
    assert result.exit_code == 0
    assert out(result) == "".join(f"s{number}\n" for number in range(7))
    assert err(result) == "added 7, unchanged 0, skipped 0\n"


@pytest.mark.parametrize("command", ["add", "list", "show", "remove"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Example: factcheck sources " + command in " ".join(out(result).split())
