"""A problem found in an input file (a version document, a PO catalog), with where it is, so an
author can fix every problem of a file in one pass."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"
