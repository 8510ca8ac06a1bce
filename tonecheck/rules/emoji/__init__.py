"""Rules in the emoji group."""
