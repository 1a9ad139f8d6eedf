"""The highlighted snippet under a search result, made the same way for both engines."""

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
        matches = list(WORD_RE.finditer(text))
        positions = [i for i, match in enumerate(matches) if query.highlights(match.group())]
        if not positions:
            continue
        first = positions[0]
        start, end = max(0, first - WORDS_BEFORE), min(len(matches), first + WORDS_AFTER)
        distinct = {matches[i].group().lower() for i in positions if start <= i < end}
        if best is None or len(distinct) > best[3]:
            best = (text, matches[start].start(), matches[end - 1].end(), len(distinct))
    return best


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
