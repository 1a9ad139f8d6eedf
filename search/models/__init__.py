from .document import SearchDocument
from .extracted import ExtractedText
from .pending import PendingIndexUpdate
from .synonyms import SearchSynonym
from .terms import NoResultsDailyHits

__all__ = [
    "ExtractedText",
    "NoResultsDailyHits",
    "PendingIndexUpdate",
    "SearchDocument",
    "SearchSynonym",
]
