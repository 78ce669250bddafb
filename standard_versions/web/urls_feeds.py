"""Routes of feeds (issue 15); added by the urls module next to it."""

urlpatterns = []
