"""Static file storage of the production profile."""

import logging

from whitenoise.storage import CompressedManifestStaticFilesStorage

logger = logging.getLogger(__name__)


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's compressed, fingerprinted storage, tolerant of CSS that refers to a file
    its npm package does not ship (the Utrecht design tokens name an icon they lack): such a
    reference is left as written instead of failing ``collectstatic``."""

    def hashed_name(self, name, content=None, filename=None):
        try:
            return super().hashed_name(name, content, filename)
        except ValueError as error:
            if content is not None or self.exists(name):
                raise
            logger.warning("Static file %s is referenced but missing: %s", name, error)
            return name
