"""Reliability statistics against published worked examples and the `krippendorff` package."""

from __future__ import annotations

import math
from fractions import Fraction

import krippendorff
import numpy as np
import pytest

from annotator.services.agreement.stats import (
    DEFAULT_DRAWS,
    LEVELS,
    ReliabilityData,
    bootstrap_alpha,
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha,
    percent_agreement,
    reliability,
)

N = None
#: Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C:
#: 4 observers x 12 units, values 1-5, missing values (unit 12 is coded once only).
#: Published: nominal .743, ordinal .815, interval .849, ratio .797.
EXAMPLE_C = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]
#: Wikipedia's computational example of Krippendorff's alpha: 3 coders x 15 units.
#: Published: nominal 0.691, interval 0.811 (0.691358 and 0.810845 to six places).
WIKIPEDIA = [
    [N, N, N, N, N, 3, 4, 1, 2, 1, 1, 3, 3, N, 3],
    [1, N, 2, 1, 3, 3, 4, 3, N, N, N, N, N, N, N],
    [N, N, 2, 1, 3, 4, 4, N, 2, 1, 1, 3, 3, N, 4],
]
#: Krippendorff (2011) example A (binary, 2 observers, 10 units; alpha .095) and
#: example B (nominal, 2 observers, 12 units; alpha .692).
EXAMPLE_A = [[0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]]
EXAMPLE_B = [list("aabbdcccedda"), list("babbbccceddd")]


def _to_nan(rows: list[list[object]]) -> np.ndarray:
    return np.array([[math.nan if v is None else v for v in row] for row in rows], dtype=float)


@pytest.mark.parametrize(
    ("level", "published"),
    [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)],
)
def test_krippendorff_2011_example_c_matches_the_paper_and_the_package(level, published):
    data = ReliabilityData.from_matrix(EXAMPLE_C, level)
    alpha = krippendorff_alpha(data, level)
    assert alpha is not None
    assert round(alpha, 3) == published
    reference = krippendorff.alpha(_to_nan(EXAMPLE_C), level_of_measurement=level)
    assert alpha == pytest.approx(reference, abs=1e-9)


def test_example_c_nominal_alpha_worked_by_hand():
    # Pairable values n = 40 (unit 12 is not pairable): n_1..n_5 = 9, 13, 10, 5, 3.
    # Matching pairs per unit / (m_u - 1): 3+2+4+4+4+0+4+2+4+3+2 = 32.
    # alpha = 1 - (n - 1) * (n - sum o_cc) / (n^2 - sum n_c^2) = 1 - 39 * 8 / 1216.
    exact = 1 - Fraction(39 * (40 - 32), 40**2 - (9**2 + 13**2 + 10**2 + 5**2 + 3**2))
    alpha = krippendorff_alpha(ReliabilityData.from_matrix(EXAMPLE_C), "nominal")
    assert alpha == pytest.approx(float(exact), abs=1e-12)


def test_wikipedia_example_to_six_places():
    nominal = krippendorff_alpha(ReliabilityData.from_matrix(WIKIPEDIA, "nominal"), "nominal")
    interval = krippendorff_alpha(ReliabilityData.from_matrix(WIKIPEDIA, "interval"), "interval")
    assert nominal == pytest.approx(0.691358, abs=1e-6)
    assert interval == pytest.approx(0.810845, abs=1e-6)


def test_two_observer_examples_a_and_b():
    alpha_a = krippendorff_alpha(ReliabilityData.from_matrix(EXAMPLE_A), "nominal")
    # 4 disagreeing units of 10, n_0 = 14, n_1 = 6: 1 - 19 * 8 / (2 * 14 * 6) = 2/21.
    assert alpha_a == pytest.approx(2 / 21, abs=1e-12)
    assert round(alpha_a, 3) == 0.095
    alpha_b = krippendorff_alpha(ReliabilityData.from_matrix(EXAMPLE_B), "nominal")
    assert alpha_b is not None and round(alpha_b, 3) == 0.692
    codes = {v: i for i, v in enumerate("abcde")}
    reference = krippendorff.alpha(
        np.array([[codes[v] for v in row] for row in EXAMPLE_B], dtype=float),
        level_of_measurement="nominal",
    )
    assert alpha_b == pytest.approx(reference, abs=1e-9)


def test_random_reliability_data_matches_the_package_at_every_level():
    rng = np.random.default_rng(7)
    compared = 0
    for _ in range(60):
        coders, units, values = rng.integers(2, 7), rng.integers(3, 60), rng.integers(2, 8)
        truth = rng.integers(1, values + 1, units)
        matrix = np.where(
            rng.random((coders, units)) < 0.65, truth, rng.integers(1, values + 1, (coders, units))
        ).astype(float)
        matrix[rng.random((coders, units)) < 0.25] = math.nan
        rows = [[None if math.isnan(v) else int(v) for v in row] for row in matrix]
        for level in LEVELS:
            ours = krippendorff_alpha(ReliabilityData.from_matrix(rows, level), level)
            with np.errstate(all="ignore"):
                theirs = krippendorff.alpha(matrix, level_of_measurement=level)
            if ours is None:
                assert not np.isfinite(theirs) or theirs == pytest.approx(1.0)
                continue
            assert ours == pytest.approx(theirs, abs=1e-9), (level, rows)
            compared += 1
    assert compared > 200


def test_ordinal_labels_follow_the_given_order_not_the_alphabet():
    labels = ["very low", "low", "mid", "high", "very high"]
    rows = [[N if v is None else labels[v - 1] for v in row] for row in EXAMPLE_C]
    data = ReliabilityData.from_matrix(rows, "ordinal", value_order=labels)
    alpha = krippendorff_alpha(data, "ordinal")
    assert alpha == pytest.approx(
        krippendorff_alpha(ReliabilityData.from_matrix(EXAMPLE_C, "ordinal"), "ordinal"), abs=1e-12
    )
    alphabetical = krippendorff_alpha(ReliabilityData.from_matrix(rows, "ordinal"), "ordinal")
    assert alphabetical != pytest.approx(alpha, abs=1e-3)


def test_units_coded_once_do_not_count_and_mapping_input_equals_matrix_input():
    coded = {
        (u, coder): value
        for coder, row in zip("ABCD", EXAMPLE_C, strict=True)
        for u, value in enumerate(row)
    }
    coded[("lonely", "A")] = 4  # coded by one coder only: not pairable
    data = ReliabilityData.from_mapping(coded, "interval")
    assert krippendorff_alpha(data, "interval") == pytest.approx(0.8491071428571428, abs=1e-12)
    result = reliability(data, "interval")
    assert result.units == 11  # units 12 and "lonely" are not pairable
    assert result.coders == 4


def test_percent_agreement_pairwise_worked_by_hand():
    # Agreeing / all ordered pairs per pairable unit, summed: 86 / 110.
    assert percent_agreement(ReliabilityData.from_matrix(EXAMPLE_C)) == pytest.approx(86 / 110)
    assert percent_agreement(ReliabilityData.from_matrix(EXAMPLE_A)) == pytest.approx(0.6)


def test_cohen_kappa_published_examples():
    # Wikipedia's example: 50 proposals, yes/yes 20, yes/no 5, no/yes 10, no/no 15: 0.4.
    first = ["yes"] * 25 + ["no"] * 25
    second = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert cohen_kappa(ReliabilityData.from_matrix([first, second])) == pytest.approx(0.4)
    # Krippendorff's examples A and B; the figures are sklearn's cohen_kappa_score's.
    assert cohen_kappa(ReliabilityData.from_matrix(EXAMPLE_A)) == pytest.approx(1 / 11)
    assert cohen_kappa(ReliabilityData.from_matrix(EXAMPLE_B)) == pytest.approx(13 / 19)


def test_cohen_kappa_uses_units_both_coded_and_needs_two_coders():
    rows = [[1, 1, 2, 2, N, 1], [1, 2, 2, 2, 1, N]]
    # Units 1-4 only: observed 3/4, expected (2/4 * 1/4 + 2/4 * 3/4) = 1/2 -> 0.5.
    assert cohen_kappa(ReliabilityData.from_matrix(rows)) == pytest.approx(0.5)
    with pytest.raises(ValueError, match="two coders"):
        cohen_kappa(ReliabilityData.from_matrix(EXAMPLE_C))


def _from_counts(table: list[list[int]]) -> ReliabilityData:
    """Reliability data where coder i gave unit u the i-th of the unit's sorted ratings."""
    raters = sum(table[0])
    columns = [[c for c, n in enumerate(row, start=1) for _ in range(n)] for row in table]
    return ReliabilityData.from_matrix([[col[i] for col in columns] for i in range(raters)])


def test_fleiss_kappa_published_example():
    # Wikipedia's Fleiss' kappa example: 10 subjects, 14 raters, 5 categories, 0.210
    # (statsmodels' fleiss_kappa gives 0.20993070442195522 on the same table).
    table = [
        [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ]  # fmt: skip
    kappa = fleiss_kappa(_from_counts(table))
    assert kappa is not None and round(kappa, 3) == 0.210
    assert kappa == pytest.approx(0.20993070442195522, abs=1e-12)


def test_fleiss_kappa_only_on_units_coded_by_everyone():
    # Example C's 7 units coded by all four; statsmodels gives 0.6414565826330533.
    assert fleiss_kappa(ReliabilityData.from_matrix(EXAMPLE_C)) == pytest.approx(
        0.6414565826330533, abs=1e-12
    )


def test_bootstrap_is_seeded_and_each_draw_is_alpha_of_resampled_units():
    data = ReliabilityData.from_matrix(EXAMPLE_C, "ordinal")
    assert bootstrap_alpha(data, "ordinal", seed=3) == bootstrap_alpha(data, "ordinal", seed=3)
    assert bootstrap_alpha(data, "ordinal", seed=3) != bootstrap_alpha(data, "ordinal", seed=4)
    # One draw: its interval is the alpha of that resample, recomputed from scratch.
    pairable = [u for u in range(12) if sum(row[u] is not None for row in EXAMPLE_C) >= 2]
    for level in LEVELS:
        data = ReliabilityData.from_matrix(EXAMPLE_C, level)
        low, high = bootstrap_alpha(data, level, draws=1, seed=11) or (None, None)
        picks = np.random.default_rng(11).integers(0, len(pairable), size=(1, len(pairable)))[0]
        resample = [[row[pairable[p]] for p in picks] for row in EXAMPLE_C]
        expected = krippendorff_alpha(ReliabilityData.from_matrix(resample, level), level)
        assert low == high == pytest.approx(expected, abs=1e-12)


def test_bootstrap_interval_brackets_alpha_and_narrows_with_more_units():
    rng = np.random.default_rng(5)

    def interval(units: int) -> tuple[float, float, float]:
        truth = rng.integers(1, 5, units)
        rows = np.where(rng.random((3, units)) < 0.8, truth, rng.integers(1, 5, (3, units)))
        data = ReliabilityData.from_matrix(rows.tolist(), "nominal")
        ci = bootstrap_alpha(data, "nominal")
        alpha = krippendorff_alpha(data, "nominal")
        assert ci is not None and alpha is not None
        return ci[0], alpha, ci[1]

    low, alpha, high = interval(40)
    assert low < alpha < high
    wide = high - low
    low, alpha, high = interval(1000)
    assert low < alpha < high
    assert high - low < wide / 3
    assert DEFAULT_DRAWS == 1000


def test_perfect_and_undefined_agreement():
    perfect = reliability(ReliabilityData.from_matrix([[1, 2, 3, 1], [1, 2, 3, 1]]), "nominal")
    assert perfect.alpha == 1.0 and perfect.ci == (1.0, 1.0)
    assert perfect.percent_agreement == 1.0 and perfect.kappa == 1.0
    assert perfect.kappa_kind == "cohen"
    constant = reliability(ReliabilityData.from_matrix([[2, 2, 2], [2, 2, 2]]), "interval")
    assert constant.alpha is None and constant.ci is None
    assert "one same value" in constant.reason
    assert constant.percent_agreement == 1.0


def test_a_variable_coded_by_one_coder_is_reported_not_an_error():
    alone = reliability(ReliabilityData.from_mapping({("a1", "ann"): "x", ("a2", "ann"): "y"}))
    assert alone.alpha is None and alone.kappa is None and alone.coders == 1
    assert "fewer than 2 coders" in alone.reason
    apart = reliability(ReliabilityData.from_mapping({("a1", "ann"): "x", ("a2", "bob"): "y"}))
    assert apart.alpha is None and apart.units == 0 and apart.coders == 2
    assert reliability(ReliabilityData.from_mapping({})).alpha is None


def test_kappa_kind_follows_the_number_of_coders():
    three = reliability(ReliabilityData.from_matrix(EXAMPLE_C[:3]), "nominal")
    assert three.kappa_kind == "fleiss" and three.coders == 3
    # The third coder coded no unit anyone else coded: Cohen's kappa of the other two.
    rows = [[1, 2, 1, 2, N], [1, 2, 2, 2, N], [N, N, N, N, 1]]
    two = reliability(ReliabilityData.from_matrix(rows))
    assert two.kappa_kind == "cohen" and two.coders == 3 and two.units == 4


def test_bad_values_are_named():
    with pytest.raises(ValueError, match="'many' is not a number"):
        ReliabilityData.from_matrix([[1, "many"], [2, 3]], "interval")
    with pytest.raises(ValueError, match="'huge' is not among"):
        ReliabilityData.from_matrix([["low", "huge"]], "ordinal", value_order=["low", "high"])
    with pytest.raises(ValueError, match="unknown level"):
        ReliabilityData.from_matrix([[1]], "circular")  # type: ignore[arg-type]
