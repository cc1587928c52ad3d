"""Corrections, clarifications, updates, kills and embargoes in the window (issue 15)."""
