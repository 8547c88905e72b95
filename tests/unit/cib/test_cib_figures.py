"""CIB figures: one tableau column per scenario with the variant written in each cell and a key
to its colours, a balance whose chosen bars are hatched and best bars starred, content
escaped."""

from __future__ import annotations

from explorer.cib import CrossImpactMatrix, consistent_scenarios, evaluate
from explorer.cib import figures as cib_figures
from tests.unit.cib.conftest import HOSTILE


def test_the_tableau_has_a_column_per_scenario_and_writes_each_variant(
    m: CrossImpactMatrix,
) -> None:
    solutions = consistent_scenarios(m)
    fig = cib_figures.tableau(m, solutions, labels={("a1", "b1"): "Adopted <b>"})
    heatmap = fig.data[0]
    assert list(heatmap.y) == ["A", "B"]
    assert len(heatmap.x) == len(solutions) == 2
    assert heatmap.x[0] == "#1<br>CV 2<br>TIS 3<br>Adopted &lt;b&gt;"
    assert [list(row) for row in heatmap.z] == [[0, 1], [0, 1]]
    assert [list(row) for row in heatmap.text] == [["a1", "a2"], ["b1", "b2"]]
    assert fig.layout.title.text == "Consistent scenarios (2)"


def test_the_tableau_colours_variant_positions_with_palette_colours(
    m: CrossImpactMatrix,
) -> None:
    heatmap, *key = cib_figures.tableau(m, consistent_scenarios(m)).data
    colours = {c for _, c in heatmap.colorscale}
    assert colours == set(cib_figures.VARIANT_COLORS[:3])
    assert (heatmap.zmin, heatmap.zmax) == (-0.5, 2.5)
    assert [(k.name, k.marker.color) for k in key] == [
        ("first variant", cib_figures.VARIANT_COLORS[0]),
        ("second variant", cib_figures.VARIANT_COLORS[1]),
        ("third variant", cib_figures.VARIANT_COLORS[2]),
    ], "a legend says what each colour means"


def test_the_tableau_marks_fixed_descriptors_and_shows_a_page_of_scenarios(
    m: CrossImpactMatrix,
) -> None:
    many = consistent_scenarios(m, 9)
    assert len(many) == 6
    fig = cib_figures.tableau(m, many * 5, fixed=["A"], first=8)
    heatmap = fig.data[0]
    assert heatmap.y[0] == "A (fixed)"
    assert len(heatmap.x) == cib_figures.PAGE == 4
    assert heatmap.x[0].startswith("#9<br>")
    assert fig.layout.title.text == "Consistent scenarios 9-12 of 30"
    assert len(cib_figures.tableau(m, many * 5, first=28).data[0].x) == 2


def test_tableau_wraps_long_names(m: CrossImpactMatrix) -> None:
    solution = consistent_scenarios(m)[0]
    fig = cib_figures.tableau(m, [solution], labels={solution.variants: "A rather long label"})
    assert fig.data[0].x[0].endswith("<br>A rather<br>long label")


def test_a_word_too_long_for_a_cell_is_broken_with_a_hyphen() -> None:
    assert cib_figures.cell_text("Verified decommissioning") == "Verified<br>decommissi-<br>oning"
    assert cib_figures.cell_text("No force") == "No force"
    lines = cib_figures.cell_text("x" * 40).split("<br>")
    assert all(len(line) <= cib_figures.CELL_CHARS for line in lines)
    assert "".join(lines).replace("-", "") == "x" * 40


def test_tableau_escapes_variant_names(m: CrossImpactMatrix) -> None:
    solution = evaluate(m, ["a1", HOSTILE])
    heatmap = cib_figures.tableau(m, [solution]).data[0]
    assert heatmap.text[1][0] == "&lt;img src=x<br>onerror=al-<br>ert(1)&gt;"  # wrapped, escaped


def test_the_balance_hatches_chosen_variants_and_stars_the_best(m: CrossImpactMatrix) -> None:
    fig = cib_figures.balance(m, {"A": "a2", "B": "b1"}, "Mixed <i>")
    chosen, others, best = fig.data
    assert chosen.marker.pattern.shape == "/" and not others.marker.pattern.shape
    assert list(chosen.y) == ["A · a2", "B · b1"]
    assert list(chosen.x) == [-1, -1]
    assert list(best.y) == ["A · a1", "B · b2"]
    assert best.marker.symbol == "star"
    assert fig.layout.title.text == "Impact balance: Mixed &lt;i&gt;"


def test_balance_hover_explains_each_score_and_escapes(m: CrossImpactMatrix) -> None:
    fig = cib_figures.balance(m, {"A": "a1", "B": HOSTILE}, "s")
    chosen, others, _ = fig.data
    assert chosen.hovertext[1] == (
        "<b>B: &lt;img src=x onerror=alert(1)&gt;</b><br>score -1<br>from A: -1"
    )
    assert "B · &lt;img src=x<br>onerror=alert(1)&gt;" in chosen.y  # wrapped, escaped
    assert others.hovertext[0] == "<b>A: a2</b><br>score 0<br>no impact"
