"""What leaves the app: citations, a view's data as CSV, the set as a zip, the printable brief.

Imported on first use only: it pulls in pandas.
"""

from explorer.publish.citation import (
    APP_NAME,
    LOCAL_BASE,
    citation,
    cite_line,
    pair_subject,
)
from explorer.publish.setzip import set_link, set_zip
from explorer.publish.viewcsv import view_csv

__all__ = [
    "APP_NAME",
    "LOCAL_BASE",
    "citation",
    "cite_line",
    "pair_subject",
    "set_link",
    "set_zip",
    "view_csv",
]
