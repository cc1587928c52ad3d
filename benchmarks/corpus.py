"""Synthetic market-news articles of a given size (our own text, varied Markdown)."""

from __future__ import annotations

import random

_COMPANIES = ["Ford", "Xiaomi", "Toyota", "BYD", "Volkswagen", "Tesla", "Nvidia", "Apple", "Samsung", "Alibaba"]
_VERBS = ["denied", "confirmed", "declined to comment on", "played down", "welcomed", "questioned"]


def paragraph(rng: random.Random) -> str:
    a, b = rng.sample(_COMPANIES, 2)
    return (
        f"**{a}** {rng.choice(_VERBS)} a report that it held talks with {b} about an EV partnership, "
        f"according to [a statement](https://example.com/{a.lower()}). Shares of {a} moved "
        f"{rng.uniform(-4, 4):.1f}% in early trading, while analysts at *several brokers* said the "
        f"talks, if real, would reshape the market for `battery` supply in the region."
    )


def article(size_bytes: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    n = 0
    while total < size_bytes:
        n += 1
        if n % 9 == 0:
            block = f"## Section {n // 9}"
        elif n % 13 == 0:
            block = "\n".join(f"- {c}: {rng.uniform(-3, 3):+.1f}%" for c in rng.sample(_COMPANIES, 4))
        elif n % 17 == 0:
            block = f'> "We do not comment on market rumours," a spokesperson for {rng.choice(_COMPANIES)} said.'
        elif n % 29 == 0:
            block = "| Company | Change |\n|---|--:|\n" + "\n".join(
                f"| {c} | {rng.uniform(-3, 3):+.1f}% |" for c in rng.sample(_COMPANIES, 3)
            )
        else:
            block = paragraph(rng)
        parts.append(block)
        total += len(block) + 2
    return "\n\n".join(parts)[:size_bytes]
