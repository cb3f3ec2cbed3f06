#!/usr/bin/env python3
"""The cue check (docs/data-model.md, "Provenance"): every fact's cited line
should not only name both ends (tests/data checks that) but also say how they
are related. This reports each fact whose line holds no cue word of its
relationship type (cue_lexicon.txt); a person reviews each one and either
fixes the fact or lists it, with a reason, in cue_exceptions.txt.

Exit status: 0 when every flagged fact is a listed exception and every listed
exception is still flagged; 1 otherwise; 77 (CTest's skip) when the source
texts are not there, so a missing ../shared/seeds never counts as a pass.

  tools/provenance/cue_check.py [--data DIR] [--sources DIR] [--lexicon F] [--exceptions F]
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kg_facts  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SKIP = 77


def read_lexicon(path):
    lexicon = {}
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            kind, sep, cues = line.partition(":")
            if not sep:
                sys.exit(f"{path}:{number}: expected TYPE: cue, cue, ...")
            lexicon[kind.strip()] = [kg_facts.fold(c.strip()) for c in cues.split(",") if c.strip()]
    return lexicon


def read_exceptions(path):
    """DOC:LINE | SUBJECT | TYPE | OBJECT | reason  (one per line)."""
    exceptions = {}
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) != 5 or not parts[4]:
                sys.exit(f"{path}:{number}: expected DOC:LINE | SUBJECT | TYPE | OBJECT | reason")
            exceptions[f"{parts[0]} {parts[1]} {parts[2]} {parts[3]}"] = (parts[4], number)
    return exceptions


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=os.path.join(ROOT, "data"))
    ap.add_argument("--sources", default=os.path.join(ROOT, "..", "shared", "seeds"))
    ap.add_argument("--lexicon", default=os.path.join(HERE, "cue_lexicon.txt"))
    ap.add_argument("--exceptions", default=os.path.join(HERE, "cue_exceptions.txt"))
    ap.add_argument("--all", action="store_true", help="list every flagged fact, excepted or not")
    args = ap.parse_args()

    if not os.path.isdir(args.sources):
        print(f"SKIPPED: the source texts are not in {args.sources}; no cue checked")
        return SKIP
    lexicon = read_lexicon(args.lexicon)
    exceptions = read_exceptions(args.exceptions)
    graph = kg_facts.load(args.data)

    problems, flagged, checked = [], set(), 0
    for fact in graph.facts:
        where = f"{fact.file}:{fact.file_line}"
        cues = lexicon.get(fact.type)
        if cues is None:
            problems.append(f"{where}: {fact.type} has no cues in {os.path.basename(args.lexicon)}")
            continue
        try:
            text = kg_facts.fold(kg_facts.read_lines(args.sources, fact.source)[fact.line - 1])
        except (OSError, IndexError):
            problems.append(f"{where}: {fact.source} has no line {fact.line}")
            continue
        checked += 1
        if any(c in text for c in cues):
            continue
        flagged.add(fact.key())
        reason = exceptions.get(fact.key())
        if reason is None:
            problems.append(f"{where}: no {fact.type} cue on {fact.source}:{fact.line}: "
                            f"{fact.subject} {fact.type} {fact.object} (fix the fact, or list it in "
                            f"{os.path.basename(args.exceptions)} with a reason)")
        elif args.all:
            print(f"excepted  {fact.key()}: {reason[0]}")
    for key, (reason, number) in exceptions.items():
        if key not in flagged:
            problems.append(f"{os.path.basename(args.exceptions)}:{number}: '{key}' is no longer flagged "
                            f"(or no longer a fact): remove it")

    for p in problems:
        print(p)
    print(f"{checked} facts checked, {len(flagged)} without a cue, {len(exceptions)} reviewed exceptions, "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
