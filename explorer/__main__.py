"""Command line: ``python -m explorer validate [PATH]`` and ``python -m explorer schema``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from explorer.catalog import load_catalog, scenarios_root
from explorer.loader import load_set
from explorer.model import Scenario, ScenarioSet


def _summary(scenario_set: ScenarioSet) -> str:
    return (
        f"OK {scenario_set.id}: {len(scenario_set.scenarios)} scenarios, "
        f"{len(scenario_set.actors)} actors, {len(scenario_set.issues)} issues, "
        f"{len(scenario_set.stances)} stances, {len(scenario_set.sources)} sources, "
        f"{len(scenario_set.observations)} observations"
    )


def validate(path: Path) -> int:
    """Print problems or one OK line per set; 1 when any set has problems."""
    if (path / "set.yaml").exists():
        result = load_set(path, shown_as=str(path))
        results = {path.name: (result.set, result.problems)}
    else:
        catalog = load_catalog(path)
        results = {k: (v, ()) for k, v in catalog.sets.items()}
        results |= {k: (None, v) for k, v in catalog.problems.items()}
    if not results:
        print(f"no scenario set found under {path}", file=sys.stderr)
        return 1
    failed = False
    for _, (scenario_set, problems) in sorted(results.items()):
        for problem in problems:
            print(problem)
        if scenario_set is not None:
            print(_summary(scenario_set))
        failed = failed or bool(problems)
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m explorer")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check scenario sets and report problems")
    check.add_argument("path", nargs="?", type=Path, default=None)
    commands.add_parser("schema", help="print the JSON Schema of a scenario file")
    args = parser.parse_args(argv)
    if args.command == "schema":
        print(json.dumps(Scenario.model_json_schema(), indent=2))
        return 0
    return validate(args.path or scenarios_root())


if __name__ == "__main__":
    sys.exit(main())
