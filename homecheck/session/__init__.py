"""Application logic between the window and the data, without Qt.

The session owns the check being filled in and writes every change to the store; history lists
checks over time; importing and photos bring check files and their pictures into the store. The
window (homecheck.ui) only shows what these give and forwards what the person does.
"""
