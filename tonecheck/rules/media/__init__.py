"""Rules about attached media files: flashing, motion, captions, and files that cannot be read."""

from tonecheck.rules.media import flashing, media_unreadable, motion_duration, video_captions

__all__ = ["flashing", "media_unreadable", "motion_duration", "video_captions"]
