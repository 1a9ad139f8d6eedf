"""Demo content for the search: the synonyms and abbreviations of the ondermijning field
from fixtures/synonyms.json. Idempotent: a term that exists (also as edited in the CMS) is
left alone."""

from kpo.demo import read_fixture
from search.models import SearchSynonym
from search.models.synonyms import fold_phrase


def load_synonyms():
    existing = set(SearchSynonym.objects.values_list("key", flat=True))
    for item in read_fixture("synonyms.json"):
        if fold_phrase(item["term"]) in existing:
            continue
        synonym = SearchSynonym(
            term=item["term"], synonyms="\n".join(item["synonyms"]), note=item["note"]
        )
        synonym.full_clean()
        synonym.save()
