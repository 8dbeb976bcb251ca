"""factcheck: offline claim-and-source fact-checking.

Every figure of an article becomes an atomic claim that can be checked against sources.
"""

from factcheck.claims import extract_claims
from factcheck.model import Claim, Document, Figure, FigureKind, Qualifier, Report
from factcheck.pipeline import verify
from factcheck.settings import Settings
from factcheck.sources import load_document

__all__ = [
    "Claim",
    "Document",
    "Figure",
    "FigureKind",
    "Qualifier",
    "Report",
    "Settings",
    "extract_claims",
    "load_document",
    "verify",
]
__version__ = "0.1.0"
