"""The views' own choices in a link: the Vote view's text and what-if (text=, votes=), the
What-if's fixed descriptors and changed judgments (fix=, judge=), the Stakeholders date and
salience map's issue (asof=, salience=) and the Sources search (search=). Each token is parsed
into a valid choice or named in a notice, and encoded back in short readable words. The search
is only ever compared with titles and publishers, and shown back in its own text field, never
as markup.

``explorer.voting`` is imported when a link names a text or votes: a plain link, the first
page of a fresh server's included, does not wait for it."""

from __future__ import annotations

import datetime as dt
import re

from explorer.analysis.compare import stance_dates
from explorer.cib.limits import DEFAULT_SCALE
from explorer.content import ScenarioSet
from explorer.formats import slug
from explorer.views.state import Judgment, ViewState
from explorer.views.tokens import LIST_SEPARATOR, PAIR_SEPARATOR, shown


def _text(raw: str, scenario_set: ScenarioSet, notices: list[str]) -> str | None:
    """A text with a decision; None for the default text or an unknown one (with a notice)."""
    from explorer.voting import decisions, default_decision

    known = [text.id for text, _ in decisions(scenario_set)]
    if raw not in known:
        where = f"the texts decided here are {', '.join(known)}" if known else "none is decided"
        notices.append(f"Ignored text={shown(raw)}: {where}.")
        return None
    default = default_decision(scenario_set)
    return None if default and default[0].id == raw else raw


def _votes(
    raw: str, scenario_set: ScenarioSet, text: str | None, notices: list[str]
) -> tuple[tuple[str, str], ...]:
    """Votes for members of the body that decides ``text`` (None: the default text)."""
    from explorer.voting import VOTES, chosen_decision

    found = chosen_decision(scenario_set, text)
    chosen: dict[str, str] = {}
    for token in (t for t in raw.split(LIST_SEPARATOR) if t):
        member, _, vote = token.partition(PAIR_SEPARATOR)
        if found is None:
            notices.append(f"Ignored the vote {shown(token)}: no text of this set has a decision.")
        elif vote not in VOTES:
            notices.append(
                f"Ignored the vote {shown(token)}: use member:yes, no, abstain or absent."
            )
        elif member not in found[1].members:
            notices.append(
                f"Ignored the vote {shown(token)}: {member[:40]} is not a member of the "
                f"{found[1].name}."
            )
        else:
            chosen[member] = vote
    return tuple(sorted(chosen.items()))


def _cib_names(scenario_set: ScenarioSet) -> dict[str, tuple[str, dict[str, str]]]:
    """descriptor slug -> (descriptor name, {variant slug: variant name})."""
    if scenario_set.cib is None:
        return {}
    return {
        slug(d.name): (d.name, {slug(v): v for v in d.variants})
        for d in scenario_set.cib.descriptors
    }


def _variant(names: dict[str, tuple[str, dict[str, str]]], token: str) -> tuple[str, str] | None:
    descriptor, _, variant = token.partition(".")
    if descriptor in names and variant in names[descriptor][1]:
        return names[descriptor][0], names[descriptor][1][variant]
    return None


def _fixed(raw: str, scenario_set: ScenarioSet, notices: list[str]) -> tuple[tuple[str, str], ...]:
    names, chosen = _cib_names(scenario_set), {}
    for token in (t for t in raw.split(LIST_SEPARATOR) if t):
        found = _variant(names, token.replace(PAIR_SEPARATOR, ".", 1))
        if found:
            chosen[found[0]] = found[1]
        else:
            notices.append(f"Ignored fix {shown(token)}: no such descriptor and variant here.")
    return tuple(sorted(chosen.items()))


def _judgments(
    raw: str, scenario_set: ScenarioSet, notices: list[str]
) -> tuple[tuple[Judgment, int], ...]:
    names, chosen = _cib_names(scenario_set), {}
    scale = scenario_set.cib.scale if scenario_set.cib else DEFAULT_SCALE
    for token in (t for t in raw.split(LIST_SEPARATOR) if t):
        cells, _, value = token.rpartition(PAIR_SEPARATOR)
        source, _, target = cells.partition("_")
        pair = (_variant(names, source), _variant(names, target))
        number = int(value) if re.fullmatch(r"-?\d{1,6}", value) else None
        if pair[0] and pair[1] and number is not None and abs(number) <= scale:
            chosen[(*pair[0], *pair[1])] = number
        elif pair[0] and pair[1]:
            notices.append(
                f"Ignored judgment {shown(token)}: this matrix's judgments are whole numbers "
                f"from -{scale} to {scale}."
            )
        else:
            notices.append(
                f"Ignored judgment {shown(token)}: no such cell, or not -{scale} to {scale}."
            )
    return tuple(sorted(chosen.items()))


def _encode_judgment(judgment: Judgment, value: int) -> str:
    d1, v1, d2, v2 = (slug(part) for part in judgment)
    return f"{d1}.{v1}_{d2}.{v2}{PAIR_SEPARATOR}{value}"


def as_of_choices(scenario_set: ScenarioSet) -> list[dt.date]:
    """The dates positions can be shown as of: the decision and each date a position is
    recorded, newest first (plain days, whatever precision the content gave)."""
    days = {dt.date(d.year, d.month, d.day) for d in stance_dates(scenario_set)}
    return sorted(days | {scenario_set.info.decision_date}, reverse=True)


def _as_of(raw: str, scenario_set: ScenarioSet, notices: list[str]) -> dt.date | None:
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError:
        notices.append(f"Ignored asof={shown(raw)}: use YYYY-MM-DD.")
        return None
    if day not in as_of_choices(scenario_set):
        notices.append(
            f"Ignored asof={shown(raw)}: positions here are recorded as of the decision or of "
            "a statement's date; choose one under Stakeholders."
        )
        return None
    return day


SEARCH_LENGTH = 100
"""The longest search the Sources view takes (its field's limit)."""


def _salience(raw: str, scenario_set: ScenarioSet, notices: list[str]) -> str | None:
    if raw in {i.id for i in scenario_set.issues}:
        return raw
    notices.append(f"Ignored salience={shown(raw)}: no such issue in this set.")
    return None


def _search(raw: str, notices: list[str]) -> str:
    if len(raw) > SEARCH_LENGTH:
        notices.append(f"Ignored search: it is longer than {SEARCH_LENGTH} characters.")
        return ""
    return raw


def parse_choices(raw: dict[str, str], scenario_set: ScenarioSet, notices: list[str]) -> dict:
    """The views' choices ``raw`` asks for, as ``ViewState`` fields."""
    chosen: dict[str, object] = {}
    if "text" in raw:
        chosen["text"] = _text(raw["text"], scenario_set, notices)
    if "votes" in raw:
        chosen["votes"] = _votes(raw["votes"], scenario_set, chosen.get("text"), notices)
    if "fix" in raw:
        chosen["fixed"] = _fixed(raw["fix"], scenario_set, notices)
    if "judge" in raw:
        chosen["judgments"] = _judgments(raw["judge"], scenario_set, notices)
    if "asof" in raw:
        chosen["as_of"] = _as_of(raw["asof"], scenario_set, notices)
    if "salience" in raw:
        chosen["salience"] = _salience(raw["salience"], scenario_set, notices)
    if "search" in raw:
        chosen["search"] = _search(raw["search"], notices)
    return chosen


def encode_choices(state: ViewState) -> dict[str, str]:
    """The query parameters of the views' choices in ``state`` (none when none are made)."""
    out: dict[str, str] = {}
    if state.text:
        out["text"] = state.text
    if state.votes:
        out["votes"] = LIST_SEPARATOR.join(PAIR_SEPARATOR.join(pair) for pair in state.votes)
    if state.fixed:
        out["fix"] = LIST_SEPARATOR.join(
            f"{slug(d)}{PAIR_SEPARATOR}{slug(v)}" for d, v in state.fixed
        )
    if state.judgments:
        out["judge"] = LIST_SEPARATOR.join(_encode_judgment(j, v) for j, v in state.judgments)
    if state.as_of:
        out["asof"] = state.as_of.isoformat()
    if state.salience:
        out["salience"] = state.salience
    if state.search:
        out["search"] = state.search
    return out
