import os

from django.core.wsgi import get_wsgi_application

from backend.wsgi_body import ChunkedBodyReader

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
application = ChunkedBodyReader(get_wsgi_application())
