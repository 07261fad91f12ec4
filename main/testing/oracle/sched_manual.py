"""Scheduler oracle for manual scheduling: set due date, forget, reposition,
bury/unbury, suspend/unsuspend (anki==26.9.3).

Input: {"worlds": [World]} as for sched_sim.py, but ops are
  {"op": "setDueDate", "cards": [[note, ord], ...], "days": "0" | "1-7" | "3!"}
  {"op": "forget", "cards": [...], "restorePosition": bool, "resetCounts": bool}
  {"op": "reposition", "cards": [...], "start": int, "step": int, "shift": bool}
  {"op": "bury" | "unbury" | "suspend" | "unsuspend", "cards": [...]}
  {"op": "unburyDeck", "deck": deckIdx, "mode": "all" | "user" | "sched"}
  {"op": "advance", "days": int}
Each op records every card and revlog row before and after, and nextPos.
"""

import json
import os
import sys
import tempfile
import shutil
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import sched_sim as sim  # noqa: E402  (sets the zone and test mode first)
from anki.collection import Collection  # noqa: E402
from anki.scheduler_pb2 import UnburyDeckRequest  # noqa: E402

UNBURY_MODES = {"all": UnburyDeckRequest.ALL, "user": UnburyDeckRequest.USER_ONLY, "sched": UnburyDeckRequest.SCHED_ONLY}


def run_op(col, op, note_cards, deck_ids):
    cids = [note_cards[n][o] for n, o in op.get("cards", [])]
    kind = op["op"]
    if kind == "setDueDate":
        col.sched.set_due_date(cids, op["days"])
    elif kind == "forget":
        col.sched.schedule_cards_as_new(cids, restore_position=op["restorePosition"], reset_counts=op["resetCounts"])
    elif kind == "reposition":
        col.sched.reposition_new_cards(cids, op["start"], op["step"], False, op["shift"])
    elif kind == "bury":
        col.sched.bury_cards(cids)
    elif kind in ("unbury", "unsuspend"):
        col.sched.unbury_cards(cids)
    elif kind == "suspend":
        col.sched.suspend_cards(cids)
    elif kind == "unburyDeck":
        col.sched.unbury_deck(deck_ids[op["deck"]], UNBURY_MODES[op["mode"]])
    return cids


def run_world(world):
    tmp = tempfile.mkdtemp(dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    col = Collection(os.path.join(tmp, "collection.anki2"))
    col.db.execute("pragma synchronous = off")
    try:
        deck_ids, note_cards = sim.setup_world(col, world)
        initial = {
            "crt": col.crt,
            "config": {k: col.get_config(k, None) for k in ("creationOffset", "rollover", "fsrs", "collapseTime", "nextPos", "lastUnburied")},
            "deckIds": deck_ids,
            "noteCards": note_cards,
            "cards": sim.all_cards(col),
            "revlog": sim.all_revlog(col),
            "notes": [dict(zip(("id", "tags"), r)) for r in col.db.all("select id, tags from notes order by id")],
            "decks": sim.all_decks(col),
            "presets": col.decks.all_config(),
        }
        events = []
        for op in world["ops"]:
            if op["op"] == "advance":
                sim.advance(col, op["days"])
                events.append({"kind": "advance", "days": op["days"]})
                continue
            sim.away_from_second_boundary()
            now_ms = int(time.time() * 1000)
            revlog_before = len(sim.all_revlog(col))
            error = None
            cids = []
            try:
                cids = run_op(col, op, note_cards, deck_ids)
            except Exception as exc:
                error = str(exc)
            events.append({
                "kind": op["op"],
                "op": op,
                "cids": cids,
                "deckId": deck_ids[op["deck"]] if "deck" in op else None,
                "nowMs": now_ms,
                "clockOk": now_ms // 1000 == int(time.time()),
                "timing": dict(sim.timing(col), now=now_ms // 1000),
                "crt": col.crt,
                "cards": sim.all_cards(col),
                "newRevlog": sim.all_revlog(col)[revlog_before:],
                "nextPos": col.get_config("nextPos", None),
                "error": error,
            })
        return {"initial": initial, "events": events}
    finally:
        col.close()
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    plan = json.load(sys.stdin)
    sim.set_fuzz(False)
    json.dump({"zoneMinutesWest": time.timezone // 60, "worlds": [run_world(w) for w in plan["worlds"]]}, sys.stdout)


if __name__ == "__main__":
    main()
