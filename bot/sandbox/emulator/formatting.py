"""Text as Telegram shows it: parse modes (HTML, MarkdownV2, Markdown), UTF-16 lengths and
the bot_command entities; malformed markup is refused with Telegram's "can't parse entities"."""

from __future__ import annotations

import html
import re
from typing import Final

from bot.sandbox.emulator.errors import ERR_ENTITIES_PREFIX, ApiError, bad_request
from bot.sandbox.emulator.records import JSONDict

# A bot_command entity: "/cmd" or "/cmd@SomeBot", at the start or after whitespace.
_BOT_COMMAND_RE: Final = re.compile(r"(?<!\S)/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{1,32})?(?![\w@])")


def utf16_len(text: str) -> int:
    """Telegram measures lengths and offsets in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def _entity_error(detail: str) -> ApiError:
    return bad_request(ERR_ENTITIES_PREFIX + detail)


def bot_command_entities(text: str) -> list[JSONDict]:
    """The bot_command entities Telegram attaches (PTB's CommandHandler needs offset 0)."""
    return [
        {
            "type": "bot_command",
            "offset": utf16_len(text[: match.start()]),
            "length": utf16_len(match.group(0)),
        }
        for match in _BOT_COMMAND_RE.finditer(text)
    ]


_HTML_TAGS: Final = frozenset(
    {
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "span",
        "tg-spoiler",
        "a",
        "tg-emoji",
        "tg-time",
        "code",
        "pre",
        "blockquote",
    }
)
_HTML_TAG_RE: Final = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(\s[^<>]*)?>")


def _render_html(raw: str) -> str:
    """Strip supported tags, rejecting what Telegram rejects (e.g. <br>, a bare '<')."""
    out: list[str] = []
    stack: list[str] = []
    index = 0
    while (start := raw.find("<", index)) >= 0:
        out.append(raw[index:start])
        match = _HTML_TAG_RE.match(raw, start)
        name = match.group(2).lower() if match else ""
        offset = _byte_offset(raw, start)
        if match is None or name not in _HTML_TAGS:
            raise _entity_error(f'Unsupported start tag "{name}" at byte offset {offset}')
        if match.group(1):
            _close_html_tag(stack, name, offset)
        else:
            stack.append(name)
        index = match.end()
    out.append(raw[index:])
    if stack:
        raise _entity_error(f'Can\'t find end tag corresponding to start tag "{stack[-1]}"')
    return html.unescape("".join(out))


def _close_html_tag(stack: list[str], name: str, offset: int) -> None:
    if not stack:
        raise _entity_error(f'Unexpected end tag "{name}" at byte offset {offset}')
    if stack[-1] != name:
        raise _entity_error(
            f'Unmatched end tag at byte offset {offset}, expected "</{stack[-1]}>", '
            f'found "</{name}>"'
        )
    stack.pop()


_MDV2_RESERVED: Final = frozenset("_*[]()~`>#+-=|{}.!")
_MDV2_TOGGLES: Final = {"*": "Bold", "_": "Italic", "__": "Underline", "~": "Strikethrough"}


class _MarkdownV2:
    """A small MarkdownV2 reader: enough to reject what Telegram rejects and to show the text.

    It checks reserved characters, escapes, code spans, links and unclosed entities; it does
    not build entities.
    """

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.index = 0
        self.out: list[str] = []
        self.open: dict[str, int] = {}

    def render(self) -> str:
        raw = self.raw
        while self.index < len(raw):
            self._step(raw[self.index])
        if self.open:
            marker, start = min(self.open.items(), key=lambda item: item[1])
            name = "Spoiler" if marker == "||" else _MDV2_TOGGLES[marker]
            offset = _byte_offset(raw, start)
            raise _entity_error(f"Can't find end of {name} entity at byte offset {offset}")
        return "".join(self.out)

    def _step(self, char: str) -> None:
        raw, index = self.raw, self.index
        if char == "\\":
            self._escape()
        elif char == "`":
            self._code()
        elif char in "*~" or (char == "_" and not raw.startswith("__", index)):
            self._toggle(char, 1)
        elif raw.startswith("__", index) or raw.startswith("||", index):
            self._toggle(raw[index : index + 2], 2)
        elif char == "[" or (char == "!" and raw.startswith("![", index)):
            self._link_start(char)
        elif char == "]":
            self._link_end()
        elif char == ">" and (index == 0 or raw[index - 1] == "\n"):
            self.index += 1  # a blockquote marker
        elif char in _MDV2_RESERVED:
            raise _entity_error(
                f"Character '{char}' is reserved and must be escaped with the preceding '\\'"
            )
        else:
            self.out.append(char)
            self.index += 1

    def _escape(self) -> None:
        nxt = self.raw[self.index + 1 : self.index + 2]
        if not nxt or not 1 <= ord(nxt) <= 126:
            raise _entity_error(
                "Character '\\' is reserved and must be escaped with the preceding '\\'"
            )
        self.out.append(nxt)
        self.index += 2

    def _toggle(self, marker: str, width: int) -> None:
        if marker in self.open:
            del self.open[marker]
        else:
            self.open[marker] = self.index
        self.index += width

    def _code(self) -> None:
        fence = "```" if self.raw.startswith("```", self.index) else "`"
        start = self.index
        self.index += len(fence)
        if fence == "```":
            self._skip_language_tag()
        while self.index < len(self.raw):
            if self.raw[self.index] == "\\":
                self.out.append(self.raw[self.index + 1 : self.index + 2])
                self.index += 2
            elif self.raw.startswith(fence, self.index):
                self.index += len(fence)
                return
            else:
                self.out.append(self.raw[self.index])
                self.index += 1
        name = "Pre" if fence == "```" else "Code"
        raise _entity_error(
            f"Can't find end of {name} entity at byte offset {_byte_offset(self.raw, start)}"
        )

    def _skip_language_tag(self) -> None:
        """```python\ncode``` shows only "code": the first line names the language."""
        tag = re.match(r"[A-Za-z0-9_+#-]+\n", self.raw[self.index :])
        if tag is not None:
            self.index += tag.end()

    def _link_start(self, char: str) -> None:
        self.open["["] = self.index
        self.index += 2 if char == "!" else 1

    def _link_end(self) -> None:
        if "[" not in self.open:
            raise _entity_error(
                "Character ']' is reserved and must be escaped with the preceding '\\'"
            )
        del self.open["["]
        self.index += 1
        if not self.raw.startswith("(", self.index):
            return  # "[text]" without a URL is shown as plain text
        close = self._find_unescaped(")", self.index + 1)
        if close < 0:
            raise _entity_error("Can't find end of a URL")
        self.index = close + 1

    def _find_unescaped(self, char: str, start: int) -> int:
        index = start
        while index < len(self.raw):
            if self.raw[index] == "\\":
                index += 2
                continue
            if self.raw[index] == char:
                return index
            index += 1
        return -1


def _render_markdown_legacy(raw: str) -> str:
    """Legacy Markdown: *bold*, _italic_, `code`, ```pre```, [text](url); '\\' escapes."""
    out: list[str] = []
    index = 0
    while index < len(raw):
        char = raw[index]
        if char == "\\" and raw[index + 1 : index + 2] in ("_", "*", "`", "["):
            out.append(raw[index + 1])
            index += 2
        elif char in "*_`":
            fence = "```" if raw.startswith("```", index) else char
            close = raw.find(fence, index + len(fence))
            if close < 0:
                offset = _byte_offset(raw, index)
                raise _entity_error(
                    f"Can't find end of the entity starting at byte offset {offset}"
                )
            out.append(raw[index + len(fence) : close])
            index = close + len(fence)
        elif char == "[" and (link := re.match(r"\[([^\]]*)\]\(([^)]*)\)", raw[index:])):
            out.append(link.group(1))
            index += link.end()
        else:
            out.append(char)
            index += 1
    return "".join(out)


def render_text(raw: str, parse_mode: str | None, *, validate: bool = True) -> str:
    """What the user sees for ``raw`` sent with ``parse_mode``; raises ApiError like Telegram."""
    mode = (parse_mode or "").lower()
    try:
        if mode == "html":
            return _render_html(raw)
        if mode == "markdownv2":
            return _MarkdownV2(raw).render()
        if mode == "markdown":
            return _render_markdown_legacy(raw)
    except ApiError:
        if validate:
            raise
        return raw
    if mode:
        raise bad_request(f"Bad Request: unsupported parse_mode {parse_mode}")
    return raw
