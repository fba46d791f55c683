"""The commune's SVG logo (pii_site.source.svg_logo): whatever elements, attributes and styles a logo
holds, only what the allow-list names is published (property-based, hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pii_site.source.svg_logo import ATTRIBUTES, EDITOR_ATTRIBUTES, ELEMENTS, NotSvg, Refused, checked_svg  # noqa: E402

FAST = settings(max_examples=300, deadline=None)


svg_names = st.one_of(st.sampled_from(sorted(ELEMENTS)), st.from_regex(r"[A-Za-z][A-Za-z0-9-]{0,10}", fullmatch=True))


attribute_names = st.one_of(
    st.sampled_from(sorted([*ATTRIBUTES, *EDITOR_ATTRIBUTES])), st.from_regex(r"[a-z][a-z-]{0,12}", fullmatch=True)
)


css_values = st.one_of(
    st.sampled_from(["url(https://evil.example/x)", "url(#g)", "#fff", "red", "image-set('a.png' 1x)", "@import", "\\69",
                     "expression(alert(1))", "javascript:alert(1)", "1px", "none", "var(--x)", "attr(x)"]),
    st.text(max_size=12),
)  # fmt: skip


@pytest.mark.usefixtures("fixture_today")
@pytest.mark.slow  # random inputs by the hundred: a fuzzing run, in `make test`, not in the edit loop
@FAST
@given(element=svg_names, attribute=attribute_names, value=css_values, in_style=st.booleans())
def test_an_svg_logo_keeps_only_what_the_allow_list_names(element: str, attribute: str, value: str, in_style: bool):
    from xml.sax.saxutils import quoteattr

    if in_style:
        inside = f"<{element} style={quoteattr(f'{attribute}:{value}')}/>"
    else:
        inside = f"<{element} {attribute}={quoteattr(value)}/>"
    content = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8">{inside}</svg>'.encode()
    try:
        written, _ = checked_svg(content)
    except (Refused, NotSvg):
        return
    assert element in ELEMENTS and (attribute in ATTRIBUTES or attribute in EDITOR_ATTRIBUTES and not in_style)
    lowered = written.lower()
    for needle in (b"url(http", b"javascript:", b"@import", b"\\", b"image-set", b"expression(", b"<script", b"var("):
        assert needle not in lowered, written
    assert checked_svg(written)[0] == written  # what is published passes again, unchanged


def test_an_illustrator_layer_name_is_left_out_whatever_it_says():
    content = (
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8">'
        b'<g data-name="url(https://evil.example/x) javascript:alert(1)"><circle r="3" fill="#123456"/></g></svg>'
    )
    written, _ = checked_svg(content)
    assert b"data-name" not in written and b"evil.example" not in written and b'fill="#123456"' in written
