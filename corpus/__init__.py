"""The corpus pipeline: read -> segment -> parse -> cite -> resolve -> history -> render.

Each stage is one module with one public verb_noun() function; no module imports from a later
stage, and model.py holds the types they pass along.
"""
