"""Ticker tagging core (no Qt): symbol directory, notations, and suggestions from article text."""

from editor_app.core.tickers.directory import Listing, SymbolDirectory, default_directory
from editor_app.core.tickers.notation import ParsedTicker, parse, render
from editor_app.core.tickers.suggest import Suggestion, suggest

__all__ = [
    "Listing",
    "ParsedTicker",
    "Suggestion",
    "SymbolDirectory",
    "default_directory",
    "parse",
    "render",
    "suggest",
]
