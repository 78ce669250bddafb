"""Settings for the Standard service: every deployment-specific value comes from the environment.

See docs/operations.md for the variables. Development defaults are only used when DEBUG is on;
with DEBUG off, SECRET_KEY and ALLOWED_HOSTS must be given. ``make run`` writes the development
values to .env.local, which fills in what the environment leaves unset.
"""

from pathlib import Path

from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from backend.env import (
    env_bool,
    env_database,
    env_email,
    env_http_url,
    env_int,
    env_list,
    env_mail,
    env_rate,
    env_str,
    use_local_env_file,
)
from backend.replicas import replica_databases

BASE_DIR = Path(__file__).resolve().parent.parent

# The development settings `make run` writes (.env.local: DEBUG=1, a generated SECRET_KEY), read
# when present and never over the real environment; not read at all when the environment says
# DEBUG=0, so production still refuses to start without its own SECRET_KEY (backend/env.py).
LOCAL_ENV_FILE = Path(env_str("LOCAL_ENV_FILE", str(BASE_DIR / ".env.local")))
LOCAL_ENV_FILE_READ = use_local_env_file(LOCAL_ENV_FILE)

DEBUG = env_bool("DEBUG", False)

if DEBUG:
    SECRET_KEY = env_str("SECRET_KEY", "insecure-development-key-only-used-when-DEBUG-is-on")
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
else:
    SECRET_KEY = env_str("SECRET_KEY")
    if len(SECRET_KEY) < 16:
        raise ImproperlyConfigured("SECRET_KEY must be at least 16 characters when DEBUG is off.")
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS is required when DEBUG is off.")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    # Swagger UI's files from the pinned package, served by whitenoise: /api/docs/ needs no CDN.
    "drf_spectacular_sidecar",
    "corsheaders",
    "csp",
    "simple_history",
    "standard_versions",
]

MIDDLEWARE = [
    # Before anything else, so a request that waited too long is refused for almost nothing.
    "backend.middleware.LoadSheddingMiddleware",
    # Marks anonymous reads that a read replica may answer; removed at start-up when there is
    # none (backend/replicas.py).
    "backend.replicas.ReplicaMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "backend.middleware.RequestBodyLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses pages and the API (whitenoise serves static files precompressed, before this);
    # above everything that writes a body. Strong ETags kept: standard_versions/http/compression.py.
    "standard_versions.http.compression.CompressionMiddleware",
    # Early, so preflights are answered before anything else runs (standard_versions/api/cors.py).
    "corsheaders.middleware.CorsMiddleware",
    "backend.csp.SiteCSPMiddleware",
    "standard_versions.http.middleware.PublicContentMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "standard_versions.http.middleware.LanguageMiddleware",
    # A plain comment submission is answered here, in the reader's language, without the rest.
    "standard_versions.api.submission_middleware.SubmissionFastPathMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "backend.urls"
WSGI_APPLICATION = "backend.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": env_database("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# PostgreSQL streaming replicas for anonymous reads (docs/operations.md, backend/replicas.py):
# staff, writes and what runs outside a request use the primary; in tests they mirror it.
DATABASE_REPLICA_URLS = env_list("DATABASE_REPLICA_URLS", [])
# How long a process leaves a replica alone after it could not connect to it.
DATABASE_REPLICA_RETRY_SECONDS = env_int("DATABASE_REPLICA_RETRY_SECONDS", 10, minimum=1)
# replica_0, replica_1, ...: parsed like the primary; refused unless both are PostgreSQL.
DATABASES.update(replica_databases(DATABASE_REPLICA_URLS, primary=DATABASES["default"]))
# Django's PostgreSQL backend, health-checked without a query when quiet (backend/postgresql/).
for _database in DATABASES.values():
    if _database["ENGINE"] == "django.db.backends.postgresql":
        _database["ENGINE"] = "backend.postgresql"
DATABASE_REPLICAS = [alias for alias in DATABASES if alias != "default"]
if DATABASE_REPLICAS:
    DATABASE_ROUTERS = ["backend.replicas.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Change reasons are a paragraph (standards.editing.MAX_REASON_LENGTH), not simple-history's
# default of 100 characters.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

REDIS_URL = env_str("REDIS_URL", "")
# How long a request waits for Redis before it carries on without it (the cache degrades to the
# process's memory: standard_versions/http/resilient_cache.py).
REDIS_TIMEOUT_MS = env_int("REDIS_TIMEOUT_MS", 250, minimum=10)
# A request that waited longer than this between the proxy and a worker is answered 503 with
# Retry-After at once (backend.middleware.LoadSheddingMiddleware); 0 never sheds.
SHED_AFTER_MS = env_int("SHED_AFTER_MS", 500, minimum=0)
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "standard_versions.http.resilient_cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "wwc"),
            "OPTIONS": {
                "socket_connect_timeout": REDIS_TIMEOUT_MS / 1000,
                "socket_timeout": REDIS_TIMEOUT_MS / 1000,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}Validator"}
    for name in ("UserAttributeSimilarity", "MinimumLength", "CommonPassword", "NumericPassword")
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish")), ("pt-br", _("Portuguese (Brazil)"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The language a reader chooses in the site's switcher (standard_versions/web/views_language.py),
# kept for a year; only the server reads it, and the API never does
# (standard_versions/translations/i18n.py).
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Hashed, gzipped copies once collectstatic has run (standard_versions/http/static_storage.py).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "standard_versions.http.static_storage.StaticFilesStorage"},
}
# Serve app static files without collectstatic; production runs collectstatic (docs/operations.md).
WHITENOISE_USE_FINDERS = True
# Files browsers ask for at the site's root (/favicon.ico), served by whitenoise as they are.
WHITENOISE_ROOT = BASE_DIR / "standard_versions" / "root_files"

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = env_bool(
        "SECURE_COOKIES", True
    )
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# Django's default, stated because docs/operations.md promises it: other sites get no Referer, so
# a link out of the Standard tells them nothing about what was being read.
SECURE_REFERRER_POLICY = "same-origin"

# HTTPS (docs/operations.md, "Production"): off unless set, so plain-HTTP development and the test
# suite work; the documented production environment turns every one on.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
# Load balancers probe /healthz over plain HTTP; a redirect would read as "down".
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if SECURE_HSTS_PRELOAD and not (SECURE_HSTS_INCLUDE_SUBDOMAINS and SECURE_HSTS_SECONDS >= 31536000):
    raise ImproperlyConfigured(
        "SECURE_HSTS_PRELOAD=1 needs SECURE_HSTS_INCLUDE_SUBDOMAINS=1 and SECURE_HSTS_SECONDS of "
        "at least 31536000: browsers' preload lists refuse anything less."
    )

# Content-Security-Policy (django-csp 4; backend/csp.py). Everything comes from this site. No page
# runs inline script, and there is no nonce: cached pages share their HTML across responses, where
# a per-response nonce cannot go (code goes in a static file). Only the admin and the browsable API
# get inline styles. data: images are the SVG icons inside Swagger UI's stylesheet.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
if csp_report_uri := env_str("CSP_REPORT_URI", ""):
    if any(character in csp_report_uri for character in " ;,'\""):
        raise ImproperlyConfigured(f"CSP_REPORT_URI={csp_report_uri!r} is not a single URL.")
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["report-uri"] = [csp_report_uri]

# CORS (docs/operations.md, "CORS"): a browser on any origin (a city's portal) may read what anyone
# may read; writes and staff-only reads get no CORS headers. standard_versions/api/cors.py decides
# per request from the view's permissions, so the URL pattern alone matches nothing.
CORS_URLS_REGEX = r"(?!)"
CORS_ALLOW_ALL_ORIGINS = True
# "*" is never sent with cookies, and Authorization is not an allowed header: every cross-origin
# read is anonymous, so it can only see what anyone can.
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "accept-language", "if-none-match"]
CORS_EXPOSE_HEADERS = ["ETag", "Content-Language", "Content-Disposition", "Retry-After"]

# A form sent without a valid CSRF token gets a page of the public site that gives the text back.
CSRF_FAILURE_VIEW = "standard_versions.web.views_consultation.csrf_failure"

# Request bodies above this are refused before parsing (the largest legitimate body is a comment of
# 10,000 characters plus a proposed text of the same size, in UTF-8).
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("MAX_REQUEST_BYTES", 256 * 1024, minimum=1024)

# Markdown source longer than this is refused on write and not rendered on read.
MARKDOWN_MAX_CHARS = env_int("MARKDOWN_MAX_CHARS", 20_000, minimum=100)

# How long each worker may answer an anonymous revalidation of a non-draft version from the head
# it last read (standard_versions/standards/head_memo.py); 0: every revalidation queries.
REVALIDATION_MEMO_MS = env_int("REVALIDATION_MEMO_MS", 1000, minimum=0)
# How long each worker may serve the home, compare and consultation pages from the cache keys it
# last read (standard_versions/memo.py), the most another worker's change takes to show; 0: never.
PAGE_HEAD_MEMO_MS = env_int("PAGE_HEAD_MEMO_MS", 1000, minimum=0)
# Bodies of published content each worker keeps in memory too (standard_versions/http/body_memo.py).
BODY_MEMO_BYTES = env_int("BODY_MEMO_BYTES", 32 * 1024 * 1024, minimum=0)

COMMENT_THROTTLE_RATE = env_rate("COMMENT_THROTTLE_RATE", "20/min")
SUBSCRIPTION_THROTTLE_RATE = env_rate("SUBSCRIPTION_THROTTLE_RATE", "10/min")

# Whom residents ask about their comments and personal data, named on the privacy page (/privacy/).
# The default is a placeholder: a deployment sets its own (docs/operations.md).
PRIVACY_CONTACT_EMAIL = env_email("PRIVACY_CONTACT_EMAIL", "privacy@example.org")

# Notifications (docs/notifications.md, docs/operations.md). Absolute links in mail and feeds.
PUBLIC_BASE_URL = env_http_url("PUBLIC_BASE_URL", "http://127.0.0.1:8000")
# Where mail goes: EMAIL_URL (smtp://user:password@host:587/?tls=True), or else a folder of .eml
# files (standard_versions/notifications/eml_backend.py), so the default needs no mail server.
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))
EMAIL_FILE_PATH = Path(env_str("MAIL_DIR", str(VAR_DIR / "mail")))
if _email := env_mail("EMAIL_URL"):
    EMAIL_BACKEND = _email["EMAIL_BACKEND"]
    EMAIL_HOST, EMAIL_PORT = _email["EMAIL_HOST"], _email["EMAIL_PORT"]
    EMAIL_HOST_USER, EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_USER"], _email["EMAIL_HOST_PASSWORD"]
    EMAIL_USE_TLS, EMAIL_USE_SSL = _email["EMAIL_USE_TLS"], _email["EMAIL_USE_SSL"]
    if _email.get("EMAIL_FILE_PATH"):
        EMAIL_FILE_PATH = Path(_email["EMAIL_FILE_PATH"])
else:
    EMAIL_BACKEND = "standard_versions.notifications.eml_backend.EmlFileBackend"
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20, minimum=1)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "WWC Standard <standard@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Retries of mail and webhooks: base, 2 x base, 4 x base..., capped; then the delivery fails.
NOTIFY_RETRY_BASE_SECONDS = env_int("NOTIFY_RETRY_BASE_SECONDS", 30, minimum=1)
NOTIFY_RETRY_MAX_SECONDS = env_int("NOTIFY_RETRY_MAX_SECONDS", 6 * 3600, minimum=1)
NOTIFY_MAX_ATTEMPTS = env_int("NOTIFY_MAX_ATTEMPTS", 12, minimum=1)
# A webhook endpoint is disabled, and staff told, when its tries failed this many times in a row
# AND for this long: a receiver down for a minute of backlog fails hundreds, and stays enabled.
WEBHOOK_DISABLE_AFTER = env_int("WEBHOOK_DISABLE_AFTER", 20, minimum=1)
WEBHOOK_DISABLE_AFTER_SECONDS = env_int("WEBHOOK_DISABLE_AFTER_SECONDS", 24 * 3600, minimum=0)
WEBHOOK_TIMEOUT_SECONDS = env_int("WEBHOOK_TIMEOUT_SECONDS", 10, minimum=1)
# Daily digests go out at this hour, UTC.
DIGEST_HOUR_UTC = env_int("DIGEST_HOUR_UTC", 8, minimum=0, maximum=23)
# Receipts a day to an address nobody has confirmed: the form cannot flood somebody's mailbox.
UNVERIFIED_RECEIPTS_PER_DAY = env_int("UNVERIFIED_RECEIPTS_PER_DAY", 3, minimum=0)
# Whether a change nudges a worker at once (else the periodic tick finds it within seconds).
NOTIFY_NUDGE = env_bool("NOTIFY_NUDGE", True)

# Celery (backend/celery.py): Redis in production; on the embedded default a folder, so that
# `make run` needs no broker server. The outbox, not the broker, is what keeps events.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", REDIS_URL or "filesystem://")
CELERY_BROKER_DIR = VAR_DIR / "broker"
if CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_BROKER_DIR),
        "data_folder_out": str(CELERY_BROKER_DIR),
        # Where the workers' control messages go (kombu's default is a folder in the cwd).
        "control_folder": str(CELERY_BROKER_DIR / "control"),
    }
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A web process nudging a broker that is down waits at most this long (then leaves it alone for
# half a minute: notifications/events.py).
CELERY_BROKER_CONNECTION_TIMEOUT = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# The periodic tick: clock events, then whatever is due (retries, digests, missed nudges).
NOTIFY_TICK_SECONDS = env_int("NOTIFY_TICK_SECONDS", 5, minimum=1)
# How often the near-duplicate campaigns of open periods (and of those closed under a day ago)
# are grouped, off the request path (standard_versions/consultation/near_duplicates.py).
CAMPAIGN_TICK_SECONDS = env_int("CAMPAIGN_TICK_SECONDS", 300, minimum=10)
CELERY_BEAT_SCHEDULE = {
    "drain-outbox": {
        "task": "notifications.drain_outbox",
        "schedule": NOTIFY_TICK_SECONDS,
        "options": {"expires": NOTIFY_TICK_SECONDS * 2},
    },
    "find-campaigns": {
        "task": "consultation.find_campaigns_in_open_periods",
        "schedule": CAMPAIGN_TICK_SECONDS,
        "options": {"expires": CAMPAIGN_TICK_SECONDS},
    },
}
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

# How many proxies in front add X-Forwarded-For (1 behind deploy/nginx.conf); 0: none, and the
# client is REMOTE_ADDR (a forged X-Forwarded-For then changes nothing).
NUM_PROXIES = env_int("NUM_PROXIES", 0, minimum=0)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["standard_versions.api.permissions.ReadOnlyOrStaffRole"],
    "DEFAULT_PAGINATION_CLASS": "standard_versions.api.pagination.StandardPagination",
    "PAGE_SIZE": 100,
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "standard_versions.api.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": ["standard_versions.api.parsers.LimitedJSONParser"],
    "EXCEPTION_HANDLER": "standard_versions.api.exceptions.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "standard_versions.api.schema.OwnDocstringAutoSchema",
    "DEFAULT_THROTTLE_RATES": {
        "comments": COMMENT_THROTTLE_RATE,
        "subscriptions": SUBSCRIPTION_THROTTLE_RATE,
    },
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "COERCE_DECIMAL_TO_STRING": False,
    "NUM_PROXIES": NUM_PROXIES or None,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "WWC Standard versioning and consultation API",
    "DESCRIPTION": (
        "Every version of the What Works Cities Certification Standard, criterion by criterion, "
        "in English, Spanish and Portuguese (Brazil); diffs, history and public comment periods."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # The docs UI loads from our static files (drf-spectacular-sidecar), never a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # "kind" names other choice sets too (a period's changes): the answer's gets its own name.
    "ENUM_NAME_OVERRIDES": {
        "AnswerKindEnum": "standard_versions.models.responses.AnswerKind.choices",
        "AnswerStatusEnum": "standard_versions.models.responses.AnswerStatus.choices",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
