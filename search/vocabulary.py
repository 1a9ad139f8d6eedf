"""The title words a user may see, for did-you-mean (``query.did_you_mean``).

Read from the search documents once per set of access tokens and kept in the cache under
the documents' version: every change to the search documents (``search.indexing``) starts
a new version once it is committed, so a word never outlives the title it came from, nor a
change of who may see it."""

import hashlib
import uuid

from django.core.cache import cache
from django.db import transaction

from .models import SearchDocument

# At most this many titles are read: enough for the words people mistype.
VOCABULARY_TITLES = 5000
VOCABULARY_TIMEOUT = 3600
VERSION_KEY = "search:documents:version"


def documents_changed() -> None:
    """Start a new version of the search documents once the current transaction commits."""
    transaction.on_commit(lambda: cache.set(VERSION_KEY, uuid.uuid4().hex, None))


def documents_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    return version


def title_vocabulary(tokens) -> frozenset[str]:
    """The folded words of the titles of search documents that ``tokens`` may see."""
    digest = hashlib.sha256(" ".join(sorted(tokens)).encode()).hexdigest()[:32]
    key = f"search:vocabulary:{documents_version()}:{digest}"
    vocabulary = cache.get(key)
    if vocabulary is None:
        titles = SearchDocument.objects.filter(access__in=tokens).values_list(
            "title_words", flat=True
        )[:VOCABULARY_TITLES]
        vocabulary = frozenset(word for title in titles for word in title.split())
        cache.set(key, vocabulary, VOCABULARY_TIMEOUT)
    return vocabulary
