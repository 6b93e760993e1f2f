"""Challenge/anti-bot pages are recognised (and ordinary pages are not)."""

from pathlib import Path

import pytest

from scraper.crawl.challenge import detect_challenge

SITE = Path(__file__).parent / "sites" / "runnerspace"
CAPTURES = Path(__file__).resolve().parents[1].parent / "shared" / "captures"

CF_CHALLENGE = (
    b'<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head>'
    b'<body><noscript><span id="challenge-error-text">Enable JavaScript and cookies'
    b"</span></noscript><script>window._cf_chl_opt = {cType: 'managed'};"
    b"a.src = '/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1?ray=1';"
    b"</script></body></html>"
)
NORMAL_WITH_CF_SCRIPT = (
    b"<html><head><title>DyeStat.com</title>"
    b'<script src="/cdn-cgi/challenge-platform/scripts/precursor/main.js">'
    b"</script></head><body><p>News</p></body></html>"
)


@pytest.mark.parametrize(
    ("status", "headers", "body", "vendor"),
    [
        pytest.param(403, {}, CF_CHALLENGE, "cloudflare", id="cloudflare-managed-403"),
        pytest.param(503, {}, CF_CHALLENGE, "cloudflare", id="cloudflare-managed-503"),
        pytest.param(200, {}, CF_CHALLENGE, "cloudflare", id="cloudflare-strong-marker-any-status"),
        pytest.param(
            403,
            {},
            b"<html><head><title>Just a moment...</title></head></html>",
            "cloudflare",
            id="cloudflare-title-only-403",
        ),
        pytest.param(
            200,
            {"cf-mitigated": "challenge"},
            b"<html><head><title>Just a moment...</title></head></html>",
            "cloudflare",
            id="cloudflare-header",
        ),
        pytest.param(
            403,
            {},
            b"<html><head><title>Attention Required! | Cloudflare</title></head>"
            b"<body>Sorry, you have been blocked. Ray ID: 1</body></html>",
            "cloudflare",
            id="cloudflare-block-page",
        ),
        pytest.param(
            403,
            {"x-datadome": "protected"},
            b'<html><script src="https://ct.captcha-delivery.com/c.js"></script></html>',
            "datadome",
            id="datadome",
        ),
        pytest.param(
            403, {}, b'<html><div id="px-captcha"></div></html>', "perimeterx", id="perimeterx"
        ),
        pytest.param(
            200,
            {},
            b"<html>Request unsuccessful. Incapsula incident ID: 1-2</html>",
            "imperva",
            id="imperva",
        ),
        pytest.param(
            403,
            {},
            b"<html><head><title>Access Denied</title></head><body>You don't "
            b"have permission. Reference #18.1 https://errors.edgesuite.net/18.1</body>"
            b"</html>",
            "akamai",
            id="akamai",
        ),
        pytest.param(
            403,
            {},
            b"<title>Sucuri WebSite Firewall - Access Denied</title>",
            "sucuri",
            id="sucuri",
        ),
        pytest.param(
            202,
            {"x-amzn-waf-action": "challenge"},
            b"<html><script>AwsWafIntegration.getToken()</script></html>",
            "aws-waf",
            id="aws-waf",
        ),
        pytest.param(
            403, {}, b"<html><title>DDoS-Guard</title></html>", "ddos-guard", id="ddos-guard"
        ),
    ],
)
def test_challenge_pages_are_recognised(status, headers, body, vendor):
    reason = detect_challenge(status, headers, body)
    assert reason == f"{vendor} challenge (HTTP {status})"


@pytest.mark.parametrize(
    ("status", "headers", "body"),
    [
        pytest.param(200, {}, NORMAL_WITH_CF_SCRIPT, id="page-with-cloudflare-script"),
        pytest.param(
            404,
            {"server": "cloudflare"},
            b"<html><title>Not found</title></html>",
            id="plain-404-behind-cloudflare",
        ),
        pytest.param(500, {}, b"<html><title>Internal Server Error</title></html>", id="plain-500"),
        pytest.param(
            200,
            {},
            b"<html><title>Just a moment...</title><p>A novel.</p></html>",
            id="title-only-on-200",
        ),
        pytest.param(
            200,
            {},
            b"<p>Just a moment... said Kerr, the Ray ID: story</p>",
            id="marker-words-in-prose",
        ),
        pytest.param(200, {}, b"", id="empty-body"),
        pytest.param(403, {}, b"<html><title>403 Forbidden</title></html>", id="plain-403"),
    ],
)
def test_ordinary_responses_are_not_challenges(status, headers, body):
    assert detect_challenge(status, headers, body) is None


def test_fixture_challenge_page_is_recognised():
    body = (SITE / "challenge" / "index.html").read_bytes()
    assert detect_challenge(403, {}, body) == "cloudflare challenge (HTTP 403)"


@pytest.mark.parametrize("name", ["index.html", "eprofile.php/event_id=120.html"])
def test_fixture_listing_pages_are_not_challenges(name):
    assert detect_challenge(200, {}, (SITE / name).read_bytes()) is None


@pytest.mark.skipif(not CAPTURES.is_dir(), reason="../shared/captures absent")
def test_real_captures():
    challenge = (CAPTURES / "dyestat-home-cloudflare-challenge-403.html").read_bytes()
    assert detect_challenge(403, {"content-type": "text/html; charset=UTF-8"}, challenge)
    for name in ("rs-resultscentral-home.html", "rs-nxn-2025-results-title187.html"):
        assert detect_challenge(200, {}, (CAPTURES / name).read_bytes()) is None, name
