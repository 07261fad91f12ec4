"""Card generation and rendering oracle (official anki engine).

stdin JSON:
  {"notetypes": [{"name", "type", "fields": [str], "sortf", "css", "latexsvg",
                  "templates": [{"name", "qfmt", "afmt", "bqfmt", "bafmt"}]}],
   "notes": [{"notetype": name, "fields": [str], "tags": [str], "deck": name, "flag": int}],
   "probes": [str]}
stdout JSON:
  {"stock": [legacy notetype dicts], "notetypes": {name: legacy dict},
   "notes": [{"ords", "cards": [{"ord", "id", "question", "answer", "browserQuestion", "browserAnswer"}],
              "storedFields", "storedTags", "sfld", "csum", "fieldsCheck"}],
   "probes": [{"stripHtml", "stripHtmlPreservingMedia", "stripAvTags", "avText", "avTags", "latex", "latexExpanded"}]}

Custom notetypes are added with placeholder templates and then updated with skip_checks, so
templates Anki would reject (broken conditionals, unknown fields) can be rendered too.
Every note is added with col.add_note, which (unlike the Add dialog) accepts empty notes and
cloze notes without clozes; "fieldsCheck" records what the Add dialog would say.
"""

import json
import os
import sys
import tempfile

from anki.card_rendering_pb2 import StripHtmlRequest
from anki.collection import Collection
from anki.notes import NoteFieldsCheckResult


def add_notetype(col, spec):
    mm = col.models
    nt = mm.new(spec["name"])
    nt["type"] = spec.get("type", 0)
    for name in spec["fields"]:
        mm.add_field(nt, mm.new_field(name))
    first = spec["fields"][0]
    for i, tmpl in enumerate(spec["templates"]):
        t = mm.new_template(tmpl["name"])
        placeholder = "{{cloze:%s}}%d" % (first, i) if nt["type"] == 1 else "{{%s}}%d" % (first, i)
        t["qfmt"] = t["afmt"] = placeholder
        mm.add_template(nt, t)
    mm.add(nt)
    nt = mm.by_name(spec["name"])
    for i, tmpl in enumerate(spec["templates"]):
        for key in ("qfmt", "afmt", "bqfmt", "bafmt"):
            nt["tmpls"][i][key] = tmpl.get(key, "")
    nt["css"] = spec.get("css", nt["css"])
    nt["sortf"] = spec.get("sortf", 0)
    nt["latexsvg"] = spec.get("latexsvg", False)
    mm.update_dict(nt, skip_checks=True)


def render_card(card):
    out = {"ord": card.ord, "id": card.id, "question": card.question(), "answer": card.answer()}
    browser = card.render_output(reload=True, browser=True)
    out["browserQuestion"] = browser.question_and_style()
    out["browserAnswer"] = browser.answer_and_style()
    return out


def add_note(col, spec):
    nt = col.models.by_name(spec["notetype"])
    note = col.new_note(nt)
    for i, value in enumerate(spec["fields"]):
        note.fields[i] = value
    note.tags = spec.get("tags", [])
    check = NoteFieldsCheckResult.Name(note.fields_check())
    col.add_note(note, col.decks.id(spec.get("deck", "Default")))
    cards = sorted(note.cards(), key=lambda c: c.ord)
    if spec.get("flag"):
        col.set_user_flag_for_cards(spec["flag"], [c.id for c in cards])
        cards = [col.get_card(c.id) for c in cards]
    sfld, csum, flds = col.db.first("select sfld, csum, flds from notes where id = ?", note.id)
    return {
        "ords": [c.ord for c in cards],
        "cards": [render_card(c) for c in cards],
        "storedFields": flds.split("\x1f"),
        "storedTags": col.get_note(note.id).tags,
        "sfld": sfld,
        "csum": csum,
        "fieldsCheck": check,
    }


def av_tag(tag):
    if tag.WhichOneof("value") == "sound_or_video":
        return {"kind": "sound", "filename": tag.sound_or_video}
    tts = tag.tts
    return {"kind": "tts", "fieldText": tts.field_text, "lang": tts.lang, "voices": list(tts.voices),
            "speed": tts.speed, "otherArgs": list(tts.other_args)}


def latex(col, text, expand):
    out = col._backend.extract_latex(text=text, svg=False, expand_clozes=expand)
    return {"text": out.text, "latex": [{"filename": l.filename, "latex": l.latex_body} for l in out.latex]}


def probe(col, text):
    """Text helpers of the Rust backend applied to one string."""
    backend = col._backend
    av = backend.extract_av_tags(text=text, question_side=True)
    return {
        "stripHtml": backend.strip_html(text=text, mode=StripHtmlRequest.NORMAL),
        "stripHtmlPreservingMedia": backend.strip_html(text=text, mode=StripHtmlRequest.PRESERVE_MEDIA_FILENAMES),
        "stripAvTags": backend.strip_av_tags(text),
        "avText": av.text,
        "avTags": [av_tag(t) for t in av.av_tags],
        "latex": latex(col, text, False),
        "latexExpanded": latex(col, text, True),
    }


def main():
    request = json.load(sys.stdin)
    with tempfile.TemporaryDirectory() as tmp:
        col = Collection(os.path.join(tmp, "collection.anki2"))
        try:
            stock = col.models.all()
            for spec in request.get("notetypes", []):
                add_notetype(col, spec)
            custom = {spec["name"]: col.models.by_name(spec["name"]) for spec in request.get("notetypes", [])}
            notes = [add_note(col, spec) for spec in request.get("notes", [])]
            probes = [probe(col, text) for text in request.get("probes", [])]
        finally:
            col.close()
    json.dump({"stock": stock, "notetypes": custom, "notes": notes, "probes": probes}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
