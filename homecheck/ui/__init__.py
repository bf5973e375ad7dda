"""The Qt wizard: shows the domain and writes answers into it."""
