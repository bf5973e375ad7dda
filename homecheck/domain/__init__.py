"""Pure domain code: checklist content, assessments, scoring and actions (no Qt)."""
