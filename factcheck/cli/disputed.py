"""`factcheck disputed`: every figure the documents of the library and ledger disagree on."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from factcheck import workspace
from factcheck.cli import app, handle_errors, progress_bar, stderr
from factcheck.cli._options import WorkspaceOption


class DisputedFormat(StrEnum):
    """Output formats of the disputed command."""

    TABLE = "table"
    JSON = "json"


@app.command("disputed")
@handle_errors
def disputed_cmd(
    output_format: Annotated[
        DisputedFormat | None,
        typer.Option(
            "--format", "-f", help="Output format; default: table on a terminal, json otherwise."
        ),
    ] = None,
    workspace_path: WorkspaceOption = None,
) -> None:
    """List every measure on which the documents of the library and ledger disagree.

    Example: factcheck disputed --format json
    """
    folder = workspace.workspace_dir(workspace_path)
    with progress_bar("indexing the library") as progress:
        measures = workspace.disputed_measures(folder, progress=progress)
    console = Console()
    chosen = output_format or (DisputedFormat.TABLE if console.is_terminal else DisputedFormat.JSON)
    if chosen is DisputedFormat.JSON:
        rows = [measure.model_dump(mode="json") for measure in measures]
        typer.echo(json.dumps(rows, ensure_ascii=False, sort_keys=True, indent=2))
    else:
        table = Table(title=f"{len(measures)} disputed measure(s), most severe first")
        table.add_column("measure")
        table.add_column("mentions (oldest first)")
        table.add_column("gap", justify="right")
        for measure in measures:
            mentions = "\n".join(
                f"{m.text} {m.unit or ''} — {m.document}"
                + (f" ({m.date.isoformat()})" if m.date else "")
                for m in measure.mentions
            )
            table.add_row(Text(measure.measure), Text(mentions), f"{measure.severity:.0%}")
        console.print(table)
    stderr.print(f"{len(measures)} disputed measure(s)", highlight=False)
