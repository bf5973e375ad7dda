"""The Qt wizard: shows the domain and forwards what the person does to the session."""
