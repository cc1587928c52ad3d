"""The WCAG 2 contrast formula the theme checks rely on, against values the standard gives."""

from __future__ import annotations

import pytest

from editor_app.core.contrast import AA_TEXT, contrast_ratio, parse_hex, relative_luminance


def test_black_on_white_is_21_and_order_does_not_matter():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#fff", "#000") == pytest.approx(21.0)
    assert contrast_ratio("#1a4f9c", "#ffffff") == pytest.approx(contrast_ratio("#ffffff", "#1a4f9c"))


def test_the_aa_boundary_greys():
    # #767676 is the lightest grey that passes AA on white; #777777 just fails
    assert contrast_ratio("#767676", "#ffffff") >= AA_TEXT
    assert contrast_ratio("#777777", "#ffffff") < AA_TEXT


def test_luminance_and_parsing():
    assert relative_luminance("#ffffff") == pytest.approx(1.0)
    assert relative_luminance((0, 0, 0)) == 0.0
    assert parse_hex("#0a58ca") == (10, 88, 202)
    with pytest.raises(ValueError):
        parse_hex("#12345")
