"""The highlighted snippet under a search result, made the same way for both engines."""

from collections import deque
from itertools import islice

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .analysis import WORD_RE

WORDS_BEFORE = 8
WORDS_AFTER = 30
ELLIPSIS = "…"


def best_window(texts, query):
    """(text, start, end, hits) of the passage matching the most distinct query words."""
    best = None
    for text in texts:
        window = first_window(text, query)
        if window is not None and (best is None or window[2] > best[3]):
            best = (text, *window)
    return best


def first_window(text, query):
    """(start, end, hits) of the words around the first query word in ``text``: up to
    ``WORDS_BEFORE`` words before it and ``WORDS_AFTER`` from it on; ``hits`` counts the
    distinct query words among them. Reads ``text`` only up to the end of that window."""
    before = deque(maxlen=WORDS_BEFORE)
    matches = WORD_RE.finditer(text)
    for match in matches:
        if query.highlights(match.group()):
            window = [*before, match, *islice(matches, WORDS_AFTER - 1)]
            distinct = {item.group().lower() for item in window if query.highlights(item.group())}
            return window[0].start(), window[-1].end(), len(distinct)
        before.append(match)
    return None


def highlight(text: str, query) -> str:
    parts, last = [], 0
    for match in WORD_RE.finditer(text):
        if query.highlights(match.group()):
            parts += [escape(text[last : match.start()]), f"<mark>{escape(match.group())}</mark>"]
            last = match.end()
    parts.append(escape(text[last:]))
    return "".join(parts)


def make_snippet(hit, query) -> SafeString:
    """A passage of the body, the attachments or the summary with the query words marked;
    without a match, the start of the summary."""
    texts = [text for text in (hit.body, hit.attachment_text, hit.summary) if text]
    window = best_window(texts, query) if query else None
    if window is None:
        words = (hit.summary or hit.body).split()
        text = " ".join(words[:WORDS_AFTER])
        return mark_safe(escape(text) + (ELLIPSIS if len(words) > WORDS_AFTER else ""))  # noqa: S308
    text, start, end, _hits = window
    before = ELLIPSIS if start > 0 else ""
    after = ELLIPSIS if end < len(text) else ""
    return mark_safe(before + highlight(text[start:end], query) + after)  # noqa: S308
