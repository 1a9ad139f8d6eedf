from .document import SearchDocument
from .extracted import ExtractedText
from .pending import PendingIndexUpdate

__all__ = ["ExtractedText", "PendingIndexUpdate", "SearchDocument"]
