from .index import CommunitiesIndexPage

__all__ = ["CommunitiesIndexPage"]
