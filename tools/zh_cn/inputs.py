"""Simplified Chinese for reading outside files safely and showing user text as plain text."""

from __future__ import annotations

ZH_CN: dict[tuple[str, str], str] = {
    (
        "Errors",
        "{path} is not a regular file (a device, pipe or socket); choose a file.",
    ): "{path} 不是普通文件（而是设备、管道或套接字）；请选择一个文件。",
    ("Errors", "{path} is too large (more than {limit})."): "{path} 过大（超过 {limit}）。",
    (
        "Errors",
        "{path} is not UTF-8 text (line {line}).",
    ): "{path} 不是 UTF-8 文本（第 {line} 行）。",
}
