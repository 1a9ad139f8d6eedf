"""Synonyms and abbreviations that editors keep in the CMS, and the cached groups the search
expands a query with."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.admin.menu import settings_menu

from kpo import roles
from kpo.factories import StaffUserFactory, UserFactory, VerifiedUserFactory
from search.demo import load_synonyms
from search.models import SearchSynonym
from search.synonyms import build_groups, synonym_groups

pytestmark = pytest.mark.django_db


def synonym(term, *synonyms, note=""):
    item = SearchSynonym(term=term, synonyms="\n".join(synonyms), note=note)
    item.full_clean()
    item.save()
    return item


def errors(term, synonyms_text):
    with pytest.raises(ValidationError) as raised:
        SearchSynonym(term=term, synonyms=synonyms_text).full_clean()
    return raised.value.message_dict


def test_a_term_is_required():
    assert errors("  ", "laboratorium") == {
        "term": ["Vul de term in: een afkorting of woord, bijvoorbeeld APV."]
    }


def test_a_term_is_entered_once_whatever_its_capitals_or_accents():
    synonym("Financiële recherche", "finrecherche")
    assert errors("financiele  RECHERCHE", "fr") == {
        "term": [
            "Voor “Financiële recherche” bestaan al synoniemen. Vul ze daar aan in plaats van "
            "de term een tweede keer op te nemen."
        ]
    }


def test_editing_an_entry_is_not_a_duplicate_of_itself():
    item = synonym("APV", "algemene plaatselijke verordening")
    item.note = "Gemeentelijk"
    item.full_clean()


def test_at_least_one_synonym():
    assert errors("APV", "\n  \n") == {"synonyms": ["Vul minstens één synoniem in, één per regel."]}


def test_a_synonym_differs_from_the_term():
    assert errors("Bibob", "Wet Bibob\n  bibob ") == {
        "synonyms": ["“bibob” is de term zelf. Vul alleen andere woorden in."]
    }


def test_the_term_is_stored_tidy_with_its_folded_key():
    item = synonym("  Wet   Bibob ", "bevordering integriteitsbeoordelingen")
    assert (item.term, item.key) == ("Wet Bibob", "wet bibob")


def test_groups_are_symmetric_and_folded():
    synonym("APV", "Algemene  Plaatselijke Verordening")
    synonym("OMG", "outlaw motorcycle gang", "Motorbende")
    synonym("privé", "persoonlijk")
    assert synonym_groups() == {
        "apv": ("algemene plaatselijke verordening",),
        "algemene plaatselijke verordening": ("apv",),
        "omg": ("outlaw motorcycle gang", "motorbende"),
        "outlaw motorcycle gang": ("omg", "motorbende"),
        "motorbende": ("omg", "outlaw motorcycle gang"),
        "prive": ("persoonlijk",),
        "persoonlijk": ("prive",),
    }


def test_a_phrase_in_two_entries_gets_the_equivalents_of_both_without_chains():
    groups = build_groups([("lab", "laboratorium"), ("drugslab", "laboratorium\nlab")])
    assert groups["laboratorium"] == ("lab", "drugslab")
    assert groups["lab"] == ("laboratorium", "drugslab")
    assert groups["drugslab"] == ("laboratorium", "lab")


def test_no_synonyms_no_groups():
    assert synonym_groups() == {}


def test_cached_groups_cost_no_query(django_assert_num_queries):
    synonym("BRP", "basisregistratie personen")
    with django_assert_num_queries(1):
        synonym_groups()
    with django_assert_num_queries(0):
        assert synonym_groups()["brp"] == ("basisregistratie personen",)


def test_an_empty_list_is_cached_too(django_assert_num_queries):
    synonym_groups()
    with django_assert_num_queries(0):
        assert synonym_groups() == {}


def test_saving_and_deleting_forget_the_cached_groups(django_assert_num_queries):
    item = synonym("LFT", "landelijke fenomeentafel")
    assert synonym_groups()["lft"] == ("landelijke fenomeentafel",)
    item.synonyms = "landelijke fenomeentafel\nfenomeentafel"
    item.save()
    with django_assert_num_queries(1):
        assert synonym_groups()["lft"] == ("landelijke fenomeentafel", "fenomeentafel")
    synonym("RIEC", "regionaal informatie- en expertisecentrum")
    assert "riec" in synonym_groups()
    item.delete()
    with django_assert_num_queries(1):
        groups = synonym_groups()
    assert "lft" not in groups and "fenomeentafel" not in groups
    assert groups["riec"] == ("regionaal informatie- en expertisecentrum",)


def test_the_demo_synonyms_load_once():
    load_synonyms()
    count = SearchSynonym.objects.count()
    assert count >= 11
    groups = synonym_groups()
    assert groups["apv"] == ("algemene plaatselijke verordening",)
    assert groups["omg"] == ("outlaw motorcycle gang", "motorbende")
    assert groups["wet ter voorkoming van witwassen en financieren van terrorisme"] == ("wwft",)
    assert groups["drugslaboratorium"] == ("drugslab",)
    edited = SearchSynonym.objects.get(key="lab")
    edited.synonyms = "laboratorium\nlabo"
    edited.save()
    load_synonyms()
    assert SearchSynonym.objects.count() == count
    assert SearchSynonym.objects.get(key="lab").synonyms == "laboratorium\nlabo"


# --- The CMS ---

ADD_URL = "wagtailsnippets_search_searchsynonym:add"
LIST_URL = "wagtailsnippets_search_searchsynonym:list"


def test_an_editor_adds_a_synonym_in_the_cms(client):
    editor = StaffUserFactory(group=roles.EDITORS)
    client.force_login(editor)
    assert client.get(reverse(LIST_URL)).status_code == 200
    assert synonym_groups() == {}
    response = client.post(
        reverse(ADD_URL),
        {"term": "Wwft", "synonyms": "wet ter voorkoming van witwassen", "note": ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert synonym_groups() == {
        "wwft": ("wet ter voorkoming van witwassen",),
        "wet ter voorkoming van witwassen": ("wwft",),
    }


def test_the_cms_shows_the_dutch_messages(client):
    synonym("APV", "algemene plaatselijke verordening")
    client.force_login(StaffUserFactory(group=roles.EDITORS))
    response = client.post(reverse(ADD_URL), {"term": "apv", "synonyms": "", "note": ""})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Voor “APV” bestaan al synoniemen." in page
    assert "Vul minstens één synoniem in, één per regel." in page
    assert SearchSynonym.objects.count() == 1


@pytest.mark.parametrize("group", [roles.EDITORS, roles.ADMINISTRATORS])
def test_editors_and_administrators_have_the_permissions(group):
    user = StaffUserFactory(group=group)
    for action in ("add", "change", "delete", "view"):
        assert user.has_perm(f"search.{action}_searchsynonym")


@pytest.mark.parametrize("group", [roles.COMMUNITY_MANAGERS, roles.EDITORIAL_BOARD, None])
def test_others_may_not_manage_synonyms(client, group):
    user = StaffUserFactory(group=group) if group else VerifiedUserFactory()
    client.force_login(user)
    response = client.post(
        reverse(ADD_URL), {"term": "KvK", "synonyms": "Kamer van Koophandel", "note": ""}
    )
    assert response.status_code in (302, 403)
    assert client.get(reverse(LIST_URL)).status_code in (302, 403)
    assert not SearchSynonym.objects.exists()


def test_synonyms_are_in_the_settings_menu_for_editors_only(rf):
    request = rf.get("/admin/")
    request.user = StaffUserFactory(group=roles.EDITORS)
    assert "kpo-search-synonyms" in [
        item.name for item in settings_menu.menu_items_for_request(request)
    ]
    request.user = UserFactory(is_staff=True)
    assert "kpo-search-synonyms" not in [
        item.name for item in settings_menu.menu_items_for_request(request)
    ]
