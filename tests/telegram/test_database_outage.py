"""PostgreSQL goes away for a while: the bot keeps running, apologises, and picks
everything up again when the database is back, without a restart."""

from __future__ import annotations

import asyncio
import contextlib

from sqlalchemy.engine import make_url

from bot.sandbox.harness import CoachHarness
from tests.telegram.helpers import attempts_of, onboard

ALICE = 9101


class TcpProxy:
    """A cuttable TCP proxy in front of PostgreSQL: `cut()` drops every connection and
    refuses new ones, as a stopped server would; `restore()` lets them through again."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self._target = (target_host, target_port)
        self._server: asyncio.Server | None = None
        self._links: set[asyncio.StreamWriter] = set()
        self.port = 0

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def cut(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        for writer in list(self._links):
            writer.close()
        self._links.clear()

    async def restore(self) -> None:
        await self.start()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self._target)
        except OSError:
            writer.close()
            return
        self._links |= {writer, up_writer}

        async def pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
            with contextlib.suppress(OSError, ConnectionError):
                while data := await source.read(65536):
                    sink.write(data)
                    await sink.drain()
            sink.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))


async def test_postgres_outage_apologise_then_recover(postgres_url: str) -> None:
    url = make_url(postgres_url)
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    await proxy.start()
    through_proxy = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    async with CoachHarness(through_proxy) as coach:
        await onboard(coach, ALICE)
        await proxy.cut()
        coach.emulator.send_text(ALICE, "asked for a discount, got a no, 7 -> 3")
        await coach.emulator.wait_until(
            lambda: any(
                "can't reach my notebook" in (m.text or "") for m in coach.emulator.messages(ALICE)
            ),
            timeout=30,
        )
        await asyncio.sleep(2)  # the outage goes on for a while
        await proxy.restore()
        await coach.emulator.wait_until(
            lambda: any("Logged" in (m.text or "") for m in coach.emulator.messages(ALICE)),
            timeout=60,
        )
        [attempt] = await attempts_of(coach, ALICE)
        assert attempt.outcome == "no"
        replies = await coach.say(ALICE, "/help")  # and it keeps serving, no restart
        assert replies
    await proxy.cut()
