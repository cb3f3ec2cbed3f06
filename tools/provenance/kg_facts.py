"""Reads the facts of a .kg directory (docs/data-format.md) for the
provenance tools: just enough of the format to know each fact's subject,
type, object, document and line, and each entity's names. The C++ loader
(grammar/kg/) stays the authority: the data tests load the same files with
it, so a file this reader misreads fails there first."""

import os
import unicodedata
from dataclasses import dataclass, field


def fold(text):
    """Names compare as the loader compares them: NFC, then case-folded."""
    return unicodedata.normalize("NFC", text).casefold()


@dataclass
class Fact:
    subject: str
    type: str
    object: str
    source: str
    line: int
    file: str
    file_line: int

    def key(self):
        return f"{self.source}:{self.line} {self.subject} {self.type} {self.object}"


@dataclass
class Graph:
    names: dict = field(default_factory=dict)  # canonical name -> [name, aliases...]
    facts: list = field(default_factory=list)

    def canonical(self, name):
        f = fold(name)
        for canonical, names in self.names.items():
            if any(fold(n) == f for n in names):
                return canonical
        return name


def _tokens(line):
    """Splits a statement into names and punctuation, dropping the comment and
    keeping a property map as one raw token."""
    out, i, n = [], 0, len(line)
    while i < n:
        c = line[i]
        if c in " \t\r\n":
            i += 1
        elif c == "#":
            break
        elif c in "\"'":
            j, text = i + 1, ""
            while j < n and line[j] != c:
                if line[j] == "\\" and j + 1 < n:
                    j += 1
                text += line[j]
                j += 1
            out.append(("name", text))
            i = j + 1
        elif c == "{":
            depth, j, quote = 0, i, None
            while j < n:
                ch = line[j]
                if quote:
                    if ch == "\\":
                        j += 1
                    elif ch == quote:
                        quote = None
                elif ch in "\"'":
                    quote = ch
                elif ch == "{":
                    depth += 1
                elif ch == "}":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            out.append(("map", line[i:j + 1]))
            i = j + 1
        elif c in ":,":
            out.append(("punct", c))
            i += 1
        else:
            j = i
            while j < n and line[j] not in " \t\r\n#,:{\"'":
                j += 1
            out.append(("name", line[i:j]))
            i = j
    return out


def load(data_dir):
    g = Graph()
    for file in sorted(os.listdir(data_dir)):
        if not file.endswith(".kg"):
            continue
        source = None
        with open(os.path.join(data_dir, file), encoding="utf-8-sig") as f:
            for number, raw in enumerate(f, 1):
                t = _tokens(raw)
                if not t:
                    continue
                if t[0] == ("name", "@source"):
                    source = t[1][1]
                elif len(t) > 1 and t[1] == ("punct", ":"):
                    names = g.names.setdefault(t[0][1], [t[0][1]])
                    if ("name", "aka") in t:
                        for kind, text in t[t.index(("name", "aka")) + 1:]:
                            if kind == "name":
                                names.append(text)
                elif len(t) >= 3:
                    line = next((int(text[1:]) for kind, text in t[3:] if kind == "name" and text.startswith("@")), 0)
                    g.facts.append(Fact(t[0][1], t[1][1], t[2][1], source, line, file, number))
    for fact in g.facts:
        fact.subject, fact.object = g.canonical(fact.subject), g.canonical(fact.object)
    return g


def read_lines(sources_dir, document):
    with open(os.path.join(sources_dir, document + ".txt"), encoding="utf-8") as f:
        return f.read().split("\n")
