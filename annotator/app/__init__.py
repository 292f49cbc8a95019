"""The use cases both front ends call: the command line parses and prints, the workspace
asks and shows; what happens in between lives here, once. No Qt.

- ``projects``: open or create a project.
- ``imports``: import files (one undoable edit), JSONL corpora and REFI-QDA projects.
- ``coding``: the edits behind each coding gesture; one speaker resolver.
- ``suggesting``: run the suggestion engine over documents, learning speakers as it goes.
- ``exports``: which quotes an export or briefing covers, and writing it.
- ``codebook``: import and export a codebook file.
"""
