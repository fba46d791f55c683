"""An SVG logo by allow-list: parsed with expat refusing any DTD, entity or processing instruction,
kept only if every element, attribute and style value is a drawing feature listed here, and
published as written out again from what was checked (never the file's own bytes, so no part the
check did not see, or read otherwise than a browser, can reach the site).

The logo is served from the site's own address (assets/images/logo.svg): a script, an HTML element,
an event attribute or an animation setting a link in it would run as the site when the file is
opened by itself, and a reference to another file would make every page request it, maybe from
another host. So: SVG's namespace only (editors' bookkeeping in Inkscape's and Sodipodi's, and
<metadata>, is left out), no reference but to a part of the file (#id) or to a PNG or JPEG image
written into it (re-encoded without metadata), CSS of plain properties only. Called by identity.py.
"""

from __future__ import annotations

import base64
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NoReturn
from xml.parsers import expat

from pii_site.source.errors import shorten
from pii_site.source.images import PILLOW_ERRORS, in_srgb, opened, pixels_only, shape_problem

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
# Editors' own bookkeeping (layer names, the window's zoom): never drawn, left out of the copy.
EDITOR_NAMESPACES = {
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
}
# Illustrator's layer names, free text: never drawn, so left out of the copy rather than published as any
# text at all (a name such as "url(https://…)" or "javascript:…" would be kept word for word otherwise).
EDITOR_ATTRIBUTES = {"data-name"}
LEFT_OUT = {"metadata"}  # RDF about the file (author, licence): not drawn
MAX_ELEMENTS = 20_000
MAX_DEPTH = 50
# Pixels of an image written into the logo (a traced emblem's photo): plenty for a header.
EMBEDDED_PIXELS = 4_000_000

ELEMENTS = {
    "svg", "g", "defs", "symbol", "use", "title", "desc", "style",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "text", "tspan", "textPath",
    "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker", "image",
}  # fmt: skip
TEXT_ELEMENTS = {"title", "desc", "text", "tspan", "textPath", "style"}

# Value kinds, each a full-match pattern. No kind lets in "(" except the functions named, "\\"
# (CSS escapes), "@", ":" outside a colour, quotes outside font names, or "url(" but to "#id".
_NUMBER = r"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?"
_NAME = r"[A-Za-z_][A-Za-z0-9_.-]*"
_COLOR = r"(?:#[0-9A-Fa-f]{3,8}|[A-Za-z]+|(?:rgb|rgba|hsl|hsla)\(\s*[0-9.%,\s/+-]*\))"
_LOCAL_URL = rf"url\(\s*['\"]?#{_NAME}['\"]?\s*\)"
KINDS = {
    "length": rf"(?:{_NUMBER}\s*(?:px|pt|pc|mm|cm|in|em|ex|%)?|auto|inherit)",
    "numbers": rf"(?:{_NUMBER}(?:px|%)?|[\s,])*",
    "path": r"[MmLlHhVvCcSsQqTtAaZz0-9eE.,+\-\s]*",
    "transform": rf"(?:\s*(?:matrix|translate|scale|rotate|skewX|skewY)\s*\((?:{_NUMBER}|[\s,])*\)\s*,?)*\s*",
    "paint": rf"(?:none|{_LOCAL_URL}(?:\s+{_COLOR})?|{_COLOR})",
    "reference": rf"(?:none|{_LOCAL_URL})",
    "keyword": r"[A-Za-z-]+",
    "keywords": r"[A-Za-z0-9\s-]*",
    "font": r"[A-Za-z0-9 ,'\"-]*",
    "name": _NAME,
    "names": rf"{_NAME}(?:\s+{_NAME})*",
}
_PATTERNS = {kind: re.compile(pattern) for kind, pattern in KINDS.items()}

# Attributes (and the same names as CSS properties) and the kind of value each takes.
PRESENTATION = {
    "fill": "paint", "stroke": "paint", "color": "paint", "stop-color": "paint",
    "fill-opacity": "length", "stroke-opacity": "length", "stop-opacity": "length", "opacity": "length",
    "fill-rule": "keyword", "clip-rule": "keyword", "stroke-linecap": "keyword", "stroke-linejoin": "keyword",
    "stroke-width": "length", "stroke-miterlimit": "length", "stroke-dasharray": "numbers",
    "stroke-dashoffset": "length", "clip-path": "reference", "mask": "reference",
    "marker-start": "reference", "marker-mid": "reference", "marker-end": "reference",
    "display": "keyword", "visibility": "keyword", "overflow": "keyword",
    "font-family": "font", "font-size": "length", "font-weight": "keywords", "font-style": "keyword",
    "font-variant": "keyword", "text-anchor": "keyword", "dominant-baseline": "keyword",
    "alignment-baseline": "keyword", "baseline-shift": "length", "letter-spacing": "length",
    "word-spacing": "length", "text-decoration": "keywords", "writing-mode": "keyword",
    "paint-order": "keywords", "vector-effect": "keyword", "shape-rendering": "keyword",
    "text-rendering": "keyword", "image-rendering": "keyword", "color-interpolation": "keyword",
    "mix-blend-mode": "keyword", "isolation": "keyword", "enable-background": "keywords",
    "transform": "transform",
}  # fmt: skip
GEOMETRY = {
    "x": "length", "y": "length", "width": "length", "height": "length", "x1": "length", "y1": "length",
    "x2": "length", "y2": "length", "cx": "length", "cy": "length", "r": "length", "rx": "length",
    "ry": "length", "fx": "length", "fy": "length", "fr": "length", "dx": "numbers", "dy": "numbers",
    "rotate": "numbers", "d": "path", "points": "numbers", "viewBox": "numbers", "offset": "length",
    "pathLength": "length", "textLength": "length", "lengthAdjust": "keyword", "startOffset": "length",
    "refX": "length", "refY": "length", "markerWidth": "length", "markerHeight": "length",
    "markerUnits": "keyword", "orient": "keywords",
    "preserveAspectRatio": "keywords", "gradientUnits": "keyword", "gradientTransform": "transform",
    "spreadMethod": "keyword", "patternUnits": "keyword", "patternContentUnits": "keyword",
    "patternTransform": "transform", "clipPathUnits": "keyword", "maskUnits": "keyword",
    "maskContentUnits": "keyword", "id": "name", "class": "names", "version": "length",
    "baseProfile": "keyword", "lang": "keyword", "type": "keywords",
}  # fmt: skip
ATTRIBUTES = {**PRESENTATION, **GEOMETRY}
XML_ATTRIBUTES = {"space": "keyword", "lang": "keyword"}
_DATA_IMAGE = re.compile(r"data:image/(png|jpeg);base64,([A-Za-z0-9+/=\s]+)", re.IGNORECASE)
_CSS_RULE = re.compile(r"\s*([^{}]+?)\s*\{([^{}]*)\}")
_SELECTOR = re.compile(rf"(?:[.#]?{_NAME}|\*)")


class Refused(Exception):
    """The first part of the logo outside the allow-list, as the message quotes it."""

    def __init__(self, part: str) -> None:
        super().__init__(part)
        self.part = part


class NotSvg(Exception):
    """Not an XML document with an <svg> root."""


@dataclass
class _Element:
    name: str
    attributes: list[tuple[str, str]]  # (name as written out, value)
    children: list[_Element | str] = field(default_factory=list)


def checked_svg(content: bytes) -> tuple[bytes, tuple[float, float] | None]:
    """The logo written out again from its allowed parts, and its width and height (from viewBox,
    else width and height) when given. Raises NotSvg, or Refused naming the first part outside the
    allow-list."""
    root = _parse(content)
    if root.name != "svg":
        raise NotSvg
    return _written(root, top=True).encode("utf-8"), _size(root)


def _parse(content: bytes) -> _Element:
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    stack: list[_Element] = []
    found: list[_Element] = []
    skipping = [0]  # depth inside a left-out element
    count = [0]

    def refuse(part: str) -> Callable[..., NoReturn]:  # expat's handlers take different arguments
        def handler(*args: object) -> NoReturn:
            raise Refused(part)

        return handler

    def start(name: str, attributes: dict[str, str]) -> None:
        namespace, local = _split(name)
        if not stack and not skipping[0] and (found or local != "svg" or namespace not in (SVG, "")):
            raise NotSvg  # another kind of document, or a second root
        if skipping[0] or namespace in EDITOR_NAMESPACES or (namespace in (SVG, "") and local in LEFT_OUT):
            skipping[0] += 1
            return
        if namespace not in (SVG, "") or local not in ELEMENTS:
            raise Refused(f"<{local}>" if namespace in (SVG, "") else f"<{local}> ({namespace})")
        count[0] += 1
        if count[0] > MAX_ELEMENTS or len(stack) >= MAX_DEPTH:
            raise Refused(f"> {MAX_ELEMENTS} elements" if count[0] > MAX_ELEMENTS else f"> {MAX_DEPTH} levels")
        if stack and stack[-1].name == "style":
            raise Refused(f"<{local}> in <style>")
        element = _Element(local, _attributes(local, attributes))
        (stack[-1].children if stack else found).append(element)
        stack.append(element)

    def end(name: str) -> None:
        if skipping[0]:
            skipping[0] -= 1
            return
        element = stack.pop()
        if element.name == "style":
            element.children = [_css("".join(str(child) for child in element.children))]

    def text(data: str) -> None:
        if skipping[0] or not stack:
            return
        if data.strip() and stack[-1].name not in TEXT_ELEMENTS:
            raise Refused(f"<{stack[-1].name}> text")
        stack[-1].children.append(data)

    parser.StartDoctypeDeclHandler = refuse("<!DOCTYPE>")
    parser.EntityDeclHandler = refuse("<!ENTITY>")
    parser.UnparsedEntityDeclHandler = refuse("<!ENTITY>")
    parser.NotationDeclHandler = refuse("<!NOTATION>")
    parser.ExternalEntityRefHandler = refuse("<!ENTITY>")
    parser.ProcessingInstructionHandler = refuse("<?…?>")
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    try:
        parser.Parse(content, True)
    except expat.ExpatError:
        raise NotSvg from None
    if len(found) != 1:
        raise NotSvg
    return found[0]


def _split(name: str) -> tuple[str, str]:
    namespace, _, local = name.rpartition(" ")
    return namespace, local


def _attributes(element: str, attributes: dict[str, str]) -> list[tuple[str, str]]:
    kept = []
    for name, value in attributes.items():
        namespace, local = _split(name)
        if namespace in EDITOR_NAMESPACES or (namespace == "" and local in EDITOR_ATTRIBUTES):
            continue
        if namespace == XLINK and local == "href" or (namespace == "" and local == "href"):
            kept.append(("xlink:href" if namespace else "href", _href(element, value)))
            continue
        if namespace == XML and local in XML_ATTRIBUTES:
            _check_value(f"xml:{local}", value, XML_ATTRIBUTES[local])
            kept.append((f"xml:{local}", value))
            continue
        if namespace == "" and local == "style":
            continue  # written out below, from its declarations
        if namespace or local not in ATTRIBUTES:
            raise Refused(f'{local}="{shorten(value)}"')
        _check_value(local, value, ATTRIBUTES[local])
        kept.append((local, value))
    if "style" in attributes:
        kept.append(("style", _declarations(attributes["style"])))
    return kept


def _check_value(name: str, value: str, kind: str) -> None:
    if not _PATTERNS[kind].fullmatch(value.strip()) or "\\" in value:
        raise Refused(f'{name}="{shorten(value)}"')


def _href(element: str, value: str) -> str:
    """A reference that stays in the file: #id (use, textPath, gradients), or, on <image>, a PNG or
    JPEG written into the file as data: (decoded and written again without metadata)."""
    value = value.strip()
    if re.fullmatch(f"#{_NAME}", value) and element != "image":
        return value
    image = _DATA_IMAGE.fullmatch(value)
    if element == "image" and image:
        return _embedded(image.group(1).lower(), image.group(2))
    raise Refused(f'href="{shorten(value)}"')


def _embedded(kind: str, text: str) -> str:
    """A data: image as a PNG written again from its pixels (no EXIF or profile carried over)."""
    try:
        content = base64.b64decode("".join(text.split()), validate=True)
        with opened(content, ["PNG" if kind == "png" else "JPEG"]) as image:
            if shape_problem(image.width, image.height, EMBEDDED_PIXELS, 100) is not None:
                raise Refused(f"data:image/{kind} ({image.width} × {image.height} px)")
            image.load()
            image = in_srgb(image)
            clean = pixels_only(image if image.mode in ("RGB", "RGBA", "L", "LA", "P") else image.convert("RGBA"))
            out = io.BytesIO()
            clean.save(out, "PNG")
    except PILLOW_ERRORS:  # binascii.Error is a ValueError
        raise Refused(f"data:image/{kind} (not a readable image)") from None
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode("ascii")


def _declarations(text: str) -> str:
    """A style attribute's or rule's "property: value" pairs, each allowed, written out plainly."""
    if "\\" in text or "@" in text or "<" in text or "/*" in text or "!" in text:
        raise Refused(f'style="{shorten(text)}"')
    written = []
    for declaration in text.split(";"):
        if not declaration.strip():
            continue
        name, colon, value = declaration.partition(":")
        name, value = name.strip().lower(), value.strip()
        if not colon or name not in PRESENTATION:
            raise Refused(f'style="{shorten(declaration.strip())}"')
        _check_value(name, value, PRESENTATION[name])
        written.append(f"{name}:{value}")
    return ";".join(written)


def _css(text: str) -> str:
    """A <style> element's rules: simple selectors (element, .class, #id, *) and allowed
    declarations only, written out again; no @-rule, comment or escape."""
    if "\\" in text or "@" in text or "/*" in text or "<" in text:
        raise Refused("<style>")
    rules, end = [], 0
    for rule in _CSS_RULE.finditer(text):
        if text[end : rule.start()].strip():
            raise Refused("<style>")
        selectors = [selector.strip() for selector in rule.group(1).split(",")]
        if not all(_SELECTOR.fullmatch(selector) for selector in selectors):
            raise Refused(f"<style> {shorten(rule.group(1))}")
        rules.append(f"{','.join(selectors)}{{{_declarations(rule.group(2))}}}")
        end = rule.end()
    if text[end:].strip():
        raise Refused("<style>")
    return "".join(rules)


def _written(element: _Element, top: bool = False) -> str:
    attributes = "".join(f' {name}="{_escaped(value, True)}"' for name, value in element.attributes)
    if top:
        namespaces = f' xmlns="{SVG}"'
        if _uses_xlink(element):
            namespaces += f' xmlns:xlink="{XLINK}"'
        attributes = namespaces + attributes
    inside = "".join(
        _written(child) if isinstance(child, _Element) else _escaped(child, False) for child in element.children
    )
    return f"<{element.name}{attributes}>{inside}</{element.name}>"


def _uses_xlink(element: _Element) -> bool:
    return any(name == "xlink:href" for name, _ in element.attributes) or any(
        isinstance(child, _Element) and _uses_xlink(child) for child in element.children
    )


def _escaped(text: str, attribute: bool) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if attribute:
        text = text.replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    return text


def _size(root: _Element) -> tuple[float, float] | None:
    """The logo's width and height as drawn: the viewBox's, else plain width and height numbers."""
    attributes = dict(root.attributes)
    try:
        if "viewBox" in attributes:
            numbers = [float(n) for n in re.split(r"[\s,]+", attributes["viewBox"].strip())]
            return (numbers[2], numbers[3]) if len(numbers) == 4 else None
        return float(attributes["width"].removesuffix("px")), float(attributes["height"].removesuffix("px"))
    except (KeyError, ValueError):
        return None
