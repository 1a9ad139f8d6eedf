"""Search synonyms and abbreviations that editors keep in the CMS (Instellingen >
Synoniemen): a term such as "APV" with its equivalents, one per line. ``search.synonyms``
turns them into the groups the search expands a query with."""

import re

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from search.analysis import fold

TERM_MAX_LENGTH = 100
WORD_RE = re.compile(r"\w")


def fold_phrase(text: str) -> str:
    """``text`` lower-cased, without accents, its whitespace collapsed to single spaces."""
    return " ".join(fold(text).split())


def synonym_lines(text: str) -> list[str]:
    """The synonyms in the one-per-line text an editor typed, stripped, without empty lines."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class SearchSynonym(models.Model):
    """A term and the words or phrases a search for it also finds, and the other way round."""

    term = models.CharField(
        _("term"),
        max_length=TERM_MAX_LENGTH,
        blank=True,  # checked in clean(), with a clearer message than "required"
        help_text=_("De afkorting of het woord, bijvoorbeeld APV."),
    )
    synonyms = models.TextField(
        _("synoniemen"),
        blank=True,  # checked in clean()
        help_text=_(
            "Eén per regel, bijvoorbeeld: algemene plaatselijke verordening. Wie zoekt op de "
            "term vindt ook de synoniemen, en wie zoekt op een synoniem vindt ook de term."
        ),
    )
    note = models.TextField(
        _("toelichting"),
        blank=True,
        help_text=_("Voor de redactie, bijvoorbeeld waar de afkorting voor gebruikt wordt."),
    )
    # The folded term: one entry per term, whatever its capitals or accents.
    key = models.CharField(max_length=TERM_MAX_LENGTH, unique=True, editable=False)

    class Meta:
        verbose_name = _("synoniem")
        verbose_name_plural = _("synoniemen")
        ordering = ["key"]

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        self.key = fold_phrase(self.term)
        super().save(*args, **kwargs)

    @property
    def synonym_list(self) -> list[str]:
        return synonym_lines(self.synonyms)

    def synonyms_display(self) -> str:
        return ", ".join(self.synonym_list)

    synonyms_display.short_description = _("synoniemen")

    def clean(self):
        super().clean()
        self.term = " ".join(self.term.split())
        self.key = fold_phrase(self.term)
        errors = {}
        if not WORD_RE.search(self.key):
            errors["term"] = _("Vul de term in: een afkorting of woord, bijvoorbeeld APV.")
        else:
            existing = SearchSynonym.objects.filter(key=self.key).exclude(pk=self.pk).first()
            if existing is not None:
                errors["term"] = _(
                    "Voor “%(term)s” bestaan al synoniemen. Vul ze daar aan in plaats van "
                    "de term een tweede keer op te nemen."
                ) % {"term": existing.term}
        synonyms = self.synonym_list
        if not any(WORD_RE.search(synonym) for synonym in synonyms):
            errors["synonyms"] = _("Vul minstens één synoniem in, één per regel.")
        else:
            same = [synonym for synonym in synonyms if fold_phrase(synonym) == self.key]
            if same:
                errors["synonyms"] = _(
                    "“%(synonym)s” is de term zelf. Vul alleen andere woorden in."
                ) % {"synonym": same[0]}
        if errors:
            raise ValidationError(errors)

    def validate_unique(self, exclude=None):
        # clean() reports a duplicate term, in words an editor understands.
        super().validate_unique(exclude={*(exclude or ()), "key"})


@receiver(post_save, sender=SearchSynonym, dispatch_uid="search-synonym-saved")
@receiver(post_delete, sender=SearchSynonym, dispatch_uid="search-synonym-deleted")
def forget_synonyms(**kwargs) -> None:
    """Forget the cached groups now, and again when the transaction commits: a search in
    between may have cached the groups as they were before the change."""
    from search.synonyms import forget_synonym_groups

    forget_synonym_groups()
    transaction.on_commit(forget_synonym_groups)
