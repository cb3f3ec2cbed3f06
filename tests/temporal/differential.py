#!/usr/bin/env python3
"""Differential test of ergo's date-time parsing and arithmetic.

Generates seeded random date-times (fixed offsets and named zones of the tz
database, daylight-saving gaps and overlaps included) and durations, has
build/bin/ergo read, print and add them in batch mode, and checks every
answer against Python's datetime and zoneinfo computing what Neo4j 5
(java.time) computes:

- a local time in a named zone resolves as java.time resolves it: in a gap
  it moves later by the gap, in an overlap the earlier offset wins;
- temporal + duration adds the months (day of month clamped), then the days
  to the local date-time, re-resolves in the zone (keeping the offset when
  it is still valid), then adds the seconds to the instant;
- the text is ISO 8601 with seconds, the fraction without trailing zeros,
  Z for a zero offset, and the zone's name in brackets.

Usage: differential.py ERGO [--cases N] [--seed S]. Exits 77 (SKIPPED) when
zoneinfo or the tz database is missing.
"""
import argparse
import calendar
import json
import random
import subprocess
import sys
from datetime import datetime, timedelta, timezone

try:
    from zoneinfo import ZoneInfo
    ZoneInfo("Asia/Seoul")
except Exception as e:  # no zoneinfo module or no tz database
    print(f"SKIP: Python's zoneinfo is unavailable ({e})")
    sys.exit(77)

ZONES = ["Asia/Seoul", "Europe/London", "America/New_York", "Australia/Lord_Howe", "America/Sao_Paulo",
         "Europe/Berlin", "Asia/Kolkata", "Pacific/Chatham", "America/St_Johns", "Africa/Casablanca",
         "Pacific/Apia", "Europe/Moscow", "America/Los_Angeles", "Australia/Sydney"]
CHUNK = 400


def offset_text(seconds):
    if seconds == 0:
        return "Z"
    sign = "-" if seconds < 0 else "+"
    s = abs(seconds)
    text = f"{sign}{s // 3600:02d}:{s // 60 % 60:02d}"
    return text + (f":{s % 60:02d}" if s % 60 else "")


def local_text(dt):
    text = f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}T{dt.hour:02d}:{dt.minute:02d}:{dt.second:02d}"
    if dt.microsecond:
        text += "." + f"{dt.microsecond:06d}".rstrip("0")
    return text


def resolve(local, zone, preferred=None):
    """The aware datetime java.time gives a local reading in a named zone."""
    tz = ZoneInfo(zone)
    early = local.replace(tzinfo=tz, fold=0)
    late = local.replace(tzinfo=tz, fold=1)
    if early.utcoffset() != late.utcoffset():
        # Ambiguous (overlap) or missing (gap): compare the round trips.
        back = early.astimezone(timezone.utc).astimezone(tz)
        if back.replace(tzinfo=None) != local:  # a gap: the offset before it, shown after it
            return early.astimezone(timezone.utc).astimezone(tz)
        if preferred is not None and late.utcoffset() == preferred:
            return late
        return early  # fold=0 is the earlier offset
    return early


def zoned_text(aware, zone):
    off = int(aware.utcoffset().total_seconds())
    return local_text(aware.replace(tzinfo=None)) + offset_text(off) + (f"[{zone}]" if zone else "")


def plus_months(local, months):
    index = local.year * 12 + (local.month - 1) + months
    year, month = divmod(index, 12)
    day = min(local.day, calendar.monthrange(year, month + 1)[1])
    return local.replace(year=year, month=month + 1, day=day)


def duration_text(months, days, total_micros):
    """Neo4j's text of a duration: years and months, days, then hours,
    minutes and seconds of the time part, each with its sign."""
    out = "P"
    years = int(months / 12)
    if years:
        out += f"{years}Y"
    if months - years * 12:
        out += f"{months - years * 12}M"
    if days:
        out += f"{days}D"
    if total_micros:
        out += "T"
        s = int(total_micros / 1_000_000)
        f = abs(total_micros) % 1_000_000
        h = int(s / 3600)
        m = int((s - h * 3600) / 60)
        sec = s - h * 3600 - m * 60
        if h:
            out += f"{h}H"
        if m:
            out += f"{m}M"
        if sec or f:
            if sec == 0 and total_micros < 0:
                out += "-"
            out += str(sec)
            if f:
                out += "." + f"{f:06d}".rstrip("0")
            out += "S"
    return out if out != "P" else "PT0S"


def case(rng, i):
    year = rng.choice([rng.randint(1900, 2100), rng.randint(2015, 2025)])
    month = rng.randint(1, 12)
    day = rng.randint(1, calendar.monthrange(year, month)[1])
    local = datetime(year, month, day, rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59),
                     rng.choice([0, 0, rng.randint(0, 999999), rng.randint(0, 999) * 1000]))
    if rng.random() < 0.5:
        zone = rng.choice(ZONES)
        offset = None
    else:
        zone = None
        offset = rng.randint(-14 * 4, 14 * 4) * 15 * 60
    text = local_text(local) + (f"[{zone}]" if zone else offset_text(offset))
    months = rng.choice([0, rng.randint(-30, 30)])
    days = rng.choice([0, rng.randint(-400, 400)])
    seconds = rng.choice([0, rng.randint(-200000, 200000), rng.randint(-86400 * 3, 86400 * 3)])
    micros = rng.choice([0, rng.randint(0, 999999)])
    dur = f"P{months}M{days}DT{seconds}.{micros:06d}S" if micros else f"P{months}M{days}DT{seconds}S"

    # What Neo4j answers.
    if zone:
        start = resolve(local, zone)
    else:
        start = local.replace(tzinfo=timezone(timedelta(seconds=offset)))
    moved = start.replace(tzinfo=None)
    moved = plus_months(moved, months) + timedelta(days=days)
    if zone:
        shifted = resolve(moved, zone, preferred=start.utcoffset())
    else:
        shifted = moved.replace(tzinfo=start.tzinfo)
    # The text -5.25S is minus five and a quarter seconds.
    total_micros = (-1 if seconds < 0 else 1) * (abs(seconds) * 1_000_000 + micros)
    end_utc = shifted.astimezone(timezone.utc) + timedelta(microseconds=total_micros)
    end = end_utc.astimezone(ZoneInfo(zone)) if zone else end_utc.astimezone(start.tzinfo)
    expected = {
        "parsed": zoned_text(start, zone),
        "epoch": calendar.timegm(start.astimezone(timezone.utc).timetuple()),
        "sum": zoned_text(end, zone),
        "sumEpoch": calendar.timegm(end.astimezone(timezone.utc).timetuple()),
        "duration": duration_text(months, days, total_micros),
    }
    return {"id": i, "s": text, "d": dur}, expected


def cypher_string(s):
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ergo")
    ap.add_argument("--cases", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=15)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    cases, expected = [], {}
    for i in range(args.cases):
        c, e = case(rng, i)
        cases.append(c)
        expected[i] = e
    script = []
    for start in range(0, len(cases), CHUNK):
        rows = ", ".join(f"{{id: {c['id']}, s: {cypher_string(c['s'])}, d: {cypher_string(c['d'])}}}"
                         for c in cases[start:start + CHUNK])
        script.append(f"UNWIND [{rows}] AS c WITH c, datetime(c.s) AS t, duration(c.d) AS d "
                      "RETURN c.id AS id, toString(t) AS parsed, t.epochSeconds AS epoch, "
                      "toString(t + d) AS sum, (t + d).epochSeconds AS sumEpoch, toString(d) AS duration;")
    done = subprocess.run([args.ergo, "--format", "jsonl", "-f", "-"], input="\n".join(script), text=True,
                          capture_output=True, timeout=540)
    if done.returncode != 0:
        print(f"ergo failed ({done.returncode}): {done.stderr[:2000]}")
        return 1
    seen, failures = 0, []
    for line in done.stdout.splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        seen += 1
        want = expected[row["id"]]
        for key, value in want.items():
            if row[key] != value:
                c = cases[row["id"]]
                failures.append(f"case {row['id']}: datetime('{c['s']}') + duration('{c['d']}'): {key} is "
                                f"{row[key]!r}, Python says {value!r}")
    if seen != len(cases):
        failures.append(f"ergo answered {seen} rows for {len(cases)} cases")
    for f in failures[:30]:
        print(f)
    print(f"{len(cases)} cases (seed {args.seed}): {len(cases) - len(failures)} agree, {len(failures)} differ")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
