"""Policy rules: what an organisation's social media policy forbids or requires."""

from tonecheck.rules.policy import disclosure, embargoed_term, personal_data

__all__ = ["disclosure", "embargoed_term", "personal_data"]
