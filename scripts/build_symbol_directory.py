#!/usr/bin/env python3
"""Build resources/symbols/directory.json.gz from the public listing files in ../shared.

Rerunnable: `python scripts/build_symbol_directory.py [SOURCE_DIR] [--out DIR]`. The result is
one compact file (listings grouped under issuers, primary listing marked) that the app loads
at run time; the sources themselves are too large and too noisy to ship.

What it does, in order:
  1. US listings from the Nasdaq and NYSE/other-listed files and SEC EDGAR's ticker list;
     global listings from global_equities.csv (non-US venues only; US rows there only enrich).
  2. Drops notes, preferreds, warrants, units, rights, test issues, ETFs and delisted lines.
  3. Groups listings under an issuer: same SEC CIK, same ISIN, or the same normalised name in
     the same country (US listings join a global group by name when it is safe).
  4. Marks one primary listing per issuer: home market (by the issuer's country), main market
     over regional venues (Xetra over Berlin), US exchange for US issuers, then SEC's order.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from editor_app.core.tickers.exchanges import (  # noqa: E402
    EXCHANGES,
    EXTRA_HOME,
    US_MICS,
    YAHOO_SUFFIX,
)
from editor_app.core.tickers.names import clean_official, name_key  # noqa: E402

FORMAT_VERSION = 2
DIRECTORY_FILE = "directory.tsv.gz"
SOURCE_FILES = {
    "sec": "us_sec_company_tickers_exchange.json",
    "nasdaq": "us_nasdaq_listed.csv",
    "other": "us_other_listed.csv",
    "global": "global_equities.csv",
}
# Security descriptions that are not the company's common stock (or its ADR / LP units).
_NOT_STOCK = re.compile(
    r"\d\s?%|\d+ \d/\d|\bwarrants?\b|\bwts?\b|\brights\b|- rights?\b|\bunits?,? each\b|- units?\b|"
    r"\bnotes?\b|\bdebentures?\b|\bbonds?\b|\bcumulative\b|\bperpetual\b|\bsubordinated\b|"
    r"\bdue \d{4}\b|\betf\b|\betn\b|exchange[- ]traded|\bcertificates?\b|zertifikat|"
    r"\btest (?:stock|issue)\b|\b\d{1,2}[A-Z]{3}\d{2,4}\b|\b(?:MTN|EMTN|FLR|FRN|FLN)\b|\b\d{2}/\d{2}\b",
    re.IGNORECASE,
)
_PREFERRED = re.compile(r"\b(?:preferred|preference|pfd|pref)\b", re.IGNORECASE)
_EQUITY_WRAPPER = re.compile(r"american depositary|\badrs?\b|\bads\b|ordinary shares|common stock", re.IGNORECASE)


def not_stock(name: str) -> bool:
    """True for notes, preferreds, warrants, units, rights, funds' ETF lines and test issues."""
    if _NOT_STOCK.search(name):
        return True
    return bool(_PREFERRED.search(name)) and not _EQUITY_WRAPPER.search(name)


US_EXCHANGE_CODE = {"N": "XNYS", "A": "XASE", "P": "ARCX", "Z": "BATS", "V": "IEXG"}
SEC_EXCHANGE = {"NYSE": "XNYS", "Nasdaq": "XNAS", "CBOE": "BATS", "OTC": "OTCM"}
ISIN_COUNTRY = {
    "US": "United States",
    "CA": "Canada",
    "GB": "United Kingdom",
    "DE": "Germany",
    "FR": "France",
    "JP": "Japan",
    "CN": "China",
    "HK": "Hong Kong",
    "KY": "Cayman Islands",
    "BM": "Bermuda",
    "NL": "Netherlands",
    "CH": "Switzerland",
    "KR": "South Korea",
    "TW": "Taiwan",
    "IN": "India",
    "AU": "Australia",
    "IE": "Ireland",
    "LU": "Luxembourg",
    "SE": "Sweden",
    "IT": "Italy",
    "ES": "Spain",
    "BR": "Brazil",
    "IL": "Israel",
}


# Tie-break between main markets when no line is on the issuer's home market: bigger first.
MARKET_ORDER = {
    mic: i
    for i, mic in enumerate(
        [
            "XNYS",
            "XNAS",
            "XSHG",
            "XJPX",
            "XHKG",
            "XSHE",
            "XNSE",
            "XLON",
            "XPAR",
            "XAMS",
            "XTSE",
            "XETR",
            "XSWX",
            "XKRX",
            "XTAI",
            "XASX",
            "XSAU",
            "XJSE",
            "XSTO",
            "XCSE",
            "XMIL",
            "XMAD",
            "BVMF",
            "XSES",
        ]
    )
}


@dataclass
class Listing:
    symbol: str
    mic: str
    name: str
    country: str = ""  # the company's country as the source gives it
    currency: str = ""
    isin: str = ""
    figi: str = ""
    cik: int = 0
    sec_rank: int = 10**9  # position in SEC's list (sorted by size): lower is bigger
    source: str = ""
    venue_tier: int | None = None  # override of the exchange tier (LSE international book)
    sector: str = ""
    keys: list[tuple] = field(default_factory=list)


ETF_SECTOR = "ETF"  # issuer sector of exchange-traded funds: tagged by their code, never merged
_ISIN = re.compile(r"^[A-Z]{2}[A-Z0-9]{9}[0-9]$")
_BDR = re.compile(r"^[A-Z0-9]{4}3[2-5]$")  # Brazilian depositary receipts (AAPL34): never a home line


def etf_listing(sym: str, mic: str, name: str) -> Listing:
    name = re.sub(r"\s+(?:ETF\s+)?(?:Shares|Common Shares|Units|of Beneficial Interest)$", "", " ".join(name.split()))
    return Listing(us_symbol(sym), mic, name, "United States", "USD", source="etf", sector=ETF_SECTOR)


def us_company_name(row: dict) -> str:
    """The NYSE file cuts some company names to one word ("Snap" for Snap-On Incorporated,
    "Bristol" for Bristol-Myers Squibb): the security's own name is then the fuller one."""
    company = clean_official(row["Company Name"])
    security = clean_official(row["Security Name"])
    if security.lower().startswith(company.lower()) and len(security) > len(company):
        return security
    return company


def us_symbol(sym: str) -> str:
    """One spelling for US share classes: BRK-B, BRK/B, BRK.B -> BRK.B."""
    return sym.strip().upper().replace("-", ".").replace("/", ".")


def read_us(src: Path, counts: Counter) -> dict[tuple[str, str], Listing]:
    out: dict[tuple[str, str], Listing] = {}
    with open(src / SOURCE_FILES["nasdaq"], encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            sym = (row.get("Symbol") or "").strip()
            if not sym or " " in sym or "File Creation" in sym:
                continue
            if row["ETF"] == "Y" and row["Test Issue"] != "Y":
                out[(us_symbol(sym), "XNAS")] = etf_listing(sym, "XNAS", row["Security Name"])
                counts["us ETFs and funds kept"] += 1
                continue
            if row["Test Issue"] == "Y" or not_stock(row["Security Name"]):
                counts["us dropped (test/not common stock)"] += 1
                continue
            out[(us_symbol(sym), "XNAS")] = Listing(
                us_symbol(sym),
                "XNAS",
                clean_official(row["Company Name"] or row["Security Name"]),
                "",
                "USD",
                source="nasdaq",
            )
    with open(src / SOURCE_FILES["other"], encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            sym = (row.get("ACT Symbol") or "").strip()
            mic = US_EXCHANGE_CODE.get(row.get("Exchange", ""))
            if not sym or not mic or "$" in sym or " " in sym:
                counts["us dropped (test/ETF/not common stock)"] += bool(sym)
                continue
            if row["ETF"] == "Y" and row["Test Issue"] != "Y" and not re.search(r"\.(?:U|W|WS|R|RT|WI)$", sym):
                out[(us_symbol(sym), mic)] = etf_listing(sym, mic, row["Security Name"])
                counts["us ETFs and funds kept"] += 1
                continue
            if (
                re.search(r"\.(?:U|W|WS|R|RT|WI)$", sym)
                or row["ETF"] == "Y"
                or row["Test Issue"] == "Y"
                or not_stock(row["Security Name"])
            ):
                counts["us dropped (test/ETF/not common stock)"] += 1
                continue
            out[(us_symbol(sym), mic)] = Listing(
                us_symbol(sym), mic, us_company_name(row), "", "USD", source="nyse-other"
            )
    data = json.loads((src / SOURCE_FILES["sec"]).read_text(encoding="utf-8"))
    fields = data["fields"]
    for rank, values in enumerate(data["data"]):
        rec = dict(zip(fields, values, strict=False))
        mic = SEC_EXCHANGE.get(rec.get("exchange") or "")
        sym = us_symbol(rec.get("ticker") or "")
        if not mic or not sym:
            continue
        if re.search(r"\.(?:P[A-Z]?|W|WS|WT|U|UN|R|RT)$", sym) or re.search(r"\.P[A-Z]$", sym):
            counts["sec dropped (preferred/warrant/unit)"] += 1
            continue
        hit = out.get((sym, mic))
        if hit is None:
            # SEC's exchange can lag (moves between NYSE and Nasdaq); match the symbol anywhere
            hit = next(
                (out[(sym, m)] for m in ("XNYS", "XNAS", "XASE", "BATS", "ARCX", "IEXG") if (sym, m) in out), None
            )
        if hit is not None:
            hit.cik, hit.sec_rank = rec["cik"], min(hit.sec_rank, rank)
            continue
        if mic == "OTCM":
            out[(sym, mic)] = Listing(
                sym, mic, clean_official(rec["name"]), "", "USD", cik=rec["cik"], sec_rank=rank, source="sec-otc"
            )
        else:
            counts["sec only, not in exchange lists (dropped)"] += 1
    # OTC quotes only for issuers without an exchange listing.
    listed_ciks = {v.cik for v in out.values() if v.mic != "OTCM" and v.cik}
    for key in [k for k, v in out.items() if v.mic == "OTCM" and v.cik in listed_ciks]:
        del out[key]
        counts["sec OTC line of an exchange-listed issuer (dropped)"] += 1
    return out


def read_global(src: Path, us: dict[tuple[str, str], Listing], counts: Counter) -> list[Listing]:
    out: dict[tuple[str, str], Listing] = {}
    isin_rows: list[tuple[str, str, str]] = []  # (isin, name, country) of rows whose symbol is an ISIN
    with open(src / SOURCE_FILES["global"], encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            ysym, name = row["symbol"].strip(), " ".join(row["name"].split())
            if row["delisted"] == "True":
                counts["global dropped (delisted)"] += 1
                continue
            # Outside the US, preference shares (Volkswagen's VOW3, Petrobras' PETR4) are traded
            # equity: kept, but never primary when an ordinary line exists.
            if not ysym or not name or _NOT_STOCK.search(name) or "^" in ysym:
                counts["global dropped (not common stock / no name)"] += 1
                continue
            mic, suffix = row["mic"], ""
            if "." in ysym:
                base, suffix = ysym.rsplit(".", 1)
            else:
                base = ysym
            if _ISIN.match(base):
                counts["global: ISIN where the symbol belongs (kept as the identifier only)"] += 1
                isin_rows.append((base, name, row["country"]))
                continue
            if (mic or YAHOO_SUFFIX.get(suffix, "")) == "BVMF" and _BDR.match(base):
                counts["global dropped (Brazilian depositary receipt)"] += 1
                continue
            if not mic:
                mic = YAHOO_SUFFIX.get(suffix, "")
            if mic in US_MICS or (not suffix and row["country"] == "United States" and not mic):
                # US venues come from the exchanges' own lists; these rows only add identifiers.
                hit = us.get((us_symbol(ysym), "XNYS")) or us.get((us_symbol(ysym), mic))
                if hit:
                    hit.isin = hit.isin or row["isin"]
                    hit.figi = hit.figi or row["figi"]
                    hit.sector = hit.sector or row["sector"]
                    hit.country = hit.country or row["country"]
                continue
            if mic not in EXCHANGES:
                counts["global dropped (venue not kept, e.g. EuroTLX)"] += 1
                continue
            if EXCHANGES[mic].yahoo and suffix not in (EXCHANGES[mic].yahoo, "IL", "VX"):
                counts["global dropped (symbol/venue mismatch)"] += 1
                continue
            tier = 1 if suffix == "IL" else None  # LSE international order book
            key = (base, mic)
            if key in out:
                continue
            out[key] = Listing(
                base,
                mic,
                name,
                row["country"],
                row["currency"],
                row["isin"],
                row["figi"],
                source="global",
                venue_tier=tier,
                sector=row["sector"],
            )
    # an ISIN printed as a symbol is the company's identifier: it goes to its real listings
    by_key: dict[tuple[str, str], list[Listing]] = defaultdict(list)
    for li in out.values():
        by_key[(name_key(li.name), li.country)].append(li)
    for isin, name, country in isin_rows:
        for li in by_key.get((name_key(name), country), ()):
            if not li.isin and li.mic in EXCHANGES and EXCHANGES[li.mic].country == ISIN_COUNTRY.get(isin[:2]):
                li.isin = isin
                counts["global: ISIN moved from a symbol to its listings"] += 1
    return list(out.values())


SUPPLEMENT = REPO / "scripts" / "symbol_data" / "home_listings.tsv"


def read_supplement(glob: list[Listing], counts: Counter) -> list[Listing]:
    """Home listings the global file lacks (China Mobile's 0941 on HKEX), from home_listings.tsv."""
    have = {(li.symbol, li.mic) for li in glob}
    out = []
    lines = [ln for ln in SUPPLEMENT.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        if (row["symbol"], row["mic"]) in have:
            continue
        out.append(Listing(row["symbol"], row["mic"], row["name"], row["country"], row["currency"], source="home-list"))
        counts["home listings added (home_listings.tsv)"] += 1
    return out


class UnionFind:
    """Groups of listings; two groups with different SEC registrants (CIK) never merge: Snap Inc
    and Snap-on share a word, not a company."""

    def __init__(self, n: int, ciks: list[int] | None = None) -> None:
        self.parent = list(range(n))
        self.cik = list(ciks or [0] * n)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        ca, cb = self.cik[ra], self.cik[rb]
        if ca and cb and ca != cb:
            return
        lo, hi = min(ra, rb), max(ra, rb)
        self.parent[hi] = lo
        self.cik[lo] = ca or cb


FOREIGN_FORM = re.compile(r"\b(?:ltd|limited|plc|ag|n\.?v|s\.?a|se|asa|ab|spa|s\.p\.a|kk|oyj|tbk)\b\.?", re.IGNORECASE)


def group(listings: list[Listing]) -> list[list[int]]:
    uf = UnionFind(len(listings), [li.cik for li in listings])
    first: dict[tuple, int] = {}

    def link(i: int, key: tuple) -> None:
        j = first.setdefault(key, i)
        if j != i:
            uf.union(i, j)

    for i, li in enumerate(listings):
        if li.sector == ETF_SECTOR:
            continue  # a fund is its own instrument
        if li.cik:
            link(i, ("cik", li.cik))
        if li.isin and li.mic not in US_MICS:
            link(i, ("isin", li.isin))
        k = name_key(li.name)
        if len(k) >= 2 and li.mic not in US_MICS:
            link(i, ("name", k, li.country))
    # US listings join a global group by name when that is safe: the group is a US company's
    # foreign lines, or the US line is an ADR / foreign company of a multi-listed group.
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, li in enumerate(listings):
        if li.mic not in US_MICS:
            by_key[name_key(li.name)].append(i)
    for i, li in enumerate(listings):
        if li.mic not in US_MICS or li.sector == ETF_SECTOR:
            continue
        k = name_key(li.name)
        cands = by_key.get(k)
        if not cands or len(k) < 2:
            continue
        roots = Counter(uf.find(j) for j in cands)
        root, size = roots.most_common(1)[0]
        countries = Counter(listings[j].country for j in cands if uf.find(j) == root)
        country = countries.most_common(1)[0][0]
        foreign = bool(FOREIGN_FORM.search(li.name)) or (li.source == "nasdaq" and "Depositary" in li.name)
        words = len(k.split())
        if (
            country == "United States"
            or (foreign and size >= 2)
            or (words >= 2 and size >= 2)
            or words >= 3
            or (size >= 3 and len(k) >= 4)
        ):
            uf.union(i, root)

    # Lines that only trade on regional venues under a mangled name ("Tencent Hdgs" in Berlin)
    # join the main group with the same name key, whatever country the venue row claims.
    def tier(li: Listing) -> int:
        return EXCHANGES[li.mic].tier if li.venue_tier is None else li.venue_tier

    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(listings)):
        members[uf.find(i)].append(i)
    main_by_key: dict[str, tuple[int, int]] = {}
    for root, idx in members.items():
        if max(tier(listings[i]) for i in idx) >= 2:
            for k in {name_key(listings[i].name) for i in idx}:
                if len(k) >= 3 and (k not in main_by_key or main_by_key[k][1] < len(idx)):
                    main_by_key[k] = (root, len(idx))
    for root, idx in members.items():
        regional = max(tier(listings[i]) for i in idx) <= 1
        unplaced = not any(listings[i].country or listings[i].isin or listings[i].cik for i in idx)
        if regional or unplaced:  # unplaced: "VOLKSWAGEN" in Budapest, no country, no ISIN
            for k in {name_key(listings[i].name) for i in idx}:
                if k in main_by_key:
                    uf.union(root, main_by_key[k][0])
                    break
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(listings)):
        groups[uf.find(i)].append(i)
    return list(groups.values())


def issuer_country(members: list[Listing]) -> str:
    votes = Counter(li.country for li in members if li.country)
    if votes:
        return votes.most_common(1)[0][0]
    for li in members:
        if li.isin[:2] in ISIN_COUNTRY:
            return ISIN_COUNTRY[li.isin[:2]]
    if any(li.mic in US_MICS for li in members):
        return "United States"
    return EXCHANGES[members[0].mic].country


def primary_score(li: Listing, country: str) -> tuple:
    ex = EXCHANGES[li.mic]
    tier = ex.tier if li.venue_tier is None else li.venue_tier
    home = ex.country == country or li.mic in EXTRA_HOME.get(country, ())
    score = tier * 10 + (50 if home and tier > 0 else 0)
    if li.mic in ("XNYS", "XNAS") and not home:
        score += 15  # foreign issuers without a home line usually trade as ADRs in New York
    if li.mic in US_MICS and country == "United States" and li.source != "global":
        score += 20
    if ex.country == "China" and home:
        score += 5  # A-share home market before Hong Kong for mainland issuers
    return (
        -score,
        bool(_PREFERRED.search(li.name)),
        li.sec_rank,
        MARKET_ORDER.get(li.mic, 99),
        not li.isin,
        len(li.symbol),
        li.symbol,
    )


def best_name(members: list[Listing]) -> str:
    def rank(li: Listing) -> tuple:
        mixed = not li.name.isupper()
        return (li.source not in ("nasdaq", "nyse-other"), not mixed, li.source == "sec-otc", len(li.name))

    return min(members, key=rank).name


def build(src: Path, out_dir: Path) -> dict:
    t0 = time.perf_counter()
    counts: Counter = Counter()
    us = read_us(src, counts)
    glob = read_global(src, us, counts)
    glob += read_supplement(glob, counts)
    listings = list(us.values()) + glob
    groups = group(listings)
    groups.sort(key=lambda g: min(listings[i].sec_rank for i in g))
    out_issuers, out_listings = [], []
    for members_idx in groups:
        members = [listings[i] for i in members_idx]
        country = issuer_country(members)
        members.sort(key=lambda li: primary_score(li, country))
        iid = len(out_issuers)
        name = best_name(members)
        cik = next((li.cik for li in members if li.cik), 0)
        sector = next((li.sector for li in members if li.sector), "")
        out_issuers.append([name, country, cik, sector, len(out_listings), len(members), name_key(name)])
        for li in members:  # primary first
            out_listings.append(
                [li.symbol, li.mic, "" if li.name == name else li.name, li.currency, li.isin, li.figi, iid]
            )
    sources = []
    for _key, fname in SOURCE_FILES.items():
        data = (src / fname).read_bytes()
        sources.append({"file": fname, "sha256": hashlib.sha256(data).hexdigest()[:16]})
    provenance = (src / "PROVENANCE.txt").read_text(encoding="utf-8") if (src / "PROVENANCE.txt").exists() else ""
    meta = {
        "format": FORMAT_VERSION,
        "built": time.strftime("%Y-%m-%d"),
        "sources": sources,
        "provenance": provenance.strip().splitlines(),
        "issuer_fields": ["name", "country", "cik", "sector", "first_listing", "n_listings", "name_key"],
        "listing_fields": ["symbol", "mic", "name_if_different", "currency", "isin", "figi", "issuer"],
        "issuers": len(out_issuers),
        "listings": len(out_listings),
    }

    def line(values: list) -> str:
        return "\t".join(" ".join(str(v).split()) if isinstance(v, str) else str(v) for v in values)

    # Line 1: JSON metadata; then one tab-separated line per issuer, then per listing. Splitting
    # lines is several times faster to load than the same data as nested JSON lists.
    body = "\n".join(
        [json.dumps(meta, ensure_ascii=False, separators=(",", ":"))]
        + [line(r) for r in out_issuers]
        + [line(r) for r in out_listings]
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / DIRECTORY_FILE
    for stale in out_dir.glob("directory.*"):
        if stale != target:
            stale.unlink()
    with open(target, "wb") as fh:  # mtime=0: rebuilding the same data gives the same bytes
        with gzip.GzipFile(filename="", mode="wb", fileobj=fh, compresslevel=9, mtime=0) as gz:
            gz.write(body.encode("utf-8"))
    counts["issuers"] = len(out_issuers)
    counts["listings"] = len(out_listings)
    return {
        "target": target,
        "counts": counts,
        "seconds": time.perf_counter() - t0,
        "provenance": provenance,
        "bytes": target.stat().st_size,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "source",
        nargs="?",
        type=Path,
        default=REPO / ".." / "shared" / "data" / "symbols",
        help="folder with the listing files (default: ../shared/data/symbols)",
    )
    parser.add_argument("--out", type=Path, default=REPO / "resources" / "symbols")
    args = parser.parse_args(argv)
    src = args.source.resolve()
    missing = [f for f in SOURCE_FILES.values() if not (src / f).is_file()]
    if missing:
        print(f"build_symbol_directory: missing in {src}: {', '.join(missing)}", file=sys.stderr)
        return 2
    result = build(src, args.out)
    print(f"wrote {result['target']} ({result['bytes'] / 1e6:.2f} MB) in {result['seconds']:.1f} s")
    for key, value in sorted(result["counts"].items()):
        print(f"  {key}: {value:,}")
    print("provenance (from PROVENANCE.txt):")
    for line in result["provenance"].strip().splitlines():
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
