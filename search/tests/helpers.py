from search.query import search


def titles(query, user, **kwargs):
    return [result.title for result in search(query, user, **kwargs).results]
