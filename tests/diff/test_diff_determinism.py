"""The same inputs always give byte-identical JSON, in any process (hash seeds differ)."""

import hashlib
import json
import os
import subprocess
import sys

from standard_versions.diff.engine import diff_versions
from tests.diff.synthetic import synthetic_pair
from tests.diff_apply import apply_diff

SCRIPT = """
import hashlib, json
from standard_versions.diff.engine import diff_versions
from tests.diff.synthetic import synthetic_pair
old, new = synthetic_pair(criteria=600, seed=7)
body = json.dumps(diff_versions(old, new).to_dict(), ensure_ascii=False).encode()
print(hashlib.sha256(body).hexdigest())
"""


def _digest_in_a_process_with_hash_seed(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_diff_json_is_byte_identical_across_processes_and_hash_seeds():
    old, new = synthetic_pair(criteria=600, seed=7)
    body = json.dumps(diff_versions(old, new).to_dict(), ensure_ascii=False).encode()
    here = hashlib.sha256(body).hexdigest()
    assert _digest_in_a_process_with_hash_seed("1") == here
    assert _digest_in_a_process_with_hash_seed("2") == here


def test_the_synthetic_pair_has_the_shares_the_benchmark_claims():
    old, new = synthetic_pair(criteria=1000, seed=3)
    summary = diff_versions(old, new).summary()
    assert summary["added"] == summary["removed"] == 10
    assert summary["renumbered"] == 20
    assert summary["reworded"] == 100
    assert apply_diff(old, diff_versions(old, new)) == new
