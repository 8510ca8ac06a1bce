"""Brand voice: profiles, tone traits and Vale styles.

``load_profile(path)`` reads a voice profile (TOML, see README "Voice profiles"); pass the result to
:func:`tonecheck.check` as ``profile=``. ``ProfileStore(folder)`` serves a folder of profiles that a
team shares, reloading a file when it changes.
"""

from __future__ import annotations

from tonecheck.voice.errors import ProfileError
from tonecheck.voice.profile import Principle, Profile, ProfileStore, Target, load_profile, profile_from_mapping

__all__ = ["Principle", "Profile", "ProfileError", "ProfileStore", "Target", "load_profile", "profile_from_mapping"]
