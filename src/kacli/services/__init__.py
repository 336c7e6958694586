"""Answers that combine the store's facts with the domain's rules (read paths; stdlib only)."""
