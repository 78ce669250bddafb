"""Routes of webhooks (issue 15); added by the urls module next to it."""

urlpatterns = []
