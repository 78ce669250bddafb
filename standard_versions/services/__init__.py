"""Every write to the Standard goes through a function here: keyword-only arguments, one
transaction, the acting user and the reason recorded in history."""
