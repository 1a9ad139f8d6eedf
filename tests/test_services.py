"""The real servers behave as the design notes require."""

import uuid

import elasticsearch
from elasticsearch import Elasticsearch


def test_the_pinned_elasticsearch_8_client_talks_to_the_8_server(elasticsearch_url):
    assert elasticsearch.__versionstr__.startswith("8."), "a 9.x client is rejected by 8.x servers"
    client = Elasticsearch(elasticsearch_url)
    nodes = client.nodes.info(filter_path="nodes.*.version")["nodes"]
    assert [node["version"][:5] for node in nodes.values()] == ["8.19."]
    index = f"kpo-service-test-{uuid.uuid4().hex}"
    try:
        client.index(index=index, document={"title": "Handboek Bibob"}, refresh=True)
        hits = client.search(index=index, query={"match": {"title": "bibob"}})["hits"]
        assert hits["total"]["value"] == 1
    finally:
        client.indices.delete(index=index)
