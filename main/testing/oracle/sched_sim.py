"""Scheduler oracle: runs a simulation plan through the official engine (anki==26.9.3).

Input (JSON on stdin): {"worlds": [World, ...]}. A World sets up one fresh collection:
  fsrs, shortTermWithSteps, rollover, presets (legacy JSON overrides), decks,
  notes (each a "Basic (and reversed card)" note: two cards, with initial states),
  and a list of ops:
    {"op": "answer", "card": [noteIdx, ord], "rating": 1-4, "ms": int}
    {"op": "advance", "days": int}      time travel: every stored time moves back
    {"op": "counts", "deck": deckIdx}   deck tree + study queue for a deck
Output: per world the initial rows, one record per op, and the final rows.

Fuzz is off (ANKI_TEST_MODE) unless the plan says "fuzz": true (the load balancer
stays off either way), the local zone is fixed so the local hour is not 2-4
(where test mode shifts the clock), and answers are kept clear of second boundaries.
"""

import json
import os
import shutil
import sys
import tempfile
import time



def choose_zone():
    utc_hour = time.gmtime().tm_hour
    east = 12 - utc_hour
    if east > 12:
        east -= 24
    if east < -11:
        east += 24
    # POSIX TZ strings count hours west of UTC
    os.environ["TZ"] = "ENG%+d" % (-east)
    time.tzset()


choose_zone()

from anki.collection import Collection  # noqa: E402
from anki.scheduler.v3 import CardAnswer  # noqa: E402

CARD_COLS = "id,nid,did,ord,mod,usn,type,queue,due,ivl,factor,reps,lapses,left,odue,odid,flags,data"
REVLOG_COLS = "id,cid,usn,ease,ivl,lastIvl,factor,time,type"
RATINGS = {1: CardAnswer.AGAIN, 2: CardAnswer.HARD, 3: CardAnswer.GOOD, 4: CardAnswer.EASY}


def card_row(col, cid):
    row = col.db.first(f"select {CARD_COLS} from cards where id = ?", cid)
    return dict(zip(CARD_COLS.split(","), row))


def all_cards(col):
    return [dict(zip(CARD_COLS.split(","), r)) for r in col.db.all(f"select {CARD_COLS} from cards order by id")]


def revlog_for(col, cid):
    return [dict(zip(REVLOG_COLS.split(","), r)) for r in col.db.all(f"select {REVLOG_COLS} from revlog where cid = ? order by id", cid)]


def all_revlog(col):
    return [dict(zip(REVLOG_COLS.split(","), r)) for r in col.db.all(f"select {REVLOG_COLS} from revlog order by id")]


def timing(col):
    t = col._backend.sched_timing_today()
    return {"daysElapsed": t.days_elapsed, "nextDayAt": t.next_day_at}


def reset_caches(col):
    """Toggling the rollover hour drops the cached day and the study queues."""
    prefs = col.get_preferences()
    hour = prefs.scheduling.rollover
    prefs.scheduling.rollover = (hour + 1) % 24
    col.set_preferences(prefs)
    prefs.scheduling.rollover = hour
    col.set_preferences(prefs)


def away_from_second_boundary():
    frac = time.time() % 1
    if frac > 0.95:
        time.sleep(1.0 - frac + 0.005)


def merge(base, overrides):
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            merge(base[key], value)
        else:
            base[key] = value


def setup_world(col, world):
    col.set_config("fsrs", bool(world.get("fsrs", False)))
    col.set_config("fsrsShortTermWithStepsEnabled", bool(world.get("shortTermWithSteps", False)))
    col.set_config("loadBalancerEnabled", False)
    for key, value in world.get("config", {}).items():
        col.set_config(key, value)
    prefs = col.get_preferences()
    prefs.scheduling.rollover = world.get("rollover", 4)
    col.set_preferences(prefs)

    preset_ids = []
    for i, overrides in enumerate(world["presets"]):
        if i == 0:
            conf = col.decks.get_config(1)
        else:
            conf = col.decks.add_config(f"Preset {i}", clone_from=col.decks.get_config(1))
        merge(conf, overrides)
        col.decks.update_config(conf)
        preset_ids.append(conf["id"])

    deck_ids = []
    for spec in world["decks"]:
        did = col.decks.id(spec["name"])
        deck = col.decks.get(did)
        deck["conf"] = preset_ids[spec.get("preset", 0)]
        for key in ("desiredRetention", "reviewLimit", "newLimit", "reviewLimitToday", "newLimitToday"):
            if key in spec:
                deck[key] = spec[key]
        col.decks.save(deck)
        deck_ids.append(did)

    today = timing(col)["daysElapsed"]
    now = int(time.time())
    model = col.models.by_name("Basic (and reversed card)")
    note_cards = []
    for i, spec in enumerate(world["notes"]):
        note = col.new_note(model)
        note["Front"] = f"front {i}"
        note["Back"] = f"back {i}"
        col.add_note(note, deck_ids[spec["deck"]])
        cids = [c.id for c in sorted(note.cards(), key=lambda c: c.ord)]
        note_cards.append(cids)
        for ord_, state in enumerate(spec["cards"]):
            if state is None:
                continue
            apply_state(col, cids[ord_], state, today, now)
    return deck_ids, note_cards


def apply_state(col, cid, s, today, now):
    queue = s["queue"]
    due = s["due"]
    if s["type"] != 0:
        if queue in (1, 4) or (queue < 0 and s.get("dueIsStamp")):
            due = now + due
        else:
            due = today + due
    data = dict(s.get("data", {}))
    if "lrtAgo" in data:
        data["lrt"] = now - data.pop("lrtAgo")
    text = s["dataText"] if "dataText" in s else json.dumps(data, separators=(",", ":"))
    col.db.execute(
        "update cards set type=?, queue=?, due=?, ivl=?, factor=?, reps=?, lapses=?, left=?, data=? where id=?",
        s["type"], queue, due, s["ivl"], s["factor"], s["reps"], s["lapses"], s["left"], text, cid,
    )
    for entry in s.get("revlog", []):
        rid = (now - entry["agoSecs"]) * 1000
        while col.db.scalar("select 1 from revlog where id = ?", rid):
            rid += 1
        col.db.execute(
            "insert into revlog (id,cid,usn,ease,ivl,lastIvl,factor,time,type) values (?,?,?,?,?,?,?,?,?)",
            rid, cid, -1, entry["ease"], entry["ivl"], entry["lastIvl"], entry["factor"], entry.get("time", 1000), entry["type"],
        )


def advance(col, days):
    secs = days * 86400
    col.db.execute("update col set crt = crt - ?", secs)
    col.db.execute("update cards set due = due - ? where queue in (1, 4) or (queue < 0 and due > 1000000000)", secs)
    col.db.execute("update cards set odue = odue - ? where odue > 1000000000", secs)
    for cid, data in col.db.all("select id, data from cards where data like '%\"lrt\"%'"):
        parsed = json.loads(data)
        parsed["lrt"] -= secs
        col.db.execute("update cards set data = ? where id = ?", json.dumps(parsed, separators=(",", ":")), cid)
    for (rid,) in col.db.all("select id from revlog order by id"):
        col.db.execute("update revlog set id = ? where id = ?", rid - secs * 1000, rid)
    reset_caches(col)


def answer(col, cid, rating, ms):
    away_from_second_boundary()
    now_ms = int(time.time() * 1000)
    before = card_row(col, cid)
    revlog_before = revlog_for(col, cid)
    states = col._backend.get_scheduling_states(cid)
    labels = [label.replace("\u2068", "").replace("\u2069", "") for label in col._backend.describe_next_states(states)]
    t = timing(col)
    new_state = [states.again, states.hard, states.good, states.easy][rating - 1]
    answer_msg = CardAnswer(
        card_id=cid,
        current_state=states.current,
        new_state=new_state,
        rating=RATINGS[rating],
        answered_at_millis=now_ms,
        milliseconds_taken=ms,
    )
    error = None
    try:
        col.sched.answer_card(answer_msg)
    except Exception as exc:  # the engine refuses some answers; report them
        error = str(exc)
    after_ms = int(time.time() * 1000)
    after = card_row(col, cid)
    revlog_after = revlog_for(col, cid)
    note_tags = col.db.scalar("select tags from notes where id = ?", before["nid"])
    return {
        "kind": "answer",
        "cid": cid,
        "rating": rating,
        "ms": ms,
        "nowMs": now_ms,
        "clockOk": now_ms // 1000 == after_ms // 1000,
        "timing": dict(t, now=now_ms // 1000),
        "before": before,
        "after": after,
        "revlogBefore": revlog_before,
        "revlog": revlog_after[-1] if len(revlog_after) > len(revlog_before) else None,
        "labels": labels,
        "tags": note_tags,
        "error": error,
    }


def counts(col, did):
    away_from_second_boundary()
    now_ms = int(time.time() * 1000)
    tree = col.sched.deck_due_tree()

    def walk(node):
        out = {str(node.deck_id): [node.new_count, node.learn_count, node.review_count]}
        for child in node.children:
            out.update(walk(child))
        return out

    tree_counts = walk(tree)
    col.decks.select(did)
    queued = col.sched.get_queued_cards(fetch_limit=10)
    order = [c.card.id for c in queued.cards]
    result = {
        "kind": "counts",
        "deck": did,
        "crt": col.crt,
        "nowMs": now_ms,
        "clockOk": now_ms // 1000 == int(time.time()),
        "timing": dict(timing(col), now=now_ms // 1000),
        "tree": tree_counts,
        "queue": [queued.new_count, queued.learning_count, queued.review_count],
        "order": order,
        "cards": all_cards(col),
        "decks": [col.decks.get(d) for d in sorted(int(x) for x in tree_counts if int(x) != 0)],
        "lastUnburied": col.get_config("lastUnburied", None),
    }
    reset_caches(col)
    return result


def build_filtered(col, spec):
    did = col.decks.new_filtered(spec["name"])
    deck = col.decks.get(did)
    deck["terms"] = [[spec["search"], spec["limit"], spec.get("order", 0)]]
    deck["resched"] = spec["resched"]
    for key in ("previewAgainSecs", "previewHardSecs", "previewGoodSecs"):
        if key in spec:
            deck[key] = spec[key]
    col.decks.save(deck)
    col.sched.rebuild_filtered_deck(did)
    reset_caches(col)
    return {"kind": "filter", "deckId": did, "cards": all_cards(col), "decks": all_decks(col)}


def empty_filtered(col, did):
    col.sched.empty_filtered_deck(did)
    reset_caches(col)
    return {"kind": "emptyFilter", "deckId": did, "cards": all_cards(col), "decks": all_decks(col)}


def all_decks(col):
    return [col.decks.get(d) for d in sorted(d.id for d in col.decks.all_names_and_ids())]


def run_world(world):
    # a RAM disk when there is one: every answer commits
    tmp = tempfile.mkdtemp(dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    col = Collection(os.path.join(tmp, "collection.anki2"))
    col.db.execute("pragma synchronous = off")
    try:
        deck_ids, note_cards = setup_world(col, world)
        initial = {
            "crt": col.crt,
            "config": {k: col.get_config(k, None) for k in ("creationOffset", "localOffset", "rollover", "fsrs", "fsrsShortTermWithStepsEnabled", "collapseTime", "lastUnburied", "newCardsIgnoreReviewLimit", "applyAllParentLimits")},
            "deckIds": deck_ids,
            "noteCards": note_cards,
            "cards": all_cards(col),
            "revlog": all_revlog(col),
            "notes": [dict(zip(("id", "tags"), r)) for r in col.db.all("select id, tags from notes order by id")],
            "decks": [col.decks.get(d) for d in sorted(d.id for d in col.decks.all_names_and_ids())],
            "presets": col.decks.all_config(),
        }
        events = []
        filtered = []
        for op in world["ops"]:
            kind = op["op"]
            if kind == "answer":
                note_idx, ord_ = op["card"]
                events.append(answer(col, note_cards[note_idx][ord_], op["rating"], op["ms"]))
            elif kind == "advance":
                advance(col, op["days"])
                events.append({"kind": "advance", "days": op["days"]})
            elif kind == "counts":
                events.append(counts(col, deck_ids[op["deck"]]))
            elif kind == "filter":
                event = build_filtered(col, op)
                filtered.append(event["deckId"])
                events.append(event)
            elif kind == "emptyFilter":
                events.append(empty_filtered(col, filtered.pop()))
        final = {
            "crt": col.crt,
            "cards": all_cards(col),
            "revlog": all_revlog(col),
            "notes": [dict(zip(("id", "tags"), r)) for r in col.db.all("select id, tags from notes order by id")],
            "decks": [col.decks.get(d) for d in sorted(d.id for d in col.decks.all_names_and_ids())],
            "lastUnburied": col.get_config("lastUnburied", None),
        }
        return {"initial": initial, "events": events, "final": final}
    finally:
        col.close()
        shutil.rmtree(tmp, ignore_errors=True)


def set_fuzz(enabled):
    """Test mode turns fuzz off; Rust reads the variable on first use, after this."""
    if enabled:
        os.environ.pop("ANKI_TEST_MODE", None)
    else:
        os.environ["ANKI_TEST_MODE"] = "1"


def main():
    plan = json.load(sys.stdin)
    set_fuzz(bool(plan.get("fuzz", False)))
    out = {"zoneMinutesWest": time.timezone // 60, "fuzz": bool(plan.get("fuzz", False)), "worlds": [run_world(w) for w in plan["worlds"]]}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
