#!/usr/bin/env python3
"""Headline and claim check (issue 15): precision and recall of `core.headline_check`.

1. Our own evaluation set, benchmarks/data/headline_claims.jsonl (sentences we wrote, with
   made-up companies besides Ford and Xiaomi): each line a headline or dek, a claim, its status
   and whether the checklist should warn. The claim's responses are built from the status
   (denied: every party denies; disputed: the first confirms, the second denies; unconfirmed:
   none; retracted: the reporting outlet retracts).
2. Real wire headlines over answered claims, read at run time from ../shared/data/claims-dev/
   (never copied into the project): wire desks attribute a denied claim in the headline, so
   every warning there is most likely a false alarm. Only ids and counts are printed unless
   --errors is given (then the headline words it quoted, on the terminal only).

Run: PYTHONPATH=src .venv/bin/python benchmarks/bench_headline_check.py [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from editor_app.core.claims import Appearance, Claim, ClaimStatus, Response, Stance
from editor_app.core.headline_check import CHECKED, check_field

ROOT = Path(__file__).resolve().parents[1]
OWN_SET = ROOT / "benchmarks" / "data" / "headline_claims.jsonl"
CLAIMS_DEV = ROOT.parent / "shared" / "data" / "claims-dev" / "corpus.jsonl"


def claim_for(wording: str, status: str, parties: list[str]) -> Claim:
    responses: list[Response] = []
    appearances: list[Appearance] = []
    if status == "denied":
        responses = [Response(party=p, stance=Stance.DENIES) for p in parties]
    elif status == "confirmed":
        responses = [Response(party=p, stance=Stance.CONFIRMS) for p in parties[:1]]
    elif status == "disputed":
        responses = [Response(party=parties[0], stance=Stance.CONFIRMS)]
        responses += [Response(party=p, stance=Stance.DENIES) for p in parties[1:2]]
    elif status == "retracted":
        appearances = [Appearance(outlet="The Paper")]
        responses = [Response(party="The Paper", stance=Stance.RETRACTS)]
    claim = Claim(key="c1", wording=wording, responses=responses, appearances=appearances)
    assert claim.effective.status == ClaimStatus(status), (wording, status, claim.effective)
    return claim


def score(rows: list[dict], show_errors: bool) -> dict:
    tp = fp = fn = tn = 0
    for row in rows:
        claim = claim_for(row["claim"], row["status"], row["parties"])
        warned = check_field(row["field"], row["text"], claim) is not None
        kind = ""
        if warned and row["warn"]:
            tp += 1
        elif warned:
            fp += 1
            kind = "false alarm"
        elif row["warn"]:
            fn += 1
            kind = "missed"
        else:
            tn += 1
        if kind and show_errors:
            print(f"  {kind:<11} {row['id']}  {row['text']!r}  over {row['claim']!r} ({row['status']})")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"pairs": len(rows), "tp": tp, "fp": fp, "fn": fn, "tn": tn, "precision": precision, "recall": recall}


def own_set(show_errors: bool) -> dict[str, dict]:
    """Scores for the whole set and per batch (batch 1 was used to tune the rules; batch 2 was
    written afterwards and first measured as held out)."""
    rows = [json.loads(line) for line in OWN_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = {"all": score(rows, show_errors)}
    for batch in sorted({r.get("batch", 1) for r in rows}):
        out[f"batch {batch}"] = score([r for r in rows if r.get("batch", 1) == batch], False)
    return out


def wire_headlines(show_errors: bool) -> dict | None:
    if not CLAIMS_DEV.exists():
        return None
    pairs = warned = 0
    ids = []
    for line in CLAIMS_DEV.read_text(encoding="utf-8").splitlines():
        art = json.loads(line)
        for gold in art.get("claims", []):
            responses = []
            for r in gold.get("responses", []):
                try:
                    responses.append(Response(party=r.get("party") or "", stance=Stance.parse(r["stance"])))
                except ValueError:
                    continue
            appearances = [Appearance(outlet=x.get("who", "")) for x in gold.get("reported_by", [])]
            claim = Claim(key="c1", wording=gold["claim"], responses=responses, appearances=appearances)
            verdict = claim.effective
            if verdict.status not in CHECKED:
                continue
            pairs += 1
            found = check_field("title", art.get("title") or "", claim)
            if found is not None:
                warned += 1
                ids.append(art["id"])
                if show_errors:
                    print(f"  wire warning {art['id']}: quoted {found.quoted!r} ({verdict.status.value})")
    return {"pairs": pairs, "warned": warned, "ids": sorted(set(ids))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the misses and false alarms")
    args = parser.parse_args()
    t0 = time.perf_counter()
    scores = own_set(args.errors)
    wire = wire_headlines(args.errors)
    ms = (time.perf_counter() - t0) * 1000
    for name, own in scores.items():
        print(
            f"own set, {name}: {own['pairs']} pairs, {own['tp'] + own['fn']} should warn; "
            f"precision {own['precision']:.2f} ({own['tp']}/{own['tp'] + own['fp']}), "
            f"recall {own['recall']:.2f} ({own['tp']}/{own['tp'] + own['fn']}); "
            f"false alarms {own['fp']}, misses {own['fn']}"
        )
    if wire is None:
        print("claims-dev not found: wire headlines skipped")
    else:
        print(
            f"wire headlines (claims-dev): {wire['pairs']} headline/claim pairs over denied, disputed, "
            f"unconfirmed or retracted claims; warnings {wire['warned']} ({', '.join(wire['ids']) or 'none'})"
        )
    print(f"time: {ms:.0f} ms in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
