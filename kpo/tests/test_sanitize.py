"""The one HTML sanitizer against a list of XSS payloads."""

import re
from html.parser import HTMLParser

import pytest

from kpo.sanitize import ALLOWED_TAGS, LINK_REL, sanitize_html, text_to_html

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<img src=x onerror="alert(1)">',
    "<img src=x onerror=alert(1)//",
    '<img src="javascript:alert(1)">',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<a href="javascript:alert(1)">klik</a>',
    '<a href="JaVaScRiPt:alert(1)">klik</a>',
    '<a href=" javascript:alert(1)">klik</a>',
    '<a href="jav&#x09;ascript:alert(1)">klik</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1)">klik</a>',
    '<a href="java\nscript:alert(1)">klik</a>',
    '<a href="vbscript:msgbox(1)">klik</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">klik</a>',
    '<a href="https://kpo.example" onclick="alert(1)">klik</a>',
    '<a href="https://kpo.example" onmouseover=alert(1)>klik</a>',
    '<p style="background:url(javascript:alert(1))">tekst</p>',
    '<div style="width: expression(alert(1))">tekst</div>',
    '<iframe src="https://evil.example"></iframe>',
    '<object data="https://evil.example/x.swf"></object>',
    '<embed src="https://evil.example/x.swf">',
    '<form action="https://evil.example"><input name="x"></form>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></math>",
    '<body onload="alert(1)">',
    '<details open ontoggle="alert(1)">',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    "<style>body{background:red}</style>",
    '"><script>alert(1)</script>',
    "<!--<script>alert(1)</script>-->",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    '<a href="https://kpo.example" target="_blank">klik</a>',
]


class ElementCollector(HTMLParser):
    """The elements and attributes a browser would build from the sanitised HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def dangers(html):
    collector = ElementCollector()
    collector.feed(html)
    found = []
    for tag, attrs in collector.elements:
        if tag not in ALLOWED_TAGS:
            found.append(tag)
        for name, value in attrs.items():
            url = re.sub(r"[\x00-\x20]", "", value or "").lower()
            if name.startswith("on") or name in ("style", "target"):
                found.append(f"{tag}[{name}]")
            elif name in ("href", "src") and url.startswith(("javascript:", "vbscript:", "data:")):
                found.append(f"{tag}[{name}={value}]")
    return found


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_payload_is_neutralised(payload):
    cleaned = sanitize_html(payload)
    assert dangers(cleaned) == [], cleaned


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_payload_is_neutralised_as_plain_text_post(payload):
    assert dangers(sanitize_html(text_to_html(payload))) == []


def test_the_check_itself_spots_dangers():
    assert dangers('<a href=" java script:x" onclick="y">a</a><script></script>') == [
        "a[href= java script:x]",
        "a[onclick]",
        "script",
    ]


def test_allowed_markup_survives():
    html = (
        "<p><strong>Let op</strong>: <em>nieuwe</em> APV-bepalingen.</p>"
        "<ul><li>een</li></ul><blockquote>citaat</blockquote>"
    )
    assert sanitize_html(html) == html


def test_links_get_nofollow_noopener_also_when_found_in_text():
    cleaned = sanitize_html('<p>Zie https://hetccv.nl en <a href="https://riec.nl">RIEC</a></p>')
    assert cleaned.count(f'rel="{LINK_REL}"') == 2
    assert 'href="https://hetccv.nl"' in cleaned


def test_safe_images_keep_their_source():
    assert sanitize_html('<img src="https://kpo.example/a.png" alt="kaart">') == (
        '<img src="https://kpo.example/a.png" alt="kaart">'
    )


def test_plain_text_becomes_paragraphs():
    assert text_to_html("Eerste regel\ntweede\n\nNieuwe alinea") == (
        "<p>Eerste regel<br>tweede</p><p>Nieuwe alinea</p>"
    )
