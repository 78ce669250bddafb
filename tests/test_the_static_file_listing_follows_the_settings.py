"""The suite lists the apps' static files once per WhiteNoise configuration (tests/conftest.py,
``_static_files_listed_once``): a middleware made under other settings must still list what those
settings give, as an unpatched one would."""

from django.test import override_settings
from whitenoise.middleware import WhiteNoiseMiddleware


def _listed(**settings) -> dict:
    with override_settings(**settings):
        return WhiteNoiseMiddleware(get_response=lambda request: None).files


def test_a_middleware_made_again_lists_the_same_files():
    first, again = _listed(), _listed()
    assert "/static/web/site.css" in first
    assert again.keys() == first.keys()


def test_another_static_url_lists_the_files_under_it():
    _listed()
    elsewhere = _listed(STATIC_URL="/assets/")
    assert "/assets/web/site.css" in elsewhere
    assert "/static/web/site.css" not in elsewhere


def test_another_max_age_gives_headers_with_it():
    _listed()
    site_css = _listed(WHITENOISE_MAX_AGE=7)["/static/web/site.css"]
    headers = dict(site_css.get_response("GET", {}).headers)
    assert headers["Cache-Control"] == "max-age=7, public"
