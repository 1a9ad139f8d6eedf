"""The shared cache of a cluster: Django's ``RedisCache``, tolerant of an unreachable Redis.

While Redis cannot be reached every read is a miss and every write is skipped, so the site
answers from the database (slower) instead of failing: sessions are ``cached_db``, access
tokens, cache generations and rendered pages are recomputed on a miss. Rate limits (allauth's
and the communities' posting limit) count nothing meanwhile: logins and posts keep working
rather than being refused for an outage of the cache. After an error the
backend leaves Redis alone for ``RETRY_SECONDS`` (``KPO_CACHE_RETRY_SECONDS`` in the
settings), so requests do not each wait for a connection timeout.

A write or delete that could not be made may have left an entry in Redis that it should
have replaced: a session that ended, a membership version, a page cache generation. So the
first successful contact after such a loss clears the cache; an outdated entry is never
served once Redis is back."""

import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

READS = {"get_many": {}, "has_key": False}
# ``add`` answers "stored": allauth takes its rate-limit lock with it, and a lock that can
# never be taken would refuse every login.
WRITES = {"add": True, "set": None, "touch": False, "set_many": [], "delete": False}
WRITES |= {"delete_many": None, "incr": None, "clear": False}


class TolerantRedisCache(RedisCache):
    """``RedisCache`` whose failures are misses (reads) or skipped writes, never errors."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.retry_seconds = float(options.pop("RETRY_SECONDS", 5))
        super().__init__(server, {**params, "OPTIONS": options})
        self.down_until = 0.0
        self.lost_writes = False

    def guarded(self, name, fallback, *args, **kwargs):
        """Call ``RedisCache.<name>``; on a Redis error log it, remember a lost write and
        return ``fallback``."""
        if time.monotonic() < self.down_until:
            self.lost_writes = self.lost_writes or name in WRITES
            return fallback
        try:
            if self.lost_writes and name != "clear":
                self.clear_after_outage()
            return getattr(super(), name)(*args, **kwargs)
        except RedisError as error:
            self.lost_writes = self.lost_writes or name in WRITES
            self.down_until = time.monotonic() + self.retry_seconds
            logger.warning(
                "Redis cache unreachable (%s): %s; retrying in %ss", name, error, self.retry_seconds
            )
            return fallback

    def clear_after_outage(self):
        """Drop what may be outdated since a lost write (raises ``RedisError`` while Redis
        is still unreachable, which keeps the loss remembered)."""
        super().clear()
        self.lost_writes = False
        logger.warning("Redis cache reachable again: cleared after writes were lost")

    def get(self, key, default=None, version=None):
        """``RedisCache.get``, or ``default`` while Redis is unreachable."""
        return self.guarded("get", default, key, default, version)

    def incr(self, key, delta=1, version=None):
        """Like Django's; a miss raises ``ValueError`` as for any cache."""
        value = self.guarded("incr", None, key, delta, version)
        if value is None:
            raise ValueError(f"Key '{key}' not found")
        return value


def guarded_method(name, fallback):
    def method(self, *args, **kwargs):
        return self.guarded(name, fallback, *args, **kwargs)

    method.__name__ = name
    method.__doc__ = f"``RedisCache.{name}``, or {fallback!r} while Redis is unreachable."
    return method


for _name, _fallback in {**READS, **WRITES}.items():
    if _name not in ("get", "incr"):
        setattr(TolerantRedisCache, _name, guarded_method(_name, _fallback))
