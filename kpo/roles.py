"""The staff roles of the platform, as Django groups. Names are stable: code refers to them."""

EDITORS = "Redacteuren"
EDITORIAL_BOARD = "Redactieraad"
COMMUNITY_MANAGERS = "Community managers"
ADMINISTRATORS = "Beheerders"

STAFF_GROUPS = [EDITORS, EDITORIAL_BOARD, COMMUNITY_MANAGERS, ADMINISTRATORS]
