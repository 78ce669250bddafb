"""Public web pages: server-rendered, no JavaScript needed, in the reader's language."""
