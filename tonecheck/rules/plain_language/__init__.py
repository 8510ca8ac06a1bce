"""Rules in the plain_language group."""
