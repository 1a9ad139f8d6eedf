"""A thread's posts one page at a time, with a stable cursor.

Posts are ordered by ``(created_at, pk)``. A page is addressed by a cursor, the position
of a post in that order (``<microseconds since the epoch>-<pk>``), never by an offset: a
page costs the same number of queries, each an index range read on ``(topic, created_at,
id)``, in a thread of 20 posts and in one of 2,000, and a link stays right while replies
are added.

Query parameters of a thread page:
- none: the first posts;
- ``na=<cursor>``: the posts after it (the "newer" link);
- ``voor=<cursor>``: the posts before it (the "older" link);
- ``tot=<cursor>``: the page that ends with that post (a post's own link, so a
  notification lands on the page holding the post; near the start of the thread, the
  first page);
- ``nieuwste=1``: the newest posts."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

from django.db.models import Q, prefetch_related_objects

POSTS_PER_PAGE = 50
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)


class BadCursor(ValueError):
    """A cursor in a link that is not one this module wrote."""


@dataclass(frozen=True)
class Cursor:
    created_at: datetime
    pk: int

    def __str__(self):
        return f"{(self.created_at - EPOCH) // MICROSECOND}-{self.pk}"

    @classmethod
    def parse(cls, value: str) -> "Cursor":
        microseconds, _dash, pk = value.partition("-")
        if not (microseconds.isdigit() and pk.isdigit()):
            raise BadCursor(value)
        try:
            return cls(EPOCH + int(microseconds) * MICROSECOND, int(pk))
        except OverflowError as error:
            raise BadCursor(value) from error


def cursor_of(post) -> Cursor:
    return Cursor(post.created_at, post.pk)


def beyond(cursor, *, later: bool, inclusive: bool):
    """Posts later (or earlier) than ``cursor``, the one at it too if ``inclusive``. The
    redundant bound on ``created_at`` lets the index range start at the cursor."""
    strict = "gt" if later else "lt"
    loose = "gte" if later else "lte"
    return Q(**{f"created_at__{loose}": cursor.created_at}) & (
        Q(**{f"created_at__{strict}": cursor.created_at})
        | Q(**{f"pk__{loose if inclusive else strict}": cursor.pk})
    )


def after(cursor):
    return beyond(cursor, later=True, inclusive=False)


def at_or_after(cursor):
    return beyond(cursor, later=True, inclusive=True)


def before(cursor):
    return beyond(cursor, later=False, inclusive=False)


def at_or_before(cursor):
    return beyond(cursor, later=False, inclusive=True)


NEWEST_FIRST = ("-created_at", "-pk")
OLDEST_FIRST = ("created_at", "pk")


@dataclass
class ThreadPage:
    """One page of posts, oldest first, with the cursors of the pages beside it."""

    posts: list
    has_older: bool
    has_newer: bool

    @property
    def older_cursor(self):
        return str(cursor_of(self.posts[0])) if self.has_older and self.posts else None

    @property
    def newer_cursor(self):
        return str(cursor_of(self.posts[-1])) if self.has_newer and self.posts else None


def first_page(posts, size):
    rows = list(posts.order_by(*OLDEST_FIRST)[: size + 1])
    return ThreadPage(rows[:size], has_older=False, has_newer=len(rows) > size)


def newest_page(posts, size):
    rows = list(posts.order_by(*NEWEST_FIRST)[: size + 1])
    return ThreadPage(rows[:size][::-1], has_older=len(rows) > size, has_newer=False)


def page_after(posts, cursor, size):
    rows = list(posts.filter(after(cursor)).order_by(*OLDEST_FIRST)[: size + 1])
    has_older = posts.filter(at_or_before(cursor)).exists()
    return ThreadPage(rows[:size], has_older=has_older, has_newer=len(rows) > size)


def page_before(posts, cursor, size):
    rows = list(posts.filter(before(cursor)).order_by(*NEWEST_FIRST)[: size + 1])
    has_newer = posts.filter(at_or_after(cursor)).exists()
    return ThreadPage(rows[:size][::-1], has_older=len(rows) > size, has_newer=has_newer)


def page_up_to(posts, cursor, size):
    """The page ending with the post at ``cursor``; when fewer than a page of posts come
    before it, the first page (filled up with the posts after it)."""
    rows = list(posts.filter(at_or_before(cursor)).order_by(*NEWEST_FIRST)[: size + 1])
    if len(rows) > size:
        has_newer = posts.filter(after(cursor)).exists()
        return ThreadPage(rows[:size][::-1], has_older=True, has_newer=has_newer)
    room = size - len(rows)
    rest = list(posts.filter(after(cursor)).order_by(*OLDEST_FIRST)[: room + 1])
    return ThreadPage(rows[::-1] + rest[:room], has_older=False, has_newer=len(rest) > room)


PARAMETERS = ("na", "voor", "tot", "nieuwste")


def page_query(params) -> str:
    """The part of the query ``params`` that chooses the page (to post forms back to it)."""
    return urlencode({name: params[name] for name in PARAMETERS if params.get(name)})


def thread_page(posts, params, size=POSTS_PER_PAGE):
    """The page of ``posts`` (a queryset of one thread's posts the viewer may see) that the
    query ``params`` ask for, its posts' attachments prefetched. Raises ``BadCursor`` for
    a cursor this module did not write."""
    if params.get("na"):
        page = page_after(posts, Cursor.parse(params["na"]), size)
    elif params.get("voor"):
        page = page_before(posts, Cursor.parse(params["voor"]), size)
    elif params.get("tot"):
        page = page_up_to(posts, Cursor.parse(params["tot"]), size)
    elif params.get("nieuwste"):
        page = newest_page(posts, size)
    else:
        page = first_page(posts, size)
    prefetch_related_objects(page.posts, "attachments")
    return page


def post_query(post) -> str:
    """The query string of the page that holds ``post`` (empty for an opening post, which
    is always on the first page)."""
    return "" if post.is_opening else f"?tot={cursor_of(post)}"
