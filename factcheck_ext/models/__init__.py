"""The one data model of sphinx-factcheck.

Directives validate their raw option strings into these models, the domain
stores them, and every renderer and exporter reads them.  ``fields`` holds the
reusable field types, ``scale`` the verdict scale, ``objects`` what a report is
made of, ``views`` what its tables and summaries select.
"""

from .compact import CompactPickle
from .desk import POLICY_KINDS, POLICY_PROPERTIES, Desk, Funder, Policy, Staff
from .evidence import ArchiveLedger, Capture, DriftCheck, DriftReport
from .fields import (
    CLAIMANT_KINDS,
    ID_PATTERN,
    OPEN_STATUSES,
    SOURCE_KINDS,
    STATUSES,
    UPDATE_KINDS,
    is_web_url,
)
from .memory import CatalogueEntry, Suggestion
from .objects import (
    Appearance,
    Article,
    Claim,
    Claimant,
    Excerpt,
    Located,
    Source,
    TextLink,
    TextQuoteSelector,
    Update,
    is_open,
)
from .scale import DEFAULT_SCALE, DEFAULT_VERDICTS, Scale, Verdict, contrast_ratio
from .views import (
    CLAIM_COLUMNS,
    CLAIM_SORT_KEYS,
    DEFAULT_CLAIM_COLUMNS,
    AnnotatedView,
    BibliographyView,
    ClaimQuery,
    ClaimsView,
    CorrectionsView,
    FundersView,
    MastheadView,
    SourcesView,
    SummaryView,
    View,
)

__all__ = [
    "CLAIMANT_KINDS",
    "CLAIM_COLUMNS",
    "CLAIM_SORT_KEYS",
    "DEFAULT_CLAIM_COLUMNS",
    "DEFAULT_SCALE",
    "DEFAULT_VERDICTS",
    "ID_PATTERN",
    "OPEN_STATUSES",
    "POLICY_KINDS",
    "POLICY_PROPERTIES",
    "SOURCE_KINDS",
    "STATUSES",
    "UPDATE_KINDS",
    "AnnotatedView",
    "Appearance",
    "ArchiveLedger",
    "Article",
    "BibliographyView",
    "Capture",
    "CatalogueEntry",
    "Claim",
    "ClaimQuery",
    "Claimant",
    "ClaimsView",
    "CompactPickle",
    "CorrectionsView",
    "Desk",
    "DriftCheck",
    "DriftReport",
    "Excerpt",
    "Funder",
    "FundersView",
    "Located",
    "MastheadView",
    "Policy",
    "Scale",
    "Source",
    "SourcesView",
    "Staff",
    "Suggestion",
    "SummaryView",
    "TextLink",
    "TextQuoteSelector",
    "Update",
    "Verdict",
    "View",
    "contrast_ratio",
    "is_open",
    "is_web_url",
]
