"""Policy rules: what an organisation's social media policy forbids posting."""

from tonecheck.rules.policy import personal_data

__all__ = ["personal_data"]
