"""Writing files safely: a temporary file beside the target, then an atomic rename."""

from __future__ import annotations

import os
from pathlib import Path

from factcheck.errors import InputError


def write_atomic(path: Path, text: str) -> None:
    """Write text so that readers see the old file or the new one, never a half-written one."""
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give a file name")
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise InputError(f"{path}: cannot write ({error.strerror})") from None
