"""What the app says about safety, in one place and in our own words.

The facts come from the seed documents (stop on sharp pain; leave an area
injured in the last 72 hours alone; start gently and go a little further each
rep; keep breathing; ask a clinician when unsure). The app gives no diagnosis.
"""

from __future__ import annotations

FIRST_RUN_TITLE = "Before you start:"
FIRST_RUN_CAUTION = (
    "Stretch Coach shows stretches; it cannot see you and it does not diagnose anything. "
    "Move slowly, make the first rep small and go a little further each time. "
    "Keep breathing. If a stretch hurts sharply, stop at once — the red "
    "“Sharp pain — stop” button ends the session."
)
FIRST_RUN_OK = "Got it"

INJURY_QUESTION = "Have you injured your back or hips in the last 72 hours?"
INJURY_YES = "Yes"
INJURY_NO = "No"
INJURY_EXPLANATION = (
    "Then give it a rest from stretching for now. In the first three days after an "
    "injury the tight, guarded muscles are protecting tissue that is starting to heal, "
    "and stretching it can set the healing back. Gentle everyday movement, ice and "
    "rest help more at this stage. If you are unsure, or it is not getting better, "
    "talk to a doctor or physiotherapist. The session is paused."
)
INJURY_STOP = "Stop the session"
INJURY_CONTINUE = "It's a different area — carry on"

PAIN_BEFORE_QUESTION = "How much does your back hurt right now? (0 = not at all, 10 = the worst)"
PAIN_AFTER_QUESTION = "And now, after the session? (0 = not at all, 10 = the worst)"
PAIN_SKIP = "Skip"

SHARP_PAIN_BUTTON = "Sharp pain — stop"
SHARP_PAIN_TITLE = "Session stopped because of pain"
SHARP_PAIN_ADVICE = (
    "Good call. Sharp pain is a signal to stop, not something to push through. "
    "Come out of the position slowly, rest, and leave this stretch alone for today. "
    "If the pain stays, keeps coming back, or spreads into your leg, "
    "talk to a doctor or physiotherapist before you stretch again."
)

ABOUT_CAUTION = (
    "Stretch Coach is a follow-along guide, not a medical device, and it gives no diagnosis. "
    "Stop straight away if a stretch causes sharp pain. Leave an area you injured in the "
    "last 72 hours alone until it settles. Start gently and go a little further with each "
    "rep, and breathe slowly throughout — never hold your breath. If you are not sure "
    "whether an exercise suits you, ask a doctor or physiotherapist first."
)

# Shown during a hold, in turn, after the exercise's own cues.
HOLD_CUES = (
    "Breathe slowly — in through the nose, out through the mouth.",
    "Relax into it; let gravity do the work.",
    "No bouncing. Just stay and let the muscle let go.",
    "A gentle pull is right. Sharp pain means stop.",
)
