"""Staff authoring API and point-in-time reads, one module per resource.

The read views of ``api/views`` are extended here (same URLs): ``?as_of=`` on the version tree and
the criteria, and the writes (POST a draft, POST/PATCH/DELETE criteria and practice areas, PATCH
the requirements, publish, withdraw), with the change histories. Without ``as_of`` a GET is
answered by the read view unchanged. Writes read the clock once and hand it to one service, with
the ``If-Match`` header as a ``Precondition`` (``common``).
"""
