from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from search import indexing
from search.engines import ENGINE_ERRORS, elasticsearch_engine
from search.models import PendingIndexUpdate, SearchDocument

BAR_WIDTH = 30


def progress_bar(label: str, done: int, total: int) -> str:
    filled = BAR_WIDTH * done // total if total else BAR_WIDTH
    return f"\r{label:<24} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total}"


class Command(BaseCommand):
    help = (
        "Search index: `rebuild` rebuilds every search document and, with Elasticsearch, a new "
        "index that replaces the old one in one step; `status` reports; `retry` sends "
        "updates postponed while Elasticsearch was unreachable."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "status", "retry"])

    def handle(self, *args, action, **options):
        try:
            getattr(self, action)()
        except ENGINE_ERRORS as error:
            raise CommandError(f"Elasticsearch is not reachable: {error}") from error

    def show(self, label, done, total):
        """Redraw the progress bar when it changes; end the line when done."""
        bar = progress_bar(str(label), done, total)
        if bar.rsplit("]", 1)[0] != getattr(self, "last_bar", "") or done == total:
            self.stdout.write(bar, ending="\n" if done == total else "")
            self.stdout.flush()
            self.last_bar = bar.rsplit("]", 1)[0]

    def rebuild(self):
        count = indexing.rebuild_documents(progress=self.show)
        self.stdout.write(f"{count} search documents in the database.")
        engine = elasticsearch_engine()
        if engine is None:
            return
        documents = SearchDocument.objects.select_related("content_type").prefetch_related("themes")
        total = documents.count()
        started = timezone.now()
        name = engine.rebuild(
            documents.order_by("pk").iterator(chunk_size=500),
            progress=lambda done: self.show("Elasticsearch", done, total),
        )
        # Updates saved while the new index was filled went to the old one: send them again.
        for document in documents.filter(updated_at__gte=started):
            engine.upsert(document)
        PendingIndexUpdate.objects.all().delete()
        self.stdout.write(self.style.SUCCESS(f"Index {name} now serves alias {engine.alias}."))

    def status(self):
        self.stdout.write(f"Search documents in the database: {SearchDocument.objects.count()}")
        self.stdout.write(f"Postponed index updates: {PendingIndexUpdate.objects.count()}")
        engine = elasticsearch_engine()
        if engine is None:
            self.stdout.write("Engine: database (ELASTICSEARCH_URL is not set)")
            return
        status = engine.status()
        indices = ", ".join(status["indices"]) or "none"
        self.stdout.write(f"Engine: elasticsearch, alias {status['alias']} -> {indices}")
        self.stdout.write(f"Documents in Elasticsearch: {status['count']}")

    def retry(self):
        left = indexing.retry_pending()
        self.stdout.write(f"Postponed index updates left: {left}")
