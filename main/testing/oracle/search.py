"""Differential search oracle: builds a collection from explicit rows and runs queries.

stdin: {"dataset": {...}, "passes": [{"config": {...}, "excludeFromSearch": {notetype: [field]}, "queries": [...]}]}
stdout: {"timing": {...}, "ids": {...}, "passes": [[result, ...], ...]}
A result is {"cards": [...], "notes": [...]} (sorted ids) or {"error": {"type", "message"}}.
Queries may hold «mid:Name», «did:Deck::Name» and «dcid:Preset» placeholders for ids
that differ between engines.
"""

import json
import os
import re
import sqlite3
import sys
import tempfile

from anki.collection import Collection


def create_notetypes(col, specs):
    mm = col.models
    for spec in specs:
        if spec.get("base"):
            m = mm.copy(mm.by_name(spec["base"]), add=False)
            m["name"] = spec["name"]
            for name in spec["fields"][len(m["flds"]):]:
                mm.add_field(m, mm.new_field(name))
        else:
            m = mm.new(spec["name"])
            for name in spec["fields"]:
                mm.add_field(m, mm.new_field(name))
            for tmpl in spec["templates"]:
                t = mm.new_template(tmpl["name"])
                t["qfmt"] = tmpl["qfmt"]
                t["afmt"] = tmpl["afmt"]
                mm.add_template(m, t)
        m["sortf"] = spec.get("sortf", 0)
        mm.add(m)
    return {m["name"]: m["id"] for m in mm.all()}


def create_decks(col, ds):
    preset_ids = {"Default": 1}
    for name in ds["presets"]:
        preset_ids[name] = col.decks.add_config_returning_id(name)
    deck_ids = {"Default": 1}
    for deck in ds["decks"]:
        if deck.get("filtered"):
            deck_ids[deck["name"]] = int(col.decks.new_filtered(deck["name"]))
            continue
        did = col.decks.id(deck["name"])
        if deck.get("preset"):
            d = col.decks.get(did)
            d["conf"] = preset_ids[deck["preset"]]
            col.decks.save(d)
    for d in col.decks.all_names_and_ids():
        deck_ids[d.name] = d.id
    return deck_ids, preset_ids


def insert_rows(db, ds, mids, dids):
    db.executemany(
        "insert into notes values (?,?,?,?,?,?,?,?,?,0,'')",
        [
            [n["id"], n["guid"], mids[n["notetype"]], n["mod"], n["usn"], n["tags"], n["flds"], n["sfld"], n["csum"]]
            for n in ds["notes"]
        ],
    )
    db.executemany(
        "insert into cards values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            [
                c["id"], c["nid"], dids[c["deck"]], c["ord"], c["mod"], c["usn"], c["type"], c["queue"], c["due"],
                c["ivl"], c["factor"], c["reps"], c["lapses"], c["left"], c["odue"],
                dids[c["odeck"]] if c.get("odeck") else 0, c["flags"], c["data"],
            ]
            for c in ds["cards"]
        ],
    )
    db.executemany(
        "insert into revlog values (?,?,?,?,?,?,?,?,?)",
        [[r["id"], r["cid"], r["usn"], r["ease"], r["ivl"], r["lastIvl"], r["factor"], r["time"], r["type"]] for r in ds["revlog"]],
    )


PLACEHOLDER = re.compile("«(mid|did|dcid):([^»]*)»")


def substitute(query, ids):
    return PLACEHOLDER.sub(lambda m: str(ids[m.group(1)][m.group(2)]), query)


def run(col, query):
    try:
        return {"cards": sorted(col.find_cards(query)), "notes": sorted(col.find_notes(query))}
    except Exception as e:  # every failure is a result to compare
        return {"error": {"type": type(e).__name__, "message": str(e)}}


def main():
    job = json.load(sys.stdin)
    ds = job["dataset"]
    path = os.path.join(tempfile.mkdtemp(prefix="search-oracle-"), "collection.anki2")
    col = Collection(path)
    mids = create_notetypes(col, ds["notetypes"])
    dids, dcids = create_decks(col, ds)
    col.set_config("creationOffset", ds["creationOffset"])
    col.set_config("rollover", ds["rollover"])
    col.set_config("curDeck", dids[ds["curDeck"]])
    col.close()
    # Bulk rows go in through plain sqlite3 (one transaction); the backend's per-call proxy is slow.
    db = sqlite3.connect(path)
    with db:
        insert_rows(db, ds, mids, dids)
        db.execute("update col set crt = ?", (ds["crt"],))
    db.close()
    col = Collection(path)
    ids = {"mid": mids, "did": dids, "dcid": dcids}
    out_passes = []
    for p in job["passes"]:
        for key, value in p.get("config", {}).items():
            col.set_config(key, value)
        for notetype, fields in p.get("excludeFromSearch", {}).items():
            m = col.models.by_name(notetype)
            for f in m["flds"]:
                f["excludeFromSearch"] = f["name"] in fields
            col.models.update_dict(m)
        out_passes.append([run(col, substitute(q, ids)) for q in p["queries"]])
    timing = {"today": col.sched.today, "dayCutoff": col.sched.day_cutoff}
    col.close()
    json.dump({"timing": timing, "ids": ids, "passes": out_passes}, sys.stdout)


if __name__ == "__main__":
    main()
