"""The views and the view state: the registry of views, what a page shows, and its URL form.

The data of each view (``explorer.views.data``) is imported on its own: it pulls in pandas.
"""

from explorer.views.choices import as_of_choices
from explorer.views.migrations import MIGRATIONS, migrate
from explorer.views.registry import DEFAULT_VIEW, VIEWS, View, offered
from explorer.views.state import (
    VIEW_CHOICES,
    Judgment,
    ViewState,
    date_range,
    default_state,
    describe,
    pair_label,
    tab_title,
    with_view_choices,
)
from explorer.views.tokens import (
    LIST_SEPARATOR,
    MAX_VALUE_LENGTH,
    NO_B,
    PAIR_SEPARATOR,
    RANGE_SEPARATOR,
)
from explorer.views.url import PARAMS, encode, parse, view_link

__all__ = [
    "DEFAULT_VIEW",
    "LIST_SEPARATOR",
    "MAX_VALUE_LENGTH",
    "MIGRATIONS",
    "NO_B",
    "PAIR_SEPARATOR",
    "PARAMS",
    "RANGE_SEPARATOR",
    "VIEWS",
    "VIEW_CHOICES",
    "Judgment",
    "View",
    "ViewState",
    "as_of_choices",
    "date_range",
    "default_state",
    "describe",
    "encode",
    "migrate",
    "offered",
    "pair_label",
    "parse",
    "tab_title",
    "view_link",
    "with_view_choices",
]
