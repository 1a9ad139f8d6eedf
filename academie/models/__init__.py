from .index import AcademieIndexPage

__all__ = ["AcademieIndexPage"]
