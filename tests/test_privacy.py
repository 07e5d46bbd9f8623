"""Small-count suppression, primary and secondary, on constructed tables."""
import pandas as pd

from dashboard.privacy import suppress_small_counts, suppression_mask


def test_primary_suppression_hides_1_to_4_and_keeps_0_and_5():
    frame = pd.DataFrame({"n": [0, 1, 4, 5, 9]})
    assert suppression_mask(frame, ["n"])["n"].tolist() == [False, True, True, False, False]


def test_a_lone_suppressed_cell_takes_the_smallest_other_with_it():
    # Total 120 is shown elsewhere: hiding only the 3 would reveal it as 120 - 117.
    frame = pd.DataFrame({"township": ["a", "b", "c", "d"], "children": [3, 40, 12, 65]})
    shown = suppress_small_counts(frame, ["children"])
    assert shown["children"].tolist() == ["<5", 40, "<5", 65]


def test_two_primary_cells_need_no_secondary():
    frame = pd.DataFrame({"children": [3, 2, 40, 65]})
    assert suppression_mask(frame, ["children"])["children"].tolist() == [True, True, False, False]


def test_secondary_suppression_works_within_each_group():
    frame = pd.DataFrame({"county": ["x", "x", "x", "y", "y"], "children": [2, 30, 8, 50, 60]})
    mask = suppression_mask(frame, ["children"], group_columns=["county"])
    assert mask["children"].tolist() == [True, False, True, False, False]


def test_across_columns_protects_row_totals_and_stabilises():
    # A township x group table with row and column totals shown.
    frame = pd.DataFrame({"g1": [3, 20, 30], "g2": [10, 25, 40], "g3": [12, 6, 50]})
    mask = suppression_mask(frame, ["g1", "g2", "g3"], across_columns=True)
    for column in mask.columns:  # no column has exactly one hidden cell
        assert mask[column].sum() != 1
    for _, row in mask.iterrows():  # no row has exactly one hidden cell
        assert row.sum() != 1
    assert mask.at[0, "g1"]  # the primary cell stays hidden


def test_the_secondary_cell_is_the_smallest_visible_one():
    frame = pd.DataFrame({"n": [1, 9, 7, 30, 60]})
    assert suppress_small_counts(frame, ["n"])["n"].tolist() == ["<5", 9, "<5", 30, 60]


def test_a_single_row_group_cannot_hide_by_subtraction_and_is_left_alone():
    frame = pd.DataFrame({"n": [3]})
    assert suppress_small_counts(frame, ["n"])["n"].tolist() == ["<5"]


def test_missing_values_are_neither_hidden_nor_used_as_complements():
    frame = pd.DataFrame({"n": [3, None, 50, 70]})
    mask = suppression_mask(frame, ["n"])
    assert mask["n"].tolist() == [True, False, True, False]
