"""Configuration that would weaken confidentiality is refused at start-up, with what to do."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

import pytest

from bot.settings import Settings, SettingsError
from storage.keys import chat_key, derive, keyed_hash

STRONG = "6118920d7c53e4ac36e5f0fa5ded847ad41981cb6ca3873ee61549da43539a6d"


@pytest.mark.parametrize(
    "weak",
    [
        "amicus-secret-2026",  # short: found in 1,231 guesses by the review
        "passwordpasswordpasswordpassword",  # long, but one word over and over
        "amicus-secret-2026-amicus-secret-2026!",
        "0123456789abcdef0123456789abcdef",
        "x" * 64,
        "correct horse battery staple orbit vendor quantum",
        "TheQuickBrownFoxJumpsOverTheLazyDog2026!!",
        "qwertyuiopasdfghjklzxcvbnm1234567890",
        "Amicus2026Amicus2026Amicus2026Amicus2026x",
    ],
)
def test_a_weak_secret_is_refused_with_how_to_make_a_good_one(weak):
    with pytest.raises(SettingsError) as refused:
        Settings.from_env({"AMICUS_SECRET": weak})
    message = str(refused.value)
    assert message.startswith("AMICUS_SECRET ")
    assert "python3 -c 'import secrets; print(secrets.token_hex(32))'" in message
    assert weak not in message  # a secret is never echoed back


@pytest.mark.parametrize(
    "make",
    [
        lambda: secrets.token_hex(32),
        lambda: secrets.token_urlsafe(32),
        lambda: base64.b64encode(secrets.token_bytes(32)).decode(),  # openssl rand -base64 32
    ],
)
def test_generated_secrets_are_accepted(make):
    for _ in range(200):
        secret = make()
        assert Settings.from_env({"AMICUS_SECRET": secret}).secret == secret.encode()


@pytest.mark.parametrize("k", ["1", "2"])
def test_faq_min_askers_below_three_is_refused(k):
    with pytest.raises(SettingsError, match=f"AMICUS_FAQ_MIN_ASKERS must be at least 3, not {k}"):
        Settings.from_env({"AMICUS_FAQ_MIN_ASKERS": k})
    assert Settings.from_env({"AMICUS_FAQ_MIN_ASKERS": "3"}).faq_min_askers == 3


def test_every_key_is_derived_with_hkdf_under_a_label_of_its_own():
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    secret = STRONG.encode()
    expected = HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=b"amicus key derivation v1",
        info=b"amicus/keyed-hash/chat",
    ).derive(secret)
    assert derive(secret, "amicus/keyed-hash/chat") == expected
    assert chat_key(secret, 42) == hmac.new(expected, b"42", hashlib.sha256).hexdigest()
    # The raw secret is never the key: the old construction gives another value.
    raw = hmac.new(secret, b"chat|42", hashlib.sha256).hexdigest()
    assert chat_key(secret, 42) != raw
    # One value, several purposes: nothing in common.
    purposes = ["chat", "asker", "ticket", "advisers", "webhook"]
    assert len({keyed_hash(secret, p, 42) for p in purposes}) == len(purposes)
    labels = ["amicus/keyed-hash/" + p for p in purposes] + ["amicus/adviser-route/aes-gcm"]
    assert len({derive(secret, label) for label in labels}) == len(labels)
