"""Oracle for .apkg/.colpkg interoperability tests (main/engine/packages).

Input (JSON on stdin): {"cmd": "build", "dir": ...} or {"cmd": "import", "jobs": [...]}.

- build: makes an Anki collection with every stock notetype, cloze, image occlusion,
  media, tags, nested decks, a custom preset, cards in every scheduling state (with FSRS
  memory on some), review history and a filtered deck; exports it as .apkg (modern and
  legacy, whole collection with scheduling and presets), a deck .apkg without scheduling,
  and .colpkg (modern and legacy). Returns a canonical dump of the source collection.
- import: for each job {"pkg", "kind": "apkg"|"colpkg", "dir", "options", "removeNotetypes",
  "upgradeScheduler", "before", "mediaFiles"}, imports the package into a fresh collection
  (first removing the named stock notetypes, so its stock set matches Engram's, writing
  `mediaFiles` {name: base64} and importing the `before` packages; after a .colpkg optionally
  running the v1→v2 scheduler upgrade Engram applies on import), then returns its dump
  and Check Database's verdict.
"""

import base64
import hashlib
import json
import os
import sys

from anki.collection import (
    Collection,
    DeckIdLimit,
    ExportAnkiPackageOptions,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)

def sha1_file(path):
    with open(path, "rb") as f:
        return hashlib.sha1(f.read()).hexdigest()


# ---------------------------------------------------------------- canonical dump


def stringify_ids(value):
    """Field/template ids are i64: send them as strings so JS loses nothing."""
    if isinstance(value, dict):
        return {k: (str(v) if k == "id" and isinstance(v, int) else stringify_ids(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [stringify_ids(v) for v in value]
    return value


def notetype_dump(nt):
    out = {k: v for k, v in nt.items() if k not in ("id", "mod", "usn", "originalId", "did")}
    out["flds"] = [stringify_ids(f) for f in nt["flds"]]
    out["tmpls"] = [stringify_ids({k: v for k, v in t.items() if k != "did"}) for t in nt["tmpls"]]
    return out


def deck_dump(deck, conf_names):
    out = {k: v for k, v in deck.items() if k not in ("id", "mod", "usn", "conf")}
    if not deck["dyn"]:
        out["confName"] = conf_names.get(deck["conf"], "?")
    return out


def day_based(queue, ctype, due):
    if queue in (2, 3):
        return True
    if queue < 0:
        return ctype == 2 or (ctype in (1, 3) and due <= 1_000_000_000)
    return False


def dump(col):
    # Read cards before anything computes "today": that unburies cards on a new day.
    card_rows = col.db.all(
        "select c.id, n.guid, c.ord, c.did, c.odid, c.type, c.queue, c.due, c.ivl, c.factor, c.reps,"
        " c.lapses, c.left, c.odue, c.flags, c.data, c.mod from cards c join notes n on n.id = c.nid"
    )
    today = col.sched.today
    notetypes = {nt["id"]: nt for nt in col.models.all()}
    decks = {d["id"]: d for d in col.decks.all()}
    conf_names = {c["id"]: c["name"] for c in col.decks.all_config()}
    notes = {}
    for nid, guid, mid, mod, tags, flds in col.db.all("select id, guid, mid, mod, tags, flds from notes"):
        notes[guid] = {
            "notetype": notetypes[mid]["name"],
            "fields": flds.split("\x1f"),
            "tags": sorted(t for t in tags.split(" ") if t),
            "mod": mod,
        }
    cards = {}
    guid_of_card = {}
    for row in card_rows:
        cid, guid, ord_, did, odid, ctype, queue, due, ivl, factor, reps, lapses, left, odue, flags, data, mod = row
        key = f"{guid}/{ord_}"
        guid_of_card[cid] = key
        cards[key] = {
            "deck": decks[did]["name"] if did in decks else f"?{did}",
            "odeck": (decks[odid]["name"] if odid in decks else f"?{odid}") if odid else None,
            "type": ctype,
            "queue": queue,
            "due": due - today if day_based(queue, ctype, due) else due,
            "odue": (odue - today if ctype == 2 and odue else odue),
            "ivl": ivl,
            "factor": factor,
            "reps": reps,
            "lapses": lapses,
            "left": left,
            "flags": flags,
            "data": json.loads(data) if data else {},
            "mod": mod,
        }
    revlog = {}
    for rid, cid, ease, ivl, last_ivl, factor, time, rtype in col.db.all(
        "select id, cid, ease, ivl, lastIvl, factor, time, type from revlog"
    ):
        revlog[str(rid)] = {
            "card": guid_of_card.get(cid, f"?{cid}"),
            "ease": ease,
            "ivl": ivl,
            "lastIvl": last_ivl,
            "factor": factor,
            "time": time,
            "type": rtype,
        }
    media_dir = col.media.dir()
    media = {name: sha1_file(os.path.join(media_dir, name)) for name in sorted(os.listdir(media_dir))
             if os.path.isfile(os.path.join(media_dir, name))}
    return {
        "notes": notes,
        "cards": cards,
        "revlog": revlog,
        "notetypes": {nt["name"]: notetype_dump(nt) for nt in notetypes.values()},
        "decks": {d["name"]: deck_dump(d, conf_names) for d in decks.values()},
        "deckConfigs": {c["name"]: {k: v for k, v in c.items() if k not in ("id", "mod", "usn")}
                        for c in col.decks.all_config()},
        "media": media,
        "tags": sorted(col.tags.all()),
    }


def check_database(col):
    problems, ok = col.fix_integrity()
    return {"ok": ok, "problems": problems}


# ---------------------------------------------------------------- build


def write_media(col, name, data):
    with open(os.path.join(col.media.dir(), name), "wb") as f:
        f.write(data)


def add(col, notetype_name, fields, deck_id, tags=()):
    nt = col.models.by_name(notetype_name)
    note = col.new_note(nt)
    for i, value in enumerate(fields):
        note.fields[i] = value
    note.tags = list(tags)
    col.add_note(note, deck_id)
    return note


def answer(col, card, ease):
    card.load()
    card.start_timer()
    card.timer_started -= 4.5  # a realistic answer time in the revlog
    col.sched.answerCard(card, ease)


def custom_preset(col):
    conf_id = col.decks.add_config_returning_id("Custom Preset")
    conf = col.decks.get_config(conf_id)
    conf["new"]["perDay"] = 7
    conf["new"]["delays"] = [2.0, 15.0, 1440.0]
    conf["new"]["ints"] = [2, 5, 0]
    conf["new"]["initialFactor"] = 2300
    conf["rev"]["perDay"] = 77
    conf["rev"]["ease4"] = 1.4
    conf["rev"]["maxIvl"] = 3650
    conf["lapse"]["delays"] = [5.0, 30.0]
    conf["lapse"]["leechFails"] = 5
    conf["lapse"]["leechAction"] = 0
    conf["maxTaken"] = 45
    conf["desiredRetention"] = 0.85
    conf["buryInterdayLearning"] = True
    conf["reviewOrder"] = 3
    col.decks.update_config(conf)
    return conf_id


def build_collection(path):
    col = Collection(path)
    write_media(col, "pic.png", b"\x89PNG fake image bytes")
    write_media(col, "sound one.mp3", b"ID3 fake audio")
    write_media(col, "_style.css", b".card { color: teal; }")
    write_media(col, "unused.txt", b"not referenced by any note")

    basic = col.models.by_name("Basic")
    basic["css"] = '@import "_style.css";\n' + basic["css"]
    col.models.update_dict(basic)

    default = col.decks.id("Default")
    lang = col.decks.id("Lang")
    verbs = col.decks.id("Lang::Verbs")
    irregular = col.decks.id("Lang::Verbs::Irregular")
    other = col.decks.id("Other::Émile")
    preset = custom_preset(col)
    for did in (lang, verbs, irregular):
        deck = col.decks.get(did)
        deck["conf"] = preset
        col.decks.save(deck)
    deck = col.decks.get(lang)
    deck["desc"] = "Language <b>deck</b>"
    deck["reviewLimit"] = 150
    deck["newLimit"] = 12
    col.decks.save(deck)

    notes = []
    notes.append(add(col, "Basic", ['<img src="pic.png"> hello', "[sound:sound one.mp3] world"], lang, ["tag1", "Nested::Tag"]))
    notes.append(add(col, "Basic (and reversed card)", ["front &amp; more", "back"], verbs, ["tag1"]))
    notes.append(add(col, "Basic (optional reversed card)", ["opt front", "opt back", "y"], irregular))
    notes.append(add(col, "Basic (optional reversed card)", ["opt2 front", "opt2 back", ""], irregular))
    notes.append(add(col, "Basic (type in the answer)", ["type front", "answer"], other, ["typing"]))
    notes.append(add(col, "Cloze", ["{{c1::Paris}} is in {{c2::France}}, {{c3::Europe}}", "extra"], other, ["geo"]))
    notes.append(add(col, "Image Occlusion", [
        "{{c1::image-occlusion:rect:left=.1:top=.2:width=.3:height=.4:oi=1}}{{c2::image-occlusion:ellipse:left=.5:top=.5:width=.1:height=.1}}",
        '<img src="pic.png">', "header", "", "comment"], default, ["io"]))
    for i in range(12):
        notes.append(add(col, "Basic", [f"word {i}", f"meaning {i}"], irregular if i % 2 else verbs, [f"batch{i % 3}"]))

    cards = [c for n in notes for c in n.cards()]
    by_front = {n.fields[0]: n for n in notes}

    def card_of(front, ord_=0):
        return [c for c in by_front[front].cards() if c.ord == ord_][0]

    col.set_config("fsrs", False)
    # learning (intraday), via Again on a new card
    answer(col, card_of("word 0"), 1)
    # day-learn: the preset's third learning step is a day
    answer(col, card_of("word 1"), 3)
    answer(col, card_of("word 1"), 3)
    # reviews in the past, today and the future
    col.sched.set_due_date([card_of("word 2").id, card_of("word 3").id], "0")
    col.sched.set_due_date([card_of("word 4").id], "7")
    col.sched.set_due_date([card_of("word 5").id], "30")
    # a review answered Good, and one lapsed into relearning
    answer(col, card_of("word 2"), 3)
    answer(col, card_of("word 3"), 1)
    # graduated with Easy, then FSRS on for one more answer (memory state in cards.data)
    answer(col, card_of("word 6"), 4)
    col.set_config("fsrs", True)
    answer(col, card_of("word 7"), 4)
    col.set_config("fsrs", False)
    # suspended, buried (manually and as a sibling), flagged
    col.sched.suspend_cards([card_of("word 8").id])
    col.sched.bury_cards([card_of("word 9").id], manual=True)
    col.sched.bury_cards([card_of("front &amp; more", 1).id], manual=False)
    col.set_user_flag_for_cards(3, [card_of("word 10").id, card_of("opt front").id])
    col.sched.set_due_date([card_of("word 11").id], "3")
    col.sched.suspend_cards([card_of("word 11").id])
    # a filtered deck holding the cloze cards
    filtered = col.decks.new_filtered("Filtered::Cram")
    fdeck = col.decks.get(filtered)
    fdeck["terms"] = [["deck:Other*", 100, 0]]
    fdeck["resched"] = True
    col.decks.save(fdeck)
    col.sched.rebuild_filtered_deck(filtered)
    # a note modified later than its creation (mod differs from id)
    by_front["opt2 front"]["Back"] = "opt2 back edited"
    col.update_note(by_front["opt2 front"])
    return col, lang


def export_all(col, out_dir, lang):
    for legacy, name in ((False, "anki-modern.apkg"), (True, "anki-legacy.apkg")):
        col.export_anki_package(
            out_path=os.path.join(out_dir, name),
            options=ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True, with_media=True, legacy=legacy),
            limit=None,
        )
    col.export_anki_package(
        out_path=os.path.join(out_dir, "anki-deck-nosched.apkg"),
        options=ExportAnkiPackageOptions(with_scheduling=False, with_deck_configs=False, with_media=True, legacy=False),
        limit=DeckIdLimit(lang),
    )


def cmd_build(req):
    out_dir = req["dir"]
    src = os.path.join(out_dir, "src")
    os.makedirs(src, exist_ok=True)
    path = os.path.join(src, "collection.anki2")
    col, lang = build_collection(path)
    export_all(col, out_dir, lang)
    result = {"source": dump(col)}
    col.export_collection_package(os.path.join(out_dir, "anki-modern.colpkg"), include_media=True, legacy=False)
    col = Collection(path)
    col.export_collection_package(os.path.join(out_dir, "anki-legacy.colpkg"), include_media=True, legacy=True)
    return result


# ---------------------------------------------------------------- import


UPDATE = {"ifNewer": 0, "always": 1, "never": 2}


def import_job(job):
    target = job["dir"]
    os.makedirs(target, exist_ok=True)
    path = os.path.join(target, "collection.anki2")
    if job["kind"] == "colpkg":
        col = Collection(path)
        backend = col._backend
        media_dir = col.media.dir()
        media_db = os.path.join(target, "collection.media.db2")
        col.close()
        backend.import_collection_package(col_path=path, backup_path=job["pkg"], media_folder=media_dir, media_db=media_db)
        col = Collection(path)
        if job.get("upgradeScheduler"):
            col.upgrade_to_v2_scheduler()
        log = None
    else:
        opts = job.get("options", {})
        col = Collection(path)
        for name in job.get("removeNotetypes", []):
            col.models.remove(col.models.by_name(name)["id"])
        for name, data in job.get("mediaFiles", {}).items():
            write_media(col, name, base64.b64decode(data))
        for pkg in [*job.get("before", []), job["pkg"]]:
            response = col.import_anki_package(
                ImportAnkiPackageRequest(
                    package_path=pkg,
                    options=ImportAnkiPackageOptions(
                        merge_notetypes=False,
                        update_notes=UPDATE[opts.get("updateNotes", "ifNewer")],
                        update_notetypes=UPDATE[opts.get("updateNotetypes", "ifNewer")],
                        with_scheduling=opts.get("withScheduling", True),
                        with_deck_configs=opts.get("withDeckConfigs", True),
                    ),
                )
            )
        log = {
            "new": len(response.log.new),
            "updated": len(response.log.updated),
            "duplicate": len(response.log.duplicate),
            "conflicting": len(response.log.conflicting),
        }
    result = {"dump": dump(col), "log": log}
    result["check"] = check_database(col)
    col.close()
    return result


def cmd_import(req):
    return {"results": [import_job(job) for job in req["jobs"]]}


def main():
    req = json.load(sys.stdin)
    handler = {"build": cmd_build, "import": cmd_import}[req["cmd"]]
    json.dump(handler(req), sys.stdout)


if __name__ == "__main__":
    main()
