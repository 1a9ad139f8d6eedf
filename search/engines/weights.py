"""Field weights shared by both engines, so that they rank alike: title above summary
above body (which includes the text of attachments). Each query word scores the weight of
the best field it matches (not the sum), so repeating a word in several fields gains
nothing; the item's own ``boost`` is added once.

Not every word has to match (best match): each word a document matches also scores
``COORDINATION``, more than all field weights and boosts together, so documents with all
the words come first, then those with fewer."""

COORDINATION = 100

TERM_WEIGHTS = (("title_terms", 10), ("summary_terms", 5), ("body_terms", 1))
PREFIX_WEIGHTS = (("title_words", 10), ("words", 1))
