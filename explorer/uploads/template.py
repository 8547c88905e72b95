"""A small valid scenario set to start from, as a zip to download, upload back, and grow.

The files are embedded here as text (explorer never reads test fixtures or the disk for this),
with comments that say what each field is for. ``template_zip()`` puts them in one folder,
``TEMPLATE_ID/``, with fixed timestamps, so the bytes are the same on every call.

    >>> from explorer.uploads.upload import load_upload
    >>> load_upload(template_zip(), "scenario-set-template.zip").problems
    ()
"""

from __future__ import annotations

import io
import zipfile
from functools import cache

TEMPLATE_ID = "my-scenario-set"
TEMPLATE_FILE_NAME = "scenario-set-template.zip"
_STAMP = (2026, 1, 1, 0, 0, 0)

README = """\
# Your own scenario set

Edit these YAML files, zip the folder, and upload the zip in "Your own scenario set" in the
sidebar. The upload stays in your browser session: it is never stored on the server or shared.

- set.yaml: the question, the decision point and the two scenarios opened first.
- sources.yaml: every source (title, publisher, the URL you read, when you read it).
- actors.yaml, issues.yaml: who takes positions, and on what (-2 .. +2 per issue).
- positions.yaml: each actor's stance on each issue, with a source, or `unknown`.
- events.yaml: shared history before the decision (part of every scenario).
- indicators.yaml: what the scenarios project (a number per date, with a range).
- scenarios/<id>.yaml: one file per scenario; the file name is the scenario's id.

Ids are lowercase letters, digits and hyphens. Dates are YYYY-MM-DD. Unknown keys are errors.
To add one scenario to the set you are viewing, upload just its .yaml file.
"""

FILES: dict[str, str] = {
    "set.yaml": """\
# What the set is about and how it opens.
title: My scenario set
question: Does the council adopt the draft?
decision_point: The council votes on the draft.
decision_date: 2026-01-15
as_of: 2026-01-31          # the date of the newest content
version: "0.1.0"           # raise it when the content changes
summary: A two-scenario starting point. Replace every text with your own.
default_pair: [adopted, rejected]   # scenario ids opened first (A and B)
""",
    "sources.yaml": """\
# Every source, with the URL actually read. Only kind `seed` may lack a url.
sources:
  - id: meeting-record
    title: Record of the council meeting
    publisher: The Council
    url: https://example.org/meeting-record
    published: 2026-01-15
    accessed: 2026-01-31
    kind: official             # official, news, analysis, statement or seed
  - id: news-report
    title: A news report on the vote
    publisher: Example News
    url: https://example.org/news-report
    accessed: 2026-01-31
    kind: news
""",
    "actors.yaml": """\
actors:
  - id: north
    name: Northland
    kind: state                # state, organisation, armed_group, body or bloc
    council_seat: permanent    # permanent, elected or none
    region: Europe
  - id: south
    name: Southland
    kind: state
    council_seat: elected
    region: Africa
""",
    "issues.yaml": """\
# Positions run from -2 (low) to +2 (high) on each issue.
issues:
  - id: mandate
    label: Mandate
    question: Should the council give the mission a mandate now?
    low: No mandate
    high: A full mandate now
""",
    "positions.yaml": """\
# A stance with a value cites a source; no public statement found means `unknown`.
stances:
  - actor: north
    issue: mandate
    value: 2
    salience: 0.8              # 0..1: how central the issue is to the actor's statements
    quote: "We want a mandate now."
    sources: [meeting-record]
    as_of: 2026-01-15
  - actor: south
    issue: mandate
    value: unknown
    as_of: 2026-01-15
""",
    "events.yaml": """\
# Shared history before the decision: part of every scenario.
events:
  - id: draft-circulated
    title: Draft circulated
    track: diplomacy           # diplomacy, security, humanitarian, governance, reconstruction
    date: 2026-01-05
    certainty: observed        # observed and scheduled events cite sources
    sources: [news-report]
""",
    "indicators.yaml": """\
indicators:
  - id: aid-trucks
    label: Aid trucks per day
    unit: trucks/day
    higher_is_better: true
    description: Trucks entering per day.
""",
    "scenarios/adopted.yaml": """\
id: adopted                    # must match the file name
title: The draft is adopted
label: Adopted                 # short: used in legends (40 characters at most)
status: realized               # realized, counterfactual or open
likelihood:
  label: likely                # remote .. almost certain (likely = 66-90 %)
  rationale: No member announced a veto.
  assessed: 2026-01-15
premise: The council adopts the draft.
events:
  - id: vote-adopted
    title: Draft adopted
    track: diplomacy
    date: 2026-01-15
    certainty: observed
    sources: [meeting-record]
  - id: mission-deploys
    title: Mission deploys
    track: security
    date: 2026-04-01
    window: {earliest: 2026-03-01, latest: 2026-06-30}   # uncertain timing
    certainty: projected       # projected events state their basis instead of sources
    basis: Planning figures in the news report.
trajectories:
  - indicator: aid-trucks
    basis: From 100 a day in January, rising with the mission.
    sources: [news-report]
    points:
      - {date: 2026-01-31, value: 100, low: 80, high: 120}
      - {date: 2026-12-31, value: 300, low: 150, high: 450}
narrative:
  headline: A mission arrives
  summary: The mission deploys and aid flows.
  perspectives:
    - actor: north
      text: Northland welcomes the vote.
      sources: [meeting-record]
  risks: [The mission is under-funded.]
  opportunities: [Aid reaches more people.]
signposts:
  - id: mission-arrives
    text: The first mission staff arrive.
""",
    "scenarios/rejected.yaml": """\
id: rejected
title: The draft is rejected
label: Rejected
status: counterfactual         # this did not happen: say so
likelihood:
  label: unlikely
  rationale: A counterfactual; no veto was announced.
  assessed: 2026-01-15
premise: Counterfactual. The council rejects the draft.
reactions:
  - actor: south
    issue: mandate
    value: -1
    basis: Without a mandate, Southland is expected to oppose a new text.
narrative:
  headline: No mission
  summary: Nothing changes on the ground.
signposts:
  - id: talks-stall
    text: Talks on a new text stall.
""",
}


def template_files() -> dict[str, bytes]:
    """The template's YAML files as ``{relative posix path: bytes}`` (no README)."""
    return {name: text.encode("utf-8") for name, text in FILES.items()}


@cache
def template_zip() -> bytes:
    """The template as a zip: ``my-scenario-set/`` with a README and the YAML files."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in {"README.md": README, **FILES}.items():
            entry = zipfile.ZipInfo(f"{TEMPLATE_ID}/{name}", _STAMP)
            entry.create_system = 3  # Unix, so the permissions below are read as such
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, text.encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
