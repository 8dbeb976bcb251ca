"""Options shared by several commands."""

from __future__ import annotations

from typing import Annotated

import typer

WorkspaceOption = Annotated[
    str | None,
    typer.Option(
        "--workspace", "-w", help="Workspace folder (default: $FACTCHECK_WORKSPACE or .)."
    ),
]
