"""Command line entry point. Each subcommand lives in its own ``_cmd_*`` module
exposing ``add_parser(subparsers)`` and ``run(args) -> int``."""
from __future__ import annotations

import argparse
import importlib
import sys

#: subcommand name -> module (relative to this package)
COMMANDS = {
    "clean": "._cmd_clean",
    "batch": "._cmd_batch",
    "explain": "._cmd_explain",
    "report": "._cmd_report",
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="boilerstrip", description="Strip boilerplate from scraped pages.")
    sub = ap.add_subparsers(dest="cmd", required=True)
    modules = {}
    for name, modname in COMMANDS.items():
        mod = importlib.import_module(modname, __package__)
        mod.add_parser(sub)
        modules[name] = mod
    args = ap.parse_args(argv)
    try:
        return modules[args.cmd].run(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
