"""The highlighted snippet under a search result, made the same way for both engines."""

from collections import deque

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
    """(start, end, hits) of the words around the first query word or phrase in ``text``:
    up to ``WORDS_BEFORE`` words before it and ``WORDS_AFTER`` from it on; ``hits`` counts
    the distinct marked words among them. Reads ``text`` only up to the end of that window."""
    before = deque(maxlen=WORDS_BEFORE)
    ahead = []  # words read but not yet looked at: enough to see a phrase in full
    matches = WORD_RE.finditer(text)

    def read_ahead(count):
        while len(ahead) < count and (match := next(matches, None)) is not None:
            ahead.append(match)

    while True:
        read_ahead(max(1, query.longest_phrase))
        if not ahead:
            return None
        first = ahead[0].group()
        if query.highlights(first) or (
            query.starts_phrase(first) and query.phrase_length_at(words_of(ahead), 0)
        ):
            read_ahead(WORDS_AFTER)
            window = [*before, *ahead[:WORDS_AFTER]]
            window_words = words_of(window)
            marks = query.marked(window_words)
            distinct = {
                word.lower() for word, marked in zip(window_words, marks, strict=True) if marked
            }
            return window[0].start(), window[-1].end(), len(distinct)
        before.append(ahead.pop(0))


def words_of(matches) -> list[str]:
    return [match.group() for match in matches]


def highlight(text: str, query) -> str:
    matches = list(WORD_RE.finditer(text))
    parts, last = [], 0
    for match, marked in zip(matches, query.marked(words_of(matches)), strict=True):
        if marked:
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
