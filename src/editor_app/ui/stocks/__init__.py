"""Stocks: confirmed ticker tags, suggestions from the text, directory search."""
