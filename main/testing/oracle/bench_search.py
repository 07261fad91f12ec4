"""Search benchmark on the official engine, over the same collection Engram uses.

stdin JSON: {"engram_db": path to an Engram collection.sqlite, "queries": [str], "repeats": int}
stdout JSON: {"times_ms": {query: [ms, ...]}, "counts": {query: n}}

The Anki collection is built from Engram's rows: notetypes and decks are matched by name
(the bench profile uses stock notetypes), notes/cards/revlog rows are copied with ids intact.
"""

import json
import os
import sqlite3
import sys
import tempfile
import time

from anki.collection import Collection


def build(col, engram_path):
    src = sqlite3.connect(engram_path)
    mid_map = {}
    for mid, name in src.execute("select id, name from notetypes"):
        nt = col.models.by_name(name)
        if nt:
            mid_map[mid] = nt["id"]
    did_map = {}
    for did, name in src.execute("select id, name from decks"):
        did_map[did] = col.decks.id(name)
    db = col.db
    notes = [
        (nid, guid, mid_map[mid], mod, usn, tags, flds, sfld, csum)
        for nid, guid, mid, mod, usn, tags, flds, sfld, csum in src.execute(
            "select id, guid, mid, mod, usn, tags, flds, sfld, csum from notes"
        )
        if mid in mid_map
    ]
    db.executemany(
        "insert into notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data) values (?,?,?,?,?,?,?,?,?,0,'')",
        notes,
    )
    cards = [
        (cid, nid, did_map.get(did, 1), ord_, mod, usn, type_, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data)
        for cid, nid, did, ord_, mod, usn, type_, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data in src.execute(
            "select id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data from cards"
        )
    ]
    db.executemany("insert into cards values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", cards)
    db.executemany("insert into revlog values (?,?,?,?,?,?,?,?,?)", src.execute("select * from revlog"))
    col.tags.register(sorted({t for (tags,) in src.execute("select distinct tags from notes") for t in tags.split()}))
    src.close()


def main():
    request = json.load(sys.stdin)
    real_stdout = sys.stdout
    sys.stdout = sys.stderr  # the engine prints deprecation notices; keep stdout for the JSON reply
    with tempfile.TemporaryDirectory() as tmp:
        col = Collection(os.path.join(tmp, "bench.anki2"))
        build(col, request["engram_db"])
        times = {}
        counts = {}
        for query in request["queries"]:
            samples = []
            for _ in range(request.get("repeats", 5)):
                start = time.perf_counter()
                ids = col.find_cards(query)
                samples.append((time.perf_counter() - start) * 1000)
            times[query] = samples
            counts[query] = len(ids)
        col.close()
    json.dump({"times_ms": times, "counts": counts}, real_stdout)


if __name__ == "__main__":
    main()
