"""Cross-impact balance: the matrix, consistent scenarios, balances, succession, .scw files.

Its figures, tables and summaries are in ``explorer.cib.figures``, ``explorer.cib.tables`` and
``explorer.cib.summaries``, imported on their own (figures and tables pull in plotly and pandas)."""

from explorer.cib.balance import (
    Solution,
    contributions,
    descriptor_margins,
    evaluate,
    impact_balance,
)
from explorer.cib.cibfile import from_cib_file, to_cib_file
from explorer.cib.matrix import (
    JUDGMENT_RANGE,
    CibError,
    CrossImpactMatrix,
    Descriptor,
    Judgment,
    load_matrix,
    with_judgments,
)
from explorer.cib.scw import (
    HEADER,
    MAX_BYTES,
    MAX_JUDGMENT,
    ScwError,
    ScwProject,
    read_scw,
    write_scw,
)
from explorer.cib.search import Search, brute_force_consistent, consistent_scenarios, search
from explorer.cib.sl import SlEntry, read_sl
from explorer.cib.succession import MAX_SUCCESSION_STEPS, Succession, succession

__all__ = [
    "HEADER",
    "JUDGMENT_RANGE",
    "MAX_BYTES",
    "MAX_JUDGMENT",
    "MAX_SUCCESSION_STEPS",
    "CibError",
    "CrossImpactMatrix",
    "Descriptor",
    "Judgment",
    "ScwError",
    "ScwProject",
    "Search",
    "SlEntry",
    "Solution",
    "Succession",
    "brute_force_consistent",
    "consistent_scenarios",
    "contributions",
    "descriptor_margins",
    "evaluate",
    "from_cib_file",
    "impact_balance",
    "load_matrix",
    "read_scw",
    "read_sl",
    "search",
    "succession",
    "to_cib_file",
    "with_judgments",
    "write_scw",
]
