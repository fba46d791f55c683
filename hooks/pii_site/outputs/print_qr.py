"""The page's own address on paper: the QR code of its public address, printed at the foot of the plan,
task and unit pages (the ones posted on a commune's notice board); on every other page, and on those
when there is no public address, the address in words under the title (filled in by the reader's
browser when only it knows the address: assets/javascripts/print-links.js). Hidden on screen (pii.css).
Called by hooks/pii_hooks.py's on_page_content with the page's canonical address, if any.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from pii_site.i18n import Labels, urls
from pii_site.render.templating import render_html
from pii_site.source.errors import DataError, file_problem

# A task's or a unit's own page; their overviews (index.md) are lists, not notices.
_DETAIL_PAGE = re.compile(r"^(tasks|units)/(?!index\.md$)[^/]+\.md$")


def carries_qr(src_uri: str) -> bool:
    """Whether the page at this source path is one printed for the notice board."""
    return src_uri == urls.PLAN or bool(_DETAIL_PAGE.match(src_uri))


def qr_block(address: str, lang: str) -> str:
    """The printed block: the QR code (inline SVG, so the printout needs no other file) and the
    address in text. Error correction level M (15%) survives a creased or faded printout."""
    # No mask is given: segno tries all eight and keeps the one its penalty score rates most readable.
    # A fixed mask would save some 6 ms a page, but scanning on a notice board matters more.
    # The site address and ids are bounded (source/schema/address.py, source/schema/base.py) so that every page's
    # address fits; should one not, the build stops with a message, not segno's traceback.
    # Imported here: only a build for a public address draws QR codes, and segno with what it imports
    # (urllib.request, http.client for its writers) is about 50 ms of every build's start-up.
    import segno

    try:
        code = segno.make(address, error="m", micro=False)
    except (segno.DataOverflowError, ValueError):
        raise DataError([file_problem("data/site.yml", None, "qr_too_long", address=address)]) from None
    # omitsize: a viewBox only, so pii.css sets the printed size.
    svg = code.svg_inline(omitsize=True, svgclass="pii-print-qr__svg", lineclass=None)
    return render_html("print_qr.html.j2", svg=Markup(svg), label=Labels(lang)("print.qr"), address=address)


def with_printed_address(html: str, address: str | None, lang: str) -> str:
    """The page's HTML with its address printed once under its title: `address` (the public one), or
    an empty slot the browser fills with the address it is reading (no public address is known)."""
    block = render_html("print_address.html.j2", label=Labels(lang)("print.address"), address=address or "")
    title_end = html.find("</h1>")
    if title_end < 0:
        return block + html
    title_end += len("</h1>")
    return html[:title_end] + block + html[title_end:]
