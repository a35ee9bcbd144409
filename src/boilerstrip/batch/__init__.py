"""``boilerstrip batch``: clean whole dumps (directory trees, JSON Lines, WARC) in parallel.

Private subpackage; the command line is the interface (see docs/batch.md).

Modules:

* :mod:`.compress` - plain / gzip / zstd byte streams that survive a corrupt member.
* :mod:`.readers` - input discovery and the document stream (:class:`readers.Item`).
* :mod:`.worker` - what a worker process does with one document.
* :mod:`.pool` - the worker processes: bounded, ordered, with a hard per-document limit.
* :mod:`.writer` - JSON Lines / one-file-per-document output, resume scan, safe names.
* :mod:`.profile` - the per-site repeated-block profile (``--site-profile``).
* :mod:`.dedup` - near-duplicate detection (``--dedup``).
* :mod:`.progress` - progress bar, log lines and the final summary.
* :mod:`.run` - the two passes glued together.
"""
