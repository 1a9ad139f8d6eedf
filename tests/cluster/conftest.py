"""Fixtures for the cluster profile's suites: the real Redis and S3-compatible store that
`make test` starts (scripts/services/redis.sh and s3.sh). A test that needs one fails,
never skips, when it is missing."""

import os
import uuid

import boto3
import pytest
from botocore.config import Config

from tests.conftest import required_env

# The one access key scripts/services/s3.sh configures.
S3_ACCESS_KEY = os.environ.get("KPO_S3_TEST_ACCESS_KEY", "kpo-test")
S3_SECRET_KEY = os.environ.get("KPO_S3_TEST_SECRET_KEY", "kpo-test-secret-key")


@pytest.fixture(scope="session")
def redis_url():
    return required_env("KPO_TEST_REDIS_URL")


@pytest.fixture(scope="session")
def s3_url():
    return required_env("KPO_TEST_S3_URL")


def s3_client(endpoint_url):
    return boto3.client(
        "s3",
        endpoint_url=endpoint_url,
        aws_access_key_id=S3_ACCESS_KEY,
        aws_secret_access_key=S3_SECRET_KEY,
        region_name="us-east-1",
        config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
    )


@pytest.fixture(scope="session")
def s3_bucket(s3_url):
    """A new, private bucket for this test process; emptied and removed afterwards."""
    client = s3_client(s3_url)
    name = f"kpo-test-{uuid.uuid4().hex[:12]}"
    client.create_bucket(Bucket=name)
    yield name
    empty_bucket(client, name)
    client.delete_bucket(Bucket=name)


def empty_bucket(client, name):
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=name):
        for item in page.get("Contents", []):
            client.delete_object(Bucket=name, Key=item["Key"])


def s3_environment(endpoint_url, bucket):
    """The environment the cluster profile reads for its media bucket."""
    return {
        "KPO_S3_BUCKET": bucket,
        "KPO_S3_ENDPOINT_URL": endpoint_url,
        "KPO_S3_ACCESS_KEY_ID": S3_ACCESS_KEY,
        "KPO_S3_SECRET_ACCESS_KEY": S3_SECRET_KEY,
        "KPO_S3_TIMEOUT": "1",
    }


@pytest.fixture
def s3_media(monkeypatch, settings, s3_url, s3_bucket):
    """Media in this process's bucket on the real S3 server, configured as production does
    (``kpo.env.media_storage``); returns the storage."""
    from django.core.files.storage import default_storage

    from kpo import env

    for name, value in s3_environment(s3_url, s3_bucket).items():
        monkeypatch.setenv(name, value)
    settings.STORAGES = {**settings.STORAGES, "default": env.media_storage()}
    return default_storage


@pytest.fixture(scope="session")
def cluster(
    django_db_setup,
    django_db_blocker,
    tmp_path_factory,
    redis_url,
    s3_url,
    s3_bucket,
    elasticsearch_url,
):
    """Two app servers and two task workers with the production settings, started once per
    run (``tests.cluster.servers``)."""
    from tests.cluster.servers import running_cluster

    state = tmp_path_factory.mktemp("cluster")
    yield from running_cluster(
        django_db_blocker, state, redis_url, s3_url, s3_bucket, elasticsearch_url
    )
