"""Command line: ``python -m explorer validate [PATH]``, ``python -m explorer schema`` and
``python -m explorer brief --set ID --a ID --b ID [--out FILE] [--pdf] [--link URL]``.

Every error is one message and a non-zero exit, never a traceback. Names are printed with
control characters escaped (``explorer.content.problems.one_line``), so a file name holding a
newline cannot print a line of its own (a forged ``OK``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import replace
from pathlib import Path

from explorer.content import Scenario, ScenarioSet, load_catalog, load_set, scenarios_root
from explorer.content.problems import one_line
from explorer.errors import ScenarioError
from explorer.views import NO_B, default_state, encode


def _fail(message: str, code: int = 1) -> int:
    print(message, file=sys.stderr)
    return code


def _summary(scenario_set: ScenarioSet) -> str:
    return (
        f"OK {one_line(scenario_set.id)}: {len(scenario_set.scenarios)} scenarios, "
        f"{len(scenario_set.actors)} actors, {len(scenario_set.issues)} issues, "
        f"{len(scenario_set.stances)} stances, {len(scenario_set.sources)} sources, "
        f"{len(scenario_set.observations)} observations"
    )


def validate(path: Path) -> int:
    """Print problems or one OK line per set; 1 when any set has problems, 2 when ``path`` is
    not a folder."""
    shown = one_line(str(path))
    if not path.exists():
        return _fail(f"no such folder: {shown}", 2)
    if not path.is_dir():
        return _fail(f"{shown} is a file; give a set folder (with set.yaml) or a folder of sets", 2)
    if (path / "set.yaml").exists():
        result = load_set(path, shown_as=str(path))
        results = {path.name: (result.set, result.problems)}
    else:
        catalog = load_catalog(path)
        results = {k: (v, ()) for k, v in catalog.sets.items()}
        results |= {k: (None, v) for k, v in catalog.problems.items()}
    if not results:
        return _fail(f"no scenario set found under {shown}")
    failed = False
    for _, (scenario_set, problems) in sorted(results.items()):
        for problem in problems:
            print(problem)
        if scenario_set is not None:
            print(_summary(scenario_set))
        failed = failed or bool(problems)
    return 1 if failed else 0


def _unknown(what: str, value: str, known: list[str]) -> int:
    known_ones = one_line(", ".join(known) or "none")
    return _fail(f"no {what} {one_line(repr(value))}; choose one of: {known_ones}", 2)


def brief(args: argparse.Namespace) -> int:
    """Write the brief of a pair (or of A alone with ``--b none``); 2 for an unknown id."""
    # Imported here: they pull in pandas and plotly, which would slow validate and schema by ~1.5 s.
    from explorer.publish.brief import brief_html
    from explorer.publish.citation import LOCAL_BASE
    from explorer.publish.pdf import CHROMIUM, counted_brief_pdf
    from explorer.views import view_link

    catalog = load_catalog(scenarios_root())
    set_id = args.set or next(iter(catalog.ids), None)
    if set_id is None or set_id in catalog.problems:
        which = f"scenario set {one_line(repr(set_id))} has" if set_id else "every scenario set has"
        print(f"{which} problems: run `python -m explorer validate`", file=sys.stderr)
        return 1
    if set_id not in catalog.sets:
        return _unknown("scenario set", set_id, catalog.ids)
    scenario_set = catalog[set_id]
    ids = [s.id for s in scenario_set.scenarios]
    a = args.a or scenario_set.info.default_pair[0]
    b = args.b or scenario_set.info.default_pair[1]
    for value in (a, b):
        if value not in [*ids, NO_B]:
            return _unknown(f"scenario in {set_id}", value, ids)
    if a in (NO_B, b):
        print("--a must be a scenario, and --b another one (or none)", file=sys.stderr)
        return 2
    b_id = None if b == NO_B else b
    state = replace(default_state(catalog, set_id), a=a, b=b_id)
    link = args.link or view_link(LOCAL_BASE, encode(state, catalog))
    today = dt.date.today()
    out = args.out or Path(
        f"brief-{a}" + (f"-vs-{b_id}" if b_id else "") + (".pdf" if args.pdf else ".html")
    )
    if args.pdf:
        printed = counted_brief_pdf(lambda n: brief_html(scenario_set, a, b_id, link, today, n))
        if printed is None:
            print(f"could not print a PDF: no working Chromium at {CHROMIUM}", file=sys.stderr)
            return 1
        out.write_bytes(printed[0])
    else:
        out.write_text(brief_html(scenario_set, a, b_id, link, today), encoding="utf-8")
    print(f"wrote {one_line(str(out))}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m explorer")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check scenario sets and report problems")
    check.add_argument("path", nargs="?", type=Path, default=None)
    commands.add_parser("schema", help="print the JSON Schema of a scenario file")
    page = commands.add_parser("brief", help="write a printable brief of two scenarios")
    page.add_argument("--set", help="scenario set id (default: the first set)")
    page.add_argument("--a", help="scenario A (default: the set's default pair)")
    page.add_argument("--b", help="scenario B, or 'none' for A alone")
    page.add_argument("--out", type=Path, help="file to write (default: brief-A-vs-B.html)")
    page.add_argument("--pdf", action="store_true", help="print to PDF with Chromium")
    page.add_argument("--link", help="the share link printed in the brief")
    args = parser.parse_args(argv)
    if args.command == "schema":
        print(json.dumps(Scenario.model_json_schema(), indent=2))
        return 0
    try:
        if args.command == "brief":
            return brief(args)
        return validate(args.path or scenarios_root())
    except OSError as err:
        where = f" {one_line(str(err.filename))}" if err.filename else ""
        return _fail(f"cannot read or write{where}: {one_line(err.strerror or str(err))}")
    except ScenarioError as err:
        return _fail(one_line(str(err)))


if __name__ == "__main__":
    sys.exit(main())
