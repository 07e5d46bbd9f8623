"""The translation catalogue: every key used in the code exists, in both languages."""
import re
from pathlib import Path

from dashboard.catalogue import CATALOGUE
from dashboard.i18n import t
from dashboard.metrics import METRICS

ROOT = Path(__file__).resolve().parent.parent
KEY_CALL = re.compile(r"""\bt\(\s*["']([a-z0-9_.]+)["']""")


def test_every_entry_has_chinese_and_english():
    for key, (zh, en) in CATALOGUE.items():
        assert zh.strip() and en.strip(), key


def test_every_literal_key_in_the_code_is_in_the_catalogue():
    used = set()
    for path in list(ROOT.glob("*.py")) + list(ROOT.glob("pages/*.py")) + list(ROOT.glob("dashboard/**/*.py")):
        used |= set(KEY_CALL.findall(path.read_text(encoding="utf-8")))
    assert used and not used - CATALOGUE.keys(), sorted(used - CATALOGUE.keys())


def test_overview_metrics_have_labels_and_definitions():
    from dashboard.kpis import AREAS
    shown = [key for key in METRICS if METRICS[key].area in AREAS]
    missing = [k for k in ("township_station_count", "compulsory_enrolment_rate_pct", "home_visit_count",
                           "renovated_household_count", "charity_raised_yuan")
               if f"metric.{k}.label" not in CATALOGUE or f"metric.{k}.definition" not in CATALOGUE]
    assert shown and not missing


def test_translation_formats_values_in_the_chosen_language():
    assert t("period.year", "zh", year=2023) == "2023年"
    assert t("period.year", "en", year=2023) == "2023"


def test_lists_join_with_the_marks_of_the_language():
    from dashboard.i18n import join
    assert join(["甲", "乙"], "zh") == "甲、乙" and join(["甲", "乙"], "zh", clauses=True) == "甲；乙"
    assert join(["a", "b"], "en") == "a, b" and join(["a", "b"], "en", clauses=True) == "a; b"
