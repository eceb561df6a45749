"""Readers and cleaning: every input kind, and bad input reported per input."""
from __future__ import annotations

import json

from conftest import SEED
from flashpoint.config import Settings
from flashpoint.doc import Article
from flashpoint.ingest import InputFailure, read_inputs
from flashpoint.ingest.clean import clean_text, make_document


def test_seed_cleaning_recovers_metadata_and_holds_each_sentence_once():
    text, meta = clean_text(SEED.read_text(encoding="utf-8"))
    assert meta["title"] == "The Iraqi Government demands that the multinational force leave the country"
    assert meta["author"] == "Oliver Thansan"
    assert meta["published"] == "2024-01-05"
    assert text.count("The Iraqi Government demands that the multinational force leave the country") == 1
    assert text.count("have reached a turning point") == 1
    assert "Reads" not in text and "Oliver Thansan" not in text


def test_text_html_jsonl_csv_and_feed_inputs(tmp_path):
    (tmp_path / "a.txt").write_text("Rebels attacked a base.\n\nThe army said so.", encoding="utf-8")
    (tmp_path / "b.html").write_text(
        "<html><head><title>Clashes in Goma</title></head><body><article><h1>Clashes in Goma</h1>"
        "<p>Rebels attacked an army base near Goma on Monday, the army said in a statement issued later.</p>"
        "<p>The fighting forced thousands of residents to flee towards the city centre, aid workers said.</p>"
        "</article></body></html>", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "x1", "text": "Police arrested nine people.",
                                                  "published": "2024-02-01"}) + "\n", encoding="utf-8")
    (tmp_path / "d.csv").write_text("id,text,published\ny1,Troops shelled the town.,2024-03-01\n", encoding="utf-8")
    (tmp_path / "e.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>Strike</title>'
        "<link>http://example.org/1</link><description>Warplanes struck a depot.</description>"
        "<pubDate>Tue, 09 Jan 2024 10:00:00 GMT</pubDate></item></channel></rss>", encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    assert not [i for i in items if isinstance(i, InputFailure)], items
    by_id = {a.id: a for a in items if a.id}
    assert by_id["x1"].published == "2024-02-01" and by_id["y1"].text == "Troops shelled the town."
    feed = [a for a in items if a.url == "http://example.org/1"][0]
    assert feed.published == "2024-01-09" and "depot" in feed.text
    html = [a for a in items if a.html][0]
    doc = make_document(html)
    assert doc.title == "Clashes in Goma" and "Rebels attacked an army base" in doc.text


def test_bad_inputs_fail_one_by_one_with_reasons(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02abc")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 attaqu\xe9".encode("latin-1"))
    (tmp_path / "lines.jsonl").write_text('{"id": "ok", "text": "Troops attacked."}\n{broken\n', encoding="utf-8")
    (tmp_path / "good.txt").write_text("Militants attacked a checkpoint.", encoding="utf-8")
    items = list(read_inputs([str(tmp_path), str(tmp_path / "missing.txt")]))
    failures = {f.source: f.reason for f in items if isinstance(f, InputFailure)}
    assert "empty" in failures[str(tmp_path / "empty.txt")]
    assert "binary" in failures[str(tmp_path / "binary.txt")]
    assert "UTF-8" in failures[str(tmp_path / "latin1.txt")]
    assert "malformed JSON" in failures[f"{tmp_path / 'lines.jsonl'}:2"]
    assert "no such file" in failures[str(tmp_path / "missing.txt")]
    good = [a for a in items if isinstance(a, Article)]
    assert {a.id or a.source for a in good} == {"ok", str(tmp_path / "good.txt")}


def test_oversized_article_is_refused(tmp_path):
    (tmp_path / "big.txt").write_text("word " * 3000, encoding="utf-8")
    [item] = list(read_inputs([str(tmp_path / "big.txt")], Settings(max_text_bytes=1000)))
    assert isinstance(item, InputFailure) and "over the limit" in item.reason


def test_published_override_and_content_hash_ids():
    a = Article(source="x", text="Troops withdrew from the town.", published="2020-01-01")
    b = Article(source="y", text="Troops withdrew from the town.")
    assert make_document(a).article_id == make_document(b).article_id
    [item] = list(read_inputs([str(SEED)], published="2024-01-06"))
    assert item.published == "2024-01-06"


def test_dateline_gives_the_publication_date_only_with_a_year():
    _, meta = clean_text("Somali forces retake town\n\nMOGADISHU, 9 March 2024 — Government forces recaptured the town.")
    assert meta["published"] == "2024-03-09"
    _, meta = clean_text("Headline\n\nKYIV, March 12 (Reuters) - Ukraine said it downed drones.")
    assert meta["published"] is None


def test_a_wire_dateline_is_found_with_its_place():
    from flashpoint.ingest.clean import find_dateline
    text = "Jets strike rebel sites\n\nSANAA, Jan 12 (Reuters) - American jets struck rebel sites."
    start, end, place = find_dateline(text)
    assert place == "SANAA" and text[start:end] == "SANAA, Jan 12 (Reuters) - "
    assert find_dateline("GAZA CITY — Israeli tanks moved in.")[2] == "GAZA CITY"
    # an acronym and a dash inside a sentence are no dateline
    assert find_dateline("NATO - the alliance - met on Monday.") is None


def test_a_header_line_of_several_fields_gives_author_and_date():
    text, meta = clean_text("Floods cut the coastal road\nBy Lina al-Masri | Friday 7 November 2025 09:20 GMT\n\n"
                            "Rains washed away the road on Thursday.")
    assert meta == {"title": "Floods cut the coastal road", "author": "Lina al-Masri", "published": "2025-11-07"}
    assert "GMT" not in text
    _, meta = clean_text("Port strike enters second week\nBy Tom Reyes, Reuters · March 3, 2025\n\nDockers stayed out.")
    assert (meta["author"], meta["published"]) == ("Tom Reyes", "2025-03-03")
    # a bar in a headline is no header
    text, meta = clean_text("Talks resume in Doha | World news\n\nEnvoys met again.")
    assert meta["published"] is None and meta["title"] == "Talks resume in Doha | World news"


def test_header_stamps_with_weekday_clock_and_zone_words_give_the_date():
    # the stamp word, weekday, clock time and zone words around the date are read past
    _, meta = clean_text("Dam talks stall\nPublished: Monday 2 March 2026, 11:40 GMT | By Ana Ruiz and Li Wei\n\n"
                         "Delegates left the table.")
    assert (meta["author"], meta["published"]) == ("Ana Ruiz", "2026-03-02")
    _, meta = clean_text("Dam talks stall\nBy Ana Ruiz, Cairo | Published Monday 2 March 2026, 11:40 local time\n\n"
                         "Delegates left the table.")
    assert meta["published"] == "2026-03-02"
    # a dash between the fields, and an update stamp as the only date
    _, meta = clean_text("Dam talks stall\nBy Ana Ruiz in Cairo and Li Wei in Addis Ababa — Updated Tuesday 3 March 2026, "
                         "08:00 EAT\n\nDelegates left the table.")
    assert (meta["author"], meta["published"]) == ("Ana Ruiz", "2026-03-03")
    _, meta = clean_text("Dam talks stall\nPublished: Monday 2 March 2026 - 11:40 GMT | Staff writers, Cairo\n\n"
                         "Delegates left the table.")
    assert meta["published"] == "2026-03-02"


def test_a_published_stamp_gives_the_date_before_an_updated_one():
    _, meta = clean_text("Ceasefire holds\nUpdated: 9 May 2025\nPublished: 8 May 2025\n\nGuns fell silent.")
    assert meta["published"] == "2025-05-08"
    _, meta = clean_text("Ceasefire holds\nLast updated on 9 May 2025\n\nGuns fell silent.")
    assert meta["published"] == "2025-05-09"


def test_a_dateline_in_accented_capitals_is_found():
    from flashpoint.ingest.clean import find_dateline
    text = "Rebels free hostages\n\nBOGOTÁ, Colombia, May 2 — The rebels freed four hostages."
    found = find_dateline(text)
    assert found is not None and found[2] == "BOGOTÁ"


def test_a_dateline_of_two_places_is_a_dateline():
    from flashpoint.ingest.clean import find_dateline
    text = "ISLAMABAD/KABUL, Sept 10 (Reuters) - Pakistani and Afghan troops exchanged fire."
    start, end, place = find_dateline(text)
    assert place == "ISLAMABAD/KABUL" and text[end:].startswith("Pakistani")
