"""Notifications: events written with the change that causes them (the outbox), email
subscriptions with double opt-in, Atom and iCalendar feeds, signed webhooks, delivered by Celery
workers at least once (docs/notifications.md)."""
