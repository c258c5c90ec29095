"""The sender's display name, from wherever the mail itself gives it."""

from __future__ import annotations

import pytest

from tempmail_desktop.core.mime import sender_name

RAW = ("Received: from mx.example by mx.test; Wed, 5 Mar 2025 12:00:00 +0000\r\n"
       "From: =?utf-8?b?5byg5LiJ?= <zhang@shop.example>\r\n"
       "Subject: Hello\r\n\r\nBody text.\r\n")


@pytest.mark.parametrize(("from_addr", "headers", "raw", "name"), [
    pytest.param("team@shop.example", {"From": "Shop Team <team@shop.example>"}, None, "Shop Team", id="headers"),
    pytest.param("TEAM@shop.example", {"from": '"Doe, Jane" <team@shop.example>'}, None, "Doe, Jane",
                 id="any-case-and-a-comma"),
    pytest.param("zhang@shop.example", {}, RAW, "张三", id="raw-source-encoded-name"),
    pytest.param("", {"From": "Shop Team <team@shop.example>"}, None, "Shop Team", id="no-address-known"),
    pytest.param("someone@else.example", {"From": "Shop Team <team@shop.example>"}, None, None,
                 id="a-header-about-another-address"),
    pytest.param("team@shop.example", {"From": "team@shop.example"}, None, None, id="bare-address"),
    pytest.param("team@shop.example", {}, None, None, id="nothing-to-read"),
    pytest.param("team@shop.example", {}, b"\xff\xfe not a mail at all", None, id="garbage-source"),
])
def test_the_name_comes_from_the_mails_own_from_header(from_addr, headers, raw, name):
    assert sender_name(from_addr, headers, raw) == name
