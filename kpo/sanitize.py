"""The project's one HTML sanitizer: every piece of member-written HTML passes through here.

An allowlist of tags, attributes and URL protocols (bleach); everything else is stripped.
No scripts, event handlers, style attributes or ``javascript:``/``data:`` URLs survive.
Every link gets ``rel="nofollow noopener"``; bare URLs in the text become links.
"""

import re
from functools import partial

from bleach.linkifier import LinkifyFilter
from bleach.sanitizer import Cleaner

ALLOWED_TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "code",
        "em",
        "h3",
        "h4",
        "i",
        "img",
        "li",
        "ol",
        "p",
        "pre",
        "s",
        "strong",
        "sub",
        "sup",
        "ul",
    }
)
ALLOWED_ATTRIBUTES = {
    "a": ["href", "title"],
    "abbr": ["title"],
    "img": ["src", "alt", "width", "height"],
}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow noopener"
BLOCK_TAG = re.compile(r"<\s*(p|ul|ol|blockquote|pre|h3|h4)\b", re.IGNORECASE)


def set_link_rel(attrs, new=False):
    """Linkify callback: every link, typed or found in the text, gets ``LINK_REL``."""
    attrs[(None, "rel")] = LINK_REL
    attrs.pop((None, "target"), None)
    return attrs


_cleaner = Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[partial(LinkifyFilter, callbacks=[set_link_rel], skip_tags={"pre", "code"})],
)


def sanitize_html(html: str) -> str:
    """Return ``html`` reduced to the allowlist, safe to render unescaped."""
    return _cleaner.clean(html or "")


def text_to_html(text: str) -> str:
    """Give plain text paragraphs (blank lines) and line breaks; leave HTML input alone.

    The result is not safe yet: pass it through ``sanitize_html``."""
    text = (text or "").replace("\r\n", "\n").strip()
    if BLOCK_TAG.search(text):
        return text
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
    return "".join(f"<p>{part.replace(chr(10), '<br>')}</p>" for part in paragraphs)
