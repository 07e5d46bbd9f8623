import pytest

from dashboard.demo.allocation import allocate, allocate_with_minimum


def test_parts_add_up_to_the_total_exactly():
    parts = allocate(668_000, [0.1, 0.3, 0.6, 1e-9, 2.7])
    assert sum(parts) == 668_000


def test_parts_are_proportional_to_weights():
    assert allocate(10, [1, 1, 3]) == [2, 2, 6]


def test_largest_remainders_get_the_leftover_units():
    assert allocate(10, [1, 1, 1]) == [4, 3, 3]


def test_zero_weight_gets_nothing_when_others_absorb_the_remainder():
    assert allocate(5, [0, 1, 1]) == [0, 3, 2]


def test_minimum_is_respected_and_total_kept():
    parts = allocate_with_minimum(1098, [5, 1, 1, 1], 100)
    assert min(parts) >= 100 and sum(parts) == 1098


@pytest.mark.parametrize("total, weights", [(-1, [1]), (5, []), (5, [0, 0]), (5, [1, -1])])
def test_bad_input_is_refused(total, weights):
    with pytest.raises(ValueError):
        allocate(total, weights)


def test_minimum_above_total_is_refused():
    with pytest.raises(ValueError):
        allocate_with_minimum(3, [1, 1], 2)
