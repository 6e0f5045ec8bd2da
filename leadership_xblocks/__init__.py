"""Open edX XBlocks that teach leadership of self, teams, systems and change to social workers."""

__version__ = '0.1.0'
