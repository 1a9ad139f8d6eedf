"""The cluster profile's real servers answer as the suites expect."""

import uuid

import redis
import requests

from tests.cluster.conftest import s3_client


def test_redis_answers(redis_url):
    client = redis.Redis.from_url(redis_url)
    key = f"kpo-service-test-{uuid.uuid4().hex}"
    client.set(key, b"bibob", ex=10)
    assert client.get(key) == b"bibob"
    assert int(client.info("server")["redis_version"].split(".")[0]) >= 6


def test_s3_stores_privately(s3_url, s3_bucket):
    client = s3_client(s3_url)
    client.put_object(Bucket=s3_bucket, Key="service-test.txt", Body=b"Handboek Bibob")

    assert client.get_object(Bucket=s3_bucket, Key="service-test.txt")["Body"].read() == (
        b"Handboek Bibob"
    )
    assert requests.get(f"{s3_url}/{s3_bucket}/service-test.txt", timeout=10).status_code == 403
