"""Rules in the links group."""
