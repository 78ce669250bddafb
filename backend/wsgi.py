import os

from django.core.wsgi import get_wsgi_application

from backend.wsgi_body import ChunkedBodyReader

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
application = ChunkedBodyReader(get_wsgi_application())

# In each worker, before the server hands it a connection (backend/warm_up.py says why).
from backend.warm_up import warm_up  # noqa: E402  (needs the settings the line above set up)

warm_up()
