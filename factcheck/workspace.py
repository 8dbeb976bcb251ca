"""The facade the CLI calls: reading documents from paths and extracting their claims."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from factcheck.claims import extract_claims
from factcheck.errors import SourceNotFound
from factcheck.model import Claim, Document
from factcheck.sources import LOADERS, load_document


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Yield files named directly, and the readable files inside folders (recursively, sorted)."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                str(child)
                for child in path.rglob("*")
                if child.is_file()
                and child.suffix.lower() in LOADERS
                and not child.name.startswith(".")
            )
            if not found:
                raise SourceNotFound(f"{raw}: no readable documents in this folder")
            yield from found
        else:
            yield raw


def claims_for_paths(paths: Iterable[str]) -> Iterator[tuple[Document, list[Claim]]]:
    """Load each document and extract its claims, one document at a time."""
    for path in expand_paths(paths):
        document = load_document(path)
        yield document, extract_claims(document)
