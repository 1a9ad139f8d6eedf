"""Keeps ``ThemeProduct`` (the theme pages' narrow list table) equal to the live products
and their themes: a product's rows are written again whenever its listed fields or its
themes are saved (publishing, unpublishing, or a live page saved directly); deleting a
product or a theme deletes its rows (foreign keys).

A row that is somehow out of date never shows anything it should not: the theme page reads
the products themselves from the page tables, live and visible to the user only."""

from kennisbank.models import ProductPage, ThemeProduct

BATCH = 2000


def refill(entry_model, product_model, product_ids=None) -> int:
    """Write the rows of ``product_ids`` (all products if None) again from the page tables,
    in the index's order; returns the number written. ``entry_model`` and
    ``product_model``: ``ThemeProduct`` and ``ProductPage``, or their historical models in a
    migration."""
    entries = entry_model.objects.all()
    links = product_model.themes.through.objects.filter(productpage__live=True)
    if product_ids is not None:
        entries = entries.filter(product_id__in=product_ids)
        links = links.filter(productpage_id__in=product_ids)
    entries.delete()
    rows = links.order_by(
        "theme_id", "-productpage__publication_date", "-productpage_id"
    ).values_list(
        "theme_id",
        "productpage_id",
        "productpage__visibility",
        "productpage__product_type",
        "productpage__publication_date",
    )
    batch, written = [], 0
    for theme_id, product_id, visibility, product_type, publication_date in rows.iterator(BATCH):
        batch.append(
            entry_model(
                theme_id=theme_id,
                product_id=product_id,
                visibility=visibility,
                product_type=product_type,
                publication_date=publication_date,
            )
        )
        if len(batch) == BATCH:
            written += len(entry_model.objects.bulk_create(batch))
            batch = []
    return written + len(entry_model.objects.bulk_create(batch))


def refill_all() -> int:
    """After bulk inserts that sent no publish signals (bench/corpus.py, tests)."""
    return refill(ThemeProduct, ProductPage)


# The product fields a theme page's list reads; a save that changes none of them (Wagtail's
# revision bookkeeping) leaves the list as it is.
LISTED_FIELDS = {"live", "visibility", "publication_date", "product_type"}


def on_saved(sender, instance, update_fields=None, **kwargs):
    """Receiver of ``post_save``: a product's rows follow its own fields (publishing and
    unpublishing save the page; a page saved live directly counts too)."""
    if isinstance(instance, ProductPage) and (
        update_fields is None or LISTED_FIELDS.intersection(update_fields)
    ):
        refill(ThemeProduct, ProductPage, [instance.pk])


def on_themes_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """Receiver of ``m2m_changed`` for the products' themes: written after the product's
    own row when a revision is published, so its rows are written again then."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    product_ids = pk_set if reverse else [instance.pk]
    if product_ids:
        refill(ThemeProduct, ProductPage, list(product_ids))
