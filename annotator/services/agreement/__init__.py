"""Intercoder reliability: Krippendorff's alpha per variable with a bootstrap interval,
percent agreement, Cohen's or Fleiss' kappa, and a character-level alpha for span coding.

``stats`` computes the figures of one variable, ``unitized`` turns span coding into
reliability data, ``units`` matches units (claims) across coders for unit variables,
``report`` builds the rows of the report from plain inputs and ``from_project`` from a
project file (``project_agreement``), and ``formats`` writes them as a table, JSON or an
Excel sheet.
"""

from annotator.services.agreement.formats import (
    format_json,
    format_table,
    report_json,
    save_reliability_workbook,
    write_reliability_sheet,
)
from annotator.services.agreement.from_project import project_agreement
from annotator.services.agreement.report import LEVEL_OF_KIND, AgreementRow, agreement_report
from annotator.services.agreement.stats import (
    DEFAULT_DRAWS,
    DEFAULT_SEED,
    LEVELS,
    Level,
    Reliability,
    ReliabilityData,
    bootstrap_alpha,
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha,
    percent_agreement,
    reliability,
)
from annotator.services.agreement.unitized import Span, character_data
from annotator.services.agreement.units import MATCH_THRESHOLD, match_units, overlap

__all__ = [
    "DEFAULT_DRAWS",
    "DEFAULT_SEED",
    "LEVELS",
    "LEVEL_OF_KIND",
    "MATCH_THRESHOLD",
    "AgreementRow",
    "Level",
    "Reliability",
    "ReliabilityData",
    "Span",
    "agreement_report",
    "bootstrap_alpha",
    "character_data",
    "cohen_kappa",
    "fleiss_kappa",
    "format_json",
    "format_table",
    "krippendorff_alpha",
    "match_units",
    "overlap",
    "percent_agreement",
    "project_agreement",
    "reliability",
    "report_json",
    "save_reliability_workbook",
    "write_reliability_sheet",
]
