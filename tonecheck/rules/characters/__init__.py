"""Rules in the characters group."""
