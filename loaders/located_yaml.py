"""YAML that remembers where each value came from, so every problem names its file and line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Path_ = tuple[str | int, ...]


@dataclass
class LocatedYaml:
    """Plain data plus the 1-based line of every mapping key, list item and scalar in it."""

    file: Path
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int:
        """The line of `path`, or of its nearest ancestor that has one."""
        for depth in range(len(path), -1, -1):
            line = self.lines.get(path[:depth])
            if line is not None:
                return line
        return 1


class YamlSyntaxError(Exception):
    def __init__(self, file: Path, line: int, message: str) -> None:
        super().__init__(f"{file}:{line}: {message}")
        self.file, self.line, self.message = file, line, message


def read_located_yaml(file: Path) -> LocatedYaml:
    """Parse with the safe loader, keeping lines; raises YamlSyntaxError with the line."""
    text = file.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text, Loader=FAST_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlSyntaxError(file, line, f"invalid YAML: {error.problem}") from error
    located = LocatedYaml(file=file, data=None)
    try:
        if root is not None:
            located.data = _convert(root, (), located.lines, file)
    finally:
        _SCALARS.constructed_objects.clear()  # it keeps every node it saw, and the file with it
    return located


def _convert(node: yaml.Node, path: Path_, lines: dict[Path_, int], file: Path) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _SCALARS.construct_object(key_node)
            if key in result:
                raise YamlSyntaxError(file, key_node.start_mark.line + 1, f"duplicate key {key!r}")
            result[key] = _convert(value_node, (*path, key), lines, file)
            lines[(*path, key)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _convert(item, (*path, index), lines, file) for index, item in enumerate(node.value)
        ]
    if node.tag == TIMESTAMP:
        return node.value  # the models parse dates, so a bad one is a reported problem
    return _SCALARS.construct_object(node)


TIMESTAMP = "tag:yaml.org,2002:timestamp"
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML was built with it (tens of times faster), else Python's."""
_SCALARS = yaml.SafeLoader("")
"""One safe constructor for scalars: it types dates, numbers and booleans as the loader would."""
