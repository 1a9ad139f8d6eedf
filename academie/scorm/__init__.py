"""SCORM 1.2 for the academy: package checks and unpacking, the runtime data, generated packages."""
