"""Fill a data folder with a therapist's years of data, for benchmarks/run.py.

Every client has checks spread over the years; every check answers every item of its areas,
about one in four a hazard with a note, some actions marked done. Written with plain SQL in one
transaction per thousand clients (the store's own functions take one transaction per change,
which is right for the app and far too slow to make 50,000 checks).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from homecheck.domain.content import checklist
from homecheck.store.db import Store
from homecheck.store.paths import DB_NAME

STREETS = ("Kerkstraat", "Dorpsweg", "Molenlaan", "Stationsplein", "Beukenhof", "Zuidsingel")
NAMES = ("de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder")


def fill(folder: Path, clients: int, checks_each: int = 5, seed: int = 1) -> Path:
    """Make ``folder``/homecheck.sqlite3 with ``clients`` clients; return its path."""
    rng = random.Random(seed)
    content = checklist()
    areas = list(content.area_ids())
    items = [(item.id, item.area) for item in content.items()]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / DB_NAME
    store = Store(path)
    try:
        for start in range(0, clients, 1000):
            with store.transaction() as db:
                for n in range(start, min(clients, start + 1000)):
                    label = (
                        f"{rng.choice(('Mevr.', 'Dhr.'))} {rng.choice('ABCDEFGHJKLMNPRSTW')}. "
                        f"{rng.choice(NAMES)}, {rng.choice(STREETS)} {n + 1}"
                    )
                    cur = db.execute(
                        "INSERT INTO clients (label, created) VALUES (?, '2020-01-01T09:00:00')",
                        (label,),
                    )
                    client_id = cur.lastrowid
                    previous = None
                    for m in range(checks_each):
                        date = f"{2021 + m}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                        status = "done" if m < checks_each - 1 or rng.random() < 0.7 else (
                            "in_progress"
                        )
                        cur = db.execute(
                            "INSERT INTO checks (client_id, previous_id, status, created,"
                            " updated, language, role, client_label, assessor, date, areas,"
                            " intake, area_notes) VALUES (?, ?, ?, ?, ?, 'nl', 'therapist', ?,"
                            " 'Anna', ?, ?, '{}', '{}')",
                            (client_id, previous, status, date + "T10:00:00",
                             date + "T11:00:00", label, date, json.dumps(areas)),
                        )
                        check_id = cur.lastrowid
                        previous = check_id
                        rows = []
                        for item_id, _area in items:
                            answer = rng.choices(("hazard", "ok", "na"), (25, 65, 10))[0]
                            note = (
                                "Losse mat bij de voordeur, schuift weg als je erop stapt."
                                if answer == "hazard" and rng.random() < 0.5 else ""
                            )
                            done = date if answer == "hazard" and rng.random() < 0.3 else None
                            rows.append((check_id, item_id, answer, note, done,
                                         date + "T10:30:00"))
                        db.executemany(
                            "INSERT INTO answers (check_id, item_id, answer, note, done, photos,"
                            " updated) VALUES (?, ?, ?, ?, ?, '[]', ?)",
                            rows,
                        )
    finally:
        store.close()
    return path


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser(
        description="Fill a new data folder with a therapist's years of clients (for trying the "
        "app or timing it with a large store): HOMECHECK_DATA_DIR=FOLDER homecheck-app")
    parser.add_argument("folder", type=Path, help="a data folder without a store in it yet")
    parser.add_argument("--clients", type=int, default=5000, help="how many (default 5000)")
    parser.add_argument("--checks-each", type=int, default=5, help="checks per client (5)")
    args = parser.parse_args()
    if (args.folder / DB_NAME).exists():
        parser.error(f"{args.folder} already holds a store")
    print(fill(args.folder, args.clients, args.checks_each))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
