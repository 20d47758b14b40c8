"""Write the karyotype goldens: the figure JSON, states and text alternative of each viewer, and of tricky strings.

Run from the repository root (``python tests/unit/goldens/make_karyotype_goldens.py``) only when a change
to the drawing is meant; test_karyotype_goldens.py checks that the code still writes these bytes.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).parent
sys.path.insert(0, str(HERE.parents[2]))  # run as a script from anywhere

from lcbook.display import _figure_json  # noqa: E402
from lcbook.figures.karyotype import DEFAULT_PRESETS, karyogram, karyotype_table, karyotype_viewer  # noqa: E402
from lcbook.karyotype import KaryotypeError, chromosome_copies, describe, parse_karyotype  # noqa: E402

#: The preset lists the chapter's pages pass to karyotype_viewer().
VIEWERS: dict[str, tuple[str, ...]] = {
    "default": DEFAULT_PRESETS,
    "down_syndrome": ("47,XX,+21", "47,XY,+21", "47,XY,+21[12]/46,XY[8]",
                      "46,XY,rob(14;21)(q10;q10),+21", "45,XX,rob(14;21)(q10;q10)", "46,XY"),
    "klinefelter": ("47,XXY", "47,XXY/46,XY", "48,XXYY", "48,XXXY", "49,XXXXY", "46,XY"),
}
#: Karyotypes whose drawing or reading is easy to break.
TRICKY: tuple[str, ...] = (
    "46,XY,t(9;22)(q34;q11.2)", "46,XX,der(22)t(9;22)(q34;q11.2)", "47,XY,+der(22)t(11;22)(q23;q11.2)",
    "46,XX,t(8;21)(q22;q22.1)", "46,XY,inv(16)(p13.1q22)", "46,XY,t(9;11)(p21.3;q23.3)",
    "46,XX,t(15;17)(q24;q21)", "46,XY,t(1;3;5)(p21;q25;q31)", "46,XX,del(5)(q13q33)", "46,XY,del(7)(q22)",
    "46,XY,dup(1)(q21q32)", "46,X,i(X)(q10)", "46,XX,i(17)(q10)", "46,XY,r(13)(p13q34)", "46,XY,add(7)(q22)",
    "45,XY,der(13;14)(q10;q10)", "45,XX,rob(13;14)(q10;q10)", "46,XX,der(1;7)(q10;p10),+8",
    "47,XY,+mar", "48,XY,+2mar", "47,XX,+mar1", "45,X,-Y", "45,XY,-7", "47,XY,+8", "49,XXXXY",
    "69,XXY", "92,XXYY", "23,X", "mos 45,X[15]/46,XX[5]", "chi 46,XX[10]/46,XY[10]",
    "47,XY,+21[12]/46,XY[8]/48,XY,+21,+21[2]", "46,XY,der(22)t(9;22)(q34;q11.2)del(22)(q12)",
    "46,XY,t(21;8)(q22;q22)", "47,XY,+21,-21,+21", " 47, xy", "46,XY,+8", "46,XY,t(8)(q22)",
    "48,XY,+8,+21c", "46~47,XY,+8[cp10]", "46,XX,del(5)(q31)", "46,XY,der(9)t(9;22)(q34;q11.2)",
)


def _parse_record(text: str) -> dict:
    try:
        k = parse_karyotype(text)
    except KaryotypeError as e:
        return {"error": [e.code, e.message, e.position]}
    return {
        "str": str(k), "describe": describe(k), "warnings": list(k.warnings),
        "copies": [[[c.name, c.kind, c.label, list(c.contains)] for c in chromosome_copies(k, j)]
                   for j in range(len(k.cell_lines))],
    }


#: Karyotypes also drawn at 850 bands (the rest are drawn at 400).
FINE: tuple[str, ...] = ("46,XY,t(9;22)(q34;q11.2)", "46,XY,inv(16)(p13.1q22)", "46,X,i(X)(q10)", "47,XY,+mar",
                         "46,XY,t(9;11)(p21.3;q23.3)", "45,XX,rob(13;14)(q10;q10)", "46,XY,add(7)(q22)")


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def goldens() -> tuple[dict[str, str], dict[str, str]]:
    """Name -> text of the viewers' goldens and the parse records; "karyotype@resolution" -> sha256 of a karyogram's JSON."""
    out: dict[str, str] = {}
    drawn: dict[str, str] = {}
    for name, presets in VIEWERS.items():
        viewer = karyotype_viewer(presets)
        # The states and text alternative, not Interactive.to_html(): its markup belongs to lcbook.display.
        out[f"viewer_{name}.states.json"] = json.dumps(
            {"states": [dict(label=st.label, description=st.description, data=st.data, layout=st.layout,
                             traces=st.traces) for st in viewer.states],
             "alt": [viewer.alt.takeaway, list(viewer.alt.columns), [list(r) for r in viewer.alt.rows]]},
            indent=1, sort_keys=True, default=list)
        out[f"viewer_{name}.json"] = _figure_json(viewer.figure)
    parsed = {}
    for text in (*TRICKY, *(p for ps in VIEWERS.values() for p in ps)):
        parsed[text] = _parse_record(text)
        if "error" in parsed[text]:
            continue
        for res in (400, 850) if text in FINE else (400,):
            drawn[f"{text}@{res}"] = _sha(_figure_json(karyogram(text, res)))
        parsed[text]["table"] = [list(r) for r in karyotype_table(text)]
    out["parsed.json"] = json.dumps(parsed, indent=1, sort_keys=True)
    return out, drawn


def main() -> None:
    bundle, drawn = goldens()
    data = json.dumps(bundle, sort_keys=True, indent=0).encode()
    (HERE / "karyotype_goldens.json.gz").write_bytes(gzip.compress(data, mtime=0))
    (HERE / "karyograms.sha256.json").write_text(json.dumps(drawn, indent=1, sort_keys=True) + "\n")
    print(f"wrote {len(bundle)} goldens ({len(data) / 1e6:.1f} MB, {len(gzip.compress(data)) / 1e6:.2f} MB gzipped) "
          f"and {len(drawn)} karyogram hashes")


if __name__ == "__main__":
    main()
