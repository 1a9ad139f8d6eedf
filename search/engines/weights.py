"""The ranking rules, shared by both engines so that they rank alike.

- Field weights: title above summary above theme names above body above the text of
  attachments. Each query word scores the weight of the best field it matches (not the
  sum), so repeating a word in several fields gains nothing.
- Rarity: that weight is multiplied by the word's rarity (1 to ``RARITY_MAX``,
  ``search.rarity``): a word few items contain says more than one most items contain.
- Best match: not every word has to match, but each word a document matches also scores
  the query's ``coordination``, more than all weights and boosts of the query together, so
  documents with all the words come first, then those with fewer.
- The item's own ``boost`` (knowledge products 2, theme pages 1, news 0) is added once:
  for the same match, a handreiking comes before news about it.
- Recency breaks ties: among equal scores the newest item comes first, so it never beats
  relevance.

All weights are whole numbers, so the sums are exact in Elasticsearch's 32-bit scores too
and both engines break ties the same way."""

TITLE_WEIGHT = 10
BODY_WEIGHT = 2
TERM_WEIGHTS = (
    ("title_terms", TITLE_WEIGHT),
    ("summary_terms", 5),
    ("theme_terms", 3),
    ("body_terms", BODY_WEIGHT),
    ("attachment_terms", 1),
)
TERM_FIELDS = tuple(field for field, _weight in TERM_WEIGHTS)
PREFIX_WEIGHTS = (("title_words", TITLE_WEIGHT), ("words", 1))
RARITY_MAX = 5
# Above any builder's ``boost`` (``search.builders.ItemData``).
BOOST_ALLOWANCE = 10


def coordination(query) -> int:
    """What each matched word or phrase of ``query`` adds to the score: more than the
    weights of all its parts together, at their highest."""
    parts = len(query.terms) + len(query.phrases)
    return parts * TITLE_WEIGHT * RARITY_MAX + BOOST_ALLOWANCE + 1
