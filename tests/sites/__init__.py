"""Fixture sites nobody prepared kg for, their hand-written truth, and the scorer that measures a build against it."""
