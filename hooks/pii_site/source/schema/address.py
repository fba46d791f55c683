"""The site's public address, parsed by its structure: the one reader of data/site.yml's `url`,
PII_SITE_URL and build.py's --site-url (through Settings), so every address the site prints (canonical
links, the sitemap, the feed, share images, QR codes, the 404 page's assets) comes from one that passed.

A pattern let `https://example.org//evil.example/` through: MkDocs takes the path of the address as
the root of the 404 page's scripts and stylesheets, and "//evil.example/..." is another host to a
browser. So the address is taken apart and each part is checked on its own: scheme http or https,
a host name, an optional port, and a path of non-empty segments ending in "/", with no user name,
query, fragment, backslash or "." segment, short enough that a page's address fits a printed QR code.
"""

from __future__ import annotations

import re

from pii_site.source.errors import message

# Characters: the longest page address printed as a QR code (site + "en/units/<64-character id>/")
# then stays under 300 bytes, a code of version 15 or less at level M that phones read off a notice.
SITE_ADDRESS_LIMIT = 200
_SCHEME = re.compile(r"^(https?)://", re.IGNORECASE)
_LABEL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")
_HOST_LIMIT = 253
_PORT = re.compile(r"^[0-9]{1,5}$")
# A path segment: letters without accents, digits, "-", ".", "_", "~" and %-escapes of non-ASCII
# bytes (a Vietnamese folder name as browsers write it). Anything else (quotes, "<", "&", spaces) has
# no business in a folder's name and would need escaping wherever the address is printed.
_SEGMENT = re.compile(r"^(?:[A-Za-z0-9._~-]|%[89A-Fa-f][0-9A-Fa-f])+$")


class AddressError(ValueError):
    """Why a text is not a usable site address: `reason` names an entry under site_address_reason
    in messages.yml; `values` fill it in."""

    def __init__(self, reason: str, **values: object) -> None:
        super().__init__(reason)
        self.reason, self.values = reason, values

    def wording(self) -> tuple[str, str]:
        """The reason in (Vietnamese, English)."""
        return message(f"site_address_reason.{self.reason}", **self.values)


def parse_site_address(text: str) -> str:
    """`text` as the site's address (scheme and host in lower case), or AddressError."""
    if len(text) > SITE_ADDRESS_LIMIT:
        raise AddressError("too_long", length=len(text), limit=SITE_ADDRESS_LIMIT)
    scheme = _SCHEME.match(text)
    if scheme is None:
        raise AddressError("scheme")
    rest = text[scheme.end() :]
    for character, reason in (("\\", "backslash"), ("?", "query"), ("#", "fragment"), ("@", "user")):
        if character in rest:
            raise AddressError(reason)
    authority, slash, path = rest.partition("/")
    if not slash:
        raise AddressError("no_slash")
    host, colon, port = authority.partition(":")
    labels = host.split(".")
    if not host or len(host) > _HOST_LIMIT or not all(_LABEL.match(label) for label in labels):
        raise AddressError("host")
    if colon and not (_PORT.match(port) and 0 < int(port) < 65536):
        raise AddressError("port")
    if path and not path.endswith("/"):
        raise AddressError("no_slash")
    for segment in path.split("/")[:-1]:  # the last is the empty text after the final "/"
        _check_segment(segment)
    return f"{scheme.group(1).lower()}://{host.lower()}{colon}{port}/{path}"


def _check_segment(segment: str) -> None:
    if not segment:
        raise AddressError("empty_segment")
    if segment in (".", ".."):
        raise AddressError("dot_segment")
    if not _SEGMENT.match(segment):
        raise AddressError("character")
    try:
        _unescaped(segment).decode("utf-8")  # %-escapes that are no UTF-8 text show as garbage
    except UnicodeDecodeError:
        raise AddressError("character") from None


def _unescaped(segment: str) -> bytes:
    """The bytes a segment's %-escapes stand for, the other characters as they are."""
    out = bytearray()
    index = 0
    while index < len(segment):
        if segment[index] == "%":
            out.append(int(segment[index + 1 : index + 3], 16))
            index += 3
        else:
            out += segment[index].encode("ascii")
            index += 1
    return bytes(out)
