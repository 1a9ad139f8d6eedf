"""Dutch text analysis, done in Python so that both engines match the same way.

Words are lower-cased, stemmed with the Snowball Dutch stemmer and folded to ASCII
(handreikingen -> handreik, financiële -> financieel). The Elasticsearch test server has no
analysis-common module, so the analysed text is stored beside the original and searched
with a plain whitespace analyser; the database engine matches the same terms.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import snowballstemmer

WORD_RE = re.compile(r"\w+")
PHRASE_RE = re.compile(r'"([^"]*)"')
MIN_PREFIX_LENGTH = 2
# Dutch compounds: words this long may be split into two parts at least this long.
MIN_COMPOUND_LENGTH = 9
MIN_PART_LENGTH = 4

_stemmer = snowballstemmer.stemmer("dutch")


def fold(text: str) -> str:
    """Lower-case ``text`` and strip its accents (financiële -> financiele)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=50_000)
def folded_word(word: str) -> str:
    """``fold`` for single words, remembered (snippets fold every word of every result)."""
    return fold(word)


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased but not folded."""
    return WORD_RE.findall(text.lower())


@lru_cache(maxsize=50_000)
def stem_forms(word: str) -> tuple[str, ...]:
    """The terms a lower-case word is indexed under: its folded stem, first, and the stem of
    its folded spelling when that differs (so "financiele" typed without accents matches)."""
    primary = fold(_stemmer.stemWord(word))
    alternative = _stemmer.stemWord(fold(word))
    return (primary,) if alternative == primary else (primary, alternative)


def stem(word: str) -> str:
    return stem_forms(word.lower())[0]


def analyse(text: str) -> str:
    """The analysed form of ``text``: its stems in order (for phrases), then the alternative
    stems, padded with spaces so that ``" term "`` matches whole terms."""
    forms = [stem_forms(word) for word in words(text)]
    primaries = [form[0] for form in forms]
    alternatives = [form[1] for form in forms if len(form) > 1]
    return padded([*primaries, *alternatives])


def fold_words(text: str) -> str:
    """The folded, unstemmed words of ``text`` (for prefix matching), padded with spaces."""
    return padded(dict.fromkeys(fold(word) for word in words(text)))


def padded(terms) -> str:
    joined = " ".join(terms)
    return f" {joined} " if joined else ""


@dataclass(frozen=True)
class Term:
    """One query word: the stems it matches, a prefix when it is the last word typed, and
    the phrases (stems in order) that mean the same (synonyms: "apv" -> "algemene
    plaatselijke verordening")."""

    forms: tuple[str, ...]
    prefix: str = ""
    phrases: tuple[tuple[str, ...], ...] = ()
    # A compound's possible parts, each pair matching when both occur (``compound_splits``).
    splits: tuple[tuple[str, str], ...] = ()
    # How much a match of this word weighs (``search.rarity``): 1 for the commonest words.
    rarity: int = 1


@dataclass(frozen=True)
class ParsedQuery:
    terms: tuple[Term, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    # Stems marked wherever they occur (the words and their compound parts) …
    highlight: frozenset[str] = field(default_factory=frozenset)
    # … and phrases (quoted, or a word's synonyms) marked only where they occur in full, so
    # that "door het" of a written-out name is not marked all over a text.
    highlight_phrases: tuple[tuple[str, ...], ...] = ()

    def __bool__(self):
        return bool(self.terms or self.phrases)

    @cached_property
    def prefixes(self) -> tuple[str, ...]:
        return tuple(term.prefix for term in self.terms if term.prefix)

    @cached_property
    def _highlighted(self) -> dict[str, bool]:
        return {}

    def highlights(self, word: str) -> bool:
        """Whether ``word`` (from a text) matches a part of this query (remembered per word:
        snippets ask for every word of every result)."""
        known = self._highlighted.get(word)
        if known is None:
            known = self._highlighted[word] = self.matches(word)
        return known

    def matches(self, word: str) -> bool:
        lowered = word.lower()
        if not self.highlight.isdisjoint(stem_forms(lowered)):
            return True
        prefixes = self.prefixes
        return bool(prefixes) and folded_word(lowered).startswith(prefixes)

    @cached_property
    def _phrase_heads(self) -> frozenset[str]:
        return frozenset(phrase[0] for phrase in self.highlight_phrases)

    @cached_property
    def _starts_phrase(self) -> dict[str, bool]:
        return {}

    def starts_phrase(self, word: str) -> bool:
        """Whether ``word`` is the first word of a highlighted phrase (remembered per word)."""
        known = self._starts_phrase.get(word)
        if known is None:
            forms = stem_forms(word.lower())
            known = self._starts_phrase[word] = not self._phrase_heads.isdisjoint(forms)
        return known

    def phrase_length_at(self, text_words: list[str], position: int) -> int:
        """The length of the longest highlighted phrase that starts at ``position`` of
        ``text_words`` (0 when none does)."""
        if not self.starts_phrase(text_words[position]):
            return 0
        longest = 0
        for phrase in self.highlight_phrases:
            following = text_words[position : position + len(phrase)]
            if len(phrase) > longest and self.occurs(phrase, following):
                longest = len(phrase)
        return longest

    @staticmethod
    def occurs(phrase: tuple[str, ...], text_words: list[str]) -> bool:
        """Whether ``text_words`` are ``phrase``'s stems, in order."""
        return len(text_words) == len(phrase) and all(
            part in stem_forms(word.lower()) for part, word in zip(phrase, text_words, strict=True)
        )

    @cached_property
    def longest_phrase(self) -> int:
        return max((len(phrase) for phrase in self.highlight_phrases), default=0)

    def marked(self, text_words: list[str]) -> list[bool]:
        """Per word of ``text_words``: whether to mark it (a query word, or part of a
        highlighted phrase occurring in full)."""
        marks = [self.highlights(word) for word in text_words]
        if self.highlight_phrases:
            for position in range(len(text_words)):
                for covered in range(self.phrase_length_at(text_words, position)):
                    marks[position + covered] = True
        return marks


def parse_query(text: str, synonyms: dict[str, tuple[str, ...]] | None = None) -> ParsedQuery:
    """Split a query into phrases (in double quotes), which must match, and words, of which
    the best matches come first.

    The last word gets a prefix match too, unless it is followed by a space, so results
    appear while the user is still typing. ``synonyms`` (``search.synonyms.synonym_groups``)
    add what a word means: its equivalents, and for words of a written-out phrase in the
    query ("algemene plaatselijke verordening") the abbreviation too."""
    phrases = tuple(
        phrase
        for phrase in (
            tuple(stem(word) for word in words(part)) for part in PHRASE_RE.findall(text)
        )
        if phrase
    )
    loose = PHRASE_RE.sub(" ", text).replace('"', " ")
    loose_words = words(loose)
    typing_last_word = bool(loose_words) and not text[-1:].isspace() and not text.endswith('"')
    meanings = equivalents(loose_words, synonyms or {})
    terms = []
    for position, word in enumerate(loose_words):
        is_last = typing_last_word and position == len(loose_words) - 1
        prefix = fold(word) if is_last and len(word) >= MIN_PREFIX_LENGTH else ""
        alternatives = meanings[position]
        forms = stem_forms(word) + tuple(
            stem for alt in alternatives if len(alt) == 1 for stem in alt
        )
        forms += joined_compounds(loose_words, position)
        terms.append(
            Term(
                forms=tuple(dict.fromkeys(forms)),
                prefix=prefix,
                phrases=tuple(alt for alt in alternatives if len(alt) > 1),
                splits=compound_splits(word),
            )
        )
    highlight = {form for term in terms for form in term.forms}
    highlight.update(stem for term in terms for split in term.splits for stem in split)
    highlight_phrases = dict.fromkeys(phrases)
    highlight_phrases.update((phrase, None) for term in terms for phrase in term.phrases)
    return ParsedQuery(
        terms=tuple(dict.fromkeys(terms)),
        phrases=phrases,
        highlight=frozenset(highlight),
        highlight_phrases=tuple(highlight_phrases),
    )


def equivalents(
    query_words: list[str], synonyms: dict[str, tuple[str, ...]]
) -> list[tuple[tuple[str, ...], ...]]:
    """Per query word, the stemmed equivalents it gets from ``synonyms``: a word's own
    (single words and phrases), and for each word of a phrase of the list found in the query,
    the phrase's equivalents (so every word of "algemene plaatselijke verordening" also
    matches "apv")."""
    folded = [fold(word) for word in query_words]
    found: list[dict[tuple[str, ...], None]] = [{} for _word in query_words]
    for start in range(len(folded)):
        for end in range(start + 1, len(folded) + 1):
            for equivalent in synonyms.get(" ".join(folded[start:end]), ()):
                stems = tuple(stem(word) for word in words(equivalent))
                for position in range(start, end):
                    found[position][stems] = None
    return [tuple(stems for stems in alternatives if stems) for alternatives in found]


def compound_splits(word: str) -> tuple[tuple[str, str], ...]:
    """The ways a long word may split into two Dutch words, as pairs of stems (with and
    without a linking "s": drugslaboratorium -> drugs + laboratorium, drug + laboratorium).

    No dictionary decides: a pair matches a document only when both parts occur in it, so
    the index's own vocabulary picks the real split (vastgoedcriminaliteit finds items about
    vastgoed and criminaliteit; "vastg" + "oedcriminaliteit" finds nothing)."""
    folded = fold(word)
    if len(folded) < MIN_COMPOUND_LENGTH or not folded.isalpha():
        return ()
    splits = {}
    for cut in range(MIN_PART_LENGTH, len(folded) - MIN_PART_LENGTH + 1):
        head, tail = folded[:cut], folded[cut:]
        splits[(stem(head), stem(tail))] = None
        if head.endswith("s") and len(head) > MIN_PART_LENGTH:
            splits[(stem(head[:-1]), stem(tail))] = None
    return tuple(splits)


def joined_compounds(query_words: list[str], position: int) -> tuple[str, ...]:
    """The stems of the compounds the word at ``position`` forms with its neighbours
    ("vastgoed criminaliteit" -> vastgoedcriminaliteit), so that an item using the compound
    matches both words."""
    pairs = [(position - 1, position), (position, position + 1)]
    return tuple(
        stem(fold(query_words[first] + query_words[second]))
        for first, second in pairs
        if first >= 0 and second < len(query_words)
    )
