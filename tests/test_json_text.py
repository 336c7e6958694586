"""--json text is exactly the standard library's indented JSON, however the data is shaped."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kacli.render.json_text import dumps

leaves = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
keys = st.text() | st.integers() | st.floats() | st.booleans() | st.none()
trees = st.recursive(
    leaves,
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=30,
)


@given(trees)
def test_the_text_is_the_standard_librarys(data):
    assert dumps(data) == json.dumps(data, ensure_ascii=False, indent=2)


def test_rows_of_customers_keep_chinese_text_and_escape_control_characters():
    rows = [{"id": 1, "name": "华信地产", "tags": ["重点", 'a"b\n'], "grade": None, "key": True, "empty": [],
             "nothing": {}, "score": 1.5}]
    assert dumps(rows) == json.dumps(rows, ensure_ascii=False, indent=2)
    assert "华信地产" in dumps(rows)


def test_what_json_cannot_hold_fails_as_in_the_standard_library():
    with pytest.raises(TypeError, match="not JSON serializable"):
        dumps([{"when": object()}])
    with pytest.raises(TypeError, match="keys must be"):
        dumps({(1, 2): 3})
    loop: list = []
    loop.append(loop)
    with pytest.raises(ValueError, match="Circular reference"):
        dumps(loop)
